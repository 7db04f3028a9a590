//! The reader's clock: the offset for an instant comes from JavaScript's
//! `Date`, which knows the reader's zone and its DST rules. (On the build
//! machine there is no reader: the prerendered page shows UTC, and these
//! are only called once the page runs.)

use chrono::NaiveDateTime;

/// The reader's offset from UTC in minutes at `utc`, if known.
pub fn reader_offset(utc: NaiveDateTime) -> Option<i32> {
    let millis = utc.and_utc().timestamp_millis() as f64;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    Some(-(date.get_timezone_offset() as i32))
}

/// "UTC", "UTC+2", "UTC-5:30".
pub fn offset_label(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".into();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    if m % 60 == 0 {
        format!("UTC{sign}{}", m / 60)
    } else {
        format!("UTC{sign}{}:{:02}", m / 60, m % 60)
    }
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
