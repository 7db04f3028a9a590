//! What a filter shows. OR within a facet (any selected person, any
//! selected topic), AND across facets (person and topic and search text).
//! Filtering works on units (bullets, paragraphs): a matching unit is shown
//! with its ancestors as context and its descendants as detail; a meeting
//! with nothing left is hidden.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::model::{Meeting, MeetingId, MeetingStatus, Notes, PersonId, TopicId};
use crate::words::{fold, fold_with_map};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub people: BTreeSet<PersonId>,
    pub topics: BTreeSet<TopicId>,
    /// Search text as typed.
    pub text: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.people.is_empty() || !self.topics.is_empty() || !self.search_terms().is_empty()
    }

    /// Folded, whitespace-separated terms; all must occur in a unit.
    pub fn search_terms(&self) -> Vec<String> {
        fold(&self.text).split_whitespace().map(str::to_string).collect()
    }

    /// The selected topics and every topic below them (a SoC's boards), so
    /// selecting a family finds its members' mentions too.
    pub fn topic_closure(&self, notes: &Notes) -> BTreeSet<TopicId> {
        // Inserted in order rather than collected: collecting sorts, and
        // the sort would be code of its own in the wasm.
        let mut closure = BTreeSet::new();
        for t in (0..notes.topics.len() as u32).map(TopicId) {
            if self.topics.contains(&t) || notes.ancestors(t).any(|a| self.topics.contains(&a)) {
                closure.insert(t);
            }
        }
        closure
    }
}

/// How a unit shows under the current filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitState {
    Hidden,
    /// An ancestor of a match, shown for context.
    Context,
    /// Matches the filter: highlighted.
    Match,
    /// Below a match, shown as its detail.
    Inside,
}

impl UnitState {
    pub fn is_shown(self) -> bool {
        self != UnitState::Hidden
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingView {
    pub meeting: MeetingId,
    /// Per unit, when a filter is active; `None` shows everything.
    pub units: Option<Rc<[UnitState]>>,
    /// The selected people who took part in a meeting where nothing of
    /// theirs matched (it is shown for their attendance alone).
    pub took_part: Vec<PersonId>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    /// Visible meetings in date order, oldest first.
    pub meetings: Vec<MeetingView>,
    /// Meetings loaded in total.
    pub total: usize,
    pub terms: Vec<String>,
    /// Topics to highlight (the selection and what lies below it).
    pub highlight_topics: BTreeSet<TopicId>,
}

pub fn apply(notes: &Notes, filter: &Filter) -> View {
    let terms = filter.search_terms();
    let total = notes.meetings.len();
    if !filter.is_active() {
        return View {
            meetings: (0..total as u32)
                .map(|meeting| MeetingView {
                    meeting: MeetingId(meeting),
                    units: None,
                    took_part: Vec::new(),
                })
                .collect(),
            total,
            terms,
            highlight_topics: BTreeSet::new(),
        };
    }
    let topics = filter.topic_closure(notes);
    let meetings = notes
        .meetings
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            // A unit's text is part of its meeting's: a meeting without a
            // word searched for has no unit to match (nor is it shown for
            // attendance under a search).
            if !terms.iter().all(|t| m.search_text.contains(t.as_str())) {
                return None;
            }
            let units = unit_states(m, filter, &topics, &terms);
            let any = units.contains(&UnitState::Match);
            let attended_only = !any
                && filter.topics.is_empty()
                && terms.is_empty()
                && m.status == MeetingStatus::Held
                && filter.people.iter().any(|p| m.involves(*p));
            (any || attended_only).then(|| MeetingView {
                meeting: MeetingId(i as u32),
                units: Some(units.into()),
                took_part: if attended_only {
                    filter.people.iter().copied().filter(|p| m.involves(*p)).collect()
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    View {
        meetings,
        total,
        terms,
        highlight_topics: topics,
    }
}

fn unit_states(m: &Meeting, filter: &Filter, topics: &BTreeSet<TopicId>, terms: &[String]) -> Vec<UnitState> {
    let n = m.units.len();
    // Topic mentions carry down to sub-bullets: the detail under "JH7110"
    // is about the JH7110.
    let mut topic_ok = vec![topics.is_empty(); n];
    let mut matched = vec![false; n];
    for (i, u) in m.units.iter().enumerate() {
        if !topics.is_empty() {
            topic_ok[i] =
                u.topics.iter().any(|t| topics.contains(t)) || u.parent.is_some_and(|p| topic_ok[p.0 as usize]);
        }
        let person_ok = filter.people.is_empty() || filter.people.iter().any(|p| u.by(*p));
        let text_ok = terms.iter().all(|t| m.unit_text(u).contains(t.as_str()));
        matched[i] = person_ok && topic_ok[i] && text_ok;
    }
    let mut states = vec![UnitState::Hidden; n];
    for i in 0..n {
        if matched[i] {
            states[i] = UnitState::Match;
            let mut p = m.units[i].parent;
            while let Some(pi) = p {
                let s = &mut states[pi.0 as usize];
                if *s == UnitState::Hidden {
                    *s = UnitState::Context;
                }
                p = m.units[pi.0 as usize].parent;
            }
        } else if let Some(p) = m.units[i].parent {
            // Parents come before children, so their state is final here.
            if matches!(states[p.0 as usize], UnitState::Match | UnitState::Inside) {
                states[i] = UnitState::Inside;
            }
        }
    }
    states
}

/// Byte ranges of `text` where any of the folded `terms` occur.
pub fn term_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    FoldedText::new(text).ranges(terms)
}

/// A text folded once for search, so that highlighting it again for the
/// next keystroke's terms does not fold it again.
#[derive(Debug, Clone)]
pub struct FoldedText {
    text: String,
    folded: String,
    /// Per byte of `folded`, the byte of `text` it came from.
    map: Vec<usize>,
}

impl FoldedText {
    pub fn new(text: &str) -> FoldedText {
        let (folded, map) = fold_with_map(text);
        FoldedText {
            text: text.to_string(),
            folded,
            map,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// What [`term_ranges`] gives for this text.
    pub fn ranges(&self, terms: &[String]) -> Vec<(usize, usize)> {
        let (text, folded, map) = (&self.text, &self.folded, &self.map);
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for term in terms.iter().filter(|t| !t.is_empty()) {
            let mut from = 0;
            while let Some(pos) = folded[from..].find(term.as_str()) {
                let start = from + pos;
                let end = start + term.len();
                // End after the source character holding the last matched byte:
                // "a" in "æ" (folded "ae") highlights the "æ", not nothing.
                let last = map[end - 1];
                ranges.push((map[start], last + text[last..].chars().next().map_or(0, char::len_utf8)));
                from = end;
            }
        }
        merge_ranges(ranges)
    }
}

fn merge_ranges(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    crate::order::sort_by_rank(&mut ranges, |(s, e)| (*s as i64, *e as i64));
    // Merge overlaps so each character is highlighted once.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The filter as URL query pairs: `person`, `topic` (repeatable) and `q`.
pub fn to_query(notes: &Notes, filter: &Filter) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    for p in &filter.people {
        pairs.push(("person", notes.person(*p).slug.clone()));
    }
    for t in &filter.topics {
        pairs.push(("topic", notes.topic(*t).slug.clone()));
    }
    if !filter.text.trim().is_empty() {
        pairs.push(("q", filter.text.clone()));
    }
    pairs
}

/// Reads a filter from URL query pairs. `person` and `topic` may repeat or
/// hold comma-separated values; names that match nothing are returned so
/// the page can say so instead of silently showing everything.
pub fn from_query<'a>(notes: &Notes, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Filter, Vec<String>) {
    let mut filter = Filter::default();
    let mut unknown = Vec::new();
    for (key, value) in pairs {
        match key {
            "person" | "topic" => {
                for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                    let found = if key == "person" {
                        notes
                            .person_by_slug(v.trim_start_matches('@'))
                            .map(|p| filter.people.insert(p))
                    } else {
                        notes.topic_by_slug(v).map(|t| filter.topics.insert(t))
                    };
                    if found.is_none() {
                        unknown.push(format!("{key} \"{v}\""));
                    }
                }
            }
            "q" => filter.text = value.to_string(),
            _ => {}
        }
    }
    (filter, unknown)
}
