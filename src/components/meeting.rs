//! One meeting on the timeline: an `<article>` with date, start time in the
//! reader's zone, host, participants and its sections. Skipped meetings are
//! a one-line marker; planned ones carry a badge.
//!
//! Cards are rendered once, unfiltered, and stay mounted while filters
//! change: `platform::visibility` hides and shows them and their bullets
//! (a card that stops matching gets `hidden` and loses `data-meeting-date`,
//! which marks the meetings on the page) without rendering them again.

use notes::model::{datefmt, Meeting, MeetingStatus, Notes, Participant, SectionKind};
use yew::prelude::*;

use super::content::{self, Ctx};
use super::people::person_name;
use crate::context::use_app;
use crate::platform::clock::{offset_label, reader_offset};
use crate::platform::locale;

/// A card never depends on the filter: these only change with the notes,
/// the mix of documents, or a touch screen.
#[derive(Properties, PartialEq, Clone)]
pub struct MeetingCardProps {
    /// Index into the notes' meetings.
    pub index: u32,
    /// Several documents from different places: say which one it is from.
    #[prop_or_default]
    pub show_source: bool,
    /// A touch screen: links get a preview button.
    #[prop_or_default]
    pub peek: bool,
}

#[component]
pub fn MeetingCard(props: &MeetingCardProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let m = &notes.meetings[props.index as usize];
    let status = m.status.as_str();
    let date = m.date.to_string();
    let ctx = Ctx {
        notes,
        meeting: Some(m),
        peek: props.peek,
        // In order: `platform::visibility` counts them.
        mark_units: false,
    };
    let source = &notes.sources[m.source.0 as usize];
    let sections: Vec<Html> = m
        .sections
        .iter()
        .map(|s| {
            let body = content::blocks(&s.blocks, &ctx);
            // A section without notes (a template "## Discussion Topics" left
            // blank says something too) shows its title, unfiltered.
            let kind = match s.kind {
                SectionKind::Recap => "recaps",
                SectionKind::Discussion => "discussion",
                _ => "other",
            };
            let class = classes!("section", kind, body.units.is_none().then_some("when-unfiltered"));
            html! {
                <section class={class}>
                    if !s.title.is_empty() { <h5 class="section-head">{ content::text(&s.title) }</h5> }
                    { for body.nodes }
                </section>
            }
        })
        .collect();
    let unfiltered = |blocks: &[notes::model::Block]| content::blocks(blocks, &ctx).nodes;

    let body = if m.status == MeetingStatus::Skipped {
        // A marker line; anything else written under it follows, compact.
        let note = m.status_note.clone().unwrap_or_else(|| "No meeting".into());
        let extra = !m.location.is_empty()
            || !m.extra_info.is_empty()
            || !m.agenda.is_empty()
            || !sections.is_empty()
            || !m.hosts.is_empty()
            || !m.participants.is_empty()
            || !m.date_remark.is_empty();
        html! {
            <>
                <p class="skip-line">
                    <a class="anchor" href={format!("#{}", m.anchor)}>
                        <time datetime={date.clone()}>{ locale::short_date(m.date, locale::LOCALIZED) }</time>
                    </a>
                    <span class="skip-note">{ note }</span>
                </p>
                if extra {
                    <div class="skip-extra when-unfiltered">
                        if !m.date_remark.is_empty() {
                            <p class="date-remark">{ for content::inline_nodes(&m.date_remark, &ctx) }</p>
                        }
                        if !m.location.is_empty() {
                            <p class="location"><span class="label">{ "Where" }</span>{ for content::inline_nodes(&m.location, &ctx) }</p>
                        }
                        // Who the notes named for it: a host and people
                        // listed ahead, not attendance.
                        if !m.hosts.is_empty() {
                            <p class="people"><span class="label">{ "Host" }</span>
                                { for m.hosts.iter().map(|h| person_name(notes.person(*h))) }
                            </p>
                        }
                        if !m.participants.is_empty() {
                            <p class="people"><span class="label">{ "Listed" }</span>
                                { for m.participants.iter().map(|p| participant(notes, p)) }
                            </p>
                        }
                        { for unfiltered(&m.agenda) }
                        { for unfiltered(&m.extra_info) }
                        { for sections }
                    </div>
                }
            </>
        }
    } else {
        html! {
            <>
                <header class="meeting-head">
                    <h4 class="meeting-title">
                        <a class="anchor" href={format!("#{}", m.anchor)} title="Link to this meeting">
                            <time datetime={date.clone()}>{ locale::long_date(m.date, locale::LOCALIZED) }</time>
                        </a>
                        if m.status == MeetingStatus::Planned { <span class="badge planned">{ "Planned" }</span> }
                        if props.show_source {
                            <span class="badge source" title={source.name.clone()}>
                                { crate::sources::short_name(&source.name).to_string() }
                            </span>
                        }
                    </h4>
                    <p class="meta">
                        { start_time(m) }
                        if !m.hosts.is_empty() {
                            <span class="hosts">
                                <span class="label">{ "Host" }</span>
                                { for m.hosts.iter().map(|h| person_name(notes.person(*h))) }
                            </span>
                        }
                        if !m.location.is_empty() {
                            <span class="location">
                                <span class="label">{ "Where" }</span>
                                { for content::inline_nodes(&m.location, &ctx) }
                            </span>
                        }
                    </p>
                    if !m.date_remark.is_empty() {
                        <p class="date-remark">{ for content::inline_nodes(&m.date_remark, &ctx) }</p>
                    }
                    if !m.location_notes.is_empty() {
                        <div class="location-notes when-unfiltered">{ for unfiltered(&m.location_notes) }</div>
                    }
                    if !m.participants.is_empty() {
                        <ul class="participants" aria-label="Participants">
                            { for m.participants.iter().map(|p| html! {
                                <li>{ participant(notes, p) }</li>
                            }) }
                        </ul>
                    }
                    if !m.agenda.is_empty() {
                        <div class="agenda when-unfiltered">
                            <span class="label">{ "Agenda" }</span>
                            { for unfiltered(&m.agenda) }
                        </div>
                    }
                    if !m.extra_info.is_empty() {
                        <div class="extra-info when-unfiltered">{ for unfiltered(&m.extra_info) }</div>
                    }
                </header>
                { for sections }
            </>
        }
    };
    let label = (m.status == MeetingStatus::Skipped).then(|| {
        let note = m.status_note.clone().unwrap_or_else(|| "No meeting".into());
        format!("{}: {note}", locale::long_date(m.date, locale::LOCALIZED))
    });
    html! {
        <article id={m.anchor.clone()} class={classes!("meeting", status)} data-meeting-date={date}
                 data-status={status} data-source={source.name.clone()} aria-label={label}>
            // Off screen, the browser skips laying out and painting the body
            // (content-visibility in the stylesheet); it stays in the DOM.
            <div class="meeting-body">{ body }</div>
        </article>
    }
}

/// The start time in the reader's zone, with the time as written on hover.
fn start_time(m: &Meeting) -> Html {
    let Some(t) = &m.time else {
        return html! {};
    };
    let written = format!("{} as written in the notes", t.text);
    let Some(utc) = t.utc(m.date) else {
        return html! { <span class="time" title="Time zone not recognised; shown as written">{ t.text.clone() }</span> };
    };
    let datetime = datefmt::utc_minute(utc);
    let offset = if locale::LOCALIZED { reader_offset(utc) } else { None };
    let (shown, zone) = match offset {
        Some(off) => (
            utc + chrono::Duration::minutes(off as i64),
            format!("your time, {}", offset_label(off)),
        ),
        None => (utc, "UTC".to_string()),
    };
    html! {
        <span class="time">
            <time datetime={datetime} title={written}>{ locale::clock_at(utc, shown, offset.is_some()).unwrap_or_else(|| datefmt::clock(shown)) }</time>
            <span class="zone">{ zone }</span>
        </span>
    }
}

/// A participant as listed: their name, and what the list says of them
/// ("Chiraag (guest)").
fn participant(notes: &Notes, p: &Participant) -> Html {
    html! {
        <>
            { person_name(notes.person(p.person)) }
            if let Some(r) = &p.remark { <span class="remark">{ format!(" ({r})") }</span> }
        </>
    }
}
