//! Parse time: the 2024 notes, a five-year synthetic archive (~240 KB, the
//! size of the real one) against pulldown-cmark turning the same text into
//! HTML, and how parsing scales with input size. `cargo bench -p notes`
//! prints medians; nothing here asserts a time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use notes::parse::{parse, parse_one, sources};

const SEED: &str = include_str!("../../../data/notes/racklet-2024.md");

/// Median and minimum of `runs` timings of `f`. What `f` makes is dropped
/// after the clock stops: building the model is measured, freeing it is not
/// (the page keeps it), and likewise for pulldown-cmark's HTML.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    drop(f()); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let made = black_box(f());
            let took = start.elapsed();
            drop(made);
            took
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn push_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut out,
        pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::all()),
    );
    out
}

fn main() {
    let kb = SEED.len() as f64 / 1024.0;
    let (median, min) = measure(200, || parse_one("seed", black_box(SEED)));
    println!("2024 notes ({kb:.1} KB, 15 meetings): median {median:?}, min {min:?} over 200 runs");

    // The archive as the page loads it: five documents, one per year.
    let archive = synth::archive(&synth::Options {
        years: 5,
        end_year: 2025,
        seed: 1,
        split: true,
    });
    let bytes: usize = archive.documents.iter().map(|d| d.text.len()).sum();
    let sources = sources(archive.texts());
    // Each alone, 41 runs in a row (warm caches for each).
    let (ours, ours_min) = measure(41, || parse(black_box(&sources)));
    let (cmark, cmark_min) = measure(41, || {
        archive
            .documents
            .iter()
            .map(|d| push_html(black_box(&d.text)))
            .collect::<Vec<_>>()
    });
    println!(
        "five-year archive ({} KB, {} meetings), each alone: ours median {ours:?} (min {ours_min:?}), \
         pulldown-cmark push_html median {cmark:?} (min {cmark_min:?}): {:.1}x",
        bytes / 1024,
        archive.meetings.len(),
        ours.as_secs_f64() / cmark.as_secs_f64()
    );
    // Then turn about: ours and pulldown-cmark's turns alternate, so that the machine
    // drifting (frequency, other load) weighs on both alike; the ratio is
    // the median of each pair's.
    let cmark_all = || {
        archive
            .documents
            .iter()
            .map(|d| push_html(black_box(&d.text)))
            .collect::<Vec<_>>()
    };
    drop((parse(&sources), cmark_all())); // warm-up
    let pairs: Vec<(Duration, Duration)> = (0..41)
        .map(|_| {
            let start = Instant::now();
            let made = black_box(parse(black_box(&sources)));
            let ours = start.elapsed();
            drop(made);
            let start = Instant::now();
            let html = black_box(cmark_all());
            let cmark = start.elapsed();
            drop(html);
            (ours, cmark)
        })
        .collect();
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let ours = median(pairs.iter().map(|p| ms(p.0)).collect());
    let cmark = median(pairs.iter().map(|p| ms(p.1)).collect());
    let ratio = median(pairs.iter().map(|p| p.0.as_secs_f64() / p.1.as_secs_f64()).collect());
    let worst = pairs
        .iter()
        .map(|p| p.0.as_secs_f64() / p.1.as_secs_f64())
        .fold(0.0, f64::max);
    println!(
        "five-year archive ({} KB, {} meetings), 41 alternating pairs: ours median {ours:.2} ms, \
         pulldown-cmark push_html median {cmark:.2} ms: {ratio:.1}x (median of the pairs' ratios; highest {worst:.1}x)",
        bytes / 1024,
        archive.meetings.len(),
    );

    for size in [1024 * 1024, 10 * 1024 * 1024] {
        let years = (size / (50 * 1024)).max(1) as u32;
        let text = synth::archive(&synth::Options {
            years,
            end_year: 2024,
            seed: 2,
            split: false,
        })
        .documents
        .remove(0)
        .text;
        let runs = if size > 2 * 1024 * 1024 { 5 } else { 21 };
        let (median, min) = measure(runs, || parse_one("scaled", black_box(&text)));
        let mb_s = text.len() as f64 / 1024.0 / 1024.0 / median.as_secs_f64();
        println!(
            "{:>6} KB: median {median:?}, min {min:?} ({mb_s:.1} MB/s) over {runs} runs",
            text.len() / 1024
        );
    }
}
