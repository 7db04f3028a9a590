//! Indexes derived from parsed notes, built once per load: people ranked by
//! involvement, hardware topics grouped by vendor and by ISA, and every
//! distinct web link with where it is cited. The page reads these instead of
//! rebuilding them in its components on every render.

use crate::links::{preview, LinkKind};
use crate::model::{LinkTarget, MeetingId, Notes, PersonId, TopicId, TopicKind, UnitId};

/// Everything derived from one [`Notes`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    /// People who took part in anything, most involved first, with the
    /// number of meetings they attended, hosted or sent a recap to.
    pub people: Vec<(PersonId, u32)>,
    /// Topics mentioned at least once, grouped by vendor; groups with the
    /// most mentions first, other (uncurated) hardware last.
    pub by_vendor: Vec<TopicGroup>,
    /// The same topics grouped by ISA.
    pub by_isa: Vec<TopicGroup>,
    /// Mentioned topics, most meetings first (ties: first mentioned first).
    pub topics_ranked: Vec<TopicId>,
    /// Distinct web links in meeting notes (not the info block), in order of
    /// first citation.
    pub links: Vec<LinkEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicGroup {
    pub name: String,
    /// Most mentioned first.
    pub topics: Vec<TopicId>,
}

/// One distinct URL and where the notes cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkEntry {
    pub url: crate::links::SafeUrl,
    pub kind: LinkKind,
    pub site: String,
    pub title: String,
    /// Link texts as written, when they are not just the URL.
    pub texts: Vec<String>,
    /// (meeting, unit) of every citation, in document order.
    pub cited: Vec<(MeetingId, UnitId)>,
}

/// Name of the group for hardware that is not in the taxonomy.
pub const OTHER_HARDWARE: &str = "Other hardware";

impl Index {
    pub fn build(notes: &Notes) -> Index {
        Index {
            people: people(notes),
            by_vendor: groups(notes, |t| t.vendor.clone()),
            by_isa: groups(notes, |t| t.isa.label().to_string()),
            topics_ranked: ranked_topics(notes),
            links: links(notes),
        }
    }
}

fn people(notes: &Notes) -> Vec<(PersonId, u32)> {
    let mut counts = vec![0u32; notes.people.len()];
    let mut seen: Vec<PersonId> = Vec::new();
    for m in &notes.meetings {
        seen.clear();
        let involved = m
            .participants
            .iter()
            .map(|p| p.person)
            .chain(m.hosts.iter().copied())
            .chain(m.recaps.iter().flat_map(|r| r.people()));
        for p in involved {
            if !seen.contains(&p) {
                seen.push(p);
                counts[p.0 as usize] += 1;
            }
        }
    }
    let mut out: Vec<(PersonId, u32)> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(i, n)| (PersonId(i as u32), n))
        .collect();
    crate::order::sort_by_rank(&mut out, |(p, n)| (-i64::from(*n), i64::from(p.0)));
    out
}

fn ranked_topics(notes: &Notes) -> Vec<TopicId> {
    let mut out: Vec<TopicId> = (0..notes.topics.len() as u32)
        .map(TopicId)
        .filter(|t| !notes.topic(*t).meetings.is_empty())
        .collect();
    crate::order::sort_by_rank(&mut out, |t| (-(notes.topic(*t).meetings.len() as i64), i64::from(t.0)));
    out
}

fn groups(notes: &Notes, key: impl Fn(&crate::model::Topic) -> String) -> Vec<TopicGroup> {
    let mut out: Vec<TopicGroup> = Vec::new();
    for t in ranked_topics(notes) {
        let topic = notes.topic(t);
        let name = if topic.kind == TopicKind::Other {
            OTHER_HARDWARE.to_string()
        } else {
            key(topic)
        };
        match out.iter_mut().find(|g| g.name == name) {
            Some(g) => g.topics.push(t),
            None => out.push(TopicGroup { name, topics: vec![t] }),
        }
    }
    let weight = |g: &TopicGroup| {
        g.topics
            .iter()
            .map(|t| notes.topic(*t).meetings.len() as i64)
            .sum::<i64>()
    };
    let other = |g: &TopicGroup| g.name == OTHER_HARDWARE || g.name == crate::model::Isa::Other.label();
    crate::order::sort_by_rank(&mut out, |g| (i64::from(other(g)), -weight(g)));
    out
}

fn links(notes: &Notes) -> Vec<LinkEntry> {
    let mut out: Vec<LinkEntry> = Vec::new();
    let mut by_url = std::collections::HashMap::<&str, usize>::new();
    for (i, m) in notes.meetings.iter().enumerate() {
        for (unit, target, text) in m.links() {
            let (Some(unit), LinkTarget::Web(url)) = (unit, target) else {
                continue;
            };
            let at = *by_url.entry(url.as_str()).or_insert_with(|| {
                let p = preview(url.as_str());
                out.push(LinkEntry {
                    url: url.clone(),
                    kind: p.kind,
                    site: p.site,
                    title: p.title,
                    texts: Vec::new(),
                    cited: Vec::new(),
                });
                out.len() - 1
            });
            let entry = &mut out[at];
            let written = text.trim();
            if written != url.as_str() && !written.is_empty() && !entry.texts.iter().any(|t| t == written) {
                entry.texts.push(written.to_string());
            }
            entry.cited.push((MeetingId(i as u32), unit));
        }
    }
    out
}

/// How often one topic is mentioned, and where first.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionCount {
    pub topic: TopicId,
    /// Mentions in the text (a bullet naming it twice counts twice).
    pub mentions: u32,
    /// The first mention in document order: (source, line).
    pub first: (crate::model::SourceId, u32),
}

/// Every mentioned topic with its mention count, most mentioned first (for
/// `timeline topics`, which shows maintainers what the taxonomy misses).
pub fn mention_counts(notes: &Notes) -> Vec<MentionCount> {
    use crate::model::{Block, Inline};
    fn inlines(list: &[Inline], line: u32, found: &mut Vec<(TopicId, u32)>) {
        for i in list {
            match i {
                Inline::Mentions { mentions, .. } => found.extend(mentions.iter().map(|m| (m.topic, line))),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => {
                    inlines(c, line, found)
                }
                Inline::Link { children, .. } => inlines(children, line, found),
                _ => {}
            }
        }
    }
    fn blocks(list: &[Block], found: &mut Vec<(TopicId, u32)>) {
        for b in list {
            match b {
                Block::Paragraph { inlines: i, line, .. } | Block::Heading { inlines: i, line, .. } => {
                    inlines(i, *line, found)
                }
                Block::List { items, .. } => {
                    for item in items {
                        inlines(&item.inlines, item.line, found);
                        blocks(&item.blocks, found);
                    }
                }
                Block::Table { head, rows, line, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        inlines(cell, *line, found);
                    }
                }
                Block::Group {
                    title,
                    line,
                    blocks: inner,
                } => {
                    inlines(title, *line, found);
                    blocks(inner, found);
                }
                Block::Quote(inner) | Block::Callout { blocks: inner, .. } | Block::Recap { blocks: inner, .. } => {
                    blocks(inner, found)
                }
                Block::Code { .. } | Block::Html { .. } | Block::Rule => {}
            }
        }
    }
    let mut counts: Vec<Option<MentionCount>> = vec![None; notes.topics.len()];
    // Document order: by source, then line (meetings are in date order).
    let mut order: Vec<&crate::model::Meeting> = notes.meetings.iter().collect();
    crate::order::sort_by_rank(&mut order, |m| (i64::from(m.source.0), i64::from(m.line)));
    for m in order {
        let mut found = Vec::new();
        for s in &m.sections {
            blocks(&s.blocks, &mut found);
        }
        for (topic, line) in found {
            let slot = &mut counts[topic.0 as usize];
            match slot {
                Some(c) => c.mentions += 1,
                None => {
                    *slot = Some(MentionCount {
                        topic,
                        mentions: 1,
                        first: (m.source, line),
                    })
                }
            }
        }
    }
    let mut out: Vec<MentionCount> = counts.into_iter().flatten().collect();
    crate::order::sort_by_rank(&mut out, |c| (-i64::from(c.mentions), i64::from(c.topic.0)));
    out
}
