//! Synthetic Racklet meeting notes: deterministic multi-year archives in
//! the Markdown conventions of the real notes, with the drift real years
//! have, together with the facts a correct parser must find in them.
//!
//! - [`archive`] writes an archive of [`Options::years`] calendar years: a
//!   meeting every other Tuesday (newest first in one document, or one
//!   document per year like the racklet/meeting-notes repository), and
//!   returns what was generated ([`MeetingFacts`], [`PersonFacts`]) so
//!   tests can compare the parser's model with the truth.
//! - [`document`] writes a small document (one to eight meetings) with the
//!   same drift plus noise, for property tests:
//!   `any::<u64>().prop_map(synth::document)`.
//!
//! Each year picks its conventions the way the real notes drifted: early
//! years wrote `## Notes` with topic groups or `- Name:` recap bullets,
//! `**Host:**` lines without the `:::info` container and times in CET/CEST;
//! later years the 2024 format. People join and leave, hosts rotate, one
//! person renames their GitHub handle halfway through, meetings are skipped
//! over holidays, and the newest one is planned. Only shapes the parser
//! documents are written, so the facts are exact.
//!
//! The same options always give the same bytes: a seeded SplitMix64 (one
//! stream per meeting and purpose), integer date arithmetic, no clock, no
//! locale and no hash-map order. No dependencies.

mod date;
mod noise;
mod people;
mod plan;
mod prose;
mod render;
mod rng;
mod style;
mod vocab;

pub use date::Date;

use render::{Rendered, Writer};

/// What became of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Held,
    /// The info block says "No meeting …".
    Skipped,
    /// The newest meeting: a host, no participants, no notes yet.
    Planned,
}

impl Status {
    /// `held`, `skipped` or `planned`, as the parser's model spells them.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Skipped => "skipped",
            Status::Planned => "planned",
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Calendar years covered, ending with `end_year` (0 counts as 1).
    pub years: u32,
    pub end_year: i32,
    pub seed: u64,
    /// One document per year (`2021.md`, …, `README.md` for the newest)
    /// instead of one document.
    pub split: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            years: 10,
            end_year: 2024,
            seed: 1,
            split: false,
        }
    }
}

/// A generated archive: its documents and what is in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// One document, or one per year from the oldest to the newest.
    pub documents: Vec<Document>,
    /// Every meeting heading in the documents, oldest first (the order the
    /// parser sorts meetings in).
    pub meetings: Vec<MeetingFacts>,
    /// Everyone named in a Host or Participants field, in roster order.
    pub people: Vec<PersonFacts>,
}

impl Archive {
    /// Each document's name and text, as a parser takes them.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.documents.iter().map(|d| (d.name.as_str(), d.text.as_str()))
    }
}

/// A Markdown document and its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
}

/// One meeting as generated: what a correct parser must find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub date: Date,
    /// Index into [`Archive::documents`].
    pub document: usize,
    pub status: Status,
    /// Person slugs (see [`PersonFacts::slug`]), in the order written.
    pub hosts: Vec<String>,
    /// Person slugs, in the order written.
    pub participants: Vec<String>,
    /// Recaps in the order written, one per person.
    pub recaps: Vec<RecapFacts>,
    /// The start in UTC as (hour, minute), when the heading has a time.
    pub utc_time: Option<(u32, u32)>,
}

/// One person's recap in a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapFacts {
    /// The person's slug.
    pub person: String,
    /// Top-level bullets of the recap (nested bullets are not counted).
    pub items: u32,
}

/// One person as the parser should merge them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacts {
    /// The latest GitHub handle, lowercased; for people without one, their
    /// name in lowercase words joined by `-` (`mikko-laine`).
    pub slug: String,
    pub name: String,
    /// Every handle written for them, the one used longest ago first.
    pub handles: Vec<String>,
}

/// Writes an archive. See the crate docs for what is in it.
pub fn archive(opts: &Options) -> Archive {
    let years = opts.years.max(1);
    let start_year = opts.end_year - years as i32 + 1;
    let plan = plan::archive(years, opts.end_year, opts.seed);
    let mut writer = Writer::new(&plan, 0.0);
    // Each meeting draws from its own streams, so rendering order does
    // not change the text.
    let rendered: Vec<Rendered> = plan.meetings.iter().map(|m| writer.meeting(m)).collect();

    // Slugs as the parser makes them: the handle seen latest, else the name.
    let slugs: Vec<String> = (0..people::ROSTER.len())
        .map(|p| match writer.handles[p].iter().max_by_key(|(_, date)| *date) {
            Some((h, _)) => h.to_ascii_lowercase(),
            None => people::name_slug(people::ROSTER[p].name),
        })
        .collect();

    let mut documents = Vec::new();
    let mut doc_of = vec![0; plan.meetings.len()];
    if opts.split {
        for k in 0..years {
            let year = start_year + k as i32;
            let newest = k + 1 == years;
            let name = if newest {
                "README.md".to_string()
            } else {
                format!("{year}.md")
            };
            let mut indices: Vec<usize> = (0..plan.meetings.len())
                .filter(|&i| plan.meetings[i].date.year == year)
                .collect();
            for &i in &indices {
                doc_of[i] = documents.len();
            }
            let style = &plan.styles[k as usize];
            if style.newest_first {
                indices.reverse();
            }
            let title = format!("# Racklet Community Meeting Notes {year}");
            let latest = plan.meetings.iter().rfind(|m| m.date.year == year);
            let text = document_text(&title, latest, style.badge, opts, &indices, &rendered);
            documents.push(Document { name, text });
        }
    } else {
        let span = if years == 1 {
            opts.end_year.to_string()
        } else {
            format!("{start_year}–{}", opts.end_year)
        };
        let name = if years == 1 {
            format!("racklet-{}.md", opts.end_year)
        } else {
            format!("racklet-{start_year}-{}.md", opts.end_year)
        };
        let title = format!("# Racklet Community Meeting Notes {span}");
        let indices: Vec<usize> = (0..plan.meetings.len()).rev().collect();
        let text = document_text(&title, plan.meetings.last(), true, opts, &indices, &rendered);
        documents.push(Document { name, text });
    }

    let meetings = plan
        .meetings
        .iter()
        .zip(&rendered)
        .zip(&doc_of)
        .map(|((m, r), &document)| MeetingFacts {
            date: m.date,
            document,
            status: m.status,
            hosts: m.hosts.iter().map(|&p| slugs[p].clone()).collect(),
            participants: m.participants.iter().map(|&p| slugs[p].clone()).collect(),
            recaps: r
                .recaps
                .iter()
                .map(|&(p, items)| RecapFacts {
                    person: slugs[p].clone(),
                    items,
                })
                .collect(),
            utc_time: m.time.map(|t| t.utc(m.date)),
        })
        .collect();

    let people = (0..people::ROSTER.len())
        .filter(|&p| writer.named[p])
        .map(|p| {
            let mut handles = writer.handles[p].clone();
            handles.sort_by_key(|(_, date)| *date);
            PersonFacts {
                slug: slugs[p].clone(),
                name: people::ROSTER[p].name.to_string(),
                handles: handles.into_iter().map(|(h, _)| h.to_string()).collect(),
            }
        })
        .collect();

    Archive {
        documents,
        meetings,
        people,
    }
}

/// A document: title, intro, and the given meetings in the given order.
fn document_text(
    title: &str,
    latest: Option<&plan::Meeting>,
    badge: bool,
    opts: &Options,
    order: &[usize],
    rendered: &[Rendered],
) -> String {
    let mut lines: Vec<String> = vec![title.to_string(), String::new()];
    let when = match latest.and_then(|m| m.time) {
        Some(slot) => format!(" at {} (on **even** weeks)", slot.intro_link()),
        None => String::new(),
    };
    lines.push(format!(
        "This document contains the notes of the [Racklet](https://github.com/racklet/) community meeting. \
         The meeting occurs every other Tuesday{when}. Check the [#racklet](https://osfw.slack.com/messages/racklet/) \
         channel on the OSFW Slack for more info."
    ));
    lines.push(String::new());
    lines.push(format!(
        "These notes are **synthetic**, written by the `synth` crate (seed {}, {} years up to {}): \
         the people, links and events in them are made up.",
        opts.seed,
        opts.years.max(1),
        opts.end_year
    ));
    lines.push(String::new());
    if badge {
        let id = rng::Rng::new(opts.seed, title).alnum(22);
        lines.push(format!(
            "This document is best viewed and edited online: \
             [![hackmd-github-sync-badge](https://hackmd.io/{id}/badge)](https://hackmd.io/{id})"
        ));
        lines.push(String::new());
    }
    lines.push("[TOC]".to_string());
    lines.push(String::new());
    for &i in order {
        lines.extend(rendered[i].lines.iter().cloned());
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// A small random document (one to eight meetings) with the drift of the
/// archives plus noise: odd spacing, CRLF line endings, empty sections,
/// unknown info fields, tables, code blocks, task lists, emoji shortcodes,
/// bare URLs. Every seed gives a document with at least one meeting.
pub fn document(seed: u64) -> String {
    noise::document(seed)
}
