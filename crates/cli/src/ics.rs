//! `timeline ics`: an iCalendar file with one event per meeting in the
//! notes, for subscribing to the meetings in a calendar app. This module
//! owns what an event says: its stable UID, its start in UTC (an all-day
//! event when the notes give no usable time), the call link as LOCATION,
//! and the link back to the meeting on the page. The `icalendar` crate
//! writes the file (escaping, line folding, CRLF).
//!
//! Held and planned meetings are CONFIRMED events; skipped ones are kept
//! as CANCELLED events rather than left out, so a calendar that already
//! shows a meeting learns that it is off instead of keeping a stale copy.
//! Like the feed, the output depends only on the notes and the page URL.

use chrono::{Duration, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use notes::model::{Meeting, MeetingStatus, Notes};

use crate::feed::{host_names, start_or_midnight, PageUrl};

/// Every event's title.
pub const SUMMARY: &str = "Racklet community meeting";

/// The UIDs' domain part: `<anchor>@racklet-meeting-notes`.
pub const UID_DOMAIN: &str = "racklet-meeting-notes";

/// A meeting's length: the notes only give the start.
const LENGTH: Duration = Duration::hours(1);

/// The calendar of every meeting in the notes, oldest first.
pub fn calendar(notes: &Notes, page: &PageUrl) -> Calendar {
    // `Calendar::empty`, not `new`: `new` brings the crate's own PRODID.
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Racklet//Notes Timeline//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name("Racklet community meetings");
    for meeting in &notes.meetings {
        calendar.push(event(notes, meeting, page));
    }
    calendar.done()
}

/// The calendar as an iCalendar document (CRLF line ends).
pub fn write(notes: &Notes, page: &PageUrl) -> String {
    calendar(notes, page).to_string()
}

/// The UID of a meeting's event: its anchor (the date, with a suffix for a
/// second meeting on that date) at [`UID_DOMAIN`], so it stays the same
/// from one build to the next and calendar apps update the event in place.
pub fn uid(meeting: &Meeting) -> String {
    format!("{}@{UID_DOMAIN}", meeting.anchor)
}

/// The start in UTC, when the notes give a time in a known zone.
fn start_utc(meeting: &Meeting) -> Option<NaiveDateTime> {
    meeting.time.as_ref().and_then(|t| t.utc(meeting.date))
}

/// The first web link among the meeting's locations: the call.
pub fn call_url(meeting: &Meeting) -> Option<&str> {
    meeting.locations.iter().map(String::as_str).find(|l| {
        url::Url::parse(l)
            .map(|u| matches!(u.scheme(), "http" | "https"))
            .unwrap_or(false)
    })
}

fn event(notes: &Notes, meeting: &Meeting, page: &PageUrl) -> Event {
    let link = page.meeting(meeting);
    let mut event = Event::new();
    event.uid(&uid(meeting)).summary(SUMMARY).url(&link);
    // DTSTAMP is required; the crate would use the clock. The start keeps
    // the file reproducible and still changes when the meeting moves.
    event.timestamp(Utc.from_utc_datetime(&start_or_midnight(meeting)));
    match start_utc(meeting) {
        Some(start) => {
            let start = Utc.from_utc_datetime(&start);
            event.starts(start).ends(start + LENGTH);
        }
        None => {
            // No time, or one in a zone we cannot convert: the whole day
            // (DTEND is exclusive, so the next day).
            event.starts(meeting.date).ends(meeting.date + Duration::days(1));
        }
    }
    if let Some(call) = call_url(meeting) {
        event.location(call);
    }
    event.status(match meeting.status {
        MeetingStatus::Held | MeetingStatus::Planned => EventStatus::Confirmed,
        MeetingStatus::Skipped => EventStatus::Cancelled,
    });
    event.description(&description(notes, meeting, &link));
    event.done()
}

fn description(notes: &Notes, meeting: &Meeting, link: &str) -> String {
    let mut lines = Vec::new();
    if meeting.status == MeetingStatus::Skipped {
        // The note usually says so itself ("No meeting (Christmas break)").
        lines.push(match meeting.status_note.as_deref() {
            Some(note) if note.to_lowercase().contains("no meeting") => note.to_string(),
            Some(note) => format!("No meeting: {note}"),
            None => "No meeting.".to_string(),
        });
    }
    if let Some(time) = meeting.time.as_ref().filter(|_| start_utc(meeting).is_none()) {
        lines.push(format!("Time as written in the notes: {}", time.text));
    }
    if !meeting.hosts.is_empty() {
        let label = if meeting.hosts.len() == 1 { "Host" } else { "Hosts" };
        lines.push(format!("{label}: {}", host_names(notes, meeting)));
    }
    lines.push(format!("Notes: {link}"));
    lines.join("\n")
}
