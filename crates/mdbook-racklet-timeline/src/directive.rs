//! Finds `{{#racklet-timeline URL}}` in a chapter's Markdown and puts the
//! embed in its place. Owns the directive's syntax, what counts as code
//! (where it is left alone) and the warnings for malformed directives.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

const OPEN: &str = "{{#racklet-timeline";
const CLOSE: &str = "}}";

/// A directive left as written, and why.
#[derive(Debug, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line of the directive in the chapter.
    pub line: usize,
    pub message: String,
}

/// Expands every well-formed directive outside code; returns the new
/// Markdown and a warning for each malformed one.
pub fn expand(markdown: &str) -> (String, Vec<Warning>) {
    let code = code_ranges(markdown);
    let mut out = String::with_capacity(markdown.len());
    let mut warnings = Vec::new();
    let mut copied = 0; // markdown[..copied] is in `out` already
    for (start, _) in markdown.match_indices(OPEN) {
        // `{{#racklet-timeline-foo}}` is some other directive.
        let after = &markdown[start + OPEN.len()..];
        if !(after.starts_with(char::is_whitespace) || after.starts_with(CLOSE)) {
            continue;
        }
        if start < copied || code.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let line_start = markdown[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = markdown[start..].find('\n').map_or(markdown.len(), |i| start + i);
        match parse(&markdown[line_start..line_end], start - line_start) {
            Ok((url, end, prefix)) => {
                out.push_str(&markdown[copied..start]);
                // Each line of the embed goes into the same list item or quote.
                out.push_str(&super::embed::html(url).replace('\n', &format!("\n{prefix}")));
                copied = line_start + end;
                // The HTML block runs to the next blank line: end it here, so the
                // Markdown that follows stays Markdown.
                let next = markdown[line_end..]
                    .strip_prefix('\n')
                    .and_then(|rest| rest.lines().next());
                if next.is_some_and(|l| !l.trim_matches(|c: char| c == '>' || c.is_whitespace()).is_empty()) {
                    out.push_str(&markdown[copied..line_end]);
                    out.push('\n');
                    out.push_str(prefix.trim_end());
                    copied = line_end;
                }
            }
            Err(message) => warnings.push(Warning {
                line: markdown[..start].matches('\n').count() + 1,
                message: format!("`{}` left as written: {message}", &markdown[start..line_end].trim_end()),
            }),
        }
    }
    out.push_str(&markdown[copied..]);
    (out, warnings)
}

/// Parses the directive at `at` in `line`: its URL, the offset where the
/// directive ends, and the prefix for the embed's further lines.
fn parse(line: &str, at: usize) -> Result<(&str, usize, String), &'static str> {
    let args_start = at + OPEN.len();
    let Some(len) = line[args_start..].find(CLOSE) else {
        return Err("no `}}` on its line");
    };
    let end = args_start + len + CLOSE.len();
    let mut args = line[args_start..args_start + len].split_whitespace();
    let url = args.next().ok_or("no URL")?;
    if args.next().is_some() {
        return Err("more than one URL, or text after it");
    }
    if !is_web_url(url) {
        return Err("the URL must be absolute, http:// or https://");
    }
    // Inline, the script would be parsed as Markdown: the embed needs a block.
    if !line[end..].trim().is_empty() {
        return Err("it must stand on a line of its own");
    }
    let prefix = continuation(&line[..at]).ok_or("it must stand on a line of its own")?;
    Ok((url, end, prefix))
}

fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && url.len() > scheme.len() && !url[scheme.len()..].starts_with('/'))
}

/// For the text before a directive on its line, if it holds only block
/// quote and list markers: what the embed's further lines start with to
/// stay in those blocks (the quote markers, and spaces for list markers).
fn continuation(before: &str) -> Option<String> {
    let mut rest = before;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if let Some(r) = rest.strip_prefix('>') {
            rest = r;
        } else if let Some(r) = list_marker(rest) {
            rest = r;
        } else {
            break;
        }
    }
    rest.is_empty().then(|| {
        before
            .chars()
            .map(|c| if matches!(c, '>' | '\t') { c } else { ' ' })
            .collect()
    })
}

/// Strips a list marker (`-`, `*`, `+`, `1.`, `1)`) and the space after it.
fn list_marker(s: &str) -> Option<&str> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match digits {
        0 => s.strip_prefix(['-', '*', '+'])?,
        1..=9 => s[digits..].strip_prefix(['.', ')'])?,
        _ => return None,
    };
    marker.starts_with([' ', '\t']).then_some(marker)
}

/// Where the directive is text to show, not to expand: code blocks, inline
/// code and HTML comments, by pulldown-cmark's reading with mdBook's options.
fn code_ranges(markdown: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter(|(event, range)| match event {
            // A Start event's range spans the whole block.
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => true,
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => markdown[range.clone()].starts_with("<!--"),
            _ => false,
        })
        .map(|(_, range)| range)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://127.0.0.1:8080/?topic=jh7110";

    fn embeds(out: &str) -> usize {
        out.matches("<iframe class=\"racklet-timeline\"").count()
    }

    #[test]
    fn a_directive_becomes_the_embed() {
        let (out, warnings) = expand(&format!("# Meetings\n\n{{{{#racklet-timeline {URL}}}}}\n\nAfter.\n"));
        assert_eq!(warnings, []);
        assert_eq!(embeds(&out), 1);
        assert!(out.starts_with(
            "# Meetings\n\n<iframe class=\"racklet-timeline\" src=\"http://127.0.0.1:8080/?topic=jh7110\""
        ));
        assert!(out.ends_with("</script>\n\nAfter.\n"));
        assert!(!out.contains("{{#"));
    }

    #[test]
    fn spaces_inside_the_braces_and_https_are_fine() {
        let (out, warnings) = expand("{{#racklet-timeline   HTTPS://notes.example/?q=kexec  }}  \n");
        assert_eq!(warnings, []);
        assert_eq!(embeds(&out), 1);
        assert!(out.contains(r#"src="HTTPS://notes.example/?q=kexec""#));
    }

    #[test]
    fn several_embeds_in_one_chapter() {
        let md = format!(
            "{{{{#racklet-timeline {URL}}}}}\n\ntext\n\n{{{{#racklet-timeline https://b.example/?person=x&q=y}}}}\n"
        );
        let (out, warnings) = expand(&md);
        assert_eq!(warnings, []);
        assert_eq!(embeds(&out), 2);
        assert!(out.contains(r#"src="https://b.example/?person=x&amp;q=y""#));
        assert!(out.contains("</script>\n\ntext\n\n<iframe"));
    }

    #[test]
    fn code_blocks_and_inline_code_are_left_alone() {
        let md = format!(
            "```md\n{{{{#racklet-timeline {URL}}}}}\n```\n\n    {{{{#racklet-timeline {URL}}}}}\n\n\
             Write `{{{{#racklet-timeline {URL}}}}}` on its own line.\n\n\
             ``\n{{{{#racklet-timeline {URL}}}}}\n``\n\n\
             <!--\n{{{{#racklet-timeline {URL}}}}}\n-->\n\n~~~\n{{{{#racklet-timeline nonsense\n~~~\n"
        );
        let (out, warnings) = expand(&md);
        assert_eq!(out, md);
        assert_eq!(warnings, [], "nothing in code is malformed either");
    }

    #[test]
    fn code_next_to_a_directive_does_not_hide_it() {
        let md = format!("`{{{{#racklet-timeline}}}}` is the syntax:\n\n{{{{#racklet-timeline {URL}}}}}\n");
        let (out, warnings) = expand(&md);
        assert_eq!(warnings, []);
        assert_eq!(embeds(&out), 1);
        assert!(out.starts_with("`{{#racklet-timeline}}` is the syntax:\n\n<iframe"));
    }

    #[test]
    fn malformed_directives_are_left_as_written_with_their_line() {
        let md = "# Notes\n\
                  {{#racklet-timeline}}\n\
                  {{#racklet-timeline ftp://x.example/}}\n\
                  {{#racklet-timeline /relative/}}\n\
                  {{#racklet-timeline https://x.example/ extra}}\n\
                  {{#racklet-timeline https://x.example/\n\
                  See {{#racklet-timeline https://x.example/}} inline.\n\
                  {{#racklet-timeline https://}}\n\
                  {{#racklet-timeline-other https://x.example/}}\n";
        let (out, warnings) = expand(md);
        assert_eq!(out, md);
        let found: Vec<_> = warnings
            .iter()
            .map(|w| (w.line, w.message.split(": ").last().unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (2, "no URL"),
                (3, "the URL must be absolute, http:// or https://"),
                (4, "the URL must be absolute, http:// or https://"),
                (5, "more than one URL, or text after it"),
                (6, "no `}}` on its line"),
                (7, "it must stand on a line of its own"),
                (8, "the URL must be absolute, http:// or https://"),
            ]
        );
        assert_eq!(
            warnings[4].message,
            "`{{#racklet-timeline https://x.example/` left as written: no `}}` on its line"
        );
    }

    #[test]
    fn inside_a_list_or_quote_every_line_stays_in_it() {
        let (out, warnings) = expand(&format!("- item\n- {{{{#racklet-timeline {URL}}}}}\n- next\n"));
        assert_eq!(warnings, []);
        assert!(out.starts_with("- item\n- <iframe"));
        assert!(out.contains("\n  <script>\n    (function () {\n"));
        assert!(out.ends_with("\n  </script>\n\n- next\n"));

        let (out, _) = expand(&format!("> {{{{#racklet-timeline {URL}}}}}\n> quoted\n"));
        assert!(out.contains("\n> <script>\n>   (function () {\n"));
        assert!(out.ends_with("\n> </script>\n>\n> quoted\n"));
    }

    #[test]
    fn the_html_block_ends_before_the_next_paragraph() {
        let (out, _) = expand(&format!("Before\n{{{{#racklet-timeline {URL}}}}}\nAfter\n"));
        assert!(out.starts_with("Before\n<iframe"));
        assert!(out.ends_with("</script>\n\nAfter\n"));
    }

    #[test]
    fn list_markers() {
        assert_eq!(continuation("").as_deref(), Some(""));
        assert_eq!(continuation("> 1. ").as_deref(), Some(">    "));
        assert_eq!(continuation("  * ").as_deref(), Some("    "));
        assert_eq!(continuation("See "), None);
        assert_eq!(continuation("# "), None);
        assert_eq!(continuation("-"), None, "a marker needs its space");
    }
}
