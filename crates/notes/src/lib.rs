//! Racklet meeting notes as a typed model. [`parse`] turns Markdown text
//! into [`model::Notes`] (meetings, people, topics, links, diagnostics);
//! [`query`] decides what a filter shows; [`links`] and [`preview`] say
//! what a link points at; [`story`] gathers a person's page and a topic's
//! story, and [`digest`] writes a filtered view as Markdown. Pure Rust: no
//! browser types and no I/O, so the same code runs in the browser (wasm32)
//! and on the build machine.

pub mod archive;
pub mod digest;
pub mod export;
pub mod index;
pub mod links;
pub mod model;
pub mod order;
pub mod parse;
pub mod preview;
pub mod previews;
pub mod query;
pub mod story;
pub mod taxonomy;
pub mod words;
