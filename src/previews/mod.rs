//! Link previews ("tier 2"): title, description, image and site name for the links in the notes,
//! fetched ahead of time by `timeline previews` and saved as `previews.json`.
//!
//! This module owns that whole feature except the CLI's argument parsing. The file format
//! ([`PreviewFile`], [`PreviewEntry`]) builds everywhere, because the browser reads the file with
//! the same types. The fetcher ([`fetch_all`]) and the HTML scanner ([`extract`]) are native-only:
//! they need a socket and the `ureq`/`url` crates, which the wasm build does not carry.

mod file;

pub use file::{PreviewEntry, PreviewFile, PreviewStatus, PREVIEW_FILE_VERSION};

#[cfg(not(target_arch = "wasm32"))]
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
mod meta;

#[cfg(not(target_arch = "wasm32"))]
pub use fetch::{fetch_all, FetchOptions};
#[cfg(not(target_arch = "wasm32"))]
pub use meta::{extract, Meta, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
