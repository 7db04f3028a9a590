//! The Links view: every link in the shown notes, grouped by kind and site,
//! with the meetings that cite it, so "every repository we talked about"
//! is one page. It follows the active filters.

use std::rc::Rc;

use yew::prelude::*;

use super::content::link;
use crate::links::preview;
use crate::model::{Inline, LinkTarget};
use crate::query::View;
use crate::ui::state::{Action, NotesRef, State, Tab};

#[derive(Properties, PartialEq, Clone)]
pub struct LinksViewProps {
    pub notes: NotesRef,
    pub view: Rc<View>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// One distinct URL with what the notes call it and where they cite it.
struct Entry {
    url: String,
    title: String,
    /// Link text as written, when it is not just the URL.
    texts: Vec<String>,
    /// (anchor, date label) per citing meeting.
    meetings: Vec<(String, String)>,
}

/// A kind's rank and label, and its links by site in order of first
/// citation (plain vectors: a map type per use would grow the wasm).
struct KindGroup {
    rank: usize,
    label: &'static str,
    sites: Vec<(String, Vec<Entry>)>,
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

#[component]
pub fn LinksView(props: &LinksViewProps) -> Html {
    let notes = &props.notes;
    // kind slug -> (kind label, site -> url -> entry)
    let mut groups: Vec<KindGroup> = Vec::new();
    let mut meetings_with_links = 0;
    for mv in &props.view.meetings {
        let m = &notes.meetings[mv.meeting as usize];
        let mut any = false;
        for (unit, target, text) in m.links() {
            // Only what the notes say (not the call's location), and only
            // what the filter shows.
            let Some(unit) = unit else { continue };
            if mv.units.as_ref().is_some_and(|s| !s[unit.0 as usize].is_shown()) {
                continue;
            }
            let LinkTarget::Web(url) = target else { continue };
            any = true;
            let p = preview(url);
            let order = KIND_ORDER
                .iter()
                .position(|k| *k == p.kind.slug())
                .unwrap_or(KIND_ORDER.len());
            let g = match groups.iter().position(|g| g.rank == order) {
                Some(i) => i,
                None => {
                    groups.push(KindGroup {
                        rank: order,
                        label: p.kind.label(),
                        sites: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let sites = &mut groups[g].sites;
            let s = match sites.iter().position(|(site, _)| *site == p.site) {
                Some(i) => i,
                None => {
                    sites.push((p.site.clone(), Vec::new()));
                    sites.len() - 1
                }
            };
            let entries = &mut sites[s].1;
            let e = match entries.iter().position(|e| e.url == *url) {
                Some(i) => i,
                None => {
                    entries.push(Entry {
                        url: url.clone(),
                        title: p.title.clone(),
                        texts: Vec::new(),
                        meetings: Vec::new(),
                    });
                    entries.len() - 1
                }
            };
            let entry = &mut entries[e];
            let written = Inline::plain_text(text);
            if written.trim() != url && !written.trim().is_empty() && !entry.texts.contains(&written) {
                entry.texts.push(written);
            }
            if entry.meetings.last().map(|(a, _)| a) != Some(&m.anchor) {
                entry
                    .meetings
                    .push((m.anchor.clone(), crate::model::datefmt::medium_date(m.date)));
            }
        }
        meetings_with_links += usize::from(any);
    }
    crate::order::sort_by_rank(&mut groups, |g| (g.rank as i64, 0));
    let total: usize = groups.iter().flat_map(|g| &g.sites).map(|(_, e)| e.len()).sum();
    let to_timeline = {
        let d = props.dispatch.clone();
        // The fragment does the scrolling once the timeline is back.
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTab(Tab::Timeline)))
    };

    html! {
        <section class="links-view" aria-labelledby="links-head">
            <h2 id="links-head">{ "Links" }</h2>
            <p class="links-count">{ format!("{total} distinct links cited in {meetings_with_links} meetings") }</p>
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
                                    { for entries.into_iter().map(|e| html! {
                                        <li>
                                            { link(&LinkTarget::Web(e.url.clone()), vec![html! { e.title.clone() }]) }
                                            if !e.texts.is_empty() {
                                                <span class="link-texts">{ format!(" “{}”", e.texts.join("”, “")) }</span>
                                            }
                                            <span class="cited">
                                                { " — " }
                                                { for e.meetings.iter().map(|(anchor, label)| html! {
                                                    <a href={format!("#{anchor}")} class="cite" onclick={to_timeline.clone()}>{ label.clone() }</a>
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
