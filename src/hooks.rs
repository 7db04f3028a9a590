//! The app's side effects, one named hook each, so `App` only lays out the
//! page: the URL follows the view (`use_url_sync`), the `#fragment` is
//! reached once it is rendered (`use_fragment_target`), embedding and the
//! colour theme (`use_embed`), page-wide shortcuts (`use_page_events`),
//! loading `?src=` documents (`use_url_sources`) and asking upstream for a
//! newer current year (`use_live_refresh`).

use std::rc::Rc;

use notes::query::View;
use yew::prelude::*;

use crate::platform::{dom, embed, events, fetch, location};
use crate::sources::{self, Doc, DocKind, LoadError};
use crate::state::{Action, History, NotesRef, Order, State};
use crate::url;

/// Writes the view into the URL whenever it changes (a new history entry,
/// or in place while typing), reads it back on Back/Forward, and tells an
/// embedding page. Moving between fragments of the same query (a click on
/// a meeting's anchor) is not a change of view, though browsers report it
/// as `popstate` too.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<State>) {
    // The query last written or read, to tell fragment moves from Back/Forward.
    let seen = use_mut_ref(|| None::<String>);
    let key = (
        state.notes.clone(),
        state.filter.clone(),
        state.order,
        state.tab,
        state.history,
    );
    {
        let seen = seen.clone();
        use_effect_with(key, move |(notes, filter, order, tab, history)| {
            // Written once the page has been updated and painted: the
            // browser walks the whole document when its URL changes
            // (milliseconds on a long archive), which the click's next frame
            // should not wait for.
            let pairs = (*history != History::FromUrl).then(|| url::pairs(notes, filter, *order, *tab));
            let push = *history == History::Push;
            wasm_bindgen_futures::spawn_local(async move {
                dom::after_paint_or(Some(100)).await;
                if let Some(pairs) = pairs {
                    location::write_query(&pairs, push);
                }
                *seen.borrow_mut() = Some(location::search());
                embed::tell_parent_state();
            });
        });
    }
    let d = state.dispatcher();
    let notes = state.notes.clone();
    use_effect_with(notes, move |notes| {
        let notes = notes.clone();
        let listener = events::on_popstate(move || {
            let search = location::search();
            if seen.borrow().as_deref() == Some(search.as_str()) {
                return;
            }
            *seen.borrow_mut() = Some(search);
            d.dispatch(Action::FromUrl(url::read(&notes, &location::current_pairs())));
        });
        move || drop(listener)
    });
}

/// The meeting or month named by the `#fragment`: scrolled to once it is on
/// the page. Returns the anchor when the filters hide it, so the page can
/// say so.
#[hook]
pub fn use_fragment_target(notes: &NotesRef, view: &Rc<View>, order: Order, ready: bool) -> Option<String> {
    let pending = use_state(|| None::<String>);
    let hidden = use_state(|| None::<String>);
    {
        let pending = pending.setter();
        use_effect_with(ready, move |ready| {
            let listener = ready.then(|| {
                pending.set(location::fragment());
                let pending = pending.clone();
                events::on_hashchange(move || pending.set(location::fragment()))
            });
            move || drop(listener)
        });
    }
    {
        let (pending_set, hidden_set) = (pending.setter(), hidden.setter());
        use_effect_with(
            ((*pending).clone(), view.clone(), notes.clone(), order),
            move |(target, view, notes, _)| {
                let Some(id) = target else { return };
                if dom::scroll_to(id) {
                    pending_set.set(None);
                    hidden_set.set(None);
                } else if notes.meetings.iter().any(|m| &m.anchor == id)
                    && !view.meetings.iter().any(|mv| notes.meeting(mv.meeting).anchor == *id)
                {
                    hidden_set.set(Some(id.clone()));
                }
            },
        );
    }
    (*hidden).clone()
}

/// Whether the page runs embedded (read once running, so the first render
/// matches the prerendered HTML); while embedded, reports its height to
/// the host. Also applies the colour theme from `?theme=` or the host.
#[hook]
pub fn use_embed(ready: bool) -> bool {
    let embedded = use_state(|| false);
    {
        let embedded = embedded.setter();
        use_effect_with(ready, move |ready| {
            let mut guards: Vec<Box<dyn std::any::Any>> = Vec::new();
            if *ready {
                dom::set_theme(location::param("theme").as_deref());
                if embed::embedded() {
                    embedded.set(true);
                    guards.push(embed::report_height());
                    guards.push(Box::new(embed::listen_theme(|t| dom::set_theme(Some(&t)))));
                    // A click on a meeting's anchor changes only the fragment;
                    // the host mirrors it too.
                    guards.push(Box::new(events::on_hashchange(embed::tell_parent_state)));
                }
            }
            move || drop(guards)
        });
    }
    *embedded
}

/// `/` focuses the search box; notes pasted outside a field are loaded;
/// avatars that cannot load show their initials.
#[hook]
pub fn use_page_events(ready: bool, search: NodeRef, d: UseReducerDispatcher<State>) {
    use_effect_with(ready, move |ready| {
        let listeners = ready.then(|| {
            let d = d.clone();
            [
                events::on_slash(search),
                events::on_paste_notes(move |text| load_pasted(&text, &d)),
                crate::platform::avatars::hide_failed(),
            ]
        });
        move || drop(listeners)
    });
}

/// Loads pasted Markdown as a document, or reports why it is not notes.
pub fn load_pasted(text: &str, d: &UseReducerDispatcher<State>) {
    // Each paste is its own document, numbered in order.
    thread_local!(static PASTES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = PASTES.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let name = format!("pasted notes {n}");
    let (docs, errors) = match sources::check(&name, DocKind::Paste, text.as_bytes(), None) {
        Ok(doc) => (vec![doc], Vec::new()),
        Err(cause) => (Vec::new(), vec![LoadError { source: name, cause }]),
    };
    d.dispatch(Action::Loaded {
        docs,
        errors,
        replace: false,
        url: None,
    });
}

/// Fetches `urls` (`builtin` is the archive) and reports progress; the
/// documents that loaded are added, or replace the current ones. With
/// `url`, the page URL's filter is read once they are in.
pub fn load_urls(
    urls: Vec<String>,
    replace: bool,
    url: Option<Rc<[(String, String)]>>,
    archive: Rc<[Doc]>,
    d: UseReducerDispatcher<State>,
) {
    let total = urls.len();
    if total == 0 {
        return;
    }
    d.dispatch(Action::Loading(Some((0, total))));
    wasm_bindgen_futures::spawn_local(async move {
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        // Requested together; read in order, so documents keep URL order.
        let pending: Vec<Option<fetch::Pending>> = urls
            .iter()
            .map(|u| (u != "builtin").then(|| fetch::request_doc(u)))
            .collect();
        for (i, (source, job)) in urls.into_iter().zip(pending).enumerate() {
            match job {
                None => docs.extend(archive.iter().cloned()),
                Some(job) => match job.doc().await {
                    Ok(doc) => docs.push(doc),
                    Err(cause) => errors.push(LoadError { source, cause }),
                },
            }
            d.dispatch(Action::Loading(Some((i + 1, total))));
        }
        d.dispatch(Action::Loaded {
            docs,
            errors,
            replace,
            url,
        });
    });
}

/// Reads files picked or dropped on the page.
pub fn load_files(files: web_sys::FileList, d: UseReducerDispatcher<State>) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let total = files.len();
        d.dispatch(Action::Loading(Some((0, total))));
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        for (i, file) in files.into_iter().enumerate() {
            let name = file.name();
            match fetch::file(file).await {
                Ok(doc) => docs.push(doc),
                Err(cause) => errors.push(LoadError { source: name, cause }),
            }
            d.dispatch(Action::Loading(Some((i + 1, total))));
        }
        d.dispatch(Action::Loaded {
            docs,
            errors,
            replace: false,
            url: None,
        });
    });
}

/// On opening: the page URL's state, read against the notes; `?src=`
/// documents are loaded first and the state waits for them.
#[hook]
pub fn use_url_sources(ready: bool, state: &UseReducerHandle<State>) {
    let (d, notes, archive) = (state.dispatcher(), state.notes.clone(), state.archive.clone());
    use_effect_with(ready, move |ready| {
        if !*ready {
            return;
        }
        let pairs = location::current_pairs();
        let srcs = location::sources();
        if srcs.is_empty() {
            d.dispatch(Action::FromUrl(url::read(&notes, &pairs)));
        } else {
            load_urls(srcs, true, Some(Rc::from(pairs)), archive, d);
        }
    });
}

/// Once running, asks upstream for the current year's document (the
/// archive's last) and merges what is newer than the build. Silent when
/// offline, blocked, rate-limited or unchanged; `?live=0` turns it off.
#[hook]
pub fn use_live_refresh(ready: bool, state: &UseReducerHandle<State>) {
    let (d, archive) = (state.dispatcher(), state.archive.clone());
    use_effect_with(ready, move |ready| {
        if !*ready || location::param("live").as_deref() == Some("0") || !location::sources().is_empty() {
            return;
        }
        let Some(current) = archive.last().filter(|doc| doc.kind == DocKind::Archive).cloned() else {
            return;
        };
        let Some(upstream) = current.url.clone() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let Some(text) = fetch::fresh(&upstream).await else {
                return;
            };
            if *text == *current.text {
                return;
            }
            let fresh = Doc {
                text: Rc::from(text),
                ..current.clone()
            };
            // Edits to meetings already shown are taken quietly.
            let (newer, beside) = newer_meetings(&current, &fresh);
            let notice = (newer > 0).then(|| {
                format!(
                    "{} loaded from {}",
                    crate::components::counted(newer, "newer meeting"),
                    notes::archive::origin_label(&upstream)
                )
            });
            d.dispatch(Action::Fresher {
                doc: fresh,
                notice,
                beside,
            });
        });
    });
}

/// Meetings in `fresh` dated after the newest one in `built`, and, when
/// they are all it has, the label `built` keeps showing what it had under:
/// the document started afresh (a new year; last year's notes moved to
/// their own file, which the next build finds). The label is the year of
/// its meetings, as the archive's other years are labelled, else its name.
fn newer_meetings(built: &Doc, fresh: &Doc) -> (usize, Option<String>) {
    use chrono::Datelike;
    let old = NotesRef::parse(std::slice::from_ref(built));
    let new = NotesRef::parse(std::slice::from_ref(fresh));
    let (oldest, newest) = (
        old.meetings.first().map(|m| m.date),
        old.meetings.last().map(|m| m.date),
    );
    let newer = new.meetings.iter().filter(|m| Some(m.date) > newest).count();
    let label = match (oldest, newest) {
        (Some(a), Some(b)) if a.year() == b.year() => a.year().to_string(),
        _ => sources::short_name(&built.name).to_string(),
    };
    (
        newer,
        (newer > 0 && newer == new.meetings.len() && newest.is_some()).then_some(label),
    )
}
