//! The archives parse to exactly what was generated: every meeting with
//! its date, document, status, hosts, participants, recaps (with their
//! item counts) and start time; every person once (the renamed one with
//! both handles); and no diagnostics.

use notes::model::{MeetingStatus, Notes, PersonId, Zone};
use notes::parse::{parse, sources};
use synth::{archive, Archive, Options, Status};

fn parse_archive(a: &Archive) -> Notes {
    parse(&sources(a.texts()))
}

fn status(s: Status) -> MeetingStatus {
    match s {
        Status::Held => MeetingStatus::Held,
        Status::Skipped => MeetingStatus::Skipped,
        Status::Planned => MeetingStatus::Planned,
    }
}

/// The source line of a diagnostic, for a readable failure.
fn describe(a: &Archive, notes: &Notes) -> String {
    notes
        .diagnostics
        .iter()
        .take(10)
        .map(|d| {
            let doc = &a.documents[d.source.0 as usize];
            let line = doc.text.lines().nth(d.line.saturating_sub(1) as usize).unwrap_or("");
            format!("{}:{}: {} | {line}", doc.name, d.line, d.kind)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(opts: &Options) {
    let a = archive(opts);
    let notes = parse_archive(&a);
    let what = format!("{} years, seed {}, split {}", opts.years, opts.seed, opts.split);
    assert!(
        notes.diagnostics.is_empty(),
        "{what}: diagnostics\n{}",
        describe(&a, &notes)
    );
    assert!(notes.unplaced.is_empty(), "{what}: unplaced sections");
    assert_eq!(notes.meetings.len(), a.meetings.len(), "{what}: meeting count");
    let slug = |id: &PersonId| notes.people[id.0 as usize].slug.clone();
    for (m, f) in notes.meetings.iter().zip(&a.meetings) {
        let at = format!("{what}, {}", f.date);
        assert_eq!(m.date.to_string(), f.date.to_string(), "{at}: date");
        assert_eq!(m.source.0 as usize, f.document, "{at}: document");
        assert_eq!(m.status, status(f.status), "{at}: status");
        assert_eq!(m.hosts.iter().map(slug).collect::<Vec<_>>(), f.hosts, "{at}: hosts");
        let participants: Vec<String> = m.participants.iter().map(|p| slug(&p.person)).collect();
        assert_eq!(participants, f.participants, "{at}: participants");
        let recaps: Vec<(String, u32)> = m.recaps.iter().map(|r| (slug(&r.person), r.items)).collect();
        let expected: Vec<(String, u32)> = f.recaps.iter().map(|r| (r.person.clone(), r.items)).collect();
        assert_eq!(recaps, expected, "{at}: recaps");
        let utc = m
            .time
            .as_ref()
            .and_then(|t| t.utc(m.date))
            .map(|dt| dt.time().to_string());
        let expected = f.utc_time.map(|(h, min)| format!("{h:02}:{min:02}:00"));
        assert_eq!(utc, expected, "{at}: start in UTC");
    }

    let mut people: Vec<(String, Option<String>, Vec<String>)> = notes
        .people
        .iter()
        .map(|p| (p.slug.clone(), p.name.clone(), p.handles.clone()))
        .collect();
    people.sort();
    let mut expected: Vec<(String, Option<String>, Vec<String>)> = a
        .people
        .iter()
        .map(|p| (p.slug.clone(), Some(p.name.clone()), p.handles.clone()))
        .collect();
    expected.sort();
    assert_eq!(people, expected, "{what}: people");
    let renamed = a.people.iter().find(|p| p.handles.len() == 2).expect("someone renamed");
    let parsed = notes
        .people
        .iter()
        .find(|p| p.slug == renamed.slug)
        .expect("renamed person parsed");
    assert_eq!(parsed.handles, renamed.handles, "{what}: one person with both handles");
    assert_eq!(renamed.slug, renamed.handles[1], "{what}: the newer handle is the slug");
}

#[test]
fn one_year_archives_parse_to_their_facts() {
    for seed in [1, 2, 3, 4, 5, 99, 0xdead_beef] {
        for split in [false, true] {
            check(&Options {
                years: 1,
                seed,
                split,
                ..Options::default()
            });
        }
    }
}

#[test]
fn five_year_archives_parse_to_their_facts() {
    for seed in [1, 2, 3, 4, 5, 99, 0xdead_beef] {
        for split in [false, true] {
            check(&Options {
                years: 5,
                seed,
                split,
                ..Options::default()
            });
        }
    }
}

#[test]
fn ten_year_archives_parse_to_their_facts() {
    for seed in [1, 2, 3] {
        for split in [false, true] {
            check(&Options {
                years: 10,
                seed,
                split,
                ..Options::default()
            });
        }
    }
}

#[test]
fn other_spans_parse_to_their_facts() {
    for (years, end_year) in [(2, 2024), (3, 2019), (4, 2030), (12, 2024)] {
        check(&Options {
            years,
            end_year,
            seed: 11,
            split: years % 2 == 0,
        });
    }
}

/// Every archive of several years shows the drift real notes have.
#[test]
fn archives_drift_across_years() {
    for seed in [1, 2, 3] {
        let a = archive(&Options {
            years: 5,
            seed,
            split: true,
            ..Options::default()
        });
        let all: String = a.documents.iter().map(|d| d.text.as_str()).collect();
        let has = |s: &str| all.contains(s);
        assert!(has("\n## Biweekly Recap\n"), "seed {seed}: the 2024 recap section");
        assert!(has(" CET") || has(" CEST"), "seed {seed}: Central European times");
        assert!(has(" UTC\n"), "seed {seed}: UTC times");
        assert!(has("\n**Location:**") || has("\n**Host:**"), "seed {seed}: field lines");
        assert!(
            has("\n- twelho: ") || has("\n- orangecms: ") || has("\n- **"),
            "seed {seed}: handle bullets"
        );
        assert!(has("No meeting"), "seed {seed}: skipped meetings");
        // The oldest year writes its info blocks unlike the newest one.
        assert!(
            !a.documents[0].text.contains(":::info\n- **Location:**"),
            "seed {seed}: oldest year"
        );
        let newest = &a.documents[4].text;
        assert!(newest.contains(":::info\n- **Location:**") && newest.contains("\n## Biweekly Recap\n"));
        let people: Vec<&str> = a.people.iter().map(|p| p.slug.as_str()).collect();
        assert!(people.contains(&"mikko-laine"), "seed {seed}: someone without a handle");
    }
}

/// Summer time is written as such: in a year that spells out the zone,
/// meetings in EU summer time (by the parser's own rule) say CEST.
#[test]
fn central_european_times_follow_summer_time() {
    let a = archive(&Options {
        years: 10,
        seed: 1,
        ..Options::default()
    });
    let notes = parse_archive(&a);
    let mut seen = (0, 0);
    for m in &notes.meetings {
        let Some(t) = &m.time else { continue };
        let summer = Zone::Eu(60).offset_minutes(m.date, t.local) == 120;
        match t.zone_text.as_str() {
            "CEST" => {
                seen.0 += 1;
                assert!(summer, "{}", m.heading);
            }
            "CET" => {
                seen.1 += 1;
                assert!(!summer, "{}", m.heading);
            }
            _ => {}
        }
    }
    assert!(seen.0 > 0 && seen.1 > 0, "both zones appear: {seen:?}");
}

/// Many seeds and spans; slow in a debug build:
/// `cargo test -p synth --release --test against_parser -- --ignored`.
#[test]
#[ignore]
fn many_archives_parse_to_their_facts() {
    for seed in 0..200u64 {
        check(&Options {
            years: 1 + (seed % 12) as u32,
            end_year: 2018 + (seed % 9) as i32,
            seed: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            split: seed % 3 == 0,
        });
    }
}
