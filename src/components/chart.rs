//! "Hardware over time": an SVG grid of topics × months for the visible
//! meetings (the selected topics, or the most mentioned ones), each cell a
//! link to that month; and a topic × person table whose cells set both
//! filters at once.

use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use notes::model::{PersonId, TopicId, TopicKind};
use notes::query::{Filter, View};

use crate::context::{use_app, AppContext};
use crate::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct OverviewProps {
    pub view: Rc<View>,
    pub filter: Filter,
}

const ROWS: usize = 8;
const LABEL_W: u32 = 150;
const CELL: u32 = 16;

/// Month index since year 0, for a simple continuous axis.
fn month_key(date: chrono::NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

fn month_label(key: i32) -> String {
    let month = notes::model::datefmt::MONTHS[key.rem_euclid(12) as usize];
    format!("{} {}", month, key.div_euclid(12))
}

pub fn month_anchor(key_date: chrono::NaiveDate) -> String {
    format!("m-{}", notes::model::datefmt::year_month(key_date))
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let app = use_app();
    // Closed by default; its grid and table are only built while open.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    html! {
        <details class="overview" {ontoggle}>
            <summary>{ "Hardware over time" }</summary>
            if *open { { overview_body(props, &app) } }
        </details>
    }
}

fn overview_body(props: &OverviewProps, app: &AppContext) -> Html {
    let notes = &app.notes;
    let (Some(first), Some(last)) = (notes.meetings.first(), notes.meetings.last()) else {
        return html! {};
    };
    let (start, end) = (month_key(first.date), month_key(last.date));
    let months = (end - start + 1).max(1) as u32;

    // Per topic, per month: visible meetings that mention it. Small lists
    // searched linearly (a map type per use would grow the wasm).
    let mut counts: Vec<(TopicId, Vec<(i32, u32)>)> = Vec::new();
    for mv in &props.view.meetings {
        let m = notes.meeting(mv.meeting);
        let key = month_key(m.date);
        for t in &m.topics {
            let i = match counts.iter().position(|(id, _)| id == t) {
                Some(i) => i,
                None => {
                    counts.push((*t, Vec::new()));
                    counts.len() - 1
                }
            };
            let months = &mut counts[i].1;
            match months.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => months.push((key, 1)),
            }
        }
    }
    let counts_of = |t: &TopicId| counts.iter().find(|(id, _)| id == t).map(|(_, m)| m.as_slice());
    let rows: Vec<TopicId> = if props.filter.topics.is_empty() {
        let mut all: Vec<(TopicId, u32)> = counts
            .iter()
            .filter(|(t, _)| notes.topic(*t).kind != TopicKind::Family)
            .map(|(t, m)| (*t, m.iter().map(|(_, n)| n).sum()))
            .collect();
        notes::order::sort_by_rank(&mut all, |(t, n)| (-(*n as i64), t.0 as i64));
        all.into_iter().take(ROWS).map(|(t, _)| t).collect()
    } else {
        props.filter.topics.iter().copied().collect()
    };
    if rows.is_empty() {
        return html! {};
    }
    let width = LABEL_W + months * CELL + 4;
    let height = rows.len() as u32 * CELL + 34;
    // A year label per January (and at the start); month initials when
    // the span is short enough to read them.
    let ticks: Vec<(u32, i32)> = (0..months)
        .filter(|i| i == &0 || (start + *i as i32).rem_euclid(12) == 0)
        .map(|i| (i, (start + i as i32).div_euclid(12)))
        .collect();
    let initials: Vec<(u32, char)> = if months <= 36 {
        (0..months)
            .map(|i| {
                (
                    i,
                    "JFMAMJJASOND".as_bytes()[(start + i as i32).rem_euclid(12) as usize] as char,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let top = if initials.is_empty() { 18 } else { 30 };

    let grid = html! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} role="group"
             aria-label="Hardware mentions per month; each cell links to that month">
            { for ticks.iter().map(|(i, year)| html! {
                <text class="tick" x={(LABEL_W + i * CELL).to_string()} y="12">{ year }</text>
            }) }
            { for initials.iter().map(|(i, c)| html! {
                <text class="tick" x={(LABEL_W + i * CELL + CELL / 2).to_string()} y="25" text-anchor="middle">{ *c }</text>
            }) }
            { for rows.iter().enumerate().map(|(r, t)| {
                let y = top + r as u32 * CELL;
                let topic = notes.topic(*t);
                let by_month = counts_of(t);
                html! {
                    <g class="row" data-topic={topic.slug.clone()}>
                        <text class="row-label" x={(LABEL_W - 6).to_string()} y={(y + CELL - 4).to_string()} text-anchor="end">
                            { topic.label.clone() }
                        </text>
                        { for by_month.into_iter().flatten().map(|(key, n)| {
                            let x = LABEL_W + (key - start) as u32 * CELL;
                            let date = chrono::NaiveDate::from_ymd_opt(key.div_euclid(12), key.rem_euclid(12) as u32 + 1, 1).unwrap_or_default();
                            let label = format!("{}: {} in {}", topic.label, super::counted(*n as usize, "meeting"), month_label(*key));
                            html! {
                                <a href={format!("#{}", month_anchor(date))} aria-label={label.clone()}>
                                    <rect class={classes!("cell", (*n > 1).then_some("many"))} x={(x + 1).to_string()} y={(y + 1).to_string()}
                                        width={(CELL - 2).to_string()} height={(CELL - 2).to_string()} rx="3">
                                        <title>{ label }</title>
                                    </rect>
                                </a>
                            }
                        }) }
                    </g>
                }
            }) }
        </svg>
    };

    html! {
        <>
            <div class="chart-wrap">{ grid }</div>
            { topic_people(app, &rows) }
        </>
    }
}

/// Who wrote about what: bullets per person and topic; a cell selects both.
fn topic_people(app: &AppContext, rows: &[TopicId]) -> Html {
    let notes = &app.notes;
    let mut table: Vec<((TopicId, PersonId), u32)> = Vec::new();
    for m in &notes.meetings {
        for u in &m.units {
            // Everyone a joint recap is by wrote it.
            for p in u.people() {
                for t in &u.topics {
                    if rows.contains(t) {
                        match table.iter_mut().find(|(k, _)| *k == (*t, p)) {
                            Some((_, n)) => *n += 1,
                            None => table.push(((*t, p), 1)),
                        }
                    }
                }
            }
        }
    }
    let mut people: Vec<PersonId> = table.iter().map(|((_, p), _)| *p).collect();
    notes::order::sort_by_rank(&mut people, |p| (p.0 as i64, 0));
    people.dedup();
    let count = |t: TopicId, p: PersonId| table.iter().find(|(k, _)| *k == (t, p)).map_or(0, |(_, n)| *n);
    if people.is_empty() {
        return html! {};
    }
    html! {
        <div class="table-wrap" tabindex="0">
            <table class="topic-people">
                <caption>{ "Bullets per person and hardware (select a cell to filter by both)" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Hardware" }</th>
                        { for people.iter().map(|p| html! { <th scope="col">{ notes.person(*p).display_name().to_string() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ notes.topic(*t).label.clone() }</th>
                            { for people.iter().map(|p| {
                                let n = count(*t, *p);
                                if n == 0 {
                                    return html! { <td class="zero">{ "·" }</td> };
                                }
                                let (t, p) = (*t, *p);
                                let label = format!("{} on {}: {n}", notes.person(p).display_name(), notes.topic(t).label);
                                html! {
                                    <td>
                                        <button type="button" class="cell-button" aria-label={label}
                                            onclick={app.action(move |_: MouseEvent| Action::Focus(p, t))}>{ n }</button>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
