//! `timeline`: the notes on the build machine. Fetches the archive, writes
//! the release page, link previews, feeds and synthetic archives, and
//! prints what the parser makes of notes. Every subcommand has `--help`.
//!
//! Errors are typed in the modules; here, at the edge, they become one line
//! on stderr and an exit status: 2 for what the caller got wrong (a missing
//! file, a bad argument), 1 for anything else.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use notes::export::Export;
use notes::model::Notes;
use notes::parse::{parse, sources};

use cli::{feed, fetch, ics, prerender, previews};

#[derive(Parser)]
#[command(name = "timeline", version, about = "The Racklet meeting notes on the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the parsed model of one or more notes files as JSON ("-" reads stdin)
    Json {
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Download the archive's documents into DIR, with a manifest.json
    Fetch {
        /// The sources file
        #[arg(long, default_value = "data/sources.toml")]
        sources: PathBuf,
        /// Where the documents and manifest.json go
        #[arg(long)]
        out: PathBuf,
        /// Take the files from this folder (by file name) instead of the network
        #[arg(long)]
        local: Option<PathBuf>,
        /// Write only the built-in snapshot (no network)
        #[arg(long, conflicts_with = "local")]
        snapshot: bool,
        /// Seconds allowed per source, redirects and body included
        #[arg(long, default_value_t = 20)]
        timeout: u64,
    },
    /// Hardware in notes: each known topic with its mention count, and each unknown
    /// name (part-number-shaped words, and names known by their context: "RK1 modules",
    /// "Milk-V Oasis") with its count and first line (what to add to data/hardware.toml)
    Topics {
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Fetch each distinct link's metadata into previews.json
    Previews {
        #[arg(required = true)]
        files: Vec<String>,
        /// Write here instead of stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Render the archive's timeline into a built index.html (the release build's post-build step)
    Prerender {
        /// The built page, rewritten in place
        index: PathBuf,
        /// The notes folder (`timeline fetch --out`), as shipped beside the page
        #[arg(long)]
        notes: PathBuf,
        /// previews.json, whose image hosts the policy allows
        #[arg(long)]
        previews: Option<PathBuf>,
    },
    /// Write a synthetic archive of meeting notes (deterministic: the same options give the same bytes)
    Synth {
        /// Calendar years covered
        #[arg(long, default_value_t = 10)]
        years: u32,
        /// Seed of the generator
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The last year covered
        #[arg(long, default_value_t = 2024)]
        end_year: i32,
        /// One document per year (2021.md … README.md) into this folder
        #[arg(long, conflicts_with = "out")]
        split: Option<PathBuf>,
        /// One document to this file (stdout without --out or --split)
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Also write what was generated (meetings, hosts, recaps, people) as JSON
        #[arg(long)]
        manifest: Option<PathBuf>,
    },
    /// Median time to parse FILE (for comparisons)
    Bench {
        file: String,
        #[arg(default_value_t = 500)]
        runs: usize,
    },
    /// Write an Atom feed of the held meetings, newest first: date, host, participants and a
    /// plain-text summary of the recaps, each entry linking to its meeting on the page; with
    /// --output, that file's name beside the page is the feed's self link
    Feed(PageExport),
    /// Write an iCalendar file with one event per meeting (start in UTC, 1 h; all day when the
    /// notes give no time): planned ones included, skipped ones as STATUS:CANCELLED
    Ics(PageExport),
}

/// What `feed` and `ics` read and where they write.
#[derive(clap::Args)]
struct PageExport {
    /// Notes files ("-" reads stdin), merged into one timeline
    #[arg(required = true)]
    files: Vec<String>,
    /// Write here instead of stdout
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The published page; entries and events link to its meeting anchors (URL#2024-08-20)
    #[arg(long, value_name = "URL", default_value = feed::DEFAULT_BASE_URL)]
    base_url: String,
}

/// A failure at the edge: its message, and whether the caller caused it.
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    fn usage(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            usage: true,
        }
    }

    fn other(message: impl std::fmt::Display) -> Failure {
        Failure {
            message: message.to_string(),
            usage: false,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Json { files } => json(&files),
        Command::Fetch {
            sources,
            out,
            local,
            snapshot,
            timeout,
        } => run_fetch(&sources, &out, local, snapshot, timeout),
        Command::Topics { files } => read_notes(&files).and_then(|notes| write_out(None, &cli::topics::report(&notes))),
        Command::Previews { files, output } => run_previews(&files, output.as_deref()),
        Command::Prerender { index, notes, previews } => {
            prerender::run(&index, &notes, previews.as_deref()).map_err(Failure::other)
        }
        Command::Synth {
            years,
            seed,
            end_year,
            split,
            out,
            manifest,
        } => run_synth(years, seed, end_year, split, out, manifest),
        Command::Bench { file, runs } => bench(&file, runs),
        Command::Feed(a) => run_feed(&a.files, a.output.as_deref(), &a.base_url),
        Command::Ics(a) => run_ics(&a.files, a.output.as_deref(), &a.base_url),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("timeline: {}", f.message);
            ExitCode::from(if f.usage { 2 } else { 1 })
        }
    }
}

/// Reads each file (or stdin for "-"); the first unreadable one ends the run.
fn read_inputs(paths: &[String]) -> Result<Vec<(String, String)>, Failure> {
    paths
        .iter()
        .map(|path| {
            if path == "-" {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| Failure::usage(format!("cannot read stdin: {e}")))?;
                Ok(("stdin".to_string(), text))
            } else {
                let text =
                    std::fs::read_to_string(path).map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?;
                Ok((path.clone(), text))
            }
        })
        .collect()
}

/// Reads and parses the files as one timeline.
fn read_notes(paths: &[String]) -> Result<Notes, Failure> {
    let inputs = read_inputs(paths)?;
    Ok(parse(&sources(
        inputs.iter().map(|(name, text)| (name.as_str(), text.as_str())),
    )))
}

/// Writes `text` to `path`, or to stdout without one.
fn write_out(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure::usage(format!("cannot write {}: {e}", path.display())))
        }
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not worth more than a status.
            out.write_all(text.as_bytes()).map_err(Failure::other)
        }
    }
}

fn json(paths: &[String]) -> Result<(), Failure> {
    let notes = read_notes(paths)?;
    let json = serde_json::to_string_pretty(&Export::new(&notes)).map_err(Failure::other)? + "\n";
    write_out(None, &json)
}

fn run_fetch(sources: &Path, out: &Path, local: Option<PathBuf>, snapshot: bool, timeout: u64) -> Result<(), Failure> {
    let list = if snapshot {
        Vec::new()
    } else {
        fetch::read_sources(sources).map_err(Failure::usage)?
    };
    let opts = fetch::Options {
        timeout: Duration::from_secs(timeout),
        local,
        snapshot_only: snapshot,
        ..fetch::Options::default()
    };
    let (manifest, found) =
        fetch::fetch(&list, out, &opts, &mut |line| eprintln!("timeline: fetch: {line}")).map_err(Failure::other)?;
    let bytes: u64 = manifest.files.iter().map(|f| f.bytes).sum();
    eprintln!(
        "timeline: fetch: {} of {} documents{}, {} KB, into {}{}",
        if manifest.snapshot {
            0
        } else {
            manifest.files.len() - found
        },
        list.len(),
        if found > 0 {
            format!(" and {found} found beside them")
        } else {
            String::new()
        },
        bytes / 1024,
        out.display(),
        if manifest.snapshot {
            " (the built-in snapshot)"
        } else {
            ""
        }
    );
    Ok(())
}

/// Fetches metadata for every distinct web link in the notes. One bad link
/// is recorded in the file and does not stop the others.
fn run_previews(files: &[String], output: Option<&Path>) -> Result<(), Failure> {
    use notes::model::LinkTarget;
    let notes = read_notes(files)?;
    let mut urls: Vec<String> = Vec::new();
    for m in &notes.meetings {
        for (_, target, _) in m.links() {
            if let LinkTarget::Web(url) = target {
                if !urls.iter().any(|u| u == url.as_str()) {
                    urls.push(url.to_string());
                }
            }
        }
    }
    eprintln!("timeline: fetching {} links", urls.len());
    let file = previews::fetch_all(&urls, &previews::FetchOptions::default());
    let failed = file.links.iter().filter(|(_, e)| !e.is_ok()).count();
    let json = serde_json::to_string_pretty(&file).map_err(Failure::other)? + "\n";
    write_out(output, &json)?;
    eprintln!("timeline: {} links, {} failed", file.links.len(), failed);
    Ok(())
}

fn run_synth(
    years: u32,
    seed: u64,
    end_year: i32,
    split: Option<PathBuf>,
    out: Option<PathBuf>,
    manifest: Option<PathBuf>,
) -> Result<(), Failure> {
    let opts = synth::Options {
        years,
        end_year,
        seed,
        split: split.is_some(),
    };
    let archive = synth::archive(&opts);
    match &split {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
            for doc in &archive.documents {
                write_out(Some(&dir.join(&doc.name)), &doc.text)?;
            }
        }
        None => write_out(out.as_deref(), &archive.documents[0].text)?,
    }
    if let Some(path) = manifest {
        let json = serde_json::to_string_pretty(&cli::synth_json(&archive)).map_err(Failure::other)? + "\n";
        write_out(Some(&path), &json)?;
    }
    Ok(())
}

/// Parses FILE RUNS times (after a warm-up) and prints the median, the
/// minimum and the size, for comparing with other parsers.
fn bench(file: &str, runs: usize) -> Result<(), Failure> {
    let inputs = read_inputs(&[file.to_string()])?;
    let runs = runs.max(1);
    let (name, text) = &inputs[0];
    let _ = notes::parse::parse_one(name, text);
    let mut times: Vec<u128> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(notes::parse::parse_one(name, std::hint::black_box(text)));
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
    Ok(())
}

/// `timeline feed`: the base URL is checked before any file is read.
fn run_feed(files: &[String], output: Option<&Path>, base_url: &str) -> Result<(), Failure> {
    let page = feed::PageUrl::parse(base_url).map_err(Failure::usage)?;
    let notes = read_notes(files)?;
    let self_url = output
        .and_then(|path| path.file_name())
        .and_then(|name| page.file(&name.to_string_lossy()));
    let opts = feed::Options { page, self_url };
    let xml = feed::write(&notes, &opts).map_err(Failure::other)?;
    write_out(output, &xml)
}

/// `timeline ics`.
fn run_ics(files: &[String], output: Option<&Path>, base_url: &str) -> Result<(), Failure> {
    let page = feed::PageUrl::parse(base_url).map_err(Failure::usage)?;
    let notes = read_notes(files)?;
    write_out(output, &ics::write(&notes, &page))
}
