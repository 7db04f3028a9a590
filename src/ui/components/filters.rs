//! The filter controls: search, person chips and hardware-topic chips
//! grouped by vendor or ISA. Chips are toggle buttons (`aria-pressed`);
//! everything works from the keyboard.

use yew::prelude::*;

use super::people::avatar;
use crate::model::{Isa, PersonId, TopicId, TopicKind};
use crate::query::Filter;
use crate::ui::state::{Action, GroupBy, NotesRef, State};

#[derive(Properties, PartialEq, Clone)]
pub struct FilterPanelProps {
    pub notes: NotesRef,
    pub filter: Filter,
    pub group_by: GroupBy,
    pub dispatch: UseReducerDispatcher<State>,
    pub search_ref: NodeRef,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let notes = &props.notes;
    let d = props.dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            d.dispatch(Action::SetText(input.value()));
        }
    });
    let d = props.dispatch.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            d.dispatch(Action::SetText(String::new()));
        }
    });

    // The chip lists only change with the notes (or the grouping), not
    // with every click, so they are computed once.
    let people = use_memo(notes.clone(), |notes| {
        // People by how often they took part, most involved first.
        let mut people: Vec<(PersonId, usize)> = (0..notes.people.len() as u32)
            .map(PersonId)
            .map(|p| (p, notes.meetings.iter().filter(|m| m.involves(p)).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        crate::order::sort_by_rank(&mut people, |(p, n)| (-(*n as i64), p.0 as i64));
        people
    });
    let groups = use_memo((notes.clone(), props.group_by), |(notes, by)| topic_groups(notes, *by));
    let selected_topics = props.filter.topics.len();
    let group_button = |g: GroupBy, label: &'static str| {
        let d = props.dispatch.clone();
        html! {
            <button type="button" aria-pressed={(props.group_by == g).to_string()}
                onclick={Callback::from(move |_| d.dispatch(Action::SetGroupBy(g)))}>{ label }</button>
        }
    };

    html! {
        <div class="filters">
            <div class="search" role="search">
                <label for="search">{ "Search the notes" }</label>
                <input id="search" type="search" ref={props.search_ref.clone()} placeholder="e.g. DRAM, kexec, Käldström"
                    value={props.filter.text.clone()} {oninput} {onkeydown} autocomplete="off" spellcheck="false"
                    aria-keyshortcuts="/" />
                <span class="hint" aria-hidden="true"><kbd>{ "/" }</kbd>{ " to search, " }<kbd>{ "Esc" }</kbd>{ " to clear" }</span>
            </div>
            <fieldset class="facet people">
                <legend>{ "People" }</legend>
                <div class="chips">
                    { for people.iter().map(|(p, n)| html! {
                        <PersonChip key={p.0} notes={notes.clone()} id={*p} meetings={*n}
                            pressed={props.filter.people.contains(p)} dispatch={props.dispatch.clone()} />
                    }) }
                </div>
            </fieldset>
            <details class="facet topics" open={selected_topics > 0}>
                <summary>
                    { "Hardware" }
                    if selected_topics > 0 { <span class="selected-n">{ format!(" · {selected_topics} selected") }</span> }
                </summary>
                <div class="group-by" role="group" aria-label="Group hardware by">
                    <span>{ "Group by" }</span>
                    { group_button(GroupBy::Vendor, "Vendor") }
                    { group_button(GroupBy::Isa, "ISA") }
                </div>
                { for groups.iter().cloned().map(|(name, topics)| html! {
                    <div class="topic-group" role="group" aria-label={name.clone()}>
                        <span class="group-name">{ name }</span>
                        <div class="chips">
                            { for topics.into_iter().map(|t| html! {
                                <TopicChip key={t.0} notes={notes.clone()} id={t}
                                    pressed={props.filter.topics.contains(&t)} dispatch={props.dispatch.clone()} />
                            }) }
                        </div>
                    </div>
                }) }
            </details>
        </div>
    }
}

/// Topics grouped by vendor or ISA, groups with the most mentions first,
/// other (uncurated) hardware last.
fn topic_groups(notes: &NotesRef, by: GroupBy) -> Vec<(String, Vec<TopicId>)> {
    let mut groups: Vec<(String, Vec<TopicId>)> = Vec::new();
    for (i, t) in notes.topics.iter().enumerate() {
        if t.meetings.is_empty() {
            continue;
        }
        let key = match (by, t.kind) {
            (_, TopicKind::Other) => "Other hardware".to_string(),
            (GroupBy::Vendor, _) => t.vendor.clone(),
            (GroupBy::Isa, _) => t.isa.label().to_string(),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, ids)) => ids.push(TopicId(i as u32)),
            None => groups.push((key, vec![TopicId(i as u32)])),
        }
    }
    let mut out = groups;
    let weight = |ids: &[TopicId]| ids.iter().map(|t| notes.topic(*t).meetings.len()).sum::<usize>();
    for (_, ids) in &mut out {
        crate::order::sort_by_rank(ids, |t| (-(notes.topic(*t).meetings.len() as i64), t.0 as i64));
    }
    // Other hardware last, then by mentions; ties keep first-mention order.
    crate::order::sort_by_rank(&mut out, |(name, ids)| {
        (
            i64::from(name == "Other hardware" || name == Isa::Other.label()),
            -(weight(ids) as i64),
        )
    });
    out
}

#[derive(Properties, PartialEq, Clone)]
struct PersonChipProps {
    notes: NotesRef,
    id: PersonId,
    meetings: usize,
    pressed: bool,
    dispatch: UseReducerDispatcher<State>,
}

/// A person toggle; a component so that unchanged chips skip rendering.
#[component]
fn PersonChip(props: &PersonChipProps) -> Html {
    let person = props.notes.person(props.id);
    let (d, id, n) = (props.dispatch.clone(), props.id, props.meetings);
    html! {
        <button type="button" class="chip person-chip" aria-pressed={props.pressed.to_string()} data-person={person.slug.clone()}
            title={format!(
                "{}: attended {}, hosted {}, {} recaps ({n} meetings in all)",
                person.display_name(),
                person.attended,
                person.hosted,
                person.recaps
            )}
            onclick={Callback::from(move |_| d.dispatch(Action::TogglePerson(id)))}>
            { avatar(person, 20) }
            <span class="chip-label">{ person.display_name().to_string() }</span>
            <span class="n">{ n }</span>
        </button>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct TopicChipProps {
    notes: NotesRef,
    id: TopicId,
    pressed: bool,
    dispatch: UseReducerDispatcher<State>,
}

#[component]
fn TopicChip(props: &TopicChipProps) -> Html {
    let topic = props.notes.topic(props.id);
    let (d, t) = (props.dispatch.clone(), props.id);
    let family = topic.kind == TopicKind::Family;
    html! {
        <button type="button" class={classes!("chip", "topic-chip", family.then_some("family"))}
            aria-pressed={props.pressed.to_string()} data-topic={topic.slug.clone()}
            title={format!("{} ({}, {}): {} meetings", topic.label, topic.kind.as_str(), topic.isa.label(), topic.meetings.len())}
            onclick={Callback::from(move |_| d.dispatch(Action::ToggleTopic(t)))}>
            <span class="chip-label">{ topic.label.clone() }</span>
            <span class="n">{ topic.meetings.len() }</span>
        </button>
    }
}
