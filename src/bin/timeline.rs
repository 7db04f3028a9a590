//! `timeline`: the notes parser on the command line.
//!
//! ```text
//! timeline json FILE...     parsed model of one or more notes files as JSON ("-" reads stdin)
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

use racklet_timeline::export::Export;
use racklet_timeline::parse::{parse, SourceText};

const USAGE: &str = "usage: timeline json FILE...   (\"-\" reads stdin)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("json") => json(&args[1..]),
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
    let inputs = match read_inputs(paths) {
        Ok(inputs) => inputs,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let sources: Vec<SourceText<'_>> = inputs.iter().map(|(name, text)| SourceText { name, text }).collect();
    let notes = parse(&sources);
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &Export::new(&notes)).map_err(|e| e.to_string());
    match written.and_then(|_| writeln!(out).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not worth a panic.
        Err(_) => ExitCode::from(1),
    }
}
