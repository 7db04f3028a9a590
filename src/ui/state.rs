//! App state changed only through [`Action`]s. The timeline's view is
//! derived from it (see `query::apply`), never stored.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Notes, PersonId, TopicId};
use crate::parse::{parse, SourceText};
use crate::query::{from_query, to_query, Filter};
use crate::ui::sources::{Doc, LoadError};

/// Shared notes compared by identity: props stay cheap to compare.
#[derive(Debug, Clone)]
pub struct NotesRef(pub Rc<Notes>);

impl PartialEq for NotesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for NotesRef {
    type Target = Notes;
    fn deref(&self) -> &Notes {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Timeline,
    Links,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    Vendor,
    Isa,
}

/// How the last change should be recorded in the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum History {
    /// It came from the URL (load, Back/Forward): nothing to record.
    #[default]
    FromUrl,
    /// A new entry, so Back undoes it.
    Push,
    /// Typing: one entry per burst of keystrokes, not per key.
    Replace,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The loaded documents; `notes` is parsed from them.
    pub docs: Rc<[Doc]>,
    pub notes: NotesRef,
    /// Sources being loaded: (done, total).
    pub loading: Option<(usize, usize)>,
    pub load_errors: Vec<LoadError>,
    pub filter: Filter,
    pub order: Order,
    pub tab: Tab,
    pub group_by: GroupBy,
    /// Names in the URL that matched no person or topic.
    pub unknown: Vec<String>,
    pub history: History,
    /// How many meetings the timeline renders; more on scrolling. Long
    /// archives would otherwise rebuild hundreds of cards on every click.
    pub limit: usize,
}

/// Meetings rendered when the page opens or new notes load: a year of
/// notes, all of the built-in ones (the prerendered page shows them all).
pub const INITIAL: usize = 40;
/// Meetings rendered after a filter change: about a screenful, so a click
/// updates within a frame; more follow as the end comes near.
pub const FIRST: usize = 3;
/// Meetings added per step.
pub const STEP: usize = 9;

impl State {
    /// Starts with the built-in notes, parsed once by the caller.
    pub fn new(notes: NotesRef) -> State {
        State {
            docs: Rc::from(vec![Doc::built_in()]),
            notes,
            loading: None,
            load_errors: Vec::new(),
            filter: Filter::default(),
            order: Order::default(),
            tab: Tab::default(),
            group_by: GroupBy::default(),
            unknown: Vec::new(),
            history: History::FromUrl,
            limit: INITIAL,
        }
    }
}

// Loading progress comes from the browser loaders only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum Action {
    SetOrder(Order),
    SetTab(Tab),
    SetGroupBy(GroupBy),
    TogglePerson(PersonId),
    ToggleTopic(TopicId),
    SetText(String),
    /// Select this person and this topic (from the overview table).
    Focus(PersonId, TopicId),
    ClearFilters,
    /// The filter read from the URL, with names that matched nothing.
    FromUrl(Filter, Vec<String>, Order, Tab),
    /// Progress of a load: (done, total); `None` when it ends.
    Loading(Option<(usize, usize)>),
    /// Documents loaded (added to the current ones, or replacing them),
    /// and the sources that failed. Nothing loaded keeps what was shown.
    Loaded {
        docs: Vec<Doc>,
        errors: Vec<LoadError>,
        replace: bool,
    },
    RemoveDoc(usize),
    /// Render more of the timeline (scrolled near its end).
    ShowMore,
    /// Render at least this many meetings (to reach a linked one).
    ShowUpTo(usize),
    /// Back to the notes compiled into the app.
    BuiltInOnly,
    DismissErrors,
}

impl State {
    /// Replaces the documents, re-parses, and carries the filter over by
    /// name (ids are indices into the old notes).
    fn set_docs(&mut self, docs: Vec<Doc>) {
        let pairs: Vec<(&str, String)> = to_query(&self.notes, &self.filter);
        let sources: Vec<SourceText<'_>> = docs
            .iter()
            .map(|d| SourceText {
                name: &d.name,
                text: &d.text,
            })
            .collect();
        let notes = NotesRef(Rc::new(parse(&sources)));
        let (filter, unknown) = from_query(&notes, pairs.iter().map(|(k, v)| (*k, v.as_str())));
        self.filter = filter;
        self.unknown.extend(unknown);
        self.notes = notes;
        self.docs = Rc::from(docs);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = History::Push;
        match action {
            Action::ShowMore => {
                next.limit = self.limit + STEP;
                next.history = History::FromUrl;
            }
            Action::ShowUpTo(n) => {
                next.limit = self.limit.max(n + STEP);
                next.history = History::FromUrl;
            }
            Action::SetOrder(order) => next.order = order,
            Action::SetTab(tab) => next.tab = tab,
            Action::SetGroupBy(g) => {
                next.group_by = g;
                next.history = self.history;
            }
            Action::TogglePerson(p) => {
                if !next.filter.people.remove(&p) {
                    next.filter.people.insert(p);
                }
            }
            Action::ToggleTopic(t) => {
                if !next.filter.topics.remove(&t) {
                    next.filter.topics.insert(t);
                }
            }
            Action::SetText(text) => {
                // The first keystroke after another kind of change pushes.
                let typing = !self.filter.text.is_empty() && !text.is_empty();
                next.history = if typing { History::Replace } else { History::Push };
                next.filter.text = text;
            }
            Action::Focus(p, t) => {
                next.filter.people.insert(p);
                next.filter.topics.insert(t);
            }
            Action::ClearFilters => {
                next.filter = Filter::default();
                next.unknown.clear();
            }
            Action::FromUrl(filter, unknown, order, tab) => {
                next.filter = filter;
                next.unknown = unknown;
                next.order = order;
                next.tab = tab;
                next.history = History::FromUrl;
            }
            Action::Loading(progress) => {
                next.loading = progress;
                next.history = History::FromUrl;
            }
            Action::Loaded { docs, errors, replace } => {
                next.history = History::FromUrl;
                next.loading = None;
                next.load_errors.extend(errors);
                if !docs.is_empty() {
                    let mut all = if replace { Vec::new() } else { self.docs.to_vec() };
                    for doc in docs {
                        // Loading the same source again replaces it.
                        all.retain(|d| d.name != doc.name || d.kind != doc.kind);
                        all.push(doc);
                    }
                    next.set_docs(all);
                    next.limit = INITIAL;
                }
            }
            Action::RemoveDoc(i) => {
                let mut all = self.docs.to_vec();
                if i < all.len() && all.len() > 1 {
                    all.remove(i);
                    next.set_docs(all);
                }
                next.history = History::FromUrl;
            }
            Action::BuiltInOnly => {
                next.set_docs(vec![Doc::built_in()]);
                next.limit = INITIAL;
                next.load_errors.clear();
                next.history = History::FromUrl;
            }
            Action::DismissErrors => {
                next.load_errors.clear();
                next.history = History::FromUrl;
            }
        }
        // A changed view starts at the top with a screenful rendered (new
        // notes set their own limit above).
        let view_changed = next.filter != self.filter || next.order != self.order || next.tab != self.tab;
        if view_changed && Rc::ptr_eq(&next.docs, &self.docs) {
            next.limit = FIRST;
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
