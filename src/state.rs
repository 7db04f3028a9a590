//! App state, changed only through [`Action`]s (Yew's `use_reducer`). What
//! the page shows is derived from it (`notes::query::apply`), never stored.
//! Every field is cheap to clone: a reducer step copies the struct, not
//! the notes.

use std::rc::Rc;

use notes::index::Index;
use notes::model::{Notes, PersonId, TopicId};
use notes::parse::{parse, sources};
use notes::query::{to_query, Filter};
use yew::Reducible;

use crate::sources::{Doc, LoadError};
use crate::url::{self, UrlState};

/// Parsed notes and their indexes, shared by every component and compared
/// by identity, so props stay cheap to compare.
#[derive(Debug, Clone)]
pub struct NotesRef(pub Rc<Loaded>);

#[derive(Debug)]
pub struct Loaded {
    pub notes: Notes,
    pub index: Index,
}

impl NotesRef {
    /// Parses the documents as one timeline and indexes it.
    pub fn parse(docs: &[Doc]) -> NotesRef {
        let notes = parse(&sources(docs.iter().map(|d| (d.name.as_str(), &*d.text))));
        let index = Index::build(&notes);
        NotesRef(Rc::new(Loaded { notes, index }))
    }

    pub fn index(&self) -> &Index {
        &self.0.index
    }
}

impl PartialEq for NotesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for NotesRef {
    type Target = Notes;
    fn deref(&self) -> &Notes {
        &self.0.notes
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
    /// One person's page (`?view=person&person=…`).
    Person(PersonId),
    /// One topic's story (`?view=topic&topic=…`).
    Topic(TopicId),
}

impl Tab {
    /// The view's name on `<html data-view>`.
    pub fn name(self) -> &'static str {
        match self {
            Tab::Timeline => "timeline",
            Tab::Links => "links",
            Tab::Person(_) => "person",
            Tab::Topic(_) => "topic",
        }
    }

    /// The timeline or the Links view, where the filters apply (a person's
    /// or a topic's page shows all of theirs).
    pub fn is_browsing(self) -> bool {
        matches!(self, Tab::Timeline | Tab::Links)
    }
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
    /// The documents the page was built with (what "Show the whole
    /// archive" goes back to).
    pub archive: Rc<[Doc]>,
    /// The documents shown; `notes` is parsed from them.
    pub docs: Rc<[Doc]>,
    pub notes: NotesRef,
    /// Sources being loaded: (done, total).
    pub loading: Option<(usize, usize)>,
    pub load_errors: Rc<[LoadError]>,
    pub filter: Filter,
    pub order: Order,
    pub tab: Tab,
    pub group_by: GroupBy,
    /// Names in the URL that matched no person or topic.
    pub unknown: Rc<[String]>,
    pub history: History,
    /// While the page takes over its prerendered HTML: how many of the
    /// newest meetings that HTML shows (the rest follow right after).
    pub first_paint: Option<usize>,
    /// A short note about newer notes loaded after the page opened.
    pub notice: Option<Rc<str>>,
}

impl State {
    pub fn new(archive: Rc<[Doc]>, notes: NotesRef, first_paint: Option<usize>) -> State {
        State {
            docs: archive.clone(),
            archive,
            notes,
            loading: None,
            load_errors: Rc::from([]),
            filter: Filter::default(),
            order: Order::default(),
            tab: Tab::default(),
            group_by: GroupBy::default(),
            unknown: Rc::from([]),
            history: History::FromUrl,
            first_paint,
            notice: None,
        }
    }

    /// Replaces the documents and re-parses. The filter carries over by
    /// name (ids are indices into the old notes), unless `url` gives the
    /// state to read against the new notes (a shared link's filter waits
    /// for the documents it names).
    fn set_docs(&mut self, docs: Rc<[Doc]>, url: Option<&[(String, String)]>) {
        let notes = NotesRef::parse(&docs);
        let read = match url {
            Some(pairs) => url::read(&notes, pairs),
            None => {
                let pairs: Vec<(String, String)> = to_query(&self.notes, &self.filter)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .chain(url::tab_pairs(&self.notes, self.tab))
                    .collect();
                let mut read = url::read(&notes, &pairs);
                read.order = self.order;
                read.unknown = self.unknown.iter().cloned().chain(read.unknown).collect();
                read
            }
        };
        self.apply_url(read);
        self.notes = notes;
        self.docs = docs;
    }

    fn apply_url(&mut self, read: UrlState) {
        self.filter = read.filter;
        self.unknown = Rc::from(read.unknown);
        self.order = read.order;
        self.tab = read.tab;
    }
}

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
    /// The page URL's state, read against the current notes.
    FromUrl(UrlState),
    /// The prerendered page is taken over: show every meeting.
    Hydrated,
    /// Progress of a load: (done, total).
    Loading(Option<(usize, usize)>),
    /// Documents loaded (added to the current ones, or replacing them) and
    /// the sources that failed. Nothing loaded keeps what was shown. `url`
    /// carries the page URL's query when the load came from it, so its
    /// filter is read against the loaded documents.
    Loaded {
        docs: Vec<Doc>,
        errors: Vec<LoadError>,
        replace: bool,
        url: Option<Rc<[(String, String)]>>,
    },
    RemoveDoc(usize),
    /// Back to the archive the page was built with.
    ShowArchive,
    DismissErrors,
    /// A newer copy of an archive document, from upstream, with a notice.
    /// `beside`: it started afresh (a new year), so the built copy, whose
    /// meetings it no longer has, stays before it, with this label.
    Fresher {
        doc: Doc,
        notice: Option<String>,
        beside: Option<String>,
    },
    DismissNotice,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = History::Push;
        match action {
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
                next.tab = Tab::Timeline;
            }
            Action::ClearFilters => {
                next.filter = Filter::default();
                next.unknown = Rc::from([]);
                if matches!(next.tab, Tab::Person(_) | Tab::Topic(_)) {
                    next.tab = Tab::Timeline;
                }
            }
            Action::FromUrl(read) => {
                next.apply_url(read);
                next.history = History::FromUrl;
            }
            Action::Hydrated => {
                next.first_paint = None;
                next.history = History::FromUrl;
            }
            Action::Loading(progress) => {
                next.loading = progress;
                next.history = History::FromUrl;
            }
            Action::Loaded {
                docs,
                errors,
                replace,
                url,
            } => {
                next.history = History::FromUrl;
                next.loading = None;
                if !errors.is_empty() {
                    next.load_errors = self.load_errors.iter().cloned().chain(errors).collect();
                }
                if !docs.is_empty() {
                    let mut all = if replace { Vec::new() } else { self.docs.to_vec() };
                    for doc in docs {
                        // Loading the same source again replaces it.
                        all.retain(|d| d.name != doc.name || d.kind != doc.kind);
                        all.push(doc);
                    }
                    next.set_docs(Rc::from(all), url.as_deref());
                } else if let Some(pairs) = url {
                    // Nothing loaded: the shared link's filter still applies
                    // (and names what these notes do not have).
                    next.apply_url(url::read(&next.notes, &pairs));
                }
            }
            Action::RemoveDoc(i) => {
                let mut all = self.docs.to_vec();
                if i < all.len() && all.len() > 1 {
                    all.remove(i);
                    next.set_docs(Rc::from(all), None);
                }
                next.history = History::FromUrl;
            }
            Action::ShowArchive => {
                next.set_docs(self.archive.clone(), None);
                next.load_errors = Rc::from([]);
                next.history = History::FromUrl;
            }
            Action::DismissErrors => {
                next.load_errors = Rc::from([]);
                next.history = History::FromUrl;
            }
            Action::Fresher { doc, notice, beside } => {
                next.history = History::FromUrl;
                let replace = |docs: &[Doc]| -> Option<Rc<[Doc]>> {
                    let at = docs.iter().position(|d| d.kind == doc.kind && d.name == doc.name)?;
                    let mut all = docs.to_vec();
                    if let Some(label) = &beside {
                        all[at].label = Some(label.clone());
                        all.insert(at + 1, doc.clone());
                    } else {
                        all[at] = doc.clone();
                    }
                    Some(Rc::from(all))
                };
                if let Some(archive) = replace(&self.archive) {
                    next.archive = archive;
                }
                if let Some(docs) = replace(&self.docs) {
                    next.set_docs(docs, None);
                }
                if let Some(notice) = notice {
                    next.notice = Some(Rc::from(notice));
                }
            }
            Action::DismissNotice => {
                next.notice = None;
                next.history = History::FromUrl;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
