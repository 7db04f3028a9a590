//! What happens, before anything is written: which meetings are listed,
//! which were skipped, who came and who hosted, when the meeting time
//! changed and which year writes in which conventions.
//!
//! Ported from `scripts/gen-archive.mjs`: a meeting every other Tuesday
//! (even weeks, like the real notes), summer breaks in about one year of
//! five, often no meeting around Christmas, now and then a skipped one, the
//! newest meeting planned. People come and go over the years (each has a
//! span of the archive they are around for); one renames their GitHub
//! handle halfway through.

use crate::date::{Date, DateForm, Slot, Zone};
use crate::people::ROSTER;
use crate::rng::Rng;
use crate::style::YearStyle;
use crate::Status;

/// One listed meeting.
#[derive(Debug, Clone)]
pub(crate) struct Meeting {
    /// Position among all meeting dates of the archive (listed or not);
    /// renames and people's spans are measured in these.
    pub slot: usize,
    pub date: Date,
    pub status: Status,
    /// "No meeting until August", for skipped meetings.
    pub note: Option<&'static str>,
    /// Roster indices, in roster order (as the real notes list them).
    pub participants: Vec<usize>,
    /// Roster indices; empty when the notes say "Host: N/A".
    pub hosts: Vec<usize>,
    /// Everyone around at the time, attending or not.
    pub active: Vec<usize>,
    pub time: Option<Slot>,
    /// The meeting time changed at most two meetings ago.
    pub time_changed: bool,
    /// Index into [`Plan::styles`].
    pub style: usize,
    /// Fraction of the archive before this meeting (0 oldest, 1 newest).
    pub fraction: f64,
}

/// Everything decided about an archive (or a small document).
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub seed: u64,
    /// Listed meetings, oldest first.
    pub meetings: Vec<Meeting>,
    pub styles: Vec<YearStyle>,
    /// First slot at which a renamed person uses their new handle.
    pub rename_at: usize,
    /// By roster index: attended at least one listed meeting.
    pub attended_ever: Vec<bool>,
}

/// Meeting times in Central European time (the early years) and in UTC.
const CET_TIMES: &[(u32, u32)] = &[(18, 0), (17, 0)];
const UTC_TIMES: &[(u32, u32)] = &[(15, 0), (16, 0), (17, 0), (16, 30)];

/// Notes of skipped meetings, as the info block words them.
pub(crate) const SKIP_NOTES: &[&str] = &[
    "No meeting",
    "No meeting",
    "No meeting",
    "No meeting (too many people travelling)",
    "Meeting cancelled",
    "Cancelled, see you in two weeks",
];

/// Every other Tuesday from January 1 of `first` to December 31 of `last`,
/// on the even weeks of the real notes (January 9, 2024 is one).
fn fortnightly(first: i32, last: i32) -> Vec<Date> {
    let start = Date::new(first, 1, 1).days();
    let end = Date::new(last, 12, 31).days();
    let reference = Date::new(2024, 1, 9).days();
    let offset = (start - reference).rem_euclid(14);
    let mut out = Vec::new();
    let mut day = start + (14 - offset) % 14;
    while day <= end {
        out.push(Date::from_days(day));
        day += 14;
    }
    out
}

fn time_slot(hm: (u32, u32), zone: Zone) -> Slot {
    Slot {
        hour: hm.0,
        minute: hm.1,
        zone,
    }
}

/// Plans an archive of `years` calendar years ending with `end_year`.
pub(crate) fn archive(years: u32, end_year: i32, seed: u64) -> Plan {
    let years = years.max(1);
    let start_year = end_year - years as i32 + 1;
    let dates = fortnightly(start_year, end_year);
    let total = dates.len();
    let mut rng = Rng::new(seed, "plan");
    let fraction = |i: usize| if total <= 1 { 1.0 } else { i as f64 / (total - 1) as f64 };

    // Meeting times: a few eras, switching on a meeting; Central European
    // time first, UTC in the later half (and always at the end).
    let mut times: Vec<(Slot, usize)> = Vec::with_capacity(total);
    {
        let switches_wanted = (f64::from(years) * 0.4).round() as usize;
        let mut switches: Vec<usize> = Vec::new();
        for k in 1..=switches_wanted {
            let at = (k * total) as i64 / (switches_wanted as i64 + 1) + rng.int(-8, 8);
            if at > 0 && (at as usize) < total && !switches.contains(&(at as usize)) {
                switches.push(at as usize);
            }
        }
        switches.sort_unstable();
        let mut current = if years >= 2 {
            time_slot(CET_TIMES[0], Zone::Cet)
        } else {
            time_slot(UTC_TIMES[1], Zone::Utc)
        };
        let mut since = usize::MAX / 2;
        for i in 0..total {
            if let Some(pos) = switches.iter().position(|&s| s == i) {
                let last = pos + 1 == switches.len();
                let cet = !last && fraction(i) < 0.45;
                let next = loop {
                    let candidate = if cet {
                        time_slot(rng.pick(CET_TIMES), Zone::Cet)
                    } else {
                        time_slot(rng.pick(UTC_TIMES), Zone::Utc)
                    };
                    if candidate != current {
                        break candidate;
                    }
                };
                current = next;
                since = 0;
            } else {
                since += 1;
            }
            times.push((current, since));
        }
    }

    // Conventions per year.
    let mut styles: Vec<YearStyle> = (0..years)
        .map(|k| {
            let mut r = Rng::new(seed, &format!("style:{}", start_year + k as i32));
            let f = if years == 1 {
                1.0
            } else {
                f64::from(k) / f64::from(years - 1)
            };
            YearStyle::draw(&mut r, f, k + 1 == years)
        })
        .collect();
    showcase_drift(&mut styles, seed);

    // Summer breaks ("No meeting until August") in about one year of five.
    let mut break_years: Vec<i32> = (start_year..=end_year).collect();
    rng.shuffle(&mut break_years);
    break_years.truncate((f64::from(years) * 0.2).round() as usize);

    // Listed meetings, oldest first.
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut omit_until: Option<Date> = None;
    for (i, &date) in dates.iter().enumerate() {
        if omit_until.is_some_and(|until| date < until) {
            continue;
        }
        let mut r = Rng::new(seed, &format!("plan:{date}"));
        let newest = i + 1 == total;
        let (mut status, mut note) = (Status::Held, None);
        if newest {
            status = Status::Planned;
        } else if break_years.contains(&date.year) && date.month == 6 && (8..=21).contains(&date.day) {
            // The dates between are not listed at all.
            let target = if r.chance(0.85) { 8 } else { 9 };
            let until = Date::new(date.year, target, 1);
            if dates[total - 1] > until {
                status = Status::Skipped;
                note = Some(if target == 8 {
                    "No meeting until August"
                } else {
                    "No meeting until September"
                });
                omit_until = Some(until);
            }
        } else if date.month == 12 && date.day >= 20 && r.chance(0.55) {
            status = Status::Skipped;
            if r.chance(0.4) && date.day <= 24 && i + 2 < total {
                note = Some("No meeting until January");
                omit_until = Some(Date::new(date.year + 1, 1, 1));
            } else {
                note = Some(r.pick(&["No meeting", "No meeting (holidays)", "No meeting, happy holidays!"]));
            }
        } else if r.chance(0.06) {
            status = Status::Skipped;
            note = Some(r.pick(SKIP_NOTES));
        }
        let (time, since) = times[i];
        meetings.push(Meeting {
            slot: i,
            date,
            status,
            note,
            participants: Vec::new(),
            hosts: Vec::new(),
            active: Vec::new(),
            time: Some(time),
            time_changed: since <= 2,
            style: (date.year - start_year) as usize,
            fraction: fraction(i),
        });
    }
    debug_assert_eq!(
        meetings.last().map(|m| m.slot),
        Some(total - 1),
        "the newest meeting is listed"
    );

    let rename_at = total / 2;
    let mut plan = Plan {
        seed,
        meetings,
        styles,
        rename_at,
        attended_ever: vec![false; ROSTER.len()],
    };
    let everyone: Vec<usize> = (0..ROSTER.len()).collect();
    attendance(&mut plan, &everyone, true);
    plan
}

/// Makes sure an archive of four years or more shows every early
/// convention at least once: its three oldest years take the three early
/// recap forms, the three info forms unlike the 2024 block and three of the
/// four older date spellings, in an order the seed decides.
fn showcase_drift(styles: &mut [YearStyle], seed: u64) {
    use crate::style::{InfoForm, RecapForm};
    if styles.len() < 4 {
        return;
    }
    let mut rng = Rng::new(seed, "showcase");
    let mut recaps = [RecapForm::NotesHeadings, RecapForm::Bullets, RecapForm::HandleColon];
    let mut infos = [InfoForm::Lines, InfoForm::ContainerLines, InfoForm::Bullets];
    let mut dates = [
        DateForm::Iso,
        DateForm::WeekdayDayMonth,
        DateForm::Abbreviated,
        DateForm::Dotted,
    ];
    rng.shuffle(&mut recaps);
    rng.shuffle(&mut infos);
    rng.shuffle(&mut dates);
    for (k, style) in styles.iter_mut().take(3).enumerate() {
        style.recap = recaps[k];
        style.info = infos[k];
        style.date_form = dates[k];
        if !style.info.container() {
            // Without a container the parser finds the block by its first
            // label, so these years use the common labels.
            style.location_label = "Location";
            style.host_label = "Host";
            style.participants_label = "Participants";
        }
    }
    // And one year in Central European time writes the zone in force
    // that day (CET or CEST), one the combined "CET/CEST".
    styles[0].clock.exact_cet = true;
    styles[1].clock.exact_cet = false;
}

/// Decides who came to and who hosted each meeting. With `rename`, the
/// renamed person is made to attend once before and once after the rename,
/// so that both handles are in the notes.
pub(crate) fn attendance(plan: &mut Plan, members: &[usize], rename: bool) {
    let seed = plan.seed;
    for m in &mut plan.meetings {
        let mut r = Rng::new(seed, &format!("people:{}:{}", m.date, m.slot));
        m.active = members
            .iter()
            .copied()
            .filter(|&p| (ROSTER[p].span.0..=ROSTER[p].span.1).contains(&m.fraction))
            .collect();
        if m.active.is_empty() {
            m.active = members.to_vec();
        }
        if m.status != Status::Held {
            continue;
        }
        let mut parts: Vec<usize> = m
            .active
            .iter()
            .copied()
            .filter(|&p| r.chance(ROSTER[p].attend))
            .collect();
        if parts.is_empty() {
            let weights: Vec<(u32, usize)> = m.active.iter().map(|&p| (ROSTER[p].host, p)).collect();
            parts.push(r.weighted(&weights));
        }
        while parts.len() > 6 {
            // Drop the least regular attendee.
            let least = (0..parts.len())
                .min_by(|&a, &b| ROSTER[parts[a]].attend.total_cmp(&ROSTER[parts[b]].attend))
                .expect("not empty");
            parts.remove(least);
        }
        parts.sort_unstable();
        m.participants = parts;
    }

    if rename {
        if let Some(p) = ROSTER.iter().position(|m| m.renamed.is_some()) {
            let rename_at = plan.rename_at;
            let held = |m: &Meeting| m.status == Status::Held && m.active.contains(&p);
            let before = plan.meetings.iter().rposition(|m| m.slot < rename_at && held(m));
            let after = plan.meetings.iter().position(|m| m.slot >= rename_at && held(m));
            for i in [before, after].into_iter().flatten() {
                let parts = &mut plan.meetings[i].participants;
                if !parts.contains(&p) {
                    parts.push(p);
                    parts.sort_unstable();
                }
            }
        }
    }

    for m in &plan.meetings {
        for &p in &m.participants {
            plan.attended_ever[p] = true;
        }
    }
    for m in &mut plan.meetings {
        let mut r = Rng::new(seed, &format!("hosts:{}:{}", m.date, m.slot));
        match m.status {
            Status::Held => {
                if r.chance(0.02) {
                    // "Host: N/A"
                    continue;
                }
                let weights: Vec<(u32, usize)> = m.participants.iter().map(|&p| (ROSTER[p].host, p)).collect();
                let host = r.weighted(&weights);
                m.hosts.push(host);
                if m.participants.len() >= 3 && r.chance(0.04) {
                    // Now and then two people share the job.
                    let others: Vec<(u32, usize)> = weights.iter().copied().filter(|&(_, p)| p != host).collect();
                    m.hosts.push(r.weighted(&others));
                }
            }
            Status::Planned => {
                // Someone who came before, so that the host is a known person.
                let known: Vec<(u32, usize)> = m
                    .active
                    .iter()
                    .copied()
                    .filter(|&p| plan.attended_ever[p])
                    .map(|p| (ROSTER[p].host, p))
                    .collect();
                if !known.is_empty() {
                    m.hosts.push(r.weighted(&known));
                }
            }
            Status::Skipped => {}
        }
    }
}

/// Plans a small document of one to eight meetings for property tests:
/// random dates (mostly a fortnight apart, sometimes days apart like a
/// hackathon), a few people, one or two sets of conventions.
pub(crate) fn small(seed: u64) -> Plan {
    let mut rng = Rng::new(seed, "small");
    let year = rng.int(2019, 2024) as i32;
    let jan1 = Date::new(year, 1, 1);
    // The first Tuesday, then some weeks in.
    let first_tuesday = jan1.add_days(((1 + 7 - jan1.weekday()) % 7) as i64);
    let mut date = first_tuesday.add_days(7 * rng.int(0, 40));
    let n = rng.int(1, 8) as usize;

    let mut members: Vec<usize> = (0..ROSTER.len()).collect();
    rng.shuffle(&mut members);
    members.truncate(rng.int(2, 6) as usize);
    members.sort_unstable();

    let style_count = if n >= 3 && rng.chance(0.4) { 2 } else { 1 };
    let styles: Vec<YearStyle> = (0..style_count)
        .map(|_| {
            let f = rng.int(0, 10) as f64 / 10.0;
            let newest = rng.chance(0.2);
            YearStyle::draw(&mut rng, f, newest)
        })
        .collect();

    let mut meetings = Vec::with_capacity(n);
    for i in 0..n {
        if i > 0 {
            let step = rng.weighted(&[(80, 14), (10, 7), (6, 1), (2, 21), (2, 0)]);
            date = date.add_days(step);
        }
        let newest = i + 1 == n;
        let status = if newest && n > 1 && rng.chance(0.3) {
            Status::Planned
        } else if rng.chance(0.15) {
            Status::Skipped
        } else {
            Status::Held
        };
        let time = if rng.chance(0.1) {
            None
        } else if rng.chance(0.5) {
            Some(time_slot(rng.pick(CET_TIMES), Zone::Cet))
        } else {
            Some(time_slot(rng.pick(UTC_TIMES), Zone::Utc))
        };
        meetings.push(Meeting {
            slot: i,
            date,
            status,
            note: (status == Status::Skipped).then(|| rng.pick(SKIP_NOTES)),
            participants: Vec::new(),
            hosts: Vec::new(),
            active: Vec::new(),
            time,
            time_changed: rng.chance(0.1),
            style: if style_count == 2 && i >= n / 2 { 1 } else { 0 },
            fraction: rng.int(0, 100) as f64 / 100.0,
        });
    }
    let mut plan = Plan {
        seed,
        meetings,
        styles,
        rename_at: n / 2,
        attended_ever: vec![false; ROSTER.len()],
    };
    attendance(&mut plan, &members, false);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_fall_on_even_tuesdays() {
        let dates = fortnightly(2015, 2024);
        assert!(dates.iter().all(|d| d.weekday() == 1));
        assert!(dates.contains(&Date::new(2024, 1, 9)));
        assert!(dates.contains(&Date::new(2024, 8, 20)));
        assert_eq!(dates.windows(2).filter(|w| w[1].days() - w[0].days() != 14).count(), 0);
    }

    #[test]
    fn the_newest_meeting_is_planned_and_hosted() {
        for years in [1, 3, 10] {
            let plan = archive(years, 2024, 5);
            let last = plan.meetings.last().unwrap();
            assert_eq!(last.status, Status::Planned);
            assert_eq!(last.hosts.len(), 1);
            assert!(plan
                .meetings
                .iter()
                .all(|m| m.status != Status::Held || !m.participants.is_empty()));
        }
    }
}
