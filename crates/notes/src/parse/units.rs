//! Numbers the filterable units of a meeting (bullets, paragraphs, code
//! blocks, tables) into a flat table with their parent, person, topics,
//! folded text and links, so filtering is a scan of a table, not a tree
//! walk. Hardware mentions are marked in the text here as it is visited.

use std::rc::Rc;

use crate::model::{Block, Inline, LinkTarget, Meeting, Mention, PersonId, RecapSummary, TopicId, Unit, UnitId};
use crate::taxonomy::{for_each_mention, TopicTable};
use crate::words::fold_into;

#[derive(Clone, Copy)]
struct Ctx<'t> {
    section: u32,
    parent: Option<UnitId>,
    person: Option<PersonId>,
    /// The others of a joint recap.
    with: &'t [PersonId],
    /// The next list is the top level of this recap.
    recap_top: Option<u32>,
    /// Topics named by an enclosing subsection title ("### Nezha News"):
    /// borrowed, as every item below shares them.
    topics: &'t [TopicId],
}

struct Walker<'a> {
    units: Vec<Unit>,
    /// The meeting's folded unit texts, one after another.
    search: String,
    recaps: &'a [RecapSummary],
    counts: Vec<u32>,
    table: Option<&'a mut TopicTable>,
}

/// `scratch` is a list and a string kept between meetings: the units and
/// their folded texts grow in them, then move to the meeting in one
/// exactly sized allocation each, and `scratch` keeps its grown buffers
/// for the next meeting.
pub fn number(meeting: &mut Meeting, table: &mut TopicTable, scratch: &mut (Vec<Unit>, String)) {
    let mut w = Walker {
        units: std::mem::take(&mut scratch.0),
        search: std::mem::take(&mut scratch.1),
        recaps: &meeting.recaps,
        counts: vec![0; meeting.recaps.len()],
        table: Some(table),
    };
    for (i, section) in meeting.sections.iter_mut().enumerate() {
        let ctx = Ctx {
            section: i as u32,
            parent: None,
            person: None,
            with: &[],
            recap_top: None,
            topics: &[],
        };
        w.walk(&mut section.blocks, &ctx);
    }
    let (mut units, counts, mut search) = (w.units, w.counts, w.search);
    for (recap, n) in meeting.recaps.iter_mut().zip(counts) {
        recap.items = n;
    }
    // Each topic once, by id: marked in a table of every topic so far
    // rather than collected and sorted (a sort's allocations, per meeting).
    let mut named = vec![false; table.topics.len()];
    for t in units.iter().flat_map(|u| &u.topics) {
        named[t.0 as usize] = true;
    }
    meeting.topics = (0..named.len() as u32)
        .filter(|t| named[*t as usize])
        .map(TopicId)
        .collect();
    meeting.units = Vec::with_capacity(units.len());
    meeting.units.append(&mut units);
    meeting.search_text = search.as_str().into();
    search.clear();
    *scratch = (units, search);
}

/// Numbers blocks outside any meeting (intro, unplaced notes), which are
/// shown whole and never filtered.
pub fn number_loose(blocks: &mut [Block]) {
    let mut w = Walker {
        units: Vec::new(),
        search: String::new(),
        recaps: &[],
        counts: Vec::new(),
        table: None,
    };
    let ctx = Ctx {
        section: 0,
        parent: None,
        person: None,
        with: &[],
        recap_top: None,
        topics: &[],
    };
    w.walk(blocks, &ctx);
}

impl Walker<'_> {
    fn unit(&mut self, ctx: &Ctx, line: u32, inlines: &mut [&mut Vec<Inline>], plain: Option<&str>) -> UnitId {
        let mut topics = ctx.topics.to_vec();
        let mut links = Vec::new();
        // The text is folded straight into the meeting's search string,
        // piece by piece, and cut after its last character that is not
        // white space: the text trimmed, then folded, with no copy between.
        let start = self.search.len();
        let mut keep = start;
        // Blocks outside meetings (no table) are never filtered: they need
        // their unit numbers only, not mentions, links or search text.
        if let Some(table) = self.table.as_deref_mut() {
            for run in inlines.iter_mut() {
                // One walk for mentions and links: a link's text is read once.
                mark_mentions(run, table, &mut topics, Some(&mut links));
                Inline::plain_pieces(run, &mut |piece| keep = fold_into(piece, &mut self.search, keep));
                self.search.push(' ');
            }
        }
        if let Some(p) = plain {
            keep = fold_into(p, &mut self.search, keep);
        }
        self.search.truncate(keep);
        self.units.push(Unit {
            line,
            parent: ctx.parent,
            section: ctx.section,
            person: ctx.person,
            with: ctx.with.to_vec(),
            recap_item: false,
            topics,
            search: start as u32..self.search.len() as u32,
            links,
        });
        UnitId(self.units.len() as u32 - 1)
    }

    /// Marks the hardware that text inlines name, adding their topics
    /// (with families) to `topics`.
    fn mentions(&mut self, inlines: &mut [Inline], topics: &mut Vec<TopicId>) {
        let Some(table) = self.table.as_deref_mut() else { return };
        mark_mentions(inlines, table, topics, None);
    }

    fn walk(&mut self, blocks: &mut [Block], ctx: &Ctx) {
        for block in blocks {
            match block {
                Block::Paragraph { unit, line, inlines } => *unit = self.unit(ctx, *line, &mut [inlines], None),
                Block::Code { unit, line, text, .. } | Block::Html { unit, line, text } => {
                    *unit = self.unit(ctx, *line, &mut [], Some(text))
                }
                Block::Table { unit, line, head, rows } => {
                    let mut cells: Vec<&mut Vec<Inline>> = head.iter_mut().chain(rows.iter_mut().flatten()).collect();
                    *unit = self.unit(ctx, *line, &mut cells, None);
                }
                Block::List { items, .. } => {
                    for item in items {
                        let id = self.unit(ctx, item.line, &mut [&mut item.inlines], None);
                        if let Some(r) = ctx.recap_top {
                            self.units[id.0 as usize].recap_item = true;
                            self.counts[r as usize] += 1;
                        }
                        item.unit = id;
                        let inner = Ctx {
                            parent: Some(id),
                            recap_top: None,
                            ..*ctx
                        };
                        self.walk(&mut item.blocks, &inner);
                    }
                }
                Block::Quote(inner) | Block::Callout { blocks: inner, .. } => self.walk(inner, ctx),
                Block::Group {
                    title, blocks: inner, ..
                } => {
                    let mut topics = ctx.topics.to_vec();
                    self.mentions(title, &mut topics);
                    let inner_ctx = Ctx {
                        topics: &topics,
                        ..*ctx
                    };
                    self.walk(inner, &inner_ctx);
                }
                Block::Recap {
                    recap, blocks: inner, ..
                } => {
                    let recaps = self.recaps;
                    let inner_ctx = Ctx {
                        person: recaps.get(*recap as usize).map(|r| r.person),
                        with: recaps.get(*recap as usize).map_or(&[], |r| &r.with[..]),
                        recap_top: Some(*recap),
                        ..*ctx
                    };
                    self.walk(inner, &inner_ctx);
                }
                Block::Heading { .. } | Block::Rule => {}
            }
        }
    }
}

/// Turns each text of `inlines` that names hardware into
/// [`Inline::Mentions`], adding the topics (with families) to `topics`.
/// Also appends the links in `inlines` to `links`, if given, as
/// [`collect_links`] would.
fn mark_mentions(
    inlines: &mut [Inline],
    table: &mut TopicTable,
    topics: &mut Vec<TopicId>,
    mut links: Option<&mut Vec<(Rc<LinkTarget>, String)>>,
) {
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Text(t) => {
                // Most texts name nothing and are left as they are.
                let mut found = Vec::new();
                for_each_mention(t, &mut |start, end, hit| {
                    let topic = table.resolve_hit(hit);
                    table.with_ancestors(topic, topics);
                    found.push(Mention {
                        topic,
                        start: start as u32,
                        end: end as u32,
                    });
                });
                if !found.is_empty() {
                    let text = std::mem::take(t);
                    *inline = Inline::Mentions {
                        text,
                        mentions: found.into_boxed_slice(),
                    };
                }
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => {
                mark_mentions(c, table, topics, links.as_deref_mut())
            }
            Inline::Link { target, children } => {
                // Link text that is the URL itself (or any URL) is not prose.
                let text = Inline::plain_text(children);
                if text.trim() != target.url() && !crate::links::SafeUrl::is_safe(&text) {
                    // Mentions keep the text as it was.
                    mark_mentions(children, table, topics, None);
                }
                if let Some(links) = links.as_deref_mut() {
                    links.push((target.clone(), text));
                }
            }
            _ => {}
        }
    }
}

/// Appends the links in `inlines` (with their text) to `out`.
pub fn collect_links(inlines: &[Inline], out: &mut Vec<(Rc<LinkTarget>, String)>) {
    for inline in inlines {
        match inline {
            Inline::Link { target, children } => out.push((target.clone(), Inline::plain_text(children))),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => collect_links(c, out),
            _ => {}
        }
    }
}

/// Links anywhere in a block, for content that has no units (info block).
pub fn collect_block_links(block: &Block, out: &mut Vec<(Rc<LinkTarget>, String)>) {
    match block {
        Block::Paragraph { inlines, .. } | Block::Heading { inlines, .. } => collect_links(inlines, out),
        Block::List { items, .. } => {
            for item in items {
                collect_links(&item.inlines, out);
                item.blocks.iter().for_each(|b| collect_block_links(b, out));
            }
        }
        Block::Quote(blocks)
        | Block::Callout { blocks, .. }
        | Block::Recap { blocks, .. }
        | Block::Group { blocks, .. } => blocks.iter().for_each(|b| collect_block_links(b, out)),
        Block::Table { head, rows, .. } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                collect_links(cell, out);
            }
        }
        Block::Code { .. } | Block::Html { .. } | Block::Rule => {}
    }
}
