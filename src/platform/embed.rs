//! Running inside another page (`?embed=1`): the host's iframe is sized to
//! our content, mirrors our query and fragment in its own URL, scrolls
//! itself to the meeting we show, and tells us its colour theme. All of it
//! is `postMessage` with `{type: "racklet-timeline:…"}` objects; the host's
//! side is `docs/embed-snippet.html`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::location;

/// Whether the page runs embedded (`?embed=1`).
pub fn embedded() -> bool {
    location::param("embed").is_some_and(|v| v != "0")
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    // The host page is any origin that embeds us; nothing private is sent.
    let _ = parent.post_message(&msg, "*");
}

/// Tells the host the current query and fragment.
pub fn tell_parent_state() {
    if !embedded() {
        return;
    }
    let location = gloo::utils::window().location();
    let (Ok(search), Ok(hash)) = (location.search(), location.hash()) else {
        return;
    };
    post(
        "racklet-timeline:state",
        &[("search", search.into()), ("hash", hash.into())],
    );
}

/// Asks the host to scroll to `el`, and asks again while the cards around it
/// are painted for the first time: until then their heights are estimates
/// (`content-visibility`), and the host page cannot anchor its scroll to
/// content inside our frame. Stops once the spot has held for 20 frames, or
/// after 90.
pub fn scroll_parent_to(el: web_sys::Element) {
    settle(el, f64::NAN, 0, 0);
}

fn settle(el: web_sys::Element, sent: f64, frames: u32, stable: u32) {
    let top = el.get_bounding_client_rect().top() + gloo::utils::window().scroll_y().unwrap_or(0.0);
    let (sent, stable) = if sent.is_nan() || (top - sent).abs() > 1.0 {
        post("racklet-timeline:scroll", &[("top", top.into())]);
        (top, 0)
    } else {
        (sent, stable + 1)
    };
    if frames < 90 && stable < 20 {
        let next = Closure::once_into_js(move || settle(el, sent, frames + 1, stable));
        let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
    }
}

/// Reports the content height to the host whenever it changes, so its
/// iframe fits the timeline without a scrollbar. Dropping the returned
/// value stops it.
pub fn report_height() -> Box<dyn std::any::Any> {
    let doc = gloo::utils::document();
    let _ = doc.document_element().map(|el| el.class_list().add_1("embed"));
    let send = || {
        // The body's height, not the viewport's: the frame follows content.
        let height = gloo::utils::document().body().map(|b| b.scroll_height()).unwrap_or(0);
        post("racklet-timeline:height", &[("height", height.into())]);
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
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

/// Calls `on_theme` with `"light"` or `"dark"` whenever the host page says
/// its theme changed.
pub fn listen_theme(on_theme: impl Fn(String) + 'static) -> gloo::events::EventListener {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten();
    gloo::events::EventListener::new(&window, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        // Only the page that embeds us may set our theme.
        let from_parent = match (e.source(), &parent) {
            (Some(src), Some(p)) => JsValue::from(src) == JsValue::from(p.clone()),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let data = e.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if field("type").as_deref() == Some("racklet-timeline:theme") {
            if let Some(theme @ ("light" | "dark")) = field("theme").as_deref() {
                on_theme(theme.to_string());
            }
        }
    })
}
