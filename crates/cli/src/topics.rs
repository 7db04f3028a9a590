//! `timeline topics`: what hardware a maintainer's new notes talk about.
//! Known topics come with their mention counts; words shaped like part
//! numbers that the taxonomy does not know come with their count and the
//! line they first appear on, as candidates for `data/hardware.toml`.

use std::fmt::Write;

use notes::index::mention_counts;
use notes::model::{Notes, TopicKind};

/// The report as printed: two tables, most mentioned first.
pub fn report(notes: &Notes) -> String {
    let counts = mention_counts(notes);
    let (known, unknown): (Vec<_>, Vec<_>) = counts
        .iter()
        .partition(|c| notes.topic(c.topic).kind != TopicKind::Other);
    let mut out = String::new();
    let _ = writeln!(out, "Known hardware ({} topics)", known.len());
    let _ = writeln!(out, "{:>8} {:>8}  {:<28} label", "mentions", "meetings", "id");
    for c in &known {
        let t = notes.topic(c.topic);
        let _ = writeln!(
            out,
            "{:>8} {:>8}  {:<28} {}",
            c.mentions,
            t.meetings.len(),
            t.slug,
            t.label
        );
    }
    let _ = writeln!(
        out,
        "\nUnknown hardware names ({}): add them to data/hardware.toml if they are hardware",
        unknown.len()
    );
    let _ = writeln!(out, "{:>8}  {:<20} first seen", "mentions", "word");
    for c in &unknown {
        let t = notes.topic(c.topic);
        let (source, line) = c.first;
        let _ = writeln!(
            out,
            "{:>8}  {:<20} {}:{line}",
            c.mentions, t.label, notes.sources[source.0 as usize].name
        );
    }
    out
}
