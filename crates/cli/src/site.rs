//! The release page, finished at build time with `lol_html`: the timeline
//! rendered into `index.html` (so readers, crawlers and people without
//! JavaScript see the notes before the wasm arrives), the notes preloaded
//! beside the wasm, feed links, and a Content-Security-Policy that allows
//! only Trunk's loader as inline script (by hash), no eval, and only the
//! hosts the sources, previews and avatars need.

use base64ct::{Base64, Encoding};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use sha2::{Digest, Sha256};

/// Image hosts of tier-1 previews and avatars.
const IMAGE_HOSTS: &[&str] = &[
    "https://github.com",
    "https://avatars.githubusercontent.com",
    "https://opengraph.githubassets.com",
    "https://i.ytimg.com",
];

/// Where the app may fetch from besides the sources: the GitHub API (live
/// previews) and the usual homes of raw Markdown a reader loads with `?src=`.
const CONNECT_HOSTS: &[&str] = &[
    "https://api.github.com",
    "https://raw.githubusercontent.com",
    "https://gist.githubusercontent.com",
    "https://hackmd.io",
];

/// Why a page could not be finished.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("no empty <div id=\"app\"> in the page (already prerendered?)")]
    NoAppElement,
    #[error("the page could not be rewritten: {0}")]
    Rewrite(#[from] lol_html::errors::RewritingError),
}

/// What goes into the page.
pub struct Page<'a> {
    /// The app rendered to HTML.
    pub app_html: &'a str,
    /// How many of the newest meetings `app_html` shows (the app renders
    /// the rest once running).
    pub first_paint: Option<usize>,
    /// When the notes `app_html` shows were fetched (their manifest's
    /// `fetched`): the app takes the page over only if it loads the same.
    pub notes_fetched: &'a str,
    /// Files the page loads at once: preloaded, so they arrive with the wasm.
    pub preload: &'a [String],
    /// Origins of the notes' sources (the page asks the current year again).
    pub source_origins: &'a [String],
    /// Origins of `og:image`s in previews.json.
    pub image_origins: &'a [String],
    /// `<link rel="alternate">` entries: (type, href, title).
    pub alternates: &'a [(&'a str, &'a str, &'a str)],
}

/// Finishes a built `index.html`: the app inside `<div id="app">`, the
/// loader deferred until the page has painted, preloads, feed links, and
/// the policy. A page finished before is finished again from scratch (what
/// this step added is marked `data-prerender` and replaced), so a built
/// site can be given other notes without rebuilding the wasm.
pub fn finish(index_html: &str, page: &Page<'_>) -> Result<String, SiteError> {
    let mut found_app = false;
    let mut script = String::new();
    let head_extra = head_links(page);
    let body = rewrite_str(
        index_html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("div#app", |el| {
                found_app = true;
                el.set_inner_content(page.app_html, ContentType::Html);
                if let Some(n) = page.first_paint {
                    el.set_attribute("data-first-paint", &n.to_string())?;
                }
                el.set_attribute("data-notes", page.notes_fetched)?;
                Ok(())
            }))
            // The wasm is not preloaded: the prerendered page paints first.
            .append_element_content_handler(element!(r#"link[rel="preload"][type="application/wasm"]"#, |el| {
                el.remove();
                Ok(())
            }))
            // What an earlier run added.
            .append_element_content_handler(element!("[data-prerender]", |el| {
                el.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("head", |el| {
                el.append(&head_extra, ContentType::Html);
                Ok(())
            }))
            // Trunk's loader waits for the first frame before it fetches the wasm.
            .append_element_content_handler(text!("script:not([src])", |chunk| {
                script.push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    let deferred = defer_loader(&script);
                    chunk.replace(&deferred, ContentType::Html);
                    script.clear();
                } else {
                    chunk.remove();
                }
                Ok(())
            })),
    )?;
    if !found_app {
        return Err(SiteError::NoAppElement);
    }
    let policy = csp(&inline_scripts(&body)?, page);
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}" data-prerender>"#);
    let mut placed = false;
    let done = rewrite_str(
        &body,
        // Right after the charset (which must come first), before anything the policy covers.
        RewriteStrSettings::new().append_element_content_handler(element!("meta[charset]", |el| {
            if !placed {
                el.after(&meta, ContentType::Html);
                placed = true;
            }
            Ok(())
        })),
    )?;
    Ok(done)
}

fn head_links(page: &Page<'_>) -> String {
    let mut out = String::new();
    for href in page.preload {
        // `crossorigin` matches the fetch() the app makes, so the preload is used.
        out.push_str(&format!(
            "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin data-prerender>",
            escape_attr(href)
        ));
    }
    for (kind, href, title) in page.alternates {
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"{}\" href=\"{}\" title=\"{}\" data-prerender>",
            escape_attr(kind),
            escape_attr(href),
            escape_attr(title)
        ));
    }
    out
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// Makes Trunk's loader wait for a painted frame before it fetches and runs
/// the wasm; other scripts are left as they are.
fn defer_loader(script: &str) -> String {
    const INIT: &str = "const wasm = await init(";
    const WAIT: &str = "await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n";
    match script.find(INIT) {
        Some(at) if !script.contains(WAIT) => format!("{}{WAIT}{}", &script[..at], &script[at..]),
        _ => script.to_string(),
    }
}

/// The contents of inline `<script>` elements (those without `src`).
pub fn inline_scripts(html: &str) -> Result<Vec<String>, SiteError> {
    let mut scripts = Vec::new();
    let mut current = String::new();
    rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(text!("script:not([src])", |chunk| {
            current.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                scripts.push(std::mem::take(&mut current));
            }
            Ok(())
        })),
    )?;
    Ok(scripts)
}

/// The policy for a page whose inline scripts are `scripts`.
fn csp(scripts: &[String], page: &Page<'_>) -> String {
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| format!("'sha256-{}'", Base64::encode_string(&Sha256::digest(s.as_bytes()))))
        .collect();
    let join = |fixed: &[&str], extra: &[String]| {
        let mut all: Vec<String> = fixed.iter().map(|h| h.to_string()).collect();
        for h in extra {
            if !all.contains(h) {
                all.push(h.clone());
            }
        }
        all.join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; style-src-attr 'unsafe-inline'; \
         img-src 'self' data: {}; connect-src 'self' {}; object-src 'none'; base-uri 'self'; form-action 'none'",
        hashes.join(" "),
        join(IMAGE_HOSTS, page.image_origins),
        join(CONNECT_HOSTS, page.source_origins)
    )
}

/// The `scheme://host[:port]` of each http(s) URL, for the policy.
pub fn origins<'a>(urls: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for url in urls {
        let Ok(parsed) = url::Url::parse(url) else { continue };
        if !matches!(parsed.scheme(), "http" | "https") {
            continue;
        }
        let Some(host) = parsed.host_str() else { continue };
        // Only plain host names: nothing that could close the attribute or widen the policy.
        if !host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)) {
            continue;
        }
        let origin = match parsed.port() {
            Some(port) => format!("{}://{host}:{port}", parsed.scheme()),
            None => format!("{}://{host}", parsed.scheme()),
        };
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    out
}

/// How many of the newest meetings the prerendered page shows: the latest
/// year's, and at least a dozen (early in a year, the last of the year
/// before too).
pub fn first_paint(notes: &notes::model::Notes) -> usize {
    use chrono::Datelike;
    let Some(last) = notes.meetings.last() else { return 0 };
    let year = last.date.year();
    let in_year = notes.meetings.iter().filter(|m| m.date.year() == year).count();
    in_year.max(12).min(notes.meetings.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<link rel="preload" href="app_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module">import init from './app.js';
const wasm = await init('./app_bg.wasm');
</script></head><body><div id="app"></div></body></html>"#;

    fn page<'a>(app: &'a str, preload: &'a [String]) -> Page<'a> {
        Page {
            app_html: app,
            first_paint: Some(12),
            notes_fetched: "2026-12-03T02:12:28Z",
            preload,
            source_origins: &[],
            image_origins: &[],
            alternates: &[("application/atom+xml", "feed.xml", "Meetings")],
        }
    }

    #[test]
    fn the_app_goes_into_its_element_and_the_loader_waits_for_a_frame() {
        let preload = vec!["notes/manifest.json".to_string()];
        let done = finish(INDEX, &page("<p>hi</p>", &preload)).unwrap();
        assert!(
            done.contains(r#"<div id="app" data-first-paint="12" data-notes="2026-12-03T02:12:28Z"><p>hi</p></div>"#),
            "{done}"
        );
        assert!(!done.contains("application/wasm"), "the wasm is not preloaded");
        assert!(
            done.contains(r#"<link rel="preload" href="notes/manifest.json" as="fetch" crossorigin data-prerender>"#)
        );
        assert!(done.contains(
            r#"<link rel="alternate" type="application/atom+xml" href="feed.xml" title="Meetings" data-prerender>"#
        ));
        let wait = done.find("requestAnimationFrame").unwrap();
        assert!(wait < done.find("const wasm = await init(").unwrap());
    }

    #[test]
    fn the_policy_hashes_exactly_the_inline_scripts_as_served() {
        let done = finish(INDEX, &page("", &[])).unwrap();
        let scripts = inline_scripts(&done).unwrap();
        assert_eq!(scripts.len(), 1);
        let hash = Base64::encode_string(&Sha256::digest(scripts[0].as_bytes()));
        let meta_at = done.find("Content-Security-Policy").unwrap();
        assert!(
            meta_at < done.find("<title>").unwrap(),
            "the policy comes before what it covers"
        );
        assert!(done.contains(&format!("'sha256-{hash}'")));
        assert!(done.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        let script_src = done.split("script-src ").nth(1).unwrap().split(';').next().unwrap();
        assert!(
            !script_src.contains("unsafe-inline"),
            "no inline script beyond the hashed one"
        );
    }

    #[test]
    fn finishing_a_finished_page_again_replaces_what_the_first_run_added() {
        let preload = vec!["notes/manifest.json".to_string()];
        let once = finish(INDEX, &page("<p>first</p>", &preload)).unwrap();
        let twice = finish(&once, &page("<p>second</p>", &preload)).unwrap();
        assert!(twice.contains("<p>second</p>") && !twice.contains("<p>first</p>"));
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1, "{twice}");
        assert_eq!(twice.matches("notes/manifest.json").count(), 1);
        assert_eq!(twice.matches("requestAnimationFrame").count(), 1);
        let hash = Base64::encode_string(&Sha256::digest(inline_scripts(&twice).unwrap()[0].as_bytes()));
        assert!(twice.contains(&hash), "the policy matches the page as it is now");
    }

    #[test]
    fn a_page_without_an_app_element_is_refused() {
        assert!(matches!(
            finish("<html><body></body></html>", &page("", &[])),
            Err(SiteError::NoAppElement)
        ));
    }

    #[test]
    fn origins_keep_scheme_host_and_port_only() {
        assert_eq!(
            origins([
                "https://raw.githubusercontent.com/racklet/meeting-notes/main/community/2021.md",
                "http://127.0.0.1:8123/x.md",
                "javascript:alert(1)",
                "https://raw.githubusercontent.com/other",
            ]),
            ["https://raw.githubusercontent.com", "http://127.0.0.1:8123"]
        );
    }
}
