//! The integration test crate: behaviour of the parser, the query and the
//! command line, as a reader or a calling program would notice it.

mod cli;
mod drift;
mod edge_cases;
mod entities;
mod lossless;
mod people;
mod preview_card;
mod previews;
mod query;
mod seed;
mod topics;

use racklet_timeline::model::{Meeting, Notes};
use racklet_timeline::parse::parse_one;

pub fn seed() -> Notes {
    parse_one("racklet-2024.md", racklet_timeline::BUILT_IN_NOTES)
}

pub fn meeting<'a>(notes: &'a Notes, date: &str) -> &'a Meeting {
    notes
        .meetings
        .iter()
        .find(|m| m.date.to_string() == date)
        .unwrap_or_else(|| panic!("no meeting on {date}"))
}

pub fn slugs(notes: &Notes, ids: impl IntoIterator<Item = racklet_timeline::model::PersonId>) -> Vec<String> {
    ids.into_iter().map(|id| notes.person(id).slug.clone()).collect()
}
