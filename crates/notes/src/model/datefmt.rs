//! English date and time labels, and the month and weekday names the parser
//! reads. Written out here instead of chrono's `format`: its strftime
//! interpreter costs several KB of wasm for six fixed patterns.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Monday first, as chrono's `num_days_from_monday`.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn month(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// "Tuesday, August 20, 2024"
pub fn long_date(d: NaiveDate) -> String {
    let weekday = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    format!("{weekday}, {} {}, {}", month(d), d.day(), d.year())
}

/// "Aug 20"
pub fn short_date(d: NaiveDate) -> String {
    format!("{} {}", &month(d)[..3], d.day())
}

/// "Aug 20, 2024"
pub fn medium_date(d: NaiveDate) -> String {
    format!("{}, {}", short_date(d), d.year())
}

/// "2024-08", the id of a month in the timeline.
pub fn year_month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// "16:05"
pub fn clock(t: NaiveDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "2024-08-20T16:05Z", for `<time datetime>`.
pub fn utc_minute(t: NaiveDateTime) -> String {
    format!("{}T{}Z", t.date(), clock(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day of a leap year and a common one, against chrono's own
    /// formatter, which these functions replace in the wasm.
    #[test]
    fn agrees_with_chrono_format() {
        let mut d = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
        while d.year() < 2025 {
            assert_eq!(long_date(d), d.format("%A, %B %-d, %Y").to_string());
            assert_eq!(short_date(d), d.format("%b %-d").to_string());
            assert_eq!(medium_date(d), d.format("%b %-d, %Y").to_string());
            assert_eq!(year_month(d), d.format("%Y-%m").to_string());
            let t = d.and_hms_opt(d.ordinal() % 24, d.ordinal() % 60, 0).unwrap();
            assert_eq!(clock(t), t.format("%H:%M").to_string());
            assert_eq!(utc_minute(t), t.format("%Y-%m-%dT%H:%MZ").to_string());
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn reads_as_people_expect() {
        let d = NaiveDate::from_ymd_opt(2024, 8, 20).unwrap();
        assert_eq!(long_date(d), "Tuesday, August 20, 2024");
        assert_eq!(short_date(d), "Aug 20");
        assert_eq!(utc_minute(d.and_hms_opt(16, 5, 0).unwrap()), "2024-08-20T16:05Z");
    }
}
