//! App state changed only through [`Action`]s. The timeline's view is
//! derived from it (see `query::apply`), never stored.

use std::rc::Rc;

use yew::Reducible;

use crate::model::Notes;
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

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub notes: NotesRef,
    pub filter: Filter,
    pub order: Order,
}

pub enum Action {
    SetOrder(Order),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetOrder(order) => next.order = order,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
