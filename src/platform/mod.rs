//! Browser glue: everything that touches `window`, `document`, `location`,
//! `history`, `fetch`, `localStorage` or the embedding page. Components and
//! hooks call these functions; nothing here renders. On the build machine
//! (prerendering) none of it runs: effects and callbacks never fire there.

pub mod avatars;
pub mod clock;
pub mod dom;
pub mod embed;
pub mod events;
pub mod fetch;
pub mod json;
pub mod locale;
pub mod location;
pub mod storage;
pub mod visibility;
