//! `timeline fetch`: downloads the archive's documents (`data/sources.toml`)
//! into a folder with a `manifest.json` the page loads them by. One source
//! that fails is reported in one line and the others still come; when
//! nothing could be fetched, the built-in snapshot is used instead, so a
//! build never breaks because GitHub was unreachable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notes::archive::{Manifest, ManifestFile, MANIFEST_VERSION};
use serde::Deserialize;

use crate::http::{self, Client, HttpError, HttpOptions};

/// Larger documents are refused, as the page refuses them.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The notes shipped with the project: used when nothing can be fetched.
pub const SNAPSHOT: &str = include_str!("../../../data/notes/racklet-2024.md");
pub const SNAPSHOT_URL: &str = "https://raw.githubusercontent.com/racklet/meeting-notes/main/community/2024.md";

/// `data/sources.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub source: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    #[serde(default)]
    pub label: Option<String>,
}

/// Why `fetch` could not run at all (a failing source is not one of these).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("cannot read {path}: {source}")]
    ReadSources { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    ParseSources { path: PathBuf, source: toml::de::Error },
    #[error("{path} lists no [[source]]")]
    NoSources { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Why one source was left out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("{0}")]
    Http(#[from] HttpError),
    #[error("is {0} bytes, over the 5 MB limit")]
    TooLarge(u64),
    #[error("is not text (the server says {0})")]
    NotText(String),
    #[error("is not text (it contains binary data)")]
    Binary,
    #[error("has no meeting headings (such as \"# August 20, 2024\")")]
    NotNotes,
    /// Dated headings, but no year in them, the title or the file name.
    #[error("has meeting headings without a year (\"{0}\"): write the year in them, in the title (\"# Racklet Community Meeting Notes 2026\") or in the file name (2026.md)")]
    NoYear(String),
    #[error("is not in {0}")]
    Missing(String),
}

pub struct Options {
    pub timeout: Duration,
    /// Take the files from this folder instead of the network.
    pub local: Option<PathBuf>,
    /// Write only the built-in snapshot (no network).
    pub snapshot_only: bool,
    /// This year: the last one whose document is looked for beside the
    /// current year's (see [`unlisted_years`]).
    pub year: i32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(20),
            local: None,
            snapshot_only: false,
            year: chrono::Datelike::year(&chrono::Utc::now()),
        }
    }
}

pub fn read_sources(path: &Path) -> Result<Vec<Source>, FetchError> {
    let text = std::fs::read_to_string(path).map_err(|source| FetchError::ReadSources {
        path: path.to_path_buf(),
        source,
    })?;
    let file: SourcesFile = toml::from_str(&text).map_err(|source| FetchError::ParseSources {
        path: path.to_path_buf(),
        source,
    })?;
    if file.source.is_empty() {
        return Err(FetchError::NoSources {
            path: path.to_path_buf(),
        });
    }
    Ok(file.source)
}

/// Fetches `sources` into `out` and writes its manifest; `say` gets one
/// line per source that failed and for the fallback. Also returns how many
/// documents were found beside the listed ones ([`unlisted_years`]).
pub fn fetch(
    sources: &[Source],
    out: &Path,
    opts: &Options,
    say: &mut dyn FnMut(String),
) -> Result<(Manifest, usize), FetchError> {
    std::fs::create_dir_all(out).map_err(|source| FetchError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let client = Client::new(HttpOptions {
        timeout: opts.timeout,
        max_redirects: 5,
        user_agent: format!("racklet-timeline/{} (notes archive)", env!("CARGO_PKG_VERSION")),
        accept: "text/markdown, text/plain;q=0.9, */*;q=0.1",
    });
    // The years found beside the current year's document go before it.
    let probes = unlisted_years(sources, opts.year);
    let at = sources.len().saturating_sub(1);
    let probed = at..at + probes.len();
    let mut all = sources.to_vec();
    all.splice(at..at, probes);
    let names = file_names(&all);
    let entry = |i: usize, text: &str, etag| ManifestFile {
        name: names[i].clone(),
        url: all[i].url.clone(),
        label: all[i].label.clone(),
        bytes: text.len() as u64,
        fetched: crate::previews::now_rfc3339(),
        etag,
    };
    let mut files = Vec::new();
    // The text of each found year, and of the current year's document, to
    // check the one against the other.
    let mut found: Vec<(usize, String, Option<String>)> = Vec::new();
    let mut current: Option<String> = None;
    if !opts.snapshot_only {
        for (i, (source, name)) in all.iter().zip(&names).enumerate() {
            let got = match &opts.local {
                Some(dir) => read_local(dir, name),
                None => download(&client, &source.url, name),
            };
            match got {
                // Looked for, not listed: most years are not there (yet).
                Err(_) if probed.contains(&i) => {}
                Ok((text, etag)) if probed.contains(&i) => found.push((i, text, etag)),
                Ok((text, etag)) => {
                    write(&out.join(name), &text)?;
                    files.push(entry(i, &text, etag));
                    if i == all.len() - 1 {
                        current = Some(text);
                    }
                }
                Err(e) => say(format!("{name} ({}): {e}; left out", source.url)),
            }
        }
    }
    // A found year goes before the current year's document, unless that
    // still holds every meeting of it (the notes were copied, and the
    // current document not yet started afresh): each would show twice.
    // The current year's document's name (there is none in snapshot mode).
    let here = names.last().map_or("", String::as_str);
    let mut added = 0;
    for (i, text, etag) in found {
        let (name, url) = (&names[i], &all[i].url);
        if current.as_deref().is_some_and(|c| holds_all_of(c, here, &text, name)) {
            say(format!(
                "{name} ({url}): found beside {here}, which still holds every meeting in it; not added until {here} moves on"
            ));
            continue;
        }
        say(format!(
            "{name} ({url}): not in the sources file; found beside {here} and added"
        ));
        write(&out.join(name), &text)?;
        // In year order, before the current year's document.
        files.insert(files.len() - usize::from(current.is_some()), entry(i, &text, etag));
        added += 1;
    }
    let snapshot = files.is_empty();
    if snapshot {
        if !opts.snapshot_only {
            say("nothing could be fetched; using the built-in 2024 snapshot".to_string());
        }
        let name = "2024.md".to_string();
        write(&out.join(&name), SNAPSHOT)?;
        files.push(ManifestFile {
            name,
            url: SNAPSHOT_URL.to_string(),
            label: Some("2024 (snapshot)".to_string()),
            bytes: SNAPSHOT.len() as u64,
            fetched: crate::previews::now_rfc3339(),
            etag: None,
        });
    }
    let manifest = Manifest {
        version: MANIFEST_VERSION,
        fetched: crate::previews::now_rfc3339(),
        snapshot,
        files,
    };
    let json = serde_json::to_string_pretty(&manifest).expect("a manifest serializes") + "\n";
    write(&out.join("manifest.json"), &json)?;
    Ok((manifest, added))
}

/// The year documents the sources file does not list yet, looked for in
/// the folder of the current year's document (the last source) when the
/// newest listed year is in that folder too: `2025.md` once 2025's notes
/// move out of `README.md`, up to `year`. A new year then reaches the page
/// with nobody editing `data/sources.toml`.
pub fn unlisted_years(sources: &[Source], year: i32) -> Vec<Source> {
    // A URL's folder (with its slash) and its file's year, if it names one.
    fn split(url: &str) -> Option<(&str, Option<i32>)> {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let (folder, file) = path.rsplit_once('/')?;
        let named = file
            .strip_suffix(".md")
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<i32>().ok());
        Some((&url[..=folder.len()], named))
    }
    let Some((current, None)) = sources.last().and_then(|s| split(&s.url)) else {
        return Vec::new();
    };
    let newest = sources
        .iter()
        .filter_map(|s| split(&s.url))
        .filter(|(folder, _)| *folder == current)
        .filter_map(|(_, y)| y)
        .max();
    let Some(newest) = newest else { return Vec::new() };
    (newest + 1..=year)
        .map(|y| Source {
            url: format!("{current}{y}.md"),
            label: Some(y.to_string()),
        })
        .collect()
}

/// Whether `current` holds every meeting of `year`, written alike.
fn holds_all_of(current: &str, current_name: &str, year: &str, year_name: &str) -> bool {
    let (have, want) = (written(current, current_name), written(year, year_name));
    !want.is_empty() && want.iter().all(|m| have.contains(m))
}

/// Each meeting of a document with its date and text as written: from its
/// heading to the next heading that starts a meeting or unplaced notes.
fn written(text: &str, name: &str) -> Vec<(chrono::NaiveDate, String)> {
    let notes = notes::parse::parse_one(name, text);
    let lines: Vec<&str> = text.lines().collect();
    let mut starts: Vec<u32> = notes
        .meetings
        .iter()
        .map(|m| m.line)
        .chain(notes.unplaced.iter().map(|u| u.line))
        .collect();
    starts.sort_unstable();
    notes
        .meetings
        .iter()
        .map(|m| {
            let from = (m.line as usize - 1).min(lines.len());
            let end = starts
                .iter()
                .find(|l| **l > m.line)
                .map_or(lines.len(), |l| *l as usize - 1);
            (m.date, lines[from..end.max(from)].join("\n").trim_end().to_string())
        })
        .collect()
}

/// A file name per source: the URL's last path segment, numbered where two
/// sources share one.
fn file_names(sources: &[Source]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let last = s
            .url
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let safe: String = last
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let mut name = if safe.trim_matches('.').is_empty() {
            format!("notes-{}.md", i + 1)
        } else {
            safe
        };
        if names.contains(&name) {
            name = format!("{}-{name}", i + 1);
        }
        names.push(name);
    }
    names
}

fn write(path: &Path, text: &str) -> Result<(), FetchError> {
    std::fs::write(path, text).map_err(|source| FetchError::Write {
        path: path.to_path_buf(),
        source,
    })
}

fn download(client: &Client, url: &str, name: &str) -> Result<(String, Option<String>), SourceError> {
    let opened = client.open(url)?;
    if let Some(len) = opened.content_length.filter(|n| *n > MAX_BYTES as u64) {
        return Err(SourceError::TooLarge(len));
    }
    if let Some(media) = opened.media_type.as_deref() {
        let texty = media.starts_with("text/") || media.contains("markdown") || media == "application/octet-stream";
        if !texty {
            return Err(SourceError::NotText(media.to_string()));
        }
    }
    let (charset, etag) = (opened.charset.clone(), opened.etag.clone());
    let body = opened.read(MAX_BYTES, false)?;
    if body.capped {
        return Err(SourceError::TooLarge(body.bytes.len() as u64 + 1));
    }
    let text = checked_text(&body.bytes, charset.as_deref(), name)?;
    Ok((text, etag))
}

fn read_local(dir: &Path, name: &str) -> Result<(String, Option<String>), SourceError> {
    let path = dir.join(name);
    let bytes = std::fs::read(&path).map_err(|_| SourceError::Missing(dir.display().to_string()))?;
    if bytes.len() > MAX_BYTES {
        return Err(SourceError::TooLarge(bytes.len() as u64));
    }
    Ok((checked_text(&bytes, None, name)?, None))
}

/// The text of a document that will be saved as `name` (whose year, in
/// "2021.md", dates its meetings written without one).
fn checked_text(bytes: &[u8], charset: Option<&str>, name: &str) -> Result<String, SourceError> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(SourceError::Binary);
    }
    let text = http::decode(bytes, charset);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    if !notes::parse::has_meetings(&text, name) {
        return Err(notes::parse::undated_heading(&text).map_or(SourceError::NotNotes, SourceError::NoYear));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str) -> Source {
        Source {
            url: url.into(),
            label: None,
        }
    }

    #[test]
    fn files_are_named_after_the_url_and_never_collide() {
        let names = file_names(&[
            source("https://raw.githubusercontent.com/racklet/meeting-notes/main/community/2021.md"),
            source("https://raw.githubusercontent.com/racklet/meeting-notes/main/community/README.md"),
            source("https://example.org/other/README.md?raw=1"),
            source("https://example.org/"),
            source("https://example.org/a b/../x.md"),
        ]);
        assert_eq!(names, ["2021.md", "README.md", "3-README.md", "notes-4.md", "x.md"]);
    }

    #[test]
    fn the_years_after_the_newest_listed_are_looked_for_beside_the_current_document() {
        let shipped = read_sources(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/sources.toml"
        )))
        .unwrap();
        let urls = |year| -> Vec<String> { unlisted_years(&shipped, year).into_iter().map(|s| s.url).collect() };
        let community = "https://raw.githubusercontent.com/racklet/meeting-notes/main/community";
        assert_eq!(
            urls(2026),
            [format!("{community}/2025.md"), format!("{community}/2026.md")]
        );
        assert_eq!(unlisted_years(&shipped, 2025)[0].label.as_deref(), Some("2025"));
        assert!(urls(2024).is_empty(), "nothing newer than the newest listed");
        // The current document elsewhere, a year as the last source, or no
        // year at all: no folder to look in.
        let elsewhere = [source("https://h/a/2024.md"), source("https://h/b/README.md")];
        assert!(unlisted_years(&elsewhere, 2026).is_empty());
        let last_is_a_year = [source("https://h/a/2023.md"), source("https://h/a/2024.md")];
        assert!(unlisted_years(&last_is_a_year, 2026).is_empty());
        assert!(unlisted_years(&[source("https://h/a/README.md")], 2026).is_empty());
    }

    #[test]
    fn the_shipped_sources_file_lists_the_five_community_documents_in_order() {
        let sources = read_sources(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/sources.toml"
        )))
        .unwrap();
        let names: Vec<String> = file_names(&sources);
        assert_eq!(names, ["2021.md", "2022.md", "2023.md", "2024.md", "README.md"]);
        assert!(sources.iter().all(|s| s
            .url
            .starts_with("https://raw.githubusercontent.com/racklet/meeting-notes/main/community/")));
    }
}
