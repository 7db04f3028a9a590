//! The JSON shape `timeline json` prints: a stable contract for other
//! programs, kept separate from the internal model so the model can change.

use serde::Serialize;

use crate::model::Notes;

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub sources: Vec<ExportSource<'a>>,
    pub meetings: Vec<ExportMeeting<'a>>,
    pub people: Vec<ExportPerson<'a>>,
    pub topics: Vec<ExportTopic<'a>>,
    pub diagnostics: Vec<ExportDiagnostic<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportSource<'a> {
    pub name: &'a str,
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportMeeting<'a> {
    pub date: String,
    pub anchor: &'a str,
    pub source: &'a str,
    pub line: u32,
    pub time: Option<String>,
    pub timezone: Option<&'a str>,
    pub start_utc: Option<String>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_note: Option<&'a str>,
    pub locations: &'a [String],
    pub hosts: Vec<&'a str>,
    pub participants: Vec<ExportParticipant<'a>>,
    pub recaps: Vec<ExportRecap<'a>>,
    pub sections: Vec<ExportSection<'a>>,
    pub links: Vec<ExportLink>,
    pub topics: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportTopic<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub kind: &'static str,
    pub vendor: &'a str,
    pub isa: &'static str,
    pub parents: Vec<&'a str>,
    pub meetings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportParticipant<'a> {
    pub name: Option<&'a str>,
    pub handle: Option<&'a str>,
    pub person: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportRecap<'a> {
    pub person: &'a str,
    /// The others of a joint recap ("### Dennis & Lucas").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<&'a str>,
    pub items: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportSection<'a> {
    pub title: &'a str,
    pub kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ExportLink {
    pub text: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct ExportPerson<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub handles: &'a [String],
    pub attended: u32,
    pub hosted: u32,
    pub recaps: u32,
}

#[derive(Debug, Serialize)]
pub struct ExportDiagnostic<'a> {
    pub source: &'a str,
    pub line: u32,
    /// A stable machine name (`near-miss-heading`, `unknown-info-field`, …).
    pub kind: &'static str,
    pub message: String,
}

impl<'a> Export<'a> {
    pub fn new(notes: &'a Notes) -> Export<'a> {
        let slug = |id: crate::model::PersonId| notes.people[id.0 as usize].slug.as_str();
        let source_name = |id: crate::model::SourceId| notes.sources[id.0 as usize].name.as_str();
        Export {
            sources: notes
                .sources
                .iter()
                .map(|s| ExportSource {
                    name: &s.name,
                    title: &s.title,
                })
                .collect(),
            meetings: notes
                .meetings
                .iter()
                .map(|m| ExportMeeting {
                    date: m.date.to_string(),
                    anchor: &m.anchor,
                    source: source_name(m.source),
                    line: m.line,
                    time: m.time.as_ref().map(|t| t.local.format("%H:%M").to_string()),
                    timezone: m.time.as_ref().map(|t| t.zone_text.as_str()).filter(|z| !z.is_empty()),
                    start_utc: m
                        .time
                        .as_ref()
                        .and_then(|t| t.utc(m.date))
                        .map(|u| u.format("%Y-%m-%dT%H:%M:00Z").to_string()),
                    status: m.status.as_str(),
                    status_note: m.status_note.as_deref(),
                    locations: &m.locations,
                    hosts: m.hosts.iter().map(|&h| slug(h)).collect(),
                    participants: m
                        .participants
                        .iter()
                        .map(|p| ExportParticipant {
                            name: p.name.as_deref(),
                            handle: p.handle.as_deref(),
                            person: slug(p.person),
                            remark: p.remark.as_deref(),
                        })
                        .collect(),
                    recaps: m
                        .recaps
                        .iter()
                        .map(|r| ExportRecap {
                            person: slug(r.person),
                            with: r.with.iter().map(|p| slug(*p)).collect(),
                            items: r.items,
                            remark: r.remark.as_deref(),
                        })
                        .collect(),
                    sections: m
                        .sections
                        .iter()
                        .map(|s| ExportSection {
                            title: &s.title,
                            kind: s.kind.as_str(),
                        })
                        .collect(),
                    links: m
                        .links()
                        .map(|(_, target, text)| ExportLink {
                            text: text.to_string(),
                            url: target.url().to_string(),
                        })
                        .collect(),
                    topics: m.topics.iter().map(|t| notes.topic(*t).slug.as_str()).collect(),
                })
                .collect(),
            topics: notes
                .topics
                .iter()
                .map(|t| ExportTopic {
                    id: &t.slug,
                    label: &t.label,
                    kind: t.kind.as_str(),
                    vendor: &t.vendor,
                    isa: t.isa.as_str(),
                    parents: t.parents.iter().map(|p| notes.topic(*p).slug.as_str()).collect(),
                    meetings: t.meetings.iter().map(|i| notes.meeting(*i).date.to_string()).collect(),
                })
                .collect(),
            people: notes
                .people
                .iter()
                .map(|p| ExportPerson {
                    id: &p.slug,
                    name: p.name.as_deref(),
                    handles: &p.handles,
                    attended: p.attended,
                    hosted: p.hosted,
                    recaps: p.recaps,
                })
                .collect(),
            diagnostics: notes
                .diagnostics
                .iter()
                .map(|d| ExportDiagnostic {
                    source: source_name(d.source),
                    line: d.line,
                    kind: d.kind.slug(),
                    message: d.kind.to_string(),
                })
                .collect(),
        }
    }
}
