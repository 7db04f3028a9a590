//! The page: header with the document's title and intro, the filters, the
//! timeline, and what the parser could not place. The filter lives in the
//! URL: read on load and on Back/Forward, written on every change.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::components::chart::Overview;
use super::components::content::{self, Ctx};
use super::components::filters::FilterPanel;
use super::components::timeline::Timeline;
use super::state::{Action, NotesRef, Order, State};
use super::url;
use crate::model::PersonId;
use crate::query;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub notes: NotesRef,
    /// The page was prerendered without filters: start the same way and
    /// apply the URL once hydrated, so the first render matches the HTML.
    #[prop_or_default]
    pub prerendered: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let prerendered = props.prerendered;
    let state = use_reducer(|| {
        let mut s = State::new(props.notes.clone());
        if !prerendered {
            let (filter, unknown, order) = url::read(&s.notes, &url::current_pairs());
            (s.filter, s.unknown, s.order) = (filter, unknown, order);
        }
        s
    });
    let clock_ready = use_state(|| false);
    // A meeting named in the fragment that the filters hide.
    let hidden_target = use_state(|| None::<String>);
    let search_ref = use_node_ref();

    {
        let dispatch = state.dispatcher();
        let notes = state.notes.clone();
        let clock_ready = clock_ready.setter();
        let hidden_target = hidden_target.setter();
        let search_ref = search_ref.clone();
        use_effect_with((), move |_| {
            clock_ready.set(true);
            if prerendered {
                let (f, u, o) = url::read(&notes, &url::current_pairs());
                dispatch.dispatch(Action::FromUrl(f, u, o));
            }
            let listeners = browser::listen(dispatch, notes, search_ref);
            if let Some(missing) = browser::scroll_to_hash() {
                hidden_target.set(Some(missing));
            }
            move || drop(listeners)
        });
    }
    {
        let s = (*state).clone();
        use_effect_with((s.filter.clone(), s.order), move |_| {
            url::write(&s.notes, &s.filter, s.order, s.history)
        });
    }
    let view = use_memo((state.notes.clone(), state.filter.clone()), |(notes, filter)| {
        query::apply(notes, filter)
    });
    {
        // Once the hidden meeting is visible again (filters cleared), go there.
        let hidden_target = hidden_target.clone();
        use_effect_with(view.clone(), move |_| {
            if hidden_target.is_some() && browser::scroll_to_hash().is_none() {
                hidden_target.set(None);
            }
        });
    }
    let people: Rc<[PersonId]> = state.filter.people.iter().copied().collect::<Vec<_>>().into();
    let notes = &state.notes;
    let dispatch = state.dispatcher();

    let set_order = |order: Order| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetOrder(order)))
    };
    let clear = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ClearFilters))
    };
    let empty = BTreeSet::new();
    let ctx = Ctx {
        notes,
        meeting: None,
        units: None,
        terms: &[],
        topics: &empty,
    };
    let source = notes.sources.first();
    let title = source
        .map(|s| s.title.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Meeting notes".into());
    let active = state.filter.is_active();
    let shown = view.meetings.len();

    html! {
        <div class="app">
            <header class="page-head">
                <h1>{ title }</h1>
                if let Some(src) = source {
                    <div class="intro">{ for content::blocks(&src.intro, &ctx) }</div>
                }
            </header>
            <nav class="toolbar" aria-label="Filters and order">
                <FilterPanel notes={notes.clone()} filter={state.filter.clone()} group_by={state.group_by}
                    dispatch={dispatch.clone()} search_ref={search_ref.clone()} />
                <div class="summary">
                    <p class="count" role="status" aria-live="polite">
                        { if active { format!("{shown} of {} meetings", view.total) } else { format!("{} meetings", view.total) } }
                    </p>
                    if active {
                        <button type="button" class="clear" onclick={clear.clone()}>{ "Clear filters" }</button>
                    }
                    <div class="order" role="group" aria-label="Order">
                        <button type="button" aria-pressed={(state.order == Order::NewestFirst).to_string()}
                            onclick={set_order(Order::NewestFirst)}>{ "Newest first" }</button>
                        <button type="button" aria-pressed={(state.order == Order::OldestFirst).to_string()}
                            onclick={set_order(Order::OldestFirst)}>{ "Oldest first" }</button>
                    </div>
                </div>
                if !state.unknown.is_empty() {
                    <p class="notice" role="alert">
                        { format!("Nothing in these notes is called {}; that part of the link is ignored.", state.unknown.join(", ")) }
                    </p>
                }
                if let Some(anchor) = &*hidden_target {
                    <p class="notice" role="alert">
                        { format!("The meeting you linked to ({anchor}) is hidden by the filters. ") }
                        <button type="button" class="link-button" onclick={clear.clone()}>{ "Show all meetings" }</button>
                    </p>
                }
                <Overview notes={notes.clone()} view={view.clone()} filter={state.filter.clone()} dispatch={dispatch.clone()} />
            </nav>
            <main id="timeline">
                if active && shown == 0 {
                    <div class="empty" role="status">
                        <p>{ "No meetings match these filters." }</p>
                        <button type="button" onclick={clear}>{ "Clear filters" }</button>
                    </div>
                }
                <Timeline notes={notes.clone()} view={view.clone()} order={state.order} people={people} clock_ready={*clock_ready} />
            </main>
            if !notes.unplaced.is_empty() {
                <section class="unplaced" aria-labelledby="unplaced-head">
                    <h2 id="unplaced-head">{ "Not on the timeline" }</h2>
                    { for notes.unplaced.iter().map(|u| html! {
                        <article class="unplaced-item">
                            <h3>{ u.heading.clone() }</h3>
                            <p class="why">{ format!("{}, line {}: {}", notes.sources[u.source.0 as usize].name, u.line, u.reason) }</p>
                            { for content::blocks(&u.blocks, &ctx) }
                        </article>
                    }) }
                </section>
            }
            if !notes.diagnostics.is_empty() {
                <details class="diagnostics">
                    <summary>{ format!("{} things in the notes the parser could not classify", notes.diagnostics.len()) }</summary>
                    <ul>
                        { for notes.diagnostics.iter().map(|d| html! {
                            <li>{ format!("{} line {}: {}", notes.sources[d.source.0 as usize].name, d.line, d.message) }</li>
                        }) }
                    </ul>
                </details>
            }
            <footer class="page-foot">
                if let Some(url) = source.and_then(|s| s.hackmd_url.clone()) {
                    <a href={url} target="_blank" rel="noopener noreferrer" class="ext">{ "Edit these notes on HackMD" }</a>
                }
            </footer>
        </div>
    }
}

/// What only happens in a browser: history and keyboard listeners, and
/// scrolling to the meeting in the fragment.
mod browser {
    use super::*;

    #[cfg(target_arch = "wasm32")]
    pub fn listen(
        dispatch: UseReducerDispatcher<State>,
        notes: NotesRef,
        search: NodeRef,
    ) -> Vec<gloo::events::EventListener> {
        use gloo::events::EventListener;
        use wasm_bindgen::JsCast;
        let window = gloo::utils::window();
        let popstate = EventListener::new(&window, "popstate", move |_| {
            let (f, u, o) = url::read(&notes, &url::current_pairs());
            dispatch.dispatch(Action::FromUrl(f, u, o));
        });
        // Not passive: the slash must not also be typed into the search box.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let keydown = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            // Typing a slash into a field is not a shortcut.
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
                });
            if !typing {
                if let Some(input) = search.cast::<web_sys::HtmlInputElement>() {
                    e.prevent_default();
                    let _ = input.focus();
                    input.select();
                }
            }
        });
        vec![popstate, keydown]
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn listen(_: UseReducerDispatcher<State>, _: NotesRef, _: NodeRef) -> Vec<()> {
        Vec::new()
    }

    /// Scrolls to the element named by the URL fragment (the content did
    /// not exist when the browser looked). Returns the fragment if it names
    /// a meeting that is not on the page.
    pub fn scroll_to_hash() -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            let window = web_sys::window()?;
            let hash = window.location().hash().ok()?;
            let id = hash.trim_start_matches('#');
            if id.is_empty() {
                return None;
            }
            let id = js_sys::decode_uri_component(id)
                .map(String::from)
                .unwrap_or_else(|_| id.to_string());
            match window.document().and_then(|d| d.get_element_by_id(&id)) {
                Some(el) => {
                    el.scroll_into_view();
                    None
                }
                // Only meeting anchors (dates) are worth a notice.
                None => id.as_bytes().first().is_some_and(u8::is_ascii_digit).then_some(id),
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        None
    }
}
