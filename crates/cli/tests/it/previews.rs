//! Integration tests for the link-preview fetcher (`notes::previews`).
//!
//! Each test starts its own tiny HTTP/1.1 server on 127.0.0.1 (a `TcpListener` and a thread per
//! connection) so counters such as hits and concurrent connections belong to that test alone.
//! Nothing here leaves the machine.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use cli::previews::{fetch_all, FetchOptions};
use notes::previews::{PreviewEntry, PreviewFile, PreviewStatus};

const FULL_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Plain title (loses to og)</title>
<meta name="description" content="Plain description (loses to og)">
<meta property="og:title" content="Racklet &amp; friends: meeting #42">
<meta property="og:description" content="Notes from the   weekly
    Racklet meeting.">
<meta property="og:image" content="https://cdn.example.com/racklet.png">
<meta property="og:site_name" content="Racklet">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="Twitter title (loses to og)">
<meta name="twitter:description" content="Twitter description (loses to og)">
<meta name="twitter:image" content="https://cdn.example.com/twitter.png">
</head><body><h1>Meeting 42</h1></body></html>"#;

const TWITTER_PAGE: &str = r#"<html><head><title>Plain (loses to twitter)</title>
<meta property="twitter:title" content="Twitter only">
<meta name="twitter:description" content="Card description">
<meta name="twitter:image" content="/card.png">
</head></html>"#;

const BASIC_PAGE: &str = "<html><head>\n<title>\n  Just a   title\n</title>\n\
    <meta name=\"description\" content=\"Only the basics.\">\n</head><body>x</body></html>";

/// Unclosed tags, unquoted attributes, entities, metadata hidden in script/comments (ignored),
/// metadata in the body, a relative og:image and an unclosed quote. It reads as a browser reads
/// it: `<unclosed tag` takes the next line as attributes, and the unclosed quote runs to the end.
const BROKEN_PAGE: &str = "<html><head>\n\
    <TITLE>Broken &lt;page&gt;</title>\n\
    <meta property=og:title content=Unquoted>\n\
    <script>document.write('<meta property=\"og:description\" content=\"from script\">')</script>\n\
    <!-- <meta property=\"og:image\" content=\"/commented.png\"> -->\n\
    <meta content='It&#39;s &quot;broken&quot; &#x2014; but&nbsp;fine' name=DESCRIPTION\n\
    <body>\n\
    <p>Text with a stray < sign\n\
    <meta property=\"og:image\" content=\"img/cover.png\">\n\
    and an <unclosed tag\n\
    <meta property=\"og:site_name\" content=\"Broken &amp; Co\n\
    </body>";

const CHAIN_END_PAGE: &str = "<title>End of the chain</title>";

/// A 1×1 PNG's first bytes: enough to be binary (NULs) and recognisable.
const PNG_BYTES: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8,
    6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
];

const HUGE_LEN: usize = 20 * 1024 * 1024;
const SLOW_SLEEP: Duration = Duration::from_secs(2);

/// What the server saw, for assertions.
#[derive(Default)]
struct State {
    hits: Mutex<HashMap<String, usize>>,
    active: AtomicUsize,
    max_active: AtomicUsize,
    huge_sent: AtomicUsize,
    huge_finished: AtomicBool,
}

struct Server {
    addr: SocketAddr,
    state: Arc<State>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        let shared = Arc::clone(&state);
        // The accept loop lives until the test process exits; each test has its own listener.
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || handle(stream, &state));
            }
        });
        Server { addr, state }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    fn hits(&self, path: &str) -> usize {
        self.state.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

/// Reads the request head and answers by path. Every response closes its connection, so one
/// connection is one request and the concurrency count is a request count.
fn handle(mut stream: TcpStream, state: &State) {
    // Bound everything: a misbehaving client must not hang a server thread forever.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let active = state.active.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_active.fetch_max(active, Ordering::SeqCst);
    let mut guard = ActiveGuard(Some(&state.active));

    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    *state.hits.lock().unwrap().entry(path.clone()).or_default() += 1;

    let html = "text/html; charset=utf-8";
    match path.as_str() {
        "/full" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", html)],
            FULL_PAGE.as_bytes(),
        ),
        "/twitter" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", html)],
            TWITTER_PAGE.as_bytes(),
        ),
        "/basic" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", "TEXT/HTML")],
            BASIC_PAGE.as_bytes(),
        ),
        "/broken" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", html)],
            BROKEN_PAGE.as_bytes(),
        ),
        "/xhtml" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", "application/xhtml+xml")],
            b"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>XHTML</title></head></html>",
        ),
        "/untyped" => respond(&mut stream, &mut guard, 200, &[], b"<title>No type given</title>"),
        "/latin1" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", "text/html; charset=ISO-8859-1")],
            b"<title>Caf\xe9 cr\xe8me</title>",
        ),
        "/empty" => respond(&mut stream, &mut guard, 200, &[("Content-Type", html)], b""),
        // 301 with an absolute path, then 302 with a path relative to the current URL.
        "/chain/a" => respond(&mut stream, &mut guard, 301, &[("Location", "/chain/b")], b""),
        "/chain/b" => respond(&mut stream, &mut guard, 302, &[("Location", "c")], b""),
        "/chain/c" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", html)],
            CHAIN_END_PAGE.as_bytes(),
        ),
        "/loop" => respond(&mut stream, &mut guard, 302, &[("Location", "/loop")], b""),
        "/js" => respond(
            &mut stream,
            &mut guard,
            302,
            &[("Location", "javascript:alert(1)")],
            b"",
        ),
        "/file" => respond(&mut stream, &mut guard, 307, &[("Location", "file:///etc/passwd")], b""),
        "/no-location" => respond(&mut stream, &mut guard, 302, &[], b""),
        "/missing" => respond(
            &mut stream,
            &mut guard,
            404,
            &[("Content-Type", html)],
            b"<title>Not found</title>",
        ),
        "/broken-server" => respond(&mut stream, &mut guard, 500, &[], b"oops"),
        "/slow" => {
            thread::sleep(SLOW_SLEEP);
            respond(
                &mut stream,
                &mut guard,
                200,
                &[("Content-Type", html)],
                b"<title>Too late</title>",
            );
        }
        "/huge" => serve_huge(&mut stream, &mut guard, state),
        "/image.png" => respond(
            &mut stream,
            &mut guard,
            200,
            &[("Content-Type", "image/png")],
            PNG_BYTES,
        ),
        // Promises a megabyte, sends a few bytes, then stalls: only a client that reads the
        // body of a non-HTML response would wait here.
        "/stall.png" => {
            guard.release();
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1048576\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&PNG_BYTES[..8]);
            thread::sleep(Duration::from_secs(3));
        }
        // Concurrency probe: stays connected long enough for overlapping requests to show.
        p if p.starts_with("/counted/") => {
            thread::sleep(Duration::from_millis(120));
            let body = format!("<title>{p}</title>");
            respond(&mut stream, &mut guard, 200, &[("Content-Type", html)], body.as_bytes());
        }
        p if p.starts_with("/page/") => {
            let body = format!("<title>{p}</title>");
            respond(&mut stream, &mut guard, 200, &[("Content-Type", html)], body.as_bytes());
        }
        _ => respond(&mut stream, &mut guard, 404, &[], b""),
    }
}

/// Decrements the active-connection count once. It is released *before* the response is
/// written: the client cannot start its next request until it has this response, so the count
/// never includes a connection whose client has already moved on.
struct ActiveGuard<'a>(Option<&'a AtomicUsize>);

impl ActiveGuard<'_> {
    fn release(&mut self) {
        if let Some(active) = self.0.take() {
            active.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

impl Drop for ActiveGuard<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Whatever",
    }
}

fn respond(stream: &mut TcpStream, guard: &mut ActiveGuard<'_>, status: u16, headers: &[(&str, &str)], body: &[u8]) {
    guard.release();
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// 20 MB of HTML with the metadata in the head, written in chunks until the client hangs up.
fn serve_huge(stream: &mut TcpStream, guard: &mut ActiveGuard<'_>, state: &State) {
    guard.release();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {HUGE_LEN}\r\nConnection: close\r\n\r\n"
    );
    let mut sent = 0;
    if stream.write_all(head.as_bytes()).is_ok() {
        let start =
            "<html><head><meta property=\"og:title\" content=\"Huge page\"><title>ignored</title></head><body>\n";
        let filler = "<p>Lorem ipsum dolor sit amet, racklet filler text for a very large page.</p>\n".repeat(800);
        let mut chunk = start.as_bytes();
        while sent < HUGE_LEN {
            let take = chunk.len().min(HUGE_LEN - sent);
            if stream.write_all(&chunk[..take]).is_err() {
                break;
            }
            sent += take;
            chunk = filler.as_bytes();
        }
    }
    state.huge_sent.store(sent, Ordering::SeqCst);
    state.huge_finished.store(true, Ordering::SeqCst);
}

fn opts() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    }
}

fn fetch(urls: &[String], opts: &FetchOptions) -> PreviewFile {
    let file = fetch_all(urls, opts);
    assert_eq!(file.version, 1);
    file
}

fn entry<'a>(file: &'a PreviewFile, url: &str) -> &'a PreviewEntry {
    file.get(url)
        .unwrap_or_else(|| panic!("no entry for {url} in {file:#?}"))
}

fn error_of<'a>(file: &'a PreviewFile, url: &str) -> &'a str {
    let entry = entry(file, url);
    assert_eq!(entry.status, PreviewStatus::Error, "{url}: {entry:?}");
    assert_eq!(entry.final_url, None);
    entry.error.as_deref().unwrap()
}

#[test]
fn defaults_match_the_cli_contract() {
    let defaults = FetchOptions::default();
    assert_eq!(defaults.concurrency, 8);
    assert_eq!(defaults.timeout, Duration::from_secs(10));
    assert_eq!(defaults.max_bytes, 1024 * 1024);
    assert_eq!(defaults.max_redirects, 5);
    assert!(!defaults.user_agent.is_empty());
}

#[test]
fn full_metadata_page_prefers_open_graph() {
    let server = Server::start();
    let url = server.url("/full");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert_eq!(e.status, PreviewStatus::Ok);
    assert_eq!(e.error, None);
    assert_eq!(e.final_url.as_deref(), Some(url.as_str()));
    assert_eq!(e.http_status, Some(200));
    assert_eq!(e.content_type.as_deref(), Some("text/html"));
    assert_eq!(e.title.as_deref(), Some("Racklet & friends: meeting #42"));
    assert_eq!(e.description.as_deref(), Some("Notes from the weekly Racklet meeting."));
    assert_eq!(e.image.as_deref(), Some("https://cdn.example.com/racklet.png"));
    assert_eq!(e.site_name.as_deref(), Some("Racklet"));
}

#[test]
fn twitter_card_beats_title_and_relative_image_resolves() {
    let server = Server::start();
    let url = server.url("/twitter");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert_eq!(e.title.as_deref(), Some("Twitter only"));
    assert_eq!(e.description.as_deref(), Some("Card description"));
    assert_eq!(e.image.as_deref(), Some(server.url("/card.png").as_str()));
    assert_eq!(e.site_name, None);
}

#[test]
fn title_and_description_only_page() {
    let server = Server::start();
    let url = server.url("/basic");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert!(e.is_ok());
    // The server sent `TEXT/HTML`; the stored type is normalised.
    assert_eq!(e.content_type.as_deref(), Some("text/html"));
    assert_eq!(e.title.as_deref(), Some("Just a title"));
    assert_eq!(e.description.as_deref(), Some("Only the basics."));
    assert_eq!((e.image.as_deref(), e.site_name.as_deref()), (None, None));
}

#[test]
fn broken_metadata_page_is_read_leniently() {
    let server = Server::start();
    let url = server.url("/broken");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert!(e.is_ok(), "{e:?}");
    assert_eq!(e.title.as_deref(), Some("Unquoted"));
    // og:description lives only inside <script>, so the plain description wins.
    assert_eq!(e.description.as_deref(), Some("It's \"broken\" \u{2014} but fine"));
    // The commented-out og:image is ignored; the one in the body is made absolute.
    assert_eq!(e.image.as_deref(), Some(server.url("/img/cover.png").as_str()));
    // Lost twice over, as in a browser: the `<unclosed tag` before it swallows it as attributes,
    // and its own unclosed quote runs to the end of the page, so no tag ever ends.
    assert_eq!(e.site_name, None);
}

#[test]
fn other_html_flavours_and_charsets() {
    let server = Server::start();
    let urls: Vec<String> = ["/xhtml", "/untyped", "/latin1", "/empty"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let file = fetch(&urls, &opts());
    let xhtml = entry(&file, &urls[0]);
    assert_eq!(xhtml.content_type.as_deref(), Some("application/xhtml+xml"));
    assert_eq!(xhtml.title.as_deref(), Some("XHTML"));
    // No Content-Type: read and sniffed as text, and no type is recorded.
    let untyped = entry(&file, &urls[1]);
    assert_eq!(
        (untyped.content_type.as_deref(), untyped.title.as_deref()),
        (None, Some("No type given"))
    );
    assert_eq!(entry(&file, &urls[2]).title.as_deref(), Some("Café crème"));
    let empty = entry(&file, &urls[3]);
    assert!(empty.is_ok());
    assert_eq!(empty.title, None);
}

#[test]
fn redirect_chain_is_followed_with_relative_locations() {
    let server = Server::start();
    let url = server.url("/chain/a");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert!(e.is_ok(), "{e:?}");
    assert_eq!(e.final_url.as_deref(), Some(server.url("/chain/c").as_str()));
    assert_eq!(e.http_status, Some(200));
    assert_eq!(e.title.as_deref(), Some("End of the chain"));
    for hop in ["/chain/a", "/chain/b", "/chain/c"] {
        assert_eq!(server.hits(hop), 1, "{hop}");
    }
}

#[test]
fn redirect_loop_stops_at_max_redirects() {
    let server = Server::start();
    let url = server.url("/loop");
    let options = FetchOptions {
        max_redirects: 3,
        ..opts()
    };
    let file = fetch(std::slice::from_ref(&url), &options);
    assert_eq!(error_of(&file, &url), "too many redirects");
    // The first request plus three followed redirects.
    assert_eq!(server.hits("/loop"), 4);

    // With redirects switched off the first 302 is already too many.
    let file = fetch(
        std::slice::from_ref(&url),
        &FetchOptions {
            max_redirects: 0,
            ..opts()
        },
    );
    assert_eq!(error_of(&file, &url), "too many redirects");
}

#[test]
fn redirects_to_non_http_urls_are_refused() {
    let server = Server::start();
    let urls: Vec<String> = ["/js", "/file", "/no-location"].iter().map(|p| server.url(p)).collect();
    let file = fetch(&urls, &opts());
    assert_eq!(error_of(&file, &urls[0]), "redirect to non-http URL");
    assert_eq!(error_of(&file, &urls[1]), "redirect to non-http URL");
    assert_eq!(error_of(&file, &urls[2]), "redirect without Location");
}

#[test]
fn http_errors_are_reported_by_status() {
    let server = Server::start();
    let urls = vec![server.url("/missing"), server.url("/broken-server")];
    let file = fetch(&urls, &opts());
    assert_eq!(error_of(&file, &urls[0]), "HTTP 404");
    assert_eq!(error_of(&file, &urls[1]), "HTTP 500");
}

#[test]
fn slow_page_times_out_without_holding_up_the_rest() {
    let server = Server::start();
    let urls = vec![server.url("/slow"), server.url("/page/fast")];
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let file = fetch(&urls, &options);
    let elapsed = started.elapsed();
    assert_eq!(error_of(&file, &urls[0]), "timed out");
    assert_eq!(entry(&file, &urls[1]).title.as_deref(), Some("/page/fast"));
    // A sanity bound, not a benchmark: far below the server's 2 s sleep.
    assert!(elapsed < Duration::from_millis(1500), "took {elapsed:?}");
}

#[test]
fn huge_page_is_cut_at_max_bytes_and_head_metadata_found() {
    let server = Server::start();
    let url = server.url("/huge");
    let file = fetch(std::slice::from_ref(&url), &opts());
    let e = entry(&file, &url);
    assert!(e.is_ok(), "{e:?}");
    assert_eq!(e.title.as_deref(), Some("Huge page"));
    // The client hung up after max_bytes: the server's writes fail long before 20 MB, give or
    // take what the kernel's socket buffers absorbed.
    let waited = Instant::now();
    while !server.state.huge_finished.load(Ordering::SeqCst) {
        assert!(waited.elapsed() < Duration::from_secs(10), "server still streaming");
        thread::sleep(Duration::from_millis(20));
    }
    let sent = server.state.huge_sent.load(Ordering::SeqCst);
    assert!(sent < HUGE_LEN, "server sent the whole {sent} bytes");
}

#[test]
fn binary_content_is_typed_and_not_read() {
    let server = Server::start();
    let urls = vec![server.url("/image.png"), server.url("/stall.png")];
    let options = FetchOptions {
        timeout: Duration::from_secs(2),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let file = fetch(&urls, &options);
    let elapsed = started.elapsed();
    for url in &urls {
        let e = entry(&file, url);
        assert!(e.is_ok(), "{url}: {e:?}");
        assert_eq!(e.http_status, Some(200));
        assert_eq!(e.content_type.as_deref(), Some("image/png"));
        assert_eq!(
            (&e.title, &e.description, &e.image, &e.site_name),
            (&None, &None, &None, &None)
        );
    }
    // /stall.png sends 8 of its promised bytes and then waits 3 s: a client reading the body
    // would sit out the whole 2 s timeout.
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
}

#[test]
fn connection_refused_and_bad_urls_are_errors() {
    // A port that was just free: bind, note it, close it.
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let urls = vec![
        format!("http://{closed}/"),
        "ftp://example.com/file.txt".to_string(),
        "javascript:alert(1)".to_string(),
        "not a url".to_string(),
    ];
    let file = fetch(&urls, &opts());
    assert_eq!(error_of(&file, &urls[0]), "connection refused");
    assert_eq!(error_of(&file, &urls[1]), "not an http(s) URL");
    assert_eq!(error_of(&file, &urls[2]), "not an http(s) URL");
    assert_eq!(error_of(&file, &urls[3]), "invalid URL");
}

#[test]
fn duplicates_are_fetched_once_and_input_order_is_kept() {
    let server = Server::start();
    let (a, b, c) = (server.url("/page/a"), server.url("/page/b"), server.url("/page/c"));
    let urls = vec![b.clone(), a.clone(), b.clone(), c.clone(), a.clone(), b.clone()];
    let file = fetch(
        &urls,
        &FetchOptions {
            concurrency: 4,
            ..opts()
        },
    );
    let keys: Vec<&str> = file.links.iter().map(|(url, _)| url.as_str()).collect();
    assert_eq!(keys, [b.as_str(), a.as_str(), c.as_str()]);
    for path in ["/page/a", "/page/b", "/page/c"] {
        assert_eq!(server.hits(path), 1, "{path}");
        assert_eq!(entry(&file, &server.url(path)).title.as_deref(), Some(path));
    }
    // The JSON object keeps the same order.
    let json = serde_json::to_string(&file).unwrap();
    let at = |url: &str| json.find(&format!("\"{url}\":")).unwrap();
    assert!(at(&b) < at(&a) && at(&a) < at(&c), "{json}");
}

#[test]
fn concurrency_is_limited() {
    let server = Server::start();
    let urls: Vec<String> = (0..12).map(|i| server.url(&format!("/counted/{i}"))).collect();
    let file = fetch(
        &urls,
        &FetchOptions {
            concurrency: 3,
            ..opts()
        },
    );
    assert_eq!(file.links.len(), 12);
    assert!(file.links.iter().all(|(_, e)| e.is_ok()));
    let max = server.state.max_active.load(Ordering::SeqCst);
    assert!(max <= 3, "{max} requests in flight");
    // And the workers really run side by side (each request lingers 120 ms).
    assert!(max >= 2, "only {max} request in flight at once");
}

#[test]
fn one_bad_link_never_stops_the_others() {
    let server = Server::start();
    let paths = [
        "/missing",
        "/full",
        "/js",
        "/loop",
        "/image.png",
        "/basic",
        "/broken-server",
        "/chain/a",
    ];
    let mut urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    urls.insert(3, "mailto:someone@example.com".to_string());
    let file = fetch(
        &urls,
        &FetchOptions {
            concurrency: 2,
            ..opts()
        },
    );
    assert_eq!(file.links.len(), urls.len());
    let ok: Vec<bool> = urls.iter().map(|url| entry(&file, url).is_ok()).collect();
    assert_eq!(ok, [false, true, false, false, false, true, true, false, true]);
}

#[test]
fn json_shape_and_round_trip() {
    let server = Server::start();
    let urls = vec![server.url("/full"), server.url("/missing"), server.url("/image.png")];
    let file = fetch(&urls, &opts());

    let value: serde_json::Value = serde_json::to_value(&file).unwrap();
    assert_eq!(value["version"], 1);
    let generated = value["generated"].as_str().unwrap();
    // RFC 3339 UTC to the second: 2026-11-26T12:00:00Z.
    assert_eq!(generated.len(), 20, "{generated}");
    assert!(
        generated.ends_with('Z') && generated.as_bytes()[10] == b'T',
        "{generated}"
    );
    assert!(chrono_like(generated), "{generated}");

    let links = value["links"].as_object().unwrap();
    let ok = links[&urls[0]].as_object().unwrap();
    let mut ok_keys: Vec<&str> = ok.keys().map(String::as_str).collect();
    ok_keys.sort_unstable();
    assert_eq!(
        ok_keys,
        [
            "content_type",
            "description",
            "final_url",
            "http_status",
            "image",
            "site_name",
            "status",
            "title"
        ]
    );
    assert_eq!(ok["status"], "ok");
    assert_eq!(ok["http_status"], 200);
    assert_eq!(
        links[&urls[1]],
        serde_json::json!({ "status": "error", "error": "HTTP 404" }),
        "error entries carry only status and error"
    );
    let binary = links[&urls[2]].as_object().unwrap();
    assert_eq!(binary["content_type"], "image/png");
    assert!(!binary.contains_key("title"));

    let text = serde_json::to_string_pretty(&file).unwrap();
    let back: PreviewFile = serde_json::from_str(&text).unwrap();
    assert_eq!(back, file);
}

#[test]
fn reading_a_file_from_elsewhere() {
    // The browser reads files written by other versions: unknown fields are ignored, missing
    // optional ones are None, and a repeated key keeps its first position and last value.
    let text = r#"{ "version": 1, "generated": "2026-11-26T12:00:00Z", "future": true,
        "links": {
            "https://example.com/b": { "status": "error", "error": "old" },
            "https://example.com/a": { "status": "ok", "final_url": "https://example.com/a/", "http_status": 200,
                                       "title": "A", "favicon": "x" },
            "https://example.com/b": { "status": "error", "error": "HTTP 404" } } }"#;
    let file: PreviewFile = serde_json::from_str(text).unwrap();
    let keys: Vec<&str> = file.links.iter().map(|(url, _)| url.as_str()).collect();
    assert_eq!(keys, ["https://example.com/b", "https://example.com/a"]);
    assert_eq!(
        file.get("https://example.com/b").unwrap().error.as_deref(),
        Some("HTTP 404")
    );
    let a = file.get("https://example.com/a").unwrap();
    assert_eq!((a.title.as_deref(), a.description.as_deref()), (Some("A"), None));
    assert!(
        serde_json::from_str::<PreviewFile>(r#"{"version":1,"generated":"","links":{"x":{"status":"maybe"}}}"#)
            .is_err()
    );
}

/// `YYYY-MM-DDTHH:MM:SSZ` with digits where digits belong.
fn chrono_like(text: &str) -> bool {
    text.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        10 => b == b'T',
        13 | 16 => b == b':',
        19 => b == b'Z',
        _ => b.is_ascii_digit(),
    })
}
