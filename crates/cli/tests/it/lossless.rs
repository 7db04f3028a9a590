//! Nothing is lost: every non-empty line of a meeting's body text (the
//! lines between its `# date` heading and the next level-1 heading) appears
//! in the rendered card of that meeting. Checked for the 2024 notes, for
//! every drift fixture, and for generated documents.
//!
//! A line is compared by its visible text ([`visible_text`]) against the
//! card's text ([`card_text`]), both normalised the same way ([`norm`]).
//! A few constructs legitimately change how text is shown; each is handled
//! explicitly in [`line_is_shown`]:
//! - info fields lose their label (`Location:` is shown as "Where"),
//! - the `Date:` field repeats the heading, so only its remark is shown (a
//!   remark that is the heading's time zone again is shown with the start),
//! - people are shown by their display name with an avatar, not as written
//!   (`@twelho`, `Dennis`, `Dennis Marttinen, @twelho`), and a host written
//!   as `N/A` is shown as no host,
//! - known emoji shortcodes are shown as the emoji (`:tada:` → 🎉).

use std::path::Path;
use std::rc::Rc;

use notes::model::{Block, Meeting, MeetingStatus, Notes, PersonId};
use notes::parse::people::is_no_one;
use notes::parse::text::{replace_embeds, replace_emoji};
use proptest::prelude::*;
use racklet_timeline::sources::{Doc, DocKind};
use racklet_timeline::ssr::render_meeting;
use racklet_timeline::NotesRef;

// ---------------------------------------------------------------------------
// The source side: which lines belong to a meeting, and their visible text.

/// One source line with what a simple scan knows about it.
struct Line<'a> {
    /// 1-based, like `Meeting::line`.
    number: u32,
    text: &'a str,
    /// Inside a fenced code block (the fence lines themselves excluded).
    in_code: bool,
    /// A ```` ``` ```` or `~~~` fence line: markup, not content.
    fence: bool,
    /// An ATX heading's level (`# …`, `## …` at the start of the line).
    heading: Option<usize>,
}

fn scan(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, text) in text.lines().enumerate() {
        // A byte-order mark before the first line is not part of it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let trimmed = text.trim_start();
        let fence = ['`', '~'].into_iter().find_map(|c| {
            let n = trimmed.chars().take_while(|&x| x == c).count();
            (n >= 3).then_some((c, n))
        });
        let (in_code, is_fence) = match (open, fence) {
            (None, Some(f)) => {
                open = Some(f);
                (false, true)
            }
            (Some((c, n)), Some((fc, fnum)))
                if c == fc && fnum >= n && trimmed[fnum * c.len_utf8()..].trim().is_empty() =>
            {
                open = None;
                (false, true)
            }
            (Some(_), _) => (true, false),
            (None, None) => (false, false),
        };
        out.push(Line {
            number: i as u32 + 1,
            text,
            in_code,
            fence: is_fence,
            heading: (!in_code && !is_fence)
                .then(|| text.bytes().take_while(|b| *b == b'#').count())
                .filter(|n| (1..=6).contains(n) && matches!(text.as_bytes().get(*n), None | Some(b' '))),
        });
    }
    out
}

/// The body lines of the meeting whose heading is on line `heading`: up to
/// the next heading as high ("# " meetings, or "## " ones under a title).
fn body<'s, 'a>(lines: &'s [Line<'a>], heading: u32, meetings: &'s [u32]) -> impl Iterator<Item = &'s Line<'a>> {
    let level = lines[heading as usize - 1].heading.unwrap_or(1);
    // Up to the next heading as high, or the next meeting's (one written a
    // level deeper than the others).
    lines
        .iter()
        .skip(heading as usize)
        .take_while(move |l| l.heading.is_none_or(|h| h > level) && !meetings.contains(&l.number))
}

/// The text a reader sees for one line of Markdown, or `None` when the line
/// is only markup. Deliberately simple, one rule per construct:
/// - fence lines (```` ``` ````, `:::info`, `:::`), `[TOC]`, HackMD's
///   `###### tags:` line (the document's), thematic breaks
///   and table separator rows are markup;
/// - lines inside code blocks are shown as written;
/// - leading `>` quote markers, `#` heading markers (and a closing `#` run),
///   list markers (`-`, `*`, `+`, `1.`, `1)`) and task boxes are dropped;
/// - `![alt](url)` becomes `alt`, `[text](url)` becomes `text`, `<url>`
///   becomes `url`, `<br>` becomes a space, table pipes become spaces;
/// - `\` before punctuation is dropped (a Markdown escape);
/// - known emoji shortcodes become the emoji the parser uses, and HackMD
///   embeds (`{%youtube id %}`) the name of the link they become.
///
/// Emphasis, highlight and code markers (`*`, `_`, `` ` ``, `~`, `=`) are removed by
/// [`norm`], from both sides alike, since `_` inside words is text.
fn visible_text(line: &Line<'_>) -> Option<String> {
    if line.fence {
        return None;
    }
    if line.in_code {
        return Some(line.text.to_string());
    }
    let mut t = line.text.trim();
    if t.starts_with(":::") || t.eq_ignore_ascii_case("[toc]") {
        return None;
    }
    // HackMD's `###### tags:` line is the document's, shown in its intro
    // (checked by the parser's tests), not in the meeting above it.
    if t.trim_start_matches('#')
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("tags:")
        && t.starts_with('#')
    {
        return None;
    }
    let is_break = t.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&c| t.chars().all(|x| x == c || x == ' ') && t.chars().filter(|&x| x == c).count() >= 3);
    let is_table_rule = t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    if is_break || is_table_rule {
        return None;
    }
    loop {
        let before = t;
        t = t.trim_start_matches('>').trim_start();
        if let Some(rest) = list_marker(t) {
            t = rest;
        }
        if t.starts_with('#') {
            let rest = t.trim_start_matches('#');
            if rest.is_empty() || rest.starts_with(' ') {
                t = rest.trim_end().trim_end_matches('#').trim();
            }
        }
        for task in ["[ ] ", "[x] ", "[X] "] {
            if let Some(rest) = t.strip_prefix(task) {
                t = rest;
            }
        }
        if t == before {
            break;
        }
    }
    let mut s = strip_links(t);
    for br in ["<br>", "<br/>", "<br />"] {
        s = s.replace(br, " ");
    }
    if s.trim_start().starts_with('|') {
        s = s.replace('|', " ");
    }
    s = unescape(&s);
    Some(replace_emoji(&replace_embeds(&s)))
}

/// The rest of `t` after a list marker, if it starts with one.
fn list_marker(t: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    if matches!(t, "-" | "*" | "+") {
        return Some("");
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// `![alt](url)` → `alt`, `[text](url)` → `text`, `<http…>` → `http…`.
fn strip_links(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    loop {
        let next_link = rest.find('[');
        let next_auto = rest.find("<http").or_else(|| rest.find("<mailto:"));
        match (next_link, next_auto) {
            (Some(open), auto) if auto.is_none_or(|a| open < a) => {
                let image = open > 0 && rest[..open].ends_with('!');
                let after = &rest[open + 1..];
                let parsed = after.find("](").and_then(|close| {
                    let url = &after[close + 2..];
                    let mut depth = 1;
                    let end = url.char_indices().find_map(|(i, c)| {
                        match c {
                            '(' => depth += 1,
                            ')' => depth -= 1,
                            _ => {}
                        }
                        (depth == 0).then_some(i)
                    })?;
                    Some((&after[..close], close + 2 + end + 1))
                });
                match parsed {
                    Some((text, len)) => {
                        out.push_str(&rest[..if image { open - 1 } else { open }]);
                        out.push_str(text);
                        rest = &after[len..];
                    }
                    None => {
                        out.push_str(&rest[..=open]);
                        rest = after;
                    }
                }
            }
            (_, Some(open)) => {
                let after = &rest[open + 1..];
                match after.find('>') {
                    Some(close) => {
                        out.push_str(&rest[..open]);
                        out.push_str(&after[..close]);
                        rest = &after[close + 1..];
                    }
                    None => {
                        out.push_str(rest);
                        break;
                    }
                }
            }
            _ => {
                out.push_str(rest);
                break;
            }
        }
    }
    out
}

/// Drops the backslash of a Markdown escape (`\*` → `*`).
fn unescape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// The rendered side.

/// The visible text of rendered HTML: tags stripped (block-level ones
/// become a space, inline ones nothing), an image becomes its alt text,
/// then entities are decoded.
fn card_text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "strong", "em", "del", "code", "mark", "span", "time", "b", "i", "abbr", "button",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "img" {
            out.push(' ');
            out.push_str(&attribute(tag, "alt"));
            out.push(' ');
        } else if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn attribute(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    tag.find(&key)
        .and_then(|i| {
            let v = &tag[i + key.len()..];
            v.find('"').map(|end| decode_entities(&v[..end]))
        })
        .unwrap_or_default()
}

fn decode_entities(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The same normalisation for both sides: emphasis and code markers
/// removed, table pipes read as spaces (a table the Markdown parser does
/// not take as one is shown as its text, pipes and all), whitespace
/// collapsed.
fn norm(t: &str) -> String {
    let without: String = t
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '~' | '='))
        .map(|c| if c == '|' { ' ' } else { c })
        .collect();
    without.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Comparing a meeting's lines with its card.

/// What the check knows about a meeting besides its lines.
struct Context<'a> {
    notes: &'a Notes,
    meeting: &'a Meeting,
    /// The card's normalised text.
    card: String,
    /// The lines from the meeting heading to its first section: the info block.
    info: std::ops::Range<u32>,
    /// Lines where a recap starts (`### Dennis`, `- twelho: …`).
    recap_lines: Vec<u32>,
}

fn recap_lines(blocks: &[Block], out: &mut Vec<u32>) {
    for b in blocks {
        match b {
            Block::Recap { line, blocks, .. } => {
                out.push(*line);
                recap_lines(blocks, out);
            }
            Block::Group { blocks, .. } | Block::Quote(blocks) | Block::Callout { blocks, .. } => {
                recap_lines(blocks, out)
            }
            _ => {}
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Location,
    Date,
    People,
    Agenda,
}

/// An info field label at the start of `t` (as `parse::info` knows them).
fn info_field(t: &str) -> Option<(Field, &str)> {
    // Emoji before a label decorate it ("📍 Location:", ":calendar: When:",
    // shown as "📆 When:").
    let mut t = t;
    loop {
        t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && c != ':');
        match t.strip_prefix(':').and_then(|r| r.split_once(':')) {
            Some((code, rest)) if !code.is_empty() && !code.contains(' ') => t = rest,
            _ => break,
        }
    }
    // A label alone ("**Participants**" over a list) is a field too.
    let (label, value) = t.split_once(':').unwrap_or((t, ""));
    let field = match label.trim().to_lowercase().as_str() {
        "location" | "locations" | "where" | "place" | "call" | "link" | "meeting link" | "video call" => {
            Field::Location
        }
        "date" | "when" | "time" | "date/time" | "date and time" => Field::Date,
        "host" | "hosts" | "host(s)" | "hosted by" | "moderator" | "chair" | "facilitator" | "participants"
        | "participant" | "attendees" | "attendance" | "present" | "attending" | "who" => Field::People,
        "agenda" => Field::Agenda,
        _ => return None,
    };
    Some((field, value.trim()))
}

impl Context<'_> {
    fn shows(&self, text: &str) -> bool {
        let t = norm(text);
        t.is_empty() || self.card.contains(&t)
    }

    /// Whether a line that names people is shown: every person it names
    /// appears by display name, and the text between the names appears too.
    fn shows_people(&self, text: &str) -> bool {
        let mut forms: Vec<(String, PersonId)> = Vec::new();
        for (i, p) in self.notes.people.iter().enumerate() {
            let id = PersonId(i as u32);
            if let Some(name) = &p.name {
                forms.push((name.clone(), id));
                if let Some(first) = p.first_name() {
                    forms.push((first.to_string(), id));
                }
            }
            for h in &p.handles {
                forms.push((format!("@{h}"), id));
                forms.push((h.clone(), id));
            }
        }
        for part in &self.meeting.participants {
            if let Some(name) = &part.name {
                forms.push((name.clone(), part.person));
            }
        }
        // Compared like the line: normalised and lowercased.
        for (form, _) in &mut forms {
            *form = norm(form).to_lowercase();
        }
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));

        let mut rest = text.to_lowercase();
        let mut named = Vec::new();
        for (form, id) in &forms {
            let mut from = 0;
            while let Some(at) = rest[from..].find(form.as_str()).map(|i| i + from) {
                let end = at + form.len();
                let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
                if boundary(rest[..at].chars().next_back()) && boundary(rest[end..].chars().next()) {
                    rest.replace_range(at..end, "\u{1}");
                    named.push((*id, form));
                    from = at + 1;
                } else {
                    from = end;
                }
            }
        }
        if named.is_empty() {
            return false;
        }
        let card = self.card.to_lowercase();
        // The colon after a name or its remark ("Elena (async): did X") is
        // markup, and so are the parentheses the card puts around a remark
        // written otherwise ("Daniel, couldn't make it: sent notes").
        let card_plain = card.replace([':', '(', ')'], "");
        // Shown by display name, or as written ("thanks @orangecms" in a
        // bullet is text).
        let names_shown = named.iter().all(|(id, form)| {
            card.contains(&norm(self.notes.person(*id).display_name()).to_lowercase()) || card.contains(form.as_str())
        });
        let between_shown = rest.split('\u{1}').all(|fragment| {
            let f = norm(fragment.trim_matches(|c: char| c.is_whitespace() || ",;:()@-–—".contains(c)));
            // "A and B": the list shows the names; the joining word is markup.
            f.is_empty()
                || f == "and"
                || f == "&"
                || card.contains(&f)
                || card_plain.contains(&f.replace([':', '(', ')'], ""))
        });
        names_shown && between_shown
    }

    fn line_is_shown(&self, number: u32, text: &str) -> bool {
        if self.shows(text) {
            return true;
        }
        let person_line = self.info.contains(&number) || self.recap_lines.contains(&number);
        if !person_line {
            return false;
        }
        if self.info.contains(&number) {
            if let Some((field, value)) = info_field(text) {
                return match field {
                    Field::Location | Field::Agenda => self.shows(value),
                    // The heading's date is shown; what the field adds is
                    // its remark in parentheses, unless that is the heading's
                    // time zone again (shown with the start).
                    Field::Date => match (value.find('('), value.rfind(')')) {
                        (Some(open), Some(close)) if open < close => {
                            let remark = value[open + 1..close].trim();
                            self.shows(remark)
                                || self
                                    .meeting
                                    .time
                                    .as_ref()
                                    .is_some_and(|t| t.zone_text.eq_ignore_ascii_case(remark))
                        }
                        _ => true,
                    },
                    Field::People => is_no_one(value) || self.shows(value) || self.shows_people(value),
                };
            }
        }
        self.shows_people(text)
    }
}

/// A known renderer gap, reported to the UI: the card of a skipped meeting
/// shows only its "No meeting …" note, so anything else written under it
/// (a location, notes, a recap) is not shown. While this is `true` only
/// the note of a skipped meeting is checked;
/// [`a_skipped_meeting_still_shows_what_was_written_under_it`] checks the
/// rest and is ignored until the card shows it.
const SKIPPED_CARDS_SHOW_ONLY_THE_NOTE: bool = false;

/// A second renderer gap, reported to the UI: a `## Section` or a
/// `### Topic` with nothing under it is not shown at all, so its title is
/// lost (templates often leave an empty "## Discussion Topics"). While this
/// is `true` such title lines are not checked;
/// [`an_empty_section_still_shows_its_title`] checks them and is ignored
/// until the card shows them.
const EMPTY_HEADINGS_ARE_HIDDEN: bool = false;

/// Whether blocks render to nothing: only `###` groups that are themselves
/// empty (a recap is shown even when empty).
fn renders_nothing(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .all(|b| matches!(b, Block::Group { blocks, .. } if renders_nothing(blocks)))
}

/// Lines of `##` and `###` headings with nothing under them.
fn empty_heading_lines(meeting: &Meeting) -> Vec<u32> {
    fn groups(blocks: &[Block], out: &mut Vec<u32>) {
        for b in blocks {
            if let Block::Group { line, blocks, .. } = b {
                if renders_nothing(blocks) {
                    out.push(*line);
                }
                groups(blocks, out);
            }
        }
    }
    let mut out = Vec::new();
    for s in &meeting.sections {
        if renders_nothing(&s.blocks) {
            out.push(s.line);
        }
        groups(&s.blocks, &mut out);
    }
    out
}

/// Which known renderer gaps a check excuses.
#[derive(Clone, Copy)]
struct Gaps {
    skipped_show_only_note: bool,
    empty_headings_hidden: bool,
}

const KNOWN_GAPS: Gaps = Gaps {
    skipped_show_only_note: SKIPPED_CARDS_SHOW_ONLY_THE_NOTE,
    empty_headings_hidden: EMPTY_HEADINGS_ARE_HIDDEN,
};

const NO_GAPS: Gaps = Gaps {
    skipped_show_only_note: false,
    empty_headings_hidden: false,
};

/// Every meeting of `text` (parsed as one document): the lines its card
/// does not show, as readable failure messages.
fn missing_lines(name: &str, text: &str) -> Vec<String> {
    missing_lines_with(name, text, KNOWN_GAPS)
}

fn missing_lines_with(name: &str, text: &str, gaps: Gaps) -> Vec<String> {
    let loaded = NotesRef::parse(&[Doc {
        name: name.to_string(),
        kind: DocKind::File,
        text: Rc::from(text),
        url: None,
        label: None,
    }]);
    let notes: &Notes = &loaded;
    let lines = scan(text);
    let meeting_lines: Vec<u32> = notes.meetings.iter().map(|m| m.line).collect();
    let mut failures = Vec::new();
    for (index, meeting) in notes.meetings.iter().enumerate() {
        let html = render_meeting(loaded.clone(), index as u32);
        let first_section = meeting.sections.first().map_or(u32::MAX, |s| s.line);
        let mut recaps = Vec::new();
        for s in &meeting.sections {
            recap_lines(&s.blocks, &mut recaps);
        }
        let ctx = Context {
            notes,
            meeting,
            card: norm(&card_text(&html)),
            info: meeting.line + 1..first_section,
            recap_lines: recaps,
        };
        let empty_headings = empty_heading_lines(meeting);
        for line in body(&lines, meeting.line, &meeting_lines) {
            let Some(visible) = visible_text(line).map(|v| norm(&v)) else {
                continue;
            };
            let excused = (gaps.skipped_show_only_note
                && meeting.status == MeetingStatus::Skipped
                && meeting.status_note.as_deref().is_none_or(|n| norm(n) != visible))
                || (gaps.empty_headings_hidden && empty_headings.contains(&line.number));
            if !excused && !ctx.line_is_shown(line.number, &visible) {
                failures.push(format!(
                    "{name}:{}: meeting {} does not show {:?} (from {:?})\n  card text: {}",
                    line.number, meeting.date, visible, line.text, ctx.card
                ));
            }
        }
    }
    failures
}

fn assert_lossless(name: &str, text: &str) {
    let failures = missing_lines(name, text);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// The documents.

#[test]
fn every_line_of_the_2024_notes_is_shown_in_its_meeting() {
    assert_lossless("racklet-2024.md", super::SEED);
}

#[test]
fn every_line_of_every_drift_fixture_is_shown_in_its_meeting() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drift");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the drift fixtures")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "fixtures found: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a readable fixture");
        let name = path.file_name().unwrap().to_string_lossy();
        failures.extend(missing_lines(&name, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_skipped_meeting_still_shows_what_was_written_under_it() {
    let text = "# Notes 2021\n\n# August 10, 2021\n\n:::info\n- **Location:** https://meet.jit.si/racklet-community\n- No meeting until August 24 (summer break)\n:::\n\n## Notes\n\n- Daniel sent his recap anyway: the D1 boots Linux\n";
    let failures = missing_lines_with("skipped.md", text, NO_GAPS);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_empty_section_still_shows_its_title() {
    let text = "# Notes 2021\n\n# August 10, 2021\n\n## Biweekly Recap\n\n### Dennis\n\n- Soldered the HAT\n\n## Notes\n\n### Nezha News\n\n## Discussion Topics\n";
    let failures = missing_lines_with("empty.md", text, NO_GAPS);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_markdown_stripping_helper_keeps_only_visible_text() {
    let visible = |t: &str| {
        let line = Line {
            number: 1,
            text: t,
            in_code: false,
            fence: false,
            heading: None,
        };
        visible_text(&line).map(|v| norm(&v))
    };
    assert_eq!(visible(":::info"), None);
    assert_eq!(visible("[TOC]"), None);
    assert_eq!(visible("---"), None);
    assert_eq!(visible("| --- | :-: |"), None);
    assert_eq!(visible("### Nezha News").as_deref(), Some("Nezha News"));
    assert_eq!(
        visible("    - **Host:** [Dennis](https://github.com/twelho) `x86_64`").as_deref(),
        Some("Host: Dennis x8664")
    );
    assert_eq!(
        visible("1. [ ] see <https://example.com>").as_deref(),
        Some("see https://example.com")
    );
    assert_eq!(visible("> bricked it :sweat_smile:").as_deref(), Some("bricked it 😅"));
    assert_eq!(
        visible("![logo](https://x.example/a_(b).png) done").as_deref(),
        Some("logo done")
    );
    assert_eq!(
        norm(&card_text(
            "<li>a &amp; <strong>b</strong><ul><li>c&#x27;s</li></ul></li><img alt=\"x\">"
        )),
        "a & b c's x"
    );
}

// ---------------------------------------------------------------------------
// Generated documents: the project's one generator of synthetic notes
// (crates/synth), with the drift and noise real years have.

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_line_of_a_generated_document_is_shown_in_its_meeting(doc in any::<u64>().prop_map(synth::document)) {
        // Each has one meeting or more (its first heading written plainly):
        // with none found, no line would be checked.
        let found = notes::parse::parse_one("generated.md", &doc).meetings.len();
        prop_assert!(found > 0, "no meeting found\n--- document ---\n{}", doc);
        let failures = missing_lines("generated.md", &doc);
        prop_assert!(failures.is_empty(), "{}\n--- document ---\n{}", failures.join("\n"), doc);
    }
}
