//! The Yew app: it renders the model and the filter state, nothing more.
//! Parsing happens once per loaded source; filtering is [`crate::query`].

mod app;
mod components;
mod sources;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
mod state;
mod storage;
mod time;
mod url;

pub use app::{App, AppProps};
pub use state::NotesRef;
