//! Page-wide listeners: Back/Forward, fragment changes, hover coming and
//! going, the `/` shortcut and pasting notes anywhere outside a field. Each returns the listener;
//! dropping it stops listening.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Back/Forward moved through the history entries we wrote.
pub fn on_popstate(f: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| f())
}

/// The device gained or lost hover (a tablet docked to a keyboard and a
/// mouse, or the emulation in a test): calls `f` with whether hover is gone.
pub fn on_hover_change(f: impl Fn(bool) + 'static) -> Option<EventListener> {
    let query = gloo::utils::window().match_media("(hover: none)").ok().flatten()?;
    let target = query.clone();
    Some(EventListener::new(&target, "change", move |_| f(query.matches())))
}

/// The `#fragment` changed (a chart cell, a ribbon mark, a typed anchor).
pub fn on_hashchange(f: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| f())
}

fn is_field(target: Option<web_sys::EventTarget>, tags: &[&str]) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| tags.contains(&el.tag_name().as_str()) || el.is_content_editable())
}

/// `/` focuses the search box, unless typed into a field.
pub fn on_slash(search: NodeRef) -> EventListener {
    // Not passive: the slash must not also be typed into the search box.
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if is_field(e.target(), &["INPUT", "TEXTAREA", "SELECT"]) {
            return;
        }
        if let Some(input) = search.cast::<web_sys::HtmlInputElement>() {
            e.prevent_default();
            let _ = input.focus();
            input.select();
        }
    })
}

/// Text pasted anywhere but into a field, if it has meeting headings.
pub fn on_paste_notes(f: impl Fn(String) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::document(), "paste", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        if is_field(e.target(), &["INPUT", "TEXTAREA"]) {
            return;
        }
        let text = e
            .clipboard_data()
            .and_then(|c| c.get_data("text/plain").ok())
            .unwrap_or_default();
        if notes::parse::has_meetings(&text, "") {
            f(text);
        }
    })
}
