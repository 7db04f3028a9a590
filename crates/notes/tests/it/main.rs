//! The parser's integration tests: behaviour of the parser, the query and
//! link previews, as a reader or a calling program would notice it.

mod drift;
mod edge_cases;
mod people;
mod preview_card;
mod query;
mod seed;
mod story;
mod topics;

use notes::model::{Meeting, Notes};
use notes::parse::parse_one;

/// The 2024 notes, as the project ships them.
pub const SEED: &str = include_str!("../../../../data/notes/racklet-2024.md");

pub fn seed() -> Notes {
    parse_one("racklet-2024.md", SEED)
}

pub fn meeting<'a>(notes: &'a Notes, date: &str) -> &'a Meeting {
    notes
        .meetings
        .iter()
        .find(|m| m.date.to_string() == date)
        .unwrap_or_else(|| panic!("no meeting on {date}"))
}

pub fn slugs(notes: &Notes, ids: impl IntoIterator<Item = notes::model::PersonId>) -> Vec<String> {
    ids.into_iter().map(|id| notes.person(id).slug.clone()).collect()
}
