//! Markdown meeting notes to [`Notes`]. The accepted shape, loosely:
//!
//! ```text
//! document  = front? title? intro* (meeting | unplaced)*
//! front     = "---" NL ("key: value" | indented or "- " line)* ("---" | "...")
//!                                            (HackMD's front matter, first line only; its
//!                                             title names the document without a title)
//! title     = "# " text                      (the first level-1 heading that is not a date)
//! meeting   = "# " [label] ["#12" | "12 -"] date [time [zone]] [called-off] NL info? section*
//!                                            (label: any words before the date, "Meeting
//!                                             notes:", "📅"; called-off: "(cancelled)",
//!                                             "- no meeting", or the heading struck through)
//! date      = "2024-08-20" | "2024/08/20" | "20.08.2024" | "August 20, 2024" | "20 August 2024"
//!             (without a year: the title's or the file name's; or "## " date …, with every
//!              heading below one level deeper, where no "# " heading is a meeting, or
//!              "### " under "## 2021" year groups; a "## " heading that starts with a
//!              date among "# " meetings is a meeting written a level too deep)
//! time      = "17:00" | "5 PM" | "(16:00 UTC)" | "T16:00Z"   (zone: UTC±h, CET/CEST, …, or a city)
//! info      = ":::info" NL (field | "No meeting …")* ":::" ["No meeting …" as the whole body]
//!           | (field-list | field-lines [list])+        (no container: the leading blocks, or
//!                                                         the same quoted with "> "; a list
//!                                                         after a bare "**Agenda:**" or
//!                                                         "**Participants**" holds its values)
//!             ["## Attendees" NL list-of-names]          (the participants as the first section)
//! field     = "- **" key ":**" value NL nested-list?     (key: Location, Date, Host, Hosted by,
//!           | "**" key ":**" value NL                      Participants, Present, Agenda, …;
//!                                                         an emoji may come first: "📍 **Where:**",
//!                                                         ":calendar: When:")
//! section   = "## " title NL block* subsection*         (Biweekly Recap, Discussion Topics, Notes, …)
//! subsection= "### " (person [remark | "(@handle)" | "/ @handle"] | topic) NL block*
//!                                            (with a handle, in a recap, also someone
//!                                             not named before: "### Guest (@newcomer)")
//!                                            (in a recap also "Dennis's update",
//!                                             "Updates from Dennis", "From Daniel";
//!                                             a joint recap: "Dennis & Lucas",
//!                                             "Daniel, Dennis", "@a and @b")
//! block     = "#### "… person NL block*                  (up to the next heading as high)
//!           | ":::" kind [summary] NL block* ":::"       (a box: warning, success, danger,
//!                                                         spoiler; one with a heading inside
//!                                                         stays open, as its blocks)
//!           | paragraph | list | heading | …           ("###### tags:" is the document's)
//! unplaced  = "# " heading-that-is-not-a-date NL block* (kept, with a diagnostic)
//! ```
//!
//! Recaps are found these ways: `### Name` under a recap section, a deeper
//! heading that names someone known (`#### Daniel`) in any section, bullets
//! `- Name` with items below in a recap section or subsection, bullets
//! `- handle: …` anywhere (`- Name - …` in a recap), and the same as
//! one-line paragraphs (`**Dennis:**` over a list, `Lucas: wrote the
//! page`), or a bold name on a line of its own over the recap's lines (in a
//! recap section). Where a recap's name is several people joined by "&",
//! "and", "+", "/" or commas, each known, the recap is theirs jointly
//! (`RecapSummary::with`, `Unit::with`). A bullet names
//! someone already known (a participant or host anywhere in the documents)
//! or an `@handle`; other bullets (`- Website`) stay bullets. A name given
//! alone ("Daniel") or with an initial ("Dennis M.") is the one person
//! known by a full name starting so, when only one is. In a participants
//! list, who is left unnamed ("everyone else", "2 guests") is no one, and
//! where some boxes are ticked, an unticked one did not come. Anything that
//! fits nowhere is reported as a [`Diagnostic`] with its line and still shown.

mod dates;
mod info;
pub mod markdown;
mod meeting;
pub mod people;
pub mod text;

mod units;

pub use dates::{parse_heading, HeadingDate};

use chrono::Datelike;
use markdown::TopBlock;
use people::Registry;

use crate::model::{
    Block, Diagnostic, DiagnosticKind, Inline, LinkTarget, Meeting, MeetingStatus, NearMiss, Notes, Participant,
    PersonId, Source, SourceId, Unplaced,
};

/// A document to parse: its name (file, URL or "built-in") and text.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Documents as the parser takes them, from (name, text) pairs.
pub fn sources<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<SourceText<'a>> {
    docs.into_iter().map(|(name, text)| SourceText { name, text }).collect()
}

/// Parses one document.
pub fn parse_one(name: &str, text: &str) -> Notes {
    parse(&[SourceText { name, text }])
}

/// Parses several documents into one timeline, merging people across them.
pub fn parse(sources: &[SourceText<'_>]) -> Notes {
    let mut registry = Registry::default();
    let mut topics = crate::taxonomy::TopicTable::default();
    let mut notes = Notes::default();
    let mut drafts = Vec::new();

    for (i, src) in sources.iter().enumerate() {
        let source = SourceId(i as u32);
        let (doc, mut doc_drafts, unplaced, problems) = split_document(src, source);
        notes.sources.push(doc);
        notes.unplaced.extend(unplaced);
        notes.diagnostics.extend(
            problems
                .into_iter()
                .map(|(line, kind)| Diagnostic { source, line, kind }),
        );
        drafts.append(&mut doc_drafts);
    }

    // All participants first, so that a recap by someone who did not attend
    // that meeting still finds them anywhere in the documents.
    let mut staged = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let mut problems = Vec::new();
        let (mut info, body) = meeting::split_info(draft.blocks, &mut problems);
        // The heading's links lead to the meeting's notes: part of its info.
        info.extra.splice(0..0, draft.links);
        // Nothing reads the info's participants after: their names move.
        let participants: Vec<Participant> = std::mem::take(&mut info.participants)
            .into_iter()
            .filter_map(|p| {
                registry.intern(&p, Some(draft.head.date)).map(|person| Participant {
                    person,
                    name: p.name,
                    handle: p.handle,
                    remark: p.remark,
                })
            })
            .collect();
        staged.push((draft.head, info, body, participants, problems));
    }
    registry.merge_first_names(staged.iter().map(|(.., participants, _)| &participants[..]));

    notes.meetings.reserve(staged.len());
    let mut units = (Vec::new(), String::new());
    for (head, mut info, body, participants, mut problems) in staged {
        let participant_ids: Vec<PersonId> = participants.iter().map(|p| p.person).collect();
        let hosts: Vec<PersonId> = info
            .hosts
            .iter()
            .filter_map(|h| {
                // "Host: Dennis" names a participant by first name.
                let written = h.handle.as_deref().or(h.name.as_deref()).unwrap_or_default();
                match (h.handle.is_none(), registry.resolve(written, &participant_ids)) {
                    (true, Some(p)) => Some(p),
                    _ => registry.intern(h, Some(head.date)),
                }
            })
            .collect();
        // The date field mostly repeats the heading, which read as the
        // meeting's date: only another text can disagree with it.
        // A field without a year ("Date: March 2") is in the meeting's year.
        let year = Some(head.date.year());
        if let Some(date_text) = info.date_text.as_ref().filter(|t| **t != head.heading) {
            if let HeadingDate::Meeting { date, .. } = dates::parse_heading_in(date_text, year) {
                if date != head.date {
                    problems.push((
                        head.line,
                        DiagnosticKind::DateMismatch {
                            info: date,
                            heading: head.date,
                        },
                    ));
                }
            }
        }
        // A heading with the date alone: the info's date or time field may
        // give the start ("Date: March 2, 2021 6:00 PM CET", "Time: 18:00 CET").
        let time = head.time.or_else(|| {
            let written = info.date_text.as_deref()?;
            match dates::parse_heading_in(written, year) {
                HeadingDate::Meeting { date, time, .. } if date == head.date => time,
                _ => dates::parse_time(written).0,
            }
        });
        let mut resolver = meeting::Resolver {
            registry: &mut registry,
            participants: &participant_ids,
            date: head.date,
            recaps: Vec::new(),
            problems: Vec::new(),
        };
        let sections = meeting::build_sections(body, &mut resolver);
        let recaps = std::mem::take(&mut resolver.recaps);
        problems.append(&mut resolver.problems);

        let has_notes = sections.iter().any(|s| !s.blocks.is_empty());
        if info.no_meeting.is_none() {
            info.no_meeting = head.called_off;
        }
        let status = if info.no_meeting.is_some() {
            MeetingStatus::Skipped
        } else if participants.is_empty() && !has_notes {
            MeetingStatus::Planned
        } else {
            MeetingStatus::Held
        };
        let mut info_links = Vec::new();
        units::collect_links(&info.location, &mut info_links);
        for block in info.location_notes.iter().chain(&info.agenda).chain(&info.extra) {
            units::collect_block_links(block, &mut info_links);
        }
        // "Date: … 5:00 PM (CET)" under "# … 17:00 CET": the zone again,
        // already shown with the start, is no remark.
        let zone_again = time.as_ref().is_some_and(|t| {
            Inline::plain_text(&info.date_remark)
                .trim()
                .eq_ignore_ascii_case(&t.zone_text)
        });
        let date_remark = if zone_again { Vec::new() } else { info.date_remark };
        let mut meeting = Meeting {
            source: head.source,
            line: head.line,
            heading: head.heading,
            date: head.date,
            anchor: head.date.to_string(),
            time,
            status,
            status_note: info.no_meeting,
            location: info.location,
            location_notes: info.location_notes,
            locations: info.locations,
            date_remark,
            hosts,
            participants,
            agenda: info.agenda,
            extra_info: info.extra,
            sections,
            units: Vec::new(),
            search_text: String::new(),
            info_links,
            recaps,
            topics: Vec::new(),
        };
        units::number(&mut meeting, &mut topics, &mut units);
        notes
            .diagnostics
            .extend(problems.into_iter().map(|(line, kind)| Diagnostic {
                source: head.source,
                line,
                kind,
            }));
        notes.meetings.push(meeting);
    }

    notes.topics = topics.topics;
    finish(&mut notes, registry);
    notes
}

struct Head {
    source: SourceId,
    line: u32,
    heading: String,
    date: chrono::NaiveDate,
    time: Option<crate::model::MeetingTime>,
    /// The heading says the meeting did not take place: "(cancelled)",
    /// "- no meeting", or the whole heading struck through.
    called_off: Option<String>,
}

struct Draft {
    head: Head,
    blocks: Vec<TopBlock>,
    /// What a linked heading points to, as paragraphs of links.
    links: Vec<Block>,
}

/// A document cut at its level-1 headings, with `(line, kind)` problems.
type SplitDocument = (Source, Vec<Draft>, Vec<Unplaced>, Vec<(u32, DiagnosticKind)>);

/// Splits a document at its level-1 headings into title, intro, meeting
/// drafts and unplaced sections.
fn split_document(src: &SourceText<'_>, source: SourceId) -> SplitDocument {
    // A byte-order mark would hide the first heading from the Markdown parser.
    let md = markdown::parse(src.text.strip_prefix('\u{feff}').unwrap_or(src.text));
    let mut problems = md.problems;
    let mut doc = Source {
        name: src.name.to_string(),
        ..Source::default()
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut unplaced: Vec<Unplaced> = Vec::new();
    enum Target {
        Intro,
        Meeting,
        Unplaced,
    }
    let mut target = Target::Intro;
    let mut rule: Option<(u32, bool)> = None;
    let year = document_year(&md.blocks, src.name);
    let level = meeting_level(&md.blocks, year).unwrap_or(1);

    // The level of the meeting being read: a "## " meeting among "# " ones
    // (written a level too deep) has its own, and its headings move up.
    let mut current = level;
    for mut tb in md.blocks {
        if is_toc(&tb.block) {
            continue;
        }
        if let Some(url) = take_sync_badge(&mut tb.block) {
            doc.hackmd_url.get_or_insert(url);
        }
        // HackMD's `###### tags: `a` `b`` line tags the document, wherever
        // it is written: the last meeting's notes are not where it belongs.
        if is_tags_line(&tb.block) {
            doc.intro.push(tb.block);
            continue;
        }
        // A heading at the meetings' level or above: a meeting, the title,
        // the intro's or an unplaced one. Under "## " meetings, the headings
        // below move one level up, as in a document of "# " meetings.
        let mut top = false;
        if let Block::Heading { level: l, inlines, .. } = &mut tb.block {
            // A heading a level below the meetings: a meeting written a
            // level too deep, or a section ("## Notes"), also under one.
            let below = *l == level + 1;
            let deeper = below && is_deeper_meeting(inlines, year);
            if *l <= level {
                current = level;
            } else if deeper {
                current = *l;
            }
            top = *l <= current && !(below && current == *l && !deeper);
            if *l > current {
                *l -= current - 1;
            } else if !top {
                *l -= level - 1;
            }
        }
        if let (true, Block::Heading { inlines, line, .. }) = (top, &tb.block) {
            rule = None;
            let heading = Inline::plain_text(inlines).trim().to_string();
            if is_year_group(&heading) && level > 1 {
                continue;
            }
            match dates::parse_heading_in(&heading, year) {
                HeadingDate::Meeting {
                    date,
                    time,
                    time_problem,
                } => {
                    if let Some(p) = time_problem {
                        problems.push((*line, DiagnosticKind::Time(p)));
                    }
                    let called_off = called_off(inlines, &heading);
                    // "# [March 30, 2021](https://hackmd.io/…)": the notes
                    // elsewhere. The heading shows only its date; the link
                    // is shown with the meeting's info.
                    let mut links = Vec::new();
                    units::collect_links(inlines, &mut links);
                    let links = links
                        .into_iter()
                        .filter(|(target, _)| target.is_clickable())
                        .map(|(target, _)| Block::Paragraph {
                            unit: markdown::NO_UNIT,
                            line: *line,
                            inlines: vec![Inline::Link {
                                children: vec![Inline::Text(target.url().to_string())],
                                target,
                            }],
                        })
                        .collect();
                    drafts.push(Draft {
                        head: Head {
                            source,
                            line: *line,
                            heading,
                            date,
                            time,
                            called_off,
                        },
                        blocks: Vec::new(),
                        links,
                    });
                    target = Target::Meeting;
                    continue;
                }
                HeadingDate::NotADate if doc.title.is_empty() && drafts.is_empty() && unplaced.is_empty() => {
                    doc.title = heading;
                    continue;
                }
                HeadingDate::NotADate if drafts.is_empty() && unplaced.is_empty() => {
                    // A second heading before any meeting is part of the intro.
                }
                miss => {
                    let reason = match miss {
                        HeadingDate::NearMiss(why) => Some(why),
                        _ => None,
                    };
                    let kind = match &reason {
                        Some(why) => DiagnosticKind::NearMissHeading {
                            heading: heading.clone(),
                            why: why.clone(),
                        },
                        None => DiagnosticKind::NotADate {
                            heading: heading.clone(),
                        },
                    };
                    problems.push((*line, kind));
                    unplaced.push(Unplaced {
                        source,
                        line: *line,
                        heading,
                        reason,
                        blocks: Vec::new(),
                    });
                    target = Target::Unplaced;
                    continue;
                }
            }
        }
        match target {
            Target::Intro => doc.intro.push(tb.block),
            // A rule is held until a block follows it in the meeting: one
            // before the next heading ("---" between meetings) separates
            // them, and is no part of the meeting above.
            Target::Meeting if matches!(tb.block, Block::Rule) => rule = Some((tb.line, tb.in_container)),
            Target::Meeting => {
                let blocks = &mut drafts.last_mut().expect("target set with a draft").blocks;
                if let Some((line, in_container)) = rule.take() {
                    blocks.push(TopBlock {
                        line,
                        in_container,
                        block: Block::Rule,
                    });
                }
                blocks.push(tb);
            }
            Target::Unplaced => unplaced.last_mut().expect("target set with one").blocks.push(tb.block),
        }
    }
    // A title heading is what readers see; the front matter's is the tab's.
    if doc.title.is_empty() {
        doc.title = md.title.unwrap_or_default();
    }
    units::number_loose(&mut doc.intro);
    for u in &mut unplaced {
        units::number_loose(&mut u.blocks);
    }
    (doc, drafts, unplaced, problems)
}

/// The heading level of a document's meetings: 1 ("# August 20, 2024"),
/// or 2 where no "# " heading is a meeting and a "## " one is (a year
/// written under one "# " title); `None` when no heading is a meeting.
fn meeting_level(blocks: &[TopBlock], year: Option<i32>) -> Option<u8> {
    let is_meeting = |want: u8| {
        blocks.iter().any(|tb| match &tb.block {
            Block::Heading { level, inlines, .. } if *level == want => {
                matches!(
                    dates::parse_heading_in(Inline::plain_text(inlines).trim(), year),
                    HeadingDate::Meeting { .. }
                )
            }
            _ => false,
        })
    };
    // Level 3 too: a title, "## 2021" year groups, "### March 16, 2021".
    [1, 2, 3].into_iter().find(|level| is_meeting(*level))
}

/// Why a document without meeting headings ([`has_meetings`] is false) has
/// none, when its headings say: the first that is a date with no year
/// ("March 5 6:00 PM CET", in a document whose title and file name name no
/// year either). What to fix, for a message.
pub fn undated_heading(text: &str) -> Option<String> {
    let blocks = markdown::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).blocks;
    blocks.iter().find_map(|tb| match &tb.block {
        Block::Heading {
            level: 1..=3, inlines, ..
        } => {
            let heading = Inline::plain_text(inlines);
            let heading = heading.trim();
            matches!(parse_heading(heading), HeadingDate::NearMiss(NearMiss::NoYear)).then(|| heading.to_string())
        }
        _ => None,
    })
}

/// The year a document is about, for meeting headings written without
/// one: the one year its first heading names ("# Racklet Notes 2021"), else
/// the year in its file name ("community/2021.md").
fn document_year(blocks: &[TopBlock], name: &str) -> Option<i32> {
    fn one_year(text: &str) -> Option<i32> {
        let mut years = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y));
        let first = years.next()?;
        years.all(|y| y == first).then_some(first)
    }
    let title = blocks.iter().find_map(|tb| match &tb.block {
        Block::Heading { inlines, .. } => Some(Inline::plain_text(inlines)),
        _ => None,
    });
    title
        .filter(|t| !matches!(parse_heading(t.trim()), HeadingDate::Meeting { .. }))
        .and_then(|t| one_year(&t))
        .or_else(|| one_year(name.rsplit('/').next().unwrap_or(name)))
}

/// A heading one level below the document's meetings that is one too:
/// it starts with its date ("## March 30, 2021 6:00 PM CEST" among
/// "# " meetings), so that a label ("## Notes from March 2, 2021") never
/// makes a section a meeting.
fn is_deeper_meeting(inlines: &[Inline], year: Option<i32>) -> bool {
    let text = Inline::plain_text(inlines);
    dates::starts_like_a_date(&text)
        && matches!(dates::parse_heading_in(text.trim(), year), HeadingDate::Meeting { .. })
}

/// A heading that is a year alone ("## 2021"): a group of the meetings
/// below it, which the timeline groups by year anyway.
fn is_year_group(heading: &str) -> bool {
    heading.len() == 4 && heading.bytes().all(|b| b.is_ascii_digit())
}

/// HackMD's `[TOC]` marker: the timeline is the table of contents.
fn is_toc(block: &Block) -> bool {
    // Only a text of these characters can be the marker: most paragraphs
    // are turned away without building their text.
    let other = |t: &str| t.contains(|c: char| !(c.is_whitespace() || "[]tocTOC".contains(c)));
    matches!(block, Block::Paragraph { inlines, .. }
        if !text::any_plain(inlines, &mut |t| other(t))
            && Inline::plain_text(inlines).trim().eq_ignore_ascii_case("[toc]"))
}

/// Whether a meeting heading says the meeting did not take place, and in
/// what words: "… (cancelled)", "… - no meeting", or struck through whole
/// ("~~March 2, 2021~~").
fn called_off(inlines: &[Inline], heading: &str) -> Option<String> {
    if let [Inline::Strike(_)] = inlines {
        return Some("Struck through in the notes".to_string());
    }
    // ASCII lowercase keeps byte offsets: `at` is one in `heading` too.
    let lower = heading.to_ascii_lowercase();
    let at = ["cancelled", "canceled", "no meeting", "skipped", "postponed"]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()?;
    // The words from there, as written: "(cancelled)" → "cancelled".
    let said = heading[at..].trim_end_matches([')', ']', '!', '.', ' ']);
    // `words`' case mapping: char::to_uppercase would bring Unicode's
    // tables into the wasm (14 KB).
    let mut chars = said.chars();
    let first = crate::words::upper_char(chars.next()?);
    Some(std::iter::once(first).chain(chars).collect())
}

/// HackMD's document tags: a heading that starts with `tags:`.
fn is_tags_line(block: &Block) -> bool {
    matches!(block, Block::Heading { inlines, .. }
        if matches!(inlines.first(), Some(Inline::Text(t)) if t.trim_start().get(..5).is_some_and(|w| w.eq_ignore_ascii_case("tags:"))))
}

/// Replaces a HackMD sync badge (`[![hackmd-github-sync-badge](…)](url)`)
/// with a plain "HackMD" link, returning the note's URL.
fn take_sync_badge(block: &mut Block) -> Option<String> {
    let Block::Paragraph { inlines, .. } = block else {
        return None;
    };
    let mut found = None;
    for inline in inlines.iter_mut() {
        if let Inline::Link { target, children } = inline {
            let is_badge = matches!(children.as_slice(), [Inline::Image { alt, .. }] if alt.contains("sync-badge"));
            if is_badge {
                found = Some(target.url().to_string());
                *children = vec![Inline::Text("HackMD".into())];
            }
        }
    }
    found.filter(|u| matches!(LinkTarget::from_url(u), LinkTarget::Web(_)))
}

/// Orders meetings, makes anchors unique, settles people and counts.
fn finish(notes: &mut Notes, registry: Registry) {
    // Date order; ties keep document order.
    crate::order::sort_by_rank(&mut notes.meetings, |m| {
        (i64::from(m.date.num_days_from_ce()), i64::from(m.source.0))
    });
    let mut seen = std::collections::HashMap::<String, u32>::new();
    for m in &mut notes.meetings {
        let n = seen.entry(m.anchor.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            notes.diagnostics.push(Diagnostic {
                source: m.source,
                line: m.line,
                kind: DiagnosticKind::SecondMeeting { date: m.date },
            });
            m.anchor = format!("{}-{}", m.anchor, n);
        }
    }

    let (mut people, map) = registry.finish();
    let remap = |id: &mut PersonId| *id = map[id.0 as usize];
    // Per person, the last list (two per meeting: hosts, participants) it
    // was seen in: a repeat in the same list is dropped. Plain vectors, not
    // sets: no set type of its own in the wasm, and linear in hostile lists.
    let (mut hosted_in, mut listed_in) = (vec![usize::MAX; people.len()], vec![usize::MAX; people.len()]);
    for (k, m) in notes.meetings.iter_mut().enumerate() {
        m.hosts.iter_mut().for_each(remap);
        m.participants.iter_mut().for_each(|p| remap(&mut p.person));
        for r in &mut m.recaps {
            remap(&mut r.person);
            r.with.iter_mut().for_each(remap);
        }
        for u in &mut m.units {
            u.person.iter_mut().chain(&mut u.with).for_each(remap);
        }
        // Hosts and participants may repeat anywhere in their list ("@a, @b,
        // @a", "Dennis Marttinen, @twelho" and "twelho"), and ids merged
        // above can meet: each is listed once, as first written.
        let first_in = |last: &mut Vec<usize>, p: PersonId| std::mem::replace(&mut last[p.0 as usize], k) != k;
        m.hosts.retain(|h| first_in(&mut hosted_in, *h));
        m.participants.retain(|p| first_in(&mut listed_in, p.person));
        // Listed for a meeting that did not take place is not attending.
        if m.status == crate::model::MeetingStatus::Held {
            for p in &m.participants {
                people[p.person.0 as usize].attended += 1;
            }
        }
        for h in &m.hosts {
            people[h.0 as usize].hosted += 1;
        }
        for p in m.recaps.iter().flat_map(|r| r.people()) {
            people[p.0 as usize].recaps += 1;
        }
    }
    notes.people = people;
    for (i, m) in notes.meetings.iter().enumerate() {
        for t in &m.topics {
            notes.topics[t.0 as usize]
                .meetings
                .push(crate::model::MeetingId(i as u32));
        }
    }
    crate::order::sort_by_rank(&mut notes.diagnostics, |d| (i64::from(d.source.0), i64::from(d.line)));
}

/// Whether `text`, a document called `name`, has at least one meeting
/// heading (`# August 20, 2024`, or `## August 20, 2024` under a title, or
/// `# March 2` in `2021.md`): a quick look, before loading a document, that
/// it is meeting notes. Reads headings exactly as [`parse`] does: after a
/// byte-order mark, with `:::` lines blanked and code blocks skipped, and
/// the year of a date without one from the title or `name`.
pub fn has_meetings(text: &str, name: &str) -> bool {
    let blocks = markdown::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).blocks;
    meeting_level(&blocks, document_year(&blocks, name)).is_some()
}
