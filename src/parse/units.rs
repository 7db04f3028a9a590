//! Numbers the filterable units of a meeting (bullets, paragraphs, code
//! blocks, tables) into a flat table with their parent, person, folded
//! text and links, so filtering is a scan of a table, not a tree walk.

use super::text::fold;
use crate::model::{Block, Inline, LinkTarget, Meeting, PersonId, Unit, UnitId};

#[derive(Clone, Copy)]
struct Ctx {
    section: u32,
    parent: Option<UnitId>,
    person: Option<PersonId>,
    /// The next list is the top level of a recap.
    recap_top: Option<u32>,
}

pub fn number(meeting: &mut Meeting) {
    let mut units = Vec::new();
    let mut counts = vec![0u32; meeting.recaps.len()];
    for (i, section) in meeting.sections.iter_mut().enumerate() {
        let ctx = Ctx {
            section: i as u32,
            parent: None,
            person: None,
            recap_top: None,
        };
        walk(&mut section.blocks, ctx, &mut units, &meeting.recaps, &mut counts);
    }
    for (recap, n) in meeting.recaps.iter_mut().zip(counts) {
        recap.items = n;
    }
    meeting.units = units;
}

/// Numbers blocks outside any meeting (intro, unplaced notes) so that
/// every unit id in the tree is valid for [`Meeting::units`]-less rendering.
pub fn number_loose(blocks: &mut [Block]) {
    let ctx = Ctx {
        section: 0,
        parent: None,
        person: None,
        recap_top: None,
    };
    walk(blocks, ctx, &mut Vec::new(), &[], &mut []);
}

fn push(units: &mut Vec<Unit>, ctx: Ctx, line: u32, text: &str, links: Vec<(LinkTarget, Vec<Inline>)>) -> UnitId {
    units.push(Unit {
        line,
        parent: ctx.parent,
        section: ctx.section,
        person: ctx.person,
        recap_item: false,
        topics: Vec::new(),
        search_text: fold(text),
        links,
    });
    UnitId(units.len() as u32 - 1)
}

fn walk(
    blocks: &mut [Block],
    ctx: Ctx,
    units: &mut Vec<Unit>,
    recaps: &[crate::model::RecapSummary],
    counts: &mut [u32],
) {
    for block in blocks {
        match block {
            Block::Paragraph { unit, line, inlines } => {
                let mut links = Vec::new();
                collect_links(inlines, &mut links);
                *unit = push(units, ctx, *line, &Inline::plain_text(inlines), links);
            }
            Block::Code { unit, line, text, .. } | Block::Html { unit, line, text } => {
                *unit = push(units, ctx, *line, text, Vec::new());
            }
            Block::Table { unit, line, head, rows } => {
                let mut text = String::new();
                let mut links = Vec::new();
                for cell in head.iter().chain(rows.iter().flatten()) {
                    Inline::plain_text_into(cell, &mut text);
                    text.push(' ');
                    collect_links(cell, &mut links);
                }
                *unit = push(units, ctx, *line, &text, links);
            }
            Block::List { items, .. } => {
                for item in items {
                    let mut links = Vec::new();
                    collect_links(&item.inlines, &mut links);
                    let id = push(units, ctx, item.line, &Inline::plain_text(&item.inlines), links);
                    if let Some(r) = ctx.recap_top {
                        units[id.0 as usize].recap_item = true;
                        counts[r as usize] += 1;
                    }
                    item.unit = id;
                    let inner = Ctx {
                        parent: Some(id),
                        recap_top: None,
                        ..ctx
                    };
                    walk(&mut item.blocks, inner, units, recaps, counts);
                }
            }
            Block::Quote(inner) | Block::Group { blocks: inner, .. } => walk(inner, ctx, units, recaps, counts),
            Block::Recap { recap, blocks, .. } => {
                let inner = Ctx {
                    person: recaps.get(*recap as usize).map(|r| r.person),
                    recap_top: Some(*recap),
                    ..ctx
                };
                walk(blocks, inner, units, recaps, counts);
            }
            Block::Heading { .. } | Block::Rule => {}
        }
    }
}

/// Appends the links in `inlines` (with their text) to `out`.
pub fn collect_links(inlines: &[Inline], out: &mut Vec<(LinkTarget, Vec<Inline>)>) {
    for inline in inlines {
        match inline {
            Inline::Link { target, children } => out.push((target.clone(), children.clone())),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) => collect_links(c, out),
            _ => {}
        }
    }
}

/// Links anywhere in a block, for content that has no units (info block).
pub fn collect_block_links(block: &Block, out: &mut Vec<(LinkTarget, Vec<Inline>)>) {
    match block {
        Block::Paragraph { inlines, .. } | Block::Heading { inlines, .. } => collect_links(inlines, out),
        Block::List { items, .. } => {
            for item in items {
                collect_links(&item.inlines, out);
                item.blocks.iter().for_each(|b| collect_block_links(b, out));
            }
        }
        Block::Quote(blocks) | Block::Recap { blocks, .. } | Block::Group { blocks, .. } => {
            blocks.iter().for_each(|b| collect_block_links(b, out))
        }
        Block::Table { head, rows, .. } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                collect_links(cell, out);
            }
        }
        Block::Code { .. } | Block::Html { .. } | Block::Rule => {}
    }
}
