//! One meeting on the timeline: an `<article>` with date, start time in the
//! reader's zone, host, participants and its sections. Skipped meetings are
//! a one-line marker; planned ones carry a badge.
//!
//! A card stays mounted while filters change: one that stops matching only
//! gets `hidden` (and loses `data-meeting-date`, which marks the meetings
//! on the page), and its body keeps what it last showed, so hiding and
//! showing it again costs two attribute changes, not a re-render.

use std::collections::BTreeSet;
use std::rc::Rc;

use notes::model::{datefmt, Meeting, MeetingStatus, SectionKind, TopicId};
use notes::query::UnitState;
use yew::prelude::*;

use super::content::{self, Ctx};
use super::people::person_name;
use crate::context::use_app;
use crate::platform::clock::{offset_label, reader_offset};

/// What a card's body shows; compared to skip unchanged bodies.
#[derive(Properties, PartialEq, Clone)]
pub struct MeetingBodyProps {
    /// Index into the notes' meetings.
    pub index: u32,
    pub units: Option<Rc<[UnitState]>>,
    pub terms: Rc<[String]>,
    pub topics: Rc<BTreeSet<TopicId>>,
    /// "X took part; no notes from them" for meetings shown for their
    /// attendance alone.
    #[prop_or_default]
    pub took_part: Option<AttrValue>,
    /// False until the app runs in the browser (keeps prerendered HTML and
    /// the first hydrated render identical).
    pub clock_ready: bool,
    /// Several documents are loaded: say which one each meeting is from.
    #[prop_or_default]
    pub show_source: bool,
}

#[derive(Properties, PartialEq, Clone)]
pub struct MeetingCardProps {
    pub shown: bool,
    pub body: MeetingBodyProps,
}

#[component]
pub fn MeetingCard(props: &MeetingCardProps) -> Html {
    let app = use_app();
    // A hidden card keeps rendering what it last showed.
    let last = use_mut_ref(|| props.body.clone());
    if props.shown && *last.borrow() != props.body {
        *last.borrow_mut() = props.body.clone();
    }
    let body = last.borrow().clone();
    let m = &app.notes.meetings[props.body.index as usize];
    let status = m.status.as_str();
    let date = m.date.to_string();
    let label = (m.status == MeetingStatus::Skipped).then(|| {
        let note = m.status_note.clone().unwrap_or_else(|| "No meeting".into());
        format!("{}: {note}", datefmt::long_date(m.date))
    });
    html! {
        <article id={m.anchor.clone()} class={classes!("meeting", status)} hidden={!props.shown}
                 data-meeting-date={props.shown.then(|| date.clone())} data-date={date} data-status={status}
                 data-source={app.notes.sources[m.source.0 as usize].name.clone()} aria-label={label}>
            <MeetingBody ..body />
        </article>
    }
}

#[component]
pub fn MeetingBody(props: &MeetingBodyProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let m = &notes.meetings[props.index as usize];
    let filtered = props.units.is_some();
    let ctx = Ctx {
        notes,
        meeting: Some(m),
        units: props.units.as_deref(),
        terms: &props.terms,
        topics: &props.topics,
    };
    let mut any_section = false;
    let sections: Vec<Html> = m
        .sections
        .iter()
        .map(|s| {
            let body = content::blocks(&s.blocks, &ctx);
            // Unfiltered, an empty section still shows its title (a template
            // "## Discussion Topics" left blank says something too).
            let shown = body.shown || (!filtered && !s.title.is_empty());
            any_section |= shown;
            let kind = match s.kind {
                SectionKind::Recap => "recaps",
                SectionKind::Discussion => "discussion",
                _ => "other",
            };
            html! {
                <section class={classes!("section", kind)} hidden={!shown}>
                    if !s.title.is_empty() { <h5 class="section-head">{ s.title.clone() }</h5> }
                    { for body.nodes }
                </section>
            }
        })
        .collect();
    let unfiltered_only = |blocks: &[notes::model::Block]| {
        let body = content::blocks(blocks, &Ctx { units: None, ..ctx });
        html! { <div hidden={filtered}>{ for body.nodes }</div> }
    };

    if m.status == MeetingStatus::Skipped {
        // A marker line; anything else written under it follows, compact.
        let note = m.status_note.clone().unwrap_or_else(|| "No meeting".into());
        let extra = !m.location.is_empty() || !m.extra_info.is_empty() || !m.agenda.is_empty() || any_section;
        return html! {
            <>
                <p class="skip-line">
                    <a class="anchor" href={format!("#{}", m.anchor)}>
                        <time datetime={m.date.to_string()}>{ datefmt::short_date(m.date) }</time>
                    </a>
                    <span class="skip-note">{ note }</span>
                </p>
                if extra {
                    <div class="skip-extra" hidden={filtered}>
                        if !m.location.is_empty() {
                            <p class="location"><span class="label">{ "Where" }</span>{ for content::inline_nodes(&m.location, &ctx, false) }</p>
                        }
                        { unfiltered_only(&m.agenda) }
                        { unfiltered_only(&m.extra_info) }
                        { for sections }
                    </div>
                }
            </>
        };
    }

    let source = &notes.sources[m.source.0 as usize];
    html! {
        <>
            <header class="meeting-head">
                <h4 class="meeting-title">
                    <a class="anchor" href={format!("#{}", m.anchor)} title="Link to this meeting">
                        <time datetime={m.date.to_string()}>{ datefmt::long_date(m.date) }</time>
                    </a>
                    if m.status == MeetingStatus::Planned { <span class="badge planned">{ "Planned" }</span> }
                    if props.show_source {
                        <span class="badge source" title={source.name.clone()}>
                            { crate::sources::short_name(&source.name).to_string() }
                        </span>
                    }
                </h4>
                <p class="meta">
                    { start_time(m, props.clock_ready) }
                    if !m.hosts.is_empty() {
                        <span class="hosts">
                            <span class="label">{ "Host" }</span>
                            { for m.hosts.iter().map(|h| person_name(notes.person(*h))) }
                        </span>
                    }
                    if !m.location.is_empty() {
                        <span class="location">
                            <span class="label">{ "Where" }</span>
                            { for content::inline_nodes(&m.location, &ctx, false) }
                        </span>
                    }
                </p>
                if !m.date_remark.is_empty() {
                    <p class="date-remark">{ for content::inline_nodes(&m.date_remark, &ctx, false) }</p>
                }
                if !m.location_notes.is_empty() {
                    <div class="location-notes" hidden={filtered}>
                        { for content::blocks(&m.location_notes, &Ctx { units: None, ..ctx }).nodes }
                    </div>
                }
                if !m.participants.is_empty() {
                    <ul class="participants" aria-label="Participants">
                        { for m.participants.iter().map(|p| html! {
                            <li>{ person_name(notes.person(p.person)) }</li>
                        }) }
                    </ul>
                }
                if !m.agenda.is_empty() {
                    <div class="agenda" hidden={filtered}>
                        <span class="label">{ "Agenda" }</span>
                        { for content::blocks(&m.agenda, &Ctx { units: None, ..ctx }).nodes }
                    </div>
                }
                if !m.extra_info.is_empty() {
                    <div class="extra-info" hidden={filtered}>
                        { for content::blocks(&m.extra_info, &Ctx { units: None, ..ctx }).nodes }
                    </div>
                }
            </header>
            { for sections }
            if let Some(note) = &props.took_part {
                <p class="took-part">{ note.clone() }</p>
            }
        </>
    }
}

/// The start time in the reader's zone, with the time as written on hover.
fn start_time(m: &Meeting, clock_ready: bool) -> Html {
    let Some(t) = &m.time else {
        return html! {};
    };
    let written = format!("{} as written in the notes", t.text);
    let Some(utc) = t.utc(m.date) else {
        return html! { <span class="time" title="Time zone not recognised; shown as written">{ t.text.clone() }</span> };
    };
    let datetime = datefmt::utc_minute(utc);
    let offset = if clock_ready { reader_offset(utc) } else { None };
    let (shown, zone) = match offset {
        Some(off) => (
            utc + chrono::Duration::minutes(off as i64),
            format!("your time, {}", offset_label(off)),
        ),
        None => (utc, "UTC".to_string()),
    };
    html! {
        <span class="time">
            <time datetime={datetime} title={written}>{ datefmt::clock(shown) }</time>
            <span class="zone">{ zone }</span>
        </span>
    }
}
