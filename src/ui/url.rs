//! The page URL as the home of the filter state: `?person=…&topic=…&q=…`
//! (plus `order=oldest`), so a view can be shared, and Back/Forward step
//! through filter changes. Other parameters and the `#meeting` fragment
//! are left as they are.

use crate::model::Notes;
use crate::query::{from_query, to_query, Filter};
use crate::ui::state::{History, Order, Tab};

const OURS: [&str; 5] = ["person", "topic", "q", "order", "view"];

/// Query pairs of the current page URL.
pub fn current_pairs() -> Vec<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        let Ok(search) = window.location().search() else {
            return Vec::new();
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return Vec::new();
        };
        let mut pairs = Vec::new();
        for entry in js_sys::try_iter(&params).ok().flatten().into_iter().flatten() {
            let Ok(entry) = entry else { continue };
            let arr = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (arr.get(0).as_string(), arr.get(1).as_string()) {
                pairs.push((k, v));
            }
        }
        pairs
    }
    #[cfg(not(target_arch = "wasm32"))]
    Vec::new()
}

/// The filter, order and tab in `pairs`, with names that matched nothing.
pub fn read(notes: &Notes, pairs: &[(String, String)]) -> (Filter, Vec<String>, Order, Tab) {
    let (filter, unknown) = from_query(notes, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let order = match pairs.iter().rev().find(|(k, _)| k == "order").map(|(_, v)| v.as_str()) {
        Some("oldest") => Order::OldestFirst,
        _ => Order::NewestFirst,
    };
    let tab = match pairs.iter().rev().find(|(k, _)| k == "view").map(|(_, v)| v.as_str()) {
        Some("links") => Tab::Links,
        _ => Tab::Timeline,
    };
    (filter, unknown, order, tab)
}

/// Writes the filter into the URL as a new history entry or in place.
pub fn write(notes: &Notes, filter: &Filter, order: Order, tab: Tab, history: History) {
    if history == History::FromUrl {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return };
        let Ok(href) = window.location().href() else { return };
        let Ok(url) = web_sys::Url::new(&href) else { return };
        let params = url.search_params();
        for key in OURS {
            params.delete(key);
        }
        for (k, v) in to_query(notes, filter) {
            params.append(k, &v);
        }
        if order == Order::OldestFirst {
            params.append("order", "oldest");
        }
        if tab == Tab::Links {
            params.append("view", "links");
        }
        let search = params.to_string().as_string().unwrap_or_default();
        url.set_search(&search);
        let next = url.href();
        if next == href {
            return;
        }
        let Ok(h) = window.history() else { return };
        let state = wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => h.push_state_with_url(&state, "", Some(&next)),
            _ => h.replace_state_with_url(&state, "", Some(&next)),
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (notes, filter, order, tab, OURS, to_query);
}

/// The `src` parameters of the page URL, resolved against it.
pub fn sources() -> Vec<String> {
    current_pairs()
        .into_iter()
        .filter(|(k, v)| k == "src" && !v.trim().is_empty())
        .map(|(_, v)| absolute(v.trim()))
        .collect()
}

/// `src=notes.md` is relative to the page; `builtin` names the built-in notes.
pub fn absolute(src: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if src == "builtin" {
            return src.to_string();
        }
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        web_sys::Url::new_with_base(src, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| src.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    src.to_string()
}

/// Records the documents loaded from URLs in `src` parameters (a new
/// history entry), so the view can be shared.
pub fn set_sources(srcs: &[String]) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return };
        let Ok(href) = window.location().href() else { return };
        let Ok(url) = web_sys::Url::new(&href) else { return };
        let params = url.search_params();
        params.delete("src");
        for s in srcs {
            params.append("src", s);
        }
        url.set_search(&params.to_string().as_string().unwrap_or_default());
        if url.href() != href {
            if let Ok(h) = window.history() {
                let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = srcs;
}
