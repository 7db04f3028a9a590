//! Fetching link previews over HTTP: [`fetch_all`] and its [`FetchOptions`].
//!
//! This module owns the network side: a bounded pool of worker threads, redirect following done
//! by hand (so every hop is checked to be http(s) and counted), the per-link time budget, the
//! byte cap on bodies, and turning every failure into a short message in the link's entry. What
//! a page says about itself is [`super::meta`]'s job; the file format is [`super::file`]'s.

use std::collections::HashSet;
use std::io::{self, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use url::Url;

use super::file::{PreviewEntry, PreviewFile, PREVIEW_FILE_VERSION};
use super::meta::{self, extract};

/// What we ask for: HTML first, but anything is acceptable (a PDF link still gets its type).
const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/// How far [`meta::declared_charset`] looks for `<meta charset>`, as the HTML prescan does.
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// Longest error message kept; transport errors can embed long URLs or TLS details.
const MAX_ERROR_CHARS: usize = 200;

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

    // One agent for all workers: it is thread-safe and shares its connection pool.
    let agent = ureq::AgentBuilder::new()
        // We follow redirects ourselves so each hop's scheme is checked and counted.
        .redirects(0)
        // The per-request deadline set in `fetch_page` does not cover connecting when a connect
        // timeout is set, and ureq sets one (30 s) by default; cap it at the link's budget.
        .timeout_connect(opts.timeout)
        .user_agent(&opts.user_agent)
        .build();

    // Workers take the next index from a shared counter: a queue with no locking.
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<PreviewEntry>>> = Mutex::new(vec![None; distinct.len()]);
    let workers = opts.concurrency.max(1).min(distinct.len());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = distinct.get(index) else { break };
                let entry = fetch_page(&agent, url, opts).unwrap_or_else(PreviewEntry::error);
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
fn now_rfc3339() -> String {
    chrono::DateTime::<chrono::Utc>::from(SystemTime::now()).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// Fetches one link, following redirects by hand within the link's time budget.
fn fetch_page(agent: &ureq::Agent, url: &str, opts: &FetchOptions) -> Result<PreviewEntry, String> {
    let deadline = Instant::now() + opts.timeout;
    let mut current = Url::parse(url).map_err(|_| "invalid URL".to_string())?;
    if !is_http(&current) {
        return Err("not an http(s) URL".into());
    }
    let mut redirects = 0;
    loop {
        let remaining = deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or("timed out")?;
        let response = match agent
            .request_url("GET", &current)
            .timeout(remaining)
            .set("Accept", ACCEPT)
            .call()
        {
            Ok(response) => response,
            Err(ureq::Error::Status(code, _)) => return Err(format!("HTTP {code}")),
            Err(ureq::Error::Transport(transport)) => return Err(describe_transport(&transport)),
        };
        let status = response.status();
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let location = response.header("location").ok_or("redirect without Location")?;
            // Relative locations resolve against the URL that answered, not the original one.
            let target = current.join(location.trim()).map_err(|_| "invalid redirect URL")?;
            if !is_http(&target) {
                return Err("redirect to non-http URL".into());
            }
            if redirects >= opts.max_redirects {
                return Err("too many redirects".into());
            }
            redirects += 1;
            current = target;
            // Dropping `response` unread closes its connection; redirect bodies are not wanted.
            continue;
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        return read_page(response, &current, opts);
    }
}

/// Turns a 2xx response into an entry: HTML is read (up to the cap) and scanned, anything else
/// is recorded by type without reading its body.
fn read_page(response: ureq::Response, url: &Url, opts: &FetchOptions) -> Result<PreviewEntry, String> {
    let mut entry = PreviewEntry::ok(url.as_str(), response.status());
    let content_type = response.header("content-type").map(str::to_owned);
    entry.content_type = content_type.as_deref().and_then(media_type);
    let is_html = match entry.content_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        Some(_) => false,
        // No type given: read it and decide from the bytes.
        None => true,
    };
    if !is_html {
        // PDFs, images, archives: the type is the preview. Not reading the body means a
        // large file costs one round trip, not a download.
        return Ok(entry);
    }

    let limit = u64::try_from(opts.max_bytes).unwrap_or(u64::MAX);
    let mut body = Vec::new();
    if let Err(error) = response.into_reader().take(limit).read_to_end(&mut body) {
        // A page cut short (deadline, reset) still has its head at the start, which is where
        // the metadata is; only a body with nothing in it is a failure.
        if body.is_empty() {
            return Err(describe_io(&error).unwrap_or_else(|| cap_message(format!("network error: {error}"))));
        }
    }
    // The dropped reader closes the connection, so the bytes past `limit` are never fetched.
    if entry.content_type.is_none() && body[..body.len().min(CHARSET_PRESCAN_BYTES)].contains(&0) {
        return Ok(entry);
    }

    let header_charset = content_type.as_deref().and_then(meta::charset_from_content_type);
    let html = decode(&body, header_charset);
    let found = extract(&html, url.as_str());
    entry.title = found.title;
    entry.description = found.description;
    entry.image = found.image;
    entry.site_name = found.site_name;
    Ok(entry)
}

/// `text/html` from `Text/HTML; charset=utf-8`.
fn media_type(content_type: &str) -> Option<String> {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    (!essence.is_empty()).then(|| essence.to_ascii_lowercase())
}

/// Bytes to text. Valid UTF-8 is taken as UTF-8 whatever the label says (servers that label
/// everything ISO-8859-1 are common); otherwise a Latin-1 family label, from the header or the
/// page, decodes as Windows-1252 the way browsers do; anything else is lossy UTF-8.
fn decode(body: &[u8], header_charset: Option<String>) -> String {
    let utf8 = match std::str::from_utf8(body) {
        Ok(_) => true,
        // `error_len() == None`: only the last character is incomplete, because we cut there.
        Err(error) => error.error_len().is_none(),
    };
    if !utf8 {
        let charset = header_charset.or_else(|| {
            let head = String::from_utf8_lossy(&body[..body.len().min(CHARSET_PRESCAN_BYTES)]);
            meta::declared_charset(&head)
        });
        let latin = matches!(
            charset.as_deref(),
            Some("iso-8859-1" | "iso8859-1" | "latin1" | "l1" | "windows-1252" | "cp1252" | "us-ascii" | "ascii")
        );
        if latin {
            return body.iter().map(|&byte| meta::windows_1252(byte)).collect();
        }
    }
    String::from_utf8_lossy(body).into_owned()
}

/// The short message for an I/O failure that has one.
fn describe_io(error: &io::Error) -> Option<String> {
    let message = match error.kind() {
        // ureq reports an expired deadline as TimedOut; a socket timeout can surface as WouldBlock.
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => "timed out",
        io::ErrorKind::ConnectionRefused => "connection refused",
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted | io::ErrorKind::BrokenPipe => {
            "connection reset"
        }
        io::ErrorKind::UnexpectedEof => "connection closed early",
        _ => {
            // ureq's rustls surfaces certificate and handshake failures as I/O errors.
            return error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<ureq::rustls::Error>())
                .map(|tls| cap_message(format!("TLS error: {tls}")));
        }
    };
    Some(message.to_string())
}

/// A short message for a ureq transport error: the cause, without ureq's URL prefix.
fn describe_transport(transport: &ureq::Transport) -> String {
    let mut source = std::error::Error::source(transport);
    while let Some(error) = source {
        if let Some(message) = error.downcast_ref::<io::Error>().and_then(describe_io) {
            return message;
        }
        source = error.source();
    }
    let detail = || {
        let mut text = transport.message().unwrap_or("").to_string();
        if let Some(source) = std::error::Error::source(transport) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&source.to_string());
        }
        text
    };
    let message = match transport.kind() {
        ureq::ErrorKind::Dns => "DNS lookup failed".to_string(),
        ureq::ErrorKind::InvalidUrl => "invalid URL".to_string(),
        ureq::ErrorKind::UnknownScheme => "not an http(s) URL".to_string(),
        ureq::ErrorKind::TooManyRedirects => "too many redirects".to_string(),
        ureq::ErrorKind::BadStatus => "invalid HTTP response".to_string(),
        ureq::ErrorKind::BadHeader => "invalid HTTP header".to_string(),
        ureq::ErrorKind::ConnectionFailed => format!("connection failed: {}", detail()),
        kind => format!("{kind}: {}", detail()),
    };
    cap_message(message)
}

fn cap_message(message: String) -> String {
    let message = message.trim_end_matches([':', ' ']);
    match message.char_indices().nth(MAX_ERROR_CHARS) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_lose_parameters_and_case() {
        assert_eq!(media_type("Text/HTML; charset=UTF-8").as_deref(), Some("text/html"));
        assert_eq!(media_type("image/png").as_deref(), Some("image/png"));
        assert_eq!(media_type(" ; x=y"), None);
    }

    #[test]
    fn decoding_prefers_utf8_then_latin1_labels() {
        assert_eq!(decode("café".as_bytes(), Some("iso-8859-1".into())), "café");
        assert_eq!(decode(b"caf\xe9 \x80", Some("iso-8859-1".into())), "café €");
        assert_eq!(
            decode(b"<meta charset=windows-1252>caf\xe9!", None),
            "<meta charset=windows-1252>café!"
        );
        assert_eq!(decode(b"caf\xe9!", None), "caf\u{fffd}!");
        // A body cut inside a multi-byte character is still UTF-8.
        assert_eq!(decode(&"é€".as_bytes()[..4], Some("latin1".into())), "é\u{fffd}");
    }

    #[test]
    fn long_messages_are_capped() {
        let message = cap_message("x".repeat(500));
        assert_eq!(message.chars().count(), MAX_ERROR_CHARS + 1);
        assert_eq!(cap_message("connection failed: ".into()), "connection failed");
    }
}
