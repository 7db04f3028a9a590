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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(20),
            local: None,
            snapshot_only: false,
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
/// line per source that failed and for the fallback.
pub fn fetch(
    sources: &[Source],
    out: &Path,
    opts: &Options,
    say: &mut dyn FnMut(String),
) -> Result<Manifest, FetchError> {
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
    let names = file_names(sources);
    let mut files = Vec::new();
    if !opts.snapshot_only {
        for (source, name) in sources.iter().zip(&names) {
            let got = match &opts.local {
                Some(dir) => read_local(dir, name),
                None => download(&client, &source.url, name),
            };
            match got {
                Ok((text, etag)) => {
                    write(&out.join(name), &text)?;
                    files.push(ManifestFile {
                        name: name.clone(),
                        url: source.url.clone(),
                        label: source.label.clone(),
                        bytes: text.len() as u64,
                        fetched: crate::previews::now_rfc3339(),
                        etag,
                    });
                }
                Err(e) => say(format!("{name} ({}): {e}; left out", source.url)),
            }
        }
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
    Ok(manifest)
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
