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
    // The closure by topic id: a unit's topics are looked up, not searched.
    let mut wanted = vec![false; notes.topics.len()];
    for t in &topics {
        wanted[t.0 as usize] = true;
    }
    let wanted = (!topics.is_empty()).then_some(&wanted[..]);
    // One buffer for every meeting's states: each meeting's view then
    // takes one exactly sized copy.
    let mut states = Vec::new();
    let meetings = notes
        .meetings
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let any = may_match(m, filter, wanted) && unit_states(m, filter, wanted, &terms, &mut states);
            let attended_only = !any
                && filter.topics.is_empty()
                && terms.is_empty()
                && m.status == MeetingStatus::Held
                && filter.people.iter().any(|p| m.involves(*p));
            if !any {
                // Shown for attendance alone: nothing of its notes.
                states.clear();
                states.resize(m.units.len(), UnitState::Hidden);
            }
            (any || attended_only).then(|| MeetingView {
                meeting: MeetingId(i as u32),
                units: Some(states[..].into()),
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

/// Whether any unit of `m` can match, by what the meeting holds: a unit's
/// topics are among the meeting's, and a unit is by someone only in their
/// recap. Most meetings fail a person's or a topic's filter here.
fn may_match(m: &Meeting, filter: &Filter, wanted: Option<&[bool]>) -> bool {
    let topic_ok = wanted.is_none_or(|w| m.topics.iter().any(|t| w[t.0 as usize]));
    let person_ok = filter.people.is_empty() || filter.people.iter().any(|p| m.recaps.iter().any(|r| r.by(*p)));
    topic_ok && person_ok
}

/// Each unit's state into `states`; true if any unit matches.
fn unit_states(
    m: &Meeting,
    filter: &Filter,
    wanted: Option<&[bool]>,
    terms: &[String],
    states: &mut Vec<UnitState>,
) -> bool {
    states.clear();
    let mut any = false;
    for u in &m.units {
        // Topic mentions carry down to sub-bullets: the detail under
        // "JH7110" is about the JH7110. The parent came first, and in this
        // pass its state is `Hidden` only if its topics did not match.
        let topic_ok = wanted.is_none_or(|w| {
            u.topics.iter().any(|t| w[t.0 as usize])
                || u.parent.is_some_and(|p| states[p.0 as usize] != UnitState::Hidden)
        });
        let person_ok = filter.people.is_empty() || filter.people.iter().any(|p| u.by(*p));
        let text_ok = terms.iter().all(|t| m.unit_text(u).contains(t.as_str()));
        states.push(if person_ok && topic_ok && text_ok {
            any = true;
            UnitState::Match
        } else if topic_ok {
            // Not shown, but its children inherit the topic: marked
            // `Inside` for now, made `Hidden` below.
            UnitState::Inside
        } else {
            UnitState::Hidden
        });
    }
    if !any {
        return false;
    }
    for i in 0..states.len() {
        let parent = m.units[i].parent.map(|p| p.0 as usize);
        if states[i] == UnitState::Match {
            // Its hidden ancestors become context, up to one already
            // marked (its own ancestors are marked then).
            let mut p = parent;
            while let Some(pi) = p {
                match states[pi] {
                    UnitState::Context | UnitState::Match => break,
                    UnitState::Hidden => states[pi] = UnitState::Context,
                    UnitState::Inside => {}
                }
                p = m.units[pi].parent.map(|p| p.0 as usize);
            }
        } else {
            // Parents come before children, so their state is final here.
            let inside = parent.is_some_and(|p| matches!(states[p], UnitState::Match | UnitState::Inside));
            states[i] = if inside { UnitState::Inside } else { UnitState::Hidden };
        }
    }
    true
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
