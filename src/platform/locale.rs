//! Dates and times in the reader's language, from `Intl.DateTimeFormat`
//! with the browser's locale. The prerendered page is English
//! (`notes::model::datefmt`). In the browser, components ask for the
//! reader's form (`localized`) from the first render: hydration keeps the
//! prerendered elements and writes the reader's words into them. For an
//! English reader in UTC the two are the same text.

use std::cell::RefCell;

use chrono::{NaiveDate, NaiveDateTime};
use js_sys::{Array, Date, Function, Object, Reflect};
use notes::model::datefmt;
use wasm_bindgen::{JsCast, JsValue};

/// Dates and times in the reader's language and zone from the first render
/// in the browser. Hydration rewrites the text and attributes of what it
/// takes over (same elements, new words), so the prerendered cards, in
/// English and UTC, are localized as they are taken over instead of being
/// rendered a second time. The prerender, on the build machine, is English.
pub const LOCALIZED: bool = cfg!(target_arch = "wasm32");

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "Tuesday, May 14, 2024"
    Long,
    /// "May 14, 2024"
    Medium,
    /// "May 14"
    Short,
    /// "May 2024"
    MonthYear,
    /// "16:00" or "4:00 PM", in the reader's zone
    Clock,
}

thread_local! {
    /// Making a formatter costs far more than using one: one per style.
    static FORMATS: RefCell<Vec<(Style, Function)>> = const { RefCell::new(Vec::new()) };
}

fn formatter(style: Style) -> Function {
    FORMATS.with(|cache| {
        if let Some((_, f)) = cache.borrow().iter().find(|(s, _)| *s == style) {
            return f.clone();
        }
        let options = Object::new();
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
        };
        match style {
            Style::Long => {
                set("weekday", "long");
                set("year", "numeric");
                set("month", "long");
                set("day", "numeric");
            }
            Style::Medium => {
                set("year", "numeric");
                set("month", "short");
                set("day", "numeric");
            }
            Style::Short => {
                set("month", "short");
                set("day", "numeric");
            }
            Style::MonthYear => {
                set("year", "numeric");
                set("month", "long");
            }
            Style::Clock => {
                set("hour", "numeric");
                set("minute", "2-digit");
            }
        }
        // A meeting's date is a calendar day, not an instant: read it in UTC,
        // where it was made. Clock times are instants, shown in the reader's zone.
        if style != Style::Clock {
            set("timeZone", "UTC");
        }
        let format = js_sys::Intl::DateTimeFormat::new(&Array::new(), &options).format();
        cache.borrow_mut().push((style, format.clone()));
        format
    })
}

/// Makes the formatters the timeline uses before they are needed, and
/// learns which of them write what English does.
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
pub fn warm() {
    formatter(Style::Clock);
    english(Style::Long, datefmt::long_date);
    english(Style::Short, datefmt::short_date);
    english(Style::MonthYear, month_year_english);
}

fn millis(d: NaiveDate) -> Option<i64> {
    d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_millis())
}

/// Whether the reader's form of `style` is the English one, as for most
/// readers: then a date's English text is used as it is, rather than
/// asking `Intl` for each of the hundreds of dates on the page. Asked of
/// every month and every weekday, with one- and two-digit days, so the
/// two can only agree if they write every date alike.
fn english(style: Style, in_english: fn(NaiveDate) -> String) -> bool {
    thread_local! {
        /// By style: not asked yet, or the answer.
        static SAME: std::cell::Cell<[Option<bool>; 5]> = const { std::cell::Cell::new([None; 5]) };
    }
    let mut known = SAME.get();
    if let Some(same) = known[style as usize] {
        return same;
    }
    // 1–7 January 2031 fall on every weekday; then a day in each month.
    let same = (1..=7)
        .map(|d| (1, d))
        .chain((1..=12).map(|m| (m, 10 + m)))
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(2031, m, d))
        .all(|d| millis(d).and_then(|ms| format(style, ms)) == Some(in_english(d)));
    known[style as usize] = Some(same);
    SAME.set(known);
    same
}

fn format(style: Style, millis: i64) -> Option<String> {
    let date = Date::new(&JsValue::from_f64(millis as f64));
    formatter(style)
        .call1(&JsValue::NULL, &date)
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()
        .map(String::from)
}

fn day(style: Style, d: NaiveDate, localized: bool, in_english: fn(NaiveDate) -> String) -> String {
    if !localized || english(style, in_english) {
        return in_english(d);
    }
    millis(d)
        .and_then(|ms| format(style, ms))
        .unwrap_or_else(|| in_english(d))
}

/// "Tuesday, May 14, 2024", or the reader's form of it.
pub fn long_date(d: NaiveDate, localized: bool) -> String {
    day(Style::Long, d, localized, datefmt::long_date)
}

/// "May 14, 2024", or the reader's form of it.
pub fn medium_date(d: NaiveDate, localized: bool) -> String {
    day(Style::Medium, d, localized, datefmt::medium_date)
}

/// "May 14", or the reader's form of it.
pub fn short_date(d: NaiveDate, localized: bool) -> String {
    day(Style::Short, d, localized, datefmt::short_date)
}

/// "May 2024", or the reader's form of it.
pub fn month_year(d: NaiveDate, localized: bool) -> String {
    day(Style::MonthYear, d, localized, month_year_english)
}

fn month_year_english(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}", datefmt::MONTHS[d.month0() as usize], d.year())
}

/// [`clock`] for an instant whose wall time in the reader's zone is
/// `local`: the same wall time reads the same, so each is formatted once
/// (an archive's meetings mostly start at the same hour).
pub fn clock_at(utc: NaiveDateTime, local: NaiveDateTime, localized: bool) -> Option<String> {
    use chrono::Timelike;
    thread_local! {
        static CLOCKS: RefCell<Vec<((u32, u32), String)>> = const { RefCell::new(Vec::new()) };
    }
    if !localized {
        return None;
    }
    let key = (local.hour(), local.minute());
    if let Some(s) = CLOCKS.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone())) {
        return Some(s);
    }
    let s = clock(utc, true)?;
    CLOCKS.with(|c| c.borrow_mut().push((key, s.clone())));
    Some(s)
}

/// The time of day of the instant `utc` in the reader's zone and form
/// ("18:00", "6:00 PM"); `None` before the page runs.
pub fn clock(utc: NaiveDateTime, localized: bool) -> Option<String> {
    localized
        .then(|| format(Style::Clock, utc.and_utc().timestamp_millis()))
        .flatten()
}
