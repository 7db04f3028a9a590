//! Earlier years of the notes are written differently from 2024. Each
//! fixture in `tests/fixtures/drift/` is a small document in one older
//! style; each test checks it reads into the same model shape as 2024:
//! date, time and zone, status, hosts, participants, recaps per person
//! with their item counts and remarks, sections, and diagnostics.

use notes::model::{Block, DiagnosticKind, Inline, Meeting, MeetingStatus, NearMiss, Notes, Unit};
use notes::parse::{parse_heading, parse_one, HeadingDate};

use super::{meeting, slugs};

fn fixture(name: &str, text: &str) -> Notes {
    parse_one(name, text)
}

/// A fixture of `tests/fixtures/drift/`, parsed under its file name.
macro_rules! drift_fixture {
    ($name:literal) => {
        fixture($name, include_str!(concat!("../../../../tests/fixtures/drift/", $name)))
    };
}

/// The start in UTC as `YYYY-MM-DD HH:MM`, and the zone as written.
fn start(m: &Meeting) -> (String, &str) {
    let t = m.time.as_ref().expect("a start time");
    let utc = t.utc(m.date).expect("a known zone");
    (utc.format("%Y-%m-%d %H:%M").to_string(), t.zone_text.as_str())
}

/// Participants as written: (name, handle).
fn participants(m: &Meeting) -> Vec<(Option<&str>, Option<&str>)> {
    m.participants
        .iter()
        .map(|p| (p.name.as_deref(), p.handle.as_deref()))
        .collect()
}

/// Recaps as (person slug, top-level items, remark).
fn recaps(notes: &Notes, m: &Meeting) -> Vec<(String, u32, Option<String>)> {
    m.recaps
        .iter()
        .map(|r| (notes.person(r.person).slug.clone(), r.items, r.remark.clone()))
        .collect()
}

/// The structure of a meeting's sections, one line per section, group,
/// recap, paragraph and top-level bullet (nested bullets are counted):
/// `## Notes [notes]`, `  group Nezha News`, `    - DRAM init (+1)`,
/// `  recap twelho "Dennis"`.
fn outline(notes: &Notes, m: &Meeting) -> Vec<String> {
    fn walk(notes: &Notes, m: &Meeting, blocks: &[Block], depth: usize, out: &mut Vec<String>) {
        let pad = "  ".repeat(depth);
        for b in blocks {
            match b {
                Block::Group {
                    title, blocks: inner, ..
                } => {
                    out.push(format!("{pad}group {}", Inline::plain_text(title)));
                    walk(notes, m, inner, depth + 1, out);
                }
                Block::Recap {
                    recap,
                    title,
                    blocks: inner,
                    ..
                } => {
                    let person = notes.person(m.recaps[*recap as usize].person);
                    out.push(format!("{pad}recap {} \"{title}\"", person.slug));
                    walk(notes, m, inner, depth + 1, out);
                }
                Block::List { items, .. } => {
                    for item in items {
                        let nested: usize = item
                            .blocks
                            .iter()
                            .map(|b| match b {
                                Block::List { items, .. } => items.len(),
                                _ => 0,
                            })
                            .sum();
                        let text = Inline::plain_text(&item.inlines);
                        match nested {
                            0 => out.push(format!("{pad}- {text}")),
                            n => out.push(format!("{pad}- {text} (+{n})")),
                        }
                    }
                }
                Block::Paragraph { inlines, .. } => out.push(format!("{pad}p {}", Inline::plain_text(inlines))),
                Block::Heading { level, inlines, .. } => out.push(format!(
                    "{pad}{} {}",
                    "#".repeat(*level as usize),
                    Inline::plain_text(inlines)
                )),
                other => out.push(format!("{pad}{other:?}")),
            }
        }
    }
    let mut out = Vec::new();
    for s in &m.sections {
        out.push(format!("## {} [{}]", s.title, s.kind.as_str()));
        walk(notes, m, &s.blocks, 1, &mut out);
    }
    out
}

/// The unit whose (folded) text holds `word`: "oreboot", "jh7110".
fn unit_with<'m>(m: &'m Meeting, word: &str) -> &'m Unit {
    m.units
        .iter()
        .find(|u| m.unit_text(u).contains(word))
        .unwrap_or_else(|| panic!("no unit with {word:?} in {}", m.anchor))
}

/// An info line of the three regulars, for fixtures written inline.
const THREE: &str =
    "- **Participants:** Dennis Marttinen (@twelho), Lucas K\u{e4}ldstr\u{f6}m (@luxas), Daniel Maslowski (@orangecms)\n\n";

fn no_diagnostics(notes: &Notes) {
    assert!(notes.diagnostics.is_empty(), "{:#?}", notes.diagnostics);
    assert!(notes.unplaced.is_empty(), "{:#?}", notes.unplaced);
}

#[test]
fn topic_subsections_under_notes_stay_topics_and_only_a_named_participant_becomes_a_recap() {
    let notes = drift_fixture!("01-topic-notes.md");
    no_diagnostics(&notes);
    assert_eq!(notes.sources[0].title, "Racklet Community Meeting Notes 2021");
    assert_eq!(notes.sources[0].intro.len(), 1, "the intro paragraph; [TOC] is dropped");
    assert_eq!(notes.meetings.len(), 2);

    let june15 = meeting(&notes, "2021-06-15");
    assert_eq!(june15.status, MeetingStatus::Held);
    assert_eq!(start(june15), ("2021-06-15 16:00".into(), "CET/CEST"));
    assert_eq!(slugs(&notes, june15.hosts.clone()), ["twelho"]);
    assert_eq!(
        participants(june15),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Daniel Maslowski"), Some("orangecms")),
            (Some("Lucas Käldström"), Some("luxas")),
        ]
    );
    assert_eq!(
        outline(&notes, june15),
        [
            "## Notes [notes]",
            "  group Nezha News",
            "    - Daniel got the Allwinner D1 Nezha board to run oreboot's first stage (+2)",
            "    - Mainline Linux support for the D1 is progressing in the community",
            "  group Website",
            "    - Lucas drafted a landing page: https://racklet.github.io/",
            "    - Needs a section on the compute units and the HAT",
            "  recap twelho \"Dennis\"",
            "    - Ordered the first batch of Raspberry Pi CM4 modules",
        ]
    );
    assert_eq!(recaps(&notes, june15), [("twelho".into(), 1, None)]);
    let nezha_units = june15.units.iter().filter(|u| u.person.is_none()).count();
    assert_eq!(nezha_units, 6, "notes under topics belong to no person");

    let june29 = meeting(&notes, "2021-06-29");
    assert_eq!(start(june29), ("2021-06-29 16:00".into(), "CET/CEST"));
    assert_eq!(slugs(&notes, june29.hosts.clone()), ["luxas"]);
    assert_eq!(
        outline(&notes, june29),
        [
            "## Agenda/Notes [notes]",
            "  group Nezha News",
            "    - The Nezha now boots Linux from oreboot, no U-Boot needed",
            "    - Open question: can we use it as a BMC?",
            "  group Website update",
            "    - Design (+2)",
            "    - Deployed with GitHub Actions",
        ]
    );
    assert!(june29.recaps.is_empty());
    let names: Vec<&str> = notes.people.iter().map(|p| p.display_name()).collect();
    assert_eq!(
        names,
        [
            "Dennis Marttinen",
            "Daniel Maslowski",
            "Lucas Käldström",
            "Verneri Hirvonen"
        ],
        "no topic became a person"
    );
}

#[test]
fn a_biweekly_recap_of_name_bullets_gives_each_person_their_items_and_leaves_other_bullets_alone() {
    let notes = drift_fixture!("02-recap-bullets.md");
    no_diagnostics(&notes);
    let m = meeting(&notes, "2022-03-08");
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(start(m), ("2022-03-08 16:00".into(), "UTC"));
    assert_eq!(slugs(&notes, m.hosts.clone()), ["twelho"]);
    assert_eq!(
        participants(m),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Daniel Maslowski"), Some("orangecms")),
            (Some("Marvin Drees"), Some("MDr164")),
        ]
    );
    assert_eq!(
        outline(&notes, m),
        [
            "## Notes [notes]",
            "  group Biweekly recap",
            "    recap orangecms \"Daniel\"",
            "      - Ported the D1 DRAM init to Rust",
            "      - Looked at the BL808 from Bouffalo Lab (+1)",
            "    recap mdr164 \"Marvin\"",
            "      - Ordered the first backplane PCBs from JLCPCB",
            "      - Working on the BMC firmware in embassy",
            "    recap twelho \"Dennis\"",
            "      - Thesis writing, not much Racklet time",
            "    recap pfarwsi \"@pfarwsi\"",
            "      - Zephyr boots on the VisionFive 2",
            "    - Website (+2)",
            "    - CI is green again 🎉",
            "  group Nezha News",
            "    - Sipeed announced a cheaper D1 board",
        ]
    );
    assert_eq!(
        recaps(&notes, m),
        [
            ("orangecms".into(), 2, None),
            ("mdr164".into(), 2, None),
            ("twelho".into(), 1, Some("only briefly".into())),
            ("pfarwsi".into(), 1, Some("sent by mail".into())),
        ]
    );
    // Someone who did not attend, named by handle, is a new person; a word
    // that names nobody known ("- Website") is not.
    let names: Vec<(Option<&str>, &[String])> = notes
        .people
        .iter()
        .map(|p| (p.name.as_deref(), p.handles.as_slice()))
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(names[3], (None, &["pfarwsi".to_string()][..]));
    let marvin = notes.person(notes.person_by_slug("MDr164").unwrap());
    assert_eq!((marvin.attended, marvin.recaps), (1, 1));
}

#[test]
fn a_handle_with_a_colon_inside_a_discussion_list_is_that_persons_one_item_recap() {
    let notes = drift_fixture!("03-handle-colon.md");
    no_diagnostics(&notes);
    let m = meeting(&notes, "2022-05-03");
    assert_eq!(start(m), ("2022-05-03 16:00".into(), "UTC"));
    assert_eq!(
        outline(&notes, m),
        [
            "## Discussion [discussion]",
            "  - Next hackathon at the end of May, location still open",
            "  recap twelho \"twelho\"",
            "    - set up the new Talos cluster on four RK3399 boards (+1)",
            "  recap orangecms \"orangecms\"",
            "    - got the JH7100 to print over UART with oreboot",
            "  - Note: the recording of the last talk is online at https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "  recap chiplet \"chiplet\"",
            "    - routed the power section of the HAT",
            "  - We should write a blog post about the BMC",
        ]
    );
    // Like "### Dennis" with one bullet: one item each, its notes nested.
    assert_eq!(
        recaps(&notes, m),
        [
            ("twelho".into(), 1, None),
            ("orangecms".into(), 1, None),
            ("chiplet".into(), 1, None)
        ]
    );
    let etcd = m.units.iter().find(|u| m.unit_text(u).starts_with("etcd")).unwrap();
    assert_eq!(etcd.person, Some(notes.person_by_slug("twelho").unwrap()));
    assert!(!etcd.recap_item, "a nested note is not a recap item of its own");
    assert_eq!(notes.people.len(), 3, "\"Note:\" is not a person");
}

#[test]
fn an_older_info_block_with_an_agenda_no_host_and_names_without_handles_reads_like_2024() {
    let notes = drift_fixture!("04-info-block.md");
    no_diagnostics(&notes);
    assert_eq!(notes.meetings.len(), 3);

    // Labelled bullets in a container, with trailing spaces everywhere.
    let march2 = meeting(&notes, "2021-03-02");
    assert_eq!(march2.status, MeetingStatus::Held);
    assert_eq!(start(march2), ("2021-03-02 17:00".into(), "CET/CEST"));
    assert!(march2.hosts.is_empty(), "Host: N/A is no host");
    assert_eq!(
        participants(march2),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Marvin Drees"), None),
            (Some("Lucas Käldström"), Some("luxas")),
        ]
    );
    assert_eq!(march2.locations, ["https://meet.jit.si/racklet"]);
    assert_eq!(
        Inline::plain_text(&march2.location).trim(),
        "https://meet.jit.si/racklet"
    );
    let Block::List { items, .. } = &march2.location_notes[0] else {
        panic!("the location's sub-bullets are kept: {:?}", march2.location_notes)
    };
    let notes_text: Vec<String> = items.iter().map(|i| Inline::plain_text(&i.inlines)).collect();
    assert_eq!(
        notes_text,
        [
            "Backup: https://meet.ffmuc.net/racklet",
            "Dial-in numbers are in the Slack channel"
        ]
    );
    let Block::List { start: number, items } = &march2.agenda[0] else {
        panic!("the agenda is a list: {:?}", march2.agenda)
    };
    assert_eq!(*number, Some(1), "numbered");
    let agenda: Vec<String> = items.iter().map(|i| Inline::plain_text(&i.inlines)).collect();
    assert_eq!(agenda, ["Introductions", "Nezha bring-up status", "Any other business"]);
    assert!(march2.extra_info.is_empty(), "{:?}", march2.extra_info);
    assert_eq!(
        outline(&notes, march2),
        [
            "## Biweekly Recap [recap]",
            "  recap marvin-drees \"Marvin\"",
            "    - Finished the first revision of the HAT schematic",
            "    - Looking for a cheaper 12V PSU",
        ]
    );
    assert_eq!(recaps(&notes, march2), [("marvin-drees".into(), 2, None)]);

    // Bare labelled lines in a container, the agenda list after its label.
    let march16 = meeting(&notes, "2021-03-16");
    assert!(march16.hosts.is_empty());
    assert_eq!(
        participants(march16),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Marvin Drees"), None),
            (Some("Verneri Hirvonen"), None),
        ]
    );
    assert_eq!(march16.locations, ["https://meet.jit.si/racklet"]);
    assert!(matches!(&march16.agenda[..], [Block::List { items, .. }] if items.len() == 2));
    assert_eq!(
        outline(&notes, march16),
        [
            "## Notes [notes]",
            "  - Agreed on an STM32 for the BMC",
            "  - Parts order goes out next week",
        ]
    );

    // The same lines with no container at all.
    let march30 = meeting(&notes, "2021-03-30");
    assert_eq!(start(march30), ("2021-03-30 16:00".into(), "CET/CEST"));
    assert_eq!(slugs(&notes, march30.hosts.clone()), ["twelho"], "Host: Dennis");
    assert_eq!(
        participants(march30),
        [(Some("Dennis Marttinen"), Some("twelho")), (Some("Marvin Drees"), None)]
    );
    assert_eq!(march30.locations, ["https://meet.jit.si/racklet"]);
    assert!(matches!(&march30.agenda[..], [Block::List { items, .. }] if items.len() == 2));
    assert_eq!(
        outline(&notes, march30),
        ["## Notes [notes]", "  - HAT rev 2 goes to fab next week"],
        "the info lines are not notes"
    );

    let marvin = notes.person(notes.person_by_slug("marvin-drees").unwrap());
    assert!(marvin.handles.is_empty());
    assert_eq!((marvin.attended, marvin.recaps), (3, 1));
}

#[test]
fn no_meeting_written_plainly_in_bold_or_with_more_words_marks_the_meeting_skipped() {
    let notes = drift_fixture!("05-no-meeting.md");
    no_diagnostics(&notes);
    let shapes: Vec<(String, MeetingStatus, Option<&str>)> = notes
        .meetings
        .iter()
        .map(|m| (m.date.to_string(), m.status, m.status_note.as_deref()))
        .collect();
    assert_eq!(
        shapes,
        [
            ("2021-07-13".into(), MeetingStatus::Skipped, Some("No meeting")),
            ("2021-07-27".into(), MeetingStatus::Skipped, Some("No meeting")),
            (
                "2021-08-10".into(),
                MeetingStatus::Skipped,
                Some("No meeting until August 24 (summer break)")
            ),
        ]
    );
    for m in &notes.meetings {
        assert!(m.sections.is_empty(), "the note is not a section: {:?}", m.sections);
        assert!(m.hosts.is_empty() && m.participants.is_empty() && m.recaps.is_empty());
        assert_eq!(start(m).1, "CET/CEST");
    }
    assert_eq!(notes.meetings[2].locations, ["https://meet.jit.si/racklet-community"]);
    assert!(notes.people.is_empty());
}

#[test]
fn cet_cest_times_follow_berlin_summer_time_and_utc_times_stay_as_written() {
    let notes = drift_fixture!("06-utc-and-cet-times.md");
    no_diagnostics(&notes);
    let starts: Vec<(String, &str, String)> = notes
        .meetings
        .iter()
        .map(|m| {
            let (utc, zone) = start(m);
            (utc, zone, m.time.as_ref().unwrap().text.clone())
        })
        .collect();
    assert_eq!(
        starts,
        [
            // Winter: CET is UTC+1.
            ("2021-01-12 17:00".into(), "CET/CEST", "6:00 PM CET/CEST".into()),
            // Summer: CEST is UTC+2; an ISO date and a 24-hour time.
            ("2021-06-15 16:00".into(), "CET/CEST", "18:00 CET/CEST".into()),
            ("2021-12-07 16:00".into(), "UTC", "4:00 PM UTC".into()),
        ]
    );
    for m in &notes.meetings {
        assert_eq!(m.status, MeetingStatus::Held);
        assert_eq!(slugs(&notes, m.hosts.clone()), ["twelho"]);
        assert_eq!(participants(m), [(Some("Dennis Marttinen"), Some("twelho"))]);
        assert_eq!(outline(&notes, m).len(), 2, "one notes section with one bullet");
    }
}

#[test]
fn the_spring_daylight_saving_weekend_starts_an_hour_earlier_in_utc_from_the_sunday_on() {
    let notes = drift_fixture!("07-dst-spring.md");
    no_diagnostics(&notes);
    let starts: Vec<String> = notes.meetings.iter().map(|m| start(m).0).collect();
    // Clocks in Berlin go forward at 02:00 on Sunday, March 28, 2021.
    assert_eq!(starts, ["2021-03-27 17:00", "2021-03-28 16:00", "2021-03-29 16:00"]);
    assert!(notes.meetings.iter().all(|m| m.status == MeetingStatus::Held));
    assert_eq!(
        outline(&notes, &notes.meetings[1]),
        [
            "## Notes [notes]",
            "  - Hackathon day two, clocks went forward last night"
        ]
    );
}

#[test]
fn the_autumn_daylight_saving_weekend_starts_an_hour_later_in_utc_from_the_sunday_on() {
    let notes = drift_fixture!("08-dst-autumn.md");
    no_diagnostics(&notes);
    let starts: Vec<String> = notes.meetings.iter().map(|m| start(m).0).collect();
    // Clocks in Berlin go back at 03:00 on Sunday, October 31, 2021.
    assert_eq!(starts, ["2021-10-30 16:00", "2021-10-31 17:00", "2021-11-01 17:00"]);
    assert!(notes.meetings.iter().all(|m| m.status == MeetingStatus::Held));
}

#[test]
fn a_meeting_in_the_night_of_a_clock_change_uses_the_offset_in_force_at_that_hour() {
    let utc = |heading: &str| match parse_heading(heading) {
        HeadingDate::Meeting {
            date, time: Some(t), ..
        } => t.utc(date).unwrap().format("%Y-%m-%d %H:%M").to_string(),
        other => panic!("{heading}: {other:?}"),
    };
    // Spring: 02:00 CET becomes 03:00 CEST (01:00 UTC).
    assert_eq!(utc("2021-03-28 01:30 CET/CEST"), "2021-03-28 00:30");
    assert_eq!(utc("2021-03-28 03:30 CET/CEST"), "2021-03-28 01:30");
    // Autumn: 03:00 CEST becomes 02:00 CET (01:00 UTC); the repeated hour
    // is read as its first, summer-time occurrence.
    assert_eq!(utc("2021-10-31 01:59 CET/CEST"), "2021-10-30 23:59");
    assert_eq!(utc("2021-10-31 02:30 CET/CEST"), "2021-10-31 00:30");
    assert_eq!(utc("2021-10-31 03:30 CET/CEST"), "2021-10-31 02:30");
}

#[test]
fn headings_that_almost_are_meetings_are_diagnostics_naming_the_line_and_their_notes_stay_visible() {
    let notes = drift_fixture!("09-near-miss-headings.md");
    assert_eq!(notes.meetings.len(), 1, "only the well-formed heading is a meeting");
    let m = meeting(&notes, "2021-09-28");
    assert_eq!(start(m), ("2021-09-28 16:00".into(), "CET/CEST"));
    assert_eq!(
        outline(&notes, m),
        ["## Notes [notes]", "  - Enclosure CAD model is on GitHub now"]
    );

    let diagnostics: Vec<(u32, &DiagnosticKind)> = notes.diagnostics.iter().map(|d| (d.line, &d.kind)).collect();
    assert_eq!(
        diagnostics,
        [
            (
                3,
                &DiagnosticKind::NearMissHeading {
                    heading: "Agust 3, 2021 6:00 PM CET/CEST".into(),
                    why: NearMiss::MisspeltMonth {
                        word: "Agust".into(),
                        month: "August"
                    },
                }
            ),
            (
                11,
                &DiagnosticKind::NearMissHeading {
                    heading: "September 14 6:00 PM CET/CEST".into(),
                    why: NearMiss::NoYear,
                }
            ),
        ],
        "names the heading and why it is not a meeting"
    );
    assert!(
        diagnostics[0].1.to_string().contains("did you mean August?"),
        "and says so in words"
    );

    let unplaced: Vec<(u32, &str, Vec<String>)> = notes
        .unplaced
        .iter()
        .map(|u| {
            let mut text = Vec::new();
            for b in &u.blocks {
                if let Block::List { items, .. } = b {
                    text.extend(items.iter().map(|i| Inline::plain_text(&i.inlines)));
                }
            }
            (u.line, u.heading.as_str(), text)
        })
        .collect();
    assert_eq!(
        unplaced,
        [
            (
                3,
                "Agust 3, 2021 6:00 PM CET/CEST",
                vec![
                    "Host: @twelho".to_string(),
                    "Talked about the summer hackathon".to_string()
                ]
            ),
            (
                11,
                "September 14 6:00 PM CET/CEST",
                vec!["Dennis presented the rack enclosure CAD model".to_string()]
            ),
        ]
    );
}

/// A year that lists people by first name alone ("Participants: Daniel,
/// Dennis, Verneri") and a meeting called off below an info block written
/// ahead of it.
fn first_names() -> Notes {
    drift_fixture!("10-first-names-and-a-late-cancel.md")
}

#[test]
fn people_listed_by_first_name_alone_are_the_one_person_known_by_that_full_name() {
    let notes = first_names();
    let feb8 = meeting(&notes, "2022-02-08");
    assert_eq!(
        slugs(&notes, feb8.participants.iter().map(|p| p.person)),
        ["orangecms", "twelho", "verneri-hirvonen"]
    );
    assert_eq!(
        recaps(&notes, feb8).iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ["orangecms", "twelho", "verneri-hirvonen"]
    );
    // What a reader filtering by Daniel sees: both meetings he attended.
    let daniel = notes.person_by_slug("orangecms").unwrap();
    let filter = notes::query::Filter {
        people: [daniel].into(),
        ..Default::default()
    };
    let shown: Vec<String> = notes::query::apply(&notes, &filter)
        .meetings
        .iter()
        .map(|mv| notes.meeting(mv.meeting).date.to_string())
        .collect();
    assert_eq!(shown, ["2022-01-11", "2022-02-08"]);
    let p = notes.person(daniel);
    assert_eq!((p.attended, p.recaps), (2, 2), "the called-off meeting is not attended");
}

#[test]
fn a_first_name_two_people_share_or_listed_beside_the_full_name_stays_its_own_person() {
    let text = "# Notes 2022\n\n# March 8, 2022 4:00 PM UTC\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho), Dennis\n:::\n\n## Recap\n\n### Dennis\n- Wrote docs\n\n# March 22, 2022 4:00 PM UTC\n\n:::info\n- **Participants:** Daniel Maslowski, Daniel Schmidt\n:::\n\n# April 5, 2022 4:00 PM UTC\n\n:::info\n- **Participants:** Daniel, Dennis Marttinen\n:::\n\n## Recap\n\n### Dennis\n- Rack work\n";
    let notes = fixture("2022.md", text);
    // Listed side by side with Dennis Marttinen: someone else.
    let march8 = meeting(&notes, "2022-03-08");
    assert_eq!(
        slugs(&notes, march8.participants.iter().map(|p| p.person)),
        ["twelho", "dennis"]
    );
    // Two full names start with "Daniel": the lone one is neither.
    let april5 = meeting(&notes, "2022-04-05");
    assert_eq!(
        slugs(&notes, april5.participants.iter().map(|p| p.person)),
        ["daniel", "twelho"]
    );
    assert_eq!(notes.people.len(), 5, "{:?}", notes.people);
    // "### Dennis" is whichever Dennis attended that meeting: on 5 April,
    // Dennis Marttinen, though someone is known as plain "Dennis".
    assert_eq!(recaps(&notes, april5)[0].0, "twelho");
}

#[test]
fn a_meeting_called_off_below_its_info_block_is_skipped_but_a_skipped_item_among_notes_is_not() {
    let notes = first_names();
    let jan25 = meeting(&notes, "2022-01-25");
    assert_eq!(jan25.status, MeetingStatus::Skipped);
    // The info block's own line says why; the one under it is kept too.
    assert_eq!(jan25.status_note.as_deref(), Some("Cancelled, see you in two weeks"));
    let extra: Vec<String> = jan25
        .extra_info
        .iter()
        .flat_map(|b| match b {
            Block::List { items, .. } => items.iter().map(|i| Inline::plain_text(&i.inlines)).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(extra, ["No meeting today: most of us are preparing FOSDEM talks."]);
    assert_eq!(Inline::plain_text(&jan25.date_remark), "an hour later than usual");
    assert!(jan25.sections.is_empty(), "the note is not a section");
    assert_eq!(meeting(&notes, "2022-02-08").status, MeetingStatus::Held);
    let dennis = notes.person(notes.person_by_slug("twelho").unwrap());
    assert_eq!(
        dennis.attended, 2,
        "11 January and 8 February, not the called-off 25 January"
    );
}

#[test]
fn a_time_zone_in_parentheses_after_the_date_is_no_remark_but_words_are() {
    let notes = first_names();
    let jan11 = meeting(&notes, "2022-01-11");
    assert!(jan11.date_remark.is_empty(), "{:?}", jan11.date_remark);
    assert_eq!(start(jan11), ("2022-01-11 16:00".into(), "CET"));
    let moved = fixture(
        "2022.md",
        "# Notes\n\n# March 8, 2022 4:00 PM UTC\n\n:::info\n- **Date:** Mar 8, 2022 4:00 PM (note the new time!)\n- **Participants:** @twelho\n:::\n",
    );
    assert_eq!(Inline::plain_text(&moved.meetings[0].date_remark), "note the new time!");
}

#[test]
fn headings_with_the_time_in_parentheses_iso_a_city_or_a_leading_meeting_word_read_their_start() {
    let doc = [
        "May 9, 2023 (16:00 UTC)",
        "2023-05-23T16:00Z",
        "June 6 2023, 6 PM Helsinki time",
        "Meeting 2023-06-20 16:00 UTC",
        "Community call: Tuesday, July 4, 2023 18:00 Berlin",
        "August 1, 2023 6 PM Stockholm time",
        "August 15, 2023 11:00 Chicago",
        "2023/08/29 16:00 UTC",
        "Meeting #14 (2023-09-12 16:00 UTC)",
        "Meeting 15 - September 26, 2023 18:00 CEST",
        "October 10, 2023 17:00-18:00 CEST",
        "October 24, 2023, 19:00 Finnish time",
    ]
    .iter()
    .map(|h| format!("# {h}\n\n:::info\n- **Participants:** @twelho\n:::\n\n"))
    .collect::<String>();
    let notes = fixture("2023.md", &doc);
    no_diagnostics(&notes);
    let starts: Vec<String> = notes.meetings.iter().map(|m| start(m).0).collect();
    assert_eq!(
        starts,
        [
            "2023-05-09 16:00",
            "2023-05-23 16:00",
            "2023-06-06 15:00",
            "2023-06-20 16:00",
            "2023-07-04 16:00",
            "2023-08-01 16:00",
            "2023-08-15 16:00",
            "2023-08-29 16:00",
            "2023-09-12 16:00",
            "2023-09-26 16:00",
            "2023-10-10 15:00",
            "2023-10-24 16:00"
        ]
    );
    // What only looks like one stays off the timeline, named.
    let notes = fixture("2023.md", "# Meeting notes\n\n# Community 2023\n");
    assert!(notes.meetings.is_empty());
}

/// Recaps written as paragraphs ("**Dennis:**" over a list, "Lucas: …"),
/// attendees as profile links in one line, and a plain "Present:" line.
fn paragraph_recaps() -> Notes {
    drift_fixture!("11-paragraph-recaps-and-linked-attendees.md")
}

#[test]
fn attendees_linked_to_their_profiles_on_one_line_are_each_a_participant() {
    let notes = paragraph_recaps();
    no_diagnostics(&notes);
    let march14 = meeting(&notes, "2023-03-14");
    assert_eq!(
        participants(march14),
        [
            (None, Some("twelho")),
            (Some("Daniel Maslowski"), Some("orangecms")),
            (Some("Lucas Käldström"), Some("luxas"))
        ]
    );
    let march28 = meeting(&notes, "2023-03-28");
    assert_eq!(
        participants(march28),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Daniel Maslowski"), Some("orangecms"))
        ]
    );
    assert_eq!(slugs(&notes, march28.hosts.iter().copied()), ["twelho"]);
}

#[test]
fn a_paragraph_naming_someone_is_their_recap_with_the_list_under_it() {
    let notes = paragraph_recaps();
    let march14 = meeting(&notes, "2023-03-14");
    assert_eq!(
        recaps(&notes, march14),
        [
            ("twelho".into(), 2, None),
            // One under "**Daniel Maslowski:**", one under "#### Daniel".
            ("orangecms".into(), 2, None),
            ("luxas".into(), 1, None)
        ]
    );
    // "Lucas: wrote …" is his one item, without the name.
    let luxas = march14.sections[0]
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Recap { title, blocks, .. } if title == "Lucas" => Some(blocks),
            _ => None,
        })
        .expect("Lucas's recap");
    let Block::List { items, .. } = &luxas[0] else {
        panic!("{luxas:?}")
    };
    assert_eq!(
        Inline::plain_text(&items[0].inlines).trim(),
        "wrote the website's new landing page"
    );
    // "What happened" is a recap section: its "- Dennis" bullets are recaps.
    let march28 = meeting(&notes, "2023-03-28");
    assert_eq!(
        recaps(&notes, march28),
        [("twelho".into(), 2, None), ("orangecms".into(), 1, None)]
    );
}

/// An info block of bold labels with no container ("**Participants**" over
/// a list, then "**Host:** Lucas"), and recap headings that name someone by
/// first name or with their handle ("### Guest (@guest123)").
fn bare_labels() -> Notes {
    drift_fixture!("12-bare-labels-and-handle-headings.md")
}

#[test]
fn a_bare_participants_label_over_a_list_and_the_host_line_after_it_are_the_info() {
    let notes = bare_labels();
    no_diagnostics(&notes);
    let june1 = meeting(&notes, "2021-06-01");
    assert_eq!(
        participants(june1),
        [
            (Some("Lucas Käldström"), Some("luxas")),
            (Some("Verneri Hirvonen"), Some("chiplet")),
            (Some("Dennis Marttinen"), Some("twelho"))
        ]
    );
    assert_eq!(slugs(&notes, june1.hosts.iter().copied()), ["luxas"]);
    assert_eq!(
        outline(&notes, june1)[0],
        "## Agenda [agenda]",
        "the info is not a section: {:?}",
        outline(&notes, june1)
    );
}

#[test]
fn a_recap_heading_with_a_handle_in_parentheses_is_that_person_and_the_handle_no_remark() {
    let notes = bare_labels();
    let june15 = meeting(&notes, "2021-06-15");
    assert_eq!(
        recaps(&notes, june15),
        [
            ("luxas".into(), 1, None),
            ("chiplet".into(), 1, None),
            ("guest123".into(), 1, None)
        ]
    );
}

#[test]
fn hosted_by_and_recap_headings_that_join_name_and_handle_with_a_slash_or_dash() {
    let text = "# Notes 2022\n\n# May 10th, 2022 at 17:00 Helsinki\n\n:::info\n- Hosted by: @twelho\n- Participants: @twelho, @orangecms\n:::\n\n## Updates\n### Dennis / @twelho\n- Wrote the BMC spec\n### Daniel - @orangecms\n- Ported LinuxBoot\n\n# June 7, 2022, 4 PM (UTC+02:00)\n\n:::info\n- Participants: @twelho\n:::\n";
    let notes = fixture("2022.md", text);
    no_diagnostics(&notes);
    let may10 = meeting(&notes, "2022-05-10");
    assert_eq!(slugs(&notes, may10.hosts.iter().copied()), ["twelho"]);
    assert_eq!(
        recaps(&notes, may10),
        [("twelho".into(), 1, None), ("orangecms".into(), 1, None)]
    );
    assert_eq!(start(may10), ("2022-05-10 14:00".into(), "Helsinki"));
    assert_eq!(
        start(meeting(&notes, "2022-06-07")),
        ("2022-06-07 14:00".into(), "UTC+02:00")
    );
}

#[test]
fn a_deeper_heading_naming_someone_is_their_recap_and_other_deeper_headings_stay() {
    let notes = fixture(
        "2022.md",
        "# Notes 2022\n\n# June 7, 2022 5:00 PM CEST\n\n\
         Participants: Dennis Marttinen (@twelho), Daniel Maslowski (@orangecms)\n\n\
         ## Show and tell\n\n#### Daniel\n- A demo of oreboot on the VisionFive 2\n  - boots to a shell\n\n\
         #### Demo links\n- the slides\n\n\
         ## Notes\n\n### Hackathon\n\n#### @twelho\n- Soldered the new backplane\n\n##### Parts\n- two fans\n\n\
         #### Venue\n- The lab again\n",
    );
    no_diagnostics(&notes);
    let m = meeting(&notes, "2022-06-07");
    assert_eq!(
        outline(&notes, m),
        [
            "## Show and tell [other]",
            "  recap orangecms \"Daniel\"",
            "    - A demo of oreboot on the VisionFive 2 (+1)",
            "  #### Demo links",
            "  - the slides",
            "## Notes [notes]",
            "  group Hackathon",
            // A deeper heading under it stays in the recap.
            "    recap twelho \"@twelho\"",
            "      - Soldered the new backplane",
            "      ##### Parts",
            "      - two fans",
            "    #### Venue",
            "    - The lab again",
        ]
    );
    // So a person filter finds Daniel's demo as his.
    let demo = unit_with(m, "oreboot");
    assert_eq!(demo.person, notes.person_by_slug("orangecms"));
}

#[test]
fn a_recap_under_a_title_of_its_own_is_read_by_its_people_named_over_their_items() {
    let notes = fixture(
        "2022.md",
        &format!(
            "# Notes 2022\n\n# March 8, 2022 4:00 PM UTC\n\n{THREE}\
         ## Since last time\n- Dennis\n  - Flashed the JH7110 board\n- @luxas\n  - Wrote the BMC design doc\n  \
         - and its power budget\n- Daniel Maslowski (remote)\n  - Booted oreboot on the D1\n\n\
         ## Hardware\n- Lucas\n  - the rack he ordered\n- Pi 4\n  - two more on the way\n\n\
         ## Discussion\n- Lucas\n  - wants to talk about the rack\n- Daniel\n  - the D1 again\n"
        ),
    );
    no_diagnostics(&notes);
    let m = meeting(&notes, "2022-03-08");
    assert_eq!(
        outline(&notes, m),
        [
            "## Since last time [other]",
            "  recap twelho \"Dennis\"",
            "    - Flashed the JH7110 board",
            "  recap luxas \"@luxas\"",
            "    - Wrote the BMC design doc",
            "    - and its power budget",
            "  recap orangecms \"Daniel Maslowski\"",
            "    - Booted oreboot on the D1",
            // A bullet with items that names no one: not a recap, nor its
            // neighbour that happens to be a name.
            "## Hardware [other]",
            "  - Lucas (+1)",
            "  - Pi 4 (+1)",
            // Discussion topics stay topics, whoever brings them.
            "## Discussion [discussion]",
            "  - Lucas (+1)",
            "  - Daniel (+1)",
        ]
    );
    assert_eq!(
        recaps(&notes, m),
        [
            ("twelho".into(), 1, None),
            ("luxas".into(), 2, None),
            ("orangecms".into(), 1, Some("remote".into()))
        ]
    );
    // So a person filter finds Dennis's board as his.
    let board = unit_with(m, "jh7110");
    assert_eq!(board.person, notes.person_by_slug("twelho"));
}

#[test]
fn a_recap_written_as_a_table_of_people_is_each_row_s_persons_recap() {
    let text = format!(
        "# Notes 2023\n\n# May 9, 2023 4:00 PM UTC\n\n{THREE}\
         ## Biweekly recap\n\n| Who | Done | Next |\n|-----|------|------|\n\
         | Dennis | Flashed the **JH7110** board | the case |\n| @luxas | Wrote the BMC design doc | |\n\
         | Daniel Maslowski (remote) | Booted oreboot on the D1 | LinuxBoot |\n\n\
         # May 23, 2023 4:00 PM UTC\n\n\
         - **Participants:** Dennis Marttinen (@twelho), Lucas K\u{e4}ldstr\u{f6}m (@luxas)\n\n\
         ## Recap\n\n| Who | Done |\n|---|---|\n| Dennis | the case |\n\n\
         | Part | Count |\n|---|---|\n| Lucas | 2 |\n| RK1 | 4 |\n\n\
         # June 6, 2023 4:00 PM UTC\n\n\
         - **Participants:** Dennis Marttinen (@twelho), Lucas K\u{e4}ldstr\u{f6}m (@luxas)\n\n\
         ## Recap\n\n| Who | Done | |\n|---|---|---|\n| Dennis: | the case | |\n| Lucas: | the docs | the rack |\n"
    );
    let notes = fixture("2023.md", &text);
    no_diagnostics(&notes);
    let m = meeting(&notes, "2023-05-09");
    assert_eq!(
        outline(&notes, m),
        [
            "## Biweekly recap [recap]",
            "  recap twelho \"Dennis\"",
            "    - Done: Flashed the JH7110 board",
            "    - Next: the case",
            "  recap luxas \"@luxas\"",
            "    - Done: Wrote the BMC design doc",
            "  recap orangecms \"Daniel Maslowski\"",
            "    - Done: Booted oreboot on the D1",
            "    - Next: LinuxBoot",
        ]
    );
    assert_eq!(
        recaps(&notes, m),
        [
            ("twelho".into(), 2, None),
            ("luxas".into(), 1, None),
            ("orangecms".into(), 2, Some("remote".into()))
        ]
    );
    // So a person filter finds Dennis's board as his, the mention kept,
    // and each item points at its row.
    let board = unit_with(m, "jh7110");
    assert_eq!(board.person, notes.person_by_slug("twelho"));
    assert!(!board.topics.is_empty(), "the JH7110 in a cell is still a mention");
    let row = text.lines().position(|l| l.starts_with("| Daniel")).unwrap() as u32 + 1;
    let oreboot = unit_with(m, "oreboot");
    assert_eq!(oreboot.line, row);
    // One person in a table, or a table of things, is a table as written.
    let m = meeting(&notes, "2023-05-23");
    assert!(m.recaps.is_empty(), "{:?}", m.recaps);
    // A name already followed by its colon, and a column without a title.
    let june = meeting(&notes, "2023-06-06");
    assert_eq!(
        outline(&notes, june),
        [
            "## Recap [recap]",
            "  recap twelho \"Dennis\"",
            "    - Done: the case",
            "  recap luxas \"Lucas\"",
            "    - Done: the docs",
            "    - the rack",
        ]
    );
    let tables = m.sections[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table { .. }))
        .count();
    assert_eq!(tables, 2);
}

#[test]
fn a_year_written_with_meetings_as_level_two_headings_reads_like_one_with_level_one() {
    let notes = drift_fixture!("13-meetings-as-level-two-headings.md");
    assert_eq!(notes.sources[0].title, "Racklet Community Meeting Notes 2021");
    let dates: Vec<String> = notes.meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2021-11-23", "2021-12-07"]);
    let nov23 = meeting(&notes, "2021-11-23");
    assert_eq!(slugs(&notes, nov23.hosts.iter().copied()), ["luxas"]);
    assert_eq!(
        outline(&notes, nov23),
        [
            "## Recap [recap]",
            "  recap twelho \"Dennis\"",
            "    - Designed the first backplane revision in KiCad (+1)",
            "  recap orangecms \"Daniel\"",
            "    - Got LinuxBoot running on the Allwinner D1",
            "    - Four RK1 modules arrived for the cluster",
            "## Discussion [discussion]",
            "  - BMC choice: RP2040 vs CH32V307",
            "  - Next steps for the website",
        ]
    );
    let dec7 = meeting(&notes, "2021-12-07");
    assert_eq!(start(dec7), ("2021-12-07 16:00".into(), "CET"));
    assert_eq!(
        recaps(&notes, dec7),
        [("twelho".into(), 1, None), ("luxas".into(), 1, None)]
    );
    // A "## " heading that is no date, after the meetings, is kept and named.
    assert_eq!(notes.unplaced.len(), 1);
    assert_eq!(notes.unplaced[0].heading, "Links");
    assert_eq!(notes.diagnostics.len(), 1, "{:#?}", notes.diagnostics);
    // The hardware of its notes is found as in any year.
    let d1 = notes.topic_by_slug("allwinner-d1").expect("the D1");
    assert_eq!(notes.topic(d1).meetings.len(), 1);
}

#[test]
fn participants_as_handles_with_spaces_a_who_field_and_a_head_count_are_read() {
    let doc = [
        "- **Attendees:** @twelho @luxas @orangecms",
        "- **Who:** @twelho, @luxas",
        "- **Attendance:** 3 (Dennis Marttinen, Lucas Käldström, Daniel Maslowski)",
        "- **Attendance:** 3",
    ]
    .iter()
    .zip(["March 2", "March 16", "March 30", "April 13"])
    .map(|(field, day)| format!("# {day}, 2021\n\n:::info\n{field}\n:::\n\n"))
    .collect::<String>();
    let notes = fixture("2021.md", &format!("# Notes 2021\n\n{doc}"));
    no_diagnostics(&notes);
    let who = |date: &str| slugs(&notes, meeting(&notes, date).participants.iter().map(|p| p.person));
    assert_eq!(who("2021-03-02"), ["twelho", "luxas", "orangecms"]);
    assert_eq!(who("2021-03-16"), ["twelho", "luxas"]);
    assert_eq!(
        who("2021-03-30"),
        ["dennis-marttinen", "lucas-kaldstrom", "daniel-maslowski"]
    );
    // A count alone names no one, and is shown as written.
    let april13 = meeting(&notes, "2021-04-13");
    assert!(april13.participants.is_empty());
    let shown: Vec<String> = april13
        .extra_info
        .iter()
        .flat_map(|b| match b {
            Block::List { items, .. } => items.iter().map(|i| Inline::plain_text(&i.inlines)).collect(),
            other => vec![format!("{other:?}")],
        })
        .collect();
    assert_eq!(shown, ["Attendance: 3"]);
}

#[test]
fn in_a_recap_a_name_then_a_dash_is_that_persons_item_and_elsewhere_a_bullet() {
    let text = "# Notes 2021\n\n# March 2, 2021\n\n\
                Participants: Dennis Marttinen (@twelho), Lucas Käldström (@luxas), Daniel Maslowski (@orangecms)\n\n\
                ## Recap\n\n- Lucas - wrote the blog post\n- **Daniel** — ported LinuxBoot\n- Website - new landing page\n\n\
                ## Notes\n\n- Dennis - to order the PDU\n";
    let notes = fixture("2021.md", text);
    no_diagnostics(&notes);
    let m = meeting(&notes, "2021-03-02");
    assert_eq!(
        outline(&notes, m),
        [
            "## Recap [recap]",
            "  recap luxas \"Lucas\"",
            "    - wrote the blog post",
            "  recap orangecms \"Daniel\"",
            "    - ported LinuxBoot",
            // Names no one known: a bullet as written.
            "  - Website - new landing page",
            // Outside a recap, a dash does not make a recap.
            "## Notes [notes]",
            "  - Dennis - to order the PDU",
        ]
    );
}

#[test]
fn section_names_of_other_years_say_what_their_sections_are() {
    let titles = [
        "Roundup",
        "Check-in",
        "AOB",
        "Any other business",
        "Action points",
        "To-do",
        "Follow-ups",
        "Show and tell",
    ];
    let body: String = titles.iter().map(|t| format!("## {t}\n\n- a note\n\n")).collect();
    let notes = fixture("2022.md", &format!("# Notes 2022\n\n# March 1, 2022\n\n{body}"));
    let kinds: Vec<(&str, &str)> = notes.meetings[0]
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Roundup", "recap"),
            ("Check-in", "recap"),
            ("AOB", "discussion"),
            ("Any other business", "discussion"),
            ("Action points", "action-items"),
            ("To-do", "action-items"),
            ("Follow-ups", "action-items"),
            ("Show and tell", "other"),
        ]
    );
}

#[test]
fn a_hackmd_year_keeps_its_boxes_spoilers_and_embeds_and_hides_its_front_matter() {
    let notes = drift_fixture!("14-hackmd-front-matter-boxes-and-embeds.md");
    // The front matter names the year; it is not a heading of the intro.
    assert_eq!(notes.sources[0].title, "Racklet community meeting notes 2022");
    let intro: Vec<String> = notes.sources[0].intro.iter().map(|b| format!("{b:?}")).collect();
    assert!(
        !intro.iter().any(|b| b.contains("tags: racklet, community")),
        "{intro:?}"
    );
    assert!(
        matches!(&notes.sources[0].intro[0], Block::Callout { kind, blocks, .. }
            if kind == "warning" && matches!(&blocks[..], [Block::Paragraph { .. }])),
        "the intro's box: {intro:?}"
    );

    let apr5 = meeting(&notes, "2022-04-05");
    assert_eq!(apr5.line, 14, "lines count the front matter");
    assert_eq!(slugs(&notes, apr5.hosts.iter().copied()), ["luxas"]);
    assert_eq!(
        recaps(&notes, apr5),
        [
            ("twelho".into(), 2, None),
            ("luxas".into(), 0, None),
            ("orangecms".into(), 2, None)
        ]
    );
    let o = outline(&notes, apr5);
    let callouts: Vec<&String> = o.iter().filter(|l| l.contains("Callout")).collect();
    assert_eq!(callouts.len(), 3, "{o:#?}");
    assert!(
        callouts[0].contains("kind: \"success\"") && callouts[0].contains("all four fans"),
        "{o:#?}"
    );
    assert!(
        callouts[1].contains("kind: \"danger\"") && callouts[1].contains("browned out"),
        "{o:#?}"
    );
    // The spoiler keeps its summary, and its code and paragraph.
    assert!(
        callouts[2].contains("kind: \"spoiler\"")
            && callouts[2].contains("title: \"Boot log of the D1\"")
            && callouts[2].contains("U-Boot SPL")
            && callouts[2].contains("kernel takes over"),
        "{o:#?}"
    );
    // The success box is part of Dennis's recap, not loose.
    let dennis = o
        .iter()
        .position(|l| l.contains("recap twelho"))
        .expect("Dennis's recap");
    let daniel = o
        .iter()
        .position(|l| l.contains("recap orangecms"))
        .expect("Daniel's recap");
    let success = o.iter().position(|l| l.contains("success")).expect("the box");
    assert!(dennis < success && success < daniel, "{o:#?}");

    // `==text==` is highlighted text.
    let dennis_items = apr5.sections[0].blocks.iter().find_map(|b| match b {
        Block::Recap { blocks, .. } => blocks.iter().find_map(|b| match b {
            Block::List { items, .. } => Some(items),
            _ => None,
        }),
        _ => None,
    });
    assert!(
        matches!(&dennis_items.expect("Dennis's bullets")[0].inlines[..],
            [Inline::Text(t), Inline::Mark(m)] if t == "Soldered the " && Inline::plain_text(m) == "second backplane revision"),
        "{o:#?}"
    );

    // Embeds are links to what they would frame, in the meeting's links.
    let links: Vec<(&str, &str)> = apr5.links().map(|(_, target, text)| (text, target.url())).collect();
    for want in [
        ("YouTube video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        (
            "Speaker Deck slides",
            "https://speakerdeck.com/orangecms/linuxboot-on-risc-v",
        ),
        ("PDF", "https://example.org/linuxboot-d1.pdf"),
    ] {
        assert!(links.contains(&want), "{want:?} in {links:?}");
    }
    assert!(!o.iter().any(|l| l.contains("{%")), "{o:#?}");

    // A box that says there is no meeting tells the meeting's status.
    let apr19 = meeting(&notes, "2022-04-19");
    assert_eq!(apr19.status, MeetingStatus::Skipped, "{:?}", outline(&notes, apr19));
    // The document's tags, written at its end, are the document's, not
    // that meeting's.
    assert!(
        outline(&notes, apr19).iter().all(|l| !l.contains("tags")),
        "{:?}",
        outline(&notes, apr19)
    );
    assert!(
        matches!(notes.sources[0].intro.last(), Some(Block::Heading { inlines, .. })
            if Inline::plain_text(inlines) == "tags: racklet meeting"),
        "{:?}",
        notes.sources[0].intro
    );
    assert!(notes.diagnostics.is_empty(), "{:#?}", notes.diagnostics);
}

#[test]
fn headings_with_a_label_no_year_or_no_time_still_place_their_meeting_and_its_start() {
    let notes = drift_fixture!("15-headings-with-labels-and-the-time-elsewhere.md");
    let got: Vec<(String, Option<String>, &str)> = notes
        .meetings
        .iter()
        .map(|m| {
            let utc = m
                .time
                .as_ref()
                .and_then(|t| t.utc(m.date))
                .map(|u| u.format("%H:%M").to_string());
            (m.date.to_string(), utc, m.status.as_str())
        })
        .collect();
    let want: Vec<(String, Option<String>, &str)> = [
        // The year from the title; a label before the date ("— ").
        ("2021-03-02", Some("17:00"), "held"),
        // An emoji before the date; "(cancelled)" after it.
        ("2021-03-16", None, "skipped"),
        // "Meeting notes:" before it; the start from the Date field.
        ("2021-03-30", Some("16:00"), "held"),
        // "6:00-7:00 PM": the start is 6 PM, not 6 AM.
        ("2021-04-13", Some("16:00"), "held"),
        // Struck through: called off.
        ("2021-04-27", Some("16:00"), "skipped"),
        // The start from a Time field.
        ("2021-05-11", Some("16:00"), "held"),
        // An em dash before the time; called off in a sentence.
        ("2021-05-25", Some("16:00"), "skipped"),
    ]
    .into_iter()
    .map(|(d, t, s)| (d.to_string(), t.map(String::from), s))
    .collect();
    assert_eq!(got, want);
    assert!(notes.diagnostics.is_empty(), "{:#?}", notes.diagnostics);
    assert!(notes.unplaced.is_empty(), "{:#?}", notes.unplaced);
    // A heading that links to the notes elsewhere keeps its link.
    let may11 = meeting(&notes, "2021-05-11");
    let links: Vec<&str> = may11.links().map(|(_, t, _)| t.url()).collect();
    assert_eq!(links, ["https://hackmd.io/@racklet/2021-05-11"]);
    assert_eq!(meeting(&notes, "2021-03-16").status_note.as_deref(), Some("Cancelled"));
    // Without a year in the title or the file's name, a date without one
    // is still a near miss, named (see fixture 09).
    let no_year = fixture("notes.md", "# Notes\n\n# March 2 6:00 PM CET\n\n- Ordered the PDU\n");
    assert!(no_year.meetings.is_empty());
    assert!(matches!(
        &no_year.diagnostics[0].kind,
        DiagnosticKind::NearMissHeading {
            why: NearMiss::NoYear,
            ..
        }
    ));
    // The file's name gives the year when the title does not.
    let named = fixture(
        "community/2021.md",
        "# Notes\n\n# March 2 6:00 PM CET\n\n- Ordered the PDU\n",
    );
    assert_eq!(named.meetings[0].date.to_string(), "2021-03-02");
    // A Date field without a year is in its meeting's year: it gives the
    // start, and a field that names another day is flagged.
    let fields = fixture(
        "community/2021.md",
        "# Racklet 2021\n\n# March 2, 2021\n\n:::info\n- **Date:** March 2 6:00 PM CET\n:::\n\n- Ordered the PDU\n\n\
         # March 16, 2021\n\n:::info\n- **Date:** March 17, 6:00 PM CET\n:::\n\n- Flashed the BMC\n",
    );
    let start = |m: &notes::model::Meeting| m.time.as_ref().and_then(|t| t.utc(m.date)).map(|u| u.to_string());
    assert_eq!(start(&fields.meetings[0]).as_deref(), Some("2021-03-02 17:00:00"));
    let kinds: Vec<_> = fields.diagnostics.iter().map(|d| &d.kind).collect();
    assert!(
        matches!(kinds[..], [DiagnosticKind::DateMismatch { info, heading }]
            if info.to_string() == "2021-03-17" && heading.to_string() == "2021-03-16"),
        "{kinds:#?}"
    );
}

#[test]
fn times_after_other_separators_with_offsets_apart_or_two_zones_read_their_start() {
    let utc = |heading: &str| match parse_heading(heading) {
        HeadingDate::Meeting {
            date, time: Some(t), ..
        } => t.utc(date).map(|u| u.format("%H:%M").to_string()),
        other => panic!("{heading}: {other:?}"),
    };
    for (heading, want) in [
        ("March 2, 2021 17:00 UTC +1", "16:00"),
        ("March 2, 2021 18:00 UTC + 1", "17:00"),
        ("March 2, 2021 19:00 EEST/18:00 CEST", "16:00"),
        ("March 2, 2021 18:00h CET", "17:00"),
        ("March 2, 2021 18:00 Uhr MEZ", "17:00"),
        ("March 2, 2021 — 6:00 PM CET", "17:00"),
        ("March 2, 2021 | 18:00 CET", "17:00"),
        ("March 2, 2021 (Tuesday) 18:00 CET", "17:00"),
        ("March 2, 2021 from 18:00 CET", "17:00"),
        ("March 2, 2021 [18:00 CET]", "17:00"),
        ("March 2, 2021 6:00-7:00 PM CET", "17:00"),
        // A range across noon: the start stays in the morning.
        ("March 2, 2021 11:00-1:00 PM UTC", "11:00"),
    ] {
        assert_eq!(utc(heading).as_deref(), Some(want), "{heading}");
    }
}

#[test]
fn a_meeting_written_a_level_too_deep_among_the_others_is_still_its_own_meeting() {
    let meeting = |hashes: &str, date: &str, who: &str| {
        format!("{hashes} {date} 6:00 PM CET\n\n**Participants:** {who}\n\n{hashes}# Notes\n\n- Notes of {date}\n\n")
    };
    let text = format!(
        "# Racklet Community Meeting Notes 2021\n\n{}{}{}{}## Notes from the March 2, 2021 hackathon\n\n- Not a meeting\n",
        meeting("##", "March 30, 2021", "Dennis Marttinen (@twelho)"),
        meeting("##", "March 16, 2021", "Lucas Käldström (@luxas)"),
        meeting("#", "March 2, 2021", "Daniel Maslowski (@orangecms)"),
        meeting("##", "February 16, 2021", "Verneri Hirvonen (@chiplet)"),
    );
    let notes = fixture("2021.md", &text);
    let got: Vec<(String, Vec<&str>)> = notes
        .meetings
        .iter()
        .map(|m| {
            (
                m.date.to_string(),
                m.participants
                    .iter()
                    .map(|p| notes.person(p.person).slug.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2021-02-16".to_string(), vec!["chiplet"]),
            ("2021-03-02".to_string(), vec!["orangecms"]),
            ("2021-03-16".to_string(), vec!["luxas"]),
            ("2021-03-30".to_string(), vec!["twelho"]),
        ]
    );
    // Each keeps its own notes, as a section; a heading that only names a
    // date after a label stays a section of the meeting above it.
    for m in &notes.meetings {
        assert_eq!(m.sections[0].title, "Notes", "{}", m.date);
    }
    let feb16 = meeting_of(&notes, "2021-02-16");
    assert_eq!(feb16.sections.len(), 2, "{:?}", outline(&notes, feb16));
    assert!(notes.diagnostics.is_empty(), "{:#?}", notes.diagnostics);
}

fn meeting_of<'a>(notes: &'a Notes, date: &str) -> &'a Meeting {
    meeting(notes, date)
}

#[test]
fn info_fields_labelled_where_when_who_or_hosted_by_are_the_info_block_as_lines_or_bullets() {
    // Setext headings, and the info fields under other labels: as lines of
    // a paragraph, and as bullets, with no `:::info` box.
    let notes = drift_fixture!("18-setext-headings-and-where-when-who.md");
    no_diagnostics(&notes);
    assert_eq!(notes.sources[0].title, "Racklet community meetings, 2021");
    let dates: Vec<String> = notes.meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2021-03-02", "2021-03-16", "2021-03-30"]);
    let who = |m: &Meeting| slugs(&notes, m.participants.iter().map(|p| p.person));

    let mar2 = meeting(&notes, "2021-03-02");
    assert_eq!(start(mar2), ("2021-03-02 17:00".into(), "CET"));
    assert_eq!(mar2.locations, ["https://meet.jit.si/racklet"]);
    assert_eq!(who(mar2), ["luxas", "twelho", "verneri", "chiraag"]);
    assert_eq!(mar2.participants[3].remark.as_deref(), Some("guest"));
    // The "---" between meetings separates them: no part of the one above.
    for m in &notes.meetings {
        let last = m.sections.last().and_then(|s| s.blocks.last());
        assert!(!matches!(last, Some(Block::Rule)), "{} ends with a rule", m.date);
    }
    // The participants are known, so the bold names are their recaps.
    assert_eq!(
        recaps(&notes, mar2),
        [
            ("luxas".into(), 1, None),
            ("twelho".into(), 1, None),
            ("verneri".into(), 1, None)
        ]
    );

    // "No meeting" under the fields: called off.
    let mar16 = meeting(&notes, "2021-03-16");
    assert_eq!(mar16.status, MeetingStatus::Skipped);
    assert_eq!(who(mar16), ["luxas", "twelho"]);

    let mar30 = meeting(&notes, "2021-03-30");
    assert_eq!(start(mar30), ("2021-03-30 17:00".into(), "UTC"));
    assert_eq!(Inline::plain_text(&mar30.date_remark), "moved an hour!");
    assert_eq!(slugs(&notes, mar30.hosts.iter().copied()), ["twelho"]);
    assert_eq!(who(mar30), ["luxas", "twelho", "daniel-maslowski"]);
    assert_eq!(
        recaps(&notes, mar30),
        [
            ("daniel-maslowski".into(), 1, None),
            ("twelho".into(), 1, None),
            ("luxas".into(), 1, None)
        ]
    );
}

#[test]
fn a_meeting_postponed_in_its_heading_or_under_its_info_did_not_take_place_that_day() {
    let notes = fixture(
        "2021.md",
        "# Notes 2021\n\n# March 2, 2021 (postponed to March 9)\n\n- **Participants:** Dennis\n\n\
         # March 9, 2021\n\n:::info\n- **Participants:** Dennis, Lucas\n:::\n\n\
         ## Recap\n\n### Dennis\n\n- Postponed the board order\n\n\
         # March 23, 2021\n\n:::info\n- **Participants:** Dennis\n:::\n\nPostponed: Dennis is travelling.\n",
    );
    let status = |date: &str| {
        let m = meeting(&notes, date);
        (m.status, m.status_note.clone())
    };
    assert_eq!(
        status("2021-03-02"),
        (MeetingStatus::Skipped, Some("Postponed to March 9".into()))
    );
    // "Postponed" among a recap's notes is notes.
    assert_eq!(status("2021-03-09"), (MeetingStatus::Held, None));
    assert_eq!(
        status("2021-03-23"),
        (MeetingStatus::Skipped, Some("Postponed: Dennis is travelling.".into()))
    );
}

/// Info fields behind an emoji or a HackMD emoji code ("📍 **Location:**",
/// ":calendar: When:", "**👥 Attendees:**", and codes the emoji table does
/// not know, ":round_pushpin: **Location:**"), and recap headings with a
/// handle nobody has named before.
fn decorated() -> Notes {
    drift_fixture!("19-emoji-labels-and-new-handles.md")
}

#[test]
fn info_labels_behind_an_emoji_or_an_emoji_code_are_read_as_the_labels() {
    let notes = decorated();
    for date in ["2025-03-04", "2025-04-01", "2025-04-15"] {
        let m = meeting(&notes, date);
        assert_eq!(m.locations, ["https://meet.jit.si/racklet"], "{date}");
        assert_eq!(start(m), (format!("{date} 17:00"), "UTC"), "{date}");
    }
    let march4 = meeting(&notes, "2025-03-04");
    assert_eq!(slugs(&notes, march4.hosts.iter().copied()), ["twelho"]);
    assert_eq!(
        participants(march4),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Lucas Käldström"), Some("luxas"))
        ]
    );
    let april1 = meeting(&notes, "2025-04-01");
    assert_eq!(slugs(&notes, april1.hosts.iter().copied()), ["luxas"]);
    assert_eq!(participants(april1), [(None, Some("luxas")), (None, Some("twelho"))]);
    // Emoji codes the table does not know, before a bold and a plain label.
    let april15 = meeting(&notes, "2025-04-15");
    assert_eq!(slugs(&notes, april15.hosts.iter().copied()), ["twelho"]);
    assert_eq!(participants(april15), [(None, Some("twelho")), (None, Some("luxas"))]);
    // A line that is no field keeps its emoji, as written.
    let tip = april1.extra_info.iter().map(|b| match b {
        Block::List { items, .. } => items
            .iter()
            .map(|i| Inline::plain_text(&i.inlines))
            .collect::<Vec<_>>()
            .join("|"),
        Block::Paragraph { inlines, .. } => Inline::plain_text(inlines),
        _ => String::new(),
    });
    assert_eq!(tip.collect::<Vec<_>>(), ["💡 Tip: recaps go under your name"]);
    let kinds: Vec<&DiagnosticKind> = notes.diagnostics.iter().map(|d| &d.kind).collect();
    assert_eq!(
        kinds,
        [&DiagnosticKind::UnknownInfoField {
            label: "💡 Tip".into()
        }]
    );
}

#[test]
fn a_recap_heading_with_a_handle_is_that_person_even_when_no_one_named_them_before() {
    let notes = decorated();
    assert_eq!(
        recaps(&notes, meeting(&notes, "2025-03-04")),
        [("twelho".into(), 1, None), ("luxas".into(), 1, None)]
    );
    assert_eq!(
        recaps(&notes, meeting(&notes, "2025-04-01")),
        [("newcomer".into(), 1, None), ("orangecms".into(), 1, None)]
    );
}

/// The info fields quoted with `>` instead of boxed, as paragraph lines or
/// as a list; a quote further down is notes.
fn quoted_info() -> Notes {
    drift_fixture!("20-quoted-info.md")
}

#[test]
fn fields_quoted_before_the_first_section_are_the_info_block() {
    let notes = quoted_info();
    no_diagnostics(&notes);
    let march7 = meeting(&notes, "2023-03-07");
    assert_eq!(march7.locations, ["https://meet.jit.si/racklet"]);
    assert_eq!(slugs(&notes, march7.hosts.iter().copied()), ["luxas"]);
    assert_eq!(
        participants(march7),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Lucas Käldström"), Some("luxas")),
            (Some("Verneri Hirvonen"), Some("chiplet"))
        ]
    );
    assert_eq!(recaps(&notes, march7), [("chiplet".into(), 1, None)]);
    assert_eq!(
        outline(&notes, march7)[0],
        "## Biweekly Recap [recap]",
        "{:?}",
        outline(&notes, march7)
    );
    let march21 = meeting(&notes, "2023-03-21");
    assert_eq!(march21.locations, ["https://meet.jit.si/racklet"]);
    assert_eq!(participants(march21), [(None, Some("twelho")), (None, Some("luxas"))]);
    // A quote under a section stays a quote.
    let quotes = march21.sections[0]
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Quote(_)))
        .count();
    assert_eq!(quotes, 1, "{:?}", outline(&notes, march21));
}

/// The participants written as a section of their own ("## Attendees"
/// over a list of names), with or without fields before it.
fn attendees_section() -> Notes {
    drift_fixture!("21-attendees-section.md")
}

#[test]
fn an_attendees_section_over_a_list_of_names_is_the_participants() {
    let notes = attendees_section();
    no_diagnostics(&notes);
    let feb8 = meeting(&notes, "2022-02-08");
    assert_eq!(
        participants(feb8),
        [
            (Some("Dennis Marttinen"), Some("twelho")),
            (Some("Lucas Käldström"), Some("luxas")),
            (Some("Daniel Maslowski"), Some("orangecms"))
        ]
    );
    assert_eq!(slugs(&notes, feb8.hosts.iter().copied()), ["luxas"]);
    assert_eq!(
        outline(&notes, feb8)[0],
        "## Updates [recap]",
        "{:?}",
        outline(&notes, feb8)
    );
    assert_eq!(recaps(&notes, feb8), [("orangecms".into(), 1, None)]);
    let feb22 = meeting(&notes, "2022-02-22");
    assert_eq!(participants(feb22), [(None, Some("twelho")), (None, Some("luxas"))]);
    assert_eq!(
        outline(&notes, feb22)[0],
        "## Discussion [discussion]",
        "{:?}",
        outline(&notes, feb22)
    );
}

#[test]
fn a_participants_section_of_sentences_stays_a_section() {
    let notes = attendees_section();
    let march8 = meeting(&notes, "2022-03-08");
    assert!(march8.participants.is_empty(), "{:?}", participants(march8));
    assert!(
        outline(&notes, march8)[0].starts_with("## Present"),
        "{:?}",
        outline(&notes, march8)
    );
}
