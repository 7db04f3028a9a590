//! Link previews ("tier 2"): title, description, image and site name for the links in the notes,
//! fetched ahead of time by `timeline previews` and saved as `previews.json`. The file format
//! lives in `notes::previews` (the browser reads it with the same types); this module fetches
//! ([`fetch_all`]) and reads what a page says about itself ([`extract`]).

mod fetch;
mod meta;

pub use fetch::{fetch_all, now_rfc3339, FetchOptions};
pub use meta::{extract, Meta, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
