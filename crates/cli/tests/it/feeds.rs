//! `timeline feed` and `timeline ics`: each file is read back with the same
//! crate that wrote it and checked against what `timeline json` says about
//! the same notes, for the 2024 notes and a multi-year archive.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;
use std::str::FromStr;

use atom_syndication::Feed;
use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus};
use serde_json::Value;

const SEED: &str = "data/notes/racklet-2024.md";
const ARCHIVE: [&str; 5] = [
    "tests/fixtures/archive/2021.md",
    "tests/fixtures/archive/2022.md",
    "tests/fixtures/archive/2023.md",
    "tests/fixtures/archive/README.md",
    SEED,
];
const BASE: &str = "https://racklet.github.io/notes-timeline/";

/// Runs `timeline` from the workspace root: (status, stdout, stderr).
fn timeline(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("timeline runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("timeline-feeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `timeline <command> FILES -o <scratch>/<file> --base-url BASE` and
/// returns what it wrote.
fn generate(command: &str, files: &[&str], file: &str, test: &str) -> String {
    let out = scratch(test).join(file);
    let mut args = vec![command];
    args.extend_from_slice(files);
    args.extend_from_slice(&["-o", out.to_str().unwrap(), "--base-url", BASE]);
    let (code, stdout, stderr) = timeline(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "the output goes to the file");
    std::fs::read_to_string(out).unwrap()
}

/// The JSON contract for the same files: meetings and person names by id.
fn model(files: &[&str]) -> (Vec<Value>, HashMap<String, String>) {
    let mut args = vec!["json"];
    args.extend_from_slice(files);
    let (code, out, err) = timeline(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let names = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap().to_string();
            let name = p["name"].as_str().map_or(id.clone(), str::to_string);
            (id, name)
        })
        .collect();
    (v["meetings"].as_array().unwrap().clone(), names)
}

fn read_feed(xml: &str) -> Feed {
    Feed::read_from(xml.as_bytes()).expect("the feed parses as Atom")
}

fn read_calendar(text: &str) -> Calendar {
    Calendar::from_str(text).expect("the calendar parses as iCalendar")
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// The feed against the JSON for the same files: one entry per held
/// meeting, newest first, linking to its anchor, naming every recap author.
fn check_feed(files: &[&str], test: &str) -> Feed {
    let feed = read_feed(&generate("feed", files, "feed.xml", test));
    let (meetings, names) = model(files);
    let held: Vec<&Value> = meetings.iter().rev().filter(|m| m["status"] == "held").collect();
    assert_eq!(feed.entries().len(), held.len(), "one entry per held meeting");
    for (entry, meeting) in feed.entries().iter().zip(&held) {
        let anchor = meeting["anchor"].as_str().unwrap();
        let link = entry.links()[0].href();
        assert_eq!(link, format!("{BASE}#{anchor}"));
        assert!(link.ends_with(&format!("#{anchor}")));
        let summary = entry.summary().expect("a summary").as_str();
        for recap in meeting["recaps"].as_array().unwrap() {
            let name = &names[recap["person"].as_str().unwrap()];
            // "Daniel Maslowski reported:", or with the recap's remark
            // "Daniel Maslowski (couldn't really join, sorry) reported:".
            assert!(
                summary
                    .lines()
                    .any(|l| l.starts_with(name.as_str()) && l.ends_with(" reported:")),
                "{anchor}: {name} in {summary}"
            );
        }
        for host in meeting["hosts"].as_array().unwrap() {
            assert!(summary.contains(names[host.as_str().unwrap()].as_str()), "{summary}");
        }
        let updated = entry.updated().with_timezone(&Utc);
        match meeting["start_utc"].as_str() {
            Some(start) => assert_eq!(updated, utc(start), "{anchor}"),
            None => assert_eq!(updated.date_naive().to_string(), meeting["date"].as_str().unwrap()),
        }
    }
    let times: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(feed.updated(), &times[0], "the feed is as new as its newest entry");
    let ids: HashSet<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), feed.entries().len(), "ids are unique");
    assert!(ids.iter().all(|id| id.starts_with("tag:")));
    feed
}

#[test]
fn feed_of_2024_has_one_entry_per_held_meeting() {
    let feed = check_feed(&[SEED], "feed-2024");
    assert_eq!(feed.entries().len(), 11);
    let self_link = feed.links().iter().find(|l| l.rel() == "self").expect("a self link");
    assert_eq!(self_link.href(), format!("{BASE}feed.xml"));
    let entry = feed
        .entries()
        .iter()
        .find(|e| e.links()[0].href().ends_with("#2024-08-20"))
        .unwrap();
    assert_eq!(entry.updated().to_rfc3339(), "2024-08-20T16:00:00+00:00");
    assert_eq!(entry.authors()[0].name(), "Dennis Marttinen", "the host");
    assert_eq!(entry.authors()[0].uri(), Some("https://github.com/twelho"));
    let contributors: Vec<&str> = entry.contributors().iter().map(|p| p.name()).collect();
    assert_eq!(contributors, ["Dennis Marttinen", "Daniel Maslowski"]);
    assert!(entry.title().as_str().contains("August 20, 2024"));
    let summary = entry.summary().unwrap().as_str();
    assert!(summary.starts_with("Host: Dennis Marttinen\nParticipants: Dennis Marttinen, Daniel Maslowski\n"));
    assert!(summary.contains("\n- New SATA cables for x86 software development cluster installed\n"));
    assert!(
        summary.contains("\n- Got back to dtvis\n"),
        "links become their text: {summary}"
    );
    assert!(
        !summary.contains("Tested on BPI-F3"),
        "only top-level bullets: {summary}"
    );
}

#[test]
fn feed_of_the_archive_covers_every_year_in_utc() {
    let feed = check_feed(&ARCHIVE, "feed-archive");
    let entry = feed
        .entries()
        .iter()
        .find(|e| e.links()[0].href().ends_with("#2021-10-26"))
        .unwrap();
    assert_eq!(entry.updated().to_rfc3339(), "2021-10-26T14:00:00+00:00", "4 PM CEST");
    // "- Lucas:" bullets are recaps too.
    assert!(entry
        .summary()
        .unwrap()
        .as_str()
        .contains("Lucas Käldström reported:\n- Kick-off"));
}

/// DTSTART and DTEND of an event, parsed.
fn span(event: &Event) -> (DatePerhapsTime, DatePerhapsTime) {
    (event.get_start().unwrap(), event.get_end().unwrap())
}

/// The calendar against the JSON for the same files: one event per meeting
/// with a unique UID; timed ones start at `start_utc` and last an hour.
fn check_calendar(files: &[&str], test: &str) -> (Calendar, String) {
    let text = generate("ics", files, "meetings.ics", test);
    let calendar = read_calendar(&text);
    let (meetings, _) = model(files);
    let events: Vec<&Event> = calendar.events().collect();
    assert_eq!(events.len(), meetings.len(), "one event per meeting");
    let uids: HashSet<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    for meeting in &meetings {
        let anchor = meeting["anchor"].as_str().unwrap();
        let event = events
            .iter()
            .find(|e| e.get_uid() == Some(&format!("{anchor}@racklet-meeting-notes")))
            .unwrap_or_else(|| panic!("an event for {anchor}"));
        assert_eq!(event.get_summary(), Some("Racklet community meeting"));
        assert_eq!(event.get_url(), Some(format!("{BASE}#{anchor}").as_str()));
        assert!(event.get_description().unwrap().contains(&format!("{BASE}#{anchor}")));
        let status = if meeting["status"] == "skipped" {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        };
        assert_eq!(event.get_status(), Some(status), "{anchor}");
        let (start, end) = span(event);
        match meeting["start_utc"].as_str() {
            Some(expected) => {
                let dtstart = event.properties()["DTSTART"].value();
                assert!(dtstart.ends_with('Z'), "{anchor}: {dtstart}");
                let (
                    DatePerhapsTime::DateTime(CalendarDateTime::Utc(start)),
                    DatePerhapsTime::DateTime(CalendarDateTime::Utc(end)),
                ) = (start, end)
                else {
                    panic!("{anchor}: a UTC start and end");
                };
                assert_eq!(start, utc(expected), "{anchor}");
                assert_eq!(end - start, chrono::Duration::hours(1), "{anchor}");
            }
            None => {
                let date: NaiveDate = meeting["date"].as_str().unwrap().parse().unwrap();
                assert_eq!(start, DatePerhapsTime::Date(date), "{anchor}: all day");
                assert_eq!(end, DatePerhapsTime::Date(date.succ_opt().unwrap()));
            }
        }
        let call = meeting["locations"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .find(|l| l.starts_with("https://") || l.starts_with("http://"));
        assert_eq!(event.get_location(), call, "{anchor}");
    }
    (calendar, text)
}

fn event<'a>(calendar: &'a Calendar, anchor: &str) -> &'a Event {
    let uid = format!("{anchor}@racklet-meeting-notes");
    calendar.events().find(|e| e.get_uid() == Some(uid.as_str())).unwrap()
}

#[test]
fn ics_of_2024_has_every_meeting_planned_and_skipped_too() {
    let (calendar, text) = check_calendar(&[SEED], "ics-2024");
    assert_eq!(calendar.events().count(), 15);
    let cancelled = calendar
        .events()
        .filter(|e| e.get_status() == Some(EventStatus::Cancelled))
        .count();
    assert_eq!(cancelled, 3, "the skipped meetings");
    let planned = event(&calendar, "2024-09-03");
    assert_eq!(planned.get_status(), Some(EventStatus::Confirmed));
    let held = event(&calendar, "2024-08-20");
    assert_eq!(held.properties()["DTSTART"].value(), "20240820T160000Z");
    assert_eq!(held.properties()["DTEND"].value(), "20240820T170000Z");
    assert_eq!(
        held.get_location(),
        Some("https://jitsi.hamburg.ccc.de/racklet-community")
    );
    assert!(held.get_description().unwrap().contains("Host: Dennis Marttinen"));
    assert!(text.contains("\r\nBEGIN:VEVENT\r\n"), "CRLF line ends");
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");
}

#[test]
fn ics_of_the_archive_puts_cet_and_cest_meetings_at_the_right_utc_hour() {
    let (calendar, _) = check_calendar(&ARCHIVE, "ics-archive");
    let dtstart = |anchor: &str| event(&calendar, anchor).properties()["DTSTART"].value().to_string();
    assert_eq!(dtstart("2021-10-26"), "20211026T140000Z", "4:00 PM CEST");
    assert_eq!(dtstart("2021-12-07"), "20211207T160000Z", "5:00 PM CET");
    assert_eq!(dtstart("2022-06-14"), "20220614T140000Z", "4:00 PM CEST");
    let break_ = event(&calendar, "2021-12-21");
    assert_eq!(break_.get_status(), Some(EventStatus::Cancelled));
    assert!(break_.get_description().unwrap().starts_with("No meeting"));
    assert_eq!(
        break_.get_start(),
        Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2021, 12, 21).unwrap())),
        "no time: all day"
    );
}

#[test]
fn both_files_are_the_same_on_every_run() {
    let feed = |test| generate("feed", &ARCHIVE, "feed.xml", test);
    let ics = |test| generate("ics", &ARCHIVE, "meetings.ics", test);
    assert_eq!(feed("same-feed-1"), feed("same-feed-2"));
    let (first, second) = (ics("same-ics-1"), ics("same-ics-2"));
    assert_eq!(first, second, "no clock, no random UIDs");
    let uids = |text: &str| -> Vec<String> {
        read_calendar(text)
            .events()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect()
    };
    assert_eq!(uids(&first), uids(&second));
}

#[test]
fn stdout_without_output_and_a_bad_base_url_is_a_usage_error() {
    let (code, out, _) = timeline(&["ics", SEED]);
    assert_eq!(code, 0);
    assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
    let (code, out, _) = timeline(&["feed", SEED]);
    assert_eq!(code, 0);
    let feed = read_feed(&out);
    assert!(
        feed.entries()[0].links()[0].href().starts_with(BASE),
        "the default base URL"
    );
    assert!(feed.links().iter().all(|l| l.rel() != "self"), "no file, no self link");
    for command in ["feed", "ics"] {
        let (code, out, err) = timeline(&[command, SEED, "--base-url", "notes-timeline/"]);
        assert_eq!(code, 2, "{command}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("notes-timeline/"), "{err}");
    }
}

#[test]
fn help_documents_both_commands() {
    let (code, out, _) = timeline(&["feed", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--base-url <URL>"));
    assert!(out.contains(BASE), "the default base URL: {out}");
    let (code, out, _) = timeline(&["ics", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("CANCELLED"), "{out}");
    assert!(out.contains("--output"));
}
