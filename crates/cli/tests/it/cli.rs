//! `timeline json`: the contract other programs rely on.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const SEED: &str = "data/notes/racklet-2024.md";

fn timeline(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("timeline runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_prints_the_documented_shape() {
    let (code, out, _) = timeline(&["json", SEED], None);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let m = v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["date"] == "2024-08-20")
        .unwrap();
    assert_eq!(m["time"], "16:00");
    assert_eq!(m["timezone"], "UTC");
    assert_eq!(m["status"], "held");
    assert_eq!(m["hosts"], serde_json::json!(["twelho"]));
    assert_eq!(m["participants"][0]["name"], "Dennis Marttinen");
    assert_eq!(m["participants"][0]["handle"], "twelho");
    assert_eq!(m["recaps"][0], serde_json::json!({"person": "twelho", "items": 4}));
    let link = m["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["text"] == "dtvis")
        .unwrap();
    assert_eq!(link["url"], "https://github.com/platform-system-interface/dtvis/");
    let ids: Vec<&str> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for recap in v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["recaps"].as_array().unwrap())
    {
        assert!(
            ids.contains(&recap["person"].as_str().unwrap()),
            "recaps refer to people ids"
        );
    }
    assert_eq!(v["people"][0]["handles"], serde_json::json!(["twelho"]));
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn json_reads_stdin_and_merges_files_in_date_order() {
    let older = "# Notes 2023\n\n# December 12, 2023 4:00 PM UTC\n\n:::info\n- **Host:** @twelho\n- **Participants:**\n    - Dennis Marttinen, @twelho\n:::\n\n## Biweekly Recap\n\n### Dennis\n\n- Old news\n";
    let (code, out, _) = timeline(&["json", SEED, "-"], Some(older));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let dates: Vec<&str> = v["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 16);
    assert_eq!(dates[0], "2023-12-12", "the older document's meeting comes first");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(
        v["people"].as_array().unwrap().len(),
        4,
        "Dennis is one person across both documents"
    );
}

#[test]
fn an_unreadable_file_exits_2_with_a_one_line_error() {
    let (code, out, err) = timeline(&["json", "no/such/file.md"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.md"));
}

#[test]
fn diagnostics_name_their_line() {
    let (code, out, _) = timeline(&["json", "-"], Some("# T\n\n# Agust 20, 2024\n\n- x\n"));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["diagnostics"][0]["line"], 3);
    assert!(v["diagnostics"][0]["message"].as_str().unwrap().contains("Agust"));
}

#[test]
fn previews_fetches_each_distinct_link_once_and_records_failures() {
    use std::io::{BufRead, BufReader};
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            let mut stream = stream;
            let (status, body) = if request.contains("/page") {
                ("200 OK", "<html><head><title>A page</title><meta property=\"og:description\" content=\"About it\"></head></html>")
            } else {
                ("404 Not Found", "gone")
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let notes = format!(
        "# T\n\n# August 20, 2024\n\n- [a](http://127.0.0.1:{port}/page) and again http://127.0.0.1:{port}/page\n- [gone](http://127.0.0.1:{port}/missing)\n- [not web](javascript:alert(1))\n"
    );
    let dir = std::env::temp_dir().join(format!("timeline-previews-{port}"));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("previews.json");
    let (code, _, err) = timeline(&["previews", "-", "-o", out.to_str().unwrap()], Some(&notes));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let links = v["links"].as_object().unwrap();
    assert_eq!(links.len(), 2, "two distinct web links; javascript: is not fetched");
    let page = &links[&format!("http://127.0.0.1:{port}/page")];
    assert_eq!(page["title"], "A page");
    assert_eq!(page["description"], "About it");
    assert_eq!(links[&format!("http://127.0.0.1:{port}/missing")]["error"], "HTTP 404");
    assert_eq!(hits.load(Ordering::SeqCst), 2, "each distinct link fetched once");
}
