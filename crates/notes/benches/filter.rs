//! What a filter change costs the core: `query::apply` on the ten-year
//! synthetic archive (the one `benches/filter-click.mjs` clicks through),
//! for the chips and the keystroke that bench times in the browser.
//! `cargo bench -p notes --bench filter` prints medians; nothing here
//! asserts a time.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Instant;

use notes::parse::{parse, sources};
use notes::query::{apply, Filter};

fn main() {
    let archive = synth::archive(&synth::Options {
        years: 10,
        end_year: 2025,
        seed: 1,
        split: true,
    });
    let notes = parse(&sources(archive.texts()));
    // The most active person and the topic mentioned in most meetings: the
    // chips the browser bench clicks first.
    let person = (0..notes.people.len() as u32)
        .map(notes::model::PersonId)
        .max_by_key(|p| notes.meetings.iter().filter(|m| m.involves(*p)).count())
        .expect("people");
    let topic = (0..notes.topics.len() as u32)
        .map(notes::model::TopicId)
        .max_by_key(|t| {
            notes
                .meetings
                .iter()
                .filter(|m| m.units.iter().any(|u| u.topics.contains(t)))
                .count()
        })
        .expect("topics");
    let cases = [
        (
            format!("person {}", notes.person(person).display_name()),
            Filter {
                people: BTreeSet::from([person]),
                ..Filter::default()
            },
        ),
        (
            format!("topic {}", notes.topic(topic).slug),
            Filter {
                topics: BTreeSet::from([topic]),
                ..Filter::default()
            },
        ),
        (
            "search \"dram\"".to_string(),
            Filter {
                text: "dram".into(),
                ..Filter::default()
            },
        ),
        ("no filter".to_string(), Filter::default()),
    ];
    println!(
        "ten-year archive: {} meetings, {} units",
        notes.meetings.len(),
        notes.meetings.iter().map(|m| m.units.len()).sum::<usize>()
    );
    for (name, filter) in &cases {
        let runs = 201;
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let view = black_box(apply(black_box(&notes), black_box(filter)));
                let took = start.elapsed().as_secs_f64() * 1e6;
                drop(view);
                took
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let shown = apply(&notes, filter).meetings.len();
        println!(
            "{name}: median {:.0} µs, min {:.0} µs over {runs} runs ({shown} meetings shown)",
            times[runs / 2],
            times[0]
        );
    }
}
