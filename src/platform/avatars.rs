//! Avatars in the timeline load when their card comes near the screen:
//! cards render `<span class="avatar" data-src>`, and one
//! IntersectionObserver adds the `<img>` for the cards it sees. One
//! capturing listener hides any avatar that fails to load (offline,
//! blocked), leaving its initials.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Loads avatars of cards within a screen or so of the viewport. Returns
/// what must be kept alive; dropping it stops watching.
pub fn load_near_screen() -> Option<Box<dyn std::any::Any>> {
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: IntersectionObserver| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let body = entry.target();
                observer.unobserve(&body);
                let doc = gloo::utils::document();
                if let Ok(list) = body.query_selector_all(".avatar[data-src]") {
                    for i in 0..list.length() {
                        let Some(avatar) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                            continue;
                        };
                        let (Some(src), Ok(img)) = (avatar.get_attribute("data-src"), doc.create_element("img")) else {
                            continue;
                        };
                        let _ = avatar.remove_attribute("data-src");
                        let _ = img.set_attribute("alt", "");
                        let _ = img.set_attribute("src", &src);
                        let _ = avatar.append_child(&img);
                    }
                }
            }
        },
    );
    let init = IntersectionObserverInit::new();
    init.set_root_margin("800px 0px");
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    if let Ok(list) = gloo::utils::document().query_selector_all(".meeting-body") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                observer.observe(&el);
            }
        }
    }
    /// Disconnects the observer before its callback is freed.
    struct Watch(
        IntersectionObserver,
        #[allow(dead_code)] Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
    );
    impl Drop for Watch {
        fn drop(&mut self) {
            self.0.disconnect();
        }
    }
    Some(Box::new(Watch(observer, callback)))
}

/// Hides avatar images that fail to load, page-wide (error events do not
/// bubble, so the listener captures), and those that failed already: the
/// prerendered page's images start loading before the app runs.
pub fn hide_failed() -> gloo::events::EventListener {
    if let Ok(list) = gloo::utils::document().query_selector_all(".avatar img") {
        for i in 0..list.length() {
            if let Some(img) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlImageElement>().ok())
            {
                if img.complete() && img.natural_width() == 0 {
                    img.set_hidden(true);
                }
            }
        }
    }
    let options = gloo::events::EventListenerOptions {
        phase: gloo::events::EventListenerPhase::Capture,
        passive: true,
    };
    gloo::events::EventListener::new_with_options(&gloo::utils::document(), "error", options, |e| {
        let Some(img) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        if img.tag_name() == "IMG" && img.closest(".avatar").ok().flatten().is_some() {
            img.set_hidden(true);
        }
    })
}
