//! Components of the timeline page.

pub mod content;
pub mod meeting;
pub mod people;
pub mod timeline;
