//! The vertical timeline: every meeting, grouped by year and month, newest
//! or oldest first. Every meeting is rendered once and stays mounted; what a
//! filter shows is then applied by `platform::visibility`, which flips
//! `hidden` on what changed, so every match is always in the DOM (find in
//! page, printing and screen readers see them all) and a click costs what
//! it changes. The browser skips laying out cards far off screen
//! (`content-visibility: auto` in the stylesheet). Every child is keyed
//! (cards by anchor, years and months and their headings too), so a change
//! of order moves nodes instead of recreating them.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Datelike;
use notes::query::View;
use yew::prelude::*;

use super::meeting::MeetingCard;
use crate::context::use_app;
use crate::platform::locale;
use crate::platform::visibility::Applier;
use crate::state::Order;

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    pub view: Rc<View>,
    pub order: Order,
    /// While taking over the prerendered page: only the newest this many.
    #[prop_or_default]
    pub first_paint: Option<usize>,
    /// Documents from different places are mixed: each card names its own.
    #[prop_or_default]
    pub show_source: bool,
    /// A touch screen: links get a preview button.
    #[prop_or_default]
    pub peek: bool,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let app = use_app();
    let applier = use_mut_ref(Applier::default);
    let cards = CardsProps {
        order: props.order,
        first_paint: props.first_paint,
        show_source: props.show_source,
        peek: props.peek,
    };
    {
        // New cards, new order: the elements known so far may be gone, and
        // new cards' avatars wait to come near the screen.
        let applier = applier.clone();
        use_effect_with((cards.clone(), app.notes.clone()), move |(_, notes)| {
            applier.borrow_mut().reset();
            let watch = crate::platform::avatars::load_near_screen();
            // The cards are read while the page is idle, so the first
            // filter only switches what it changes.
            let notes = notes.clone();
            let ahead =
                crate::platform::dom::when_idle(move |left| applier.borrow_mut().read_ahead(&notes, &|| left() > 2.0));
            move || drop((watch, ahead))
        });
    }
    {
        // After every render of the cards (they may be new nodes) and every
        // change of view: apply what the view shows.
        let (applier, notes) = (applier.clone(), app.notes.clone());
        use_effect_with((props.view.clone(), cards.clone(), notes), move |(view, _, notes)| {
            apply(&applier, notes, view);
        });
    }
    html! { <Cards ..cards /> }
}

fn apply(applier: &Rc<RefCell<Applier>>, notes: &crate::state::NotesRef, view: &View) {
    let mut applier = applier.borrow_mut();
    let took_part = |people: &[notes::model::PersonId]| {
        let names: Vec<&str> = people.iter().map(|p| notes.person(*p).display_name()).collect();
        format!("{} took part; no notes from them in this meeting.", names.join(", "))
    };
    applier.apply(notes, view, &took_part);
    applier.groups(notes, view);
    applier.highlight(notes, view);
}

#[derive(Properties, PartialEq, Clone)]
struct CardsProps {
    order: Order,
    first_paint: Option<usize>,
    show_source: bool,
    peek: bool,
}

/// Every meeting's card, grouped by year and month: rendered again only
/// when the notes, the order, the mix of documents or a touch screen
/// change, never for a filter.
#[component]
fn Cards(props: &CardsProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let n = notes.meetings.len() as u32;
    let mut order: Vec<u32> = (0..n).collect();
    if props.order == Order::NewestFirst {
        order.reverse();
    }
    if let Some(newest) = props.first_paint {
        // The prerendered page holds the newest meetings only.
        order.retain(|i| *i + newest as u32 >= n);
    }

    // Runs of meetings in the same month, then months in the same year.
    let mut years: Vec<(i32, Vec<Html>)> = Vec::new();
    let mut month: Option<(i32, u32, Vec<Html>)> = None;
    let close = |month: Option<(i32, u32, Vec<Html>)>, years: &mut Vec<(i32, Vec<Html>)>| {
        let Some((year, mo, cards)) = month else { return };
        let id = format!("m-{year}-{mo:02}");
        let first = chrono::NaiveDate::from_ymd_opt(year, mo, 1).expect("a meeting's month");
        // Every child keyed, headings too: Yew 0.23 pairs unkeyed children
        // from the end of a list, which would recreate nodes.
        let section = html! {
            <section class="month" key={id.clone()} id={id}>
                <h3 class="month-head" key="head">{ locale::month_year(first, locale::LOCALIZED) }</h3>
                <div class="cards" key="cards">{ for cards }</div>
            </section>
        };
        match years.last_mut() {
            Some((y, children)) if *y == year => children.push(section),
            _ => {
                let head = html! { <h2 class="year-head" key="head" id={format!("y{year}")}>{ year }</h2> };
                years.push((year, vec![head, section]));
            }
        }
    };
    for i in order {
        let m = &notes.meetings[i as usize];
        let (y, mo) = (m.date.year(), m.date.month());
        let card = html! {
            <MeetingCard key={m.anchor.clone()} index={i} show_source={props.show_source} peek={props.peek} />
        };
        match &mut month {
            Some((year, this, cards)) if *year == y && *this == mo => cards.push(card),
            _ => {
                close(month.take(), &mut years);
                month = Some((y, mo, vec![card]));
            }
        }
    }
    close(month.take(), &mut years);

    html! {
        <div class="timeline">
            { for years.into_iter().map(|(year, children)| html! {
                <section class="year" key={format!("y{year}")} aria-labelledby={format!("y{year}")}>
                    { for children }
                </section>
            }) }
        </div>
    }
}
