//! The archive as files: `notes/manifest.json`, written by `timeline fetch`
//! beside the downloaded documents and read by the page to load them. Only
//! the data types live here (the CLI writes them, the browser reads them
//! with the same serde types), plus how several documents are named as one
//! archive ("Racklet Community Meeting Notes · 2021–2025").

use serde::{Deserialize, Serialize};

use crate::model::Notes;

/// The `version` written into every manifest; bump it when a reader could
/// misread a newer file.
pub const MANIFEST_VERSION: u32 = 1;

/// Where the page finds the manifest, relative to `index.html`.
pub const MANIFEST_PATH: &str = "notes/manifest.json";

/// `notes/manifest.json`: the documents of the archive, in the order of the
/// sources file (oldest first; the last one is the current year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// When `timeline fetch` ran, RFC 3339 UTC.
    pub fetched: String,
    /// Nothing could be fetched and the built-in snapshot was used instead.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub snapshot: bool,
    pub files: Vec<ManifestFile>,
}

/// One downloaded document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// File name inside the notes folder (`2023.md`, `README.md`).
    pub name: String,
    /// Where it was fetched from.
    pub url: String,
    /// The sources file's label, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub bytes: u64,
    /// When this file was fetched, RFC 3339 UTC.
    pub fetched: String,
    /// The server's ETag, when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

impl Manifest {
    /// The document the page asks upstream for again after it opens: the
    /// last one, the current year.
    pub fn current(&self) -> Option<&ManifestFile> {
        self.files.last()
    }
}

/// `owner/repo` of a raw.githubusercontent.com or github.com URL, else its
/// host: how the page names where newer notes came from.
pub fn origin_label(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default().to_ascii_lowercase();
    match (host.as_str(), parts.next(), parts.next()) {
        ("raw.githubusercontent.com" | "github.com", Some(owner), Some(repo))
            if !owner.is_empty() && !repo.is_empty() =>
        {
            format!("{owner}/{repo}")
        }
        _ => host,
    }
}

/// The archive's name: the newest document's title without its year, and
/// the span of years its meetings cover ("Racklet Community Meeting Notes ·
/// 2021–2025"). A single year reads "… · 2024".
pub fn title(notes: &Notes) -> String {
    let newest = notes
        .meetings
        .last()
        .map(|m| m.source)
        .and_then(|s| notes.sources.get(s.0 as usize))
        .or(notes.sources.last());
    let base = newest.map(|s| strip_year(&s.title)).filter(|t| !t.is_empty());
    let base = base.unwrap_or("Meeting notes");
    match year_span(notes) {
        Some((a, b)) if a == b => format!("{base} · {a}"),
        Some((a, b)) => format!("{base} · {a}–{b}"),
        None => base.to_string(),
    }
}

/// First and last year with a meeting.
pub fn year_span(notes: &Notes) -> Option<(i32, i32)> {
    use chrono::Datelike;
    let first = notes.meetings.first()?.date.year();
    let last = notes.meetings.last()?.date.year();
    Some((first, last))
}

/// "Racklet Community Meeting Notes 2024" → "Racklet Community Meeting
/// Notes"; also drops "(2024)", "– 2024" and "2021-2022" at the end.
fn strip_year(title: &str) -> &str {
    let mut t = title.trim_end();
    loop {
        let head = t.trim_end_matches([' ', '(', ')', '-', '–', '—', ',', ':', '·']);
        let start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if head.len() - start == 4 && start > 0 {
            t = &head[..start];
        } else {
            return head;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_title_loses_its_year() {
        assert_eq!(
            strip_year("Racklet Community Meeting Notes 2024"),
            "Racklet Community Meeting Notes"
        );
        assert_eq!(strip_year("Community meetings (2022)"), "Community meetings");
        assert_eq!(strip_year("Notes 2021–2022"), "Notes");
        assert_eq!(strip_year("Notes – 2023"), "Notes");
        assert_eq!(strip_year("2024"), "2024", "a title that is only a year stays");
        assert_eq!(strip_year("RK3588 notes"), "RK3588 notes");
    }

    #[test]
    fn raw_github_urls_are_named_by_their_repository() {
        assert_eq!(
            origin_label("https://raw.githubusercontent.com/racklet/meeting-notes/main/community/README.md"),
            "racklet/meeting-notes"
        );
        assert_eq!(origin_label("https://example.org/notes.md"), "example.org");
    }
}
