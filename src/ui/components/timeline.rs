//! The vertical timeline: visible meetings grouped by year and month,
//! newest or oldest first.

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use super::meeting::MeetingCard;
use crate::model::{PersonId, TopicId};
use crate::query::View;
use crate::ui::state::{NotesRef, Order};

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    pub notes: NotesRef,
    pub view: Rc<View>,
    pub order: Order,
    pub people: Rc<[PersonId]>,
    pub clock_ready: bool,
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

    // Runs of meetings with the same year, then the same month.
    let mut years: Vec<YearGroup> = Vec::new();
    for mv in order {
        let m = &notes.meetings[mv.meeting as usize];
        let card = html! {
            <MeetingCard key={m.anchor.clone()} notes={notes.clone()} index={mv.meeting} units={mv.units.clone()}
                terms={terms.clone()} topics={topics.clone()} people={props.people.clone()} clock_ready={props.clock_ready} />
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
                        let name = chrono::Month::try_from(month as u8).map(|m| m.name()).unwrap_or("?");
                        html! {
                            <section class="month" key={format!("{year}-{month}")} id={format!("m-{year}-{month:02}")}>
                                <h3 class="month-head">{ format!("{name} {year}") }</h3>
                                <div class="cards">{ for cards }</div>
                            </section>
                        }
                    }) }
                </section>
            }) }
        </div>
    }
}
