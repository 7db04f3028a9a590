//! What a filter shows: OR within a facet, AND across facets, on bullets.

use notes::model::Notes;
use notes::parse::parse;
use notes::parse::SourceText;
use notes::query::{apply, from_query, term_ranges, to_query, Filter, UnitState};

use super::seed;

fn filter(notes: &Notes, query: &str) -> Filter {
    let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
    let (f, unknown) = from_query(notes, pairs);
    assert!(unknown.is_empty(), "{unknown:?}");
    f
}

fn dates(notes: &Notes, f: &Filter) -> Vec<String> {
    apply(notes, f)
        .meetings
        .iter()
        .map(|v| notes.meeting(v.meeting).date.to_string())
        .collect()
}

/// Search texts of the units shown as matches in the meeting on `date`.
fn matches(notes: &Notes, f: &Filter, date: &str) -> Vec<String> {
    let view = apply(notes, f);
    let mv = view
        .meetings
        .iter()
        .find(|v| notes.meeting(v.meeting).date.to_string() == date)
        .expect("meeting visible");
    let m = notes.meeting(mv.meeting);
    let states = mv.units.as_ref().unwrap();
    m.units
        .iter()
        .zip(states.iter())
        .filter(|(_, s)| **s == UnitState::Match)
        .map(|(u, _)| m.unit_text(u).to_string())
        .collect()
}

#[test]
fn no_filter_shows_every_meeting_whole() {
    let notes = seed();
    let view = apply(&notes, &Filter::default());
    assert_eq!(view.meetings.len(), 15);
    assert!(view.meetings.iter().all(|m| m.units.is_none()));
}

#[test]
fn a_person_shows_the_meetings_they_took_part_in_with_their_recap() {
    let notes = seed();
    let f = filter(&notes, "person=chiplet");
    assert_eq!(dates(&notes, &f), ["2024-01-09", "2024-04-02"]);
    let shown = matches(&notes, &f, "2024-04-02");
    assert_eq!(shown.len(), 2, "Verneri's bullet and its sub-bullet");
    assert!(shown[0].starts_with("reinstalled workstation os"));
    // Ron attended without a recap: the meeting still shows, with nothing matched.
    let ron = filter(&notes, "person=rminnich");
    assert_eq!(dates(&notes, &ron), ["2024-04-02"]);
}

#[test]
fn people_are_or_topics_are_or_and_facets_are_and() {
    let notes = seed();
    let both_people = dates(&notes, &filter(&notes, "person=chiplet,rminnich"));
    assert_eq!(both_people, ["2024-01-09", "2024-04-02"]);
    let two_topics = dates(&notes, &filter(&notes, "topic=rp2350&topic=th1520"));
    assert_eq!(two_topics, ["2024-01-23", "2024-02-06", "2024-08-20"]);
    // Daniel AND JH7110: only his bullets about it.
    let f = filter(&notes, "person=orangecms&topic=jh7110");
    assert_eq!(
        dates(&notes, &f),
        [
            "2024-01-09",
            "2024-01-23",
            "2024-02-06",
            "2024-04-02",
            "2024-05-28",
            "2024-08-06"
        ]
    );
    // The Milk-V Mars bullet (a JH7110 board), the JH7110 bullet and its three sub-bullets.
    assert_eq!(matches(&notes, &f, "2024-05-28").len(), 5);
    // Dennis never wrote about the JH7110 except the Framework board (Aug 6).
    let dennis = filter(&notes, "person=twelho&topic=jh7110");
    assert_eq!(dates(&notes, &dennis), ["2024-08-06"]);
}

#[test]
fn a_topic_shows_its_bullets_with_parents_as_context() {
    let notes = seed();
    let f = filter(&notes, "topic=rp2040");
    let view = apply(&notes, &f);
    assert_eq!(view.meetings.len(), 1);
    let mv = &view.meetings[0];
    let m = notes.meeting(mv.meeting);
    let states = mv.units.as_ref().unwrap();
    let state_of = |prefix: &str| {
        let i = m.units.iter().position(|u| m.unit_text(u).starts_with(prefix)).unwrap();
        states[i]
    };
    assert_eq!(state_of("still no clock input"), UnitState::Match);
    assert_eq!(state_of("beefier and (officially) faster pio"), UnitState::Context);
    assert_eq!(state_of("raspberry pi pico 2 with rp2350"), UnitState::Context);
    assert_eq!(state_of("new sata cables"), UnitState::Hidden);
}

#[test]
fn a_family_finds_its_members_mentions() {
    let notes = seed();
    let family = dates(&notes, &filter(&notes, "topic=sg200x"));
    assert_eq!(family, ["2024-04-30", "2024-05-14", "2024-05-28"]);
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let notes = seed();
    let f = Filter {
        text: "DRAM  training".into(),
        ..Filter::default()
    };
    assert_eq!(dates(&notes, &f), ["2024-08-06", "2024-08-20"]);
    let names = parse(&[SourceText {
        name: "a.md",
        text: "# T\n\n# August 20, 2024\n\n- Lucas Käldström joined\n",
    }]);
    let folded = Filter {
        text: "kaldstrom".into(),
        ..Filter::default()
    };
    assert_eq!(dates(&names, &folded), ["2024-08-20"]);
    assert_eq!(term_ranges("Lucas Käldström joined", &folded.search_terms()), [(6, 17)]);
}

#[test]
fn skipped_and_planned_meetings_disappear_under_any_filter() {
    let notes = seed();
    let f = filter(&notes, "person=twelho");
    let shown = dates(&notes, &f);
    assert!(!shown.contains(&"2024-03-19".to_string()));
    assert!(!shown.contains(&"2024-09-03".to_string()), "planned: no notes yet");
}

#[test]
fn the_filter_round_trips_through_the_url_and_reports_unknown_names() {
    let notes = seed();
    let f = filter(&notes, "person=orangecms&topic=jh7110&q=dram");
    let pairs = to_query(&notes, &f);
    assert_eq!(
        pairs,
        [
            ("person", "orangecms".to_string()),
            ("topic", "jh7110".to_string()),
            ("q", "dram".to_string())
        ]
    );
    let (_, unknown) = from_query(&notes, [("person", "nobody"), ("topic", "z80")]);
    assert_eq!(unknown, ["person \"nobody\"", "topic \"z80\""]);
}

/// A match's sub-bullets are its detail, a match below that detail stays a
/// match, and two matches under one bullet make it context once.
#[test]
fn matches_nest_under_matches_and_share_their_context() {
    let text = "# May 2, 2023 4:00 PM UTC\n\n## Updates\n\n\
- Cabling plan\n  - fan curve one\n  - fan curve two\n\
- Fan shroud printed\n  - airflow measured\n    - fan noise lower\n  - nothing else\n\
- Unrelated bullet\n";
    let notes = parse(&[SourceText { name: "2023.md", text }]);
    let f = Filter {
        text: "fan".into(),
        ..Filter::default()
    };
    let view = apply(&notes, &f);
    let mv = &view.meetings[0];
    let m = notes.meeting(mv.meeting);
    let states = mv.units.as_ref().unwrap();
    let state_of = |text: &str| {
        let i = m.units.iter().position(|u| m.unit_text(u) == text).unwrap();
        states[i]
    };
    assert_eq!(state_of("cabling plan"), UnitState::Context);
    assert_eq!(state_of("fan curve one"), UnitState::Match);
    assert_eq!(state_of("fan curve two"), UnitState::Match);
    assert_eq!(state_of("fan shroud printed"), UnitState::Match);
    assert_eq!(state_of("airflow measured"), UnitState::Inside);
    assert_eq!(state_of("fan noise lower"), UnitState::Match);
    assert_eq!(state_of("nothing else"), UnitState::Inside);
    assert_eq!(state_of("unrelated bullet"), UnitState::Hidden);
}
