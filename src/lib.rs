//! Racklet meeting notes as an interactive timeline. The pure core turns
//! Markdown into a typed model ([`parse`] → [`model`]); [`query`] decides
//! what a filter shows; [`ui`] renders it with Yew in the browser (and on
//! the build machine, to prerender the page).

pub mod export;
pub mod links;
pub mod model;
pub mod order;
pub mod parse;
pub mod preview;
pub mod previews;
pub mod query;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod ui;

/// The notes compiled into the app and shown when no other source is given.
pub const BUILT_IN_NOTES: &str = include_str!("../data/notes/racklet-2024.md");
pub const BUILT_IN_NAME: &str = "racklet-2024.md";
