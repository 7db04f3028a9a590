//! The vertical timeline: visible meetings grouped by year and month,
//! newest or oldest first. Only the first `limit` meetings are rendered;
//! nearing the end renders more, so long archives stay fast to filter.

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use super::meeting::MeetingCard;
use crate::model::{datefmt, PersonId, TopicId};
use crate::query::View;
use crate::ui::state::{NotesRef, Order};

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    pub notes: NotesRef,
    pub view: Rc<View>,
    pub order: Order,
    pub people: Rc<[PersonId]>,
    pub clock_ready: bool,
    /// Several documents are loaded: say which one each meeting is from.
    #[prop_or_default]
    pub show_source: bool,
    pub limit: usize,
    pub on_more: Callback<()>,
}

/// A year with its months, each with its meeting cards.
type YearGroup = (i32, Vec<(u32, Vec<Html>)>);

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let notes = &props.notes;
    let terms: Rc<[String]> = props.view.terms.clone().into();
    let topics: Rc<BTreeSet<TopicId>> = Rc::new(props.view.highlight_topics.clone());
    let mut order: Vec<&crate::query::MeetingView> = props.view.meetings.iter().collect();
    if props.order == Order::NewestFirst {
        order.reverse();
    }
    let remaining = order.len().saturating_sub(props.limit);
    order.truncate(props.limit);
    let more_ref = use_node_ref();
    {
        let (more_ref, on_more) = (more_ref.clone(), props.on_more.clone());
        use_effect_with((props.limit, remaining), move |_| {
            let observer = near_viewport(&more_ref, on_more);
            move || drop(observer)
        });
    }

    // Runs of meetings with the same year, then the same month.
    let mut years: Vec<YearGroup> = Vec::new();
    for mv in order {
        let m = &notes.meetings[mv.meeting as usize];
        let card = html! {
            <MeetingCard key={m.anchor.clone()} notes={notes.clone()} index={mv.meeting} units={mv.units.clone()}
                terms={terms.clone()} topics={topics.clone()} people={props.people.clone()} clock_ready={props.clock_ready} show_source={props.show_source} />
        };
        if years.last().map(|(y, _)| *y) != Some(m.date.year()) {
            years.push((m.date.year(), Vec::new()));
        }
        let months = &mut years.last_mut().expect("just pushed").1;
        if months.last().map(|(mo, _)| *mo) != Some(m.date.month()) {
            months.push((m.date.month(), Vec::new()));
        }
        months.last_mut().expect("just pushed").1.push(card);
    }

    html! {
        <div class="timeline">
            { for years.into_iter().map(|(year, months)| html! {
                <section class="year" key={year.to_string()} aria-labelledby={format!("y{year}")}>
                    <h2 class="year-head" id={format!("y{year}")}>{ year }</h2>
                    { for months.into_iter().map(|(month, cards)| {
                        let name = datefmt::MONTHS[month as usize - 1];
                        html! {
                            <section class="month" key={format!("{year}-{month}")} id={format!("m-{year}-{month:02}")}>
                                <h3 class="month-head">{ format!("{name} {year}") }</h3>
                                <div class="cards">{ for cards }</div>
                            </section>
                        }
                    }) }
                </section>
            }) }
            if remaining > 0 {
                <div class="more" ref={more_ref}>
                    <button type="button" onclick={props.on_more.reform(|_| ())}>
                        { format!("Show more meetings ({remaining} not shown yet)") }
                    </button>
                </div>
            }
        </div>
    }
}

/// Calls `f` when the element comes within 1000 px of the viewport.
#[cfg(target_arch = "wasm32")]
fn near_viewport(node: &NodeRef, f: Callback<()>) -> Option<Box<dyn std::any::Any>> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let el = node.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        if near {
            f.emit(());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("1000px");
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    observer.observe(&el);
    /// Disconnects the observer before its callback is freed.
    struct Watch(
        web_sys::IntersectionObserver,
        #[allow(dead_code)] Closure<dyn FnMut(js_sys::Array)>,
    );
    impl Drop for Watch {
        fn drop(&mut self) {
            self.0.disconnect();
        }
    }
    Some(Box::new(Watch(observer, callback)))
}

/// Nothing to watch outside a browser.
#[cfg(not(target_arch = "wasm32"))]
fn near_viewport(_: &NodeRef, _: Callback<()>) -> Option<Box<dyn std::any::Any>> {
    None
}

/// Where the meeting or month named by `id` (`2024-05-14`, `m-2024-05`)
/// sits in the timeline's order, if the view shows it.
pub fn position(notes: &NotesRef, view: &View, order: Order, id: &str) -> Option<usize> {
    let month = id.strip_prefix("m-");
    let matches = |i: u32| {
        let m = &notes.meetings[i as usize];
        match month {
            Some(ym) => datefmt::year_month(m.date) == ym,
            None => m.anchor == id,
        }
    };
    let n = view.meetings.len();
    match order {
        Order::OldestFirst => view.meetings.iter().position(|mv| matches(mv.meeting)),
        Order::NewestFirst => view.meetings.iter().rev().position(|mv| matches(mv.meeting)),
    }
    .filter(|p| *p < n)
}
