//! The build machine's side of the timeline, behind the `timeline` binary:
//! fetching the archive ([`fetch`]), one careful HTTP GET ([`http`]),
//! finishing the release page ([`prerender`], [`site`]) and link previews
//! ([`previews`]). Each module opens with what it owns; errors are typed
//! here and turned into messages only in `main.rs`.

pub mod fetch;
pub mod http;
pub mod prerender;
pub mod previews;
pub mod site;
