//! Rendering to HTML on the build machine: the whole page, to prerender
//! `index.html`, and single meetings, so native tests can check what a
//! reader would see.

use std::rc::Rc;

use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::components::meeting::{MeetingCard, MeetingCardProps};
use crate::context::AppContext;
use crate::sources::Doc;
use crate::state::{NotesRef, State};
use crate::{App, AppProps};

/// The page as the app first renders it (no filters), ready to hydrate:
/// the chrome for the whole archive, and cards for the newest
/// `first_paint` meetings (all when `None`).
pub fn render_app(archive: Rc<[Doc]>, notes: NotesRef, first_paint: Option<usize>) -> String {
    let props = AppProps {
        archive,
        notes,
        first_paint,
        errors: Rc::from([]),
    };
    futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
}

#[derive(Properties, PartialEq)]
struct OneMeetingProps {
    notes: NotesRef,
    index: u32,
}

/// A card in the context every card has.
#[component]
fn OneMeeting(props: &OneMeetingProps) -> Html {
    let state = use_reducer(|| State::new(Rc::from([]), props.notes.clone(), None));
    let context = AppContext {
        notes: props.notes.clone(),
        dispatch: state.dispatcher(),
    };
    let card = MeetingCardProps {
        index: props.index,
        show_source: false,
        peek: false,
    };
    html! {
        <ContextProvider<AppContext> {context}>
            <MeetingCard ..card />
        </ContextProvider<AppContext>>
    }
}

/// One meeting card, unfiltered, as HTML.
pub fn render_meeting(notes: NotesRef, index: u32) -> String {
    let props = OneMeetingProps { notes, index };
    let renderer = LocalServerRenderer::<OneMeeting>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}
