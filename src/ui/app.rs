//! The page: header with the document's title and intro, the filters, the
//! timeline, and what the parser could not place. The filter lives in the
//! URL: read on load and on Back/Forward, written on every change.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::components::chart::Overview;
use super::components::content::{self, Ctx};
use super::components::filters::FilterPanel;
use super::components::links_view::LinksView;
use super::components::preview::PreviewLayer;
use super::components::sources::SourcesPanel;
use super::components::timeline::{position, Timeline};
use super::sources::{check, DocKind};
use super::state::{Action, NotesRef, Order, State, Tab};
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
            let (filter, unknown, order, tab) = url::read(&s.notes, &url::current_pairs());
            (s.filter, s.unknown, s.order, s.tab) = (filter, unknown, order, tab);
        }
        s
    });
    let clock_ready = use_state(|| false);
    // The `#fragment` still to scroll to, and a meeting the filters hide.
    let pending = use_state(|| None::<String>);
    let hidden_target = use_state(|| None::<String>);
    let search_ref = use_node_ref();
    // Embedded in another site (`?embed=1`): read after hydration, so the
    // first render matches the prerendered page.
    let embed = use_state(|| !prerendered && browser::embedded());

    {
        let dispatch = state.dispatcher();
        let notes = state.notes.clone();
        let clock_ready = clock_ready.setter();
        let pending = pending.setter();
        let search_ref = search_ref.clone();
        let embed = embed.setter();
        use_effect_with((), move |_| {
            clock_ready.set(true);
            browser::mark_ready();
            if prerendered {
                let (f, u, o, t) = url::read(&notes, &url::current_pairs());
                dispatch.dispatch(Action::FromUrl(f, u, o, t));
            }
            let srcs = url::sources();
            if !srcs.is_empty() {
                browser::load_urls(srcs, true, dispatch.clone());
            }
            pending.set(browser::fragment());
            let is_embedded = browser::embedded();
            embed.set(is_embedded);
            let size_reporter = is_embedded.then(browser::report_height);
            let listeners = browser::listen(dispatch, notes, search_ref, pending);
            move || drop((listeners, size_reporter))
        });
    }
    {
        let s = (*state).clone();
        use_effect_with((s.filter.clone(), s.order, s.tab), move |_| {
            url::write(&s.notes, &s.filter, s.order, s.tab, s.history);
            // The embedding page may mirror the state in its own URL.
            browser::tell_parent_state();
        });
    }
    let view = use_memo((state.notes.clone(), state.filter.clone()), |(notes, filter)| {
        query::apply(notes, filter)
    });
    {
        // Reach the fragment: scroll when rendered, render further when it
        // is below the rendered part, say so when the filters hide it.
        let (pending, hidden_target) = (pending.clone(), hidden_target.clone());
        let (notes, order, limit, d) = (state.notes.clone(), state.order, state.limit, state.dispatcher());
        use_effect_with(
            (view.clone(), limit, order, (*pending).clone()),
            move |(view, _, _, target)| {
                let Some(id) = target else { return };
                if browser::scroll_to(id) {
                    pending.set(None);
                    hidden_target.set(None);
                } else if let Some(pos) = position(&notes, view, order, id) {
                    d.dispatch(Action::ShowUpTo(pos + 1));
                } else if notes.meetings.iter().any(|m| &m.anchor == id) {
                    hidden_target.set(Some(id.clone()));
                } else {
                    pending.set(None);
                }
            },
        );
    }
    let people: Rc<[PersonId]> = state.filter.people.iter().copied().collect::<Vec<_>>().into();
    let notes = &state.notes;
    let dispatch = state.dispatcher();

    let set_tab = |tab: Tab| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTab(tab)))
    };
    let set_order = |order: Order| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetOrder(order)))
    };
    let clear = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ClearFilters))
    };
    // Sources: URLs are recorded in `src` so the view can be shared.
    let src_list = |docs: &[super::sources::Doc]| -> Vec<String> {
        docs.iter()
            .filter_map(|d| match d.kind {
                DocKind::BuiltIn => Some("builtin".to_string()),
                DocKind::Url => Some(d.name.clone()),
                _ => None,
            })
            .collect()
    };
    let on_url = {
        let (d, docs) = (dispatch.clone(), state.docs.clone());
        Callback::from(move |src: String| {
            let abs = url::absolute(&src);
            let mut list = src_list(&docs);
            list.retain(|s| s != &abs);
            list.push(abs.clone());
            url::set_sources(&list);
            browser::load_urls(vec![abs], false, d.clone());
        })
    };
    let on_files = {
        let d = dispatch.clone();
        Callback::from(move |files: web_sys::FileList| browser::load_files(files, d.clone()))
    };
    let on_paste = {
        let d = dispatch.clone();
        Callback::from(move |text: String| load_pasted(&text, &d))
    };
    let on_remove = {
        let (d, docs) = (dispatch.clone(), state.docs.clone());
        Callback::from(move |i: usize| {
            if docs
                .get(i)
                .is_some_and(|doc| matches!(doc.kind, DocKind::Url | DocKind::BuiltIn))
            {
                let mut rest = docs.to_vec();
                rest.remove(i);
                url::set_sources(&src_list(&rest));
            }
            d.dispatch(Action::RemoveDoc(i))
        })
    };
    let on_built_in = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            url::set_sources(&[]);
            d.dispatch(Action::BuiltInOnly)
        })
    };
    let on_dismiss = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DismissErrors))
    };
    let dragging = use_state(|| false);
    // Link previews: may they ask GitHub (a setting kept in localStorage),
    // and where the API lives (`?github_api=` points tests at a fake).
    let live_enabled = use_state(super::storage::live_enabled);
    // Read once: the URL does not change where the API lives.
    let api_base = use_state(|| -> AttrValue {
        url::current_pairs()
            .into_iter()
            .find(|(k, _)| k == "github_api")
            .map(|(_, v)| url::absolute(&v))
            .unwrap_or_else(|| "https://api.github.com".into())
            .into()
    });
    let on_live = {
        let live_enabled = live_enabled.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                super::storage::set_live_enabled(input.checked());
                live_enabled.set(input.checked());
            }
        })
    };
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
        let (dragging, d) = (dragging.clone(), dispatch.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|t| t.files()) {
                browser::load_files(files, d.clone());
            }
        })
    };
    let multi = notes.sources.len() > 1;
    let on_more = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::ShowMore))
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
        <div class={classes!("app", dragging.then_some("dragging"), embed.then_some("embed"))} {ondragover} {ondragleave} {ondrop}>
            if *dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop Markdown notes to add them to the timeline" }</div>
            }
            if *embed {
                // No page header when embedded; the heading stays for screen readers.
                <header class="visually-hidden"><h1>{ title }</h1></header>
            } else {
                <header class="page-head">
                    <h1>{ title }</h1>
                    if let Some(src) = source {
                        <div class="intro">{ for content::blocks(&src.intro, &ctx) }</div>
                    }
                </header>
                <SourcesPanel docs={state.docs.clone()} loading={state.loading} errors={state.load_errors.clone()}
                    {on_url} {on_files} {on_paste} {on_remove} {on_built_in} {on_dismiss} />
            }
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
                    <div class="order tabs" role="group" aria-label="Show">
                        <button type="button" aria-pressed={(state.tab == Tab::Timeline).to_string()}
                            onclick={set_tab(Tab::Timeline)}>{ "Timeline" }</button>
                        <button type="button" aria-pressed={(state.tab == Tab::Links).to_string()}
                            onclick={set_tab(Tab::Links)}>{ "Links" }</button>
                    </div>
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
                if state.tab == Tab::Links {
                    <LinksView notes={notes.clone()} view={view.clone()} dispatch={dispatch.clone()} />
                } else {
                    <Timeline notes={notes.clone()} view={view.clone()} order={state.order} people={people} clock_ready={*clock_ready}
                        show_source={multi} limit={state.limit} on_more={on_more} />
                }
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
            // In a landmark of its own, as assistive technology expects.
            <aside aria-label="Link preview">
                <PreviewLayer live_enabled={*live_enabled} api_base={(*api_base).clone()} />
            </aside>
            <footer class="page-foot">
                <label class="setting">
                    <input type="checkbox" checked={*live_enabled} onchange={on_live} />
                    { " Link previews may ask GitHub for live details (stars, issue state)" }
                </label>
                if let Some(url) = source.and_then(|s| s.hackmd_url.clone()) {
                    <a href={url} target="_blank" rel="noopener noreferrer" class="ext">{ "Edit these notes on HackMD" }</a>
                }
            </footer>
        </div>
    }
}

/// Loads pasted Markdown as a document, or reports why it is not notes.
fn load_pasted(text: &str, d: &UseReducerDispatcher<State>) {
    // Each paste is its own document, numbered in order.
    thread_local!(static PASTES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = PASTES.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let name = format!("pasted notes {n}");
    let (docs, errors) = match check(&name, DocKind::Paste, text.as_bytes(), None) {
        Ok(doc) => (vec![doc], Vec::new()),
        Err(cause) => (Vec::new(), vec![super::sources::LoadError { source: name, cause }]),
    };
    d.dispatch(Action::Loaded {
        docs,
        errors,
        replace: false,
    });
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
        pending: UseStateSetter<Option<String>>,
    ) -> Vec<gloo::events::EventListener> {
        use gloo::events::EventListener;
        use wasm_bindgen::JsCast;
        let window = gloo::utils::window();
        let dispatch_for_paste = dispatch.clone();
        let popstate = EventListener::new(&window, "popstate", move |_| {
            let (f, u, o, t) = url::read(&notes, &url::current_pairs());
            dispatch.dispatch(Action::FromUrl(f, u, o, t));
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
        // Pasting notes anywhere but into a field loads them.
        let paste_dispatch = dispatch_for_paste;
        let paste = EventListener::new(&gloo::utils::document(), "paste", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") || el.is_content_editable());
            let text = e
                .clipboard_data()
                .and_then(|c| c.get_data("text/plain").ok())
                .unwrap_or_default();
            if !in_field && crate::parse::has_meetings(&text) {
                load_pasted(&text, &paste_dispatch);
            }
        });
        // A link to a meeting or month that is not rendered yet (chart cells).
        let hashchange = EventListener::new(&window, "hashchange", move |_| pending.set(fragment()));
        vec![popstate, keydown, paste, hashchange]
    }

    /// Fetches `urls` (`builtin` is the built-in notes), reporting progress;
    /// the documents that loaded are added or replace the current ones.
    #[cfg(target_arch = "wasm32")]
    pub fn load_urls(urls: Vec<String>, replace: bool, d: UseReducerDispatcher<State>) {
        use super::super::sources::{fetch_doc, Doc, LoadError};
        use std::cell::RefCell;
        // All fetches run at once; the last to finish reports, in URL order.
        let total = urls.len();
        if total == 0 {
            return;
        }
        d.dispatch(Action::Loading(Some((0, total))));
        type Slot = Option<Result<Doc, String>>;
        let results: Rc<RefCell<Vec<Slot>>> = Rc::new(RefCell::new(vec![None; total]));
        let urls = Rc::new(urls);
        for i in 0..total {
            let (d, results, urls) = (d.clone(), results.clone(), urls.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let u = &urls[i];
                let result = if u == "builtin" {
                    Ok(Doc::built_in())
                } else {
                    fetch_doc(u).await
                };
                let done = {
                    let mut r = results.borrow_mut();
                    r[i] = Some(result);
                    r.iter().filter(|x| x.is_some()).count()
                };
                d.dispatch(Action::Loading(Some((done, total))));
                if done == total {
                    let (mut docs, mut errors) = (Vec::new(), Vec::new());
                    for (source, result) in urls.iter().zip(results.borrow_mut().drain(..)) {
                        match result {
                            Some(Ok(doc)) => docs.push(doc),
                            Some(Err(cause)) => errors.push(LoadError {
                                source: source.clone(),
                                cause,
                            }),
                            None => {}
                        }
                    }
                    d.dispatch(Action::Loaded { docs, errors, replace });
                }
            });
        }
    }

    #[cfg(target_arch = "wasm32")]
    pub fn load_files(files: web_sys::FileList, d: UseReducerDispatcher<State>) {
        use super::super::sources::{read_file, LoadError};
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            d.dispatch(Action::Loading(Some((0, files.len()))));
            let (mut docs, mut errors) = (Vec::new(), Vec::new());
            let total = files.len();
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                match read_file(file).await {
                    Ok(doc) => docs.push(doc),
                    Err(cause) => errors.push(LoadError { source: name, cause }),
                }
                d.dispatch(Action::Loading(Some((i + 1, total))));
            }
            d.dispatch(Action::Loaded {
                docs,
                errors,
                replace: false,
            });
        });
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_urls(_: Vec<String>, _: bool, _: UseReducerDispatcher<State>) {}

    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_files(_: web_sys::FileList, _: UseReducerDispatcher<State>) {}

    #[cfg(not(target_arch = "wasm32"))]
    pub fn listen(
        _: UseReducerDispatcher<State>,
        _: NotesRef,
        _: NodeRef,
        _: UseStateSetter<Option<String>>,
    ) -> Vec<()> {
        Vec::new()
    }

    /// Marks the page as running (`<html data-app="ready">`): the
    /// prerendered page looks the same before, but does not respond yet.
    pub fn mark_ready() {
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    }

    /// Whether the page runs embedded (`?embed=1`).
    pub fn embedded() -> bool {
        url::current_pairs().iter().any(|(k, v)| k == "embed" && v != "0")
    }

    /// Reports the content height to the embedding page whenever it
    /// changes, so its iframe can fit the timeline without a scrollbar.
    #[cfg(target_arch = "wasm32")]
    pub fn report_height() -> Box<dyn std::any::Any> {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let doc = gloo::utils::document();
        let _ = doc.document_element().map(|el| el.class_list().add_1("embed"));
        let post = || {
            let window = gloo::utils::window();
            let height = gloo::utils::document()
                .document_element()
                .map(|e| e.scroll_height())
                .unwrap_or(0);
            if let Ok(Some(parent)) = window.parent() {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"racklet-timeline:height".into());
                let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
                let _ = parent.post_message(&msg, "*");
            }
        };
        post();
        let callback = Closure::<dyn FnMut()>::new(post);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(body)) = (&observer, doc.body()) {
            o.observe(&body);
        }
        /// Stops observing before the callback is freed.
        struct Reporter(
            Option<web_sys::ResizeObserver>,
            #[allow(dead_code)] Closure<dyn FnMut()>,
        );
        impl Drop for Reporter {
            fn drop(&mut self) {
                if let Some(o) = &self.0 {
                    o.disconnect();
                }
            }
        }
        Box::new(Reporter(observer, callback))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn report_height() -> Box<dyn std::any::Any> {
        Box::new(())
    }

    /// Tells the embedding page the current query and fragment.
    pub fn tell_parent_state() {
        #[cfg(target_arch = "wasm32")]
        {
            if !embedded() {
                return;
            }
            let window = gloo::utils::window();
            let (Ok(Some(parent)), Ok(search), Ok(hash)) =
                (window.parent(), window.location().search(), window.location().hash())
            else {
                return;
            };
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"racklet-timeline:state".into());
            let _ = js_sys::Reflect::set(&msg, &"search".into(), &search.into());
            let _ = js_sys::Reflect::set(&msg, &"hash".into(), &hash.into());
            let _ = parent.post_message(&msg, "*");
        }
    }

    /// The URL fragment (`2024-05-14`), decoded, if there is one.
    pub fn fragment() -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        {
            let hash = web_sys::window()?.location().hash().ok()?;
            let id = hash.trim_start_matches('#');
            if id.is_empty() {
                return None;
            }
            Some(
                js_sys::decode_uri_component(id)
                    .map(String::from)
                    .unwrap_or_else(|_| id.to_string()),
            )
        }
        #[cfg(not(target_arch = "wasm32"))]
        None
    }

    /// Scrolls the element with this id into view, if it is rendered.
    pub fn scroll_to(id: &str) -> bool {
        #[cfg(target_arch = "wasm32")]
        {
            match gloo::utils::document().get_element_by_id(id) {
                Some(el) => {
                    el.scroll_into_view();
                    true
                }
                None => false,
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = id;
            false
        }
    }
}
