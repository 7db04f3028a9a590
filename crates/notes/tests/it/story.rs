//! A person's page, a topic's story and the Markdown digest, as a reader of
//! those pages would check them against the notes.

use notes::digest;
use notes::model::{Notes, PersonId, TopicId};
use notes::parse::parse_one;
use notes::query::{apply, from_query};
use notes::story::{self, unit_node, Presence, UnitNode};

const NOTES: &str = "# Racklet Community Meeting Notes

# March 12, 2024 4:00 PM UTC

:::info
- **Location:** https://meet.jit.si/racklet
- **Date:** March 12, 2024 4:00 PM UTC
- **Host:** @orangecms
- **Participants:**
    - Dennis Marttinen, @twelho
    - Daniel Maslowski, @orangecms
:::

## Biweekly Recap

### Daniel

- Booted the VisionFive 2 with [oreboot](https://github.com/oreboot/oreboot)
    - DRAM init on the JH7110 works now
- Soldered headers on an RP2040 board

### Dennis

- Wrote the [rack docs](https://docs.racklet.io/)

## Discussion Topics

- Are JH7110 boards cheap enough for a whole rack?

# February 27, 2024 4:00 PM UTC

:::info
- **Location:** https://meet.jit.si/racklet
- **Date:** February 27, 2024 4:00 PM UTC
- **Host:** @twelho
- **Participants:**
    - Dennis Marttinen, @twelho
:::

## Biweekly Recap

### Dennis

- Tried the Star64, another JH7110 board
- Daniel sent a recap without joining:

### Daniel

- Read the JH7110 datasheet, see the [TRM](https://doc-en.rvspace.org/JH7110/TRM/)

# February 13, 2024 4:00 PM UTC

:::info
- No meeting (FOSDEM travel)
:::

# March 26, 2024 4:00 PM UTC

:::info
- **Location:** https://meet.jit.si/racklet
- **Date:** March 26, 2024 4:00 PM UTC
- **Host:** @orangecms
:::

# January 30, 2024 4:00 PM UTC

:::info
- **Location:** https://meet.jit.si/racklet
- **Date:** January 30, 2024 4:00 PM UTC
- **Host:** @twelho
- **Participants:**
    - Dennis Marttinen, @twelho
    - Daniel Maslowski, @orangecms
:::

## Biweekly Recap

### Dennis

- Ordered an RP2040 for the BMC
";

fn notes() -> Notes {
    parse_one("2024.md", NOTES)
}

fn person(notes: &Notes, slug: &str) -> PersonId {
    notes.person_by_slug(slug).unwrap_or_else(|| panic!("no person {slug}"))
}

fn topic(notes: &Notes, slug: &str) -> TopicId {
    notes.topic_by_slug(slug).unwrap_or_else(|| panic!("no topic {slug}"))
}

fn date(notes: &Notes, id: Option<notes::model::MeetingId>) -> String {
    notes.meeting(id.expect("a meeting")).date.to_string()
}

/// The first words of each listed unit, meeting by meeting.
fn bullets(notes: &Notes, cited: &[story::Cited]) -> Vec<(String, Vec<String>)> {
    cited
        .iter()
        .map(|c| {
            let m = notes.meeting(c.meeting);
            let texts = c
                .units
                .iter()
                .map(|u| match unit_node(m, *u) {
                    Some(UnitNode::Item(item)) => notes::model::Inline::plain_text(&item.inlines),
                    other => panic!("unit {u:?} is {other:?}"),
                })
                .collect();
            (m.date.to_string(), texts)
        })
        .collect()
}

#[test]
fn a_persons_page_counts_what_they_did_and_lists_their_bullets_newest_first() {
    let notes = notes();
    let daniel = person(&notes, "orangecms");
    let page = story::person(&notes, daniel);
    assert_eq!(date(&notes, page.first), "2024-01-30");
    assert_eq!(date(&notes, page.latest), "2024-03-12");
    // Attended Jan 30 and Mar 12 (hosting the latter); a recap on Feb 27
    // without attending, and one on Mar 12. Hosting the planned meeting of
    // Mar 26 is not done yet.
    assert_eq!((page.attended, page.hosted, page.recaps), (2, 1, 2));
    assert_eq!(
        page.strip,
        vec![
            Presence::Attended,
            Presence::NoMeeting,
            Presence::RecapOnly,
            Presence::Hosted,
            Presence::NoMeeting
        ]
    );
    assert_eq!(
        bullets(&notes, &page.bullets),
        vec![
            (
                "2024-03-12".to_string(),
                vec![
                    "Booted the VisionFive 2 with oreboot".to_string(),
                    "Soldered headers on an RP2040 board".to_string()
                ]
            ),
            (
                "2024-02-27".to_string(),
                vec!["Read the JH7110 datasheet, see the TRM".to_string()]
            ),
        ]
    );
    // The JH7110 in two meetings (the VisionFive 2 bullet's detail names it).
    let top: Vec<(&str, u32)> = page
        .topics
        .iter()
        .map(|(t, n)| (notes.topic(*t).slug.as_str(), *n))
        .collect();
    assert_eq!(top.first(), Some(&("jh7110", 2)), "{top:?}");
    assert!(
        top.contains(&("visionfive-2", 1)) && top.contains(&("rp2040", 1)),
        "{top:?}"
    );
    let links: Vec<&str> = page.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        links,
        vec![
            "https://github.com/oreboot/oreboot",
            "https://doc-en.rvspace.org/JH7110/TRM/"
        ]
    );
}

#[test]
fn someone_who_never_took_part_has_an_empty_page() {
    let mut notes = notes();
    notes.people.push(notes::model::Person {
        slug: "nobody".into(),
        ..Default::default()
    });
    let page = story::person(&notes, PersonId(notes.people.len() as u32 - 1));
    assert_eq!((page.first, page.latest), (None, None));
    assert_eq!((page.attended, page.hosted, page.recaps), (0, 0, 0));
    assert!(page.bullets.is_empty() && page.topics.is_empty() && page.links.is_empty());
    assert!(page
        .strip
        .iter()
        .all(|p| matches!(p, Presence::Absent | Presence::NoMeeting)));
}

#[test]
fn a_topics_story_lists_every_mention_in_time_order_with_who_and_related_topics() {
    let notes = notes();
    let jh7110 = topic(&notes, "jh7110");
    let page = story::topic(&notes, jh7110);
    assert_eq!(date(&notes, page.first), "2024-02-27");
    assert_eq!(date(&notes, page.latest), "2024-03-12");
    assert_eq!(
        bullets(&notes, &page.bullets),
        vec![
            (
                "2024-02-27".to_string(),
                vec![
                    "Tried the Star64, another JH7110 board".to_string(),
                    "Read the JH7110 datasheet, see the TRM".to_string()
                ]
            ),
            (
                "2024-03-12".to_string(),
                // The VisionFive 2 is a JH7110 board: its bullet, with the
                // detail under it, is listed once.
                vec![
                    "Booted the VisionFive 2 with oreboot".to_string(),
                    "Are JH7110 boards cheap enough for a whole rack?".to_string()
                ]
            ),
        ]
    );
    let who: Vec<(&str, u32)> = page
        .people
        .iter()
        .map(|(p, n)| (notes.person(*p).slug.as_str(), *n))
        .collect();
    assert_eq!(who, vec![("orangecms", 2), ("twelho", 1)]);
    let slugs = |ids: &[TopicId]| ids.iter().map(|t| notes.topic(*t).slug.clone()).collect::<Vec<_>>();
    assert!(
        slugs(&page.children).contains(&"visionfive-2".to_string()),
        "{:?}",
        slugs(&page.children)
    );
    assert!(
        slugs(&page.children).contains(&"star64".to_string()),
        "{:?}",
        slugs(&page.children)
    );
    // Related topics are ones the notes mention: the page links to them.
    for t in page.parents.iter().chain(&page.children).chain(&page.siblings) {
        assert!(!notes.topic(*t).meetings.is_empty());
        assert_ne!(*t, jh7110);
    }
    let links: Vec<&str> = page.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        links,
        vec![
            "https://doc-en.rvspace.org/JH7110/TRM/",
            "https://github.com/oreboot/oreboot"
        ]
    );
}

#[test]
fn a_board_knows_its_soc_as_a_parent_and_its_sibling_boards() {
    let notes = notes();
    let page = story::topic(&notes, topic(&notes, "visionfive-2"));
    let slugs = |ids: &[TopicId]| ids.iter().map(|t| notes.topic(*t).slug.clone()).collect::<Vec<_>>();
    assert!(
        slugs(&page.parents).contains(&"jh7110".to_string()),
        "{:?}",
        slugs(&page.parents)
    );
    assert!(
        slugs(&page.siblings).contains(&"star64".to_string()),
        "{:?}",
        slugs(&page.siblings)
    );
    assert_eq!(page.bullets.len(), 1);
}

#[test]
fn the_digest_lists_matching_meetings_with_their_bullets_and_links() {
    let notes = notes();
    let (filter, unknown) = from_query(&notes, [("topic", "jh7110")]);
    assert!(unknown.is_empty());
    let view = apply(&notes, &filter);
    let md = digest::markdown(&notes, &filter, &view, true, "Racklet community meetings");
    assert!(
        md.starts_with("# Racklet community meetings\n\n2 of 5 meetings, filtered by "),
        "{md}"
    );
    // Newest first; each meeting by date with its host.
    let march = md.find("## Tuesday, March 12, 2024").expect(&md);
    let february = md.find("## Tuesday, February 27, 2024").expect(&md);
    assert!(march < february);
    assert!(!md.contains("January 30"), "{md}");
    assert!(md.contains("Host: Daniel Maslowski"), "{md}");
    // Matching bullets, with the detail below them indented, links as Markdown.
    assert!(
        md.contains("- Daniel Maslowski: Booted the VisionFive 2 with [oreboot](https://github.com/oreboot/oreboot)\n  - DRAM init on the JH7110 works now\n"),
        "{md}"
    );
    assert!(!md.contains("Soldered headers"), "{md}");
    assert!(
        md.contains("Links:\n\n- [oreboot](https://github.com/oreboot/oreboot)\n"),
        "{md}"
    );
    // What is written stays text: Markdown characters in notes are escaped.
    let tricky = parse_one(
        "x.md",
        &NOTES.replace(
            "- Wrote the [rack docs](https://docs.racklet.io/)",
            "- Wrote *the* `docs` for a_b [x]",
        ),
    );
    let everything = apply(&tricky, &Default::default());
    let md = digest::markdown(&tricky, &Default::default(), &everything, false, "All");
    assert!(md.contains("All 5 meetings."), "{md}");
    assert!(
        md.contains("- Dennis Marttinen: Wrote *the* `docs` for a\\_b \\[x\\]\n"),
        "{md}"
    );
    assert!(md.contains("## Tuesday, February 13, 2024 (no meeting)"), "{md}");
}

/// A mention shows as text among text (one text node per run), and the
/// highlighter finds it again from the model: each run's text is what the
/// page shows, and each mention's range in it is the words that named it.
#[test]
fn a_units_mentions_are_found_in_the_text_it_shows() {
    let notes = parse_one(
        "2023.md",
        "# May 2, 2023 4:00 PM UTC

## Recaps

* **Mira**: tried the JH7110 and the RP2040 side by side,
  then *the BL808 on an [Ox64 board](https://example.org/ox64)* too
    - nested: the RP2040 again
* no hardware here, only `JH7110` in code

| board | state |
|---|---|
| Star64 | boots |
",
    );
    let m = &notes.meetings[0];
    let slug = |t: TopicId| notes.topic(t).slug.as_str();
    let runs_of = |unit: u32| unit_node(m, notes::model::UnitId(unit)).expect("a unit").mention_runs();
    let first = runs_of(0);
    let shown: Vec<Vec<(&str, &str)>> = first
        .iter()
        .map(|r| {
            r.mentions
                .iter()
                .map(|(t, at)| (slug(*t), &r.text[at.clone()]))
                .collect()
        })
        .collect();
    // Three text nodes name hardware: the bullet's own first line (its
    // second starts after a line break, as in HackMD), the emphasis, and
    // the link text inside it.
    assert_eq!(
        shown,
        vec![
            vec![("jh7110", "JH7110"), ("rp2040", "RP2040")],
            vec![("bl808", "BL808")],
            vec![("ox64", "Ox64")],
        ],
        "{first:?}"
    );
    assert!(first[0].text.ends_with("side by side,"), "{:?}", first[0].text);
    // The sub-bullet is a unit of its own: not in its parent's runs.
    assert_eq!(runs_of(1).len(), 1);
    assert_eq!(runs_of(1)[0].text, "nested: the RP2040 again");
    // Code is not prose: no mention, no run.
    assert!(runs_of(2).is_empty());
    // A table's cells are its text.
    let table = runs_of(3);
    assert_eq!(table.len(), 1);
    assert_eq!(slug(table[0].mentions[0].0), "star64");
    assert_eq!(table[0].text, "Star64");
}
