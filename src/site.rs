//! The release page, finished at build time: the timeline of the built-in
//! notes rendered into `index.html` (so readers, crawlers and people
//! without JavaScript see the notes before the wasm arrives), and a
//! Content-Security-Policy that allows only Trunk's loader as inline script
//! (by hash), no eval, and only the image and API hosts previews use.

use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha256};

/// Image hosts of tier-1 previews and avatars.
const IMAGE_HOSTS: &[&str] = &[
    "https://github.com",
    "https://avatars.githubusercontent.com",
    "https://opengraph.githubassets.com",
    "https://i.ytimg.com",
];

/// Where the app may fetch from: the GitHub API (tier 3) and the usual
/// homes of raw Markdown for `?src=`.
const CONNECT_HOSTS: &[&str] = &[
    "https://api.github.com",
    "https://raw.githubusercontent.com",
    "https://gist.githubusercontent.com",
    "https://hackmd.io",
];

/// Lets the prerendered page paint before the app starts: Trunk's loader
/// waits for the first frame before it fetches and runs the wasm, and the
/// wasm is no longer preloaded. Readers see the notes at once; the wasm
/// (the bulk of the bytes) no longer competes with the first paint.
/// Returns the page unchanged when Trunk's loader does not look as expected.
pub fn defer_loader(html: &str) -> String {
    const INIT: &str = "const wasm = await init(";
    const WAIT: &str = "await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n";
    let Some(at) = html.find(INIT) else {
        return html.to_string();
    };
    let mut page = format!("{}{WAIT}{}", &html[..at], &html[at..]);
    // Drop `<link rel="preload" … as="fetch" type="application/wasm">`.
    while let Some(start) = page.find("<link rel=\"preload\"") {
        let Some(len) = page[start..].find('>') else { break };
        let tag = &page[start..start + len + 1];
        if !tag.contains("application/wasm") {
            break;
        }
        page.replace_range(start..start + len + 1, "");
    }
    page
}

/// The contents of inline `<script>` elements (those without `src`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    out
}

/// The policy for a page whose inline scripts are `scripts`; `image_hosts`
/// adds the hosts of `og:image`s from `previews.json`.
pub fn csp(scripts: &[&str], image_hosts: &[String]) -> String {
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| format!("'sha256-{}'", Base64::encode_string(&Sha256::digest(s.as_bytes()))))
        .collect();
    let mut images: Vec<String> = IMAGE_HOSTS.iter().map(|h| h.to_string()).collect();
    for h in image_hosts {
        if !images.contains(h) {
            images.push(h.clone());
        }
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; style-src-attr 'unsafe-inline'; \
         img-src 'self' data: {}; connect-src 'self' {}; object-src 'none'; base-uri 'self'; form-action 'none'",
        hashes.join(" "),
        images.join(" "),
        CONNECT_HOSTS.join(" ")
    )
}

/// The `scheme://host[:port]` of each http(s) URL, for the policy.
pub fn origins<'a>(urls: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for url in urls {
        let Some((scheme, rest)) = url.split_once("://") else {
            continue;
        };
        if scheme != "https" && scheme != "http" {
            continue;
        }
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        // Only plain host names: nothing that could close the attribute or
        // widen the policy.
        let plain = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
        let origin = format!("{scheme}://{}", host.to_ascii_lowercase());
        if plain && !out.contains(&origin) {
            out.push(origin);
        }
    }
    out
}

/// Puts the rendered app into `<div id="app"></div>` and the policy into
/// the head. Fails if the page has no empty app element.
pub fn finish_page(index_html: &str, app_html: &str, policy: &str) -> Result<String, String> {
    const APP: &str = r#"<div id="app"></div>"#;
    if !index_html.contains(APP) {
        return Err(format!("no empty {APP} in the page (already prerendered?)"));
    }
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
    let page = index_html.replacen(APP, &format!(r#"<div id="app">{app_html}</div>"#), 1);
    // Right after the charset (which must come first), before anything
    // the policy covers.
    let at = page
        .find("<meta charset=\"utf-8\">")
        .map(|i| i + "<meta charset=\"utf-8\">".len())
        .or_else(|| page.find("<head>").map(|i| i + "<head>".len()));
    Ok(match at {
        Some(i) => format!("{}\n  {meta}{}", &page[..i], &page[i..]),
        None => format!("{meta}\n{page}"),
    })
}
