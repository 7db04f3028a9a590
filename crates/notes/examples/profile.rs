//! Parses the five-year synthetic archive repeatedly, for a profiler:
//! `cargo build --profile bench -p notes --example profile` and run it
//! under `valgrind --tool=callgrind` (or perf where counters exist).

use notes::parse::{parse, sources};

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20);
    let archive = synth::archive(&synth::Options {
        years: 5,
        end_year: 2025,
        seed: 1,
        split: true,
    });
    let sources = sources(archive.texts());
    for _ in 0..runs {
        std::hint::black_box(parse(std::hint::black_box(&sources)));
    }
}
