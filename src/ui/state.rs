//! App state changed only through [`Action`]s. The timeline's view is
//! derived from it (see `query::apply`), never stored.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Notes, PersonId, TopicId};
use crate::query::Filter;

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
    pub notes: NotesRef,
    pub filter: Filter,
    pub order: Order,
    pub group_by: GroupBy,
    /// Names in the URL that matched no person or topic.
    pub unknown: Vec<String>,
    pub history: History,
}

impl State {
    pub fn new(notes: NotesRef) -> State {
        State {
            notes,
            filter: Filter::default(),
            order: Order::default(),
            group_by: GroupBy::default(),
            unknown: Vec::new(),
            history: History::FromUrl,
        }
    }
}

pub enum Action {
    SetOrder(Order),
    SetGroupBy(GroupBy),
    TogglePerson(PersonId),
    ToggleTopic(TopicId),
    SetText(String),
    /// Select this person and this topic (from the overview table).
    Focus(PersonId, TopicId),
    ClearFilters,
    /// The filter read from the URL, with names that matched nothing.
    FromUrl(Filter, Vec<String>, Order),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = History::Push;
        match action {
            Action::SetOrder(order) => next.order = order,
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
            Action::FromUrl(filter, unknown, order) => {
                next.filter = filter;
                next.unknown = unknown;
                next.order = order;
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
