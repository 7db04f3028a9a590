//! A person's page (`?view=person&person=…`) and a topic's story
//! (`?view=topic&topic=…`): the same notes, read along one person or one
//! board over the years. What they list comes from `notes::story`; every
//! listed meeting is a `[data-meeting-date]` element whose date links to the
//! meeting on the timeline.

use chrono::Datelike;
use notes::model::{MeetingId, Notes, Person, PersonId, TopicId};
use notes::story::{self, unit_node, Cited, PageLink, Presence};
use yew::prelude::*;

use super::content::{self, Ctx};
use super::people::{avatar, person_name};
use crate::context::use_app;
use crate::platform::{locale, visibility};
use crate::state::{Action, Tab};

#[derive(Properties, PartialEq)]
pub struct PersonPageProps {
    pub person: PersonId,
    pub peek: bool,
}

#[derive(Properties, PartialEq)]
pub struct TopicPageProps {
    pub topic: TopicId,
    pub peek: bool,
}

/// A topic's name, opening its story.
pub fn topic_link(notes: &Notes, t: TopicId) -> Html {
    let topic = notes.topic(t);
    html! { <a class="topic-link" href={format!("?view=topic&topic={}", topic.slug)}>{ topic.label.clone() }</a> }
}

/// "First" and "latest" with their dates, linking to the meetings.
fn fact_meeting(notes: &Notes, label: &str, id: Option<MeetingId>) -> Html {
    html! {
        <div class="fact">
            <dt>{ label.to_string() }</dt>
            <dd>
                if let Some(id) = id {
                    { to_meeting(notes, id, locale::medium_date(notes.meeting(id).date, locale::LOCALIZED)) }
                } else {
                    { "—" }
                }
            </dd>
        </div>
    }
}

fn fact_count(label: &str, n: u32) -> Html {
    html! { <div class="fact"><dt>{ label.to_string() }</dt><dd>{ n }</dd></div> }
}

/// A link to a meeting on the timeline (the app switches to it on click).
fn to_meeting(notes: &Notes, id: MeetingId, text: String) -> Html {
    html! { <a class="to-meeting" href={format!("#{}", notes.meeting(id).anchor)}>{ text }</a> }
}

/// Meetings with their units, each meeting a `[data-meeting-date]` item.
fn cited(notes: &Notes, list: &[Cited], peek: bool) -> Html {
    html! {
        <ol class="cited-list">
            { for list.iter().map(|c| {
                let m = notes.meeting(c.meeting);
                let ctx = Ctx {
                    notes,
                    meeting: Some(m),
                    peek,
                    mark_units: true,
                };
                html! {
                    <li class="cited-meeting" data-meeting-date={m.date.to_string()}>
                        <h4 class="cited-date">{ to_meeting(notes, c.meeting, locale::long_date(m.date, locale::LOCALIZED)) }</h4>
                        <ul class="cited-units">
                            { for c.units.iter().filter_map(|u| unit_node(m, *u)).map(|node| content::unit(node, &ctx)) }
                        </ul>
                    </li>
                }
            }) }
        </ol>
    }
}

fn links(notes: &Notes, list: &[PageLink], peek: bool) -> Html {
    html! {
        <ul class="page-links">
            { for list.iter().map(|l| html! {
                <li>
                    { content::link(&notes::model::LinkTarget::Web(l.url.clone()), vec![html! { l.text.clone() }], peek) }
                    <span class="cited-in">
                        { " · " }
                        { to_meeting(notes, l.meeting, locale::medium_date(notes.meeting(l.meeting).date, locale::LOCALIZED)) }
                    </span>
                </li>
            }) }
        </ul>
    }
}

/// The attendance strip: one bar per meeting, taller for more involvement,
/// with the years marked below.
fn strip(notes: &Notes, person: &Person, page: &story::PersonPage) -> Html {
    // Positions in thousandths of a percent, written with integers: float
    // formatting would add kilobytes to the wasm.
    let n = page.strip.len().max(1);
    let pct = |milli: usize| format!("{}.{:03}%", milli / 1000, milli % 1000);
    let at = |i: usize| pct(i * 100_000 / n);
    let width = pct(70_000 / n);
    let took_part = page
        .strip
        .iter()
        .filter(|p| !matches!(p, Presence::Absent | Presence::NoMeeting))
        .count();
    let held = page.strip.iter().filter(|p| **p != Presence::NoMeeting).count();
    let years: Vec<(usize, i32)> = notes
        .meetings
        .iter()
        .enumerate()
        .filter(|(i, m)| *i == 0 || notes.meetings[i - 1].date.year() != m.date.year())
        .map(|(i, m)| (i, m.date.year()))
        .collect();
    let span = match (years.first(), years.last()) {
        (Some((_, a)), Some((_, b))) if a != b => format!(" from {a} to {b}"),
        (Some((_, a)), _) => format!(" in {a}"),
        _ => String::new(),
    };
    let label = format!(
        "{} took part in {took_part} of {held} meetings{span}",
        person.display_name()
    );
    html! {
        <figure class="strip">
            <svg class="attendance" role="img" aria-label={label} width="100%" height="40">
                { for page.strip.iter().enumerate().map(|(i, p)| {
                    let (y, h) = match p {
                        Presence::Hosted => (0, 26),
                        Presence::Attended => (6, 20),
                        Presence::RecapOnly => (12, 14),
                        Presence::Absent => (23, 3),
                        Presence::NoMeeting => (25, 1),
                    };
                    html! { <rect class={p.as_str()} x={at(i)} y={y.to_string()} width={width.clone()} height={h.to_string()} /> }
                }) }
                { for years.iter().map(|(i, y)| html! {
                    <text x={at(*i)} y="39">{ y }</text>
                }) }
            </svg>
            <figcaption class="legend">
                <span class="key hosted">{ "hosted" }</span>
                <span class="key attended">{ "attended" }</span>
                <span class="key recap">{ "recap only" }</span>
                <span class="key absent">{ "absent" }</span>
            </figcaption>
        </figure>
    }
}

#[component]
pub fn PersonPage(props: &PersonPageProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let page = use_memo((app.notes.clone(), props.person), |(notes, p)| story::person(notes, *p));
    let back = app.action(|_: MouseEvent| Action::SetTab(Tab::Timeline));
    let person = notes.person(props.person);
    let meetings: usize = page.bullets.len();
    html! {
        <article class="page person-page" aria-labelledby="page-title">
            <header class="page-top">
                <button type="button" class="back" onclick={back}>{ "← All meetings" }</button>
                <h2 id="page-title" class="page-title">
                    { avatar(person, 24) }
                    { person.display_name().to_string() }
                    if let Some(h) = person.handle() {
                        if Some(h) != person.name.as_deref() {
                            <a class="handle ext" href={format!("https://github.com/{h}")} target="_blank">{ format!("@{h}") }</a>
                        }
                    }
                </h2>
                <dl class="facts">
                    { fact_meeting(notes, "First meeting", page.first) }
                    { fact_meeting(notes, "Latest meeting", page.latest) }
                    { fact_count("Attended", page.attended) }
                    { fact_count("Hosted", page.hosted) }
                    { fact_count("Recaps", page.recaps) }
                </dl>
                { strip(notes, person, &page) }
            </header>
            <div class="page-cols">
                { bullets_section(format!("Their notes, newest first ({meetings} meetings)"), "No recap or bullet of theirs in these notes.", notes, &page.bullets, props.peek) }
                <aside class="page-side" aria-label="Hardware and links">
                    <h3>{ "Hardware they mention most" }</h3>
                    if page.topics.is_empty() {
                        <p class="muted">{ "None recognised." }</p>
                    } else {
                        <ol class="topic-list">
                            { for page.topics.iter().map(|(t, n)| topic_item(notes, *t, *n)) }
                        </ol>
                    }
                    { links_section("Their links", notes, &page.links, props.peek) }
                </aside>
            </div>
        </article>
    }
}

/// A topic in a list, with the number of meetings that go with it.
fn topic_item(notes: &Notes, t: TopicId, meetings: u32) -> Html {
    html! { <li>{ topic_link(notes, t) }<span class="n">{ meetings_label(meetings) }</span></li> }
}

/// A page's main column: its bullets under their heading, or `empty`.
fn bullets_section(title: String, empty: &str, notes: &Notes, list: &[Cited], peek: bool) -> Html {
    html! {
        <section class="page-main" aria-labelledby="page-bullets">
            <h3 id="page-bullets">{ title }</h3>
            if list.is_empty() {
                <p class="muted">{ empty.to_string() }</p>
            } else {
                { cited(notes, list, peek) }
            }
        </section>
    }
}

/// A page's links under their heading, or a word that there are none.
fn links_section(title: &str, notes: &Notes, list: &[PageLink], peek: bool) -> Html {
    html! {
        <>
            <h3>{ title.to_string() }</h3>
            if list.is_empty() {
                <p class="muted">{ "None." }</p>
            } else {
                { links(notes, list, peek) }
            }
        </>
    }
}

fn meetings_label(n: u32) -> String {
    format!(" · {}", super::counted(n as usize, "meeting"))
}

#[component]
pub fn TopicPage(props: &TopicPageProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let page = use_memo((app.notes.clone(), props.topic), |(notes, t)| story::topic(notes, *t));
    let back = app.action(|_: MouseEvent| Action::SetTab(Tab::Timeline));
    let topic = notes.topic(props.topic);
    // The people who talked about it are few and on screen: their avatars load now.
    let who = use_node_ref();
    {
        let who = who.clone();
        use_effect_with((app.notes.clone(), props.topic), move |_| {
            if let Some(el) = who.cast::<web_sys::Element>() {
                crate::platform::avatars::load_in(&el);
            }
        });
    }
    // Its mentions are highlighted in every meeting cited (they are text
    // among text; the model says where).
    let body = use_node_ref();
    {
        let (body, page, notes, topic) = (body.clone(), page.clone(), app.notes.clone(), props.topic);
        use_effect_with((app.notes.clone(), props.topic), move |_| {
            if let Some(el) = body.cast::<web_sys::Element>() {
                visibility::highlight_cited(&el, &notes, &page.bullets, topic);
            }
            visibility::clear_cited
        });
    }
    let related = |title: &str, list: &[TopicId]| {
        (!list.is_empty()).then(|| {
            html! {
                <>
                    <h4>{ title.to_string() }</h4>
                    <ul class="topic-list">
                        { for list.iter().map(|t| topic_item(notes, *t, notes.topic(*t).meetings.len() as u32)) }
                    </ul>
                </>
            }
        })
    };
    let kind = if topic.kind == notes::model::TopicKind::Other {
        "Hardware not in the taxonomy".to_string()
    } else {
        [topic.vendor.as_str(), topic.isa.label()]
            .into_iter()
            .filter(|s| !s.is_empty() && *s != "Other")
            .collect::<Vec<_>>()
            .join(" · ")
    };
    html! {
        <article class="page topic-page" aria-labelledby="page-title">
            <header class="page-top">
                <button type="button" class="back" onclick={back}>{ "← All meetings" }</button>
                <h2 id="page-title" class="page-title">{ topic.label.clone() }</h2>
                if !kind.is_empty() { <p class="muted">{ kind }</p> }
                <dl class="facts">
                    { fact_meeting(notes, "First mention", page.first) }
                    { fact_meeting(notes, "Latest mention", page.latest) }
                    { fact_count("Meetings", topic.meetings.len() as u32) }
                </dl>
                if !page.people.is_empty() {
                    <div class="who">
                        <span class="label">{ "Who talked about it" }</span>
                        <ul class="who-list" ref={who}>
                            { for page.people.iter().map(|(p, n)| html! {
                                <li>{ person_name(notes.person(*p)) }<span class="n">{ meetings_label(*n) }</span></li>
                            }) }
                        </ul>
                    </div>
                }
            </header>
            <div class="page-cols" ref={body}>
                { bullets_section("Every mention, oldest first".to_string(), "Not mentioned in these notes yet.", notes, &page.bullets, props.peek) }
                <aside class="page-side" aria-label="Related topics and links">
                    <h3>{ "Related" }</h3>
                    if page.parents.is_empty() && page.children.is_empty() && page.siblings.is_empty() {
                        <p class="muted">{ "Nothing related is mentioned." }</p>
                    }
                    { related("Part of", &page.parents) }
                    { related("Built on it", &page.children) }
                    { related("Alongside", &page.siblings) }
                    { links_section("Links", notes, &page.links, props.peek) }
                </aside>
            </div>
        </article>
    }
}
