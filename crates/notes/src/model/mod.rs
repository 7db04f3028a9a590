//! Plain data for parsed meeting notes: documents, meetings, people, topics
//! and links, with typed ids. Nothing here knows about the browser; the
//! parser builds these values once and everything else only reads them.

mod content;
pub mod datefmt;
mod time;

pub use content::{Block, Inline, Item, LinkTarget, Mention, MentionRun, Piece};
pub use time::{MeetingTime, Zone};

use std::rc::Rc;

use chrono::NaiveDate;

/// A meeting's place in [`Notes::meetings`] (date order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeetingId(pub u32);

/// Index of a person in [`Notes::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(pub u32);

/// Index of a topic in [`Notes::topics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(pub u32);

/// Index of a source document in [`Notes::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub u32);

/// Index of a filterable unit (a bullet, paragraph, code block or table)
/// inside one meeting's [`Meeting::units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

/// Everything loaded: one or more documents merged into one timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notes {
    pub sources: Vec<Source>,
    /// In date order, oldest first; ties keep document order.
    pub meetings: Vec<Meeting>,
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    /// Headings that look like meetings but could not be placed on the
    /// timeline, with their content, so nothing a note-taker wrote is lost.
    pub unplaced: Vec<Unplaced>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Notes {
    pub fn meeting(&self, id: MeetingId) -> &Meeting {
        &self.meetings[id.0 as usize]
    }

    /// Every meeting with its id, in date order.
    pub fn meeting_ids(&self) -> impl DoubleEndedIterator<Item = (MeetingId, &Meeting)> + '_ {
        self.meetings.iter().enumerate().map(|(i, m)| (MeetingId(i as u32), m))
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.people[id.0 as usize]
    }

    pub fn topic(&self, id: TopicId) -> &Topic {
        &self.topics[id.0 as usize]
    }

    pub fn person_by_slug(&self, slug: &str) -> Option<PersonId> {
        self.people
            .iter()
            .position(|p| p.slug.eq_ignore_ascii_case(slug) || p.handles.iter().any(|h| h.eq_ignore_ascii_case(slug)))
            .map(|i| PersonId(i as u32))
    }

    pub fn topic_by_slug(&self, slug: &str) -> Option<TopicId> {
        self.topics
            .iter()
            .position(|t| t.slug.eq_ignore_ascii_case(slug))
            .map(|i| TopicId(i as u32))
    }

    /// Every topic above `id` (its SoC, its family), without repeats.
    pub fn ancestors(&self, id: TopicId) -> impl Iterator<Item = TopicId> + '_ {
        let mut stack: Vec<TopicId> = self.topic(id).parents.clone();
        let mut seen: Vec<TopicId> = Vec::new();
        std::iter::from_fn(move || {
            while let Some(t) = stack.pop() {
                if !seen.contains(&t) {
                    seen.push(t);
                    stack.extend(self.topic(t).parents.iter().copied());
                    return Some(t);
                }
            }
            None
        })
    }
}

/// One loaded document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    /// Where it came from: a file name, a URL or "built-in".
    pub name: String,
    pub title: String,
    /// Paragraphs between the title and the first meeting.
    pub intro: Vec<Block>,
    /// The HackMD page the document syncs with, from its sync badge.
    pub hackmd_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingStatus {
    Held,
    /// The info block says there was no meeting.
    Skipped,
    /// No participants and no notes yet.
    Planned,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Skipped => "skipped",
            MeetingStatus::Planned => "planned",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub source: SourceId,
    /// Line of the meeting heading in its source (1-based).
    pub line: u32,
    pub heading: String,
    pub date: NaiveDate,
    /// Unique within the loaded notes, e.g. `2024-08-20` (or `2024-08-20-2`
    /// when two documents hold the same date); used as the HTML anchor.
    pub anchor: String,
    pub time: Option<MeetingTime>,
    pub status: MeetingStatus,
    /// Why there was no meeting, as written ("No meeting until August").
    pub status_note: Option<String>,
    /// Location field content (links and their sub-bullets).
    pub location: Vec<Inline>,
    pub location_notes: Vec<Block>,
    /// The URLs (or plain text) of the locations, for export.
    pub locations: Vec<String>,
    /// Remark after the date in the info block ("note the updated time!").
    pub date_remark: Vec<Inline>,
    pub hosts: Vec<PersonId>,
    pub participants: Vec<Participant>,
    /// An agenda list inside the info block.
    pub agenda: Vec<Block>,
    /// Info fields we do not know, kept as written.
    pub extra_info: Vec<Block>,
    pub sections: Vec<Section>,
    /// Flat table of the filterable units in this meeting, in document order.
    pub units: Vec<Unit>,
    /// The folded text of every unit, one after another: one string a
    /// meeting rather than one a unit (a tenth of a parse's allocations).
    pub search_text: String,
    /// Links in the info block (location, agenda): target and link text.
    pub info_links: Vec<(Rc<LinkTarget>, String)>,
    /// One entry per person with a recap, in order of first appearance.
    pub recaps: Vec<RecapSummary>,
    /// Topics mentioned anywhere in the meeting (with their families).
    pub topics: Vec<TopicId>,
}

impl Meeting {
    /// A unit's own text, case- and accent-folded, for search.
    pub fn unit_text(&self, unit: &Unit) -> &str {
        &self.search_text[unit.search.start as usize..unit.search.end as usize]
    }

    /// Whether the person attended, hosted or sent a recap.
    pub fn involves(&self, person: PersonId) -> bool {
        self.participants.iter().any(|p| p.person == person)
            || self.hosts.contains(&person)
            || self.recaps.iter().any(|r| r.by(person))
    }

    /// All links in the meeting, info block first, with the unit they sit
    /// in (none for the info block) and their text.
    pub fn links(&self) -> impl Iterator<Item = (Option<UnitId>, &LinkTarget, &str)> + '_ {
        let info = self.info_links.iter().map(|(t, text)| (None, &**t, text.as_str()));
        let units = self.units.iter().enumerate().flat_map(|(i, unit)| {
            unit.links
                .iter()
                .map(move |(target, text)| (Some(UnitId(i as u32)), &**target, text.as_str()))
        });
        info.chain(units)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub person: PersonId,
    pub name: Option<String>,
    pub handle: Option<String>,
    /// What the list says of them besides their name ("guest", "async").
    pub remark: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Recap,
    Discussion,
    Notes,
    Agenda,
    ActionItems,
    Other,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Recap => "recap",
            SectionKind::Discussion => "discussion",
            SectionKind::Notes => "notes",
            SectionKind::Agenda => "agenda",
            SectionKind::ActionItems => "action-items",
            SectionKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub kind: SectionKind,
    pub line: u32,
    pub blocks: Vec<Block>,
}

/// A filterable piece of a meeting: bullet, paragraph, code block or table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unit {
    pub line: u32,
    pub parent: Option<UnitId>,
    /// Index into [`Meeting::sections`].
    pub section: u32,
    /// The person the unit belongs to: the recap it sits in, or a bullet
    /// that names a person ("- twelho: …").
    pub person: Option<PersonId>,
    /// The others of a joint recap ("### Dennis & Lucas"): theirs too.
    pub with: Vec<PersonId>,
    /// Whether this is a top-level bullet of a recap (counted in `items`).
    pub recap_item: bool,
    /// Topics mentioned in the unit's own text, plus their families.
    pub topics: Vec<TopicId>,
    /// Where the unit's own text (not its children's), case- and
    /// accent-folded, is in [`Meeting::search_text`].
    pub search: std::ops::Range<u32>,
    /// Links in the unit's own text: target and link text.
    pub links: Vec<(Rc<LinkTarget>, String)>,
}

impl Unit {
    /// Whether the unit is the person's: theirs alone or a joint recap's.
    pub fn by(&self, person: PersonId) -> bool {
        self.person == Some(person) || self.with.contains(&person)
    }

    /// Everyone the unit is by: none, one, or a joint recap's people.
    pub fn people(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.person.into_iter().chain(self.with.iter().copied())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecapSummary {
    pub person: PersonId,
    /// The others named with them in a joint recap ("### Dennis & Lucas",
    /// "### Daniel, Dennis"), in the order written.
    pub with: Vec<PersonId>,
    /// Per person in `with`, what joins them to the name before, as the
    /// heading wrote it (" & ", ", ", " + "): the page joins them so.
    pub joiners: Vec<String>,
    /// Text after the name in the heading ("couldn't really join, sorry").
    pub remark: Option<String>,
    /// Top-level bullets of the recap.
    pub items: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    /// Stable slug used in URLs and JSON: the latest GitHub handle, else
    /// a slug of the name.
    pub slug: String,
    pub name: Option<String>,
    pub handles: Vec<String>,
    /// Held meetings they are listed as a participant of.
    pub attended: u32,
    pub hosted: u32,
    pub recaps: u32,
}

impl RecapSummary {
    /// Whether the recap is the person's, alone or jointly.
    pub fn by(&self, person: PersonId) -> bool {
        self.person == person || self.with.contains(&person)
    }

    /// Everyone the recap is by, as written.
    pub fn people(&self) -> impl Iterator<Item = PersonId> + '_ {
        std::iter::once(self.person).chain(self.with.iter().copied())
    }
}

impl Person {
    /// Name for display: full name, else handle.
    pub fn display_name(&self) -> &str {
        self.name
            .as_deref()
            .or(self.handles.first().map(String::as_str))
            .unwrap_or(&self.slug)
    }

    pub fn handle(&self) -> Option<&str> {
        self.handles.last().map(String::as_str)
    }

    pub fn first_name(&self) -> Option<&str> {
        self.name.as_deref().and_then(|n| n.split_whitespace().next())
    }

    pub fn initials(&self) -> String {
        let name = self.display_name();
        let mut initials: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .map(crate::words::upper_char)
            .take(2)
            .collect();
        if initials.is_empty() {
            initials.push('?');
        }
        initials
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TopicKind {
    Family,
    Soc,
    Board,
    /// A compute module or system-on-module.
    Module,
    Microcontroller,
    Core,
    /// A desktop, server or laptop processor (line or model).
    Cpu,
    Fpga,
    /// Other chips: Ethernet PHYs, switches, BMCs' peers, LED drivers.
    Chip,
    Device,
    /// A part-number-like token that is not in the taxonomy.
    Other,
}

impl TopicKind {
    /// The kind's name in `data/hardware.toml` and in JSON.
    pub fn from_name(name: &str) -> Option<TopicKind> {
        Some(match name {
            "family" => TopicKind::Family,
            "soc" => TopicKind::Soc,
            "board" => TopicKind::Board,
            "module" => TopicKind::Module,
            "mcu" => TopicKind::Microcontroller,
            "core" => TopicKind::Core,
            "cpu" => TopicKind::Cpu,
            "fpga" => TopicKind::Fpga,
            "chip" => TopicKind::Chip,
            "device" => TopicKind::Device,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TopicKind::Family => "family",
            TopicKind::Soc => "soc",
            TopicKind::Board => "board",
            TopicKind::Module => "module",
            TopicKind::Microcontroller => "mcu",
            TopicKind::Core => "core",
            TopicKind::Cpu => "cpu",
            TopicKind::Fpga => "fpga",
            TopicKind::Chip => "chip",
            TopicKind::Device => "device",
            TopicKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Isa {
    RiscV,
    Arm,
    X86,
    Mixed,
    Other,
}

impl Isa {
    pub fn from_name(name: &str) -> Option<Isa> {
        Some(match name {
            "riscv" => Isa::RiscV,
            "arm" => Isa::Arm,
            "x86" => Isa::X86,
            "mixed" => Isa::Mixed,
            "other" => Isa::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Isa::RiscV => "riscv",
            Isa::Arm => "arm",
            Isa::X86 => "x86",
            Isa::Mixed => "mixed",
            Isa::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Isa::RiscV => "RISC-V",
            Isa::Arm => "Arm",
            Isa::X86 => "x86",
            Isa::Mixed => "Mixed",
            Isa::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Stable id used in URLs and JSON (`jh7110`).
    pub slug: String,
    pub label: String,
    pub kind: TopicKind,
    pub vendor: String,
    pub isa: Isa,
    /// Topics this one belongs to (a board's SoC, a SoC's family).
    pub parents: Vec<TopicId>,
    /// Meetings that mention it.
    pub meetings: Vec<MeetingId>,
}

/// A level-1 heading we could not place on the timeline, kept with its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub source: SourceId,
    pub line: u32,
    pub heading: String,
    /// Why it is not on the timeline.
    pub reason: Option<NearMiss>,
    pub blocks: Vec<Block>,
}

impl Unplaced {
    /// Why, in words: "looks like a meeting heading, but …".
    pub fn why(&self) -> String {
        match &self.reason {
            Some(why) => format!("looks like a meeting heading, but {why}"),
            None => "is not a meeting date".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub source: SourceId,
    pub line: u32,
    pub kind: DiagnosticKind,
}

/// Something in the notes the parser could not classify. `Display` is the
/// sentence a reader sees; programs and tests match the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// A level-1 heading that almost reads as a meeting date.
    NearMissHeading {
        heading: String,
        why: NearMiss,
    },
    /// A level-1 heading after the first meeting that is not a date.
    NotADate {
        heading: String,
    },
    /// The time after a meeting's date could not be read.
    Time(TimeProblem),
    UnknownInfoField {
        label: String,
    },
    /// A `:::` line that closes no open container.
    StrayContainerEnd,
    UnclosedContainer {
        name: String,
    },
    /// A `###` in a recap section that names no participant.
    RecapNamesNoParticipant {
        heading: String,
    },
    /// The info block's date differs from the heading's.
    DateMismatch {
        info: NaiveDate,
        heading: NaiveDate,
    },
    /// Two meetings on one date.
    SecondMeeting {
        date: NaiveDate,
    },
}

/// Why a heading that looks like a meeting date is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NearMiss {
    NotACalendarDate {
        year: i32,
        month: u32,
        day: u32,
    },
    NoYear,
    /// "August 2024": a month and a year, no day.
    NoDay {
        word: String,
    },
    /// A month with numbers around it that do not read as a date.
    UnreadableAround {
        month: &'static str,
    },
    /// "Agust": not a month, but close to one.
    MisspeltMonth {
        word: String,
        month: &'static str,
    },
}

/// Why the time after a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeProblem {
    Unreadable { text: String },
    NotA12HourClockHour { hour: u32 },
    NotATimeOfDay { hour: u32, minute: u32 },
    UnknownZone { zone: String },
}

impl std::fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiagnosticKind::NearMissHeading { heading, why } => write!(
                f,
                "heading \"{heading}\" looks like a meeting heading, but {why}; its notes are listed under \"Not on the timeline\""
            ),
            DiagnosticKind::NotADate { heading } => write!(
                f,
                "heading \"{heading}\" is not a meeting date; its notes are listed under \"Not on the timeline\""
            ),
            DiagnosticKind::Time(problem) => write!(f, "{problem}"),
            DiagnosticKind::UnknownInfoField { label } => write!(f, "unknown info field \"{label}\"; shown as written"),
            DiagnosticKind::StrayContainerEnd => f.write_str("a `:::` closes no open container"),
            DiagnosticKind::UnclosedContainer { name } => write!(f, "the `:::{name}` container is never closed"),
            DiagnosticKind::RecapNamesNoParticipant { heading } => {
                write!(f, "the recap heading \"{heading}\" names no participant; kept as a group")
            }
            DiagnosticKind::DateMismatch { info, heading } => {
                write!(f, "the info block says {info} but the heading says {heading}")
            }
            DiagnosticKind::SecondMeeting { date } => write!(f, "a second meeting on {date}"),
        }
    }
}

impl DiagnosticKind {
    /// A stable machine name, for JSON.
    pub fn slug(&self) -> &'static str {
        match self {
            DiagnosticKind::NearMissHeading { .. } => "near-miss-heading",
            DiagnosticKind::NotADate { .. } => "not-a-date",
            DiagnosticKind::Time(_) => "time",
            DiagnosticKind::UnknownInfoField { .. } => "unknown-info-field",
            DiagnosticKind::StrayContainerEnd => "stray-container-end",
            DiagnosticKind::UnclosedContainer { .. } => "unclosed-container",
            DiagnosticKind::RecapNamesNoParticipant { .. } => "recap-names-no-participant",
            DiagnosticKind::DateMismatch { .. } => "date-mismatch",
            DiagnosticKind::SecondMeeting { .. } => "second-meeting",
        }
    }
}

impl std::fmt::Display for NearMiss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NearMiss::NotACalendarDate { year, month, day } => {
                write!(f, "{year}-{month:02}-{day:02} is not a calendar date")
            }
            NearMiss::NoYear => f.write_str("the date has no year"),
            NearMiss::NoDay { word } => write!(f, "\"{word}\" has a month and a year but no day"),
            NearMiss::UnreadableAround { month } => write!(f, "could not read a date around \"{month}\""),
            NearMiss::MisspeltMonth { word, month } => write!(f, "\"{word}\" is not a month (did you mean {month}?)"),
        }
    }
}

impl std::fmt::Display for TimeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimeProblem::Unreadable { text } => write!(f, "could not read the time \"{text}\""),
            TimeProblem::NotA12HourClockHour { hour } => write!(f, "{hour} is not an hour on a 12-hour clock"),
            TimeProblem::NotATimeOfDay { hour, minute } => write!(f, "{hour}:{minute:02} is not a time of day"),
            TimeProblem::UnknownZone { zone } => {
                write!(f, "unknown time zone \"{zone}\"; the time is shown as written")
            }
        }
    }
}
