//! The reader's clock. In the browser the offset for an instant comes from
//! JavaScript's `Date` (which knows the reader's zone and its DST rules);
//! on the build machine there is no reader, so times stay in UTC.

use chrono::NaiveDateTime;

/// The reader's offset from UTC in minutes at `utc`, if known.
pub fn reader_offset(utc: NaiveDateTime) -> Option<i32> {
    #[cfg(target_arch = "wasm32")]
    {
        let millis = utc.and_utc().timestamp_millis() as f64;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
        Some(-(date.get_timezone_offset() as i32))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = utc;
        None
    }
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
