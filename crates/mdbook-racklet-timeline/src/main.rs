//! `mdbook-racklet-timeline`: an mdBook preprocessor that turns
//! `{{#racklet-timeline URL}}` into the embedded Racklet notes timeline.
//!
//! This file owns the command line and mdBook's protocol: `supports
//! RENDERER` answers by its exit code; with no arguments the book comes as
//! JSON on stdin and goes back, expanded, on stdout, with warnings on
//! stderr. [`directive`] finds and checks the directives; [`embed`] renders
//! the snippet from `docs/embed-snippet.html`.

mod directive;
mod embed;

use std::io::{self, Write};
use std::process::ExitCode;

use mdbook_preprocessor::book::{Book, Chapter};
use mdbook_preprocessor::errors::Result;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        // Every renderer gets the embed, so mdbook-linkcheck checks what the
        // HTML renderer shows.
        ["supports", _] => ExitCode::SUCCESS,
        [] => match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("racklet-timeline: {e:#}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: mdbook-racklet-timeline [supports RENDERER]\nmdBook runs it: see the README.");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let (ctx, mut book) = mdbook_preprocessor::parse_input(io::stdin().lock())?;
    if minor(&ctx.mdbook_version) != minor(mdbook_preprocessor::MDBOOK_VERSION) {
        eprintln!(
            "WARN racklet-timeline: built for mdBook {}, called by mdBook {}",
            mdbook_preprocessor::MDBOOK_VERSION,
            ctx.mdbook_version
        );
    }
    expand_book(&mut book, &mut io::stderr().lock());
    let mut out = io::stdout().lock();
    serde_json::to_writer(&mut out, &book)?;
    out.flush()?;
    Ok(())
}

/// Expands every chapter, writing a line to `log` for each malformed directive.
fn expand_book(book: &mut Book, log: &mut impl Write) {
    book.for_each_chapter_mut(|chapter| {
        let (content, warnings) = directive::expand(&chapter.content);
        for w in warnings {
            // A failed write to stderr has nowhere better to go.
            let _ = writeln!(
                log,
                "WARN racklet-timeline: {}:{}: {}",
                label(chapter),
                w.line,
                w.message
            );
        }
        chapter.content = content;
    });
}

/// The chapter's file under `src/`, as its author knows it; a draft has only a name.
fn label(chapter: &Chapter) -> String {
    match &chapter.source_path {
        Some(path) => path.display().to_string(),
        None => format!("chapter \"{}\"", chapter.name),
    }
}

/// "0.5" of "0.5.4": 0.x releases change the protocol.
fn minor(version: &str) -> &str {
    let end = version.match_indices('.').nth(1).map_or(version.len(), |(i, _)| i);
    &version[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_preprocessor::book::BookItem;

    #[test]
    fn warnings_name_the_chapter_and_line() {
        let ok = "{{#racklet-timeline https://x.example/}}\n";
        let bad = "# Hardware\n\nText.\n{{#racklet-timeline}}\n";
        let mut book = Book::new_with_items(vec![
            BookItem::Chapter(Chapter::new("Meetings", ok.into(), "meetings.md", vec![])),
            BookItem::Chapter(Chapter::new("Hardware", bad.into(), "hardware/index.md", vec![])),
        ]);
        let mut log = Vec::new();
        expand_book(&mut book, &mut log);
        assert_eq!(
            String::from_utf8(log).unwrap(),
            "WARN racklet-timeline: hardware/index.md:4: `{{#racklet-timeline}}` left as written: no URL\n"
        );
        let contents: Vec<_> = book
            .iter()
            .filter_map(|item| match item {
                BookItem::Chapter(ch) => Some(ch.content.as_str()),
                _ => None,
            })
            .collect();
        assert!(contents[0].starts_with("<iframe"));
        assert_eq!(contents[1], bad);
    }

    #[test]
    fn minor_versions() {
        assert_eq!(minor("0.5.4"), "0.5");
        assert_eq!(minor("0.5.0-alpha.1"), "0.5");
        assert_eq!(minor("1"), "1");
    }
}
