//! The Notes panel: the documents shown, each with a link to where it came
//! from, and ways to load others — a URL, files (picker; dropping on the
//! page works too), or pasted Markdown — with progress while loading and
//! the cause of each failure.

use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_app;
use crate::hooks::{load_files, load_pasted, load_urls};
use crate::platform::location;
use crate::sources::{short_name, Doc, DocKind, LoadError};
use crate::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct SourcesProps {
    pub docs: Rc<[Doc]>,
    pub archive: Rc<[Doc]>,
    pub loading: Option<(usize, usize)>,
    pub errors: Rc<[LoadError]>,
}

/// The `src` list that reproduces `docs` (URLs, and `builtin` for the
/// archive), so a view with loaded documents can be shared.
fn src_list(docs: &[Doc]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in docs {
        let src = match d.kind {
            DocKind::Archive => "builtin".to_string(),
            DocKind::Url => d.name.clone(),
            DocKind::File | DocKind::Paste => continue,
        };
        if !out.contains(&src) {
            out.push(src);
        }
    }
    out
}

#[component]
pub fn SourcesPanel(props: &SourcesProps) -> Html {
    let app = use_app();
    let url_ref = use_node_ref();
    let paste_ref = use_node_ref();
    let is_archive = *props.docs == *props.archive;

    let on_submit_url = {
        let (url_ref, d, docs, archive) = (
            url_ref.clone(),
            app.dispatch.clone(),
            props.docs.clone(),
            props.archive.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = url_ref.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let v = input.value().trim().to_string();
            if v.is_empty() {
                return;
            }
            input.set_value("");
            let abs = location::absolute(&v);
            let mut list = src_list(&docs);
            list.retain(|s| s != &abs);
            list.push(abs.clone());
            location::set_sources(&list);
            load_urls(vec![abs], false, None, archive.clone(), d.clone());
        })
    };
    let on_change_files = {
        let d = app.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(files) = input.files() {
                    load_files(files, d.clone());
                }
                input.set_value("");
            }
        })
    };
    let on_submit_paste = {
        let (paste_ref, d) = (paste_ref.clone(), app.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() {
                let v = area.value();
                if !v.trim().is_empty() {
                    load_pasted(&v, &d);
                    area.set_value("");
                }
            }
        })
    };
    let on_archive = app.action(|_: MouseEvent| {
        location::set_sources(&[]);
        Action::ShowArchive
    });
    let on_dismiss = app.action(|_: MouseEvent| Action::DismissErrors);
    let n = props.docs.len();
    let summary = format!(
        "Notes: {}{}",
        super::counted(n, "document"),
        if is_archive { " (the archive)" } else { "" }
    );

    html! {
        <section class="sources" aria-label="Notes sources">
            <details>
                <summary>{ summary }<span class="more">{ " · load other notes" }</span></summary>
                <ul class="doc-list">
                    { for props.docs.iter().enumerate().map(|(i, d)| {
                        let on_remove = {
                            let (docs, dispatch) = (props.docs.clone(), app.dispatch.clone());
                            Callback::from(move |_: MouseEvent| {
                                if matches!(docs[i].kind, DocKind::Url | DocKind::Archive) {
                                    let mut rest = docs.to_vec();
                                    rest.remove(i);
                                    location::set_sources(&src_list(&rest));
                                }
                                dispatch.dispatch(Action::RemoveDoc(i));
                            })
                        };
                        html! {
                            <li>
                                <span class="doc-name" title={d.name.clone()}>{ d.display_name().to_string() }</span>
                                <span class="doc-kind">{ d.kind.label() }</span>
                                if let Some(url) = d.url.clone() {
                                    <a class="doc-source ext" href={url} target="_blank"
                                       aria-label={format!("Source of {}", d.display_name())}>{ "source" }</a>
                                }
                                if n > 1 {
                                    <button type="button" class="link-button" aria-label={format!("Remove {}", d.display_name())}
                                        onclick={on_remove}>{ "remove" }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                <form class="load-url" onsubmit={on_submit_url}>
                    <label for="src-url">{ "Notes at a URL" }</label>
                    <input id="src-url" type="url" ref={url_ref} placeholder="https://raw.githubusercontent.com/…/notes.md" />
                    <button type="submit">{ "Load" }</button>
                </form>
                <div class="load-file">
                    <label for="src-file">{ "Markdown files" }</label>
                    <input id="src-file" type="file" multiple=true accept=".md,.markdown,.txt,text/markdown,text/plain"
                        onchange={on_change_files} />
                    <span class="hint">{ "or drop .md files anywhere on the page" }</span>
                </div>
                <form class="load-paste" onsubmit={on_submit_paste}>
                    <label for="src-paste">{ "Paste Markdown" }</label>
                    <textarea id="src-paste" ref={paste_ref} rows="3" placeholder="# August 20, 2024 4:00 PM UTC …" />
                    <button type="submit">{ "Load pasted notes" }</button>
                </form>
            </details>
            if !is_archive && !props.archive.is_empty() {
                <button type="button" class="built-in" onclick={on_archive}>{ "Show the whole archive" }</button>
            }
            if let Some((done, total)) = props.loading {
                <div class="loading" role="status">
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Loading notes"></progress>
                    { format!(" Loading notes… {done} of {total}") }
                </div>
            }
            if !props.errors.is_empty() {
                <div class="load-errors" role="alert">
                    <ul>
                        { for props.errors.iter().map(|e| html! {
                            <li><span class="doc-name">{ short_name(&e.source).to_string() }</span>{ format!(" {}", e.cause) }</li>
                        }) }
                    </ul>
                    <p class="kept">{ "The timeline shows the notes that did load." }</p>
                    <button type="button" class="link-button" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            }
        </section>
    }
}
