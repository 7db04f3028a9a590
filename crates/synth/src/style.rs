//! How a year writes its notes. Real notes drift: the first years wrote
//! `## Notes` with topic groups, recaps as `- Name:` bullets, fields as
//! bare `**Host:**` lines and times in Central European time; later years
//! settled on the 2024 format (`:::info` block, `## Biweekly Recap` with
//! `### Name`, times in UTC). Each year of an archive draws its conventions
//! with weights that move from the early forms to the 2024 form, and the
//! newest year always uses the 2024 form.
//!
//! Every convention here is one the parser documents (see the grammar in
//! `notes::parse`), so an archive's true content is known exactly.

use crate::date::{Clock, DateForm};
use crate::rng::Rng;

/// How the info block is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InfoForm {
    /// `:::info` around `- **Location:** …` bullets (2024).
    ContainerBullets,
    /// `:::info` around `**Location:** …` lines, people inline.
    ContainerLines,
    /// `**Location:** …` lines without a container, people inline.
    Lines,
    /// `- **Location:** …` bullets without a container.
    Bullets,
}

impl InfoForm {
    pub fn container(self) -> bool {
        matches!(self, InfoForm::ContainerBullets | InfoForm::ContainerLines)
    }

    pub fn bullets(self) -> bool {
        matches!(self, InfoForm::ContainerBullets | InfoForm::Bullets)
    }
}

/// Where recaps are and how they name people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecapForm {
    /// `## Biweekly Recap`, then `### Name` per person (2024).
    Headings,
    /// `## Notes` with `### Name` among `### Topic` groups.
    NotesHeadings,
    /// `- Name` bullets with the items below, in a recap section or in a
    /// `### Biweekly recap` subsection of the notes.
    Bullets,
    /// `- handle: did X` bullets in a discussion section.
    HandleColon,
}

/// How a participant is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PersonForm {
    /// `Dennis Marttinen, @twelho`
    NameCommaHandle,
    /// `Dennis Marttinen (@twelho)`
    NameParenAt,
    /// `Dennis Marttinen (twelho)`
    NameParenBare,
    /// `[Dennis Marttinen](https://github.com/twelho)`
    Link,
}

/// How the host is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HostForm {
    /// `@twelho` (a name for people without a handle).
    Handle,
    /// `Dennis`: a participant's first name.
    FirstName,
    /// `Dennis Marttinen`
    FullName,
}

/// The conventions of one year.
#[derive(Debug, Clone)]
pub(crate) struct YearStyle {
    pub newest_first: bool,
    pub date_form: DateForm,
    /// Chance of `3rd` rather than `3` in a heading.
    pub ordinal: f64,
    pub clock: Clock,
    pub info: InfoForm,
    pub date_field: bool,
    pub person: PersonForm,
    pub host: HostForm,
    pub location_label: &'static str,
    pub host_label: &'static str,
    pub participants_label: &'static str,
    /// Chance of an agenda in the info block.
    pub agenda: f64,
    pub recap: RecapForm,
    pub recap_title: &'static str,
    pub notes_title: &'static str,
    pub discussion_title: &'static str,
    /// Chance of a discussion section (besides recaps).
    pub discussion: f64,
    /// Chance of an action-items section.
    pub actions: f64,
    /// List indentation: four spaces, or two in some years.
    pub indent: &'static str,
    /// Some years left a space after the Date field.
    pub trailing_space: bool,
    /// The HackMD sync badge in the document intro.
    pub badge: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Era {
    Early,
    Middle,
    Late,
    Newest,
}

const RECAP_TITLES: &[&str] = &[
    "Biweekly Recap",
    "Biweekly Recap",
    "Biweekly recap",
    "Updates",
    "Round table",
    "Status updates",
    "Recap",
];
const NOTES_TITLES: &[&str] = &["Notes", "Notes", "Agenda/Notes", "Minutes", "Meeting notes"];
const DISCUSSION_TITLES: &[&str] = &[
    "Discussion Topics",
    "Discussion Topics",
    "Discussion",
    "Topics",
    "Other topics",
];

impl YearStyle {
    /// The 2024 format.
    pub fn newest() -> YearStyle {
        YearStyle {
            newest_first: true,
            date_form: DateForm::Long,
            ordinal: 0.03,
            clock: Clock {
                twelve_hour: true,
                exact_cet: false,
            },
            info: InfoForm::ContainerBullets,
            date_field: true,
            person: PersonForm::NameCommaHandle,
            host: HostForm::Handle,
            location_label: "Location",
            host_label: "Host",
            participants_label: "Participants",
            agenda: 0.0,
            recap: RecapForm::Headings,
            recap_title: "Biweekly Recap",
            notes_title: "Notes",
            discussion_title: "Discussion Topics",
            discussion: 0.5,
            actions: 0.0,
            indent: "    ",
            trailing_space: false,
            badge: true,
        }
    }

    /// Draws the conventions of a year at `fraction` (0 the oldest year of
    /// the archive, 1 the newest).
    pub fn draw(rng: &mut Rng, fraction: f64, newest: bool) -> YearStyle {
        let era = if newest {
            Era::Newest
        } else if fraction < 0.34 {
            Era::Early
        } else if fraction < 0.67 {
            Era::Middle
        } else {
            Era::Late
        };
        let mut s = YearStyle::newest();
        if era == Era::Newest {
            s.ordinal = if rng.chance(0.3) { 0.35 } else { 0.03 };
            s.trailing_space = rng.chance(0.25);
            return s;
        }
        let early = era == Era::Early;
        s.newest_first = !early || rng.chance(0.4);
        s.date_form = match era {
            Era::Early => rng.weighted(&[
                (3, DateForm::Long),
                (2, DateForm::Iso),
                (2, DateForm::WeekdayDayMonth),
                (2, DateForm::Abbreviated),
                (1, DateForm::Dotted),
            ]),
            Era::Middle => rng.weighted(&[
                (6, DateForm::Long),
                (1, DateForm::Iso),
                (1, DateForm::WeekdayDayMonth),
                (1, DateForm::Abbreviated),
            ]),
            _ => DateForm::Long,
        };
        s.ordinal = if rng.chance(0.3) { 0.35 } else { 0.03 };
        s.clock = Clock {
            twelve_hour: !early || rng.chance(0.5),
            exact_cet: rng.chance(0.5),
        };
        s.info = match era {
            Era::Early => rng.weighted(&[
                (3, InfoForm::ContainerBullets),
                (2, InfoForm::ContainerLines),
                (3, InfoForm::Lines),
                (2, InfoForm::Bullets),
            ]),
            Era::Middle => rng.weighted(&[
                (6, InfoForm::ContainerBullets),
                (1, InfoForm::ContainerLines),
                (1, InfoForm::Lines),
                (1, InfoForm::Bullets),
            ]),
            _ => rng.weighted(&[(9, InfoForm::ContainerBullets), (1, InfoForm::ContainerLines)]),
        };
        s.date_field = !early || rng.chance(0.6);
        s.person = rng.weighted(&[
            (if early { 3 } else { 8 }, PersonForm::NameCommaHandle),
            (3, PersonForm::NameParenAt),
            (2, PersonForm::NameParenBare),
            (2, PersonForm::Link),
        ]);
        s.host = rng.weighted(&[
            (if early { 4 } else { 8 }, HostForm::Handle),
            (3, HostForm::FirstName),
            (2, HostForm::FullName),
        ]);
        if s.info.container() && rng.chance(0.4) {
            // Label variants the parser knows; the container marks the
            // block as info, so the first field need not be a common one.
            s.location_label = rng.pick(&["Location", "Where", "Call", "Meeting link"]);
            s.host_label = rng.pick(&["Host", "Moderator", "Host(s)", "Chair"]);
            s.participants_label = rng.pick(&["Participants", "Attendees", "Present"]);
        }
        s.agenda = if early && rng.chance(0.5) { 0.4 } else { 0.0 };
        s.recap = match era {
            Era::Early => rng.weighted(&[
                (4, RecapForm::NotesHeadings),
                (3, RecapForm::Bullets),
                (1, RecapForm::HandleColon),
                (1, RecapForm::Headings),
            ]),
            Era::Middle => rng.weighted(&[
                (6, RecapForm::Headings),
                (2, RecapForm::Bullets),
                (1, RecapForm::HandleColon),
                (1, RecapForm::NotesHeadings),
            ]),
            _ => rng.weighted(&[(8, RecapForm::Headings), (1, RecapForm::Bullets)]),
        };
        s.recap_title = rng.pick(RECAP_TITLES);
        s.notes_title = rng.pick(NOTES_TITLES);
        s.discussion_title = rng.pick(DISCUSSION_TITLES);
        s.discussion = if early { 0.35 } else { 0.5 };
        s.actions = if rng.chance(0.3) { 0.15 } else { 0.0 };
        s.indent = if rng.chance(0.2) { "  " } else { "    " };
        s.trailing_space = rng.chance(0.25);
        s.badge = !early && rng.chance(0.5);
        s
    }
}
