//! Note content (the model's block tree) to Yew nodes. Text is always a
//! text node; only web and mail links become `<a>`; raw HTML from the notes
//! is shown literally. Under a filter every unit is still rendered: the
//! ones the query hides carry `hidden`, matches are highlighted, so a
//! filter change edits attributes instead of rebuilding the card.

use std::collections::BTreeSet;

use notes::model::{Block, Inline, Item, LinkTarget, Meeting, Notes, TopicId, UnitId};
use notes::query::{term_ranges, UnitState};
use yew::prelude::*;

use super::people::avatar;

/// What rendering needs besides the blocks themselves.
pub struct Ctx<'a> {
    pub notes: &'a Notes,
    pub meeting: Option<&'a Meeting>,
    /// Per-unit states under an active filter; `None` shows everything.
    pub units: Option<&'a [UnitState]>,
    pub terms: &'a [String],
    pub topics: &'a BTreeSet<TopicId>,
}

impl Ctx<'_> {
    fn state(&self, unit: UnitId) -> UnitState {
        match self.units {
            None => UnitState::Inside,
            Some(states) => states.get(unit.0 as usize).copied().unwrap_or(UnitState::Inside),
        }
    }

    fn filtered(&self) -> bool {
        self.units.is_some()
    }
}

/// Rendered blocks and whether any of them is shown.
pub struct Rendered {
    pub nodes: Vec<Html>,
    pub shown: bool,
}

/// Renders blocks; `shown` is false when the filter hides them all.
pub fn blocks(blocks: &[Block], ctx: &Ctx<'_>) -> Rendered {
    let mut shown = false;
    let nodes = blocks
        .iter()
        .map(|b| {
            let (html, s) = block(b, ctx);
            shown |= s;
            html
        })
        .collect();
    Rendered { nodes, shown }
}

fn block(block: &Block, ctx: &Ctx<'_>) -> (Html, bool) {
    match block {
        Block::Paragraph { unit, inlines, .. } => {
            let state = ctx.state(*unit);
            let class = classes!("p", (state == UnitState::Context).then_some("context"));
            let html = html! {
                <p class={class} hidden={!state.is_shown()}>{ for inline_nodes(inlines, ctx, state == UnitState::Match) }</p>
            };
            (html, state.is_shown())
        }
        Block::List { start, items } => {
            let mut shown = false;
            let lis: Vec<Html> = items
                .iter()
                .map(|item| {
                    let (html, s) = list_item(item, ctx);
                    shown |= s;
                    html
                })
                .collect();
            let html = match start {
                Some(n) => html! { <ol start={n.to_string()} hidden={!shown}>{ for lis }</ol> },
                None => html! { <ul hidden={!shown}>{ for lis }</ul> },
            };
            (html, shown)
        }
        Block::Code { unit, lang, text, .. } => {
            let shown = ctx.state(*unit).is_shown();
            let class = (!lang.is_empty()).then(|| format!("language-{lang}"));
            (
                html! { <pre class="code" tabindex="0" hidden={!shown}><code class={class}>{ text.clone() }</code></pre> },
                shown,
            )
        }
        Block::Html { unit, text, .. } => {
            let shown = ctx.state(*unit).is_shown();
            (
                html! { <pre class="raw-html" title="HTML from the notes, shown as text" hidden={!shown}>{ text.clone() }</pre> },
                shown,
            )
        }
        Block::Table { unit, head, rows, .. } => {
            let state = ctx.state(*unit);
            let hl = state == UnitState::Match;
            let html = html! {
                <div class="table-wrap" tabindex="0" hidden={!state.is_shown()}>
                    <table>
                        if !head.is_empty() {
                            <thead><tr>{ for head.iter().map(|c| html! { <th>{ for inline_nodes(c, ctx, hl) }</th> }) }</tr></thead>
                        }
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().map(|c| html! { <td>{ for inline_nodes(c, ctx, hl) }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            };
            (html, state.is_shown())
        }
        Block::Quote(inner) => {
            let inner = blocks(inner, ctx);
            (
                html! { <blockquote hidden={!inner.shown}>{ for inner.nodes }</blockquote> },
                inner.shown,
            )
        }
        Block::Heading { inlines, .. } => {
            let shown = !ctx.filtered();
            (
                html! { <p class="note-heading" hidden={!shown}>{ for inline_nodes(inlines, ctx, false) }</p> },
                shown,
            )
        }
        Block::Rule => {
            let shown = !ctx.filtered();
            (html! { <hr hidden={!shown} /> }, shown)
        }
        Block::Group {
            title, blocks: inner, ..
        } => {
            let inner = blocks(inner, ctx);
            // Unfiltered, an empty topic still shows its title.
            let shown = inner.shown || !ctx.filtered();
            let html = html! {
                <div class="group" hidden={!shown}>
                    <h6 class="group-head">{ for inline_nodes(title, ctx, false) }</h6>
                    { for inner.nodes }
                </div>
            };
            (html, shown)
        }
        Block::Recap {
            recap,
            title,
            remark,
            blocks: inner,
            ..
        } => {
            let inner = blocks(inner, ctx);
            let shown = inner.shown || !ctx.filtered();
            let person = ctx
                .meeting
                .and_then(|m| m.recaps.get(*recap as usize))
                .map(|r| ctx.notes.person(r.person));
            let slug = person.map(|p| p.slug.clone()).unwrap_or_default();
            let name = person
                .map(|p| p.display_name().to_string())
                .unwrap_or_else(|| title.clone());
            let html = html! {
                <div class="recap" data-person={slug.clone()} hidden={!shown}>
                    <h6 class="recap-head">
                        if let Some(p) = person { { avatar(p, 24) } }
                        if person.is_some() {
                            <a class="recap-name person-link" href={format!("?view=person&person={slug}")}>{ name }</a>
                        } else {
                            <span class="recap-name">{ name }</span>
                        }
                        if let Some(r) = remark { <span class="remark">{ format!("({r})") }</span> }
                    </h6>
                    { for inner.nodes }
                </div>
            };
            (html, shown)
        }
    }
}

fn list_item(item: &Item, ctx: &Ctx<'_>) -> (Html, bool) {
    let state = ctx.state(item.unit);
    let class = classes!((state == UnitState::Context).then_some("context"));
    let html = html! {
        <li class={class} hidden={!state.is_shown()}>
            if let Some(done) = item.task {
                <input type="checkbox" checked={done} disabled=true aria-label={if done { "done" } else { "not done" }} />
            }
            { for inline_nodes(&item.inlines, ctx, state == UnitState::Match) }
            { for blocks(&item.blocks, ctx).nodes }
        </li>
    };
    (html, state.is_shown())
}

/// Inline content; `hl` highlights search terms and selected topics.
pub fn inline_nodes(inlines: &[Inline], ctx: &Ctx<'_>, hl: bool) -> Vec<Html> {
    inlines.iter().map(|i| inline(i, ctx, hl)).collect()
}

fn inline(inline: &Inline, ctx: &Ctx<'_>, hl: bool) -> Html {
    match inline {
        Inline::Text(t) => text(t, ctx, hl),
        Inline::Code(t) => html! { <code>{ text(t, ctx, hl) }</code> },
        Inline::Emphasis(c) => html! { <em>{ for inline_nodes(c, ctx, hl) }</em> },
        Inline::Strong(c) => html! { <strong>{ for inline_nodes(c, ctx, hl) }</strong> },
        Inline::Strike(c) => html! { <del>{ for inline_nodes(c, ctx, hl) }</del> },
        Inline::Link { target, children } => link(target, inline_nodes(children, ctx, hl)),
        Inline::Image { target, alt } => match target {
            LinkTarget::Web(url) => html! {
                <img class="note-image" src={url.to_string()} alt={alt.clone()} loading="lazy" referrerpolicy="no-referrer" />
            },
            _ => html! { <span class="inert-image">{ format!("[image: {alt}]") }</span> },
        },
        Inline::Mention { topic, text: t } => {
            let slug = ctx.notes.topics.get(topic.0 as usize).map(|t| t.slug.clone());
            if hl && ctx.topics.contains(topic) {
                html! { <mark class="mention" data-topic={slug}>{ t.clone() }</mark> }
            } else {
                html! { <span class="mention" data-topic={slug}>{ text(t, ctx, hl) }</span> }
            }
        }
        Inline::Html(t) => html! { <code class="raw-html">{ t.clone() }</code> },
        Inline::HardBreak => html! { <br /> },
        Inline::SoftBreak => html! { " " },
    }
}

/// A link as the notes wrote it: clickable only for web and mail links,
/// always in a new tab, never passing our page as referrer or opener.
pub fn link(target: &LinkTarget, children: Vec<Html>) -> Html {
    match target {
        // The button beside a web link opens its preview on touch screens
        // (CSS shows it only where there is no hover).
        LinkTarget::Web(url) => html! {
            <>
                <a href={url.to_string()} target="_blank" rel="noopener noreferrer" class="ext web">{ for children }</a>
                <button type="button" class="peek" aria-label="Preview this link"></button>
            </>
        },
        LinkTarget::Mail(url) => html! {
            <a href={url.to_string()} target="_blank" rel="noopener noreferrer" class="ext">{ for children }</a>
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

fn text(t: &str, ctx: &Ctx<'_>, hl: bool) -> Html {
    if !hl || ctx.terms.is_empty() {
        return html! { t.to_string() };
    }
    let ranges = term_ranges(t, ctx.terms);
    if ranges.is_empty() {
        return html! { t.to_string() };
    }
    let mut nodes = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (s, e) in ranges {
        if s > at {
            nodes.push(html! { t[at..s].to_string() });
        }
        nodes.push(html! { <mark>{ t[s..e].to_string() }</mark> });
        at = e;
    }
    if at < t.len() {
        nodes.push(html! { t[at..].to_string() });
    }
    html! { <>{ for nodes }</> }
}
