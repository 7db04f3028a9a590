//! The document itself: the "ready" mark, scrolling to a meeting, the
//! colour theme and the view's name on `<html>`, waiting for a painted
//! frame, and the clipboard.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Marks the page as running (`<html data-app="ready">`): the prerendered
/// page looks the same before, but does not respond yet.
pub fn mark_ready() {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// Scrolls the element with this id into view, if it is on the page and
/// shown. Embedded, the host page scrolls instead (the frame has no
/// scrollbar of its own), so it is told where the element is.
pub fn scroll_to(id: &str) -> bool {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return false;
    };
    if el.closest("[hidden]").ok().flatten().is_some() {
        return false;
    }
    if super::embed::embedded() {
        super::embed::scroll_parent_to(el);
    } else {
        el.scroll_into_view();
    }
    true
}

/// Whether the reader's device has no hover (a touch screen).
pub fn no_hover() -> bool {
    gloo::utils::window()
        .match_media("(hover: none)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// A performance mark (`racklet:fetched`, `racklet:parsed`,
/// `racklet:hydrated`, `racklet:archive-rendered`): what benchmarks and real-user monitoring
/// read to time the page's start.
pub fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// What the page shows, on `<html data-view>`: `timeline`, `links`,
/// `person` or `topic` (for styles, tests and embedding pages).
pub fn set_view(view: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-view", view);
    }
}

/// Scrolls the page to its top (a new page was opened inside the app).
pub fn scroll_to_top() {
    if !super::embed::embedded() {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// `light` or `dark` on `<html data-theme>`; `None` leaves the choice to
/// the reader's system (`prefers-color-scheme`).
pub fn set_theme(theme: Option<&str>) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = match theme {
        Some(t @ ("light" | "dark")) => root.set_attribute("data-theme", t),
        _ => root.remove_attribute("data-theme"),
    };
}

/// Resolves once the browser has painted a frame (a timeout queued from an
/// animation frame runs after that frame's paint).
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let tick = Closure::once_into_js(move || {
            let _ =
                gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = gloo::utils::window().request_animation_frame(tick.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Puts `text` on the clipboard; false where the browser refuses (no
/// permission, an insecure origin), so the page can offer it to copy by hand.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
