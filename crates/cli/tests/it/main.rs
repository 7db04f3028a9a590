//! The `timeline` command's integration tests: its JSON contract, fetching
//! the archive, link previews, and what the rendered page shows.

mod cli;
mod feeds;
mod fetch;
mod lossless;
mod previews;
mod render;

/// The 2024 notes, as the project ships them.
pub const SEED: &str = include_str!("../../../../data/notes/racklet-2024.md");
