//! Components of the timeline page.

pub mod chart;
pub mod content;
pub mod filters;
pub mod meeting;
pub mod people;
pub mod sources;
pub mod timeline;
