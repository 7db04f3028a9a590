//! `timeline`: the notes parser on the command line.
//!
//! ```text
//! timeline json FILE...                      parsed model of one or more notes files as JSON ("-" reads stdin)
//! timeline previews FILE... [-o FILE]        fetch each distinct link's metadata into previews.json
//! timeline prerender INDEX.html [PREVIEWS]   render the built-in timeline into a built page, add its CSP
//! timeline bench FILE [RUNS]                 median time to parse FILE (for comparisons)
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use racklet_timeline::export::Export;
use racklet_timeline::parse::{parse, SourceText};

const USAGE: &str = "usage: timeline json FILE...                  (\"-\" reads stdin)
       timeline previews FILE... [-o FILE]    (writes previews.json for the app; stdout without -o)
       timeline prerender INDEX.html [PREVIEWS.json]   (the release build's post-build step)
       timeline bench FILE [RUNS]             (median parse time in microseconds)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("json") => json(&args[1..]),
        Some("bench") => bench(&args[1..]),
        // The fetcher is native only (the wasm build has no sockets).
        #[cfg(not(target_arch = "wasm32"))]
        Some("previews") => previews(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("prerender") => prerender(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Says what was wrong with the command line or its files; status 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

/// Reads and parses the files as one timeline; an unreadable file is
/// reported and ends the run with status 2.
fn read_notes(paths: &[String]) -> Result<racklet_timeline::model::Notes, ExitCode> {
    let inputs = read_inputs(paths).map_err(|message| usage_error(&message))?;
    let sources: Vec<SourceText<'_>> = inputs.iter().map(|(name, text)| SourceText { name, text }).collect();
    Ok(parse(&sources))
}

/// Reads each file (or stdin for "-"); the first unreadable one ends the run.
fn read_inputs(paths: &[String]) -> Result<Vec<(String, String)>, String> {
    if paths.is_empty() {
        return Err("timeline: no input files (use - for stdin)".into());
    }
    paths
        .iter()
        .map(|path| {
            let text = if path == "-" {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| format!("timeline: cannot read stdin: {e}"))?;
                text
            } else {
                std::fs::read_to_string(path).map_err(|e| format!("timeline: cannot read {path}: {e}"))?
            };
            Ok((if path == "-" { "stdin".to_string() } else { path.clone() }, text))
        })
        .collect()
}

fn json(paths: &[String]) -> ExitCode {
    let notes = match read_notes(paths) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &Export::new(&notes)).map_err(|e| e.to_string());
    match written.and_then(|_| writeln!(out).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not worth a panic.
        Err(_) => ExitCode::from(1),
    }
}

/// Fetches metadata for every distinct http(s) link in the notes. One bad
/// link is recorded in the file and does not stop the others.
#[cfg(not(target_arch = "wasm32"))]
fn previews(args: &[String]) -> ExitCode {
    use racklet_timeline::model::LinkTarget;
    use racklet_timeline::previews::{fetch_all, FetchOptions};

    let mut files = Vec::new();
    let mut out_path = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => match it.next() {
                Some(p) => out_path = Some(p.clone()),
                None => {
                    eprintln!("timeline: -o needs a file name");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(arg.clone()),
        }
    }
    let notes = match read_notes(&files) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let mut urls: Vec<String> = Vec::new();
    for m in &notes.meetings {
        for (_, target, _) in m.links() {
            if let LinkTarget::Web(url) = target {
                if !urls.contains(url) {
                    urls.push(url.clone());
                }
            }
        }
    }
    eprintln!("timeline: fetching {} links", urls.len());
    let file = fetch_all(&urls, &FetchOptions::default());
    let failed = file.links.iter().filter(|(_, e)| !e.is_ok()).count();
    let json = match serde_json::to_string_pretty(&file) {
        Ok(json) => json + "\n",
        Err(e) => {
            eprintln!("timeline: {e}");
            return ExitCode::from(1);
        }
    };
    let written = match &out_path {
        Some(path) => std::fs::write(path, json).map_err(|e| format!("timeline: cannot write {path}: {e}")),
        None => std::io::stdout()
            .lock()
            .write_all(json.as_bytes())
            .map_err(|e| e.to_string()),
    };
    if let Err(message) = written {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    eprintln!("timeline: {} links, {} failed", file.links.len(), failed);
    ExitCode::SUCCESS
}

/// Renders the built-in timeline into a built `index.html` in place and
/// adds its Content-Security-Policy (with image hosts from previews.json).
#[cfg(not(target_arch = "wasm32"))]
fn prerender(args: &[String]) -> ExitCode {
    use racklet_timeline::site;
    use racklet_timeline::ui::{ssr, NotesRef};

    let Some(path) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let page = match std::fs::read_to_string(path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("timeline: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut image_hosts = Vec::new();
    if let Some(previews) = args.get(1) {
        match std::fs::read_to_string(previews)
            .map(|t| serde_json::from_str::<racklet_timeline::previews::PreviewFile>(&t))
        {
            Ok(Ok(file)) => {
                image_hosts = site::origins(file.links.iter().filter_map(|(_, e)| e.image.as_deref()));
            }
            Ok(Err(e)) => eprintln!("timeline: ignoring {previews}: {e}"),
            Err(_) => {} // No previews.json: tier 1 only.
        }
    }
    let notes = NotesRef(std::rc::Rc::new(racklet_timeline::parse::parse_one(
        racklet_timeline::BUILT_IN_NAME,
        racklet_timeline::BUILT_IN_NOTES,
    )));
    let app = ssr::render_app(notes);
    let page = site::defer_loader(&page);
    let policy = site::csp(&site::inline_scripts(&page), &image_hosts);
    match site::finish_page(&page, &app, &policy).and_then(|done| std::fs::write(path, done).map_err(|e| e.to_string()))
    {
        Ok(()) => {
            eprintln!("timeline: prerendered {} ({} KB of HTML)", path, app.len() / 1024);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("timeline: {path}: {e}");
            ExitCode::from(1)
        }
    }
}

/// Parses FILE RUNS times (after a warm-up) and prints the median, the
/// minimum and the size, for comparing with other parsers.
fn bench(args: &[String]) -> ExitCode {
    let inputs = match read_inputs(&args[..args.len().min(1)]) {
        Ok(inputs) => inputs,
        Err(message) => return usage_error(&message),
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(500).max(1);
    let (name, text) = &inputs[0];
    let _ = racklet_timeline::parse::parse_one(name, text);
    let mut times: Vec<u128> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(racklet_timeline::parse::parse_one(name, std::hint::black_box(text)));
            start.elapsed().as_micros()
        })
        .collect();
    times.sort_unstable();
    println!(
        "{{\"bytes\": {}, \"runs\": {runs}, \"median_us\": {}, \"min_us\": {}}}",
        text.len(),
        times[runs / 2],
        times[0]
    );
    ExitCode::SUCCESS
}
