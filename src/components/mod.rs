//! Components of the timeline page.

pub mod chart;
pub mod content;
pub mod filters;
pub mod links_view;
pub mod meeting;
pub mod pages;
pub mod people;
pub mod preview;
pub mod ribbon;
pub mod sources;
pub mod timeline;
