//! The same options always give the same bytes; different seeds give
//! different archives; sizes stay where benchmarks expect them.

use synth::{archive, document, Options};

fn opts(years: u32, seed: u64, split: bool) -> Options {
    Options {
        years,
        seed,
        split,
        ..Options::default()
    }
}

#[test]
fn the_same_options_give_the_same_bytes() {
    for (years, split) in [(1, false), (3, true), (10, false)] {
        let a = archive(&opts(years, 7, split));
        let b = archive(&opts(years, 7, split));
        assert_eq!(a, b, "{years} years, split {split}");
    }
    assert_eq!(document(12345), document(12345));
}

#[test]
fn different_seeds_give_different_archives() {
    let a = archive(&opts(2, 1, false));
    let b = archive(&opts(2, 2, false));
    assert_ne!(a.documents[0].text, b.documents[0].text);
    assert_ne!(document(1), document(2));
}

#[test]
fn split_and_unsplit_archives_hold_the_same_meetings() {
    let one = archive(&opts(4, 3, false));
    let split = archive(&opts(4, 3, true));
    let dates = |a: &synth::Archive| a.meetings.iter().map(|m| (m.date, m.status)).collect::<Vec<_>>();
    assert_eq!(dates(&one), dates(&split));
    let names: Vec<&str> = split.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["2021.md", "2022.md", "2023.md", "README.md"]);
    assert!(split.documents[2]
        .text
        .starts_with("# Racklet Community Meeting Notes 2023\n"));
    assert_eq!(one.documents.len(), 1);
    assert!(one.documents[0]
        .text
        .starts_with("# Racklet Community Meeting Notes 2021–2024\n"));
}

#[test]
fn sizes_match_what_the_benchmarks_expect() {
    let bytes = |a: &synth::Archive| a.documents.iter().map(|d| d.text.len()).sum::<usize>();
    for seed in [1, 2, 3] {
        let ten = archive(&opts(10, seed, false));
        assert!(
            (440_000..=580_000).contains(&bytes(&ten)),
            "10 years: {} bytes",
            bytes(&ten)
        );
        assert!(
            (245..=262).contains(&ten.meetings.len()),
            "10 years: {} meetings",
            ten.meetings.len()
        );
        let five = archive(&opts(5, seed, true));
        assert!(
            (215_000..=265_000).contains(&bytes(&five)),
            "5 years: {} bytes",
            bytes(&five)
        );
        assert!(
            (115..=131).contains(&five.meetings.len()),
            "5 years: {} meetings",
            five.meetings.len()
        );
    }
}
