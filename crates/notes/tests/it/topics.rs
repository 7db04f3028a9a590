//! Hardware topics: the curated table, matching, and what must not match.

use notes::parse::parse_one;
use notes::taxonomy::{find_mentions, is_part_number, taxonomy, Found};

use super::{meeting, seed};

/// Direct mention ids in `text`: taxonomy ids, or the token for others.
fn ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = find_mentions(text)
        .into_iter()
        .map(|(_, _, f)| match f {
            Found::Known(i) => taxonomy()[i].id.to_string(),
            Found::Other(t) => format!("other:{t}"),
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_hand_checked_phrase_finds_exactly_its_hardware() {
    let tsv = include_str!("../../../../tests/fixtures/hardware-mentions.tsv");
    let mut rows = 0;
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (text, expected) = line.split_once('\t').expect("text<TAB>ids");
        let mut want: Vec<String> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected.split(',').map(|s| s.trim().to_string()).collect()
        };
        want.sort();
        assert_eq!(ids(text), want, "in {text:?}");
        rows += 1;
    }
    assert!(rows > 60, "the fixture has its rows");
}

#[test]
fn matching_ignores_case_but_needs_word_boundaries() {
    assert_eq!(ids("the jh7110 and the JH7110"), ["jh7110"]);
    assert!(ids("xJH7110").is_empty(), "inside a word is not a mention");
    assert_eq!(
        ids("JH7110x"),
        ["other:JH7110x"],
        "a longer part number is another part"
    );
    assert_eq!(ids("(JH7110)"), ["jh7110"]);
    assert_eq!(
        ids("ESP32-P4 and ESP32"),
        ["esp32", "esp32-p4"],
        "the longest alias wins"
    );
}

#[test]
fn unknown_part_numbers_become_other_hardware_but_words_versions_and_units_do_not() {
    assert_eq!(ids("a CH32V307 board and a CH32Vxxx"), ["ch32v", "ch32v307"]);
    assert_eq!(ids("an RK3399 and an A311D"), ["a311d", "rk3399"]);
    assert_eq!(ids("a W5500 and an RTL8211E"), ["other:RTL8211E", "other:W5500"]);
    for not_hardware in [
        "Linux 6.9.2",
        "16GB of RAM",
        "M.2 PCIe SATA",
        "x86_64 machines",
        "DDR3 at 1866",
        "USB3 docks",
        "WHY2025 badge",
        "SHA256 sums",
        "RFC9110",
        "KiCad 8.0",
        "mountainbytes2024",
        "hart 1",
        "0x0110_0000",
        "Mars and Venus",
    ] {
        assert!(
            ids(not_hardware).iter().all(|i| !i.starts_with("other:")),
            "{not_hardware}: {:?}",
            ids(not_hardware)
        );
    }
    assert!(is_part_number("BCM2711"));
    assert!(!is_part_number("Rp2350"), "part numbers are written in capitals");
}

#[test]
fn the_taxonomy_is_consistent() {
    let t = taxonomy();
    assert!(
        t.len() >= 300,
        "a taxonomy of the field, not of one year's notes: {}",
        t.len()
    );
    for def in t {
        assert!(!def.aliases.is_empty(), "{} has aliases", def.id);
        for p in &def.parents {
            assert!(*p < t.len());
        }
    }
}

#[test]
fn mentions_attach_to_their_bullet_meeting_and_recap_person() {
    let notes = seed();
    let jh7110 = notes.topic_by_slug("jh7110").expect("JH7110 is mentioned in 2024");
    let m = meeting(&notes, "2024-08-06");
    assert!(m.topics.contains(&jh7110));
    let unit = m
        .units
        .iter()
        .find(|u| m.unit_text(u).starts_with("got `kexec`") || m.unit_text(u).starts_with("got kexec"))
        .unwrap();
    assert!(unit.topics.contains(&jh7110));
    assert_eq!(unit.person, notes.person_by_slug("orangecms"));
    // Families come along: a Milk-V Mars mention is a JH7110 mention too.
    let mars = notes.topic_by_slug("milk-v-mars").unwrap();
    assert!(notes.ancestors(mars).any(|a| a == jh7110));
    let topic = notes.topic(jh7110);
    let dates: Vec<String> = topic
        .meetings
        .iter()
        .map(|i| notes.meeting(*i).date.to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2024-01-09",
            "2024-01-23",
            "2024-02-06",
            "2024-04-02",
            "2024-05-28",
            "2024-08-06"
        ]
    );
}

#[test]
fn a_name_written_right_before_a_url_ends_where_the_url_starts() {
    // "ITX+" is part of the name; the URL glued to it is not.
    let text = "ROCK 5 ITX+https://radxa.com/rock5/jh7110 and the JH7110";
    let found: Vec<&str> = find_mentions(text).iter().map(|(s, e, _)| &text[*s..*e]).collect();
    assert_eq!(found, ["ROCK 5 ITX+", "JH7110"]);
}

#[test]
fn urls_are_not_searched_for_hardware_but_link_text_is() {
    let notes = parse_one(
        "t.md",
        "# T\n\n# August 20, 2024\n\n- https://github.com/pfarwsi/zephyr-visionfive2\n- [RP2350 badge](https://example.com/jh7110)\n",
    );
    let m = &notes.meetings[0];
    let slugs: Vec<&str> = m.topics.iter().map(|t| notes.topic(*t).slug.as_str()).collect();
    assert!(slugs.contains(&"rp2350"));
    assert!(
        !slugs.contains(&"visionfive-2") && !slugs.contains(&"jh7110"),
        "{slugs:?}"
    );
}

#[test]
fn hardware_named_by_its_context_is_a_topic_of_its_meetings() {
    let notes = parse_one(
        "2025.md",
        "# 2025\n\n# May 6, 2025\n\n- Got the Orange Pi RV2 (Ky X1 SoC) to boot\n- four RK1 modules in the Turing Pi\n\n\
         # May 20, 2025\n\n- Ky X1 SoC: DRAM training works\n- flashed the Milk-V Oasis, asked on the Milk-V Discord\n",
    );
    let topic = |slug: &str| notes.topic_by_slug(slug).map(|t| notes.topic(t));
    let ky = topic("ky-x1").expect("Ky X1 is a topic, with an id for URLs");
    assert_eq!(ky.label, "Ky X1");
    let dates = |t: &notes::model::Topic| -> Vec<String> {
        t.meetings.iter().map(|i| notes.meeting(*i).date.to_string()).collect()
    };
    assert_eq!(
        dates(ky),
        ["2025-05-06", "2025-05-20"],
        "both meetings, whatever the bullet's order"
    );
    assert_eq!(dates(topic("rk1").expect("RK1")), ["2025-05-06"]);
    assert_eq!(dates(topic("milk-v-oasis").expect("Milk-V Oasis")), ["2025-05-20"]);
    // The curated board beside it is still itself, and the maker's chat is not hardware.
    assert!(topic("orange-pi-rv2").is_some());
    assert!(
        notes.topics.iter().all(|t| !t.label.contains("Discord")),
        "{:?}",
        notes.topics.iter().map(|t| &t.label).collect::<Vec<_>>()
    );
    // The bullet that names it is the one a topic filter singles out.
    let m = &notes.meetings[1];
    let unit = m.units.iter().find(|u| m.unit_text(u).starts_with("flashed")).unwrap();
    assert!(unit.topics.contains(&notes.topic_by_slug("milk-v-oasis").unwrap()));
}
