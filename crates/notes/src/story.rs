//! A person's page and a topic's story (`?view=person`, `?view=topic`):
//! what someone did over the years, and where a board came up, gathered
//! from the model. Also finds a unit's place in the content tree, so a page
//! can show one bullet (with its sub-bullets) outside its meeting.

use crate::links::SafeUrl;
use crate::model::{
    Block, Inline, Item, LinkTarget, Meeting, MeetingId, MeetingStatus, MentionRun, Notes, PersonId, TopicId, UnitId,
};

/// One meeting's units on a page: the top-most units that qualify, each
/// shown with everything below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub meeting: MeetingId,
    pub units: Vec<UnitId>,
}

/// A web link on a page, once per URL, with the meeting that cited it last.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    pub url: SafeUrl,
    /// The link text as written (the URL itself when it had none).
    pub text: String,
    pub meeting: MeetingId,
}

/// How a person took part in one meeting, for the attendance strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// There was no meeting (skipped, or planned and not held yet).
    NoMeeting,
    Absent,
    Attended,
    /// Sent a recap without being listed as a participant.
    RecapOnly,
    Hosted,
}

impl Presence {
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::NoMeeting => "none",
            Presence::Absent => "absent",
            Presence::Attended => "attended",
            Presence::RecapOnly => "recap",
            Presence::Hosted => "hosted",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonPage {
    pub person: PersonId,
    /// The first and the latest held meeting they took part in.
    pub first: Option<MeetingId>,
    pub latest: Option<MeetingId>,
    /// Held meetings attended (listed as participant, or hosting), hosted,
    /// and recaps sent.
    pub attended: u32,
    pub hosted: u32,
    pub recaps: u32,
    /// One entry per meeting, in date order.
    pub strip: Vec<Presence>,
    /// Their bullets (recap bullets, and bullets that name them), newest
    /// meeting first.
    pub bullets: Vec<Cited>,
    /// The hardware they mention most: topic and number of meetings.
    pub topics: Vec<(TopicId, u32)>,
    /// Links in their bullets, newest first.
    pub links: Vec<PageLink>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPage {
    pub topic: TopicId,
    /// The first and the latest meeting that mention it.
    pub first: Option<MeetingId>,
    pub latest: Option<MeetingId>,
    /// Who talked about it (the owners of the bullets), most meetings first.
    pub people: Vec<(PersonId, u32)>,
    /// Every bullet that mentions it, in time order.
    pub bullets: Vec<Cited>,
    /// Related topics that the notes mention: what it belongs to, what
    /// belongs to it, and what shares a parent with it.
    pub parents: Vec<TopicId>,
    pub children: Vec<TopicId>,
    pub siblings: Vec<TopicId>,
    /// Links in those bullets, oldest first.
    pub links: Vec<PageLink>,
}

/// How many topics a person's page lists.
const TOP_TOPICS: usize = 10;

/// The units of `m` for which `qualifies` holds and no ancestor qualifies
/// (units come parents first, so one pass decides).
fn top_most(m: &Meeting, qualifies: impl Fn(&crate::model::Unit) -> bool) -> (Vec<UnitId>, Vec<bool>) {
    let mut covered = vec![false; m.units.len()];
    let mut top = Vec::new();
    for (i, u) in m.units.iter().enumerate() {
        let under = u.parent.is_some_and(|p| covered[p.0 as usize]);
        if under {
            covered[i] = true;
        } else if qualifies(u) {
            covered[i] = true;
            top.push(UnitId(i as u32));
        }
    }
    (top, covered)
}

/// Web links of the units marked in `covered`, added to `out` once per URL.
fn collect_links(m: &Meeting, id: MeetingId, covered: &[bool], out: &mut Vec<PageLink>) {
    for (u, _) in m.units.iter().zip(covered).filter(|(_, c)| **c) {
        for (target, text) in &u.links {
            let LinkTarget::Web(url) = &**target else { continue };
            if out.iter().any(|l| l.url == *url) {
                continue;
            }
            let text = if text.trim().is_empty() {
                url.as_str()
            } else {
                text.trim()
            };
            out.push(PageLink {
                url: url.clone(),
                text: text.to_string(),
                meeting: id,
            });
        }
    }
}

fn count(list: &mut Vec<(TopicId, u32)>, t: TopicId) {
    match list.iter_mut().find(|(x, _)| *x == t) {
        Some((_, n)) => *n += 1,
        None => list.push((t, 1)),
    }
}

/// Everything a person's page shows.
pub fn person(notes: &Notes, p: PersonId) -> PersonPage {
    let mut page = PersonPage {
        person: p,
        first: None,
        latest: None,
        attended: 0,
        hosted: 0,
        recaps: 0,
        strip: Vec::with_capacity(notes.meetings.len()),
        bullets: Vec::new(),
        topics: Vec::new(),
        links: Vec::new(),
    };
    for (id, m) in notes.meeting_ids() {
        // A planned meeting names its host before it happens: only held
        // meetings count.
        let held = m.status == MeetingStatus::Held;
        let hosted = held && m.hosts.contains(&p);
        let attended = hosted || (held && m.participants.iter().any(|x| x.person == p));
        let recap = held && m.recaps.iter().any(|r| r.by(p));
        page.hosted += u32::from(hosted);
        page.attended += u32::from(attended);
        page.recaps += u32::from(recap);
        page.strip.push(match (held, hosted, attended, recap) {
            (false, ..) => Presence::NoMeeting,
            (_, true, ..) => Presence::Hosted,
            (_, _, true, _) => Presence::Attended,
            (_, _, _, true) => Presence::RecapOnly,
            _ => Presence::Absent,
        });
        if attended || recap {
            page.first.get_or_insert(id);
            page.latest = Some(id);
        }
        let (units, _) = top_most(m, |u| u.by(p));
        if !units.is_empty() {
            page.bullets.push(Cited { meeting: id, units });
        }
    }
    page.bullets.reverse();
    // Topics and links of their own bullets, newest meeting first.
    for cited in &page.bullets {
        let m = notes.meeting(cited.meeting);
        let mut seen: Vec<TopicId> = Vec::new();
        let mut covered = vec![false; m.units.len()];
        for (i, u) in m.units.iter().enumerate() {
            covered[i] = u.by(p);
            if covered[i] {
                // Mentions named in their text, not the families they imply.
                for t in &u.topics {
                    if !seen.contains(t) && !u.topics.iter().any(|c| notes.topic(*c).parents.contains(t)) {
                        seen.push(*t);
                    }
                }
            }
        }
        for t in seen {
            count(&mut page.topics, t);
        }
        collect_links(m, cited.meeting, &covered, &mut page.links);
    }
    crate::order::sort_by_rank(&mut page.topics, |(t, n)| (-i64::from(*n), i64::from(t.0)));
    page.topics.truncate(TOP_TOPICS);
    page
}

/// Everything a topic's story shows.
pub fn topic(notes: &Notes, t: TopicId) -> TopicPage {
    let mentioned = |x: &TopicId| !notes.topic(*x).meetings.is_empty();
    let topic = notes.topic(t);
    let parents: Vec<TopicId> = notes.ancestors(t).filter(mentioned).collect();
    let ids = || (0..notes.topics.len() as u32).map(TopicId);
    let children: Vec<TopicId> = ids()
        .filter(|c| notes.topic(*c).parents.contains(&t) && mentioned(c))
        .collect();
    let siblings: Vec<TopicId> = ids()
        .filter(|s| {
            *s != t
                && !children.contains(s)
                && notes.topic(*s).parents.iter().any(|x| topic.parents.contains(x))
                && mentioned(s)
        })
        .collect();
    let mut page = TopicPage {
        topic: t,
        first: topic.meetings.first().copied(),
        latest: topic.meetings.last().copied(),
        people: Vec::new(),
        bullets: Vec::new(),
        parents,
        children,
        siblings,
        links: Vec::new(),
    };
    let mut people: Vec<(PersonId, u32)> = Vec::new();
    for (id, m) in notes.meeting_ids() {
        let (units, covered) = top_most(m, |u| u.topics.contains(&t));
        if units.is_empty() {
            continue;
        }
        let mut who: Vec<PersonId> = Vec::new();
        for u in &units {
            if let Some(p) = m.units[u.0 as usize].person {
                if !who.contains(&p) {
                    who.push(p);
                }
            }
        }
        for p in who {
            match people.iter_mut().find(|(x, _)| *x == p) {
                Some((_, n)) => *n += 1,
                None => people.push((p, 1)),
            }
        }
        collect_links(m, id, &covered, &mut page.links);
        page.bullets.push(Cited { meeting: id, units });
    }
    crate::order::sort_by_rank(&mut people, |(p, n)| (-i64::from(*n), i64::from(p.0)));
    page.people = people;
    page
}

/// Where a unit sits in a meeting's content tree.
#[derive(Debug, Clone, Copy)]
pub enum UnitNode<'a> {
    /// A bullet, with its sub-bullets.
    Item(&'a Item),
    /// A paragraph, code block, table or raw HTML block.
    Block(&'a Block),
}

impl UnitNode<'_> {
    /// The text nodes of the unit's own content (not its sub-bullets') that
    /// name hardware, in document order: where the page highlights them.
    pub fn mention_runs(&self) -> Vec<MentionRun> {
        let mut out = Vec::new();
        match self {
            UnitNode::Item(item) => Inline::mention_runs_into(&item.inlines, &mut out),
            UnitNode::Block(Block::Paragraph { inlines, .. }) => Inline::mention_runs_into(inlines, &mut out),
            UnitNode::Block(Block::Table { head, rows, .. }) => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    Inline::mention_runs_into(cell, &mut out);
                }
            }
            UnitNode::Block(_) => {}
        }
        out
    }
}

/// Finds unit `id` in the meeting's sections.
pub fn unit_node(m: &Meeting, id: UnitId) -> Option<UnitNode<'_>> {
    fn in_blocks(blocks: &[Block], id: UnitId) -> Option<UnitNode<'_>> {
        blocks.iter().find_map(|b| match b {
            Block::Paragraph { unit, .. }
            | Block::Code { unit, .. }
            | Block::Table { unit, .. }
            | Block::Html { unit, .. } => (*unit == id).then_some(UnitNode::Block(b)),
            Block::List { items, .. } => items.iter().find_map(|item| {
                if item.unit == id {
                    Some(UnitNode::Item(item))
                } else {
                    in_blocks(&item.blocks, id)
                }
            }),
            Block::Quote(inner)
            | Block::Callout { blocks: inner, .. }
            | Block::Recap { blocks: inner, .. }
            | Block::Group { blocks: inner, .. } => in_blocks(inner, id),
            Block::Heading { .. } | Block::Rule => None,
        })
    }
    let section = m.sections.get(m.units.get(id.0 as usize)?.section as usize)?;
    in_blocks(&section.blocks, id)
}
