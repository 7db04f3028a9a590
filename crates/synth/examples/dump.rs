//! Writes an archive's documents into a directory, for looking at them
//! until the `timeline synth` subcommand exists:
//!
//! ```text
//! cargo run -p synth --example dump -- DIR [YEARS] [SEED] [split]
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: dump DIR [YEARS] [SEED] [split]");
        std::process::exit(2);
    };
    let opts = synth::Options {
        years: args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10),
        seed: args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1),
        split: args.get(3).is_some_and(|a| a == "split"),
        ..synth::Options::default()
    };
    let archive = synth::archive(&opts);
    std::fs::create_dir_all(dir).expect("create the directory");
    for doc in &archive.documents {
        std::fs::write(std::path::Path::new(dir).join(&doc.name), &doc.text).expect("write a document");
    }
    let bytes: usize = archive.documents.iter().map(|d| d.text.len()).sum();
    println!(
        "{} documents, {bytes} bytes, {} meetings, {} people",
        archive.documents.len(),
        archive.meetings.len(),
        archive.people.len()
    );
}
