//! The Racklet notes timeline as a Yew app. It renders the model that
//! [`notes`] parses and the filter state, nothing more: parsing happens
//! once per loaded document, and filtering is [`notes::query`].
//!
//! `main.rs` only starts [`App`] in the browser; [`ssr`] renders it on the
//! build machine to prerender `index.html`.
//!
//! - [`state`]: the one `State`, changed through `Action`s;
//! - `context`: the notes and the dispatcher, for every component;
//! - `hooks`: side effects, one named hook each;
//! - `components`: what the page is made of;
//! - `platform`: browser glue (location, fetch, storage, embedding);
//! - [`sources`]: the documents shown and where they came from.

mod app;
mod components;
mod context;
mod hooks;
mod platform;
pub mod sources;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;
mod url;

pub use app::{App, AppProps};
pub use state::NotesRef;

/// Starts the app in the browser: loads the archive the page was built with
/// (`notes/manifest.json` and its files, requested while the wasm loads),
/// parses it, and takes over the prerendered page, or renders from scratch
/// when there is none or it shows other notes than loaded.
#[cfg(feature = "hydration")]
pub async fn start() {
    use std::rc::Rc;

    // The prerendered page is readable already: let it paint first.
    platform::dom::after_paint_or(None).await;
    // Making the date formatters costs milliseconds each: done while the
    // notes are on their way (it runs once the fetch below has started).
    wasm_bindgen_futures::spawn_local(async { platform::locale::warm() });
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has a #app element");
    let (same_notes, archive, errors) = match platform::fetch::archive().await {
        Ok((manifest, docs, errors)) => (errors.is_empty() && shows(&root, &manifest, &docs), docs, errors),
        Err(cause) => (
            false,
            Vec::new(),
            vec![sources::LoadError {
                source: notes::archive::MANIFEST_PATH.to_string(),
                cause,
            }],
        ),
    };
    let archive: Rc<[sources::Doc]> = Rc::from(archive);
    // `racklet:fetched` → `racklet:parsed` is the parse alone, in wasm
    // (benches/parse-wasm.mjs reads it).
    platform::dom::mark("racklet:fetched");
    let notes = NotesRef::parse(&archive);
    platform::dom::mark("racklet:parsed");
    platform::dom::intern_repeated(&notes);
    // Parse and render in tasks of their own, so the browser can respond.
    gloo::timers::future::TimeoutFuture::new(0).await;
    // The prerendered page is taken over only when it shows the notes that
    // loaded, all of them: a file that failed, or a page cached from before
    // the last deploy, would not match what the app renders, which Yew
    // cannot take over. The page is drawn again from the notes instead.
    let prerendered = root.first_element_child().is_some() && same_notes;
    if !prerendered {
        root.set_text_content(None);
    }
    let first_paint = prerendered
        .then(|| root.get_attribute("data-first-paint"))
        .flatten()
        .and_then(|n| n.parse().ok());
    let props = AppProps {
        archive,
        notes,
        first_paint,
        errors: Rc::from(errors),
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    if prerendered {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

/// Whether the prerendered page shows these notes: the same fetch (the
/// manifest's time, which `timeline prerender` writes on `#app`), each
/// file as long as the manifest says (none from an older cache).
#[cfg(feature = "hydration")]
fn shows(root: &web_sys::Element, manifest: &notes::archive::Manifest, docs: &[sources::Doc]) -> bool {
    root.get_attribute("data-notes").as_deref() == Some(manifest.fetched.as_str())
        && manifest.files.len() == docs.len()
        && manifest
            .files
            .iter()
            .zip(docs)
            .all(|(f, d)| f.bytes == d.text.len() as u64)
}
