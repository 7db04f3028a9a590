//! Times hardware-mention matching alone over the five-year synthetic
//! archive, line by line (a profiling aid).

use std::time::Instant;

fn main() {
    let archive = synth::archive(&synth::Options {
        years: 5,
        end_year: 2025,
        seed: 1,
        split: true,
    });
    let lines: Vec<&str> = archive.documents.iter().flat_map(|d| d.text.lines()).collect();
    let mut found = 0;
    for _ in 0..3 {
        found = lines
            .iter()
            .map(|l| notes::taxonomy::find_mentions(l).len())
            .sum::<usize>();
    }
    let runs = 21;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let n: usize = lines
                .iter()
                .map(|l| std::hint::black_box(notes::taxonomy::find_mentions(l)).len())
                .sum();
            assert_eq!(n, found);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{} lines, {found} mentions: median {:.3} ms",
        lines.len(),
        times[runs / 2]
    );
}
