//! The page URL: its query pairs, history entries written for a changed
//! view, the `src` documents, and the `#fragment`.

use wasm_bindgen::JsValue;

use crate::url::OURS;

/// Query pairs of the current page URL.
pub fn current_pairs() -> Vec<(String, String)> {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|search| pairs_of(&search))
        .unwrap_or_default()
}

/// Query pairs of a query string (`?view=person&person=x`).
pub fn pairs_of(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
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

/// The query string as it is (`?person=x`, or empty).
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The last value of a query parameter.
pub fn param(key: &str) -> Option<String> {
    current_pairs()
        .into_iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// Puts `pairs` in place of the parameters the view owns, as a new history
/// entry (`push`) or in place; other parameters and the fragment stay.
pub fn write_query(pairs: &[(String, String)], push: bool) {
    edit_query(push, |params| {
        for key in OURS {
            params.delete(key);
        }
        for (k, v) in pairs {
            params.append(k, v);
        }
    });
}

/// Records the documents loaded from URLs in `src` parameters (a new
/// history entry), so the view can be shared.
pub fn set_sources(srcs: &[String]) {
    edit_query(true, |params| {
        params.delete("src");
        for s in srcs {
            params.append("src", s);
        }
    });
}

fn edit_query(push: bool, edit: impl FnOnce(&web_sys::UrlSearchParams)) {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    let params = url.search_params();
    edit(&params);
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    let next = url.href();
    if next == href {
        return;
    }
    let Ok(h) = window.history() else { return };
    let _ = if push {
        h.push_state_with_url(&JsValue::NULL, "", Some(&next))
    } else {
        h.replace_state_with_url(&JsValue::NULL, "", Some(&next))
    };
}

/// The `src` parameters of the page URL, resolved against it.
pub fn sources() -> Vec<String> {
    current_pairs()
        .into_iter()
        .filter(|(k, v)| k == "src" && !v.trim().is_empty())
        .map(|(_, v)| absolute(v.trim()))
        .collect()
}

/// `src=notes.md` is relative to the page; `builtin` names the archive.
pub fn absolute(src: &str) -> String {
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

/// The URL fragment (`2024-05-14`), decoded, if there is one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return None;
    }
    Some(
        js_sys::decode_uri_component(id)
            .map(String::from)
            .unwrap_or_else(|_| id.to_string()),
    )
}
