//! Parse time of the built-in notes, and how it scales with input size.
//! `cargo bench --bench parse` prints medians; nothing here asserts a time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use notes::parse::parse_one;
const BUILT_IN_NOTES: &str = include_str!("../../../data/notes/racklet-2024.md");

/// Median and minimum of `runs` timings of `f`.
fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

/// The seed's meetings repeated (with shifted years) up to `bytes`.
fn scaled(bytes: usize) -> String {
    let body = BUILT_IN_NOTES
        .split_once("[TOC]")
        .map(|(_, b)| b)
        .unwrap_or(BUILT_IN_NOTES);
    let mut out = String::from("# Scaled notes\n\n");
    let mut year = 2024;
    while out.len() < bytes {
        out.push_str(&body.replace("2024", &year.to_string()));
        year -= 1;
    }
    out
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would too: both run it.
    let kb = BUILT_IN_NOTES.len() as f64 / 1024.0;
    let (median, min) = measure(200, || {
        black_box(parse_one("seed", black_box(BUILT_IN_NOTES)));
    });
    println!("seed ({kb:.1} KB, 15 meetings): median {median:?}, min {min:?} over 200 runs");

    for size in [100 * 1024, 1024 * 1024, 10 * 1024 * 1024] {
        let text = scaled(size);
        let runs = if size > 2 * 1024 * 1024 { 5 } else { 21 };
        let (median, min) = measure(runs, || {
            black_box(parse_one("scaled", black_box(&text)));
        });
        let mb_s = text.len() as f64 / 1024.0 / 1024.0 / median.as_secs_f64();
        println!(
            "{:>6} KB: median {median:?}, min {min:?} ({mb_s:.1} MB/s) over {runs} runs",
            text.len() / 1024
        );
    }
}
