//! `timeline fetch` against a local server that plays
//! raw.githubusercontent.com: the five community documents of a
//! multi-year archive (tests/fixtures/archive, with the drift real years
//! have), and the ways a source goes wrong.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use notes::archive::Manifest;

const REPO: &str = "/racklet/meeting-notes/main/community";
const FILES: [&str; 5] = ["2021.md", "2022.md", "2023.md", "2024.md", "README.md"];

/// How the fake upstream answers one path.
#[derive(Clone)]
enum Answer {
    Ok(&'static str, Vec<u8>),
    Status(u16),
    /// Answers after this long.
    Slow(Duration, Vec<u8>),
    /// A body of this many bytes, sent without Content-Length.
    Huge(usize),
    Redirect(String),
}

fn fixture(name: &str) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = if name == "2024.md" {
        root.join("data/notes/racklet-2024.md")
    } else {
        root.join("tests/fixtures/archive").join(name)
    };
    std::fs::read(path).expect("fixture")
}

/// Serves `answer(path)` on 127.0.0.1 until the test process ends.
fn upstream(answer: impl Fn(&str) -> Answer + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let answer = Arc::new(answer);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let answer = answer.clone();
            thread::spawn(move || serve(stream, &*answer));
        }
    });
    base
}

fn serve(mut stream: TcpStream, answer: &dyn Fn(&str) -> Answer) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let send = |stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]| {
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\netag: \"e-{}\"\r\nconnection: close\r\n\r\n",
            body.len(),
            body.len()
        );
        let _ = stream.write_all(body);
    };
    match answer(&path) {
        Answer::Ok(kind, body) => send(&mut stream, "200 OK", kind, &body),
        Answer::Status(code) => send(&mut stream, &format!("{code} Nope"), "text/plain", b"nope"),
        Answer::Slow(wait, body) => {
            thread::sleep(wait);
            send(&mut stream, "200 OK", "text/plain; charset=utf-8", &body);
        }
        Answer::Huge(n) => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n"
            );
            let line = b"- a very long document line that never ends\n".repeat(1024);
            let mut sent = 0;
            while sent < n {
                if stream.write_all(&line).is_err() {
                    return;
                }
                sent += line.len();
            }
        }
        Answer::Redirect(to) => {
            let _ = write!(
                stream,
                "HTTP/1.1 302 Found\r\nlocation: {to}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
        }
    }
}

/// A sources file listing the five documents at `base`.
fn sources(dir: &Path, base: &str) -> PathBuf {
    let mut text = String::new();
    for f in FILES {
        text.push_str(&format!("[[source]]\nurl = \"{base}{REPO}/{f}\"\n\n"));
    }
    let path = dir.join("sources.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("timeline-fetch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `timeline fetch ARGS --out OUT` from the repository's root (where
/// the shipped sources file is); (exit code, stderr, manifest).
fn run_fetch(args: &[&std::ffi::OsStr], out: &Path) -> (i32, String, Manifest) {
    let result = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .arg("fetch")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&result.stderr).into_owned();
    let manifest =
        std::fs::read_to_string(out.join("manifest.json")).unwrap_or_else(|e| panic!("no manifest ({e}): {err}"));
    (
        result.status.code().unwrap_or(-1),
        err,
        serde_json::from_str(&manifest).unwrap(),
    )
}

/// Runs `timeline fetch` with a short time-out; (exit code, stderr, manifest).
fn fetch(name: &str, base: &str) -> (i32, String, Manifest, PathBuf) {
    let dir = temp_dir(name);
    let out = dir.join("notes");
    let sources = sources(&dir, base);
    let (code, err, manifest) = run_fetch(
        &[
            "--timeout".as_ref(),
            "2".as_ref(),
            "--sources".as_ref(),
            sources.as_os_str(),
        ],
        &out,
    );
    (code, err, manifest, out)
}

fn healthy(path: &str) -> Answer {
    match path.strip_prefix(&format!("{REPO}/")) {
        Some(name) if FILES.contains(&name) => Answer::Ok("text/plain; charset=utf-8", fixture(name)),
        _ => Answer::Status(404),
    }
}

fn names(m: &Manifest) -> Vec<&str> {
    m.files.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn every_source_is_downloaded_in_order_with_a_manifest() {
    let base = upstream(healthy);
    let (code, err, manifest, out) = fetch("fine", &base);
    assert_eq!(code, 0, "{err}");
    // No year after the newest listed one is there: nothing added, nothing said.
    assert_eq!(names(&manifest), FILES);
    assert!(
        err.contains("5 of 5 documents,") && !err.contains("found beside"),
        "{err}"
    );
    assert!(!manifest.snapshot);
    for f in &manifest.files {
        let on_disk = std::fs::read(out.join(&f.name)).unwrap();
        assert_eq!(on_disk, fixture(&f.name), "{} is stored as served", f.name);
        assert_eq!(f.bytes, on_disk.len() as u64);
        assert_eq!(f.url, format!("{base}{REPO}/{}", f.name));
        assert!(f.fetched.ends_with('Z') && f.fetched.len() == 20, "{}", f.fetched);
        assert_eq!(f.etag.as_deref(), Some(format!("\"e-{}\"", on_disk.len()).as_str()));
    }
}

#[test]
fn a_missing_source_is_one_line_and_the_rest_still_come() {
    let base = upstream(|path| match path.ends_with("/2022.md") {
        true => Answer::Status(404),
        false => healthy(path),
    });
    let (code, err, manifest, _) = fetch("404", &base);
    assert_eq!(code, 0, "a failing source does not fail the build");
    assert_eq!(names(&manifest), ["2021.md", "2023.md", "2024.md", "README.md"]);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("2022.md")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("HTTP 404") && lines[0].contains("left out"),
        "{}",
        lines[0]
    );
}

/// `README.md` on the first day of 2026: last year's notes moved to
/// `2025.md`, and a new year begun.
const NEW_YEAR: &str = "# Racklet Community Meeting Notes 2026\n\n# January 13, 2026 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n:::\n\n- Planned the year\n";

#[test]
fn a_year_moved_out_of_the_current_document_is_found_beside_it() {
    let base = upstream(|path| match path.strip_prefix(&format!("{REPO}/")) {
        // Last year's notes, now under their year's name.
        Some("2025.md") => Answer::Ok("text/plain; charset=utf-8", fixture("README.md")),
        Some("README.md") => Answer::Ok("text/plain; charset=utf-8", NEW_YEAR.as_bytes().to_vec()),
        _ => healthy(path),
    });
    let (code, err, manifest, out) = fetch("new-year", &base);
    assert_eq!(code, 0, "{err}");
    // Found, in its place: before the current year, which the page asks for again.
    assert_eq!(
        names(&manifest),
        ["2021.md", "2022.md", "2023.md", "2024.md", "2025.md", "README.md"],
        "{err}"
    );
    let found = &manifest.files[4];
    assert_eq!(found.label.as_deref(), Some("2025"));
    assert_eq!(found.url, format!("{base}{REPO}/2025.md"));
    assert_eq!(std::fs::read(out.join("2025.md")).unwrap(), fixture("README.md"));
    // Said once; the years not there (2026.md, while it is README.md) are not.
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("2025.md")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("not in the sources file; found beside README.md and added"),
        "{err}"
    );
    assert!(!err.contains("2026.md") && !err.contains("left out"), "{err}");
    assert!(err.contains("5 of 5 documents and 1 found beside them"), "{err}");
}

#[test]
fn a_found_year_still_whole_in_the_current_document_waits_for_it_to_move_on() {
    // 2025.md made, README.md not yet started afresh: the same notes twice.
    let base = upstream(|path| match path.strip_prefix(&format!("{REPO}/")) {
        Some("2025.md" | "README.md") => Answer::Ok("text/plain; charset=utf-8", fixture("README.md")),
        _ => healthy(path),
    });
    let (code, err, manifest, out) = fetch("copied-year", &base);
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(&manifest), FILES, "each meeting once: {err}");
    assert!(!out.join("2025.md").exists());
    assert!(
        err.contains("2025.md") && err.contains("still holds every meeting in it; not added until README.md moves on"),
        "{err}"
    );
    assert!(err.contains("5 of 5 documents,"), "{err}");
}

#[test]
fn a_slow_source_times_out_without_holding_up_the_others() {
    let base = upstream(|path| match path.ends_with("/2023.md") {
        true => Answer::Slow(Duration::from_secs(6), fixture("2023.md")),
        false => healthy(path),
    });
    let started = std::time::Instant::now();
    let (code, err, manifest, _) = fetch("slow", &base);
    assert_eq!(code, 0);
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "the time-out (2 s) ends the wait"
    );
    assert_eq!(names(&manifest), ["2021.md", "2022.md", "2024.md", "README.md"]);
    assert!(err.contains("2023.md") && err.contains("timed out"), "{err}");
}

#[test]
fn a_20_mb_reply_is_refused_at_the_5_mb_cap() {
    let base = upstream(|path| match path.ends_with("/2021.md") {
        true => Answer::Huge(20 * 1024 * 1024),
        false => healthy(path),
    });
    let (code, err, manifest, out) = fetch("huge", &base);
    assert_eq!(code, 0);
    assert!(!names(&manifest).contains(&"2021.md"));
    assert!(!out.join("2021.md").exists(), "nothing of it is written");
    assert!(err.contains("2021.md") && err.contains("over the 5 MB limit"), "{err}");
}

#[test]
fn redirects_are_followed_and_non_text_replies_refused() {
    let base = upstream(|path| {
        if path.ends_with("/moved/2021.md") {
            Answer::Ok("text/markdown", fixture("2021.md"))
        } else if path.ends_with("/2021.md") {
            Answer::Redirect(format!("{REPO}/moved/2021.md"))
        } else if path.ends_with("/2022.md") {
            Answer::Ok("image/png", vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0])
        } else if path.ends_with("/2023.md") {
            Answer::Ok("text/html", b"<html><body>Rate limited</body></html>".to_vec())
        } else {
            healthy(path)
        }
    });
    let (code, err, manifest, _) = fetch("redirect", &base);
    assert_eq!(code, 0);
    assert_eq!(names(&manifest), ["2021.md", "2024.md", "README.md"]);
    assert!(
        err.contains("2022.md") && err.contains("not text (the server says image/png)"),
        "{err}"
    );
    assert!(err.contains("2023.md") && err.contains("no meeting headings"), "{err}");
}

#[test]
fn offline_the_built_in_snapshot_is_used_and_said_so() {
    // A port nobody listens on: every request is refused.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let (code, err, manifest, out) = fetch("offline", &base);
    assert_eq!(code, 0, "the build never breaks because upstream is unreachable");
    assert!(manifest.snapshot);
    assert_eq!(names(&manifest), ["2024.md"]);
    assert_eq!(std::fs::read(out.join("2024.md")).unwrap(), fixture("2024.md"));
    assert_eq!(err.lines().filter(|l| l.contains("left out")).count(), 5, "{err}");
    assert!(err.contains("using the built-in 2024 snapshot"), "{err}");
}

#[test]
fn a_folder_of_notes_is_read_by_file_name_without_the_network() {
    let dir = temp_dir("local");
    let out = dir.join("notes");
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/archive");
    let (code, err, manifest) = run_fetch(&["--local".as_ref(), local.as_os_str()], &out);
    assert_eq!(code, 0, "{err}");
    // The fixture folder has no 2024.md: the shipped sources file names it, so it is left out.
    assert_eq!(names(&manifest), ["2021.md", "2022.md", "2023.md", "README.md"]);
    assert!(err.contains("2024.md") && err.contains("left out"), "{err}");
    assert!(manifest.files[0]
        .url
        .starts_with("https://raw.githubusercontent.com/racklet/meeting-notes/"));
}

#[test]
fn a_year_that_writes_its_dates_without_the_year_is_kept() {
    let dir = temp_dir("no-year");
    let (local, out) = (dir.join("local"), dir.join("notes"));
    std::fs::create_dir_all(&local).unwrap();
    // The year is in the file's name only, as the parser reads it.
    std::fs::write(
        local.join("2019.md"),
        "# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered the backplane\n",
    )
    .unwrap();
    std::fs::write(
        local.join("notes.md"),
        "# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered\n",
    )
    .unwrap();
    let sources = dir.join("sources.toml");
    std::fs::write(
        &sources,
        "[[source]]\nurl = \"https://example.org/2019.md\"\n\n[[source]]\nurl = \"https://example.org/notes.md\"\n",
    )
    .unwrap();
    let (code, err, manifest) = run_fetch(
        &[
            "--sources".as_ref(),
            sources.as_os_str(),
            "--local".as_ref(),
            local.as_os_str(),
        ],
        &out,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(&manifest), ["2019.md"], "{err}");
    // Without a year anywhere, the same headings are no meetings: said so,
    // with the heading and where a year would date it.
    assert!(
        err.contains("notes.md")
            && err.contains("meeting headings without a year (\"March 5 6:00 PM CET\")")
            && err.contains("in the title"),
        "{err}"
    );
}
