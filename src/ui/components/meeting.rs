//! One meeting on the timeline: an `<article>` with date, start time in the
//! reader's zone, host, participants and its sections. Skipped meetings are
//! a one-line marker; planned ones carry a badge.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::content::{self, Ctx};
use super::people::person_name;
use crate::model::{datefmt, Meeting, MeetingStatus, PersonId, SectionKind, TopicId};
use crate::query::UnitState;
use crate::ui::state::NotesRef;
use crate::ui::time::{offset_label, reader_offset};

#[derive(Properties, PartialEq, Clone)]
pub struct MeetingCardProps {
    pub notes: NotesRef,
    /// Index into `notes.meetings`.
    pub index: u32,
    pub units: Option<Rc<[UnitState]>>,
    pub terms: Rc<[String]>,
    pub topics: Rc<BTreeSet<TopicId>>,
    /// People selected in the filter, for the "took part" note.
    pub people: Rc<[PersonId]>,
    /// False until the app runs in the browser (keeps prerendered HTML and
    /// the first hydrated render identical).
    pub clock_ready: bool,
    #[prop_or_default]
    pub show_source: bool,
}

#[component]
pub fn MeetingCard(props: &MeetingCardProps) -> Html {
    let notes = &props.notes;
    let m = &notes.meetings[props.index as usize];
    let date_long = datefmt::long_date(m.date);
    let status = m.status.as_str();

    let ctx = Ctx {
        notes,
        meeting: Some(m),
        units: props.units.as_deref(),
        terms: &props.terms,
        topics: &props.topics,
    };
    let sections: Vec<Html> = m
        .sections
        .iter()
        .filter_map(|s| {
            let body = content::blocks(&s.blocks, &ctx);
            // Unfiltered, an empty section still shows its title (a template
            // "## Discussion Topics" left blank says something too).
            if body.is_empty() && (props.units.is_some() || s.title.is_empty()) {
                return None;
            }
            let kind = match s.kind {
                SectionKind::Recap => "recaps",
                SectionKind::Discussion => "discussion",
                _ => "other",
            };
            Some(html! {
                <section class={classes!("section", kind)}>
                    if !s.title.is_empty() { <h5 class="section-head">{ s.title.clone() }</h5> }
                    { for body }
                </section>
            })
        })
        .collect();
    let filtered_out = props.units.is_some() && sections.is_empty();

    if m.status == MeetingStatus::Skipped {
        // A marker line; anything else written under it follows, compact.
        let note = m.status_note.clone().unwrap_or_else(|| "No meeting".into());
        let extra = props.units.is_none()
            && (!m.location.is_empty() || !m.extra_info.is_empty() || !m.agenda.is_empty() || !sections.is_empty());
        return html! {
            <article id={m.anchor.clone()} class="meeting skipped" data-meeting-date={m.date.to_string()} data-status={status}
                     data-source={notes.sources[m.source.0 as usize].name.clone()} aria-label={format!("{date_long}: {note}")}>
                <p class="skip-line">
                    <a class="anchor" href={format!("#{}", m.anchor)}>
                        <time datetime={m.date.to_string()}>{ datefmt::short_date(m.date) }</time>
                    </a>
                    <span class="skip-note">{ note }</span>
                </p>
                if extra {
                    <div class="skip-extra">
                        if !m.location.is_empty() {
                            <p class="location"><span class="label">{ "Where" }</span>{ for content::inline_nodes(&m.location, &ctx, false) }</p>
                        }
                        { for content::blocks(&m.agenda, &ctx) }
                        { for content::blocks(&m.extra_info, &ctx) }
                        { for sections }
                    </div>
                }
            </article>
        };
    }

    html! {
        <article id={m.anchor.clone()} class={classes!("meeting", status)} data-meeting-date={m.date.to_string()} data-status={status}
                 data-source={notes.sources[m.source.0 as usize].name.clone()}>
            <header class="meeting-head">
                <h4 class="meeting-title">
                    <a class="anchor" href={format!("#{}", m.anchor)} title="Link to this meeting">
                        <time datetime={m.date.to_string()}>{ date_long }</time>
                    </a>
                    if m.status == MeetingStatus::Planned { <span class="badge planned">{ "Planned" }</span> }
                    if props.show_source {
                        <span class="badge source" title={notes.sources[m.source.0 as usize].name.clone()}>
                            { crate::ui::sources::short_name(&notes.sources[m.source.0 as usize].name).to_string() }
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
                if !m.location_notes.is_empty() && props.units.is_none() {
                    <div class="location-notes">{ for content::blocks(&m.location_notes, &Ctx { units: None, ..ctx }) }</div>
                }
                if !m.participants.is_empty() {
                    <ul class="participants" aria-label="Participants">
                        { for m.participants.iter().map(|p| html! {
                            <li>{ person_name(notes.person(p.person)) }</li>
                        }) }
                    </ul>
                }
                if props.units.is_none() && !m.agenda.is_empty() {
                    <div class="agenda"><span class="label">{ "Agenda" }</span>{ for content::blocks(&m.agenda, &Ctx { units: None, ..ctx }) }</div>
                }
                if props.units.is_none() && !m.extra_info.is_empty() {
                    <div class="extra-info">{ for content::blocks(&m.extra_info, &Ctx { units: None, ..ctx }) }</div>
                }
            </header>
            { for sections }
            if filtered_out {
                <p class="took-part">{ took_part_note(props, m) }</p>
            }
        </article>
    }
}

fn took_part_note(props: &MeetingCardProps, m: &Meeting) -> String {
    let names: Vec<&str> = props
        .people
        .iter()
        .filter(|p| m.involves(**p))
        .map(|p| props.notes.person(*p).display_name())
        .collect();
    format!("{} took part; no notes from them in this meeting.", names.join(", "))
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
