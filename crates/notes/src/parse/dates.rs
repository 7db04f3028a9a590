//! Meeting headings: `August 20, 2024 4:00 PM UTC`, `September 3rd, 2024`,
//! `2021-03-02 18:00 CET/CEST`, `Tuesday, 9 January 2024`. A heading that
//! almost reads as a date (a misspelt month, a missing year) is reported as
//! a near miss so the caller can say which line and why.

use chrono::{NaiveDate, NaiveTime};

use crate::model::datefmt::{MONTHS, WEEKDAYS};
use crate::model::{MeetingTime, NearMiss, TimeProblem, Zone};

#[derive(Debug, Clone, PartialEq)]
pub enum HeadingDate {
    Meeting {
        date: NaiveDate,
        time: Option<MeetingTime>,
        /// Why the time after the date could not be read, if it could not.
        time_problem: Option<TimeProblem>,
    },
    /// Looks like a meeting heading but is not one; the reason says why.
    NearMiss(NearMiss),
    NotADate,
}

/// [`MONTHS`] lowercased, for comparing with lowercased words.
const LOWER_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    // Compared without case, so no lowercase copy is needed.
    let w = word.trim_end_matches('.');
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    WEEKDAYS
        .iter()
        .any(|d| w.len() >= 3 && d.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    /// Digits, with an ordinal suffix if one followed (`3rd`).
    Num(&'a str, bool),
    Punct(char),
}

fn tokenize(text: &str) -> Vec<(usize, Tok<'_>)> {
    // A heading is a dozen tokens or so: one allocation.
    let mut toks = Vec::with_capacity(16);
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let rest = &text[end..];
            // Bytes, not str slices: the next character may be multi-byte ("–").
            let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
                rest.as_bytes()
                    .get(..2)
                    .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
                    && !rest[2..].starts_with(|c: char| c.is_alphabetic())
            });
            if ordinal {
                chars.next();
                chars.next();
            }
            toks.push((i, Tok::Num(&text[i..end], ordinal)));
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() || (d == '.' && text[i..j].len() <= 4 && end > i) {
                    end = j + d.len_utf8();
                    chars.next();
                    if d == '.' {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push((i, Tok::Word(&text[i..end])));
        } else {
            toks.push((i, Tok::Punct(c)));
            chars.next();
        }
    }
    toks
}

fn year(n: &str) -> Option<i32> {
    (n.len() == 4).then(|| n.parse().ok()).flatten()
}

fn day(n: &str) -> Option<u32> {
    (n.len() <= 2).then(|| n.parse().ok()).flatten()
}

pub fn parse_heading(text: &str) -> HeadingDate {
    parse_heading_in(text, None)
}

/// Whether a heading starts as a date does: its first word a number, a
/// month or a weekday ("March 30, 2021", "Tue, 2 March"), not a label
/// ("Notes from March 30, 2021").
pub fn starts_like_a_date(text: &str) -> bool {
    match tokenize(text).into_iter().find(|(_, t)| !matches!(t, Tok::Punct(_))) {
        Some((_, Tok::Num(..))) => true,
        Some((_, Tok::Word(w))) => month_number(w).is_some() || is_weekday(w),
        _ => false,
    }
}

/// [`parse_heading`] in a document whose title or name gives its year:
/// "March 2 6:00 PM CET" under "# Notes 2021" is March 2, 2021.
pub fn parse_heading_in(text: &str, year_hint: Option<i32>) -> HeadingDate {
    let toks = tokenize(text);
    let mut i = 0;
    let skip_punct = |i: &mut usize, set: &[char]| {
        while let Some((_, Tok::Punct(c))) = toks.get(*i) {
            if set.contains(c) {
                *i += 1;
            } else {
                break;
            }
        }
    };
    // "Meeting 2023-06-20", "Community call: Tuesday, …": words that only
    // say what the heading is, before the date.
    while let Some((_, Tok::Word(w))) = toks.get(i) {
        if !["meeting", "community", "racklet", "call"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(w))
        {
            break;
        }
        i += 1;
        skip_punct(&mut i, &[':', '-', '–', ',']);
    }
    // "Meeting #12 (2021-03-02)", "Meeting 12 - March 2, 2021": the
    // meeting's number before its date (after such a word, or with "#").
    let numbered = matches!(toks.get(i), Some((_, Tok::Punct('#'))));
    let at = i + usize::from(numbered);
    if let Some((_, Tok::Num(n, false))) = toks.get(at) {
        let separated = matches!(toks.get(at + 1), Some((_, Tok::Punct('-' | '–' | ':' | '(' | ','))));
        if year(n).is_none() && (numbered || i > 0 && separated) {
            i = at + 1;
            skip_punct(&mut i, &['-', '–', ':', '(', ',']);
        }
    }
    if let Some((_, Tok::Word(w))) = toks.get(i) {
        if is_weekday(w) {
            i += 1;
            skip_punct(&mut i, &[',']);
        }
    }

    // The date where the words before it end; else after a label the rules
    // above do not know ("Meeting notes: April 13, 2021", "📅 March 2,
    // 2021", "Racklet sync 2021-04-27"): the first date in the heading.
    let mut no_year = false;
    let mut parsed = None;
    for at in i..toks.len() {
        match date_at(&toks, at, year_hint) {
            DateAt::Found(date, next) => {
                parsed = Some(date);
                i = next;
                break;
            }
            DateAt::NoYear => no_year = true,
            DateAt::NotHere => {}
        }
    }
    if parsed.is_none() && no_year {
        return HeadingDate::NearMiss(NearMiss::NoYear);
    }

    let Some((y, m, d)) = parsed else {
        return near_miss(&toks);
    };
    let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
        return HeadingDate::NearMiss(NearMiss::NotACalendarDate {
            year: y,
            month: m,
            day: d,
        });
    };

    let rest_start = toks.get(i).map(|(p, _)| *p).unwrap_or(text.len());
    let (time, time_problem) = parse_time(&text[rest_start..]);
    HeadingDate::Meeting {
        date,
        time,
        time_problem,
    }
}

/// What the tokens from `i` on say as a date.
enum DateAt {
    /// Year, month, day, and the token after the date.
    Found((i32, u32, u32), usize),
    /// A month and a day, and no year to go with them.
    NoYear,
    NotHere,
}

/// Reads a date at token `i`: "2024-08-20", "20.08.2024", "August 20,
/// 2024", "20 August 2024". `year_hint` is the year of a date written
/// without one (the document's, from its title or name).
fn date_at(toks: &[(usize, Tok<'_>)], i: usize, year_hint: Option<i32>) -> DateAt {
    let skip_punct = |i: &mut usize, set: &[char]| {
        while let Some((_, Tok::Punct(c))) = toks.get(*i) {
            if set.contains(c) {
                *i += 1;
            } else {
                break;
            }
        }
    };
    let mut i = i;
    let found = match (toks.get(i), toks.get(i + 1), toks.get(i + 2)) {
        // 2024-08-20, 2024/08/20 (the same separator twice)
        (Some((_, Tok::Num(y, false))), Some((_, Tok::Punct(sep @ ('-' | '/')))), Some((_, Tok::Num(m, false))))
            if year(y).is_some() =>
        {
            match (toks.get(i + 3), toks.get(i + 4)) {
                (Some((_, Tok::Punct(again))), Some((_, Tok::Num(d, false)))) if again == sep => {
                    i += 5;
                    Some((year(y).unwrap(), m.parse().unwrap_or(0), d.parse().unwrap_or(0)))
                }
                _ => None,
            }
        }
        // 20.08.2024
        (Some((_, Tok::Num(d, false))), Some((_, Tok::Punct('.'))), Some((_, Tok::Num(m, false))))
            if day(d).is_some() =>
        {
            match (toks.get(i + 3), toks.get(i + 4)) {
                (Some((_, Tok::Punct('.'))), Some((_, Tok::Num(y, false)))) if year(y).is_some() => {
                    i += 5;
                    Some((year(y).unwrap(), m.parse().unwrap_or(0), day(d).unwrap()))
                }
                _ => None,
            }
        }
        // August 20, 2024
        (Some((_, Tok::Word(m))), Some((_, Tok::Num(d, _))), _) if month_number(m).is_some() && day(d).is_some() => {
            let month = month_number(m).unwrap();
            let d = day(d).unwrap();
            i += 2;
            skip_punct(&mut i, &[',']);
            match toks.get(i) {
                Some((_, Tok::Num(y, false))) if year(y).is_some() => {
                    i += 1;
                    Some((year(y).unwrap(), month, d))
                }
                _ => match year_hint {
                    Some(y) => Some((y, month, d)),
                    None => return DateAt::NoYear,
                },
            }
        }
        // 20 August 2024, 20. August 2024
        (Some((_, Tok::Num(d, _))), _, _) if day(d).is_some() => {
            let d = day(d).unwrap();
            let mut j = i + 1;
            skip_punct(&mut j, &['.']);
            // "13th of April 2021"
            if matches!(toks.get(j), Some((_, Tok::Word(w))) if w.eq_ignore_ascii_case("of")) {
                j += 1;
            }
            match toks.get(j) {
                Some((_, Tok::Word(m))) if month_number(m).is_some() => {
                    let month = month_number(m).unwrap();
                    j += 1;
                    skip_punct(&mut j, &[',']);
                    match toks.get(j) {
                        Some((_, Tok::Num(y, false))) if year(y).is_some() => {
                            i = j + 1;
                            Some((year(y).unwrap(), month, d))
                        }
                        _ => match year_hint {
                            Some(y) => {
                                i = j;
                                Some((y, month, d))
                            }
                            None => return DateAt::NoYear,
                        },
                    }
                }
                _ => None,
            }
        }
        _ => None,
    };
    found.map_or(DateAt::NotHere, |date| DateAt::Found(date, i))
}

/// Why a heading that is not a date still looks like one, if it does.
fn near_miss(toks: &[(usize, Tok<'_>)]) -> HeadingDate {
    let has_number = toks.iter().any(|(_, t)| matches!(t, Tok::Num(..)));
    let has_year = toks
        .iter()
        .any(|(_, t)| matches!(t, Tok::Num(n, false) if year(n).is_some_and(|y| (1990..2100).contains(&y))));
    for (_, tok) in toks {
        let Tok::Word(w) = tok else { continue };
        if let Some(m) = month_number(w) {
            if has_year
                && !toks
                    .iter()
                    .any(|(_, t)| matches!(t, Tok::Num(n, _) if day(n).is_some()))
            {
                return HeadingDate::NearMiss(NearMiss::NoDay { word: w.to_string() });
            }
            if has_number {
                return HeadingDate::NearMiss(NearMiss::UnreadableAround {
                    month: MONTHS[m as usize - 1],
                });
            }
            continue;
        }
        let lower = w.to_ascii_lowercase();
        if lower.len() >= 4 && has_number {
            if let Some(month) = MONTHS
                .iter()
                .zip(LOWER_MONTHS)
                .find(|(m, lower_m)| m.len() >= 4 && edit_distance(&lower, lower_m) <= 2)
                .map(|(m, _)| m)
            {
                return HeadingDate::NearMiss(NearMiss::MisspeltMonth {
                    word: w.to_string(),
                    month,
                });
            }
        }
    }
    HeadingDate::NotADate
}

/// Optimal string alignment distance, for catching misspelt month names.
/// Every word of a heading that is not a date is compared with every
/// month: three rows on the stack, no allocation, for words that short.
fn edit_distance(a: &str, b: &str) -> usize {
    const MAX: usize = 16;
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    if a_len.abs_diff(b_len) > 2 {
        return 3;
    }
    if b_len >= MAX {
        return edit_distance_long(a, b);
    }
    let mut b_chars = ['\0'; MAX];
    for (slot, c) in b_chars.iter_mut().zip(b.chars()) {
        *slot = c;
    }
    let b = &b_chars[..b_len];
    // Rows i - 2, i - 1 and i of the full table.
    let mut before = [0usize; MAX + 1];
    let mut last = [0usize; MAX + 1];
    for (j, cell) in last.iter_mut().enumerate() {
        *cell = j;
    }
    let mut prev_a = None;
    for (i, ca) in a.chars().enumerate().map(|(i, c)| (i + 1, c)) {
        let mut row = [0usize; MAX + 1];
        row[0] = i;
        for j in 1..=b_len {
            let cost = usize::from(ca != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && ca == b[j - 2] && prev_a == Some(b[j - 1]) {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = last;
        last = row;
        prev_a = Some(ca);
    }
    last[b_len]
}

/// [`edit_distance`] for words too long for its stack rows.
fn edit_distance_long(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn unreadable(rest: &str) -> TimeProblem {
    TimeProblem::Unreadable {
        text: rest.trim().to_string(),
    }
}

/// Reads `4:00 PM UTC`, `16:00 CET/CEST`, `at 3pm (UTC)` from the text after
/// the date. Returns the time if one is there, or why it could not be read.
pub fn parse_time(rest: &str) -> (Option<MeetingTime>, Option<TimeProblem>) {
    // "(16:00 UTC)", "— 6 PM", "| 18:00", "[18:00 CEST]", and ISO's
    // "T16:00Z" after a date.
    let lead = |c: char| c.is_whitespace() || matches!(c, ',' | '-' | '@' | '–' | '—' | '(' | '[' | '|');
    let mut trimmed = rest.trim_start_matches(lead);
    // "(Tuesday) 18:00": the weekday the date already says.
    if let Some(word) = trimmed
        .split(|c: char| !c.is_alphabetic())
        .next()
        .filter(|w| is_weekday(w))
    {
        trimmed = trimmed[word.len()..].trim_start_matches(|c: char| lead(c) || matches!(c, ')' | ']'));
    }
    let trimmed = trimmed
        .strip_prefix('T')
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(trimmed);
    let trimmed = ["at ", "At ", "from ", "From "]
        .iter()
        .find_map(|w| trimmed.strip_prefix(w))
        .unwrap_or(trimmed)
        .trim_start();
    if trimmed.is_empty() || !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        return (None, None);
    }
    let digits_end = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
    let mut hour: u32 = trimmed[..digits_end].parse().unwrap_or(99);
    let mut pos = digits_end;
    let mut minute = 0;
    let after = &trimmed[pos..];
    if let Some(m) = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix('.').filter(|m| m.len() >= 2))
    {
        let m_end = m.find(|c: char| !c.is_ascii_digit()).unwrap_or(m.len());
        if m_end != 2 {
            return (None, Some(unreadable(rest)));
        }
        minute = m[..m_end].parse().unwrap_or(99);
        pos += 1 + m_end;
    }
    // "18:00h", "18:00 Uhr", "18 h": the hour's mark, not a zone.
    let mark = ["h ", "uhr ", "h", "uhr"].iter().find_map(|m| {
        let a = trimmed[pos..].trim_start();
        // Compared as bytes: the mark is ASCII, so where it matches, its
        // end is a character boundary.
        (a.len() >= m.len()
            && a.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
            && !a[m.len()..].starts_with(|c: char| c.is_alphanumeric()))
        .then(|| trimmed.len() - a.len() + m.len())
    });
    let marked = mark.is_some();
    if let Some(end) = mark {
        pos = end;
    }
    let after = trimmed[pos..].trim_start();
    let lower = after.to_ascii_lowercase();
    let mut meridiem = None;
    for (marker, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(marker) && !lower[marker.len()..].starts_with(|c: char| c.is_alphabetic()) {
            meridiem = Some(pm);
            pos = trimmed.len() - after.len() + marker.len();
            break;
        }
    }
    // "17:00-18:00 CET", "5 PM – 6 PM": the meeting's end is read past,
    // to its zone. "6:00-7:00 PM": the end's PM is the start's too.
    let (range_len, end_meridiem) = range_end(&trimmed[pos..]);
    let meridiem = meridiem.or(end_meridiem
        .filter(|(end, _)| hour <= 12 && hour % 12 <= end % 12)
        .map(|(_, pm)| pm));
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return (None, Some(TimeProblem::NotA12HourClockHour { hour }));
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    } else if pos == digits_end && !marked {
        // A bare number after a date is not a time ("2024 3" or a remark).
        return (None, Some(unreadable(rest)));
    }
    let Some(local) = NaiveTime::from_hms_opt(hour, minute, 0) else {
        return (None, Some(TimeProblem::NotATimeOfDay { hour, minute }));
    };
    let time_text_end = pos + range_len;
    let (zone_text, zone, zone_len) = parse_zone(&trimmed[time_text_end..]);
    let consumed = time_text_end + zone_len;
    let problem = (zone.is_none() && !zone_text.is_empty()).then(|| TimeProblem::UnknownZone {
        zone: zone_text.clone(),
    });
    (
        Some(MeetingTime {
            local,
            zone_text,
            zone,
            text: trimmed[..consumed].trim().to_string(),
        }),
        problem,
    )
}

/// How many bytes of `text` (what follows a start time) are the end of a
/// time range: "-18:00", " – 6 PM", " to 18.00"; 0 when it is not one.
/// With the end's hour and whether it is PM, when it says AM or PM.
fn range_end(text: &str) -> (usize, Option<(u32, bool)>) {
    let a = text.trim_start();
    let Some(r) = ["-", "–", "to "].iter().find_map(|d| a.strip_prefix(d)) else {
        return (0, None);
    };
    let r = r.trim_start();
    let hour = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
    if !(1..=2).contains(&hour) {
        return (0, None);
    }
    let mut end = hour;
    let minutes = r[hour..]
        .strip_prefix([':', '.'])
        .filter(|m| m.len() >= 2 && m.as_bytes()[..2].iter().all(u8::is_ascii_digit));
    if minutes.is_some() {
        end += 3;
    }
    let after = r[end..].trim_start();
    let lower = after.to_ascii_lowercase();
    let meridiem = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find(|m| lower.starts_with(*m) && !lower[m.len()..].starts_with(|c: char| c.is_alphabetic()));
    match (minutes, meridiem) {
        // "-18" alone is no time.
        (None, None) => (0, None),
        (_, Some(m)) => (
            text.len() - after.len() + m.len(),
            r[..hour].parse().ok().map(|h| (h, m.starts_with('p'))),
        ),
        (Some(_), None) => (text.len() - r.len() + end, None),
    }
}

/// Reads a time zone at the start of `text`: returns it as written, the
/// zone if known, and how many bytes it took.
fn parse_zone(text: &str) -> (String, Option<Zone>, usize) {
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    let (body, paren) = match body.strip_prefix('(') {
        Some(inner) => (inner, 1),
        None => (body, 0),
    };
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '+' | '-' | ':' | '_')))
        .unwrap_or(body.len());
    let word = body[..end].trim_end_matches([':', '-']);
    if word.is_empty() || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (String::new(), None, 0);
    }
    // "UTC +1", "UTC + 1": the offset written apart.
    if word.eq_ignore_ascii_case("UTC") || word.eq_ignore_ascii_case("GMT") {
        let after = body[end..].trim_start();
        if let Some(sign) = after.strip_prefix(['+', '-']) {
            let digits = sign.trim_start();
            let n = digits
                .find(|c: char| !(c.is_ascii_digit() || c == ':'))
                .unwrap_or(digits.len());
            if n > 0 {
                let written = format!("{word}{}{}", &after[..1], &digits[..n]);
                if let Some(zone) = zone_by_name(&written) {
                    let len = lead + paren + (body.len() - digits.len()) + n;
                    return (written, Some(zone), len);
                }
            }
        }
    }
    // "19:00 EEST/18:00 CEST": the first of two ways to say it.
    let (word, zone) = match zone_by_name(word) {
        Some(zone) => (word, Some(zone)),
        None => match word
            .split_once('/')
            .and_then(|(first, _)| Some((first, zone_by_name(first)?)))
        {
            Some((first, zone)) => (first, Some(zone)),
            None => (word, None),
        },
    };
    let looks_like_zone = zone.is_some() || (word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()));
    if !looks_like_zone {
        return (String::new(), None, 0);
    }
    let mut len = lead + paren + word.len();
    if paren == 1 && body[word.len()..].starts_with(')') {
        len += 1;
    }
    (word.to_string(), zone, len)
}

fn zone_by_name(name: &str) -> Option<Zone> {
    let upper = name.to_ascii_uppercase();
    let fixed_base = ["UTC", "GMT"].into_iter().find(|p| upper.starts_with(p));
    if let Some(base) = fixed_base {
        let offset = &upper[base.len()..];
        if offset.is_empty() {
            return Some(Zone::Fixed(0));
        }
        return parse_offset(offset).map(Zone::Fixed);
    }
    Some(match upper.as_str() {
        "Z" | "UCT" => Zone::Fixed(0),
        "CET" | "MEZ" => Zone::Fixed(60),
        "CEST" | "MESZ" => Zone::Fixed(120),
        "CET/CEST" | "CEST/CET" | "MEZ/MESZ" | "EUROPE/BERLIN" | "EUROPE/PARIS" | "EUROPE/AMSTERDAM"
        | "EUROPE/VIENNA" | "EUROPE/ZURICH" | "EUROPE/STOCKHOLM" | "EUROPE/WARSAW" => Zone::Eu(60),
        "WET" => Zone::Fixed(0),
        "WEST" | "BST" => Zone::Fixed(60),
        "WET/WEST" | "GMT/BST" | "EUROPE/LONDON" | "EUROPE/LISBON" => Zone::Eu(0),
        "EET" => Zone::Fixed(120),
        "EEST" => Zone::Fixed(180),
        "EET/EEST" | "EUROPE/HELSINKI" | "EUROPE/ATHENS" | "EUROPE/KYIV" => Zone::Eu(120),
        "EST" => Zone::Fixed(-300),
        "EDT" => Zone::Fixed(-240),
        "ET" | "EST/EDT" | "AMERICA/NEW_YORK" => Zone::Us(-300),
        "CST" => Zone::Fixed(-360),
        "CDT" => Zone::Fixed(-300),
        "CT" | "CST/CDT" | "AMERICA/CHICAGO" => Zone::Us(-360),
        "MST" => Zone::Fixed(-420),
        "MDT" => Zone::Fixed(-360),
        "MT" | "MST/MDT" | "AMERICA/DENVER" => Zone::Us(-420),
        "PST" => Zone::Fixed(-480),
        "PDT" => Zone::Fixed(-420),
        "PT" | "PST/PDT" | "AMERICA/LOS_ANGELES" => Zone::Us(-480),
        "JST" | "ASIA/TOKYO" => Zone::Fixed(540),
        "IST" | "ASIA/KOLKATA" => Zone::Fixed(330),
        // "17:00 Finnish time".
        "FINNISH" => Zone::Eu(120),
        "GERMAN" | "SWEDISH" | "DUTCH" | "FRENCH" | "SWISS" | "AUSTRIAN" | "POLISH" | "NORWEGIAN" | "DANISH" => {
            Zone::Eu(60)
        }
        "BRITISH" | "UK" => Zone::Eu(0),
        // A city alone ("6 PM Helsinki time", "18:00 Paris"): its zone above.
        _ if !upper.contains('/') => {
            return ["EUROPE/", "AMERICA/", "ASIA/"]
                .into_iter()
                .find_map(|region| zone_by_name(&format!("{region}{upper}")))
        }
        _ => return None,
    })
}

/// `+2`, `-05:30`, `+0530` → minutes.
fn parse_offset(text: &str) -> Option<i32> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None if digits.len() == 4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        None => (digits.parse().ok()?, 0),
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_months_match_the_month_names() {
        for (m, lower) in MONTHS.iter().zip(LOWER_MONTHS) {
            assert_eq!(m.to_ascii_lowercase(), lower);
        }
    }

    #[test]
    fn edit_distance_on_the_stack_matches_the_full_table() {
        let words = [
            "", "a", "janury", "feburary", "septmber", "ocotber", "mai", "ab", "ba", "äbc", "racklet", "notes",
        ];
        for a in words {
            for b in LOWER_MONTHS.iter().chain(&words) {
                let full = edit_distance_long(a, b);
                let expected = if a.chars().count().abs_diff(b.chars().count()) > 2 {
                    3
                } else {
                    full
                };
                assert_eq!(edit_distance(a, b), expected, "{a} / {b}");
            }
        }
    }
}
