//! The 2024 Racklet notes, checked by hand against the document.

use notes::model::MeetingStatus;

use super::{meeting, seed, slugs};

#[test]
fn seed_has_fifteen_meetings_eleven_held_three_skipped_one_planned() {
    let notes = seed();
    assert_eq!(notes.meetings.len(), 15);
    let count = |s| notes.meetings.iter().filter(|m| m.status == s).count();
    assert_eq!(count(MeetingStatus::Held), 11);
    assert_eq!(count(MeetingStatus::Skipped), 3);
    assert_eq!(count(MeetingStatus::Planned), 1);
    assert!(notes.diagnostics.is_empty(), "{:?}", notes.diagnostics);
    assert!(notes.unplaced.is_empty());
}

/// (date, status, hosts, participants, recaps as (person, top-level items))
type Row = (
    &'static str,
    MeetingStatus,
    &'static [&'static str],
    &'static [&'static str],
    &'static [(&'static str, u32)],
);

const EXPECTED: &[Row] = &[
    (
        "2024-01-09",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho", "orangecms", "chiplet"],
        &[("twelho", 4), ("chiplet", 3), ("orangecms", 3)],
    ),
    (
        "2024-01-23",
        MeetingStatus::Held,
        &["orangecms"],
        &["orangecms"],
        &[("orangecms", 4)],
    ),
    (
        "2024-02-06",
        MeetingStatus::Held,
        &["orangecms"],
        &["orangecms"],
        &[("orangecms", 3)],
    ),
    (
        "2024-02-20",
        MeetingStatus::Held,
        &["orangecms"],
        &["orangecms"],
        &[("orangecms", 1)],
    ),
    (
        "2024-03-05",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho"],
        &[("twelho", 6)],
    ),
    ("2024-03-19", MeetingStatus::Skipped, &[], &[], &[]),
    (
        "2024-04-02",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho", "orangecms", "chiplet", "rminnich"],
        &[("twelho", 4), ("chiplet", 1), ("orangecms", 1)],
    ),
    ("2024-04-16", MeetingStatus::Skipped, &[], &[], &[]),
    (
        "2024-04-30",
        MeetingStatus::Held,
        &["orangecms"],
        &["orangecms"],
        &[("orangecms", 1)],
    ),
    (
        "2024-05-14",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho"],
        &[("twelho", 1), ("orangecms", 1)],
    ),
    (
        "2024-05-28",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho", "orangecms"],
        &[("twelho", 1), ("orangecms", 2)],
    ),
    ("2024-06-11", MeetingStatus::Skipped, &[], &[], &[]),
    (
        "2024-08-06",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho", "orangecms"],
        &[("twelho", 5), ("orangecms", 2)],
    ),
    (
        "2024-08-20",
        MeetingStatus::Held,
        &["twelho"],
        &["twelho", "orangecms"],
        &[("twelho", 4), ("orangecms", 3)],
    ),
    ("2024-09-03", MeetingStatus::Planned, &["twelho"], &[], &[]),
];

#[test]
fn every_seed_meeting_has_the_right_date_status_hosts_participants_and_recaps() {
    let notes = seed();
    let dates: Vec<String> = notes.meetings.iter().map(|m| m.date.to_string()).collect();
    let expected_dates: Vec<&str> = EXPECTED.iter().map(|r| r.0).collect();
    assert_eq!(dates, expected_dates, "meetings in date order");
    for (date, status, hosts, participants, recaps) in EXPECTED {
        let m = meeting(&notes, date);
        assert_eq!(m.status, *status, "{date} status");
        assert_eq!(slugs(&notes, m.hosts.iter().copied()), *hosts, "{date} hosts");
        assert_eq!(
            slugs(&notes, m.participants.iter().map(|p| p.person)),
            *participants,
            "{date} participants"
        );
        let got: Vec<(String, u32)> = m
            .recaps
            .iter()
            .map(|r| (notes.person(r.person).slug.clone(), r.items))
            .collect();
        let want: Vec<(String, u32)> = recaps.iter().map(|(p, n)| (p.to_string(), *n)).collect();
        assert_eq!(got, want, "{date} recaps");
    }
}

#[test]
fn people_are_merged_with_full_names_and_handles() {
    let notes = seed();
    let people: Vec<(String, Option<String>)> = notes.people.iter().map(|p| (p.slug.clone(), p.name.clone())).collect();
    assert_eq!(
        people,
        vec![
            ("twelho".into(), Some("Dennis Marttinen".into())),
            ("orangecms".into(), Some("Daniel Maslowski".into())),
            ("chiplet".into(), Some("Verneri Hirvonen".into())),
            ("rminnich".into(), Some("Ron Minnich".into())),
        ]
    );
    let daniel = notes.person(notes.person_by_slug("orangecms").unwrap());
    assert_eq!((daniel.attended, daniel.hosted, daniel.recaps), (9, 4, 10));
}

#[test]
fn a_recap_from_someone_who_did_not_attend_counts_and_keeps_its_remark() {
    let notes = seed();
    let m = meeting(&notes, "2024-05-14");
    let daniel = notes.person_by_slug("orangecms").unwrap();
    assert!(!m.participants.iter().any(|p| p.person == daniel));
    let recap = m.recaps.iter().find(|r| r.person == daniel).expect("Daniel's recap");
    assert_eq!(recap.remark.as_deref(), Some("couldn't really join, sorry"));
}

#[test]
fn start_times_keep_the_zone_as_written_and_convert_to_utc() {
    let notes = seed();
    let m = meeting(&notes, "2024-08-20");
    let t = m.time.as_ref().unwrap();
    assert_eq!(t.text, "4:00 PM UTC");
    assert_eq!(t.zone_text, "UTC");
    assert_eq!(t.utc(m.date).unwrap().to_string(), "2024-08-20 16:00:00");
    let april = meeting(&notes, "2024-04-02");
    assert_eq!(
        april.time.as_ref().unwrap().utc(april.date).unwrap().to_string(),
        "2024-04-02 15:00:00"
    );
}

#[test]
fn skipped_meetings_keep_what_the_note_says() {
    let notes = seed();
    assert_eq!(
        meeting(&notes, "2024-06-11").status_note.as_deref(),
        Some("No meeting until August")
    );
    assert_eq!(meeting(&notes, "2024-03-19").status_note.as_deref(), Some("No meeting"));
}

#[test]
fn the_document_title_intro_and_hackmd_link_are_read() {
    let notes = seed();
    let src = &notes.sources[0];
    assert_eq!(src.title, "Racklet Community Meeting Notes 2024");
    assert_eq!(
        src.hackmd_url.as_deref(),
        Some("https://hackmd.io/xsZjT3XtS2GzG-8ewl8lRg")
    );
    // Intro: the description, the HackMD line and the time note; no [TOC].
    assert_eq!(src.intro.len(), 3);
}

#[test]
fn locations_sections_and_links_of_a_full_meeting() {
    let notes = seed();
    let m = meeting(&notes, "2024-08-06");
    assert_eq!(
        m.locations,
        vec!["https://jitsi.hamburg.ccc.de/racklet-community".to_string()]
    );
    assert_eq!(
        m.location_notes.len(),
        1,
        "the temporary switch is kept as a location note"
    );
    let titles: Vec<&str> = meeting(&notes, "2024-08-20")
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Biweekly Recap", "Discussion Topics"]);
    let urls: Vec<&str> = m.links().map(|(_, t, _)| t.url()).collect();
    assert!(
        urls.contains(&"https://github.com/signaloid/C0-microSD-Hardware"),
        "bare URLs become links"
    );
    assert!(urls.contains(&"https://meet.ffmuc.net/racklet-community"));
    assert!(urls.contains(&"https://gist.github.com/orangecms/8624aa82bab4931f787b5eee572f7668"));
}
