//! HTML entities in notes (`&hearts;`, `&nbsp;`, `&rarr;`) read as the
//! characters they name. Our pulldown-cmark carries a packed entity table
//! (vendor/README.md); these tests hold it to upstream's 2125 entries.

use pulldown_cmark::{Event, Parser};
use racklet_timeline::model::{Block, Inline};
use racklet_timeline::parse::parse_one;

/// (name, expansion) for every entity, from upstream's table.
fn upstream() -> Vec<(String, String)> {
    include_str!("../fixtures/entities.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, cps) = l.split_once('\t').expect("name<TAB>code points");
            let value = cps
                .split(' ')
                .map(|h| char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("scalar"))
                .collect();
            (name.to_string(), value)
        })
        .collect()
}

/// The text pulldown-cmark yields for a one-line paragraph.
fn text_of(markdown: &str) -> String {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_upstream_entity_expands_as_upstream_expands_it() {
    let entities = upstream();
    assert_eq!(entities.len(), 2125);
    for (name, value) in &entities {
        assert_eq!(&text_of(&format!("x&{name};y")), &format!("x{value}y"), "&{name};");
    }
}

#[test]
fn names_that_are_not_entities_stay_as_written() {
    let known: Vec<String> = upstream().into_iter().map(|(n, _)| n).collect();
    // Wrong case, prefixes and extensions of real names, before the first
    // and after the last name in the table.
    for name in [
        "Amp", "amP", "hearts2", "heart", "zwnjx", "AAAA", "A", "zzzz", "0", "nbsp0",
    ] {
        assert!(!known.iter().any(|k| k == name), "{name} is an entity after all");
        let written = format!("x&{name};y");
        assert_eq!(text_of(&written), written, "&{name};");
    }
}

#[test]
fn a_recap_bullet_shows_the_characters_its_entities_name() {
    let notes = parse_one(
        "test.md",
        "# August 20, 2024\n\n## Biweekly Recap\n\n### Dennis\n\n- oreboot &hearts; JH7110&nbsp;board &rarr; done &amp; merged\n",
    );
    let mut text = String::new();
    fn collect(blocks: &[Block], out: &mut String) {
        for b in blocks {
            match b {
                Block::List { items, .. } => {
                    for i in items {
                        Inline::plain_text_into(&i.inlines, out);
                        collect(&i.blocks, out);
                    }
                }
                Block::Recap { blocks, .. } => collect(blocks, out),
                Block::Paragraph { inlines, .. } => Inline::plain_text_into(inlines, out),
                _ => {}
            }
        }
    }
    for s in &notes.meetings[0].sections {
        collect(&s.blocks, &mut text);
    }
    assert_eq!(text, "oreboot \u{2665} JH7110\u{a0}board \u{2192} done & merged");
}
