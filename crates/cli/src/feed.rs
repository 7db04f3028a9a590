//! `timeline feed`: an Atom feed of the meetings that were held, newest
//! first, each entry linking to the meeting's anchor on the published page.
//! This module owns the page address ([`PageUrl`], shared with [`crate::ics`]),
//! the entries' ids and times, and the plain-text summary of a meeting (host,
//! participants, who sent a recap and its top-level bullets). The XML itself
//! is written by `atom_syndication`, so escaping is never done by hand.
//!
//! The output depends only on the notes and the options (no clock), so a
//! rebuild of the same notes gives the same bytes.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person as AtomPerson, Text};
use chrono::{NaiveDateTime, TimeZone, Utc};
use notes::model::datefmt::long_date;
use notes::model::{Block, Inline, Meeting, MeetingStatus, Notes, Person};
use url::Url;

/// Where the timeline is published; the default of `--base-url`.
pub const DEFAULT_BASE_URL: &str = "https://racklet.github.io/notes-timeline/";

/// The prefix of every id in the feed. A `tag:` URI (RFC 4151) rather than
/// the page link, so that moving the page (another `--base-url`) does not
/// make feed readers show every meeting again as new.
const TAG_PREFIX: &str = "tag:racklet.github.io,2021:notes-timeline";

/// Bullets longer than this are cut at a word, to keep the summary short.
const MAX_BULLET_CHARS: usize = 140;
/// Bullets listed per person; the rest are counted.
const MAX_BULLETS: usize = 8;

/// The published page's absolute address: meeting links are it plus
/// `#<anchor>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl(Url);

/// Why a base URL cannot be the page's address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageUrlError {
    #[error("the base URL \"{url}\" is not an absolute URL: {source}")]
    Invalid { url: String, source: url::ParseError },
    #[error("the base URL \"{0}\" is not an http(s) URL")]
    NotHttp(String),
}

impl PageUrl {
    /// Accepts an absolute http(s) URL; a fragment is dropped, since each
    /// link sets its own.
    pub fn parse(text: &str) -> Result<PageUrl, PageUrlError> {
        let mut url = Url::parse(text.trim()).map_err(|source| PageUrlError::Invalid {
            url: text.to_string(),
            source,
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(PageUrlError::NotHttp(text.to_string()));
        }
        url.set_fragment(None);
        Ok(PageUrl(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The meeting's place on the page: `<base>#<anchor>`.
    pub fn meeting(&self, meeting: &Meeting) -> String {
        let mut url = self.0.clone();
        url.set_fragment(Some(&meeting.anchor));
        url.into()
    }

    /// A file published beside the page (`feed.xml`), resolved as a
    /// browser would against the base URL.
    pub fn file(&self, name: &str) -> Option<String> {
        self.0.join(name).ok().map(Into::into)
    }
}

impl Default for PageUrl {
    fn default() -> PageUrl {
        PageUrl::parse(DEFAULT_BASE_URL).expect("the default base URL is valid")
    }
}

/// Why the feed could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("cannot write the Atom feed: {0}")]
    Atom(#[from] atom_syndication::Error),
}

/// What the feed is built with besides the notes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub page: PageUrl,
    /// The feed's own published address (its `rel="self"` link), when known.
    pub self_url: Option<String>,
}

/// The Atom feed of the held meetings, newest first.
pub fn feed(notes: &Notes, opts: &Options) -> Feed {
    let entries: Vec<Entry> = notes
        .meetings
        .iter()
        .rev()
        .filter(|m| m.status == MeetingStatus::Held)
        .map(|m| entry(notes, m, &opts.page))
        .collect();
    // The newest entry, not the clock, so the same notes give the same feed;
    // an empty feed keeps the crate's default (the Unix epoch).
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or_default();
    let mut links = vec![Link {
        href: opts.page.as_str().to_string(),
        rel: "alternate".to_string(),
        mime_type: Some("text/html".to_string()),
        ..Link::default()
    }];
    if let Some(href) = &opts.self_url {
        links.push(Link {
            href: href.clone(),
            rel: "self".to_string(),
            mime_type: Some("application/atom+xml".to_string()),
            ..Link::default()
        });
    }
    Feed {
        title: Text::plain("Racklet community meetings"),
        subtitle: Some(Text::plain(
            "Recaps of the Racklet community meetings, from the meeting notes",
        )),
        id: TAG_PREFIX.to_string(),
        updated,
        // Atom requires an author for every entry; entries without a host
        // inherit this one.
        authors: vec![AtomPerson {
            name: "Racklet community".to_string(),
            ..AtomPerson::default()
        }],
        links,
        lang: Some("en".to_string()),
        entries,
        ..Feed::default()
    }
}

/// The feed as an XML document.
pub fn write(notes: &Notes, opts: &Options) -> Result<String, FeedError> {
    let config = atom_syndication::WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let bytes = feed(notes, opts).write_with_config(Vec::new(), config)?;
    // quick-xml writes what it was given, and every input is a `String`.
    Ok(String::from_utf8(bytes).expect("the feed is UTF-8") + "\n")
}

/// The meeting's start in UTC, or its date at midnight UTC when the notes
/// give no time (or a time in a zone we do not know).
pub fn start_or_midnight(meeting: &Meeting) -> NaiveDateTime {
    meeting
        .time
        .as_ref()
        .and_then(|t| t.utc(meeting.date))
        .unwrap_or_else(|| meeting.date.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

fn entry(notes: &Notes, meeting: &Meeting, page: &PageUrl) -> Entry {
    let when: FixedDateTime = Utc.from_utc_datetime(&start_or_midnight(meeting)).fixed_offset();
    let atom_person = |p: &Person| AtomPerson {
        name: p.display_name().to_string(),
        uri: p.handle().map(|h| format!("https://github.com/{h}")),
        ..AtomPerson::default()
    };
    Entry {
        title: Text::plain(format!("Racklet community meeting, {}", long_date(meeting.date))),
        id: format!("{TAG_PREFIX}:{}", meeting.anchor),
        updated: when,
        published: Some(when),
        authors: meeting.hosts.iter().map(|&h| atom_person(notes.person(h))).collect(),
        contributors: meeting
            .participants
            .iter()
            .map(|p| atom_person(notes.person(p.person)))
            .collect(),
        links: vec![Link {
            href: page.meeting(meeting),
            rel: "alternate".to_string(),
            mime_type: Some("text/html".to_string()),
            ..Link::default()
        }],
        summary: Some(Text::plain(summary(notes, meeting))),
        ..Entry::default()
    }
}

/// "Dennis Marttinen, Daniel Maslowski": the hosts' names.
pub fn host_names(notes: &Notes, meeting: &Meeting) -> String {
    let names: Vec<&str> = meeting.hosts.iter().map(|&h| notes.person(h).display_name()).collect();
    names.join(", ")
}

/// The entry's plain-text summary:
///
/// ```text
/// Host: Dennis Marttinen
/// Participants: Dennis Marttinen, Daniel Maslowski
///
/// Dennis Marttinen reported:
/// - New SATA cables for x86 software development cluster installed
/// - …
/// ```
pub fn summary(notes: &Notes, meeting: &Meeting) -> String {
    let mut out = String::new();
    if !meeting.hosts.is_empty() {
        let label = if meeting.hosts.len() == 1 { "Host" } else { "Hosts" };
        out.push_str(&format!("{label}: {}\n", host_names(notes, meeting)));
    }
    if !meeting.participants.is_empty() {
        let names: Vec<&str> = meeting
            .participants
            .iter()
            .map(|p| notes.person(p.person).display_name())
            .collect();
        out.push_str(&format!("Participants: {}\n", names.join(", ")));
    }
    for (index, bullets) in recap_bullets(meeting).into_iter().enumerate() {
        let recap = &meeting.recaps[index];
        out.push('\n');
        out.push_str(notes.person(recap.person).display_name());
        if let Some(remark) = recap.remark.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            out.push_str(&format!(" ({remark})"));
        }
        out.push_str(" reported:\n");
        for bullet in bullets.iter().take(MAX_BULLETS) {
            out.push_str(&format!("- {}\n", shorten(bullet, MAX_BULLET_CHARS)));
        }
        if bullets.len() > MAX_BULLETS {
            out.push_str(&format!("- and {} more\n", bullets.len() - MAX_BULLETS));
        }
    }
    out.trim_end().to_string()
}

/// The top-level bullets of each recap, indexed like [`Meeting::recaps`].
/// A person's recap can be split over several blocks (a `- Name:` bullet in
/// two lists); their bullets are joined.
fn recap_bullets(meeting: &Meeting) -> Vec<Vec<String>> {
    fn walk(blocks: &[Block], out: &mut [Vec<String>]) {
        for block in blocks {
            match block {
                Block::Recap { recap, blocks, .. } => {
                    if let Some(bullets) = out.get_mut(*recap as usize) {
                        bullets.extend(blocks.iter().flat_map(top_level_lines));
                    }
                }
                Block::Group { blocks, .. } | Block::Quote(blocks) | Block::Callout { blocks, .. } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = vec![Vec::new(); meeting.recaps.len()];
    for section in &meeting.sections {
        walk(&section.blocks, &mut out);
    }
    out
}

/// The own text of each top-level bullet of a recap; a paragraph (a recap
/// written as prose) counts as one.
fn top_level_lines(block: &Block) -> Vec<String> {
    let texts: Vec<String> = match block {
        Block::List { items, .. } => items.iter().map(|item| Inline::plain_text(&item.inlines)).collect(),
        Block::Paragraph { inlines, .. } => vec![Inline::plain_text(inlines)],
        _ => Vec::new(),
    };
    texts
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// `text` cut to at most `max` characters at a word boundary, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("ääääääääääää", 5), "ääää…");
    }

    #[test]
    fn page_url_links_anchors_and_files() {
        let page = PageUrl::parse("https://example.org/notes/#old").unwrap();
        assert_eq!(page.as_str(), "https://example.org/notes/");
        assert_eq!(page.file("feed.xml").unwrap(), "https://example.org/notes/feed.xml");
        assert!(matches!(PageUrl::parse("notes/"), Err(PageUrlError::Invalid { .. })));
        assert!(matches!(PageUrl::parse("ftp://x/"), Err(PageUrlError::NotHttp(_))));
    }
}
