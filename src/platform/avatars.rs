//! Avatars in the timeline load when their card comes near the screen.
//! A card's person links carry `data-initials` and `data-src`, and CSS
//! draws the avatar before the name: initials on a circle, and the image
//! over them once it has loaded. One IntersectionObserver watches the
//! cards; each distinct image is loaded once, off the page, and given to
//! every link waiting for it, so an image that fails (offline, blocked)
//! leaves the initials. The few avatars shown alone (filter chips, a
//! person's page) are `<img>`s: one capturing listener hides those that
//! fail to load.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlImageElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

/// An image's state, by URL.
enum Image {
    /// Loading, with the links that wait for it.
    Loading(Vec<HtmlElement>),
    Loaded,
    Failed,
}

thread_local! {
    /// By URL: a list, as an archive has a few dozen people.
    static IMAGES: RefCell<Vec<(String, Image)>> = const { RefCell::new(Vec::new()) };
}

fn image<'a>(images: &'a mut [(String, Image)], src: &str) -> Option<&'a mut Image> {
    images.iter_mut().find(|(s, _)| s == src).map(|(_, i)| i)
}

/// Puts the image under `--avatar`, which the CSS draws over the initials.
fn picture(link: &HtmlElement, src: &str) {
    // GitHub handles are letters, digits and hyphens; escaped all the same.
    let url = format!("url(\"{}\")", src.replace('\\', "\\\\").replace('"', "\\\""));
    let _ = link.style().set_property("--avatar", &url);
}

/// Shows `link`'s avatar image once it has loaded (at once if it has).
fn show(link: HtmlElement, src: String) {
    IMAGES.with(|images| {
        let mut images = images.borrow_mut();
        match image(&mut images, &src) {
            Some(Image::Loaded) => picture(&link, &src),
            Some(Image::Failed) => {}
            Some(Image::Loading(waiting)) => waiting.push(link),
            None => {
                let Ok(img) = HtmlImageElement::new() else { return };
                let done = |ok: bool, src: String| {
                    move || {
                        IMAGES.with(|images| {
                            let state = if ok { Image::Loaded } else { Image::Failed };
                            let mut images = images.borrow_mut();
                            let before = image(&mut images, &src).map(|i| std::mem::replace(i, state));
                            drop(images);
                            if let (true, Some(Image::Loading(waiting))) = (ok, before) {
                                for link in waiting {
                                    picture(&link, &src);
                                }
                            }
                        })
                    }
                };
                let onload = Closure::once_into_js(done(true, src.clone()));
                let onerror = Closure::once_into_js(done(false, src.clone()));
                img.set_onload(Some(onload.unchecked_ref()));
                img.set_onerror(Some(onerror.unchecked_ref()));
                img.set_src(&src);
                images.push((src, Image::Loading(vec![link])));
            }
        }
    });
}

/// Loads the avatars of the person links inside `root` now (a topic's
/// page lists who talked about it; cards wait to come near the screen).
pub fn load_in(root: &Element) {
    let Ok(list) = root.query_selector_all("[data-src]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(link) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        if let Some(src) = link.get_attribute("data-src") {
            let _ = link.remove_attribute("data-src");
            show(link, src);
        }
    }
}

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
                load_in(&body);
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

/// Hides the chips' and pages' avatar images that fail to load, page-wide
/// (error events do not bubble, so the listener captures), and those that
/// failed already: the prerendered page's images start loading before the
/// app runs.
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
