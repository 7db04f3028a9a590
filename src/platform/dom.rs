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
/// animation frame runs after that frame's paint), or after `ms` at the
/// latest: a hidden page (a background tab, an iframe out of view) may
/// paint no frame for a long time.
pub async fn after_paint_or(ms: Option<i32>) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        if let Some(ms) = ms {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
        }
        let later = window.clone();
        let tick = Closure::once_into_js(move || {
            let _ = later.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(tick.unchecked_ref());
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

/// Sends `s` to the browser once; later uses of the same text are a
/// lookup. (Only in the browser: the prerender has no JavaScript to send to.)
pub fn intern(s: &str) {
    if cfg!(target_arch = "wasm32") {
        wasm_bindgen::intern(s);
    }
}

/// Class names and labels every card repeats.
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
const REPEATED: &[&str] = &[
    "true",
    "avatar s24",
    "avatar s20",
    "_blank",
    "ext web",
    "ext",
    "person person-link",
    "recap",
    "recap-head",
    "recap-name person-link",
    "label",
    "section-head",
    "meeting-body",
    "anchor",
    "location",
    "meeting-head",
    "meeting-title",
    "Link to this meeting",
    "meta",
    "time",
    "zone",
    "hidden",
    "took-part",
    "held",
    "skipped",
    "planned",
    "meeting held",
    "meeting skipped",
    "meeting planned",
    "Participants",
    "participants",
    "hosts",
    "section recaps",
    "section discussion",
    "section other",
    "month",
    "month-head",
    "cards",
    "Host",
    "Where",
    "Agenda",
    "your time, UTC",
    "p",
    "code",
    "when-unfiltered",
    "group",
    "group-head",
    // What a filter switches.
    "context",
    "filtered",
    "data-meeting-date",
];

/// Sends the strings the timeline repeats thousands of times (class names,
/// people's names and avatars, places) to the browser
/// once: every later use is a lookup instead of a UTF-8 decode, which was
/// a quarter of rendering a long archive.
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
pub fn intern_repeated(notes: &notes::model::Notes) {
    for s in REPEATED {
        intern(s);
    }
    for p in &notes.people {
        intern(p.display_name());
        intern(&p.initials());
        intern(&p.slug);
        intern(&crate::components::people::person_href(p));
        if let Some(h) = p.handle() {
            for size in [40, 48] {
                intern(&format!("https://github.com/{h}.png?size={size}"));
            }
        }
    }
    for m in &notes.meetings {
        for l in &m.locations {
            intern(l);
        }
    }
}

/// Stops [`when_idle`]'s work when dropped.
pub struct Idle(std::rc::Rc<std::cell::Cell<bool>>);

impl Drop for Idle {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

type IdleStep = std::rc::Rc<std::cell::RefCell<dyn FnMut(&dyn Fn() -> f64) -> bool>>;

/// Runs `step` while the browser is idle, again and again until it returns
/// true (done). `step` is given the milliseconds left of the idle period,
/// and stops when they run low. Where there is no `requestIdleCallback`
/// (Safari), each step gets 5 ms after a timeout.
pub fn when_idle(step: impl FnMut(&dyn Fn() -> f64) -> bool + 'static) -> Idle {
    let stop = std::rc::Rc::new(std::cell::Cell::new(false));
    schedule_idle(std::rc::Rc::new(std::cell::RefCell::new(step)), stop.clone());
    Idle(stop)
}

fn schedule_idle(step: IdleStep, stop: std::rc::Rc<std::cell::Cell<bool>>) {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let now = || gloo::utils::window().performance().map_or(0.0, |p| p.now());
    let run = wasm_bindgen::closure::Closure::once_into_js(move |deadline: wasm_bindgen::JsValue| {
        if stop.get() {
            return;
        }
        let deadline = deadline.dyn_into::<web_sys::IdleDeadline>().ok();
        let start = now();
        let left = || {
            deadline
                .as_ref()
                .map_or_else(|| 5.0 - (now() - start), |d| d.time_remaining())
        };
        let done = (step.borrow_mut())(&left);
        if !done {
            schedule_idle(step, stop);
        }
    });
    if window.request_idle_callback(run.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 20);
    }
}
