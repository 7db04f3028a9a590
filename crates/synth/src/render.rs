//! Writes planned meetings as Markdown in their year's conventions, and
//! records what a correct parser must find: who is named where (with the
//! handle used and when) and how many items each recap has.
//!
//! People are only ever written where the parser reads them: the Host and
//! Participants fields, recap headings and recap bullets. Everything else
//! (prose, discussion topics, action items) names people only in ways the
//! parser leaves alone, such as a first name inside a sentence.

use crate::date::{write_date, Date, DateForm};
use crate::people::{Member, ROSTER};
use crate::plan::{Meeting, Plan};
use crate::prose::{self, bullets, Filler, Scope, Source};
use crate::rng::Rng;
use crate::style::{HostForm, InfoForm, PersonForm, RecapForm, YearStyle};
use crate::vocab::{FALLBACK_ROOM, MEETING_ROOMS};
use crate::Status;

/// One meeting as text, with its recaps: `(roster index, items)` in the
/// order written, one entry per person.
pub(crate) struct Rendered {
    pub lines: Vec<String>,
    pub recaps: Vec<(usize, u32)>,
}

/// Remarks of people who sent a recap without attending.
const ABSENT_REMARKS: &[&str] = &[
    "couldn't join, sorry",
    "couldn't really join, sorry",
    "async update",
    "not attending, notes only",
    "sent in via chat",
    "sent by mail",
];

/// Writes meetings, remembering which handles were written when.
pub(crate) struct Writer<'a> {
    pub plan: &'a Plan,
    /// 0 for archives; above 0, odd but accepted Markdown is mixed in.
    pub noise: f64,
    /// By roster index: handles written in people fields, with the latest
    /// date each was written on (the parser's slug is the latest handle).
    pub handles: Vec<Vec<(&'static str, Date)>>,
    /// By roster index: named in a people field at least once.
    pub named: Vec<bool>,
}

impl<'a> Writer<'a> {
    pub fn new(plan: &'a Plan, noise: f64) -> Writer<'a> {
        Writer {
            plan,
            noise,
            handles: vec![Vec::new(); ROSTER.len()],
            named: vec![false; ROSTER.len()],
        }
    }

    fn handle(&self, p: usize, m: &Meeting) -> Option<&'static str> {
        ROSTER[p].handle_at(m.slot, self.plan.rename_at)
    }

    /// Notes that person `p` is named in a people field on `date`, by
    /// handle if `handle` is given.
    fn note_named(&mut self, p: usize, handle: Option<&'static str>, date: Date) {
        self.named[p] = true;
        if let Some(h) = handle {
            match self.handles[p].iter_mut().find(|(known, _)| *known == h) {
                Some((_, latest)) => *latest = (*latest).max(date),
                None => self.handles[p].push((h, date)),
            }
        }
    }

    /// The meeting heading's date and time (`August 20, 2024 4:00 PM UTC`).
    fn when(&self, rng: &mut Rng, m: &Meeting, style: &YearStyle) -> String {
        let ordinal = matches!(style.date_form, DateForm::Long | DateForm::Abbreviated) && rng.chance(style.ordinal);
        let date = write_date(m.date, style.date_form, ordinal);
        match m.time {
            Some(t) => format!("{date} {}", t.write(m.date, style.clock)),
            None => date,
        }
    }

    pub fn meeting(&mut self, m: &Meeting) -> Rendered {
        let plan = self.plan;
        let style = &plan.styles[m.style];
        let mut rng = Rng::new(plan.seed, &format!("text:{}:{}", m.date, m.slot));
        let when = self.when(&mut rng, m, style);
        let mut out = Vec::new();
        let hashes = if self.noise > 0.0 && rng.chance(0.1) {
            "#  "
        } else {
            "# "
        };
        out.push(format!("{hashes}{when}"));
        out.push(String::new());
        self.info(&mut rng, m, style, &when, &mut out);
        let mut recaps = Vec::new();
        if m.status == Status::Held {
            self.sections(&mut rng, m, style, &mut out, &mut recaps);
        }
        if self.noise > 0.0 && rng.chance(self.noise * 0.5) {
            out.extend(crate::noise::block(&mut rng));
            out.push(String::new());
        }
        // Merge by person, as the parser does when one person has two recaps.
        let mut merged: Vec<(usize, u32)> = Vec::new();
        for (p, n) in recaps {
            match merged.iter_mut().find(|(q, _)| *q == p) {
                Some((_, total)) => *total += n,
                None => merged.push((p, n)),
            }
        }
        Rendered {
            lines: out,
            recaps: merged,
        }
    }

    // ------------------------------------------------------------ info

    fn info(&mut self, rng: &mut Rng, m: &Meeting, style: &YearStyle, when: &str, out: &mut Vec<String>) {
        let bullets = style.info.bullets();
        let indent = style.indent;
        // Some years ended field lines with two spaces (a hard break).
        let hard = if !bullets && rng.chance(0.4) { "  " } else { "" };
        let field = |label: &str, value: &str| {
            let value = if value.is_empty() {
                String::new()
            } else {
                format!(" {value}")
            };
            if bullets {
                format!("- **{label}:**{value}")
            } else {
                format!("**{label}:**{value}{hard}")
            }
        };
        let room = MEETING_ROOMS[usize::from(m.fraction >= 0.4)];
        let room = if rng.chance(0.1) {
            format!("[Jitsi]({room})")
        } else {
            room.to_string()
        };
        let mut lines: Vec<String> = Vec::new();
        let mut after: Vec<String> = Vec::new();

        if m.status == Status::Skipped {
            let note = m.note.unwrap_or("No meeting");
            if style.info.container() {
                if bullets && rng.chance(0.3) {
                    lines.push(field(style.location_label, &room));
                    lines.push(format!("- {note}"));
                } else {
                    lines.push(note.to_string());
                }
            } else if note == "No meeting" && rng.chance(0.5) {
                lines.push("**No meeting**".to_string());
            } else {
                lines.push(note.to_string());
            }
        } else {
            lines.push(field(style.location_label, &room));
            if bullets && m.status == Status::Held && rng.chance(0.03) {
                lines.push(format!(
                    "{indent}- Temporarily switched to {FALLBACK_ROOM} because the usual one misbehaved"
                ));
            }
            if style.date_field {
                let remark = if m.time_changed && m.time.is_some() {
                    " (**note the updated time!**)"
                } else if style.trailing_space {
                    " "
                } else {
                    ""
                };
                lines.push(field("Date", &format!("{when}{remark}")));
            }
            let hosts = self.hosts_text(rng, m, style);
            lines.push(field(style.host_label, &hosts));
            if bullets {
                lines.push(field(style.participants_label, ""));
                for &p in &m.participants {
                    let who = self.person_text(p, m, style.person);
                    lines.push(format!("{indent}- {who}"));
                }
            } else {
                let people: Vec<String> = m
                    .participants
                    .iter()
                    .map(|&p| {
                        // Inline, a link would make the whole field one
                        // person, and "Name, @handle" reads ambiguously:
                        // inline lists put the handle in parentheses.
                        let form = match style.person {
                            PersonForm::NameParenBare => PersonForm::NameParenBare,
                            _ => PersonForm::NameParenAt,
                        };
                        self.person_text(p, m, form)
                    })
                    .collect();
                let list = match people.len() {
                    0 => String::new(),
                    n if n >= 2 && rng.chance(0.3) => {
                        format!("{} and {}", people[..n - 1].join(", "), people[n - 1])
                    }
                    _ => people.join(", "),
                };
                lines.push(field(style.participants_label, &list));
            }
            if self.noise > 0.0 && rng.chance(self.noise * 0.5) {
                lines.push(field(rng.pick(&["Recording", "Notes by", "Dial-in"]), "none this time"));
            }
            if m.status == Status::Held && rng.chance(style.agenda) {
                let items: Vec<String> = (0..rng.int(2, 4))
                    .map(|i| format!("{}. {}", i + 1, rng.pick(prose::AGENDA)))
                    .collect();
                match style.info {
                    InfoForm::ContainerBullets | InfoForm::Bullets => {
                        lines.push(field("Agenda", ""));
                        lines.extend(items.iter().map(|i| format!("{indent}{i}")));
                    }
                    InfoForm::ContainerLines => {
                        // A paragraph of its own, then the list.
                        after.push(String::new());
                        after.push("**Agenda:**".to_string());
                        after.extend(items);
                    }
                    InfoForm::Lines => {
                        // Without a container the list must follow a last
                        // bare "**Agenda:**" line of the field paragraph.
                        lines.push("**Agenda:**".to_string());
                        after.extend(items);
                    }
                }
            }
        }
        let container = style.info.container();
        if container {
            out.push(":::info".to_string());
        }
        out.extend(lines);
        out.extend(after);
        if container {
            out.push(":::".to_string());
        }
        out.push(String::new());
    }

    /// A participant as the year writes them; records the handle.
    fn person_text(&mut self, p: usize, m: &Meeting, form: PersonForm) -> String {
        let member = &ROSTER[p];
        let handle = self.handle(p, m);
        self.note_named(p, handle, m.date);
        let name = member.name;
        match (handle, form) {
            (None, _) => name.to_string(),
            (Some(h), PersonForm::NameCommaHandle) => format!("{name}, @{h}"),
            (Some(h), PersonForm::NameParenAt) => format!("{name} (@{h})"),
            (Some(h), PersonForm::NameParenBare) => format!("{name} ({h})"),
            (Some(h), PersonForm::Link) => format!("[{name}](https://github.com/{h})"),
        }
    }

    fn hosts_text(&mut self, rng: &mut Rng, m: &Meeting, style: &YearStyle) -> String {
        if m.hosts.is_empty() {
            return if m.status == Status::Held {
                rng.pick(&["N/A", "TBD"]).to_string()
            } else {
                String::new()
            };
        }
        // A planned meeting has no participants to resolve a first name
        // against, so it names its host as the real notes do: by handle.
        let form = if m.status == Status::Planned {
            HostForm::Handle
        } else {
            style.host
        };
        // "Aino Virtanen, @mnowak" would be one person (a lone handle after
        // a name is that name's handle): without a handle for everyone,
        // co-hosts are named in full.
        let form =
            if form == HostForm::Handle && m.hosts.len() > 1 && m.hosts.iter().any(|&p| self.handle(p, m).is_none()) {
                HostForm::FullName
            } else {
                form
            };
        let names: Vec<String> = m
            .hosts
            .iter()
            .map(|&p| {
                let member = &ROSTER[p];
                match form {
                    HostForm::Handle => match self.handle(p, m) {
                        Some(h) => {
                            self.note_named(p, Some(h), m.date);
                            format!("@{h}")
                        }
                        None => {
                            self.note_named(p, None, m.date);
                            member.name.to_string()
                        }
                    },
                    HostForm::FirstName => member.first_name().to_string(),
                    HostForm::FullName => member.name.to_string(),
                }
            })
            .collect();
        match names.as_slice() {
            [a, b] if rng.chance(0.5) => format!("{a} and {b}"),
            _ => names.join(", "),
        }
    }

    // ------------------------------------------------------------ sections

    /// Who writes a recap: most participants, host first; now and then
    /// someone who could not join (with a remark).
    fn recappers(&self, rng: &mut Rng, m: &Meeting) -> Vec<(usize, Option<&'static str>)> {
        let mut list: Vec<usize> = m
            .participants
            .iter()
            .copied()
            .filter(|&p| rng.chance(ROSTER[p].recap))
            .collect();
        if list.is_empty() {
            list.push(m.hosts.first().copied().unwrap_or(m.participants[0]));
        }
        if let Some(&host) = m.hosts.first() {
            if let Some(i) = list.iter().position(|&p| p == host) {
                let h = list.remove(i);
                list.insert(0, h);
            }
        }
        list.truncate(5);
        let mut out: Vec<(usize, Option<&'static str>)> = list.into_iter().map(|p| (p, None)).collect();
        let absent: Vec<usize> = m
            .active
            .iter()
            .copied()
            .filter(|p| !m.participants.contains(p) && self.plan.attended_ever[*p])
            .collect();
        if out.len() < 5 && !absent.is_empty() && rng.chance(0.1) {
            let p = rng.pick(&absent);
            let at = rng.below(out.len() + 1);
            out.insert(at, (p, Some(rng.pick(ABSENT_REMARKS))));
        }
        out
    }

    fn filler(&self, rng: &mut Rng, m: &Meeting, author: Option<usize>) -> Filler<'static> {
        let toot = author.and_then(|p| ROSTER[p].toot).unwrap_or_else(|| {
            let with: Vec<&Member> = ROSTER.iter().filter(|p| p.toot.is_some()).collect();
            rng.pick(&with).toot.expect("filtered")
        });
        Filler {
            year: m.date.year,
            month: m.date.month,
            handle: author.and_then(|p| self.handle(p, m)),
            toot,
            others: m
                .active
                .iter()
                .filter(|&&p| Some(p) != author)
                .map(|&p| ROSTER[p].first_name())
                .collect(),
        }
    }

    /// How many top-level items a recap has.
    fn recap_size(rng: &mut Rng, short: bool) -> usize {
        if short {
            rng.weighted(&[(10, 1), (20, 2), (25, 3), (20, 4), (15, 5), (10, 6)])
        } else {
            rng.weighted(&[(19, 2), (27, 3), (22, 4), (15, 5), (9, 6), (5, 7), (3, 8)])
        }
    }

    /// A person as a recap heading names them: mostly the first name.
    fn heading_name(&self, rng: &mut Rng, p: usize, m: &Meeting) -> String {
        let member = &ROSTER[p];
        match (rng.weighted(&[(85, 0), (7, 1), (5, 2), (3, 3)]), self.handle(p, m)) {
            (1, _) => member.name.to_string(),
            (2, Some(h)) => h.to_string(),
            (3, Some(h)) => format!("@{h}"),
            _ => member.first_name().to_string(),
        }
    }

    fn sections(
        &mut self,
        rng: &mut Rng,
        m: &Meeting,
        style: &YearStyle,
        out: &mut Vec<String>,
        recaps: &mut Vec<(usize, u32)>,
    ) {
        let recappers = self.recappers(rng, m);
        let indent = style.indent;
        let mut discussion_done = false;
        match style.recap {
            RecapForm::Headings | RecapForm::NotesHeadings => {
                let notes = style.recap == RecapForm::NotesHeadings;
                out.push(format!(
                    "## {}",
                    if notes { style.notes_title } else { style.recap_title }
                ));
                out.push(String::new());
                // Older notes sections mix topic groups in with the people.
                let groups = if notes {
                    rng.weighted(&[(3, 0), (4, 1), (2, 2)])
                } else {
                    0
                };
                let mut group_at: Vec<usize> = (0..groups).map(|_| rng.below(recappers.len() + 1)).collect();
                group_at.sort_unstable();
                for (i, &(p, remark)) in recappers.iter().enumerate() {
                    while group_at.first() == Some(&i) {
                        group_at.remove(0);
                        self.topic_group(rng, m, style, out);
                    }
                    let name = self.heading_name(rng, p, m);
                    match remark {
                        Some(r) => out.push(format!("### {name} ({r})")),
                        None => out.push(format!("### {name}")),
                    }
                    out.push(String::new());
                    if rng.chance(0.04) {
                        // A paragraph is not an item.
                        out.push("Short one this time:".to_string());
                        out.push(String::new());
                    }
                    let n = Self::recap_size(rng, false);
                    let filler = self.filler(rng, m, Some(p));
                    let source = Source::Interests(ROSTER[p].interests);
                    out.extend(bullets(rng, &filler, &source, n, "", indent));
                    out.push(String::new());
                    recaps.push((p, n as u32));
                    if self.noise > 0.0 && rng.chance(self.noise * 0.3) {
                        out.extend(crate::noise::block(rng));
                        out.push(String::new());
                    }
                }
                for _ in group_at {
                    self.topic_group(rng, m, style, out);
                }
            }
            RecapForm::Bullets => {
                if rng.chance(0.5) {
                    out.push(format!("## {}", style.recap_title));
                    out.push(String::new());
                } else {
                    out.push(format!("## {}", style.notes_title));
                    out.push(String::new());
                    out.push(format!(
                        "### {}",
                        rng.pick(&["Biweekly recap", "Updates", "Status updates"])
                    ));
                    out.push(String::new());
                }
                for &(p, remark) in &recappers {
                    if rng.chance(0.15) {
                        out.extend(self.topic_bullet(rng, m, indent));
                    }
                    let member = &ROSTER[p];
                    let handle = self.handle(p, m);
                    let first = member.first_name();
                    let remark = remark.or_else(|| rng.chance(0.08).then_some("only briefly"));
                    let mut name = match (rng.weighted(&[(40, 0), (30, 1), (10, 2), (10, 3), (10, 4)]), handle) {
                        (1, _) => format!("{first}:"),
                        (2, _) => format!("{}:", member.name),
                        (3, _) => format!("**{first}**"),
                        (4, Some(h)) => format!("@{h}"),
                        _ => first.to_string(),
                    };
                    if let Some(r) = remark {
                        // "Dennis (only briefly)" or "Dennis (only briefly):".
                        name = match name.strip_suffix(':') {
                            Some(n) => format!("{n} ({r}):"),
                            None => format!("{name} ({r})"),
                        };
                    }
                    out.push(format!("- {name}"));
                    let n = Self::recap_size(rng, true);
                    let filler = self.filler(rng, m, Some(p));
                    let source = Source::Interests(member.interests);
                    out.extend(bullets(rng, &filler, &source, n, indent, indent));
                    recaps.push((p, n as u32));
                }
                if rng.chance(0.2) {
                    out.extend(self.topic_bullet(rng, m, indent));
                }
                out.push(String::new());
            }
            RecapForm::HandleColon => {
                // Years that wrote "- handle: did X" kept their topic notes
                // in a notes section before the discussion.
                if rng.chance(0.7) {
                    out.push(format!("## {}", style.notes_title));
                    out.push(String::new());
                    for _ in 0..rng.int(1, 2) {
                        self.topic_group(rng, m, style, out);
                    }
                }
                out.push(format!("## {}", style.discussion_title));
                out.push(String::new());
                discussion_done = true;
                let mut items: Vec<Vec<String>> = Vec::new();
                for &(p, remark) in &recappers {
                    let member = &ROSTER[p];
                    let who = match self.handle(p, m) {
                        Some(h) if rng.chance(0.8) => h.to_string(),
                        _ => member.first_name().to_string(),
                    };
                    let who = match remark {
                        Some(_) => format!("{who} (async)"),
                        None => who,
                    };
                    let bold = rng.chance(0.2);
                    let n = rng.weighted(&[(30, 1), (35, 2), (25, 3), (10, 4)]);
                    let filler = self.filler(rng, m, Some(p));
                    let source = Source::Interests(member.interests);
                    // Drawn at once, so one person's bullets differ.
                    for mut lines in top_level(bullets(rng, &filler, &source, n, "", indent)) {
                        let text = lines[0].strip_prefix("- ").expect("a bullet").to_string();
                        lines[0] = if bold {
                            format!("- **{who}:** {text}")
                        } else {
                            format!("- {who}: {text}")
                        };
                        items.push(lines);
                    }
                    recaps.push((p, n as u32));
                }
                // Topics and remarks between the people's bullets.
                for _ in 0..rng.weighted(&[(3, 0), (4, 1), (2, 2), (1, 3)]) {
                    let at = rng.below(items.len() + 1);
                    let lines = if rng.chance(0.5) {
                        let filler = self.filler(rng, m, None);
                        bullets(rng, &filler, &Source::Discussion, 1, "", indent)
                    } else {
                        self.loose_remark(rng, m)
                    };
                    items.insert(at, lines);
                }
                out.extend(items.into_iter().flatten());
                out.push(String::new());
            }
        }

        if !discussion_done && rng.chance(style.discussion) {
            out.push(format!("## {}", style.discussion_title));
            out.push(String::new());
            let filler = self.filler(rng, m, None);
            let n = rng.int(1, 5) as usize;
            out.extend(bullets(rng, &filler, &Source::Discussion, n, "", indent));
            out.push(String::new());
        }
        if rng.chance(style.actions) && !m.participants.is_empty() {
            out.push("## Action Items".to_string());
            out.push(String::new());
            let filler = self.filler(rng, m, None);
            for _ in 0..rng.int(1, 3) {
                let template = rng.pick(prose::ACTIONS);
                let action = filler.fill(rng, template, &mut Scope::default());
                let owner = ROSTER[rng.pick(&m.participants)].first_name();
                let done = if rng.chance(0.3) { "x" } else { " " };
                out.push(format!("- [{done}] {action} ({owner})"));
            }
            out.push(String::new());
        }
        if self.noise > 0.0 && rng.chance(self.noise * 0.3) {
            // An empty section.
            out.push(format!(
                "## {}",
                rng.pick(&["Action Items", "Notes", "Discussion Topics"])
            ));
            out.push(String::new());
        }
    }

    /// `### Nezha News` and a few topic bullets under it.
    fn topic_group(&self, rng: &mut Rng, m: &Meeting, style: &YearStyle, out: &mut Vec<String>) {
        out.push(format!("### {}", rng.pick(prose::TOPIC_GROUPS)));
        out.push(String::new());
        let filler = self.filler(rng, m, None);
        let n = rng.int(1, 3) as usize;
        out.extend(bullets(rng, &filler, &Source::Discussion, n, "", style.indent));
        out.push(String::new());
    }

    /// A bullet in a recap list that is about a topic, not a person.
    fn topic_bullet(&self, rng: &mut Rng, m: &Meeting, indent: &str) -> Vec<String> {
        if rng.chance(0.5) {
            let (topic, notes) = rng.pick(prose::TOPIC_BULLETS);
            let mut lines = vec![format!("- {topic}")];
            for _ in 0..rng.int(1, 2) {
                lines.push(format!("{indent}- {}", rng.pick(notes)));
            }
            lines.dedup();
            lines
        } else {
            self.loose_remark(rng, m)
        }
    }

    fn loose_remark(&self, rng: &mut Rng, m: &Meeting) -> Vec<String> {
        let filler = self.filler(rng, m, None);
        let text = rng.pick(prose::LOOSE_REMARKS);
        vec![format!("- {}", filler.fill(rng, text, &mut Scope::default()))]
    }
}

/// Splits bullet lines into top-level bullets with their nested lines.
fn top_level(lines: Vec<String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some(group) if !line.starts_with("- ") => group.push(line),
            _ => out.push(vec![line]),
        }
    }
    out
}
