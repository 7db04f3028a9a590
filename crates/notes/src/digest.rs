//! "Copy as Markdown": the meetings a filter shows as a readable digest, for
//! an email or a chat: each meeting's date and host, the bullets that match
//! (with the bullets above them as context and below them as detail), and
//! the links they cite.

use std::fmt::Write;

use crate::model::{datefmt, Block, Inline, LinkTarget, Meeting, Notes};
use crate::query::{Filter, UnitState, View};
use crate::story::{unit_node, UnitNode};

/// The digest of the meetings `view` shows, newest or oldest first, headed
/// by `title` and by what the filter selects.
pub fn markdown(notes: &Notes, filter: &Filter, view: &View, newest_first: bool, title: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {title}");
    let mut what: Vec<String> = Vec::new();
    for p in &filter.people {
        what.push(notes.person(*p).display_name().to_string());
    }
    for t in &filter.topics {
        what.push(notes.topic(*t).label.clone());
    }
    if !filter.text.trim().is_empty() {
        what.push(format!("\"{}\"", filter.text.trim()));
    }
    out.push('\n');
    if what.is_empty() {
        let _ = writeln!(out, "All {} meetings.", view.total);
    } else {
        let _ = writeln!(
            out,
            "{} of {} meetings, filtered by {}.",
            view.meetings.len(),
            view.total,
            what.join(", ")
        );
    }
    let mut order: Vec<&crate::query::MeetingView> = view.meetings.iter().collect();
    if newest_first {
        order.reverse();
    }
    for mv in order {
        let m = notes.meeting(mv.meeting);
        meeting(notes, m, mv.units.as_deref(), &mut out);
    }
    out
}

fn meeting(notes: &Notes, m: &Meeting, states: Option<&[UnitState]>, out: &mut String) {
    let _ = write!(out, "\n## {}", datefmt::long_date(m.date));
    match m.status {
        crate::model::MeetingStatus::Skipped => {
            let _ = writeln!(out, " (no meeting)");
        }
        crate::model::MeetingStatus::Planned => {
            let _ = writeln!(out, " (planned)");
        }
        crate::model::MeetingStatus::Held => out.push('\n'),
    }
    if !m.hosts.is_empty() {
        let hosts: Vec<&str> = m.hosts.iter().map(|h| notes.person(*h).display_name()).collect();
        let _ = writeln!(out, "\nHost: {}", hosts.join(", "));
    }
    let shown = |i: usize| states.is_none_or(|s| s[i].is_shown());
    let mut lines = String::new();
    let mut links: Vec<(&str, &str)> = Vec::new();
    for (i, u) in m.units.iter().enumerate() {
        if !shown(i) {
            continue;
        }
        let mut depth = 0;
        let mut p = u.parent;
        while let Some(pi) = p {
            depth += 1;
            p = m.units[pi.0 as usize].parent;
        }
        let text = match unit_node(m, crate::model::UnitId(i as u32)) {
            Some(UnitNode::Item(item)) => inline_markdown(&item.inlines),
            Some(UnitNode::Block(Block::Paragraph { inlines, .. })) => inline_markdown(inlines),
            Some(UnitNode::Block(Block::Code { text, .. })) => format!("`{}`", text.trim().replace('\n', " ")),
            Some(UnitNode::Block(Block::Table { .. })) => "(a table)".to_string(),
            Some(UnitNode::Block(Block::Html { text, .. })) => format!("`{}`", text.trim()),
            _ => continue,
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // "Dennis: …", "Dennis & Lucas: …" (a joint recap), once per recap.
        let who = u
            .person
            .filter(|p| u.parent.is_none_or(|pi| m.units[pi.0 as usize].person != Some(*p)))
            .filter(|p| !text.contains(notes.person(*p).display_name()))
            .map(|p| {
                let mut who = notes.person(p).display_name().to_string();
                for w in &u.with {
                    who += " & ";
                    who += notes.person(*w).display_name();
                }
                who + ": "
            })
            .unwrap_or_default();
        let _ = writeln!(lines, "{}- {who}{text}", "  ".repeat(depth));
        for (target, label) in &u.links {
            if let LinkTarget::Web(url) = &**target {
                if !links.iter().any(|(u, _)| *u == url.as_str()) {
                    links.push((url.as_str(), label.trim()));
                }
            }
        }
    }
    if !lines.is_empty() {
        out.push('\n');
        out.push_str(&lines);
    }
    if !links.is_empty() {
        out.push_str("\nLinks:\n\n");
        for (url, label) in links {
            if label.is_empty() || label == url {
                let _ = writeln!(out, "- <{url}>");
            } else {
                let _ = writeln!(out, "- [{}]({url})", escape(label));
            }
        }
    }
}

/// Inline content back to Markdown: emphasis, code and links as Markdown,
/// everything else as its text.
pub fn inline_markdown(inlines: &[Inline]) -> String {
    let mut out = String::new();
    write_inlines(inlines, &mut out);
    out
}

fn write_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Mentions { text: t, .. } => out.push_str(&escape(t)),
            Inline::Code(t) => {
                let _ = write!(out, "`{t}`");
            }
            Inline::Html(t) => {
                let _ = write!(out, "`{t}`");
            }
            Inline::Emphasis(c) => wrap("*", c, out),
            Inline::Strong(c) => wrap("**", c, out),
            Inline::Strike(c) => wrap("~~", c, out),
            Inline::Mark(c) => wrap("==", c, out),
            Inline::Link { target, children } => {
                let text = inline_markdown(children);
                match &**target {
                    LinkTarget::Web(u) | LinkTarget::Mail(u) if text == u.as_str() => {
                        let _ = write!(out, "<{}>", u.as_str());
                    }
                    LinkTarget::Web(u) | LinkTarget::Mail(u) => {
                        let _ = write!(out, "[{text}]({})", u.as_str());
                    }
                    // Not a web link: its text only, as the page shows it.
                    LinkTarget::Inert(_) => out.push_str(&text),
                }
            }
            Inline::Image { alt, .. } => {
                let _ = write!(out, "[image: {}]", escape(alt));
            }
            Inline::HardBreak | Inline::SoftBreak => out.push(' '),
        }
    }
}

fn wrap(mark: &str, inner: &[Inline], out: &mut String) {
    out.push_str(mark);
    write_inlines(inner, out);
    out.push_str(mark);
}

/// Escapes what would otherwise start Markdown syntax in plain text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
