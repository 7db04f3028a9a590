//! The info block of a meeting (`:::info` in HackMD): location, date, host,
//! participants, agenda, or a plain "No meeting" line. Fields are read from
//! list items (`- **Host:** @twelho`) or from lines of a paragraph, since
//! some years wrote them without bullets. Unknown fields are kept.

use super::people::{
    cuts_outside_parentheses, is_no_one, link_handle, people_from_text, person_from_inlines, PersonRef,
};
use crate::model::{Block, DiagnosticKind, Inline, LinkTarget};
use crate::words::{fold, folded};

#[derive(Debug, Default)]
pub struct Info {
    pub location: Vec<Inline>,
    pub location_notes: Vec<Block>,
    pub locations: Vec<String>,
    pub date_text: Option<String>,
    pub date_remark: Vec<Inline>,
    pub hosts: Vec<PersonRef>,
    pub host_written: bool,
    pub participants: Vec<PersonRef>,
    pub agenda: Vec<Block>,
    pub extra: Vec<Block>,
    /// "No meeting until August", when the block says so.
    pub no_meeting: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Key {
    Location,
    Date,
    Host,
    Participants,
    Agenda,
}

fn key_for(label: &str) -> Option<Key> {
    let l = fold(label);
    let l = &l[decoration_len(&l)..];
    let l = l.trim_end_matches(':').trim();
    Some(match l {
        "location" | "locations" | "where" | "place" | "call" | "link" | "meeting link" | "video call" => Key::Location,
        "date" | "when" | "time" | "date/time" | "date and time" => Key::Date,
        "host" | "hosts" | "host(s)" | "hosted by" | "moderator" | "chair" | "facilitator" => Key::Host,
        "participants" | "participant" | "attendees" | "attendance" | "present" | "attending" | "who" => {
            Key::Participants
        }
        "agenda" => Key::Agenda,
        _ => return None,
    })
}

/// How much of `t` only decorates a label: emoji and other symbols ("📍 ",
/// "👥 "), and HackMD emoji codes the emoji table does not know
/// (":round_pushpin: "; ":calendar:" is an emoji by now). A lone colon is
/// no decoration: it ends a label.
fn decoration_len(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b':' {
            let code = b[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-'))
                .count();
            if code == 0 || b.get(i + 1 + code) != Some(&b':') {
                break;
            }
            i += code + 2;
        } else if c.is_ascii_alphanumeric() {
            break;
        } else {
            i += 1;
        }
    }
    i
}

/// A label of a field the info block has ("Where", "Hosted by").
pub fn is_info_label(label: &str) -> bool {
    key_for(label).is_some()
}

/// A participants label ("Attendees", "Present"): also as a section's title
/// over a list of people.
pub fn is_participants_label(label: &str) -> bool {
    matches!(key_for(label), Some(Key::Participants))
}

/// A list of people is names only: one with more under its items, or an
/// item that reads as a sentence, is notes.
pub fn names_people(items: &[crate::model::Item]) -> bool {
    !items.iter().any(|i| !i.blocks.is_empty() || !reads_as_person(i))
}

/// A label whose values may stand in a list under it, alone on its line
/// ("**Agenda:**", "**Participants**").
pub fn is_list_label(label: &str) -> bool {
    matches!(key_for(label), Some(Key::Agenda | Key::Participants))
}

/// "No meeting", "**No meeting**", "No meeting until August", "Cancelled",
/// "Postponed to next week".
pub fn says_no_meeting(text: &str) -> bool {
    // Compared as folded, without building the folded text; only the
    // phrases that start with the text's first letter.
    let t = || folded(text).skip_while(|c| !c.is_alphanumeric());
    // Every phrase is ASCII: its first byte is compared, not a char
    // encoded and compared as a string for each (1.5 % of a parse).
    let Some(first) = t().next().filter(char::is_ascii).map(|c| c as u8) else {
        return false;
    };
    [
        "no meeting",
        "meeting cancelled",
        "meeting canceled",
        "meeting was cancelled",
        "meeting was canceled",
        "meeting is cancelled",
        "meeting is canceled",
        "the meeting was cancelled",
        "the meeting was canceled",
        "the meeting is cancelled",
        "the meeting is canceled",
        "cancelled",
        "canceled",
        "skipped",
        "postponed",
        "no call",
    ]
    .iter()
    .filter(|p| p.as_bytes()[0] == first)
    .any(|p| {
        let mut t = t();
        p.chars().all(|c| t.next() == Some(c))
    })
}

/// Where a field's label ends: decided on the borrowed inlines, so a line
/// that turns out to be no known field is kept without a copy.
#[derive(Clone, Copy)]
enum Cut {
    /// A bold (or emphasised) label, the colon inside it or not (after a
    /// text that only decorates it, "📍 **Location:**", or not).
    Bold { colon_inside: bool },
    /// A plain label, up to the first colon of the first text.
    Text,
}

/// The label of a leading `Label:` (bold or plain), and where it ends.
fn field_label(inlines: &[Inline]) -> Option<(String, Cut)> {
    let inlines = match inlines {
        // An emoji before a bold label ("📍 **Location:**").
        [Inline::Text(t), rest @ ..]
            if decoration_len(t) == t.len() && matches!(rest, [Inline::Strong(_) | Inline::Emphasis(_), ..]) =>
        {
            rest
        }
        _ => inlines,
    };
    match inlines.first()? {
        Inline::Strong(inner) | Inline::Emphasis(inner) => {
            let label = Inline::plain_text(inner);
            let cut = |colon_inside| Cut::Bold { colon_inside };
            // "**Host**: @twelho" puts the colon outside the bold.
            if let Some(stripped) = label.trim_end().strip_suffix(':') {
                Some((stripped.to_string(), cut(true)))
            } else if inlines.len() == 1 && key_for(&label).is_some() {
                // "**Participants**" alone on its line, the list under it.
                Some((label, cut(true)))
            } else if let Some(Inline::Text(t)) = inlines.get(1) {
                t.trim_start().strip_prefix(':')?;
                Some((label, cut(false)))
            } else {
                None
            }
        }
        Inline::Text(t) => {
            // The label keeps its decoration, as written; its words decide.
            let colon = label_colon(t)?;
            let words = &t[decoration_len(t)..colon];
            if words.len() > 24 || words.trim().is_empty() {
                return None;
            }
            Some((t[..colon].to_string(), Cut::Text))
        }
        _ => None,
    }
}

/// The colon that ends a plain label, after its decoration.
fn label_colon(t: &str) -> Option<usize> {
    let d = decoration_len(t);
    Some(d + t[d..].find(':')?)
}

/// The inlines after the label [`field_label`] found.
fn field_value(mut inlines: Vec<Inline>, cut: Cut) -> Vec<Inline> {
    // The drains take `..colon + 1`, not `..=colon`: one range type for
    // every string drain keeps one copy of its code in the wasm.
    match cut {
        Cut::Bold { colon_inside } => {
            // The decoration before the label, if any, then the label.
            if let Inline::Text(_) = inlines[0] {
                inlines.remove(0);
            }
            inlines.remove(0);
            if !colon_inside {
                if let Some(Inline::Text(t)) = inlines.first_mut() {
                    let colon = t.len() - t.trim_start().len();
                    t.drain(..colon + 1);
                }
            }
        }
        Cut::Text => {
            if let Some(Inline::Text(t)) = inlines.first_mut() {
                let colon = label_colon(t).expect("the label ends at a colon");
                t.drain(..colon + 1);
            }
        }
    }
    trim_leading_space(&mut inlines);
    inlines
}

/// Trims the white space a run of inlines starts with (an empty text goes).
pub(super) fn trim_leading_space(rest: &mut Vec<Inline>) {
    if let Some(Inline::Text(t)) = rest.first_mut() {
        let space = t.len() - t.trim_start().len();
        t.drain(..space);
        if t.is_empty() {
            rest.remove(0);
        }
    }
}

/// One field line: its inline text and anything nested below it.
struct FieldLine {
    inlines: Vec<Inline>,
    children: Vec<Block>,
    line: u32,
}

/// Splits a paragraph at line breaks into lines of inlines.
fn paragraph_lines(inlines: Vec<Inline>, line: u32) -> Vec<FieldLine> {
    let mut out = vec![FieldLine {
        inlines: Vec::new(),
        children: Vec::new(),
        line,
    }];
    // Only a soft break is surely a newline in the source: `<br>` is a hard
    // break mid-line. (A `\` or two-space break makes a line one too early,
    // but never past the paragraph.)
    let mut newlines = 0;
    for inline in inlines {
        match inline {
            Inline::SoftBreak | Inline::HardBreak => {
                newlines += u32::from(matches!(inline, Inline::SoftBreak));
                out.push(FieldLine {
                    inlines: Vec::new(),
                    children: Vec::new(),
                    line: line + newlines,
                })
            }
            other => out.last_mut().expect("never empty").inlines.push(other),
        }
    }
    out.retain(|l| !l.inlines.is_empty());
    out
}

/// Reads an info block, taking its blocks apart. `problems` collects
/// `(line, kind)`.
pub fn read_info(blocks: Vec<Block>, problems: &mut Vec<(u32, DiagnosticKind)>) -> Info {
    let mut info = Info::default();
    // A field whose values are the list after it ("**Agenda:**",
    // "**Participants**" alone on a line).
    let mut pending: Option<Key> = None;
    // One buffer for the plain text of each line and value in turn.
    let mut plain = String::new();
    for block in blocks {
        if let (Some(key), Block::List { items, .. }) = (pending, &block) {
            pending = None;
            // Anything but names is notes, kept as they are.
            let people = key == Key::Participants && names_people(items);
            match block {
                Block::List { items, .. } if people => people_in_list(items, &mut info.participants, &mut info.extra),
                block if key == Key::Participants => info.extra.push(block),
                block => info.agenda.push(block),
            }
            continue;
        }
        let lines: Vec<FieldLine> = match block {
            Block::List { items, .. } => items
                .into_iter()
                .map(|item| FieldLine {
                    inlines: item.inlines,
                    children: item.blocks,
                    line: item.line,
                })
                .collect(),
            Block::Paragraph { inlines, line, .. } => paragraph_lines(inlines, line),
            other => {
                if pending == Some(Key::Agenda) {
                    info.agenda.push(other);
                } else {
                    info.extra.push(other);
                }
                continue;
            }
        };
        pending = None;
        let mut unknown: Vec<FieldLine> = Vec::new();
        for field in lines {
            plain.clear();
            Inline::plain_text_into(&field.inlines, &mut plain);
            if says_no_meeting(&plain) {
                // The first says why; another is shown as written.
                match info.no_meeting {
                    None => info.no_meeting = Some(plain.trim().to_string()),
                    Some(_) => unknown.push(field),
                }
                continue;
            }
            let Some((label, cut)) = field_label(&field.inlines) else {
                unknown.push(field);
                continue;
            };
            let Some(key) = key_for(&label) else {
                problems.push((
                    field.line,
                    DiagnosticKind::UnknownInfoField {
                        label: label.trim().to_string(),
                    },
                ));
                unknown.push(field);
                continue;
            };
            let value = field_value(field.inlines, cut);
            plain.clear();
            Inline::plain_text_into(&value, &mut plain);
            match key {
                Key::Location => {
                    for inline in &value {
                        if let Inline::Link { target, .. } = inline {
                            info.locations.push(target.url().to_string());
                        }
                    }
                    if info.locations.is_empty() && !plain.trim().is_empty() {
                        info.locations.push(plain.trim().to_string());
                    }
                    info.location.extend(value);
                    info.location_notes.extend(field.children);
                }
                Key::Date => {
                    info.date_text = Some(plain.trim().to_string());
                    info.date_remark = remark_in_parentheses(value);
                }
                Key::Host => {
                    info.host_written = true;
                    if !is_no_one(&plain) {
                        info.hosts
                            .extend(people_from_inlines(&value, &plain, &mut String::new()));
                    }
                }
                Key::Participants => {
                    let known = info.participants.len();
                    let mut others = String::new();
                    if !is_no_one(&plain) {
                        info.participants
                            .extend(people_from_inlines(&value, &plain, &mut others));
                    }
                    if plain.trim().is_empty() && field.children.is_empty() {
                        pending = Some(Key::Participants);
                    }
                    for child in field.children {
                        if let Block::List { items, .. } = child {
                            people_in_list(items, &mut info.participants, &mut info.extra);
                        }
                    }
                    // "Attendance: 3" names no one: shown as written.
                    if info.participants.len() == known && !plain.trim().is_empty() && !is_no_one(&plain) {
                        let mut inlines = vec![Inline::Text(format!("{}: ", label.trim()))];
                        inlines.extend(value);
                        unknown.push(FieldLine {
                            inlines,
                            children: Vec::new(),
                            line: field.line,
                        });
                    } else if !others.is_empty() {
                        // "…, plus a guest": who the list leaves unnamed, as written.
                        unknown.push(FieldLine {
                            inlines: vec![Inline::Text(format!("{}: {others}", label.trim()))],
                            children: Vec::new(),
                            line: field.line,
                        });
                    }
                }
                Key::Agenda => {
                    if !value.is_empty() {
                        info.agenda.push(Block::Paragraph {
                            unit: super::markdown::NO_UNIT,
                            line: field.line,
                            inlines: value,
                        });
                    }
                    if field.children.is_empty() {
                        pending = Some(Key::Agenda);
                    }
                    info.agenda.extend(field.children);
                }
            }
        }
        if !unknown.is_empty() {
            info.extra.push(Block::List {
                start: None,
                items: unknown
                    .into_iter()
                    .map(|f| crate::model::Item {
                        unit: super::markdown::NO_UNIT,
                        line: f.line,
                        task: None,
                        inlines: f.inlines,
                        blocks: f.children,
                    })
                    .collect(),
            });
        }
    }
    info
}

/// People from field inlines (`plain` their text), using link targets for
/// handles when the value is a single linked name.
fn people_from_inlines(inlines: &[Inline], plain: &str, others: &mut String) -> Vec<PersonRef> {
    let has_link = inlines
        .iter()
        .any(|i| matches!(i, Inline::Link { target, .. } if matches!(**target, LinkTarget::Web(_))));
    if !has_link {
        return people_from_text(plain, others);
    }
    // "[@twelho](…), [Daniel](https://github.com/orangecms), Lucas": each
    // part between commas is someone, who may be linked to their profile.
    let mut out = Vec::new();
    for (text, linked) in split_at_commas(inlines) {
        let mut people = people_from_text(&text, others);
        // One person whose text names no handle: the profile linked.
        if let [one] = &mut people[..] {
            if one.handle.is_none() {
                one.handle = linked;
            }
        }
        out.append(&mut people);
    }
    out
}

/// A list of participants, one per item ("Dennis Marttinen (@twelho)").
/// An item that can name one person: a few words, no sentence with a
/// colon ("Flashed the BMC: video"), remarks in parentheses aside.
fn reads_as_person(item: &crate::model::Item) -> bool {
    let text = Inline::plain_text(&item.inlines);
    let mut depth = 0i32;
    let outside: String = text
        .chars()
        .filter(|c| {
            depth += i32::from(*c == '(') - i32::from(*c == ')');
            depth <= 0 && *c != ')'
        })
        .collect();
    !outside.contains(':') && outside.split_whitespace().count() <= 6
}

/// The people of a list, one per item, into `people`. Where some boxes are
/// ticked ("- [x] Dennis", "- [ ] Lucas"), the list is a roll call: an
/// unticked box is someone who did not come. A list with no box ticked was
/// never filled in, and names everyone. The items that name no one who
/// came ("- [ ] Lucas", "- everyone else") go to `extra` as a list, as
/// written.
fn people_in_list(items: Vec<crate::model::Item>, people: &mut Vec<PersonRef>, extra: &mut Vec<Block>) {
    let roll_call = items.iter().any(|i| i.task == Some(true));
    let mut left = Vec::new();
    for item in items {
        let person = person_from_inlines(&item.inlines);
        if person.is_empty() || roll_call && item.task == Some(false) {
            left.push(item);
        } else {
            people.push(person);
        }
    }
    if !left.is_empty() {
        extra.push(Block::List {
            start: None,
            items: left,
        });
    }
}

/// The parts of inlines between a `,` or `;` outside parentheses in their
/// text: each part's text, and the handle of the first GitHub profile it
/// links to. Read in place: nothing is copied but the text.
fn split_at_commas(inlines: &[Inline]) -> Vec<(String, Option<String>)> {
    let mut parts = vec![(String::new(), None)];
    let mut depth = 0i32;
    for inline in inlines {
        let Inline::Text(text) = inline else {
            let (part, linked) = parts.last_mut().expect("never empty");
            let one = std::slice::from_ref(inline);
            Inline::plain_text_into(one, part);
            if linked.is_none() {
                *linked = link_handle(one);
            }
            continue;
        };
        let mut start = 0;
        for (i, _) in cuts_outside_parentheses(text, &[',', ';'], &mut depth) {
            parts.last_mut().expect("never empty").0.push_str(&text[start..i]);
            parts.push((String::new(), None));
            start = i + 1;
        }
        parts.last_mut().expect("never empty").0.push_str(&text[start..]);
    }
    parts
}

/// The part of a date field in parentheses: "(**note the updated time!**)".
fn remark_in_parentheses(value: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut inside = false;
    for inline in value {
        match inline {
            Inline::Text(t) if !inside => {
                if let Some((_, after)) = t.split_once('(') {
                    inside = true;
                    let after = after.trim_end_matches(')');
                    if !after.trim().is_empty() {
                        out.push(Inline::Text(after.to_string()));
                    }
                }
            }
            Inline::Text(t) if inside => {
                let (before, closes) = match t.split_once(')') {
                    Some((b, _)) => (b, true),
                    None => (t.as_str(), false),
                };
                if !before.is_empty() {
                    out.push(Inline::Text(before.to_string()));
                }
                if closes {
                    break;
                }
            }
            other if inside => out.push(other),
            _ => {}
        }
    }
    out
}
