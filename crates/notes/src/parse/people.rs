//! People as the notes name them ("Dennis Marttinen, @twelho", "@twelho",
//! "Dennis", "[Daniel](https://github.com/orangecms)"), merged into one
//! person per human: by GitHub handle, by full name (so a handle renamed
//! between years is still the same person), and by first name when a
//! recap heading says only "Dennis".

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::model::{Inline, LinkTarget, Person, PersonId};
use crate::words::{find_str, fold, folded, lower_char, slug, with_folded};

/// A name and/or handle exactly as found in the notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonRef {
    pub name: Option<String>,
    pub handle: Option<String>,
    /// What the entry says besides the name and handle ("guest" in
    /// "Chiraag (guest)", "host" in "Dennis Marttinen - host").
    pub remark: Option<String>,
}

impl PersonRef {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.handle.is_none()
    }
}

#[derive(Debug, Default)]
struct Entry {
    name: Option<String>,
    /// Handles with the latest date each was seen on.
    handles: Vec<(String, Option<NaiveDate>)>,
    /// Set when this entry turned out to be the same human as another.
    merged_into: Option<usize>,
}

/// Interns people while documents are parsed; [`Registry::finish`] yields
/// the final list and how old ids map onto it.
///
/// Lookups go through indexes, so interning `n` people is linear, not
/// quadratic (a hostile list of 200 000 handles took minutes).
#[derive(Debug, Default)]
pub struct Registry {
    entries: Vec<Entry>,
    /// Lowercased handle → the live entry holding it (only ever one).
    by_handle: HashMap<String, usize>,
    /// Folded name → entries that were given it; names change, so a hit
    /// is checked again on use.
    by_name: HashMap<String, Vec<usize>>,
    /// Folded first name → entries whose name started with it, checked
    /// again on use like `by_name`.
    by_first: HashMap<String, Vec<usize>>,
}

impl Registry {
    fn root(&self, mut i: usize) -> usize {
        while let Some(next) = self.entries[i].merged_into {
            i = next;
        }
        i
    }

    fn find_handle(&self, handle: &str) -> Option<usize> {
        // Lowercased on the stack, as handles are short.
        let mut buf = [0u8; 64];
        if handle.len() > buf.len() {
            return self.by_handle.get(&handle.to_ascii_lowercase()).copied();
        }
        let buf = &mut buf[..handle.len()];
        buf.copy_from_slice(handle.as_bytes());
        buf.make_ascii_lowercase();
        // Only ASCII letters changed: still UTF-8.
        let key = std::str::from_utf8(buf).unwrap_or_else(|_| unreachable!("lowercasing ASCII keeps UTF-8"));
        self.by_handle.get(key).copied()
    }

    fn find_name(&self, name: &str) -> Option<usize> {
        with_folded(name, |key| {
            let live_with_name = |i: &usize| {
                self.entries[*i].merged_into.is_none()
                    && self.entries[*i]
                        .name
                        .as_deref()
                        .is_some_and(|n| folded(n).eq(key.chars()))
            };
            self.by_name.get(key)?.iter().copied().filter(live_with_name).min()
        })
    }

    fn set_name(&mut self, i: usize, name: String) {
        let folded = fold(&name);
        if let Some(first) = name.split_whitespace().next() {
            self.by_first.entry(fold(first)).or_default().push(i);
        }
        self.by_name.entry(folded).or_default().push(i);
        self.entries[i].name = Some(name);
    }

    /// The person for a name and/or handle, creating or merging as needed.
    pub fn intern(&mut self, person: &PersonRef, seen: Option<NaiveDate>) -> Option<PersonId> {
        let by_handle = person.handle.as_deref().and_then(|h| self.find_handle(h));
        // A lone first name is not enough to merge two records into one.
        let full_name = person
            .name
            .as_deref()
            .filter(|n| n.split_whitespace().count() >= 2 || person.handle.is_none());
        let by_name = full_name.and_then(|n| self.find_name(n));
        let id = match (by_handle, by_name) {
            (Some(h), Some(n)) if h != n => {
                let moved = std::mem::take(&mut self.entries[n].handles);
                for (handle, _) in &moved {
                    self.by_handle.insert(handle.to_ascii_lowercase(), h);
                }
                self.entries[h].handles.extend(moved);
                if self.entries[h].name.is_none() {
                    if let Some(name) = self.entries[n].name.take() {
                        self.set_name(h, name);
                    }
                }
                self.entries[n].merged_into = Some(h);
                h
            }
            (Some(i), _) | (None, Some(i)) => i,
            (None, None) => {
                if person.is_empty() {
                    return None;
                }
                self.entries.push(Entry::default());
                self.entries.len() - 1
            }
        };
        if let Some(new) = &person.name {
            // Prefer the longer form: "Dennis" then "Dennis Marttinen".
            let longer = self.entries[id]
                .name
                .as_deref()
                .is_none_or(|old| new.split_whitespace().count() > old.split_whitespace().count());
            if longer {
                self.set_name(id, new.clone());
            }
        }
        if let Some(handle) = &person.handle {
            let entry = &mut self.entries[id];
            match entry.handles.iter_mut().find(|(h, _)| h.eq_ignore_ascii_case(handle)) {
                Some((_, date)) => *date = (*date).max(seen),
                None => {
                    entry.handles.push((handle.clone(), seen));
                    self.by_handle.insert(handle.to_ascii_lowercase(), id);
                }
            }
        }
        Some(PersonId(id as u32))
    }

    /// Resolves how a recap names a person: handle, full name, or first
    /// name, preferring `preferred` (the meeting's participants).
    pub fn resolve(&self, written: &str, preferred: &[PersonId]) -> Option<PersonId> {
        let written = written.trim().trim_start_matches('@').trim();
        if written.is_empty() {
            return None;
        }
        if let Some(i) = self.find_handle(written) {
            return Some(PersonId(i as u32));
        }
        // A full name is one person; a lone first name is first looked for
        // among the participants ("### Daniel" in a meeting Daniel
        // Maslowski attended), then as someone known by it alone.
        let lone = written.split_whitespace().nth(1).is_none();
        let exact = self.find_name(written);
        if let (false, Some(i)) = (lone, exact) {
            return Some(PersonId(i as u32));
        }
        if let Some((first, initial)) = initialled(written) {
            // "### Dennis M.": the one person known by a full name so.
            return self.one_with_initial(first, initial).map(|i| PersonId(i as u32));
        }
        with_folded(written, |key| {
            preferred
                .iter()
                .map(|p| self.root(p.0 as usize))
                .find(|&i| self.first_name_is(i, key))
                .or(exact.filter(|_| lone))
                // Someone who sent a recap without attending: anyone known,
                // but only when the first name is unambiguous.
                .or_else(|| self.only_one_first_named(key, &|_| true))
                .map(|i| PersonId(i as u32))
        })
    }

    /// Whether entry `i`'s name starts with the word `key` (folded).
    fn first_name_is(&self, i: usize, key: &str) -> bool {
        self.entries[i]
            .name
            .as_deref()
            .and_then(|n| n.split_whitespace().next())
            .is_some_and(|first| folded(first).eq(key.chars()))
    }

    /// The one live entry whose first name is `key` (folded) among those
    /// `keep` accepts; none when there are several.
    fn only_one_first_named(&self, key: &str, keep: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut found = None;
        for i in self.by_first.get(key)?.iter().copied() {
            if self.entries[i].merged_into.is_some() || !self.first_name_is(i, key) || found == Some(i) || !keep(i) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
        found
    }

    /// The one live entry with the full name `first` and a last name
    /// starting with `initial` ("Dennis Marttinen" for "Dennis M."). Not
    /// looked for among more than a few dozen of that first name (a
    /// hostile list would make it quadratic).
    fn one_with_initial(&self, first: &str, initial: char) -> Option<usize> {
        with_folded(first, |key| {
            if self.by_first.get(key).is_none_or(|v| v.len() > 64) {
                return None;
            }
            self.only_one_first_named(key, &|j| {
                let name = self.entries[j].name.as_deref().unwrap_or_default();
                let last = name.split_whitespace().nth(1).and_then(|w| w.chars().next());
                initialled(name).is_none() && last.is_some_and(|c| lower_char(c) == lower_char(initial))
            })
        })
    }

    /// Someone a year lists by first name alone ("Participants: Daniel,
    /// Dennis"), with no handle, is the one person known by a full name
    /// starting so ("Daniel Maslowski"), and becomes them: a filter by
    /// person then finds those meetings too. Not when two full names start
    /// so, nor when the two are listed side by side in one meeting
    /// (`meetings`: each meeting's participants), which makes them two people.
    pub fn merge_first_names<'a>(&mut self, meetings: impl Iterator<Item = &'a [crate::model::Participant]>) {
        // Indexed by entry (plain vectors: no new map type in the wasm).
        let full_name = |j: usize| {
            self.entries[j]
                .name
                .as_deref()
                .is_some_and(|n| n.split_whitespace().nth(1).is_some())
        };
        let mut into: Vec<Option<usize>> = (0..self.entries.len())
            .map(|i| {
                let e = &self.entries[i];
                let name = e
                    .name
                    .as_deref()
                    .filter(|_| e.merged_into.is_none() && e.handles.is_empty())?;
                match initialled(name) {
                    // "Dennis M.": the one full name "Dennis M…".
                    Some((first, initial)) => self.one_with_initial(first, initial),
                    None if full_name(i) => None,
                    None => self.only_one_first_named(&fold(name), &full_name),
                }
            })
            .collect();
        // Which meeting last listed each entry: two in the same one apart.
        let mut listed_in = vec![usize::MAX; self.entries.len()];
        for (k, ids) in meetings.enumerate() {
            for p in ids {
                listed_in[self.root(p.person.0 as usize)] = k;
            }
            for p in ids {
                let lone = self.root(p.person.0 as usize);
                if into[lone].is_some_and(|full| listed_in[full] == k) {
                    into[lone] = None;
                }
            }
        }
        // A name that is someone's handle ("Participants: twelho, luxas")
        // is them, wherever it is listed: a handle names one person.
        for (lone, into) in into.iter_mut().enumerate() {
            let e = &self.entries[lone];
            let handle = e
                .name
                .as_deref()
                .filter(|n| e.merged_into.is_none() && e.handles.is_empty() && is_handle(n));
            if let Some(owner) = handle
                .and_then(|h| self.find_handle(h))
                .map(|o| self.root(o))
                .filter(|o| *o != lone)
            {
                *into = Some(owner);
            }
        }
        for (lone, full) in into.into_iter().enumerate() {
            if let Some(full) = full {
                self.entries[lone].merged_into = Some(full);
            }
        }
    }

    /// The final people list and, for every id handed out, its new id.
    pub fn finish(self) -> (Vec<Person>, Vec<PersonId>) {
        let mut new_index = vec![usize::MAX; self.entries.len()];
        let mut people = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            if entry.merged_into.is_none() {
                new_index[i] = people.len();
                let mut handles = entry.handles.clone();
                // Latest handle last, so it becomes the slug.
                crate::order::sort_by_rank(&mut handles, |(_, d)| {
                    (d.map_or(i64::MIN, |d| i64::from(d.num_days_from_ce())), 0)
                });
                let handles: Vec<String> = handles.into_iter().map(|(h, _)| h).collect();
                let slug = handles
                    .last()
                    .map(|h| h.to_ascii_lowercase())
                    // A name with no ASCII letters ("Ωμέγα") slugs to nothing.
                    .or_else(|| entry.name.as_deref().map(slug).filter(|s| !s.is_empty()))
                    .unwrap_or_else(|| format!("person-{i}"));
                people.push(Person {
                    slug,
                    name: entry.name.clone(),
                    handles,
                    ..Person::default()
                });
            }
        }
        let map = (0..self.entries.len())
            .map(|i| PersonId(new_index[self.root(i)] as u32))
            .collect();
        // Two people could end up with the same slug (a name slug equal to
        // someone's handle); keep slugs unique since URLs use them.
        // Per slug, the next number to try: a thousand people of one slug
        // do not each try the numbers the others took.
        let mut seen = std::collections::HashSet::new();
        // (u32: the same map type as the anchors' counts, one copy of its code.)
        let mut next: HashMap<String, u32> = HashMap::new();
        for p in &mut people {
            let mut candidate = p.slug.clone();
            while !seen.insert(candidate.clone()) {
                let n = next.entry(p.slug.clone()).or_insert(2);
                candidate = format!("{}-{n}", p.slug);
                *n += 1;
            }
            p.slug = candidate;
        }
        (people, map)
    }
}

/// A GitHub handle: letters, digits and single hyphens, at most 39 chars.
pub fn is_handle(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 39
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !word.starts_with('-')
}

/// The handle in a GitHub profile URL (`https://github.com/orangecms`).
fn github_handle(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("http://github.com/"))?;
    let rest = rest.trim_end_matches('/');
    (is_handle(rest)).then(|| rest.to_string())
}

/// Reads one participant entry: "Dennis Marttinen, @twelho",
/// "Dennis Marttinen (@twelho)", "@twelho", "Dennis Marttinen",
/// "[Dennis](https://github.com/twelho)".
pub fn person_from_inlines(inlines: &[Inline]) -> PersonRef {
    let mut person = person_from_text(&Inline::plain_text(inlines));
    // Where the text names no handle, the profile it links to.
    if person.handle.is_none() {
        person.handle = link_handle(inlines);
    }
    person
}

/// The handle of the first GitHub profile that `inlines` link to.
pub fn link_handle(inlines: &[Inline]) -> Option<String> {
    for inline in inlines {
        if let Inline::Link { target, .. } = inline {
            if let LinkTarget::Web(url) = &**target {
                if let Some(handle) = github_handle(url.as_str()) {
                    return Some(handle);
                }
            }
        }
    }
    None
}

pub fn person_from_text(text: &str) -> PersonRef {
    // The name's words joined as they are found: one allocation.
    let mut name = String::new();
    let mut handle = None;
    let mut in_paren = false;
    // After a dash on its own ("Dennis Marttinen - host") comes a remark,
    // or a handle ("Daniel - @orangecms").
    let mut remark = false;
    let mut note = String::new();
    for raw in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if raw.is_empty() {
            continue;
        }
        if matches!(raw, "-" | "–" | "—" | "/" | "|") && !name.is_empty() {
            remark = true;
            continue;
        }
        let opens = raw.starts_with('(');
        let word = raw.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '*' | '_' | '"'));
        if let Some(h) = word.strip_prefix('@') {
            let h = h.trim_end_matches(['.', ':']);
            if handle.is_none() && is_handle(h) {
                handle = Some(h.to_string());
            }
        } else if opens
            && handle.is_none()
            && is_handle(word)
            && raw.ends_with(')')
            && !name.is_empty()
            && !crate::words::in_list(ROLES, word.as_bytes())
        {
            // "Dennis Marttinen (twelho)", not "Dennis Marttinen (host)"
            handle = Some(word.to_string());
        } else if opens || in_paren || remark {
            // A remark in parentheses or after a dash is not part of the
            // name; it is kept beside it.
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(word);
            if opens || in_paren {
                in_paren = !raw.ends_with(')');
                continue;
            }
        } else if handle.is_none() && is_name_word(word) {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(word);
        }
        if opens && !raw.ends_with(')') {
            in_paren = true;
        }
    }
    // Trimmed in place: the joined text is the name, no copy.
    let trim = |c: char| matches!(c, '-' | ':' | '/' | '|' | '–' | '—' | '·') || c.is_whitespace();
    let end = name.trim_end_matches(trim).len();
    let start = end - name[..end].trim_start_matches(trim).len();
    name.truncate(end);
    name.drain(..start);
    PersonRef {
        name: (!name.is_empty() && !is_no_one(&name) && !is_unnamed(&name)).then_some(name),
        handle,
        remark: (!note.is_empty()).then_some(note),
    }
}

/// A word that can be part of a name: not an emoji or other symbols alone
/// ("🚀", "🧑‍💻", "+"), not a shortcode (":wave:"), not an e-mail address.
fn is_name_word(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
        && !(word.len() > 2 && word.starts_with(':') && word.ends_with(':'))
        && !word.contains('@')
}

/// What one word in parentheses after a name says when it is not the
/// person's handle: a role or how they took part ("Lucas Käldström
/// (remote)"). Taken for a handle, it made everyone "(remote)" one person.
const ROLES: &str = concat!(
    "host co-host cohost chair moderator facilitator organizer organiser lead presenter speaker demo ",
    "notes note-taker notetaker scribe minutes secretary guest guests visitor new first newcomer ",
    "remote online offline onsite on-site in-person irl virtual late early partly partially partial ",
    "briefly absent away excused afk audio video phone dial-in dialin listening lurking observer ",
    "async asynchronous asynchronously tentative optional ",
    "maintainer maintainers intern student mentor mentee he she they him her them",
);

/// A first name and an initial ("Dennis M.", "Daniel K"): the first name
/// and the initial's letter.
fn initialled(name: &str) -> Option<(&str, char)> {
    let mut words = name.split_whitespace();
    let (first, last) = (words.next()?, words.next()?);
    let mut letters = last.strip_suffix('.').unwrap_or(last).chars();
    let initial = letters.next().filter(|c| c.is_alphabetic())?;
    (words.next().is_none() && letters.next().is_none()).then_some((first, initial))
}

/// `text` without the emphasis marks around it (`**Dennis**`, `_Lucas_`).
pub fn unmarked(text: &str) -> &str {
    text.trim_matches(|c: char| c == '*' || c == '_')
}

/// "N/A", "none", "-", "TBD": no person.
pub fn is_no_one(text: &str) -> bool {
    let t = unmarked(text.trim());
    [
        "", "n/a", "na", "none", "-", "–", "tbd", "tba", "?", "nobody", "no one", "noone",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
}

/// Who a list leaves unnamed, in one entry's name: "everyone else",
/// "others", "plus a guest", "2 guests", "a few students".
fn is_unnamed(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    let more = name.len() > first.len();
    crate::words::in_list(UNNAMED, first.as_bytes())
        // "a guest", "an intern": lower case only ("A. Smith" is a name).
        || (matches!(first, "a" | "an") && more)
        // A count before a word ("2 guests"), not a name.
        || (first.bytes().all(|b| b.is_ascii_digit()) && more)
}

/// First words of who is left unnamed in a list of people.
const UNNAMED: &str = "everyone everybody others plus several some few many various guests visitors \
                       newcomers rest";

/// Splits an inline list of people: "Dennis Marttinen, @twelho, Daniel"
/// or "@twelho and @orangecms". A lone `@handle` after a name belongs to it.
/// Parts naming who is left unnamed ("plus a guest") go to `others`, as
/// written and comma-separated: they are no one, but the page shows them.
pub fn people_from_text(text: &str, others: &mut String) -> Vec<PersonRef> {
    // "3 (Dennis, Lucas, Daniel)": a head count, then who.
    let trimmed = text.trim();
    let counted = find_str(trimmed, " (")
        .map(|at| (&trimmed[..at], &trimmed[at + 2..]))
        .filter(|(n, rest)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.ends_with(')'));
    if let Some((_, rest)) = counted {
        return people_from_text(&rest[..rest.len() - 1], others);
    }
    let mut out: Vec<PersonRef> = Vec::new();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in cuts_outside_parentheses(text, &[',', ';', '&'], &mut 0) {
        parts.push(&text[start..i]);
        start = i + c.len_utf8();
    }
    parts.push(&text[start..]);
    let parts = parts.into_iter().flat_map(|p| p.split(" and ")).flat_map(handles_apart);
    for part in parts {
        // A count ("Attendance: 3") is no one.
        if !part.contains('@') && !part.chars().any(char::is_alphabetic) {
            continue;
        }
        let person = person_from_text(part);
        if person.is_empty() {
            if is_unnamed(part.trim()) {
                if !others.is_empty() {
                    others.push_str(", ");
                }
                others.push_str(part.trim());
            }
            continue;
        }
        match out.last_mut() {
            Some(prev) if person.name.is_none() && prev.handle.is_none() && prev.name.is_some() => {
                prev.handle = person.handle
            }
            _ => out.push(person),
        }
    }
    out
}

/// Where `text` has one of `separators` outside parentheses, and which.
/// `depth` is the nesting before `text`, and after it once read: a list
/// split across several pieces of text keeps count.
pub fn cuts_outside_parentheses<'a>(
    text: &'a str,
    separators: &'a [char],
    depth: &'a mut i32,
) -> impl Iterator<Item = (usize, char)> + 'a {
    text.char_indices().filter(move |&(_, c)| {
        match c {
            '(' => *depth += 1,
            ')' => *depth -= 1,
            _ => return *depth <= 0 && separators.contains(&c),
        }
        false
    })
}

/// "@twelho @luxas": handles with only spaces between them are as many
/// people; any other text is one part.
fn handles_apart(part: &str) -> Vec<&str> {
    let words = || part.split_whitespace();
    if words().count() > 1 && words().all(|w| w.strip_prefix('@').is_some_and(is_handle)) {
        words().collect()
    } else {
        vec![part]
    }
}

/// Splits a recap heading into the name and a remark: "Daniel (couldn't
/// really join, sorry)" → ("Daniel", "couldn't really join, sorry").
pub fn split_remark(text: &str) -> (&str, Option<String>) {
    let text = text.trim();
    let cut = text
        .find(['(', ':', '–', '—', ','])
        .or_else(|| find_str(text, " - "))
        .or_else(|| find_str(text, " / "))
        .unwrap_or(text.len());
    let name = text[..cut].trim();
    let remark = text[cut..]
        .trim_start_matches([':', '–', '—', ',', '-', '/', ' '])
        .trim();
    let remark = remark
        .strip_prefix('(')
        .map(|r| r.strip_suffix(')').unwrap_or(r))
        .unwrap_or(remark)
        .trim();
    (name, (!remark.is_empty()).then(|| remark.to_string()))
}

/// Names joined by "&", "and", "+", "/" or commas ("Dennis & Lucas",
/// "Dennis, Lucas and Daniel"), split into the names and what joins each to
/// the next as written (" & ", ", ", ", and "), so that a joint recap's
/// heading reads as written. None unless there are two names or more, each
/// of three words at most.
pub fn joined_names(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let (mut names, mut joiners) = (Vec::new(), Vec::new());
    let mut name = String::new();
    // What joins the last name to the next one, once it starts.
    let mut pending: Option<String> = None;
    for word in text.split_whitespace() {
        let word = unmarked(word);
        if matches!(word, "&" | "and" | "+" | "/") {
            match pending.as_mut() {
                // "Dennis, and Lucas"
                Some(p) if name.is_empty() => {
                    p.push_str(word);
                    p.push(' ');
                }
                _ if name.is_empty() => return None,
                _ => {
                    names.push(std::mem::take(&mut name));
                    pending = Some(format!(" {word} "));
                }
            }
            continue;
        }
        let (word, comma) = word.strip_suffix(',').map_or((word, false), |w| (w, true));
        if name.is_empty() {
            joiners.extend(pending.take());
        } else {
            name.push(' ');
        }
        name.push_str(word);
        if comma {
            names.push(std::mem::take(&mut name));
            pending = Some(", ".to_string());
        }
    }
    if !name.is_empty() {
        names.push(name);
    }
    let names_ok = names.len() > 1 && names.iter().all(|n| !n.is_empty() && n.split(' ').count() <= 3);
    (names_ok && joiners.len() + 1 == names.len()).then_some((names, joiners))
}
