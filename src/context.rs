//! What every component may read without it being passed down: the parsed
//! notes (with their indexes) and the dispatcher that changes the state.
//! Both change rarely (the notes only when documents load), so reading the
//! context does not re-render a component on every filter click; the
//! filter itself still comes through props, where it is compared.

use yew::prelude::*;

use crate::state::{Action, NotesRef, State};

#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub notes: NotesRef,
    pub dispatch: UseReducerDispatcher<State>,
}

impl AppContext {
    /// A callback that dispatches the action `make` builds from its input.
    pub fn action<IN: 'static>(&self, make: impl Fn(IN) -> Action + 'static) -> Callback<IN> {
        let d = self.dispatch.clone();
        Callback::from(move |input| d.dispatch(make(input)))
    }
}

/// The app context; every component is rendered inside its provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside App's ContextProvider")
}
