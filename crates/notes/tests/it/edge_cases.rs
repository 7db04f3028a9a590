//! One test per Markdown shape the parser must cope with.

use notes::model::{Block, DiagnosticKind, Inline, LinkTarget, MeetingStatus, NearMiss, Notes};
use notes::parse::parse_one;

fn parse(text: &str) -> Notes {
    parse_one("test.md", text)
}

/// All inline text of all units of the first meeting, joined.
fn meeting_text(notes: &Notes) -> String {
    let m = &notes.meetings[0];
    m.units
        .iter()
        .map(|u| m.unit_text(u).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

const HEADER: &str = "# Notes\n\n# August 20, 2024 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n- **Participants:**\n    - Dennis Marttinen, @twelho\n:::\n\n## Biweekly Recap\n\n### Dennis\n\n";

#[test]
fn hackmd_info_containers_are_read_as_the_info_block() {
    let notes = parse(HEADER);
    let m = &notes.meetings[0];
    assert_eq!(m.participants.len(), 1);
    assert_eq!(m.participants[0].name.as_deref(), Some("Dennis Marttinen"));
    assert_eq!(m.participants[0].handle.as_deref(), Some("twelho"));
    assert!(notes.diagnostics.is_empty(), "{:?}", notes.diagnostics);
}

#[test]
fn a_container_line_inside_a_code_block_is_code_not_a_container() {
    let text = format!("{HEADER}```\n:::info\n# September 1, 2024\n:::\n```\n");
    let notes = parse(&text);
    assert_eq!(
        notes.meetings.len(),
        1,
        "a `# date` line inside a code block is not a meeting"
    );
    let code = notes.meetings[0].sections[0]
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Recap { blocks, .. } => blocks.clone(),
            other => vec![other.clone()],
        })
        .find_map(|b| match b {
            Block::Code { text, .. } => Some(text),
            _ => None,
        })
        .expect("the code block is kept");
    assert_eq!(code, ":::info\n# September 1, 2024\n:::\n");
}

#[test]
fn an_unclosed_container_is_a_diagnostic_with_its_line() {
    let notes = parse("# Notes\n\n# August 20, 2024\n\n:::info\n- **Host:** @twelho\n");
    assert_eq!(notes.diagnostics.len(), 1);
    assert_eq!(notes.diagnostics[0].line, 5);
    assert_eq!(
        notes.diagnostics[0].kind,
        DiagnosticKind::UnclosedContainer { name: "info".into() }
    );
    assert_eq!(notes.meetings[0].hosts.len(), 1, "its content is still read");
}

#[test]
fn toc_marker_is_dropped_and_emoji_shortcodes_become_emoji() {
    let notes = parse(&format!(
        "# Notes\n\n[TOC]\n\n{}- bricked it :sweat_smile: but :not_an_emoji: stays\n",
        &HEADER[9..]
    ));
    assert!(notes.sources[0].intro.is_empty(), "[TOC] is not intro text");
    let text = meeting_text(&notes);
    assert!(text.contains("bricked it 😅 but :not_an_emoji: stays"), "{text}");
}

#[test]
fn the_sync_badge_becomes_a_hackmd_link_without_the_badge_image() {
    let notes = parse(
        "# Notes\n\nEdit online: [![hackmd-github-sync-badge](https://hackmd.io/abc/badge)](https://hackmd.io/abc)\n",
    );
    let src = &notes.sources[0];
    assert_eq!(src.hackmd_url.as_deref(), Some("https://hackmd.io/abc"));
    let Block::Paragraph { inlines, .. } = &src.intro[0] else {
        panic!("intro paragraph")
    };
    assert!(!inlines.iter().any(|i| matches!(i, Inline::Image { .. })));
    assert_eq!(Inline::plain_text(inlines), "Edit online: HackMD");
}

#[test]
fn hackmd_front_matter_is_the_notes_settings_not_their_text() {
    let text = format!(
        "---\ntitle: \"Racklet meetings, 2022 – Käldström's notes\"\ntags: racklet, community\nbreaks: false\nslideOptions:\n  theme: white\n---\n\n{}- Ordered the PDU\n",
        &HEADER[9..]
    );
    let notes = parse(&text);
    let src = &notes.sources[0];
    assert_eq!(
        src.title, "Racklet meetings, 2022 – Käldström's notes",
        "its title names the year"
    );
    assert!(
        src.intro.is_empty(),
        "no `title: … tags: …` heading in the intro: {:?}",
        src.intro
    );
    let m = &notes.meetings[0];
    assert_eq!(m.line, 9, "line numbers still count the front matter's lines");
    assert!(meeting_text(&notes).contains("ordered the pdu"));
    assert!(notes.diagnostics.is_empty(), "{:?}", notes.diagnostics);

    // A title heading is what readers see: it wins over the front matter's.
    let notes = parse(&format!("---\ntitle: racklet-2022\n---\n{HEADER}"));
    assert_eq!(notes.sources[0].title, "Notes");
}

#[test]
fn a_rule_between_meetings_is_not_front_matter() {
    // `---` lines around a meeting: only a first line can open front
    // matter, and only YAML-looking lines may follow it.
    let meeting = &HEADER[9..];
    for text in [
        format!("---\n{meeting}- Ordered the PDU\n\n---\n\n# September 3, 2024\n\n- Next\n"),
        format!("---\nNotes: the agenda is below\n\n{meeting}- Ordered the PDU\n---\n"),
    ] {
        let notes = parse(&text);
        assert_eq!(notes.meetings[0].date.to_string(), "2024-08-20", "{text}");
        assert!(meeting_text(&notes).contains("ordered the pdu"), "{text}");
    }
    // Unclosed, it is no front matter either: its lines stay text.
    let notes = parse("---\ntitle: Notes 2022\n\n# March 8, 2022\n\n- Ordered the PDU\n");
    assert_eq!(notes.meetings.len(), 1);
    assert!(meeting_text(&notes).contains("ordered the pdu"));
}

#[test]
fn hackmd_highlights_and_embeds_in_real_markdown() {
    let notes = parse(&format!(
        "{HEADER}- a ==b== c and ==**bold** words== and x == y\n- `==code==` stays and ==a `code` inside== too\n- {{%youtube abc_DEF-123 %}} and {{%unknown thing %}}\n"
    ));
    let items: Vec<&Vec<Inline>> = notes.meetings[0].sections[0]
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Recap { blocks, .. } => blocks.iter().collect::<Vec<_>>(),
            other => vec![other],
        })
        .flat_map(|b| match b {
            Block::List { items, .. } => items.iter().map(|i| &i.inlines).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect();
    let marked = |inlines: &[Inline]| -> Vec<String> {
        inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Mark(c) => Some(Inline::plain_text(c)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(marked(items[0]), ["b", "bold words"]);
    assert!(Inline::plain_text(items[0]).ends_with("and x == y"));
    assert_eq!(marked(items[1]), ["a code inside"]);
    assert!(matches!(&items[1][0], Inline::Code(c) if c == "==code=="));
    assert!(matches!(&items[2][0], Inline::Link { target, children }
            if target.url() == "https://www.youtube.com/watch?v=abc_DEF-123" && Inline::plain_text(children) == "YouTube video"));
    assert!(
        Inline::plain_text(items[2]).ends_with("and {%unknown thing %}"),
        "an unknown embed stays as written"
    );
}

#[test]
fn nested_bullets_keep_their_parents() {
    let notes = parse(&format!(
        "{HEADER}- top\n    - child\n        - grandchild\n  - two-space child\n- second\n"
    ));
    let m = &notes.meetings[0];
    let texts: Vec<(&str, Option<u32>)> = m
        .units
        .iter()
        .map(|u| (m.unit_text(u), u.parent.map(|p| p.0)))
        .collect();
    assert_eq!(
        texts,
        [
            ("top", None),
            ("child", Some(0)),
            ("grandchild", Some(1)),
            ("two-space child", Some(0)),
            ("second", None)
        ]
    );
    assert_eq!(
        notes.meetings[0].recaps[0].items, 2,
        "only top-level bullets count as recap items"
    );
}

#[test]
fn inline_code_stays_code() {
    let notes = parse(&format!("{HEADER}- got `kexec` to work at `0x0110_0000`\n"));
    let m = &notes.meetings[0];
    let Block::Recap { blocks, .. } = &m.sections[0].blocks[0] else {
        panic!("recap")
    };
    let Block::List { items, .. } = &blocks[0] else {
        panic!("list")
    };
    assert_eq!(items[0].inlines[1], Inline::Code("kexec".into()));
    assert_eq!(items[0].inlines[3], Inline::Code("0x0110_0000".into()));
}

#[test]
fn ordinal_and_other_date_spellings_parse() {
    for (heading, date) in [
        ("September 3rd, 2024 4:00 PM UTC", "2024-09-03"),
        ("August 1st, 2024", "2024-08-01"),
        ("August 22nd 2024", "2024-08-22"),
        ("Tuesday, 9 January 2024", "2024-01-09"),
        ("Sept. 10, 2024", "2024-09-10"),
        ("2021-03-02 18:00 CET/CEST", "2021-03-02"),
    ] {
        let notes = parse(&format!("# T\n\n# {heading}\n\n- x\n"));
        assert_eq!(notes.meetings.len(), 1, "{heading}");
        assert_eq!(notes.meetings[0].date.to_string(), date, "{heading}");
    }
}

#[test]
fn a_heading_that_almost_is_a_date_is_a_diagnostic_and_its_notes_stay_visible() {
    let notes =
        parse("# Notes\n\n# Agust 20, 2024 4:00 PM UTC\n\n- Got the board booting\n\n# August 6, 2024\n\n- x\n");
    assert_eq!(notes.meetings.len(), 1);
    let d = &notes.diagnostics[0];
    assert_eq!(d.line, 3);
    assert_eq!(
        d.kind,
        DiagnosticKind::NearMissHeading {
            heading: "Agust 20, 2024 4:00 PM UTC".into(),
            why: NearMiss::MisspeltMonth {
                word: "Agust".into(),
                month: "August"
            }
        }
    );
    assert_eq!(notes.unplaced.len(), 1);
    let Block::List { items, .. } = &notes.unplaced[0].blocks[0] else {
        panic!("list kept")
    };
    assert_eq!(Inline::plain_text(&items[0].inlines), "Got the board booting");
}

#[test]
fn a_date_without_a_year_is_named_as_such() {
    let notes = parse("# Notes\n\n# August 20 4:00 PM UTC\n\n- x\n");
    assert!(notes.meetings.is_empty());
    assert!(
        matches!(
            &notes.diagnostics[0].kind,
            DiagnosticKind::NearMissHeading {
                why: NearMiss::NoYear,
                ..
            }
        ),
        "{:?}",
        notes.diagnostics[0].kind
    );
}

#[test]
fn only_web_and_mail_links_are_clickable() {
    let notes = parse(&format!(
        "{HEADER}- [a](https://a.example) [b](mailto:x@y.z) [c](javascript:alert(1)) [d](data:text/html,x) [e](/relative)\n"
    ));
    let targets: Vec<LinkTarget> = notes.meetings[0].links().map(|(_, t, _)| t.clone()).collect();
    assert_eq!(
        targets.iter().map(LinkTarget::is_clickable).collect::<Vec<_>>(),
        [true, true, false, false, false]
    );
}

#[test]
fn bare_urls_become_links_without_trailing_punctuation() {
    let notes = parse(&format!(
        "{HEADER}- see https://example.com/a_(b). And (https://x.example/y), done\n"
    ));
    let urls: Vec<String> = notes.meetings[0].links().map(|(_, t, _)| t.url().to_string()).collect();
    assert_eq!(urls, ["https://example.com/a_(b)", "https://x.example/y"]);
}

#[test]
fn a_meeting_with_no_participants_and_no_notes_is_planned() {
    let notes =
        parse("# T\n\n# September 3rd, 2024 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n- **Participants:**\n:::\n");
    assert_eq!(notes.meetings[0].status, MeetingStatus::Planned);
}

#[test]
fn strange_input_never_panics() {
    let inputs = [
        String::new(),
        "#".into(),
        ":::".into(),
        ":::info".into(),
        "# August 20, 2024\n:::info\n:::\n:::\n".into(),
        "# August 20, 2024\n## \n### \n- \n".into(),
        "> ".repeat(10_000),
        "- ".repeat(5_000) + "deep",
        "*".repeat(20_000),
        "[".repeat(5_000) + &"](x)".repeat(5_000),
        "# February 30, 2024\n".into(),
        "# 99:99 August 2024 :::\n".into(),
        "\u{feff}# August 20, 2024\r\n\r\n- crlf\r\n".into(),
    ];
    for input in &inputs {
        let _ = parse(input);
    }
    let crlf = parse(&inputs[12]);
    assert_eq!(crlf.meetings.len(), 1, "CRLF line ends and a BOM are fine");
}

#[test]
fn a_dash_or_other_wide_character_after_a_number_in_a_heading_does_not_crash() {
    // Regression: the ordinal check sliced "–" (3 bytes) in half.
    let notes = parse("# Notes 2015–2024\n\n# August 20, 2024 – 4:00 PM UTC\n\n- x\n\n# 3😀 thing\n");
    assert_eq!(notes.sources[0].title, "Notes 2015–2024");
    assert_eq!(notes.meetings[0].time.as_ref().unwrap().text, "4:00 PM UTC");
}

#[test]
fn a_document_whose_dated_headings_have_no_year_says_which_heading() {
    use notes::parse::{has_meetings, undated_heading};
    let undated = "# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered\n\n# March 19 6:00 PM CET\n";
    assert!(!has_meetings(undated, "notes.md"));
    assert_eq!(undated_heading(undated).as_deref(), Some("March 5 6:00 PM CET"));
    // Not meeting notes at all: no heading to name.
    assert_eq!(undated_heading("# A README\n\nNot meeting notes.\n"), None);
    // A year in the file name dates them: nothing to fix.
    assert!(has_meetings(undated, "2019.md"));
}
