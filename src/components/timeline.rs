//! The vertical timeline: every meeting, grouped by year and month, newest
//! or oldest first. Every meeting the filter matches is on the page (find
//! in page, printing and screen readers see them all); the others stay
//! mounted but `hidden`, and the browser skips laying out cards that are
//! off screen (`content-visibility: auto` in the stylesheet). Every child
//! is keyed (cards by anchor, years and months by date), so a filter
//! change moves and edits nodes instead of recreating them.

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::Datelike;
use notes::model::{datefmt, PersonId};
use notes::query::View;
use yew::prelude::*;

use super::meeting::{MeetingBodyProps, MeetingCard};
use crate::context::use_app;
use crate::state::Order;

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    pub view: Rc<View>,
    pub order: Order,
    pub clock_ready: bool,
    /// While taking over the prerendered page: only the newest this many.
    #[prop_or_default]
    pub first_paint: Option<usize>,
    /// Documents from different places are mixed: each card names its own.
    #[prop_or_default]
    pub show_source: bool,
}

/// A month of cards, and whether any is shown.
struct Month {
    year: i32,
    month: u32,
    cards: Vec<Html>,
    shown: bool,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    // Equal values keep their Rc, so unchanged cards compare equal.
    let terms = use_memo(props.view.terms.clone(), |t| Rc::<[String]>::from(t.as_slice()));
    let topics = use_memo(props.view.highlight_topics.clone(), |t| Rc::new(t.clone()));
    let show_source = props.show_source;

    // Per meeting: shown or not, and its view.
    let mut shown: Vec<Option<&notes::query::MeetingView>> = vec![None; notes.meetings.len()];
    for mv in &props.view.meetings {
        shown[mv.meeting.0 as usize] = Some(mv);
    }
    let mut order: Vec<u32> = (0..notes.meetings.len() as u32).collect();
    if props.order == Order::NewestFirst {
        order.reverse();
    }
    if let Some(n) = props.first_paint {
        let newest: BTreeSet<u32> = (0..notes.meetings.len() as u32).rev().take(n).collect();
        order.retain(|i| newest.contains(i));
    }

    let mut months: Vec<Month> = Vec::new();
    for i in order {
        let m = &notes.meetings[i as usize];
        let mv = shown[i as usize];
        let took_part = mv
            .filter(|mv| !mv.took_part.is_empty())
            .map(|mv| took_part_note(notes, &mv.took_part));
        let body = MeetingBodyProps {
            index: i,
            units: mv.and_then(|mv| mv.units.clone()),
            terms: (*terms).clone(),
            topics: (*topics).clone(),
            took_part,
            clock_ready: props.clock_ready,
            show_source,
        };
        let card = html! { <MeetingCard key={m.anchor.clone()} shown={mv.is_some()} {body} /> };
        let (year, month) = (m.date.year(), m.date.month());
        match months.last_mut() {
            Some(last) if last.year == year && last.month == month => {
                last.cards.push(card);
                last.shown |= mv.is_some();
            }
            _ => months.push(Month {
                year,
                month,
                cards: vec![card],
                shown: mv.is_some(),
            }),
        }
    }

    // Runs of months with the same year.
    let mut years: Vec<(i32, bool, Vec<Html>)> = Vec::new();
    for Month {
        year,
        month,
        cards,
        shown,
    } in months
    {
        let name = datefmt::MONTHS[month as usize - 1];
        let id = format!("m-{year}-{month:02}");
        // Every child keyed, headers too: Yew 0.23 pairs unkeyed children
        // from the end of a list, which would recreate nodes.
        let section = html! {
            <section class="month" key={id.clone()} id={id.clone()} hidden={!shown}>
                <h3 class="month-head" key="head">{ format!("{name} {year}") }</h3>
                <div class="cards" key="cards">{ for cards }</div>
            </section>
        };
        match years.last_mut() {
            Some((y, any, children)) if *y == year => {
                *any |= shown;
                children.push(section);
            }
            _ => {
                let head = html! { <h2 class="year-head" key="head" id={format!("y{year}")}>{ year }</h2> };
                years.push((year, shown, vec![head, section]));
            }
        }
    }

    html! {
        <div class="timeline">
            { for years.into_iter().map(|(year, shown, children)| html! {
                <section class="year" key={format!("y{year}")} aria-labelledby={format!("y{year}")} hidden={!shown}>
                    { for children }
                </section>
            }) }
        </div>
    }
}

fn took_part_note(notes: &notes::model::Notes, people: &[PersonId]) -> AttrValue {
    let names: Vec<&str> = people.iter().map(|p| notes.person(*p).display_name()).collect();
    format!("{} took part; no notes from them in this meeting.", names.join(", ")).into()
}
