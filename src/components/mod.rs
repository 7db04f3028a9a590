//! Components of the timeline page.

pub mod chart;
pub mod content;
pub mod filters;
pub mod links_view;
pub mod meeting;
pub mod pages;
pub mod people;
pub mod preview;
pub mod ribbon;
pub mod sources;
pub mod timeline;

/// "1 meeting", "2 meetings": a count and its noun, plural unless one.
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
