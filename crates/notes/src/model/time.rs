//! Meeting start times as written, and the time-zone rules needed to turn
//! them into UTC. Only the zones note-takers use are known: fixed offsets
//! and the EU and US daylight-saving rules; that keeps tz data out of wasm.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A time zone as a note-taker writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset from UTC in minutes (`UTC`, `UTC+2`, `CEST`).
    Fixed(i32),
    /// Wall time in a zone that follows the EU daylight-saving rule, with
    /// its standard offset in minutes (`CET/CEST` is Europe/Berlin: 60).
    Eu(i32),
    /// Wall time in a zone that follows the US rule (`PT`: -480).
    Us(i32),
}

impl Zone {
    /// Offset from UTC in minutes for a wall-clock time on a date.
    pub fn offset_minutes(self, date: NaiveDate, time: NaiveTime) -> i32 {
        match self {
            Zone::Fixed(m) => m,
            Zone::Eu(std) => {
                // EU: summer time from 01:00 UTC on the last Sunday of March
                // to 01:00 UTC on the last Sunday of October.
                let start = last_sunday(date.year(), 3);
                let end = last_sunday(date.year(), 10);
                let local = date.and_time(time);
                let start_local = start.and_hms_opt(1, 0, 0).unwrap() + Duration::minutes(std as i64);
                let end_local = end.and_hms_opt(1, 0, 0).unwrap() + Duration::minutes(std as i64 + 60);
                if local >= start_local && local < end_local {
                    std + 60
                } else {
                    std
                }
            }
            Zone::Us(std) => {
                // US since 2007: second Sunday of March to first Sunday of
                // November, switching at 02:00 local time.
                let start = nth_sunday(date.year(), 3, 2).and_hms_opt(2, 0, 0).unwrap();
                let end = nth_sunday(date.year(), 11, 1).and_hms_opt(2, 0, 0).unwrap();
                let local = date.and_time(time);
                if local >= start && local < end {
                    std + 60
                } else {
                    std
                }
            }
        }
    }
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid month");
    let last = next.pred_opt().expect("has a previous day");
    let back = last.weekday().num_days_from_sunday() as i64;
    last - Duration::days(back)
}

fn nth_sunday(year: i32, month: u32, n: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n as u8).expect("valid date")
}

/// The start time of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingTime {
    /// Wall-clock time as written.
    pub local: NaiveTime,
    /// Time zone as written (`UTC`, `CET/CEST`), empty when none was given.
    pub zone_text: String,
    pub zone: Option<Zone>,
    /// The time and zone exactly as written in the heading (`4:00 PM UTC`).
    pub text: String,
}

impl MeetingTime {
    /// The start in UTC, when the zone is known.
    pub fn utc(&self, date: NaiveDate) -> Option<NaiveDateTime> {
        let zone = self.zone?;
        let offset = zone.offset_minutes(date, self.local);
        Some(date.and_time(self.local) - Duration::minutes(offset as i64))
    }
}
