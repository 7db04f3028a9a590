//! The page: the archive's name and intro, the notes panel, the filters,
//! the timeline (or the Links view, a person's page, a topic's story), and
//! what the parser could not place. `App` owns the state and lays the page
//! out; side effects live in [`crate::hooks`], browser calls in
//! [`crate::platform`].

use std::rc::Rc;

use notes::query;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::chart::Overview;
use crate::components::content::{self, Ctx};
use crate::components::counted;
use crate::components::filters::FilterPanel;
use crate::components::links_view::LinksView;
use crate::components::pages::{topic_link, PersonPage, TopicPage};
use crate::components::preview::PreviewLayer;
use crate::components::ribbon::Ribbon;
use crate::components::sources::SourcesPanel;
use crate::components::timeline::Timeline;
use crate::context::AppContext;
use crate::hooks::{
    load_files, use_embed, use_fragment_target, use_live_refresh, use_page_events, use_url_sources, use_url_sync,
};
use crate::platform::{dom, events, location, storage};
use crate::sources::{Doc, DocKind};
use crate::state::{Action, NotesRef, Order, State, Tab};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The documents the page was built with.
    pub archive: Rc<[Doc]>,
    /// Those documents, parsed.
    pub notes: NotesRef,
    /// The page takes over prerendered HTML showing only the newest this
    /// many meetings; the first render must match it, the rest follow.
    #[prop_or_default]
    pub first_paint: Option<usize>,
    /// Archive documents that could not be loaded (reported once running).
    #[prop_or_default]
    pub errors: Rc<[crate::sources::LoadError]>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| State::new(props.archive.clone(), props.notes.clone(), props.first_paint));
    // False in the first render, which must match the prerendered page.
    let ready = use_state(|| false);
    {
        let (ready, d, errors) = (ready.setter(), state.dispatcher(), props.errors.clone());
        use_effect_with((), move |_| {
            ready.set(true);
            dom::mark_ready();
            dom::mark("racklet:hydrated");
            d.dispatch(Action::Hydrated);
            if !errors.is_empty() {
                d.dispatch(Action::Loaded {
                    docs: Vec::new(),
                    errors: errors.to_vec(),
                    replace: false,
                    url: None,
                });
            }
        });
    }
    let ready = *ready;
    // A touch screen (no hover) gets preview buttons beside links; known
    // once running (the prerendered page has none: without the app they do
    // nothing). Read as the page is taken over, with `ready`: the rest of
    // the archive is then rendered once, with its buttons, not twice.
    let touch = use_state(|| false);
    {
        let touch = touch.setter();
        use_effect_with((), move |_| {
            touch.set(dom::no_hover());
            let listener = events::on_hover_change(move |none| touch.set(none));
            move || drop(listener)
        });
    }
    // The whole archive is on the page once the first paint's cut is gone.
    {
        let loaded = state.notes.clone();
        use_effect_with((ready, state.first_paint), move |(ready, cut)| {
            if *ready && cut.is_none() {
                dom::mark("racklet:archive-rendered");
                // A filter's code ran first at the reader's first click,
                // which then waited for V8 to compile it (a person chip:
                // 11.2 ms, against 8.4 ms once run; `benches/render-ab.mjs`):
                // it runs once while the page is idle, by a person, a topic
                // and a word. Once a load, so its guard is not kept.
                std::mem::forget(dom::when_idle(move |_| {
                    let mut filter = query::Filter {
                        text: "a".into(),
                        ..Default::default()
                    };
                    filter.people.insert(notes::model::PersonId(0));
                    if !loaded.topics.is_empty() {
                        filter.topics.insert(notes::model::TopicId(0));
                    }
                    query::apply(&loaded, &filter);
                    true
                }));
            }
        });
    }
    // Link previews may ask GitHub: a setting kept in localStorage, read
    // once running (the prerendered page has no storage to read), in the
    // same render as `ready`.
    let live_enabled = use_state(|| true);
    {
        let live_enabled = live_enabled.setter();
        use_effect_with((), move |_| live_enabled.set(storage::live_enabled()));
    }
    let on_live = {
        let live_enabled = live_enabled.setter();
        Callback::from(move |on: bool| {
            storage::set_live_enabled(on);
            live_enabled.set(on);
        })
    };
    let search_ref = use_node_ref();
    use_url_sources(ready, &state);
    use_url_sync(&state);
    use_live_refresh(ready, &state);
    use_page_events(ready, search_ref.clone(), state.dispatcher());
    let embed = use_embed(ready);
    let view = use_memo((state.notes.clone(), state.filter.clone()), |(notes, filter)| {
        query::apply(notes, filter)
    });
    let hidden_target = use_fragment_target(&state.notes, &view, state.order, ready);
    // The ribbon singles out what the page is about: the filter's matches,
    // a person's meetings, a topic's.
    let hits = use_memo((state.notes.clone(), view.clone(), state.tab), |(notes, view, tab)| {
        let mut hits = vec![false; notes.meetings.len()];
        match tab {
            Tab::Person(p) => {
                for (h, m) in hits.iter_mut().zip(&notes.meetings) {
                    *h = m.involves(*p);
                }
            }
            Tab::Topic(t) => {
                for m in &notes.topic(*t).meetings {
                    hits[m.0 as usize] = true;
                }
            }
            _ if view.meetings.iter().all(|mv| mv.units.is_none()) && view.meetings.len() == view.total => {
                return None;
            }
            _ => {
                for mv in &view.meetings {
                    hits[mv.meeting.0 as usize] = true;
                }
            }
        }
        Some(Rc::<[bool]>::from(hits))
    });
    use_effect_with((ready, state.tab), |(ready, tab)| {
        if *ready {
            dom::set_view(tab.name());
        }
    });
    // Names of people and topics open their pages inside the app (the link
    // itself works without it, as a new page load); a meeting's date on
    // those pages, or a ribbon mark, goes back to the timeline.
    let onclick = {
        let (d, notes, tab) = (state.dispatcher(), state.notes.clone(), state.tab);
        Callback::from(move |e: MouseEvent| {
            if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()
            {
                return;
            }
            let Some(a) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a").ok().flatten())
            else {
                return;
            };
            let href = a.get_attribute("href").unwrap_or_default();
            let class = a.class_list();
            if class.contains("person-link") || class.contains("topic-link") {
                let read = crate::url::read(&notes, &location::pairs_of(&href));
                if !read.tab.is_browsing() {
                    e.prevent_default();
                    d.dispatch(Action::SetTab(read.tab));
                    dom::scroll_to_top();
                }
            } else if !tab.is_browsing() && (class.contains("to-meeting") || class.contains("mark")) {
                d.dispatch(Action::SetTab(Tab::Timeline));
                // The fragment may already be this one (no hashchange): go there
                // once the timeline is back.
                let id = href.trim_start_matches('#').to_string();
                gloo::timers::callback::Timeout::new(0, move || {
                    dom::scroll_to(&id);
                })
                .forget();
            }
        })
    };

    let context = AppContext {
        notes: state.notes.clone(),
        dispatch: state.dispatcher(),
    };
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only leaving the window counts, not moving between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dragging, d) = (dragging.clone(), state.dispatcher());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|t| t.files()) {
                load_files(files, d.clone());
            }
        })
    };

    let notes = &state.notes;
    let active = state.filter.is_active();
    let browsing = state.tab.is_browsing();
    let shown = view.meetings.len();
    let title = notes::archive::title(notes);
    let clear = context.action(|_: MouseEvent| Action::ClearFilters);
    let tab_button = |tab: Tab, label: &'static str| {
        let onclick = context.action(move |_: MouseEvent| Action::SetTab(tab));
        html! { <button type="button" aria-pressed={(state.tab == tab).to_string()} {onclick}>{ label }</button> }
    };
    let order_button = |order: Order, label: &'static str| {
        let onclick = context.action(move |_: MouseEvent| Action::SetOrder(order));
        html! { <button type="button" aria-pressed={(state.order == order).to_string()} {onclick}>{ label }</button> }
    };

    html! {
        <ContextProvider<AppContext> context={context.clone()}>
        <div class={classes!("app", dragging.then_some("dragging"), embed.then_some("embed"))} {ondragover} {ondragleave} {ondrop} {onclick}>
            if *dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop Markdown notes to add them to the timeline" }</div>
            }
            if embed {
                // No page header when embedded; the heading stays for screen readers.
                <header class="visually-hidden"><h1>{ title }</h1></header>
            } else {
                { page_head(&state.notes, title) }
                <SourcesPanel docs={state.docs.clone()} archive={state.archive.clone()} loading={state.loading}
                    errors={state.load_errors.clone()} />
            }
            <nav class="toolbar" aria-label="Filters and order">
                if browsing {
                    <FilterPanel filter={state.filter.clone()} group_by={state.group_by} search_ref={search_ref.clone()} />
                }
                <div class="summary">
                    if browsing {
                        <p class="count" role="status" aria-live="polite">
                            { if active { format!("{shown} of {}", counted(view.total, "meeting")) } else { counted(view.total, "meeting") } }
                        </p>
                        if active {
                            <button type="button" class="clear" onclick={clear.clone()}>{ "Clear filters" }</button>
                        }
                    }
                    <div class="order tabs" role="group" aria-label="Show">
                        { tab_button(Tab::Timeline, "Timeline") }
                        { tab_button(Tab::Links, "Links") }
                    </div>
                    if browsing {
                        <div class="order" role="group" aria-label="Order">
                            { order_button(Order::NewestFirst, "Newest first") }
                            { order_button(Order::OldestFirst, "Oldest first") }
                        </div>
                        <CopyDigest view={view.clone()} filter={state.filter.clone()} newest_first={state.order == Order::NewestFirst} />
                    }
                </div>
                if browsing && !(state.filter.people.is_empty() && state.filter.topics.is_empty()) {
                    // The selected people's pages and topics' stories, one click away.
                    <p class="pages-of">
                        <span class="label">{ "Read along" }</span>
                        { for state.filter.people.iter().map(|p| html! {
                            <a class="person-link" href={crate::components::people::person_href(notes.person(*p))}>
                                { notes.person(*p).display_name().to_string() }
                            </a>
                        }) }
                        { for state.filter.topics.iter().map(|t| topic_link(notes, *t)) }
                    </p>
                }
                if let Some(notice) = &state.notice {
                    <p class="notice fresh" role="status">
                        { notice.to_string() }
                        <button type="button" class="link-button" onclick={context.action(|_: MouseEvent| Action::DismissNotice)}>{ "Dismiss" }</button>
                    </p>
                }
                if !state.unknown.is_empty() {
                    <p class="notice" role="alert">
                        { format!("Nothing in these notes is called {}; that part of the link is ignored.", state.unknown.join(", ")) }
                    </p>
                }
                if let Some(anchor) = hidden_target {
                    <p class="notice" role="alert">
                        { format!("The meeting you linked to ({anchor}) is hidden by the filters. ") }
                        <button type="button" class="link-button" onclick={clear.clone()}>{ "Show all meetings" }</button>
                    </p>
                }
                if browsing {
                    <Overview view={view.clone()} filter={state.filter.clone()} />
                }
            </nav>
            <Ribbon hits={(*hits).clone()} localized={ready} />
            // Labelled: an embedding page has a <main> of its own.
            <main id="timeline" aria-label="Meetings">
                if browsing && active && shown == 0 {
                    <div class="empty" role="status">
                        <p>{ "No meetings match these filters." }</p>
                        <button type="button" onclick={clear}>{ "Clear filters" }</button>
                    </div>
                }
                { match state.tab {
                    Tab::Links => html! { <LinksView view={view.clone()} peek={*touch} /> },
                    Tab::Person(person) => html! { <PersonPage {person} peek={*touch} /> },
                    Tab::Topic(topic) => html! { <TopicPage {topic} peek={*touch} /> },
                    Tab::Timeline => html! {
                        <Timeline view={view.clone()} order={state.order} first_paint={state.first_paint}
                            show_source={state.docs.len() > 1 && state.docs.iter().any(|d| d.kind != DocKind::Archive)}
                            peek={*touch} />
                    },
                } }
            </main>
            <Leftovers />
            // In a landmark of its own, as assistive technology expects.
            <aside aria-label="Link preview">
                <PreviewLayer live_enabled={*live_enabled} />
            </aside>
            { page_foot(&state.notes, *live_enabled, on_live) }
        </div>
        </ContextProvider<AppContext>>
    }
}

/// The archive's name and the newest document's intro. A function, not a
/// component, as `page_foot`: each component carries 0.6–0.7 KB gzip of
/// Yew's machinery, and these few nodes re-render with `App` for next to
/// nothing (clicks A/B unchanged).
fn page_head(notes: &notes::model::Notes, title: String) -> Html {
    let newest = notes
        .meetings
        .last()
        .map(|m| m.source)
        .and_then(|s| notes.sources.get(s.0 as usize))
        .or(notes.sources.last());
    let ctx = Ctx {
        notes,
        meeting: None,
        peek: false,
        mark_units: false,
    };
    html! {
        <header class="page-head">
            <h1>{ title }</h1>
            if let Some(src) = newest {
                <div class="intro">{ for content::blocks(&src.intro, &ctx).nodes }</div>
            }
        </header>
    }
}

/// What the parser could not place on the timeline, and its diagnostics.
#[component]
fn Leftovers() -> Html {
    let app = crate::context::use_app();
    let notes = &app.notes;
    let ctx = Ctx {
        notes,
        meeting: None,
        peek: false,
        mark_units: false,
    };
    let source = |s: notes::model::SourceId| notes.sources[s.0 as usize].name.clone();
    html! {
        <>
            if !notes.unplaced.is_empty() {
                <section class="unplaced" aria-labelledby="unplaced-head">
                    <h2 id="unplaced-head">{ "Not on the timeline" }</h2>
                    { for notes.unplaced.iter().map(|u| html! {
                        <article class="unplaced-item">
                            <h3>{ u.heading.clone() }</h3>
                            <p class="why">{ format!("{}, line {}: {}", source(u.source), u.line, u.why()) }</p>
                            { for content::blocks(&u.blocks, &ctx).nodes }
                        </article>
                    }) }
                </section>
            }
            if !notes.diagnostics.is_empty() {
                <details class="diagnostics">
                    <summary>{ format!("{} in the notes the parser could not classify", counted(notes.diagnostics.len(), "thing")) }</summary>
                    <ul>
                        { for notes.diagnostics.iter().map(|d| html! {
                            <li>{ format!("{} line {}: {}", source(d.source), d.line, d.kind) }</li>
                        }) }
                    </ul>
                </details>
            }
        </>
    }
}

/// The live-preview setting, the HackMD link and the subscriptions.
fn page_foot(notes: &notes::model::Notes, live_enabled: bool, on_live: Callback<bool>) -> Html {
    let onchange = on_live.reform(|e: Event| {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|input| input.checked())
    });
    let hackmd = notes.sources.iter().rev().find_map(|s| s.hackmd_url.clone());
    html! {
        <footer class="page-foot">
            <label class="setting">
                <input type="checkbox" checked={live_enabled} {onchange} />
                { " Link previews may ask GitHub for live details (stars, issue state)" }
            </label>
            if let Some(url) = hackmd {
                <a href={url} target="_blank" class="ext">{ "Edit these notes on HackMD" }</a>
            }
            <p class="subscribe">
                { "Subscribe: " }
                <a href="feed.xml" type="application/atom+xml">{ "feed" }</a>
                { " · " }
                <a href="meetings.ics" type="text/calendar">{ "calendar" }</a>
            </p>
        </footer>
    }
}

#[derive(Properties, PartialEq)]
struct CopyDigestProps {
    view: Rc<query::View>,
    filter: query::Filter,
    newest_first: bool,
}

/// "Copy as Markdown": the meetings shown, as a digest on the clipboard.
/// Where the browser refuses the clipboard, the digest is shown to copy by
/// hand.
#[component]
fn CopyDigest(props: &CopyDigestProps) -> Html {
    let app = crate::context::use_app();
    // `_eq`: clearing what is already clear (every filter change) renders nothing.
    let status = use_state_eq(|| None::<String>);
    let fallback = use_state_eq(|| None::<String>);
    let onclick = {
        let (notes, view, filter, newest_first) = (
            app.notes.clone(),
            props.view.clone(),
            props.filter.clone(),
            props.newest_first,
        );
        let (status, fallback) = (status.setter(), fallback.setter());
        Callback::from(move |_: MouseEvent| {
            let title = notes::archive::title(&notes);
            let text = notes::digest::markdown(&notes, &filter, &view, newest_first, &title);
            let n = view.meetings.len();
            let (status, fallback) = (status.clone(), fallback.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if dom::copy_text(&text).await {
                    status.set(Some(format!("Copied {} as Markdown", counted(n, "meeting"))));
                    fallback.set(None);
                } else {
                    status.set(Some("The browser did not allow copying; select the text below".into()));
                    fallback.set(Some(text));
                }
            });
        })
    };
    // A new view makes the message stale.
    {
        let (status, fallback) = (status.setter(), fallback.setter());
        use_effect_with((props.view.clone(), props.newest_first), move |_| {
            status.set(None);
            fallback.set(None);
        });
    }
    html! {
        <div class="digest">
            <button type="button" class="copy-digest" {onclick}>{ "Copy as Markdown" }</button>
            <span class="digest-status" role="status">{ (*status).clone().unwrap_or_default() }</span>
            if let Some(text) = &*fallback {
                <textarea class="digest-text" readonly=true aria-label="The digest as Markdown" value={text.clone()} />
            }
        </div>
    }
}
