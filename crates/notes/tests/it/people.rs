//! One person per human, across meetings and documents.

use notes::model::DiagnosticKind;
use notes::parse::{parse, parse_one, SourceText};

const Y2023: &str = "# Notes 2023\n\n# December 12, 2023 4:00 PM UTC\n\n:::info\n- **Host:** @dennis-old\n- **Participants:**\n    - Dennis Marttinen, @dennis-old\n    - Marvin Drees\n:::\n\n## Biweekly Recap\n\n### Marvin\n\n- Soldered the backplane\n";
const Y2024: &str = "# Notes 2024\n\n# January 9, 2024 4:00 PM UTC\n\n:::info\n- **Host:** Dennis\n- **Participants:**\n    - Dennis Marttinen, @twelho\n    - @orangecms\n:::\n\n## Biweekly Recap\n\n### Dennis\n\n- Back in Finland\n\n### Daniel Maslowski\n\n- Sent a recap without attending\n\n# January 23, 2024\n\n:::info\n- **Participants:**\n    - Daniel Maslowski, @orangecms\n:::\n";

fn both() -> notes::model::Notes {
    parse(&[
        SourceText {
            name: "2023.md",
            text: Y2023,
        },
        SourceText {
            name: "2024.md",
            text: Y2024,
        },
    ])
}

#[test]
fn a_handle_renamed_between_years_is_still_the_same_person() {
    let notes = both();
    let dennis: Vec<_> = notes
        .people
        .iter()
        .filter(|p| p.name.as_deref() == Some("Dennis Marttinen"))
        .collect();
    assert_eq!(dennis.len(), 1);
    assert_eq!(
        dennis[0].handles,
        ["dennis-old", "twelho"],
        "oldest first; the latest is the id"
    );
    assert_eq!(dennis[0].slug, "twelho");
    assert_eq!((dennis[0].attended, dennis[0].hosted, dennis[0].recaps), (2, 2, 1));
}

#[test]
fn a_handle_seen_alone_merges_with_the_name_seen_later() {
    let notes = both();
    let daniel = notes.person(notes.person_by_slug("orangecms").unwrap());
    assert_eq!(daniel.name.as_deref(), Some("Daniel Maslowski"));
    assert_eq!(
        notes
            .people
            .iter()
            .filter(|p| p.handles.contains(&"orangecms".to_string()))
            .count(),
        1
    );
    // His recap in January 9 (by full name, not attending by name) counts.
    assert_eq!(daniel.recaps, 1);
}

#[test]
fn a_name_without_a_handle_is_a_person_with_a_name_slug() {
    let notes = both();
    let marvin = notes.person(notes.person_by_slug("marvin-drees").expect("Marvin by name slug"));
    assert!(marvin.handles.is_empty());
    assert_eq!(marvin.recaps, 1, "### Marvin resolves to the participant Marvin Drees");
    assert_eq!(marvin.initials(), "MD");
}

#[test]
fn a_host_named_by_first_name_is_the_participant() {
    let notes = both();
    let jan9 = notes
        .meetings
        .iter()
        .find(|m| m.date.to_string() == "2024-01-09")
        .unwrap();
    assert_eq!(notes.person(jan9.hosts[0]).slug, "twelho");
    assert_eq!(notes.people.len(), 3, "{:?}", notes.people);
}

#[test]
fn a_recap_heading_that_names_no_participant_is_a_group_never_a_person() {
    let notes = notes::parse::parse_one(
        "2023.md",
        "# Notes 2023\n\n# May 2, 2023 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n- **Participants:**\n    - Dennis Marttinen, @twelho\n    - Daniel Maslowski, @orangecms\n:::\n\n## Biweekly Recap\n\n### Dennis\n\n- Rack work\n\n### Device Tree discussion\n\n- We should upstream the DT\n\n### BMC News\n\n- New firmware\n\n### @newcomer\n\n- Said hello\n",
    );
    let people: Vec<&str> = notes.people.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        people,
        ["twelho", "orangecms", "newcomer"],
        "groups are not people; an @handle is"
    );
    let m = &notes.meetings[0];
    let recaps: Vec<&str> = m.recaps.iter().map(|r| notes.person(r.person).slug.as_str()).collect();
    assert_eq!(recaps, ["twelho", "newcomer"]);
    let groups: Vec<String> = m.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            notes::model::Block::Group { title, .. } => Some(notes::model::Inline::plain_text(title)),
            _ => None,
        })
        .collect();
    assert_eq!(
        groups,
        ["Device Tree discussion", "BMC News"],
        "their notes stay, as groups"
    );
    let kinds: Vec<&DiagnosticKind> = notes.diagnostics.iter().map(|d| &d.kind).collect();
    assert_eq!(
        kinds,
        [
            &DiagnosticKind::RecapNamesNoParticipant {
                heading: "Device Tree discussion".into()
            },
            &DiagnosticKind::RecapNamesNoParticipant {
                heading: "BMC News".into()
            },
        ]
    );
}

/// People as (slug, display name, handles), sorted by slug.
fn people_of(texts: &[&str]) -> Vec<(String, String, Vec<String>)> {
    let sources: Vec<SourceText<'_>> = texts.iter().map(|t| SourceText { name: "x.md", text: t }).collect();
    let notes = parse(&sources);
    let mut out: Vec<_> = notes
        .people
        .iter()
        .map(|p| (p.slug.clone(), p.display_name().to_string(), p.handles.clone()))
        .collect();
    out.sort();
    out
}

const KNOWN: &str = "# Notes 2022\n\n# January 11, 2022 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n- **Participants:**\n    - Dennis Marttinen (@twelho)\n    - Lucas Käldström (@luxas)\n    - Daniel Maslowski (@orangecms)\n:::\n";

#[test]
fn a_role_in_parentheses_is_a_remark_not_a_handle_shared_by_everyone() {
    let year = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n:::info\n- **Host:** Dennis Marttinen (host)\n- **Participants:**\n    - Dennis Marttinen (host)\n    - Lucas Käldström (remote)\n    - Daniel Maslowski (remote)\n    - Jane Doe (guest)\n    - Ron Minnich (guest)\n    - Verneri Hirvonen (chiplet)\n:::\n\n## Biweekly Recap\n\n### Daniel\n\n- Ported LinuxBoot\n\n### Ron\n\n- Talked about coreboot\n";
    let people = people_of(&[KNOWN, year]);
    let slugs: Vec<&str> = people.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(
        slugs,
        ["chiplet", "jane-doe", "luxas", "orangecms", "ron-minnich", "twelho"],
        "{people:#?}"
    );
    for (_, name, handles) in &people {
        assert!(
            !handles
                .iter()
                .any(|h| ["host", "remote", "guest"].contains(&h.as_str())),
            "{name}: {handles:?}"
        );
    }
    // The handle in parentheses still counts when it is one.
    assert!(people.iter().any(|(s, n, _)| s == "chiplet" && n == "Verneri Hirvonen"));
}

#[test]
fn symbols_dashes_and_addresses_around_a_name_are_not_part_of_it() {
    let year = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n:::info\n- **Host:** Dennis Marttinen / @twelho\n- **Participants:**\n    - Dennis Marttinen - host\n    - 🧑‍💻 Lucas Käldström\n    - Daniel Maslowski 🚀\n    - Marvin Drees <marvin@example.com>\n:::\n";
    let people = people_of(&[KNOWN, year]);
    let names: Vec<(&str, &str)> = people.iter().map(|(s, n, _)| (s.as_str(), n.as_str())).collect();
    assert_eq!(
        names,
        [
            ("luxas", "Lucas Käldström"),
            ("marvin-drees", "Marvin Drees"),
            ("orangecms", "Daniel Maslowski"),
            ("twelho", "Dennis Marttinen"),
        ]
    );
}

#[test]
fn a_bare_participants_label_over_notes_does_not_make_people_of_sentences() {
    let year = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n**Host:** @twelho\n**Participants:**\n\n- Flashed the BMC again for the demo: it works\n- Dennis Marttinen\n";
    let people = people_of(&[year]);
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].0, "twelho");
}

#[test]
fn handles_listed_without_at_are_the_people_with_those_handles_in_either_order() {
    let bare =
        "# Notes 2021\n\n# March 2, 2021 4:00 PM UTC\n\n**Host:** twelho\n**Participants:** twelho, luxas, orangecms\n";
    for texts in [[bare, KNOWN], [KNOWN, bare]] {
        let people = people_of(&texts);
        let slugs: Vec<&str> = people.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(slugs, ["luxas", "orangecms", "twelho"], "{people:#?}");
    }
}

/// Who took part, by name, in each meeting of `text` (a 2021 document).
fn participants(text: &str) -> Vec<Vec<String>> {
    let notes = parse(&[SourceText { name: "2021.md", text }]);
    notes
        .meetings
        .iter()
        .map(|m| {
            m.participants
                .iter()
                .map(|p| notes.person(p.person).display_name().to_string())
                .collect()
        })
        .collect()
}

const ROLL_CALLS: &str = "# Notes 2021\n\n\
         # March 2, 2021\n\n:::info\n- **Participants:** Dennis Marttinen, Lucas, everyone else\n:::\n\n## Notes\n\n- Ordered the PDU\n\n\
         # March 16, 2021\n\n:::info\n- **Participants:** Daniel Maslowski and others, plus a guest\n:::\n\n## Notes\n\n- Flashed the BMC\n\n\
         # March 30, 2021\n\n:::info\n- **Participants:**\n    - Dennis Marttinen\n    - 2 guests from the hackerspace\n    - a few students\n    - Everybody from the Discord\n:::\n\n## Notes\n\n- Cut the rack rails\n\n\
         # April 13, 2021\n\n:::info\n- **Participants:**\n    - [x] Dennis Marttinen\n    - [ ] Lucas Käldström\n    - [x] Daniel Maslowski\n:::\n\n## Notes\n\n- Soldered the backplane\n\n\
         # April 27, 2021\n\n:::info\n- **Participants:**\n    - [ ] Dennis Marttinen\n    - [ ] Daniel Maslowski\n:::\n\n## Notes\n\n- Nobody ticked the boxes\n";

#[test]
fn people_left_unnamed_are_no_one_and_an_unticked_box_did_not_come() {
    let got = participants(ROLL_CALLS);
    let want: Vec<Vec<&str>> = vec![
        vec!["Dennis Marttinen", "Lucas"],
        vec!["Daniel Maslowski"],
        vec!["Dennis Marttinen"],
        // A roll call: Lucas's box is not ticked.
        vec!["Dennis Marttinen", "Daniel Maslowski"],
        // No box ticked: the list was never filled in, and names both.
        vec!["Dennis Marttinen", "Daniel Maslowski"],
    ];
    assert_eq!(got, want);
    // Who is no one and who did not come stay on the card, as written.
    let notes = parse(&[SourceText {
        name: "2021.md",
        text: ROLL_CALLS,
    }]);
    let shown: Vec<String> = notes
        .meetings
        .iter()
        .map(|m| {
            let mut out = String::new();
            for b in &m.extra_info {
                if let notes::model::Block::List { items, .. } = b {
                    for i in items {
                        let box_ = match i.task {
                            Some(true) => "[x] ",
                            Some(false) => "[ ] ",
                            None => "",
                        };
                        out += &format!("{box_}{}; ", notes::model::Inline::plain_text(&i.inlines));
                    }
                }
            }
            out
        })
        .collect();
    assert_eq!(
        shown,
        [
            "Participants: everyone else; ",
            "Participants: others, plus a guest; ",
            "2 guests from the hackerspace; a few students; Everybody from the Discord; ",
            "[ ] Lucas Käldström; ",
            "",
        ]
    );
    // Capitalised, "A" and "An" start names: an initial, "An Nguyen".
    assert_eq!(
        participants(
            "# Notes 2021\n\n# May 11, 2021\n\n:::info\n- **Participants:** A. Smith, An Nguyen\n:::\n\n- Met\n"
        ),
        vec![vec!["A. Smith", "An Nguyen"]]
    );
}

#[test]
fn a_first_name_and_an_initial_is_the_one_person_named_so() {
    let text = "# Notes 2021\n\n\
         # March 2, 2021\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho), Daniel Maslowski, Daniel Kiper\n:::\n\n- Ordered the PDU\n\n\
         # March 16, 2021\n\n:::info\n- **Participants:** Dennis M., Daniel K.\n:::\n\n## Recap\n\n### Dennis M.\n\n- Flashed the BMC\n\n### Daniel K\n\n- Sent the GRUB patches\n\n\
         # March 30, 2021\n\n:::info\n- **Participants:** Daniel M, Daniel Maslowski\n:::\n\n- Two people called Daniel M.\n";
    let notes = parse(&[SourceText { name: "2021.md", text }]);
    let names: Vec<Vec<&str>> = notes
        .meetings
        .iter()
        .map(|m| {
            m.participants
                .iter()
                .map(|p| notes.person(p.person).display_name())
                .collect()
        })
        .collect();
    assert_eq!(names[1], ["Dennis Marttinen", "Daniel Kiper"]);
    // Listed beside Daniel Maslowski, "Daniel M" is someone else.
    assert_eq!(names[2], ["Daniel M", "Daniel Maslowski"]);
    let recaps: Vec<&str> = notes.meetings[1]
        .recaps
        .iter()
        .map(|r| notes.person(r.person).display_name())
        .collect();
    assert_eq!(recaps, ["Dennis Marttinen", "Daniel Kiper"]);
    let dennis = notes.people.iter().find(|p| p.slug == "twelho").expect("Dennis");
    assert_eq!((dennis.attended, dennis.recaps), (2, 1));
}

#[test]
fn a_recap_heading_that_says_whose_update_it_is_credits_them() {
    let text = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho), Lucas Käldström (@luxas), Daniel Maslowski (@orangecms)\n:::\n\n\
         ## Biweekly Recap\n\n### Dennis's update\n\n- Soldered\n\n### Lucas' notes\n\n- Blog\n\n### Daniel’s updates\n\n- oreboot\n\n\
         # March 21, 2023 4:00 PM UTC\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho), Lucas Käldström (@luxas), Daniel Maslowski (@orangecms)\n:::\n\n\
         ## Biweekly Recap\n\n### Updates from Dennis\n\n- PSU\n\n### Update by Lucas\n\n- Talk\n\n### From Daniel\n\n- LinuxBoot\n\n### News from FOSDEM\n\n- A stand\n\n\
         ## Discussion\n\n### Lucas's rack\n\n- Needs rails\n";
    let notes = parse(&[SourceText { name: "2023.md", text }]);
    let recaps: Vec<Vec<&str>> = notes
        .meetings
        .iter()
        .map(|m| m.recaps.iter().map(|r| notes.person(r.person).slug.as_str()).collect())
        .collect();
    assert_eq!(
        recaps,
        [["twelho", "luxas", "orangecms"], ["twelho", "luxas", "orangecms"]]
    );
    // The heading as written stays on the page, as the recap's remark.
    assert_eq!(notes.meetings[0].recaps[0].remark.as_deref(), Some("Dennis's update"));
    assert_eq!(
        notes.meetings[1].recaps[0].remark.as_deref(),
        Some("Updates from Dennis")
    );
    // A heading that names no one stays a group, and is said so; outside a
    // recap, a possessive is a topic ("Lucas's rack").
    let flagged: Vec<String> = notes.diagnostics.iter().map(|d| d.kind.to_string()).collect();
    assert_eq!(flagged.len(), 1, "{flagged:#?}");
    assert!(flagged[0].contains("News from FOSDEM"), "{flagged:#?}");
}

#[test]
fn a_bold_name_on_its_own_line_heads_the_recap_written_under_it() {
    let text = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho), Lucas Käldström (@luxas), Daniel Maslowski (@orangecms)\n:::\n\n\
         ## Biweekly Recap\n\n**Dennis**\nSoldered the backplane and ordered PSUs.\n\n**Lucas**\nWrote the blog post.\n- Published it\n\n**Daniel**\n- oreboot\n\n\
         ## Discussion\n\n**Lucas**\nAsked about rails.\n";
    let notes = parse(&[SourceText { name: "2023.md", text }]);
    let m = &notes.meetings[0];
    // Each person's units: what a filter by them shows.
    let units = |slug: &str| -> Vec<&str> {
        m.units
            .iter()
            .filter(|u| u.person.is_some_and(|p| notes.person(p).slug == slug))
            .map(|u| m.unit_text(u))
            .collect()
    };
    assert_eq!(units("twelho"), ["soldered the backplane and ordered psus."]);
    assert_eq!(units("luxas"), ["wrote the blog post.", "published it"]);
    assert_eq!(units("orangecms"), ["oreboot"]);
    let recaps: Vec<&str> = m.recaps.iter().map(|r| notes.person(r.person).slug.as_str()).collect();
    assert_eq!(recaps, ["twelho", "luxas", "orangecms"]);
}

#[test]
fn someone_listed_twice_in_one_meeting_is_shown_once() {
    let text = "# Notes 2023\n\n# March 7, 2023 4:00 PM UTC\n\n:::info\n- **Participants:**\n    - Dennis Marttinen, @twelho\n    - Lucas Käldström, @luxas\n    - twelho\n    - @luxas\n:::\n\n- Soldered\n";
    let notes = parse(&[SourceText { name: "2023.md", text }]);
    let listed: Vec<&str> = notes.meetings[0]
        .participants
        .iter()
        .map(|p| notes.person(p.person).slug.as_str())
        .collect();
    assert_eq!(listed, ["twelho", "luxas"]);
    assert!(notes.people.iter().all(|p| p.attended == 1), "{:?}", notes.people);
}

/// Two meetings with joint recaps, written as unseen years might: a
/// heading ("### Dennis & Lucas", "### Daniel, Dennis"), a bullet with
/// text ("- Dennis and Lucas: …") and a bold line over a list.
const JOINT: &str = include_str!("../../../../tests/fixtures/drift/16-joint-recaps.md");

#[test]
fn a_joint_recap_is_by_everyone_it_names() {
    let notes = parse_one("2022.md", JOINT);
    let slug = |p: notes::model::PersonId| notes.person(p).slug.as_str();
    let recaps: Vec<Vec<(Vec<&str>, u32)>> = notes
        .meetings
        .iter()
        .map(|m| {
            m.recaps
                .iter()
                .map(|r| (r.people().map(slug).collect(), r.items))
                .collect()
        })
        .collect();
    assert_eq!(
        recaps,
        [
            vec![
                (vec!["twelho", "luxas"], 2),
                (vec!["orangecms", "twelho"], 1),
                (vec!["luxas"], 1)
            ],
            // Headings are read before bullets. "Daniel, couldn't make
            // it: sent notes by mail" is Daniel's, with a remark: names
            // joined by a comma must each be someone.
            vec![
                (vec!["luxas", "orangecms"], 1),
                (vec!["twelho", "luxas"], 1),
                (vec!["orangecms"], 1),
                (vec!["orangecms", "twelho"], 1)
            ],
        ]
    );
    // "Daniel, Dennis" is not Daniel with a remark, and "Hardware &
    // Software" names no one; "(pairing)" after the names is a remark.
    assert!(notes.meetings[0].recaps.iter().all(|r| r.remark.is_none()));
    assert_eq!(notes.meetings[1].recaps[0].remark.as_deref(), Some("pairing"));
    assert_eq!(notes.meetings[1].recaps[2].remark.as_deref(), Some("couldn't make it"));
    let count = |s: &str| notes.people.iter().find(|p| p.slug == s).map(|p| p.recaps);
    assert_eq!(
        (count("twelho"), count("luxas"), count("orangecms")),
        (Some(4), Some(4), Some(4))
    );

    // A filter by either person shows the joint recap's bullets.
    let shown = |s: &str| -> Vec<String> {
        let filter = notes::query::Filter {
            people: [notes.person_by_slug(s).expect("known")].into(),
            ..Default::default()
        };
        let view = notes::query::apply(&notes, &filter);
        let mut out = Vec::new();
        for mv in &view.meetings {
            let m = notes.meeting(mv.meeting);
            for (u, state) in mv.units.as_deref().unwrap_or(&[]).iter().enumerate() {
                if *state == notes::query::UnitState::Match {
                    out.push(m.unit_text(&m.units[u]).to_string());
                }
            }
        }
        out
    };
    assert_eq!(
        shown("luxas"),
        [
            "soldered the rp2040 carrier",
            "tried the jh7110 image",
            "wrote the docs",
            "racked the jh7110 board",
            "set up the ci runner"
        ]
    );
    assert_eq!(
        shown("orangecms"),
        [
            "flashed coreboot",
            "sent notes by mail",
            "ported oreboot",
            "set up the ci runner"
        ]
    );
    assert_eq!(shown("twelho").len(), 5);
    // The digest of a filter by Lucas says whose bullets they are.
    let filter = notes::query::Filter {
        people: [notes.person_by_slug("luxas").expect("Lucas")].into(),
        ..Default::default()
    };
    let digest = notes::digest::markdown(&notes, &filter, &notes::query::apply(&notes, &filter), false, "Lucas");
    assert!(
        digest.contains("- Dennis Marttinen & Lucas Käldström: Soldered the RP2040 carrier"),
        "{digest}"
    );

    // Their pages list those bullets as theirs, and count the recaps.
    let lucas = notes.person_by_slug("luxas").expect("Lucas");
    let page = notes::story::person(&notes, lucas);
    assert_eq!(page.recaps, 2);
    assert_eq!(page.bullets.iter().map(|c| c.units.len()).sum::<usize>(), 5);

    // `timeline json` names the others; a recap by one person has no `with`.
    let json = serde_json::to_value(notes::export::Export::new(&notes)).expect("json");
    assert_eq!(json["meetings"][0]["recaps"][0]["with"], serde_json::json!(["luxas"]));
    assert!(json["meetings"][0]["recaps"][2].get("with").is_none());
}

const JOINT_WITH_HANDLES: &str = include_str!("../../../../tests/fixtures/drift/17-joint-recaps-with-handles.md");

#[test]
fn a_joint_recap_whose_names_have_their_handles_is_by_each_of_them() {
    let notes = parse_one("2023.md", JOINT_WITH_HANDLES);
    let m = &notes.meetings[0];
    let slug = |p: notes::model::PersonId| notes.person(p).slug.as_str();
    let recaps: Vec<(Vec<&str>, u32, Option<&str>)> = m
        .recaps
        .iter()
        .map(|r| (r.people().map(slug).collect(), r.items, r.remark.as_deref()))
        .collect();
    // "(@twelho)" after a name says who it is, and is no remark; a last
    // group that is no handle is one.
    assert_eq!(
        recaps,
        [
            (vec!["twelho", "luxas"], 2, None),
            (vec!["luxas", "orangecms"], 1, Some("pairing")),
            (vec!["orangecms"], 1, None),
        ]
    );
    // The headings keep the names as written, handles and all.
    let titles: Vec<&str> = m.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            notes::model::Block::Recap { title, .. } => Some(title.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Dennis (@twelho) & Lucas (@luxas)",
            "Lucas (@luxas) + Daniel (@orangecms)",
            "Daniel"
        ]
    );
    let count = |s: &str| notes.people.iter().find(|p| p.slug == s).map(|p| p.recaps);
    assert_eq!(
        (count("twelho"), count("luxas"), count("orangecms")),
        (Some(1), Some(2), Some(2))
    );
    // Three people, no one new: the handles found them.
    assert_eq!(notes.people.len(), 3);
}

#[test]
fn a_recap_bullet_by_several_people_with_their_handles_or_full_names_is_theirs() {
    // The names before the colon are more than three words once handles
    // or surnames are written; each joined name is still a few words.
    let text = "# Notes 2024\n\n# March 5, 2024 4:00 PM UTC\n\n:::info\n- **Participants:**\n    - Dennis Marttinen (@twelho)\n    - Daniel Maslowski (@orangecms)\n    - Lucas Käldström (@luxas)\n:::\n\n## Biweekly Recap\n\n- Dennis (@twelho) and Daniel (@orangecms): ported oreboot to the VisionFive 2\n- Dennis Marttinen, Lucas Käldström & Daniel Maslowski: tested the JH7110 board\n- Notes from the call with the vendor and the maintainers: nothing new\n";
    let notes = parse_one("2024.md", text);
    let m = &notes.meetings[0];
    let slug = |p: notes::model::PersonId| notes.person(p).slug.as_str();
    let recaps: Vec<(Vec<&str>, u32)> = m
        .recaps
        .iter()
        .map(|r| (r.people().map(slug).collect(), r.items))
        .collect();
    assert_eq!(
        recaps,
        [
            (vec!["twelho", "orangecms"], 1),
            (vec!["twelho", "luxas", "orangecms"], 1),
        ]
    );
    // Each recap's item is the text after the colon; the sentence with a
    // colon stays a bullet of no one.
    let texts: Vec<(Option<&str>, String)> = m
        .units
        .iter()
        .map(|u| (u.person.map(slug), m.unit_text(u).to_string()))
        .collect();
    assert!(
        texts.contains(&(Some("twelho"), "ported oreboot to the visionfive 2".to_string())),
        "{texts:?}"
    );
    assert!(
        texts.contains(&(Some("twelho"), "tested the jh7110 board".to_string())),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|(p, t)| p.is_none() && t.starts_with("notes from the call")),
        "{texts:?}"
    );
    assert_eq!(notes.people.len(), 3);
}

#[test]
fn joined_names_keep_what_joins_them_as_written() {
    use notes::parse::people::joined_names;
    let split = |t: &str| joined_names(t);
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        split("Dennis & Lucas"),
        Some((owned(&["Dennis", "Lucas"]), owned(&[" & "])))
    );
    assert_eq!(
        split("Dennis Marttinen, Lucas and @orangecms"),
        Some((
            owned(&["Dennis Marttinen", "Lucas", "@orangecms"]),
            owned(&[", ", " and "])
        ))
    );
    assert_eq!(
        split("Dennis, and Lucas"),
        Some((owned(&["Dennis", "Lucas"]), owned(&[", and "])))
    );
    assert_eq!(
        split("**Daniel / Dennis**"),
        Some((owned(&["Daniel", "Dennis"]), owned(&[" / "])))
    );
    // One name, a sentence, or a joiner with nothing before it: no names.
    assert_eq!(split("Dennis"), None);
    assert_eq!(split("Daniel, who could not join the call today"), None);
    assert_eq!(split("& Lucas"), None);
    assert_eq!(split("Dennis &"), None);
}

#[test]
fn what_a_participants_list_says_of_someone_besides_their_name_is_their_remark() {
    let notes = parse_one(
        "2021.md",
        "# March 2, 2021\n\n:::info\n- **Participants:** Dennis Marttinen (@twelho, host), Chiraag (guest), \
         Lucas Käldström - async, Daniel Maslowski (orangecms), Verneri, Marvin (async)\n:::\n",
    );
    let listed: Vec<_> = notes.meetings[0]
        .participants
        .iter()
        .map(|p| (p.name.as_deref(), p.handle.as_deref(), p.remark.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            (Some("Dennis Marttinen"), Some("twelho"), Some("host")),
            (Some("Chiraag"), None, Some("guest")),
            (Some("Lucas Käldström"), None, Some("async")),
            // A handle in parentheses is the handle, no remark.
            (Some("Daniel Maslowski"), Some("orangecms"), None),
            (Some("Verneri"), None, None),
            // A word for how someone took part is no handle.
            (Some("Marvin"), None, Some("async")),
        ]
    );
    // `timeline json` gives it, and only where there is one.
    let json = serde_json::to_value(notes::export::Export::new(&notes)).expect("JSON");
    let remarks: Vec<_> = json["meetings"][0]["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| p.get("remark").and_then(|r| r.as_str()))
        .collect();
    assert_eq!(
        remarks,
        [Some("host"), Some("guest"), Some("async"), None, None, Some("async")]
    );
}
