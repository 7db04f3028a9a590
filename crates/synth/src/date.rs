//! Calendar dates without a date library: day numbers, weekdays, the EU
//! summer-time rule, and the spellings note-takers use for dates and times.
//!
//! Only the proleptic Gregorian calendar is needed, and only what the
//! generator writes; chrono would do, but a page of arithmetic keeps the
//! crate free of dependencies.

use std::fmt;

/// A calendar date. Displays as `YYYY-MM-DD`, like the parser's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

pub(crate) const MONTHS: [&str; 12] = [
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

pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub(crate) fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub(crate) fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub(crate) fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as usize
    }

    pub(crate) fn month_name(self) -> &'static str {
        MONTHS[self.month as usize - 1]
    }

    /// Whether a meeting in the evening of this date falls in EU summer
    /// time: from the last Sunday of March (clocks go forward at 01:00 UTC,
    /// before any evening) up to the last Sunday of October (clocks went
    /// back that morning).
    pub(crate) fn is_eu_summer(self) -> bool {
        let start = last_sunday(self.year, 3);
        let end = last_sunday(self.year, 10);
        self >= start && self < end
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn last_sunday(year: i32, month: u32) -> Date {
    let next_first = if month == 12 {
        Date::new(year + 1, 1, 1)
    } else {
        Date::new(year, month + 1, 1)
    };
    let last = next_first.add_days(-1);
    last.add_days(-((last.weekday() as i64 + 1) % 7))
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How a heading (and the info block's Date field) spells a date. All of
/// these are forms `notes::parse::parse_heading` documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateForm {
    /// `August 20, 2024`, sometimes `September 3rd, 2024`.
    Long,
    /// `2021-03-02`.
    Iso,
    /// `Tuesday, 9 January 2024`.
    WeekdayDayMonth,
    /// `Tue, Mar 2, 2021` or `Sept. 14, 2021`.
    Abbreviated,
    /// `20.08.2024`.
    Dotted,
}

/// Writes `date` in `form`; `ordinal` asks for `3rd` instead of `3` where
/// the form allows it.
pub(crate) fn write_date(date: Date, form: DateForm, ordinal_day: bool) -> String {
    let day = if ordinal_day {
        ordinal(date.day)
    } else {
        date.day.to_string()
    };
    let month = date.month_name();
    match form {
        DateForm::Long => format!("{month} {day}, {}", date.year),
        DateForm::Iso => date.to_string(),
        DateForm::WeekdayDayMonth => format!("{}, {} {month} {}", WEEKDAYS[date.weekday()], date.day, date.year),
        DateForm::Abbreviated => {
            let short = match date.month {
                9 => "Sept.".to_string(),
                5 => "May".to_string(),
                _ => format!("{}.", &month[..3]),
            };
            let weekday = &WEEKDAYS[date.weekday()][..3];
            if ordinal_day {
                format!("{weekday}, {short} {day}, {}", date.year)
            } else {
                format!("{short} {day}, {}", date.year)
            }
        }
        DateForm::Dotted => format!("{:02}.{:02}.{}", date.day, date.month, date.year),
    }
}

/// The zone a meeting time is kept in: the community started on Central
/// European time and later moved to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// Wall-clock time in Berlin, following summer time.
    Cet,
    Utc,
}

/// A meeting's start as wall-clock time in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub hour: u32,
    pub minute: u32,
    pub zone: Zone,
}

/// How a year writes times: 12- or 24-hour clock, and for Central European
/// time either `CET/CEST` or the zone in force that day (`CET` in winter,
/// `CEST` in summer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub twelve_hour: bool,
    pub exact_cet: bool,
}

impl Slot {
    /// `6:00 PM CET/CEST`, `17:00 CEST`, `4:00 PM UTC`.
    pub fn write(self, date: Date, clock: Clock) -> String {
        let time = if clock.twelve_hour {
            let h12 = match self.hour % 12 {
                0 => 12,
                h => h,
            };
            let meridiem = if self.hour < 12 { "AM" } else { "PM" };
            format!("{h12}:{:02} {meridiem}", self.minute)
        } else {
            format!("{:02}:{:02}", self.hour, self.minute)
        };
        let zone = match self.zone {
            Zone::Utc => "UTC",
            Zone::Cet if !clock.exact_cet => "CET/CEST",
            Zone::Cet if date.is_eu_summer() => "CEST",
            Zone::Cet => "CET",
        };
        format!("{time} {zone}")
    }

    /// The start in UTC as (hour, minute).
    pub fn utc(self, date: Date) -> (u32, u32) {
        let offset = match self.zone {
            Zone::Utc => 0,
            Zone::Cet if date.is_eu_summer() => 2,
            Zone::Cet => 1,
        };
        ((self.hour + 24 - offset) % 24, self.minute)
    }

    /// `4 PM UTC` and its dateful.com link, for a document's intro.
    pub fn intro_link(self) -> String {
        let (h12, meridiem) = match self.hour {
            0 => (12, "AM"),
            h @ 1..=11 => (h, "AM"),
            12 => (12, "PM"),
            h => (h - 12, "PM"),
        };
        let (zone, slug) = match self.zone {
            Zone::Utc => ("UTC", "utc"),
            Zone::Cet => ("CET/CEST", "cet"),
        };
        format!(
            "[{h12} {meridiem} {zone}](https://dateful.com/convert/{slug}?t={h12}{})",
            meridiem.to_ascii_lowercase()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for d in [-800_000i64, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(d).days(), d);
        }
        assert_eq!(Date::new(2024, 1, 9).weekday(), 1, "a Tuesday");
        assert_eq!(Date::new(2024, 2, 28).add_days(1), Date::new(2024, 2, 29));
        assert_eq!(Date::new(2023, 2, 28).add_days(1), Date::new(2023, 3, 1));
    }

    #[test]
    fn summer_time_follows_the_eu_rule() {
        // 2021: March 28 to October 31.
        assert!(!Date::new(2021, 3, 27).is_eu_summer());
        assert!(Date::new(2021, 3, 28).is_eu_summer());
        assert!(Date::new(2021, 10, 30).is_eu_summer());
        assert!(!Date::new(2021, 10, 31).is_eu_summer());
        let slot = Slot {
            hour: 18,
            minute: 0,
            zone: Zone::Cet,
        };
        let exact = Clock {
            twelve_hour: false,
            exact_cet: true,
        };
        assert_eq!(slot.write(Date::new(2021, 6, 15), exact), "18:00 CEST");
        assert_eq!(slot.write(Date::new(2021, 1, 12), exact), "18:00 CET");
        assert_eq!(slot.utc(Date::new(2021, 6, 15)), (16, 0));
        assert_eq!(slot.utc(Date::new(2021, 1, 12)), (17, 0));
    }

    #[test]
    fn dates_are_spelt_as_notes_spell_them() {
        let d = Date::new(2024, 9, 3);
        assert_eq!(write_date(d, DateForm::Long, true), "September 3rd, 2024");
        assert_eq!(
            write_date(d, DateForm::WeekdayDayMonth, false),
            "Tuesday, 3 September 2024"
        );
        assert_eq!(write_date(d, DateForm::Abbreviated, false), "Sept. 3, 2024");
        assert_eq!(write_date(d, DateForm::Dotted, false), "03.09.2024");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
    }
}
