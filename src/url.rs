//! The page URL as the home of the view's state: `?person=…&topic=…&q=…`
//! (plus `order=oldest` and `view=links|person|topic`), so a view can be
//! shared and Back/Forward step through changes. Reading and writing the
//! query is plain data here; touching `location` and `history` is
//! `platform::location`'s job.

use notes::model::Notes;
use notes::query::{from_query, to_query, Filter};

use crate::state::{Order, Tab};

/// The parameters this module owns; others (`src`, `embed`, `theme`, …) and
/// the `#fragment` are left as they are.
pub const OURS: [&str; 5] = ["person", "topic", "q", "order", "view"];

/// What the URL says the page should show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    pub filter: Filter,
    /// Names that matched nothing in the notes (`person "nobody"`).
    pub unknown: Vec<String>,
    pub order: Order,
    pub tab: Tab,
}

fn last<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Reads the view from query pairs, against `notes`.
pub fn read(notes: &Notes, pairs: &[(String, String)]) -> UrlState {
    let view = last(pairs, "view");
    // On a person's or topic's page, its `person`/`topic` names the page,
    // not a filter.
    let subject_key = match view {
        Some("person") => Some("person"),
        Some("topic") => Some("topic"),
        _ => None,
    };
    let mut subject = None;
    let mut unknown = Vec::new();
    let filter_pairs = pairs.iter().filter(|(k, v)| {
        if Some(k.as_str()) == subject_key && subject.is_none() {
            subject = Some(v.trim().to_string());
            return false;
        }
        true
    });
    let (filter, mut missing) = from_query(notes, filter_pairs.map(|(k, v)| (k.as_str(), v.as_str())));
    unknown.append(&mut missing);
    let order = match last(pairs, "order") {
        Some("oldest") => Order::OldestFirst,
        _ => Order::NewestFirst,
    };
    let tab = match (view, subject) {
        (Some("links"), _) => Tab::Links,
        (Some("person"), Some(slug)) => match notes.person_by_slug(slug.trim_start_matches('@')) {
            Some(p) => Tab::Person(p),
            None => {
                unknown.push(format!("person \"{slug}\""));
                Tab::Timeline
            }
        },
        (Some("topic"), Some(slug)) => match notes.topic_by_slug(&slug) {
            Some(t) => Tab::Topic(t),
            None => {
                unknown.push(format!("topic \"{slug}\""));
                Tab::Timeline
            }
        },
        _ => Tab::Timeline,
    };
    UrlState {
        filter,
        unknown,
        order,
        tab,
    }
}

/// The `view` (and subject) parameters of a tab.
pub fn tab_pairs(notes: &Notes, tab: Tab) -> Vec<(String, String)> {
    match tab {
        Tab::Timeline => Vec::new(),
        Tab::Links => vec![("view".into(), "links".into())],
        Tab::Person(p) => vec![
            ("view".into(), "person".into()),
            ("person".into(), notes.person(p).slug.clone()),
        ],
        Tab::Topic(t) => vec![
            ("view".into(), "topic".into()),
            ("topic".into(), notes.topic(t).slug.clone()),
        ],
    }
}

/// The query pairs for a view, in a stable order.
pub fn pairs(notes: &Notes, filter: &Filter, order: Order, tab: Tab) -> Vec<(String, String)> {
    let mut out = tab_pairs(notes, tab);
    out.extend(to_query(notes, filter).into_iter().map(|(k, v)| (k.to_string(), v)));
    if order == Order::OldestFirst {
        out.push(("order".into(), "oldest".into()));
    }
    out
}
