//! The Links view: every link in the shown notes, grouped by kind and site,
//! with the meetings that cite it, so "every repository we talked about"
//! is one page. It follows the active filters; the links themselves come
//! from the notes' index, built once per load.

use std::rc::Rc;

use notes::index::LinkEntry;
use notes::model::{LinkTarget, MeetingId};
use notes::query::View;
use yew::prelude::*;

use super::content::link;
use crate::context::use_app;
use crate::state::{Action, Tab};

#[derive(Properties, PartialEq, Clone)]
pub struct LinksViewProps {
    pub view: Rc<View>,
    /// A touch screen: links get a preview button.
    #[prop_or_default]
    pub peek: bool,
}

/// The order kinds are listed in: the ones people look for first.
const KIND_ORDER: &[&str] = &[
    "github-repo",
    "github-pull",
    "github-issue",
    "github-commit",
    "github-file",
    "github-release",
    "github-owner",
    "gist",
    "mailing-list",
    "youtube",
    "youtube-playlist",
    "mastodon",
    "hackmd",
    "wikipedia",
    "pdf",
    "page",
    "mail",
];

/// A link and the shown meetings that cite it.
type Cited<'a> = (&'a LinkEntry, Vec<MeetingId>);

/// A kind's links by site, in order of first citation.
struct KindGroup<'a> {
    rank: usize,
    label: &'static str,
    sites: Vec<(&'a str, Vec<Cited<'a>>)>,
}

#[component]
pub fn LinksView(props: &LinksViewProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    // Which units the view shows, per meeting (None: the meeting is hidden).
    let mut shown: Vec<Option<&notes::query::MeetingView>> = vec![None; notes.meetings.len()];
    for mv in &props.view.meetings {
        shown[mv.meeting.0 as usize] = Some(mv);
    }
    let mut groups: Vec<KindGroup<'_>> = Vec::new();
    // Which meetings cite a shown link: marked, not collected and sorted
    // (a sort is code of its own in the wasm).
    let mut citing = vec![false; notes.meetings.len()];
    for entry in &notes.index().links {
        let mut meetings: Vec<MeetingId> = Vec::new();
        for (m, unit) in &entry.cited {
            let Some(mv) = shown[m.0 as usize] else { continue };
            if mv.units.as_ref().is_some_and(|s| !s[unit.0 as usize].is_shown()) {
                continue;
            }
            if meetings.last() != Some(m) {
                meetings.push(*m);
            }
        }
        if meetings.is_empty() {
            continue;
        }
        for m in &meetings {
            citing[m.0 as usize] = true;
        }
        let slug = entry.kind.slug();
        let rank = KIND_ORDER.iter().position(|k| *k == slug).unwrap_or(KIND_ORDER.len());
        let g = match groups.iter().position(|g| g.rank == rank) {
            Some(i) => i,
            None => {
                groups.push(KindGroup {
                    rank,
                    label: entry.kind.label(),
                    sites: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let sites = &mut groups[g].sites;
        match sites.iter_mut().find(|(site, _)| *site == entry.site) {
            Some((_, entries)) => entries.push((entry, meetings)),
            None => sites.push((&entry.site, vec![(entry, meetings)])),
        }
    }
    notes::order::sort_by_rank(&mut groups, |g| (g.rank as i64, 0));
    let citing = citing.iter().filter(|c| **c).count();
    let total: usize = groups.iter().flat_map(|g| &g.sites).map(|(_, e)| e.len()).sum();
    // The fragment does the scrolling once the timeline is back.
    let to_timeline = app.action(|_: MouseEvent| Action::SetTab(Tab::Timeline));

    html! {
        <section class="links-view" aria-labelledby="links-head">
            <h2 id="links-head">{ "Links" }</h2>
            <p class="links-count">{ format!("{} cited in {}", super::counted(total, "distinct link"), super::counted(citing, "meeting")) }</p>
            if total == 0 {
                <p class="empty">{ "No links in the meetings shown." }</p>
            }
            { for groups.into_iter().map(|KindGroup { label, sites, .. }| {
                let n: usize = sites.iter().map(|(_, e)| e.len()).sum();
                let many_sites = sites.len() > 1;
                html! {
                    <section class="link-kind">
                        <h3>{ format!("{label} ({n})") }</h3>
                        { for sites.into_iter().map(|(site, entries)| html! {
                            <section class="link-site">
                                if many_sites { <h4>{ site }</h4> }
                                <ul>
                                    { for entries.into_iter().map(|(e, meetings)| html! {
                                        <li>
                                            { link(&LinkTarget::Web(e.url.clone()), vec![html! { e.title.clone() }], props.peek) }
                                            if !e.texts.is_empty() {
                                                <span class="link-texts">{ format!(" “{}”", e.texts.join("”, “")) }</span>
                                            }
                                            <span class="cited">
                                                { " — " }
                                                { for meetings.iter().map(|i| {
                                                    let m = notes.meeting(*i);
                                                    html! {
                                                        <a href={format!("#{}", m.anchor)} class="cite" onclick={to_timeline.clone()}>
                                                            { notes::model::datefmt::medium_date(m.date) }
                                                        </a>
                                                    }
                                                }) }
                                            </span>
                                        </li>
                                    }) }
                                </ul>
                            </section>
                        }) }
                    </section>
                }
            }) }
        </section>
    }
}
