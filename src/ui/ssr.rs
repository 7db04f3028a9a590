//! Rendering to HTML on the build machine: the whole page, to prerender
//! `index.html`, and single meetings, so native tests can check what a
//! reader would see.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::LocalServerRenderer;

use super::components::meeting::{MeetingCard, MeetingCardProps};
use super::{App, AppProps, NotesRef};

/// The page as the app first renders it (no filters), ready to hydrate.
pub fn render_app(notes: NotesRef) -> String {
    let props = AppProps {
        notes,
        prerendered: true,
    };
    futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
}

/// One meeting card, unfiltered, as HTML.
pub fn render_meeting(notes: NotesRef, index: u32) -> String {
    let props = MeetingCardProps {
        notes,
        index,
        units: None,
        terms: Rc::from(Vec::<String>::new()),
        topics: Rc::new(BTreeSet::new()),
        people: Rc::from(Vec::new()),
        clock_ready: false,
        show_source: false,
    };
    let renderer = LocalServerRenderer::<MeetingCard>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}
