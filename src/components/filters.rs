//! The filter controls: search, person chips and hardware-topic chips.
//! Chips are toggle buttons (`aria-pressed`); everything works from the
//! keyboard. With years of notes the hardware facet holds hundreds of
//! topics, so it opens on the most mentioned ones, has a box that narrows
//! it by name or alias ("pi 4" finds Raspberry Pi 4), and shows the rest,
//! grouped by vendor or ISA, on request.

use notes::model::{PersonId, TopicId, TopicKind};
use notes::query::Filter;
use yew::prelude::*;

use super::people::avatar;
use crate::context::use_app;
use crate::state::{Action, GroupBy};

/// Topics shown before "Show all".
const TOP_TOPICS: usize = 16;

#[derive(Properties, PartialEq, Clone)]
pub struct FilterPanelProps {
    pub filter: Filter,
    pub group_by: GroupBy,
    pub search_ref: NodeRef,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let app = use_app();
    let oninput = app.action(|e: InputEvent| {
        let value = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        Action::SetText(value)
    });
    let onkeydown = {
        let d = app.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                d.dispatch(Action::SetText(String::new()));
            }
        })
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
            <PeopleFacet selected={props.filter.people.iter().copied().collect::<Vec<_>>()} />
            <TopicFacet selected={props.filter.topics.iter().copied().collect::<Vec<_>>()} group_by={props.group_by} />
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct PeopleFacetProps {
    selected: Vec<PersonId>,
}

#[component]
fn PeopleFacet(props: &PeopleFacetProps) -> Html {
    let app = use_app();
    html! {
        <fieldset class="facet people">
            <legend>{ "People" }</legend>
            <div class="chips">
                { for app.notes.index().people.iter().map(|(p, n)| html! {
                    <PersonChip key={p.0} id={*p} meetings={*n} pressed={props.selected.contains(p)} />
                }) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct TopicFacetProps {
    selected: Vec<TopicId>,
    group_by: GroupBy,
}

#[component]
fn TopicFacet(props: &TopicFacetProps) -> Html {
    let app = use_app();
    let notes = &app.notes;
    let index = notes.index();
    let query = use_state(String::new);
    let show_all = use_state(|| false);
    let total = index.topics_ranked.len();
    let n_selected = props.selected.len();

    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    // Opens when a topic gets selected (from a link, the chart, a chip);
    // never closes by itself, so clearing the filters keeps the list open
    // for the next choice.
    let details = use_node_ref();
    {
        let details = details.clone();
        use_effect_with(n_selected > 0, move |selected| {
            if let (true, Some(d)) = (*selected, details.cast::<web_sys::HtmlDetailsElement>()) {
                d.set_open(true);
            }
        });
    }
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let group_button = |g: GroupBy, label: &'static str| {
        let onclick = app.action(move |_: MouseEvent| Action::SetGroupBy(g));
        html! { <button type="button" aria-pressed={(props.group_by == g).to_string()} {onclick}>{ label }</button> }
    };
    let chip = |t: &TopicId| html! { <TopicChip key={t.0} id={*t} pressed={props.selected.contains(t)} /> };

    let searching = !query.trim().is_empty();
    let matches: Vec<TopicId> = if searching {
        index
            .topics_ranked
            .iter()
            .copied()
            .filter(|t| notes::taxonomy::topic_matches(notes.topic(*t), &query))
            .collect()
    } else {
        Vec::new()
    };
    let body = if searching || *show_all {
        let groups = match props.group_by {
            GroupBy::Vendor => &index.by_vendor,
            GroupBy::Isa => &index.by_isa,
        };
        let visible = |t: &TopicId| !searching || matches.contains(t);
        html! {
            <>
                if searching && matches.is_empty() {
                    <p class="facet-empty" role="status">{ format!("No hardware in these notes matches “{}”.", query.trim()) }</p>
                }
                { for groups.iter().filter(|g| g.topics.iter().any(visible)).map(|g| html! {
                    <div class="topic-group" role="group" aria-label={g.name.clone()}>
                        <span class="group-name">{ g.name.clone() }</span>
                        <div class="chips">{ for g.topics.iter().filter(|t| visible(t)).map(chip) }</div>
                    </div>
                }) }
            </>
        }
    } else {
        // The most mentioned, and whatever is selected beyond them.
        let top: Vec<TopicId> = index
            .topics_ranked
            .iter()
            .enumerate()
            .filter(|(i, t)| *i < TOP_TOPICS || props.selected.contains(t))
            .map(|(_, t)| *t)
            .collect();
        html! {
            <div class="topic-group" role="group" aria-label="Most mentioned">
                <span class="group-name">{ "Most mentioned" }</span>
                <div class="chips">{ for top.iter().map(chip) }</div>
            </div>
        }
    };

    html! {
        <details class="facet topics" ref={details}>
            <summary>
                { format!("Hardware ({total})") }
                if n_selected > 0 { <span class="selected-n">{ format!(" · {n_selected} selected") }</span> }
            </summary>
            <div class="facet-tools">
                <label for="topic-filter" class="visually-hidden">{ "Find hardware" }</label>
                <input id="topic-filter" type="search" placeholder="Find hardware, e.g. pi 4" autocomplete="off"
                    spellcheck="false" value={(*query).clone()} oninput={on_query} />
                <div class="group-by" role="group" aria-label="Group hardware by">
                    <span>{ "Group by" }</span>
                    { group_button(GroupBy::Vendor, "Vendor") }
                    { group_button(GroupBy::Isa, "ISA") }
                </div>
            </div>
            { body }
            if !searching && total > TOP_TOPICS {
                <button type="button" class="link-button show-all" aria-expanded={show_all.to_string()} onclick={on_show_all}>
                    { if *show_all { "Show the most mentioned".to_string() } else { format!("Show all {total}") } }
                </button>
            }
        </details>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct PersonChipProps {
    id: PersonId,
    meetings: u32,
    pressed: bool,
}

/// A person toggle; a component so that unchanged chips skip rendering.
#[component]
fn PersonChip(props: &PersonChipProps) -> Html {
    let app = use_app();
    let person = app.notes.person(props.id);
    let id = props.id;
    let n = props.meetings;
    html! {
        <button type="button" class="chip person-chip" aria-pressed={props.pressed.to_string()} data-person={person.slug.clone()}
            title={format!(
                "{}: attended {}, hosted {}, {} recaps ({n} meetings in all)",
                person.display_name(),
                person.attended,
                person.hosted,
                person.recaps
            )}
            onclick={app.action(move |_: MouseEvent| Action::TogglePerson(id))}>
            { avatar(person, 20) }
            <span class="chip-label">{ person.display_name().to_string() }</span>
            <span class="n">{ n }</span>
        </button>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct TopicChipProps {
    id: TopicId,
    pressed: bool,
}

#[component]
fn TopicChip(props: &TopicChipProps) -> Html {
    let app = use_app();
    let topic = app.notes.topic(props.id);
    let t = props.id;
    let family = topic.kind == TopicKind::Family;
    html! {
        <button type="button" class={classes!("chip", "topic-chip", family.then_some("family"))}
            aria-pressed={props.pressed.to_string()} data-topic={topic.slug.clone()}
            title={format!("{} ({}, {}): {}", topic.label, topic.kind.as_str(), topic.isa.label(), super::counted(topic.meetings.len(), "meeting"))}
            onclick={app.action(move |_: MouseEvent| Action::ToggleTopic(t))}>
            <span class="chip-label">{ topic.label.clone() }</span>
            <span class="n">{ topic.meetings.len() }</span>
        </button>
    }
}
