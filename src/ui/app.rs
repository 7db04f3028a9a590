//! The page: header with the document's title and intro, a toolbar, the
//! timeline, and what the parser could not place.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::components::content::{self, Ctx};
use super::components::timeline::Timeline;
use super::state::{Action, NotesRef, Order, State};
use crate::model::PersonId;
use crate::query::{self, Filter};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub notes: NotesRef,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| State {
        notes: props.notes.clone(),
        filter: Filter::default(),
        order: Order::default(),
    });
    let clock_ready = use_state(|| false);
    {
        let clock_ready = clock_ready.setter();
        use_effect_with((), move |_| {
            clock_ready.set(true);
            scroll_to_hash();
        });
    }
    let view = use_memo((state.notes.clone(), state.filter.clone()), |(notes, filter)| {
        query::apply(notes, filter)
    });
    let people: Rc<[PersonId]> = state.filter.people.iter().copied().collect::<Vec<_>>().into();
    let notes = &state.notes;

    let set_order = |order: Order| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetOrder(order)))
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

    html! {
        <div class="app">
            <header class="page-head">
                <h1>{ title }</h1>
                if let Some(src) = source {
                    <div class="intro">{ for content::blocks(&src.intro, &ctx) }</div>
                }
            </header>
            <nav class="toolbar" aria-label="Timeline options">
                <p class="count" role="status">
                    { if view.meetings.len() == view.total {
                        format!("{} meetings", view.total)
                    } else {
                        format!("{} of {} meetings", view.meetings.len(), view.total)
                    } }
                </p>
                <div class="order" role="group" aria-label="Order">
                    <button type="button" aria-pressed={(state.order == Order::NewestFirst).to_string()}
                        onclick={set_order(Order::NewestFirst)}>{ "Newest first" }</button>
                    <button type="button" aria-pressed={(state.order == Order::OldestFirst).to_string()}
                        onclick={set_order(Order::OldestFirst)}>{ "Oldest first" }</button>
                </div>
            </nav>
            <main id="timeline">
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

/// Scrolls to the meeting named in the URL fragment (`#2024-05-14`): the
/// content did not exist when the browser looked for it.
fn scroll_to_hash() {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return };
        let Ok(hash) = window.location().hash() else { return };
        let id = hash.trim_start_matches('#');
        if id.is_empty() {
            return;
        }
        let id = js_sys::decode_uri_component(id)
            .map(String::from)
            .unwrap_or_else(|_| id.to_string());
        if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
            el.scroll_into_view();
        }
    }
}
