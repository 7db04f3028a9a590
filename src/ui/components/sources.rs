//! The notes panel: which documents are shown, and ways to load others —
//! a URL, files (picker; dropping on the page works too), or pasted
//! Markdown — with progress while loading and the cause of each failure.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::sources::{short_name, Doc, DocKind, LoadError};

#[derive(Properties, PartialEq, Clone)]
pub struct SourcesProps {
    pub docs: Rc<[Doc]>,
    pub loading: Option<(usize, usize)>,
    pub errors: Vec<LoadError>,
    pub on_url: Callback<String>,
    pub on_files: Callback<web_sys::FileList>,
    pub on_paste: Callback<String>,
    pub on_remove: Callback<usize>,
    pub on_built_in: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn SourcesPanel(props: &SourcesProps) -> Html {
    let url_ref = use_node_ref();
    let paste_ref = use_node_ref();
    let built_in_only = props.docs.len() == 1 && props.docs[0].kind == DocKind::BuiltIn;

    let on_submit_url = {
        let (url_ref, cb) = (url_ref.clone(), props.on_url.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = url_ref.cast::<web_sys::HtmlInputElement>() {
                let v = input.value().trim().to_string();
                if !v.is_empty() {
                    cb.emit(v);
                    input.set_value("");
                }
            }
        })
    };
    let on_change_files = {
        let cb = props.on_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(files) = input.files() {
                    cb.emit(files);
                }
                input.set_value("");
            }
        })
    };
    let on_submit_paste = {
        let (paste_ref, cb) = (paste_ref.clone(), props.on_paste.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = paste_ref.cast::<web_sys::HtmlTextAreaElement>() {
                let v = area.value();
                if !v.trim().is_empty() {
                    cb.emit(v);
                    area.set_value("");
                }
            }
        })
    };
    let summary = if built_in_only {
        "Notes: the built-in 2024 notes".to_string()
    } else {
        format!(
            "Notes: {} document{}",
            props.docs.len(),
            if props.docs.len() == 1 { "" } else { "s" }
        )
    };

    html! {
        <section class="sources" aria-label="Notes sources">
            <details>
                <summary>{ summary }<span class="more">{ " · load other notes" }</span></summary>
                <ul class="doc-list">
                    { for props.docs.iter().enumerate().map(|(i, d)| {
                        let remove = props.on_remove.clone();
                        let label = match d.kind {
                            DocKind::BuiltIn => "built-in",
                            DocKind::Url => "from a URL",
                            DocKind::File => "file",
                            DocKind::Paste => "pasted",
                        };
                        html! {
                            <li>
                                <span class="doc-name" title={d.name.clone()}>{ short_name(&d.name).to_string() }</span>
                                <span class="doc-kind">{ label }</span>
                                if props.docs.len() > 1 {
                                    <button type="button" class="link-button" aria-label={format!("Remove {}", short_name(&d.name))}
                                        onclick={Callback::from(move |_| remove.emit(i))}>{ "remove" }</button>
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
            if !built_in_only {
                <button type="button" class="built-in" onclick={props.on_built_in.reform(|_| ())}>{ "Show the built-in notes" }</button>
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
                    <p class="kept">{ "Nothing already shown was removed; the timeline keeps what loaded." }</p>
                    <button type="button" class="link-button" onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
                </div>
            }
        </section>
    }
}
