//! Fetching link previews over HTTP: [`fetch_all`] and its [`FetchOptions`].
//!
//! This module owns the pool of worker threads, the per-link choice of what
//! to read (HTML up to the cap; other types are recorded by type, unread),
//! and turning every failure into a short message in the link's entry. The
//! request itself is [`crate::http`]'s; what a page says about itself is
//! [`super::meta`]'s.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, SystemTime};

use notes::previews::{PreviewEntry, PreviewFile, PREVIEW_FILE_VERSION};

use super::meta::{self, extract};
use crate::http::{self, Client, HttpOptions};

/// What we ask for: HTML first, but anything is acceptable (a PDF link still gets its type).
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/// How far the charset prescan looks for `<meta charset>`, as the HTML standard's prescan does.
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// How [`fetch_all`] behaves. `Default` gives the CLI's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Most requests in flight at once (0 is treated as 1).
    pub concurrency: usize,
    /// Time budget for one link, covering every redirect hop and reading the body.
    pub timeout: Duration,
    /// Most body bytes read from an HTML page; the rest is never downloaded.
    pub max_bytes: usize,
    /// Most redirects followed for one link.
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            concurrency: 8,
            timeout: Duration::from_secs(10),
            max_bytes: 1024 * 1024,
            max_redirects: 5,
            user_agent: format!("racklet-timeline/{} (link previews)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// Fetches every distinct URL in `urls` once, at most `opts.concurrency` at a time, and returns
/// one entry per distinct URL in first-seen order. A failing link gets an error entry and never
/// affects the others.
pub fn fetch_all(urls: &[String], opts: &FetchOptions) -> PreviewFile {
    let mut seen = HashSet::new();
    let distinct: Vec<&str> = urls
        .iter()
        .map(String::as_str)
        .filter(|url| seen.insert(*url))
        .collect();
    // One client for all workers: it is thread-safe and shares its connection pool.
    let client = Client::new(HttpOptions {
        timeout: opts.timeout,
        max_redirects: opts.max_redirects,
        user_agent: opts.user_agent.clone(),
        accept: ACCEPT,
    });

    // Workers take the next index from a shared counter: a queue with no locking.
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<PreviewEntry>>> = Mutex::new(vec![None; distinct.len()]);
    let workers = opts.concurrency.max(1).min(distinct.len());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = distinct.get(index) else { break };
                let entry = fetch_page(&client, url, opts).unwrap_or_else(|e| PreviewEntry::error(e.to_string()));
                results.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(entry);
            });
        }
    });

    let results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    let links = distinct
        .into_iter()
        .zip(results)
        // Every index below `distinct.len()` is taken by exactly one worker, so None cannot
        // happen; an entry is still better than a panic if that ever changes.
        .map(|(url, entry)| {
            (
                url.to_string(),
                entry.unwrap_or_else(|| PreviewEntry::error("not fetched")),
            )
        })
        .collect();
    PreviewFile {
        version: PREVIEW_FILE_VERSION,
        generated: now_rfc3339(),
        links,
    }
}

/// `2026-11-26T12:00:00Z`: whole seconds are enough to tell runs apart.
pub fn now_rfc3339() -> String {
    chrono::DateTime::<chrono::Utc>::from(SystemTime::now()).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Fetches one link: HTML is read (up to the cap) and scanned, anything else is recorded by
/// type without reading its body (a large file costs one round trip, not a download).
fn fetch_page(client: &Client, url: &str, opts: &FetchOptions) -> Result<PreviewEntry, http::HttpError> {
    let opened = client.open(url)?;
    let mut entry = PreviewEntry::ok(opened.url.as_str(), opened.status);
    entry.content_type = opened.media_type.clone();
    let is_html = match entry.content_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        Some(_) => false,
        // No type given: read it and decide from the bytes.
        None => true,
    };
    if !is_html {
        return Ok(entry);
    }
    let final_url = opened.url.to_string();
    let charset = opened.charset.clone();
    // A page cut short (deadline, reset) still has its head at the start, which is where the
    // metadata is; only a body with nothing in it is a failure.
    let body = opened.read(opts.max_bytes, true)?.bytes;
    let head = &body[..body.len().min(CHARSET_PRESCAN_BYTES)];
    if entry.content_type.is_none() && head.contains(&0) {
        return Ok(entry);
    }
    let charset = charset.or_else(|| meta::declared_charset(&String::from_utf8_lossy(head)));
    let html = http::decode(&body, charset.as_deref());
    let found = extract(&html, &final_url);
    entry.title = found.title;
    entry.description = found.description;
    entry.image = found.image;
    entry.site_name = found.site_name;
    Ok(entry)
}
