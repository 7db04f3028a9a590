//! Link preview cards. One card for the whole page, driven by delegated
//! events (no listener per link): it opens 300 ms after the pointer rests
//! on an external link, at once on keyboard focus, or on a tap of the small
//! preview button beside a link on touch screens; it stays while the
//! pointer is over it and closes on Esc, blur or leaving. It sits below the
//! link (above when there is no room), inside the viewport, never over it.
//!
//! Tier 2 (`previews.json`) is fetched the first time a card opens; tier 3
//! (GitHub) only for the link being previewed, cached in localStorage.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::prelude::*;

use notes::links::LinkKind;
use notes::preview::{compose, live_path, Live};
use notes::previews::PreviewEntry;

pub const CARD_ID: &str = "link-preview";

/// Where the link sits, in page coordinates, and the viewport size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Anchor {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub scroll_y: f64,
    pub scroll_x: f64,
    pub view_w: f64,
    pub view_h: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PreviewState {
    pub open: Option<(String, Anchor)>,
    pub tier2: Option<Rc<HashMap<String, PreviewEntry>>>,
    /// Fetched this session, by API path (a list: a reader hovers a few
    /// dozen links at most, and a map's code costs more wasm).
    pub live: Vec<(String, Live)>,
    /// API paths that failed this session: not asked again.
    pub failed: Vec<String>,
}

// Made by the browser listeners only.
pub enum PreviewAction {
    Show(String, Anchor),
    Hide,
    Tier2(Rc<HashMap<String, PreviewEntry>>),
    Live(String, Live),
    LiveFailed(String),
}

impl Reducible for PreviewState {
    type Action = PreviewAction;

    fn reduce(self: Rc<Self>, action: PreviewAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PreviewAction::Show(url, anchor) => next.open = Some((url, anchor)),
            PreviewAction::Hide => {
                if self.open.is_none() {
                    return self;
                }
                next.open = None
            }
            PreviewAction::Tier2(map) => next.tier2 = Some(map),
            PreviewAction::Live(path, live) => {
                next.live.retain(|(p, _)| *p != path);
                next.live.push((path, live));
            }
            PreviewAction::LiveFailed(path) => {
                if !next.failed.contains(&path) {
                    next.failed.push(path);
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PreviewLayerProps {
    /// Whether tier 3 may ask GitHub.
    pub live_enabled: bool,
}

const CARD_W: f64 = 360.0;
/// Room a card needs below its link before it goes above instead.
const CARD_H: f64 = 260.0;

#[component]
pub fn PreviewLayer(props: &PreviewLayerProps) -> Html {
    let state = use_reducer(PreviewState::default);
    let card_ref = use_node_ref();
    {
        let d = state.dispatcher();
        let card_ref = card_ref.clone();
        use_effect_with((), move |_| {
            let listeners = browser::listen(d, card_ref);
            move || drop(listeners)
        });
    }
    {
        // Fetch what the open card could use: tier 2 once, tier 3 per link.
        let open = state.open.as_ref().map(|(u, _)| u.clone());
        let (s, d, live_enabled) = (state.clone(), state.dispatcher(), props.live_enabled);
        use_effect_with(open, move |open| {
            if let Some(url) = open {
                browser::ensure_tier2(&s, d.clone());
                if live_enabled {
                    browser::ensure_live(&s, d, url);
                }
            }
        });
    }
    let Some((url, anchor)) = &state.open else {
        return html! { <div id={CARD_ID} class="preview-card" role="tooltip" hidden=true ref={card_ref}></div> };
    };
    let tier2 = state.tier2.as_ref().and_then(|m| m.get(url));
    let kind = notes::links::classify(url);
    let live = live_path(&kind).and_then(|p| state.live.iter().find(|(q, _)| *q == p).map(|(_, l)| l));
    let card = compose(url, tier2, live);

    // Below the link if there is room, else above it; inside the viewport.
    let width = CARD_W.min(anchor.view_w - 16.0).max(120.0);
    // max/min, not clamp: clamp's NaN assertion formats floats, which
    // would pull float printing into the wasm.
    let left = anchor.left.max(8.0).min((anchor.view_w - width - 8.0).max(8.0)) + anchor.scroll_x;
    let room_below = anchor.view_h - anchor.bottom;
    let above = room_below < CARD_H && anchor.top > room_below;
    // Whole pixels as integers: float formatting would add to the wasm, and
    // so would an integer type formatted nowhere else (i32 is, for years).
    let (left, width) = (left as i32, width as i32);
    let style = if above {
        let top = (anchor.top + anchor.scroll_y - 6.0) as i32;
        format!("left:{left}px;top:{top}px;width:{width}px;transform:translateY(-100%)")
    } else {
        let top = (anchor.bottom + anchor.scroll_y + 6.0) as i32;
        format!("left:{left}px;top:{top}px;width:{width}px")
    };
    let onerror = Callback::from(|e: Event| {
        if let Some(img) = e.target_dyn_into::<web_sys::Element>() {
            let _ = img.set_attribute("hidden", "");
        }
    });
    let video = matches!(card.kind, LinkKind::YouTube { .. });
    let meta: Vec<String> = [
        card.stars.map(|s| format!("★ {s}")),
        card.language.clone(),
        card.state.map(|s| s.label().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();

    html! {
        <div id={CARD_ID} class={classes!("preview-card", above.then_some("above"))} role="tooltip" ref={card_ref}
             style={style} data-kind={card.kind.slug()} data-tier={card.tier.to_string()}>
            if let Some(img) = &card.image {
                <img class={classes!("pc-image", video.then_some("video"))} src={img.clone()} alt="" loading="lazy"
                     referrerpolicy="no-referrer" {onerror} />
            }
            <div class="pc-body">
                <p class="pc-kind">{ card.kind.label() }<span class="pc-site">{ format!(" · {}", card.site) }</span></p>
                <p class="pc-title">{ card.title.clone() }</p>
                if let Some(s) = &card.subtitle { <p class="pc-sub">{ s.clone() }</p> }
                if let Some(d) = &card.description { <p class="pc-desc">{ d.clone() }</p> }
                if !meta.is_empty() {
                    <p class={classes!("pc-meta", card.state.map(|s| s.label()))}>{ meta.join(" · ") }</p>
                }
                <p class="pc-url">{ card.url.clone() }</p>
            </div>
        </div>
    }
}

mod browser {
    use super::*;
    use crate::platform::fetch;
    use notes::preview::GithubAnswer;
    use notes::previews::{PreviewFile, PREVIEW_FILE_VERSION};

    pub fn listen(d: UseReducerDispatcher<PreviewState>, card: NodeRef) -> Vec<gloo::events::EventListener> {
        use std::cell::RefCell;

        use gloo::events::EventListener;
        use gloo::timers::callback::Timeout;
        use wasm_bindgen::JsCast;

        /// Timers and the link currently described by the card.
        #[derive(Default)]
        struct Shared {
            show: Option<Timeout>,
            hide: Option<Timeout>,
            link: Option<web_sys::Element>,
        }
        let shared = Rc::new(RefCell::new(Shared::default()));

        fn link_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
            let el = target?.dyn_into::<web_sys::Element>().ok()?;
            // Web links are marked when rendered (the notes' model decided
            // what is one): no second look at the URL here.
            let link = el.closest("a.web").ok()??;
            link.closest(".preview-card").ok().flatten().is_none().then_some(link)
        }
        fn in_card(target: Option<web_sys::EventTarget>) -> bool {
            target
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".preview-card").ok().flatten())
                .is_some()
        }
        let show_now = {
            let (d, shared) = (d.clone(), shared.clone());
            move |link: web_sys::Element| {
                let Some(href) = link.get_attribute("href") else { return };
                let mut s = shared.borrow_mut();
                s.show = None;
                s.hide = None;
                if let Some(old) = s.link.take() {
                    let _ = old.remove_attribute("aria-describedby");
                }
                let rect = link.get_bounding_client_rect();
                let w = gloo::utils::window();
                let num = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                let anchor = Anchor {
                    top: rect.top(),
                    bottom: rect.bottom(),
                    left: rect.left(),
                    scroll_y: w.scroll_y().unwrap_or(0.0),
                    scroll_x: w.scroll_x().unwrap_or(0.0),
                    view_w: num(w.inner_width()),
                    view_h: num(w.inner_height()),
                };
                let _ = link.set_attribute("aria-describedby", CARD_ID);
                s.link = Some(link);
                d.dispatch(PreviewAction::Show(href, anchor));
            }
        };
        let hide_now = {
            let (d, shared) = (d.clone(), shared.clone());
            move || {
                let mut s = shared.borrow_mut();
                s.show = None;
                s.hide = None;
                if let Some(old) = s.link.take() {
                    let _ = old.remove_attribute("aria-describedby");
                }
                d.dispatch(PreviewAction::Hide);
            }
        };
        // Leaving gives the pointer a moment to reach the card.
        let hide_soon = {
            let (shared, hide_now) = (shared.clone(), hide_now.clone());
            move || {
                let hide_now = hide_now.clone();
                shared.borrow_mut().hide = Some(Timeout::new(200, hide_now));
            }
        };

        let doc = gloo::utils::document();
        let mut out = Vec::new();
        {
            let (shared, show_now) = (shared.clone(), show_now.clone());
            out.push(EventListener::new(&doc, "mouseover", move |e| {
                if in_card(e.target()) {
                    shared.borrow_mut().hide = None;
                    return;
                }
                let Some(link) = link_of(e.target()) else { return };
                let mut s = shared.borrow_mut();
                if s.link.as_ref() == Some(&link) {
                    s.hide = None;
                    return;
                }
                let show_now = show_now.clone();
                s.show = Some(Timeout::new(300, move || show_now(link)));
            }));
        }
        {
            let (shared, hide_soon) = (shared.clone(), hide_soon.clone());
            out.push(EventListener::new(&doc, "mouseout", move |e| {
                let e = e.dyn_ref::<web_sys::MouseEvent>().expect("mouseout is a MouseEvent");
                let from_link = link_of(e.target());
                let from_card = in_card(e.target());
                if from_link.is_none() && !from_card {
                    return;
                }
                // Moving within the same link or card is not leaving it.
                if let Some(to) = e.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) {
                    let inside = |el: &web_sys::Element| el.contains(Some(&to));
                    if from_link.as_ref().is_some_and(inside) || (from_card && in_card(Some(to.clone().into()))) {
                        return;
                    }
                }
                shared.borrow_mut().show = None;
                if shared.borrow().link.is_some() {
                    hide_soon();
                }
            }));
        }
        {
            let show_now = show_now.clone();
            out.push(EventListener::new(&doc, "focusin", move |e| {
                if let Some(link) = link_of(e.target()) {
                    show_now(link);
                }
            }));
        }
        {
            let (shared, hide_now) = (shared.clone(), hide_now.clone());
            out.push(EventListener::new(&doc, "focusout", move |e| {
                if link_of(e.target()).is_some() && shared.borrow().link.is_some() {
                    hide_now();
                }
            }));
        }
        {
            let (shared, hide_now) = (shared.clone(), hide_now.clone());
            out.push(EventListener::new(&doc, "keydown", move |e| {
                let e = e
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .expect("keydown is a KeyboardEvent");
                if e.key() == "Escape" && shared.borrow().link.is_some() {
                    hide_now();
                }
            }));
        }
        {
            // The touch-screen button beside each link toggles its card.
            let (shared, show_now, hide_now) = (shared.clone(), show_now.clone(), hide_now.clone());
            out.push(EventListener::new(&doc, "click", move |e| {
                let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                    return;
                };
                let Some(button) = el.closest("button.peek").ok().flatten() else {
                    // A tap elsewhere closes an open card.
                    if !in_card(e.target()) && link_of(e.target()).is_none() && shared.borrow().link.is_some() {
                        hide_now();
                    }
                    return;
                };
                let Some(link) = button.previous_element_sibling() else {
                    return;
                };
                let open = shared.borrow().link.as_ref() == Some(&link);
                if open {
                    hide_now();
                } else {
                    show_now(link);
                }
            }));
        }
        {
            let hide_now = hide_now.clone();
            out.push(EventListener::new(&gloo::utils::window(), "resize", move |_| {
                hide_now()
            }));
        }
        let _ = card;
        out
    }

    /// Loads `previews.json` from beside the page, once; without it (or with
    /// a broken one) cards simply keep tier 1.
    pub fn ensure_tier2(state: &PreviewState, d: UseReducerDispatcher<PreviewState>) {
        thread_local!(static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        if state.tier2.is_some() || ASKED.with(|a| a.replace(true)) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            // Read with the same serde types `timeline previews` writes.
            let file: Option<PreviewFile> = fetch::json("previews.json", None).await;
            let map: HashMap<String, PreviewEntry> = file
                .filter(|f| f.version == PREVIEW_FILE_VERSION)
                .map(|f| f.links.into_iter().filter(|(_, e)| e.is_ok()).collect())
                .unwrap_or_default();
            d.dispatch(PreviewAction::Tier2(Rc::new(map)));
        });
    }

    /// Asks the GitHub API about the previewed link, unless it is cached,
    /// failed before, or is not a repository, issue or pull request. Rate
    /// limits (403/429) and network errors fall back silently.
    pub fn ensure_live(state: &PreviewState, d: UseReducerDispatcher<PreviewState>, url: &str) {
        use crate::platform::{clock, storage};
        thread_local!(static IN_FLIGHT: std::cell::RefCell<HashSet<String>> = Default::default());
        let kind = notes::links::classify(url);
        let Some(path) = live_path(&kind) else { return };
        if state.live.iter().any(|(p, _)| *p == path) || state.failed.contains(&path) {
            return;
        }
        let now = clock::now_ms();
        if let Some(live) = storage::cached_live(&path, now) {
            d.dispatch(PreviewAction::Live(path, live));
            return;
        }
        if !IN_FLIGHT.with(|f| f.borrow_mut().insert(path.clone())) {
            return;
        }
        // `?github_api=` points tests at a local fake of the API.
        let api = crate::platform::location::param("github_api")
            .map(|a| crate::platform::location::absolute(&a))
            .unwrap_or_else(|| "https://api.github.com".into());
        let request_url = format!("{}{}", api.trim_end_matches('/'), path);
        wasm_bindgen_futures::spawn_local(async move {
            let answer: Option<GithubAnswer> = fetch::json(&request_url, Some("application/vnd.github+json")).await;
            let answer = answer.map(|a| Live::from_answer(&kind, a));
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&path));
            match answer {
                Some(live) => {
                    storage::store_live(&path, &live, clock::now_ms());
                    d.dispatch(PreviewAction::Live(path, live));
                }
                None => d.dispatch(PreviewAction::LiveFailed(path)),
            }
        });
    }
}
