//! One meeting's body: the info block, then sections (`##`) with their
//! subsections (`###`). A subsection or bullet that names a person becomes
//! that person's recap; other subsections are kept as topic groups.

use super::info::{
    is_info_label, is_list_label, is_participants_label, names_people, read_info, says_no_meeting, trim_leading_space,
    Info,
};
use super::markdown::{TopBlock, NO_UNIT};
use super::people::{person_from_text, split_remark, unmarked, PersonRef, Registry};
use crate::model::{Block, DiagnosticKind, Inline, Item, PersonId, RecapSummary, Section, SectionKind};
use crate::words::{find_str, fold};

pub fn section_kind(title: &str) -> SectionKind {
    let t = fold(title);
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if any(&[
        "recap",
        "update",
        "round table",
        "roundtable",
        "status",
        "what happened",
        "progress",
        "roundup",
        "round-up",
        "check-in",
        "check in",
    ]) {
        SectionKind::Recap
    } else if any(&["discussion", "topic", "any other business"]) || t.trim() == "aob" {
        SectionKind::Discussion
    } else if any(&[
        "action item",
        "action point",
        "todo",
        "to do",
        "to-do",
        "next step",
        "follow-up",
        "follow up",
    ]) {
        SectionKind::ActionItems
    } else if any(&["note", "minutes"]) {
        SectionKind::Notes
    } else if any(&["agenda"]) {
        SectionKind::Agenda
    } else {
        SectionKind::Other
    }
}

/// Splits a meeting body into the info block and the rest.
pub fn split_info(blocks: Vec<TopBlock>, problems: &mut Vec<(u32, DiagnosticKind)>) -> (Info, Vec<TopBlock>) {
    let first_h2 = blocks
        .iter()
        .position(|b| matches!(b.block, Block::Heading { level: 2, .. }))
        .unwrap_or(blocks.len());
    let has_container = blocks[..first_h2].iter().any(|b| b.in_container);
    // "## Attendees" over a list of names, as the first section: the
    // participants field, written as a section of its own.
    let attendees = match &blocks[first_h2..] {
        [TopBlock {
            block: Block::Heading { inlines, .. },
            ..
        }, TopBlock {
            block: Block::List { items, .. },
            ..
        }, ..] => is_participants_label(&Inline::plain_text(inlines)) && names_people(items),
        _ => false,
    };
    let mut info_blocks: Vec<Block> = Vec::new();
    let mut rest = Vec::with_capacity(blocks.len());
    for (i, tb) in blocks.into_iter().enumerate() {
        if attendees && (i == first_h2 || i == first_h2 + 1) {
            info_blocks.push(match tb.block {
                // Read as the bare label over its list ("**Participants**").
                Block::Heading { line, inlines, .. } => Block::Paragraph {
                    unit: NO_UNIT,
                    line,
                    inlines: vec![Inline::Strong(inlines)],
                },
                block => block,
            });
            continue;
        }
        // A box at the top that says there is no meeting ("No meeting
        // today" in a `:::warning`) tells the meeting's status, as an info
        // block's line does.
        if i < first_h2 && box_says_no_meeting(&tb.block) {
            if let Block::Callout { blocks: inner, .. } = tb.block {
                info_blocks.extend(inner);
            }
            continue;
        }
        let is_info = i < first_h2
            && if has_container {
                tb.in_container
            } else {
                // No container: the leading labelled lists and paragraphs,
                // or a "No meeting" line, and the list a bare label at a
                // paragraph's end ("**Agenda:**", "**Participants**")
                // introduces.
                rest.is_empty()
                    && (looks_like_info(&tb.block)
                        || info_blocks
                            .last()
                            .is_some_and(|prev| ends_with_bare_label(prev) && matches!(tb.block, Block::List { .. })))
            };
        if is_info {
            match tb.block {
                // The fields quoted ("> **Location:** …"): the quote's blocks.
                Block::Quote(inner) if !has_container => info_blocks.extend(inner),
                block => info_blocks.push(block),
            }
        } else {
            rest.push(tb);
        }
    }
    // "No meeting today: FOSDEM" under an info block, and nothing else: the
    // info block was written ahead, the meeting did not take place. Only
    // as the whole body: a "Skipped the demo, …" line among notes is notes.
    if has_container
        && matches!(&rest[..], [only] if !only.in_container
            && matches!(&only.block, Block::Paragraph { inlines, .. } if says_no_meeting(&Inline::plain_text(inlines))))
    {
        info_blocks.extend(rest.pop().map(|tb| tb.block));
    }
    (read_info(info_blocks, problems), rest)
}

/// A callout whose first paragraph says there is no meeting.
fn box_says_no_meeting(block: &Block) -> bool {
    matches!(block, Block::Callout { blocks, .. } if matches!(blocks.first(),
        Some(Block::Paragraph { inlines, .. }) if says_no_meeting(&Inline::plain_text(inlines))))
}

/// Text that starts with a field label the info block reader reads
/// ("Location:", "When:", "Who:", "Hosted by:"): the same labels, so that
/// a block written with any of them is read as the info block.
fn starts_with_info_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, _)| label.len() <= 24 && is_info_label(label))
}

fn looks_like_info(block: &Block) -> bool {
    match block {
        Block::List { items, .. } => items
            .iter()
            .any(|item| starts_with_info_label(&Inline::plain_text(&item.inlines))),
        // Some years wrote the fields as lines of a paragraph, no bullets.
        Block::Paragraph { inlines, .. } => {
            let text = Inline::plain_text(inlines);
            says_no_meeting(&text) || starts_with_info_label(&text) || is_list_label(&text)
        }
        Block::Quote(blocks) => blocks.first().is_some_and(looks_like_info),
        _ => false,
    }
}

/// Whether the last line of an info paragraph is a bare label
/// ([`is_list_label`]), so the list after it holds the field's values.
fn ends_with_bare_label(block: &Block) -> bool {
    let Block::Paragraph { inlines, .. } = block else {
        return false;
    };
    let last_line = inlines
        .rsplit(|i| matches!(i, Inline::SoftBreak | Inline::HardBreak))
        .find(|line| !Inline::plain_text(line).trim().is_empty())
        .unwrap_or_default();
    is_list_label(&Inline::plain_text(last_line))
}

/// Resolves people named in a meeting's body against what is known.
pub struct Resolver<'a> {
    pub registry: &'a mut Registry,
    pub participants: &'a [PersonId],
    pub date: chrono::NaiveDate,
    pub recaps: Vec<RecapSummary>,
    pub problems: Vec<(u32, DiagnosticKind)>,
}

impl Resolver<'_> {
    fn recap_index(&mut self, person: PersonId, remark: &Option<String>) -> u32 {
        self.joint_recap_index((person, Vec::new(), Vec::new()), remark)
    }

    /// The recap by `people` (a joint recap's, or one person's).
    fn joint_recap_index(&mut self, (person, with, joiners): People, remark: &Option<String>) -> u32 {
        if let Some(i) = self.recaps.iter().position(|r| r.person == person && r.with == with) {
            return i as u32;
        }
        self.recaps.push(RecapSummary {
            person,
            with,
            joiners,
            remark: remark.clone(),
            items: 0,
        });
        self.recaps.len() as u32 - 1
    }

    /// A person for a name written in a recap position. With `create`, a
    /// name-like text that matches nobody becomes a new person.
    fn person(&mut self, written: &str, create: bool) -> Option<PersonId> {
        if let Some(p) = self.registry.resolve(written, self.participants) {
            return Some(p);
        }
        if create && looks_like_name(written) {
            // "@newcomer" is a handle, not a name spelt with an @.
            let written = written.trim();
            let person = match written.strip_prefix('@') {
                Some(handle) => PersonRef {
                    name: None,
                    handle: Some(handle.to_string()),
                    remark: None,
                },
                None => PersonRef {
                    name: Some(written.to_string()),
                    handle: None,
                    remark: None,
                },
            };
            return self.registry.intern(&person, Some(self.date));
        }
        None
    }
}

/// One to three capitalised words without digits, or an @handle.
fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    if let Some(h) = text.strip_prefix('@') {
        return super::people::is_handle(h);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(crate::words::is_upper)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
}

/// Builds the sections of a meeting from its body blocks.
pub fn build_sections(body: Vec<TopBlock>, resolver: &mut Resolver<'_>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut group: Option<(Vec<Inline>, u32, Vec<Block>)> = None;

    fn close_group(
        group: &mut Option<(Vec<Inline>, u32, Vec<Block>)>,
        sections: &mut [Section],
        resolver: &mut Resolver<'_>,
    ) {
        if let Some((title, line, blocks)) = group.take() {
            let section = sections.last_mut().expect("a group lives in a section");
            let block = subsection(title, line, blocks, section.kind, resolver);
            section.blocks.push(block);
        }
    }

    for tb in body {
        match tb.block {
            Block::Heading {
                level: 2,
                inlines,
                line,
            } => {
                close_group(&mut group, &mut sections, resolver);
                let title = Inline::plain_text(&inlines).trim().to_string();
                sections.push(Section {
                    kind: section_kind(&title),
                    title,
                    line,
                    blocks: Vec::new(),
                });
            }
            Block::Heading {
                level: 3,
                inlines,
                line,
            } => {
                close_group(&mut group, &mut sections, resolver);
                if sections.is_empty() {
                    sections.push(untitled(line));
                }
                group = Some((inlines, line, Vec::new()));
            }
            block => {
                if let Some((_, _, blocks)) = group.as_mut() {
                    blocks.push(block);
                } else {
                    if sections.is_empty() {
                        sections.push(untitled(tb.line));
                    }
                    sections.last_mut().expect("just ensured").blocks.push(block);
                }
            }
        }
    }
    close_group(&mut group, &mut sections, resolver);

    // Bullets that name a person: in recap sections "- Daniel", anywhere
    // "- twelho: …".
    for section in &mut sections {
        let recap_mode = section.kind == SectionKind::Recap
            || section.kind == SectionKind::Other && names_people_over_items(&section.blocks, resolver);
        let blocks = deeper_recaps(std::mem::take(&mut section.blocks), resolver);
        section.blocks = attribute_bullets(blocks, recap_mode, resolver);
    }
    sections
}

/// A section titled in words we do not know ("## Since last time") that
/// is a recap all the same: every bullet with items below names someone
/// already known, as "- Dennis" or "- @luxas" does over their items, and
/// at least two do (one could be a topic that happens to be a name).
fn names_people_over_items(blocks: &[Block], resolver: &mut Resolver<'_>) -> bool {
    let mut named = 0;
    for block in blocks {
        let Block::List { items, .. } = block else { continue };
        for item in items.iter().filter(|i| has_items(i)) {
            if !names_someone(&item.inlines, resolver) {
                return false;
            }
            named += 1;
        }
    }
    named >= 2
}

/// Whether `inlines` are the name of someone already known ("Dennis",
/// "@luxas", "**Daniel Maslowski** (remote)").
fn names_someone(inlines: &[Inline], resolver: &mut Resolver<'_>) -> bool {
    let text = Inline::plain_text(inlines);
    resolver.person(split_remark(unmarked(text.trim())).0, false).is_some()
}

fn untitled(line: u32) -> Section {
    Section {
        title: String::new(),
        kind: SectionKind::Other,
        line,
        blocks: Vec::new(),
    }
}

/// A `###` subsection: a person's recap, or a group of topic notes.
fn subsection(
    title: Vec<Inline>,
    line: u32,
    blocks: Vec<Block>,
    kind: SectionKind,
    resolver: &mut Resolver<'_>,
) -> Block {
    let text = Inline::plain_text(&title);
    let in_recap = kind == SectionKind::Recap;
    let blocks = match recap_heading(&text, in_recap, line, blocks, resolver) {
        Ok(recap) => return recap,
        Err(blocks) => blocks,
    };
    if in_recap {
        resolver.problems.push((
            line,
            DiagnosticKind::RecapNamesNoParticipant {
                heading: text.trim().to_string(),
            },
        ));
    }
    let blocks = deeper_recaps(blocks, resolver);
    // A recap written as a subsection ("### Biweekly recap") of a notes
    // section: its bullets may name people.
    let blocks = if section_kind(&text) == SectionKind::Recap {
        attribute_bullets(blocks, true, resolver)
    } else {
        blocks
    };
    Block::Group { title, line, blocks }
}

/// A heading's recap, when the heading names someone: `blocks` under their
/// name; otherwise `blocks` back.
fn recap_heading(
    text: &str,
    in_recap: bool,
    line: u32,
    blocks: Vec<Block>,
    resolver: &mut Resolver<'_>,
) -> Result<Block, Vec<Block>> {
    if let Some((people, names, remark)) = joint(text, in_recap, resolver) {
        return Ok(Block::Recap {
            recap: resolver.joint_recap_index(people, &remark),
            title: names.to_string(),
            remark,
            line,
            blocks,
        });
    }
    let (written, remark) = split_remark(text);
    // In a recap, "Dennis's update" and "Updates from Lucas" name Dennis
    // and Lucas; the heading as written stays on the page, as the remark.
    let name = if in_recap { whose(written) } else { written };
    let remark = match remark {
        _ if name == written.trim() => remark,
        Some(r) => Some(format!("{} ({r})", written.trim())),
        None => Some(written.trim().to_string()),
    };
    if name.split_whitespace().count() > 3 {
        return Err(blocks);
    }
    // A heading is someone's recap when it names someone known (a
    // participant or host anywhere in the notes) or is an @handle. A
    // capitalised heading that names no one ("### Device Tree
    // discussion", "### BMC News") is a group of notes, never a person.
    let create = in_recap && name.trim().starts_with('@');
    // "### Guest (@guest123)": the handle says who; in a recap, also
    // someone no one named before (by that name, with that handle).
    let by_handle = remark
        .as_deref()
        .filter(|r| r.starts_with('@') && !r.contains(' '))
        .and_then(|handle| {
            resolver
                .person(handle, false)
                .or_else(|| in_recap.then(|| resolver.registry.intern(&person_from_text(text), Some(resolver.date)))?)
        });
    // That handle is then who, not a remark.
    let remark = if by_handle.is_some() { None } else { remark };
    match by_handle.or_else(|| resolver.person(name, create)) {
        Some(person) => Ok(Block::Recap {
            recap: resolver.recap_index(person, &remark),
            title: name.to_string(),
            remark,
            line,
            blocks,
        }),
        None => Err(blocks),
    }
}

/// Whom a recap is by: the first named, the others of a joint recap, and
/// what joins each of those to the name before it as written (" & ", ", ").
type People = (PersonId, Vec<PersonId>, Vec<String>);

/// A joint recap's heading: two or more people, each known (or, in a
/// recap, an @handle), joined by "&", "and", "+", "/" or commas ("Dennis &
/// Lucas", "Daniel, Dennis", "@twelho and @luxas", "Dennis, Lucas and
/// Daniel"). The first, then the others; the names as written, and a
/// remark in parentheses after them ("Dennis & Lucas (pairing)"). A name
/// may have its handle after it ("Dennis (@twelho) & Lucas (@luxas)"):
/// kept with the name as written, and the handle says who it is. Anything
/// else in it ("Daniel, couldn't join") and it is not one.
fn joint<'t>(text: &'t str, in_recap: bool, resolver: &mut Resolver<'_>) -> Option<(People, &'t str, Option<String>)> {
    let (text, remark) = match text.split_once('(') {
        // Handles after the names: only a last group that is no handle is a remark.
        Some((_, rest)) if handle_in_parentheses(rest).is_some() => match text.rsplit_once('(') {
            Some((names, last)) if handle_in_parentheses(last).is_none() => {
                (names, Some(last.trim().trim_end_matches(')').trim()))
            }
            _ => (text, None),
        },
        Some((names, rest)) => (names, Some(rest.trim().trim_end_matches(')').trim())),
        None => (text, None),
    };
    let text = text.trim();
    // Most names join no one: those are not looked up twice.
    if !text.contains([',', '&', '+', '/']) && find_str(text, " and ").is_none() {
        return None;
    }
    let (names, joiners) = super::people::joined_names(text)?;
    let mut people: Vec<PersonId> = Vec::with_capacity(names.len());
    let mut kept: Vec<String> = Vec::with_capacity(joiners.len());
    // The joiner before each name after the first.
    let before = std::iter::once(String::new()).chain(joiners);
    for (name, joiner) in names.iter().zip(before) {
        // "Dennis (@twelho)": the handle says who when it is known, as in
        // one person's heading; else the name before it.
        let (written, handle) = match find_str(name, " (") {
            Some(at) => (&name[..at], handle_in_parentheses(&name[at + 2..])),
            None => (name.as_str(), None),
        };
        let p = handle
            .and_then(|h| resolver.person(h, false))
            .or_else(|| resolver.person(written, in_recap && written.starts_with('@')))?;
        // "Dennis & @twelho" is one person, named twice.
        if !people.contains(&p) {
            if !people.is_empty() {
                kept.push(joiner);
            }
            people.push(p);
        }
    }
    // "Dennis" alone is no joint recap.
    let remark = remark.filter(|r| !r.is_empty()).map(str::to_string);
    (people.len() > 1).then(|| ((people[0], people.split_off(1), kept), text, remark))
}

/// The handle of "@twelho)…", the text after a name's opening parenthesis,
/// when the parentheses hold only that ("Dennis (@twelho)"), with its @.
fn handle_in_parentheses(after: &str) -> Option<&str> {
    let (inside, _) = after.split_once(')')?;
    let inside = inside.trim();
    inside
        .strip_prefix('@')
        .filter(|h| super::people::is_handle(h))
        .map(|_| inside)
}

/// Who a recap heading is about when it says so in words: "Dennis's
/// update", "Lucas' notes", "Daniel’s updates", "Updates from Dennis",
/// "Update by Lucas", "From Daniel". Else the heading as it is.
fn whose(heading: &str) -> &str {
    let heading = heading.trim();
    // A possessive, then a word or two: the name is before it ("Lucas'":
    // the s is the name's own).
    if let Some(at) = heading.find(['\'', '’']) {
        let after = heading[at..].trim_start_matches(['\'', '’']);
        let rest = match after.strip_prefix('s') {
            Some(rest) => rest,
            None if heading[..at].ends_with('s') => after,
            None => "-",
        };
        if rest.starts_with(' ') && rest.split_whitespace().count() <= 2 {
            return &heading[..at];
        }
    }
    // A word or two, then "from" or "by", then the name.
    let mut start = 0;
    for word in heading.split(' ').take(3) {
        start += word.len() + 1;
        if crate::words::in_list("from by", word.as_bytes()) {
            return heading.get(start..).unwrap_or(heading);
        }
    }
    heading
}

/// "#### Daniel" under "## Show and tell" or a `###` group: a heading
/// below the subsection level that names someone known is their recap, up
/// to the next heading as high or higher. Other headings stay as written.
fn deeper_recaps(blocks: Vec<Block>, resolver: &mut Resolver<'_>) -> Vec<Block> {
    if !blocks.iter().any(|b| matches!(b, Block::Heading { level: 4.., .. })) {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        let Block::Heading {
            level: level @ 4..,
            inlines,
            line,
        } = block
        else {
            out.push(block);
            continue;
        };
        let mut under = Vec::new();
        while let Some(next) = blocks.next_if(|b| match b {
            Block::Heading { level: l, .. } => *l > level,
            b => !matches!(b, Block::Group { .. } | Block::Recap { .. }),
        }) {
            under.push(next);
        }
        match recap_heading(&Inline::plain_text(&inlines), false, line, under, resolver) {
            Ok(recap) => out.push(recap),
            Err(under) => {
                out.push(Block::Heading { level, inlines, line });
                out.extend(under);
            }
        }
    }
    out
}

/// Replaces top-level bullets that name a person with recap blocks,
/// splitting the list around them so order is kept.
fn attribute_bullets(blocks: Vec<Block>, recap_mode: bool, resolver: &mut Resolver<'_>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        let block = match block {
            Block::Paragraph { unit, inlines, line } => {
                match paragraph_recap(inlines, line, &mut blocks, recap_mode, resolver) {
                    Ok(recap) => {
                        out.push(recap);
                        continue;
                    }
                    Err(inlines) => Block::Paragraph { unit, inlines, line },
                }
            }
            // A table of people, a row each: their bullets, read below.
            Block::Table { line, head, rows, .. }
                if recap_mode
                    && rows.len() > 1
                    && rows
                        .iter()
                        .all(|r| r.first().is_some_and(|c| names_someone(c, resolver))) =>
            {
                rows_as_bullets(line, &head, rows)
            }
            other => other,
        };
        let Block::List { start, items } = block else {
            out.push(block);
            continue;
        };
        // Most lists name no one: those stay as they are, not rebuilt. The
        // bullets are asked in order either way, each once.
        let mut first = None;
        for (index, item) in items.iter().enumerate() {
            if let Some(found) = person_bullet(item, recap_mode, resolver) {
                first = Some((index, found));
                break;
            }
        }
        let Some((first_index, first_found)) = first else {
            out.push(Block::List { start, items });
            continue;
        };
        let mut first_found = Some(first_found);
        let mut run: Vec<Item> = Vec::new();
        // Where the current run starts, so a split ordered list keeps its numbers.
        let mut run_start = start;
        for (index, item) in items.into_iter().enumerate() {
            let found = match index.cmp(&first_index) {
                std::cmp::Ordering::Less => None,
                std::cmp::Ordering::Equal => first_found.take(),
                std::cmp::Ordering::Greater => person_bullet(&item, recap_mode, resolver),
            };
            match found {
                Some((people, title, remark, cut)) => {
                    if !run.is_empty() {
                        out.push(Block::List {
                            start: run_start,
                            items: std::mem::take(&mut run),
                        });
                    }
                    let number = start.map(|s| s + index as u64);
                    run_start = number.map(|n| n + 1);
                    let recap = resolver.joint_recap_index(people, &remark);
                    // "- Marvin:" with items below: those items are the
                    // recap, as under a "### Marvin" heading. "- twelho: did
                    // X" with notes below is one item, X, with its notes
                    // nested, so it counts as one item like "- did X" would.
                    let rest = rest_after(item.inlines, cut);
                    let blocks = if rest.is_empty() {
                        item.blocks
                    } else {
                        vec![Block::List {
                            start: number,
                            items: vec![Item {
                                unit: NO_UNIT,
                                line: item.line,
                                task: item.task,
                                inlines: rest,
                                blocks: item.blocks,
                            }],
                        }]
                    };
                    out.push(Block::Recap {
                        recap,
                        title,
                        remark,
                        line: item.line,
                        blocks,
                    });
                }
                None => run.push(item),
            }
        }
        if !run.is_empty() {
            out.push(Block::List {
                start: run_start,
                items: run,
            });
        }
    }
    out
}

/// A paragraph that names someone, as their recap: "**Dennis**" on a line
/// of its own over the recap, "**Dennis:**" with the list under it (taken
/// from `blocks`), or "Lucas: wrote the page". The inlines come back when
/// it is no recap.
fn paragraph_recap(
    mut inlines: Vec<Inline>,
    line: u32,
    blocks: &mut std::iter::Peekable<std::vec::IntoIter<Block>>,
    recap_mode: bool,
    resolver: &mut Resolver<'_>,
) -> Result<Block, Vec<Inline>> {
    let list_follows = matches!(blocks.peek(), Some(Block::List { .. }));
    if let (true, [Inline::Strong(_), Inline::SoftBreak | Inline::HardBreak, ..]) = (recap_mode, &inlines[..]) {
        if let Some((people, title, remark, _)) = person_named(&inlines[..1], true, true, resolver) {
            let text = Block::Paragraph {
                unit: NO_UNIT,
                line: line + 1,
                inlines: inlines.split_off(2),
            };
            return Ok(Block::Recap {
                recap: resolver.joint_recap_index(people, &remark),
                title,
                remark,
                line,
                blocks: std::iter::once(text).chain(blocks.next_if(|_| list_follows)).collect(),
            });
        }
    }
    let one_line = !inlines
        .iter()
        .any(|i| matches!(i, Inline::SoftBreak | Inline::HardBreak));
    let Some((people, title, remark, cut)) = one_line
        .then(|| person_named(&inlines, list_follows, recap_mode, resolver))
        .flatten()
    else {
        return Err(inlines);
    };
    let nothing_after = cut
        .as_ref()
        .is_none_or(|c| c.after.is_empty() && c.at + 1 == inlines.len());
    let blocks = match (nothing_after, list_follows) {
        (true, true) => blocks.next().into_iter().collect(),
        // "Dennis:" and nothing under it: no recap.
        (true, false) => return Err(inlines),
        (false, _) => vec![Block::List {
            start: None,
            items: vec![Item {
                unit: NO_UNIT,
                line,
                task: None,
                inlines: rest_after(inlines, cut),
                blocks: Vec::new(),
            }],
        }],
    };
    Ok(Block::Recap {
        recap: resolver.joint_recap_index(people, &remark),
        title,
        remark,
        line,
        blocks,
    })
}

/// If `item` names a person ("Daniel", "Marvin:", "twelho: did X"), the
/// person, the name as written, a remark, and where the text after the
/// name starts (see [`rest_after`]).
fn person_bullet(
    item: &Item,
    recap_mode: bool,
    resolver: &mut Resolver<'_>,
) -> Option<(People, String, Option<String>, Option<Cut>)> {
    person_named(&item.inlines, has_items(item), recap_mode, resolver)
}

/// The rows of a table of people ("| Dennis | Flashed the board |") as
/// bullets naming each over their cells ("- Dennis:" over "Flashed the
/// board"; "Done: …", "Next: …" after the column titles when there are
/// several), which become their recaps as such bullets do.
fn rows_as_bullets(line: u32, head: &[Vec<Inline>], rows: Vec<Vec<Vec<Inline>>>) -> Block {
    let item = |line: u32, inlines: Vec<Inline>, blocks: Vec<Block>| Item {
        unit: NO_UNIT,
        line,
        task: None,
        inlines,
        blocks,
    };
    let mut items = Vec::with_capacity(rows.len());
    // The rows follow the head and the delimiter row, a line each.
    for (at, row) in (line + 2..).zip(rows) {
        let mut cells = row.into_iter();
        let mut name = cells.next().unwrap_or_default();
        // "| Dennis: |" already says whose the row is.
        if !Inline::plain_text(&name).trim_end().ends_with(':') {
            name.push(Inline::Text(":".into()));
        }
        let mut done = Vec::new();
        for (mut cell, title) in cells.zip(head.iter().skip(1)) {
            if cell.is_empty() {
                continue;
            }
            let title = Inline::plain_text(title);
            if head.len() > 2 && !title.trim().is_empty() {
                cell.insert(0, Inline::Text(title.trim().to_string() + ": "));
            }
            done.push(item(at, cell, Vec::new()));
        }
        let below = if done.is_empty() {
            Vec::new()
        } else {
            vec![Block::List {
                start: None,
                items: done,
            }]
        };
        items.push(item(at, name, below));
    }
    Block::List { start: None, items }
}

/// Whether a bullet has bullets below it.
fn has_items(item: &Item) -> bool {
    item.blocks.iter().any(|b| matches!(b, Block::List { .. }))
}

/// [`person_bullet`] for a bullet's text, or a paragraph's ("**Dennis:**"
/// over a list, "Lucas: wrote the page"); `has_children`: a list follows.
fn person_named(
    inlines: &[Inline],
    has_children: bool,
    recap_mode: bool,
    resolver: &mut Resolver<'_>,
) -> Option<(People, String, Option<String>, Option<Cut>)> {
    // Outside a recap with items below, only "Name: …" names someone (in a
    // recap, "Name - …" too): most bullets have neither, and need not have
    // their text built. A name is a few words: its dash is near the start.
    let dashed = |t: &str| {
        let head = &t.as_bytes()[..t.len().min(48)];
        DASHES
            .iter()
            .any(|d| crate::words::find_bytes(head, d.as_bytes()).is_some())
    };
    if !(recap_mode && has_children
        || super::text::any_plain(inlines, &mut |t| t.contains(':') || recap_mode && dashed(t)))
    {
        return None;
    }
    let text = Inline::plain_text(inlines);
    let text = text.trim();
    // A name is a few words; so is each of several joined ones, handles
    // and all ("Dennis (@twelho) and Daniel (@orangecms)").
    let short = |name: &str| {
        (name.split_whitespace().count() <= 3 || super::people::joined_names(name).is_some())
            && find_str(name, "http").is_none()
    };
    // "Name: text" or "Name:" or, in a recap, "Name - text" or just "Name".
    let by_dash = || {
        let (at, dash) = DASHES
            .iter()
            .filter_map(|d| find_str(text, d).map(|at| (at, *d)))
            .min()?;
        (recap_mode && short(&text[..at])).then_some((&text[..at], dash))
    };
    let (written, after) = match text.split_once(':') {
        Some((name, _)) if short(name) => (name, Some(":")),
        _ => match by_dash() {
            Some((name, dash)) => (name, Some(dash)),
            None => (text, None),
        },
    };
    let separated = after.is_some();
    let written = unmarked(written.trim());
    if !(separated || recap_mode && has_children) {
        return None;
    }
    // "Dennis & Lucas: …", "**Daniel, Dennis**" over a list: a joint recap.
    let (people, name, remark) = match joint(written, recap_mode && has_children, resolver) {
        Some(joint) => joint,
        None => {
            let (name, remark) = split_remark(written);
            if name.is_empty() || name.split_whitespace().count() > 3 {
                return None;
            }
            // A bullet makes a new person only when it is written as an
            // @handle with items below it, inside a recap. A bare word with
            // items below ("- Website", "- Design") is as often a topic as a
            // name, so it must name someone already known (a participant or
            // host anywhere, or an earlier recap heading); otherwise it
            // stays a bullet.
            let create = recap_mode && has_children && name.starts_with('@');
            ((resolver.person(name, create)?, Vec::new(), Vec::new()), name, remark)
        }
    };
    let cut = after.and_then(|separator| cut_after(inlines, separator));
    Some((people, name.to_string(), remark, cut))
}

/// What may stand between a name and its text in a recap: "Lucas - wrote
/// the page", "Daniel — ported LinuxBoot".
const DASHES: [&str; 3] = [" - ", " – ", " — "];

/// Where the text after a name goes on: the inline the separator is in,
/// and what follows the separator in it.
struct Cut {
    at: usize,
    after: String,
}

/// Where the first `separator` (which sits in a text or bold run, ":" or
/// a dash) is in `inlines`.
fn cut_after(inlines: &[Inline], separator: &str) -> Option<Cut> {
    inlines.iter().enumerate().find_map(|(at, inline)| {
        let plain = match inline {
            Inline::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
            Inline::Strong(_) | Inline::Emphasis(_) => Inline::plain_text(std::slice::from_ref(inline)).into(),
            _ => return None,
        };
        let (_, after) = plain.split_once(separator)?;
        Some(Cut {
            at,
            after: after.trim_start().to_string(),
        })
    })
}

/// The inlines after `cut`, moved, not copied; none without one.
fn rest_after(mut inlines: Vec<Inline>, cut: Option<Cut>) -> Vec<Inline> {
    let Some(Cut { at, after }) = cut else {
        return Vec::new();
    };
    // The text after the separator takes the place of the inline it was in.
    let skip = if after.is_empty() {
        at + 1
    } else {
        inlines[at] = Inline::Text(after);
        at
    };
    let mut rest = inlines.split_off(skip);
    trim_leading_space(&mut rest);
    rest
}
