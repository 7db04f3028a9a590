//! Note content (the model's block tree) to Yew nodes. Text is always a
//! text node; only web and mail links become `<a>`; raw HTML from the notes
//! is shown literally.
//!
//! Content is rendered once, unfiltered; `platform::visibility` then
//! switches what a filter hides without a re-render. A unit (a bullet,
//! paragraph, code block or table) is one element (`li`, `p.p`, `pre`,
//! `.table-wrap`). In a meeting's card they come in the order of their ids,
//! so the card carries no ids: the applier counts them. Units listed out of
//! their meeting (a person's or topic's page) carry `data-u` (their id, or
//! `first:last` when sub-bullets follow). What only an unfiltered view shows
//! (headings inside notes, rules, empty groups) carries the
//! `when-unfiltered` class.

use notes::model::{Block, Inline, Item, LinkTarget, Meeting, Notes, Piece, UnitId};
use notes::story::UnitNode;
use yew::prelude::*;

use super::people::person_link;

/// What rendering needs besides the blocks themselves.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub notes: &'a Notes,
    pub meeting: Option<&'a Meeting>,
    /// A touch screen: web links get a button that opens their preview
    /// (there is no hover). Elsewhere the button would only cost nodes.
    pub peek: bool,
    /// Mark each unit with its `data-u`: for units out of their meeting's
    /// order. A card's units are counted in order instead (thousands of
    /// attributes fewer on the timeline).
    pub mark_units: bool,
}

/// Rendered blocks and the units they hold (`None`: no units).
pub struct Rendered {
    pub nodes: Vec<Html>,
    pub units: Option<(u32, u32)>,
}

/// The units of two neighbouring pieces together.
fn join(a: Option<(u32, u32)>, b: Option<(u32, u32)>) -> Option<(u32, u32)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (a, b) => a.or(b),
    }
}

impl Ctx<'_> {
    /// A unit's `data-u`, where units are marked.
    fn mark(&self, units: Option<(u32, u32)>) -> Option<AttrValue> {
        self.mark_units.then(|| range_attr(units)).flatten()
    }
}

/// `first:last`, or just `first` for one unit.
fn range_attr(units: Option<(u32, u32)>) -> Option<AttrValue> {
    units.map(|(a, b)| AttrValue::from(if a == b { a.to_string() } else { format!("{a}:{b}") }))
}

/// A text node, copied once from the model (not into a `String`, then
/// again into the node's shared string).
pub fn text(t: &str) -> Html {
    Html::from(yew::virtual_dom::VText::new(attr(t)))
}

/// An attribute value copied once from the model.
pub fn attr(t: &str) -> AttrValue {
    AttrValue::from(std::rc::Rc::<str>::from(t))
}

fn unit_of(unit: UnitId) -> Option<(u32, u32)> {
    // Units numbered outside a meeting (intro, unplaced notes) carry no id.
    (unit.0 != u32::MAX).then_some((unit.0, unit.0))
}

/// Renders blocks.
pub fn blocks(blocks: &[Block], ctx: &Ctx<'_>) -> Rendered {
    let mut units = None;
    let nodes = blocks
        .iter()
        .map(|b| {
            let (html, u) = block(b, ctx);
            units = join(units, u);
            html
        })
        .collect();
    Rendered { nodes, units }
}

fn block(block: &Block, ctx: &Ctx<'_>) -> (Html, Option<(u32, u32)>) {
    match block {
        Block::Paragraph { unit, inlines, .. } => {
            let u = unit_of(*unit);
            (
                html! { <p class="p" data-u={ctx.mark(u)}>{ for inline_nodes(inlines, ctx) }</p> },
                u,
            )
        }
        Block::List { start, items } => {
            let mut units = None;
            let lis: Vec<Html> = items
                .iter()
                .map(|item| {
                    let (html, u) = list_item(item, ctx);
                    units = join(units, u);
                    html
                })
                .collect();
            let html = match start {
                Some(n) => html! { <ol start={n.to_string()}>{ for lis }</ol> },
                None => html! { <ul>{ for lis }</ul> },
            };
            (html, units)
        }
        Block::Code { unit, lang, text, .. } => {
            let u = unit_of(*unit);
            let class = (!lang.is_empty()).then(|| format!("language-{lang}"));
            (
                html! { <pre class="code" tabindex="0" data-u={ctx.mark(u)}><code class={class}>{ text.clone() }</code></pre> },
                u,
            )
        }
        Block::Html { unit, text, .. } => {
            let u = unit_of(*unit);
            (
                html! { <pre class="raw-html" title="HTML from the notes, shown as text" data-u={ctx.mark(u)}>{ text.clone() }</pre> },
                u,
            )
        }
        Block::Table { unit, head, rows, .. } => {
            let u = unit_of(*unit);
            let html = html! {
                <div class="table-wrap" tabindex="0" data-u={ctx.mark(u)}>
                    <table>
                        if !head.is_empty() {
                            <thead><tr>{ for head.iter().map(|c| html! { <th>{ for inline_nodes(c, ctx) }</th> }) }</tr></thead>
                        }
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|c| html! { <td>{ for inline_nodes(c, ctx) }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            };
            (html, u)
        }
        Block::Quote(inner) => {
            let inner = blocks(inner, ctx);
            (html! { <blockquote>{ for inner.nodes }</blockquote> }, inner.units)
        }
        Block::Callout {
            kind,
            title,
            blocks: inner,
        } => {
            let inner = blocks(inner, ctx);
            let html = if kind == "spoiler" {
                // Folded as in HackMD; find-in-page and a filter's match open it.
                let summary = if title.is_empty() { "Spoiler" } else { title };
                html! { <details class="callout spoiler"><summary>{ summary.to_string() }</summary>{ for inner.nodes }</details> }
            } else {
                // `:::info` is a meeting's info block, never a box.
                let kind: &'static str = match kind.as_str() {
                    "success" => "success",
                    "warning" => "warning",
                    "danger" => "danger",
                    _ => "note",
                };
                html! {
                    <div class={classes!("callout", kind)} role="note">
                        if !title.is_empty() { <p class="callout-title">{ title.clone() }</p> }
                        { for inner.nodes }
                    </div>
                }
            };
            (html, inner.units)
        }
        Block::Heading { inlines, .. } => (
            html! { <p class="note-heading when-unfiltered">{ for inline_nodes(inlines, ctx) }</p> },
            None,
        ),
        Block::Rule => (html! { <hr class="when-unfiltered" /> }, None),
        Block::Group {
            title, blocks: inner, ..
        } => {
            let inner = blocks(inner, ctx);
            // An empty topic shows its title, unfiltered.
            let class = classes!("group", inner.units.is_none().then_some("when-unfiltered"));
            let html = html! {
                <div class={class}>
                    <h6 class="group-head">{ for inline_nodes(title, ctx) }</h6>
                    { for inner.nodes }
                </div>
            };
            (html, inner.units)
        }
        Block::Recap {
            recap,
            title,
            remark,
            blocks: inner,
            ..
        } => {
            let inner = blocks(inner, ctx);
            let summary = ctx.meeting.and_then(|m| m.recaps.get(*recap as usize));
            let person = summary.map(|r| ctx.notes.person(r.person));
            // A joint recap ("### Dennis & Lucas") names everyone it is by;
            // `data-person` lists their slugs, first as written.
            let (with, joiners) = summary.map_or((&[][..], &[][..]), |r| (&r.with[..], &r.joiners[..]));
            let slug = match person {
                Some(p) if with.is_empty() => attr(&p.slug),
                Some(p) => {
                    let mut slugs = p.slug.clone();
                    for w in with {
                        slugs.push(' ');
                        slugs.push_str(&ctx.notes.person(*w).slug);
                    }
                    attr(&slugs)
                }
                None => AttrValue::default(),
            };
            let head = html! {
                <h6 class="recap-head">
                    if let Some(p) = person {
                        { person_link(p, true) }
                        { for with.iter().zip(joiners).map(|(w, joiner)| html! {
                            <>
                                // A comma sits against the name before it (the heading is a flex row with gaps).
                                if joiner.starts_with(',') { <span class="glued">{ joiner.clone() }</span> } else { { joiner.clone() } }
                                { person_link(ctx.notes.person(*w), true) }
                            </>
                        }) }
                    } else {
                        <span class="recap-name">{ title.clone() }</span>
                    }
                    if let Some(r) = remark { <span class="remark">{ format!(" ({r})") }</span> }
                </h6>
            };
            let body = Html::from(yew::virtual_dom::VList::with_children(inner.nodes, None));
            // Literal classes: an expression would be split and joined again per recap.
            let html = if inner.units.is_none() {
                html! { <div class="recap when-unfiltered" data-person={slug}>{ head }{ body }</div> }
            } else {
                html! { <div class="recap" data-person={slug}>{ head }{ body }</div> }
            };
            (html, inner.units)
        }
    }
}

/// One unit outside its meeting (a person's page, a topic's story): a
/// bullet with its sub-bullets, or a paragraph, table or code block, as a
/// list item.
pub fn unit(node: UnitNode<'_>, ctx: &Ctx<'_>) -> Html {
    match node {
        UnitNode::Item(item) => list_item(item, ctx).0,
        UnitNode::Block(b) => html! { <li class="unit-block">{ block(b, ctx).0 }</li> },
    }
}

fn list_item(item: &Item, ctx: &Ctx<'_>) -> (Html, Option<(u32, u32)>) {
    let children = blocks(&item.blocks, ctx);
    // The item's element holds its sub-bullets: its range covers them.
    let units = join(unit_of(item.unit), children.units);
    let own = unit_of(item.unit).map(|(u, _)| (u, units.map_or(u, |(_, last)| last)));
    // One list of children, built in place: a bullet with no checkbox has
    // no empty placeholder for one (thousands of bullets).
    let mut nodes = Vec::with_capacity(item.inlines.len() + children.nodes.len() + 1);
    if let Some(done) = item.task {
        nodes.push(html! {
            <input type="checkbox" checked={done} disabled=true aria-label={if done { "done" } else { "not done" }} />
        });
    }
    inline_nodes_into(&item.inlines, ctx, &mut nodes);
    nodes.extend(children.nodes);
    let nodes = Html::from(yew::virtual_dom::VList::with_children(nodes, None));
    let html = html! { <li data-u={ctx.mark(own)}>{ nodes }</li> };
    (html, units)
}

/// Inline content. A run of text and hardware mentions is one text node:
/// mentions are not marked in the DOM (thousands of elements in a long
/// archive); `platform::visibility` finds them from the model to highlight.
pub fn inline_nodes(inlines: &[Inline], ctx: &Ctx<'_>) -> Vec<Html> {
    let mut out = Vec::with_capacity(inlines.len());
    inline_nodes_into(inlines, ctx, &mut out);
    out
}

fn inline_nodes_into(inlines: &[Inline], ctx: &Ctx<'_>, out: &mut Vec<Html>) {
    for piece in Inline::pieces(inlines) {
        match piece {
            Piece::Text(run) => {
                let t = Inline::run_text(run);
                if !t.is_empty() {
                    out.push(text(&t));
                }
            }
            Piece::Other(i) => out.push(inline(i, ctx)),
        }
    }
}

fn inline(inline: &Inline, ctx: &Ctx<'_>) -> Html {
    match inline {
        // Runs of text come through `inline_nodes`.
        Inline::Text(t) | Inline::Mentions { text: t, .. } => text(t),
        Inline::Code(t) => html! { <code>{ text(t) }</code> },
        Inline::Emphasis(c) => html! { <em>{ for inline_nodes(c, ctx) }</em> },
        Inline::Strong(c) => html! { <strong>{ for inline_nodes(c, ctx) }</strong> },
        Inline::Strike(c) => html! { <del>{ for inline_nodes(c, ctx) }</del> },
        Inline::Mark(c) => html! { <mark class="note-mark">{ for inline_nodes(c, ctx) }</mark> },
        Inline::Link { target, children } => link(target, inline_nodes(children, ctx), ctx.peek),
        Inline::Image { target, alt } => match &**target {
            LinkTarget::Web(url) => html! {
                <img class="note-image" src={url.to_string()} alt={alt.clone()} loading="lazy" referrerpolicy="no-referrer" />
            },
            _ => html! { <span class="inert-image">{ format!("[image: {alt}]") }</span> },
        },
        Inline::Html(t) => html! { <code class="raw-html">{ t.clone() }</code> },
        // HackMD shows a new line in a paragraph as one (its `breaks` option).
        Inline::HardBreak | Inline::SoftBreak => html! { <br /> },
    }
}

/// A link as the notes wrote it: clickable only for web and mail links,
/// always in a new tab, never passing our page as referrer (the page's
/// `referrer` policy) or opener (a new tab has none; no `rel` needed on
/// thousands of links). With
/// `peek`, a web link has a button beside it that opens its preview.
pub fn link(target: &LinkTarget, children: Vec<Html>, peek: bool) -> Html {
    match target {
        LinkTarget::Web(url) => {
            let a = html! { <a href={attr(url.as_str())} target="_blank" class="ext web">{ for children }</a> };
            if peek {
                html! { <>{ a }<button type="button" class="peek" aria-label="Preview this link"></button></> }
            } else {
                a
            }
        }
        LinkTarget::Mail(url) => html! {
            <a href={attr(url.as_str())} target="_blank" class="ext">{ for children }</a>
        },
        LinkTarget::Inert(url) => html! {
            <span class="inert-link" title={format!("Not a web link, not opened: {}", truncate(url, 80))}>{ for children }</span>
        },
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
