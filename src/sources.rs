//! The documents the page shows and where each came from: the archive the
//! build fetched (`notes/manifest.json`), URLs (`?src=`), files (picker or
//! drag and drop) and pasted text. [`check`] decides whether bytes are
//! meeting notes and names the cause when they are not; fetching and
//! reading live in `platform`.

use std::rc::Rc;

use notes::parse::has_meetings;

/// Larger documents are refused: they would not be meeting notes, and
/// parsing them would freeze the page.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// Part of the archive the page was built with.
    Archive,
    Url,
    File,
    Paste,
}

impl DocKind {
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Archive => "archive",
            DocKind::Url => "from a URL",
            DocKind::File => "file",
            DocKind::Paste => "pasted",
        }
    }
}

/// A loaded document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// File name or URL: what the parser calls the source.
    pub name: String,
    pub kind: DocKind,
    pub text: Rc<str>,
    /// Where to read it upstream (the archive's source URL, or the URL).
    pub url: Option<String>,
    /// How the archive's sources file labels it ("2023", "Current year").
    pub label: Option<String>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.name == other.name && Rc::ptr_eq(&self.text, &other.text)
    }
}

impl Doc {
    /// The name to show: the label, else a URL's last path segment.
    pub fn display_name(&self) -> &str {
        self.label.as_deref().unwrap_or_else(|| short_name(&self.name))
    }
}

/// Why a source could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    TooLarge {
        bytes: usize,
    },
    NotText {
        media_type: String,
    },
    Binary,
    NotUtf8,
    NotNotes,
    /// Dated headings, but no year in them, the title or the file name.
    NoYear(String),
    Http {
        status: u16,
        text: String,
    },
    Network,
    Truncated,
    Unreadable(String),
    /// The page has no `notes/manifest.json` (or cannot read it).
    NoArchive,
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadFailure::TooLarge { bytes } => write!(f, "is {} — larger than the 5 MB limit", megabytes(*bytes)),
            LoadFailure::NotText { media_type } => write!(f, "is not text (the server says {media_type})"),
            LoadFailure::Binary => f.write_str("is not text (it contains binary data)"),
            LoadFailure::NotUtf8 => f.write_str("is not text (it is not valid UTF-8)"),
            LoadFailure::NotNotes => {
                f.write_str("does not look like meeting notes: no heading such as \"# August 20, 2024\"")
            }
            LoadFailure::NoYear(heading) => write!(
                f,
                "has meeting headings without a year (\"{heading}\"): write the year in them, in the title (\"# Racklet Community Meeting Notes 2026\") or in the file name (2026.md)"
            ),
            // As u32: the one u16 formatted would bring its own Display into the wasm.
            LoadFailure::Http { status, text } if text.is_empty() => write!(f, "answered HTTP {}", u32::from(*status)),
            LoadFailure::Http { status, text } => write!(f, "answered HTTP {} {text}", u32::from(*status)),
            LoadFailure::Network => f.write_str(
                "could not be fetched: the network failed or the server does not allow this page to read it (CORS)",
            ),
            LoadFailure::Truncated => f.write_str("stopped before the whole document arrived"),
            LoadFailure::Unreadable(why) => write!(f, "could not be read: {why}"),
            LoadFailure::NoArchive => f.write_str("has no readable notes/manifest.json beside the page"),
        }
    }
}

/// A source that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub source: String,
    pub cause: LoadFailure,
}

fn megabytes(n: usize) -> String {
    // Tenths of a megabyte, in integers (no float formatting in the wasm).
    let tenths = (n as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Checks fetched or read bytes and makes a document of them.
pub fn check(name: &str, kind: DocKind, bytes: &[u8], content_type: Option<&str>) -> Result<Doc, LoadFailure> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadFailure::TooLarge { bytes: bytes.len() });
    }
    if let Some(ct) = content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        let texty = ct.is_empty()
            || ct.starts_with("text/")
            || ct.contains("markdown")
            || ct == "application/octet-stream"
            || ct == "application/x-markdown";
        if !texty {
            return Err(LoadFailure::NotText { media_type: ct });
        }
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(LoadFailure::Binary);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(LoadFailure::NotUtf8);
    };
    if !has_meetings(text, name) {
        return Err(notes::parse::undated_heading(text).map_or(LoadFailure::NotNotes, LoadFailure::NoYear));
    }
    Ok(Doc {
        name: name.to_string(),
        kind,
        text: Rc::from(text),
        url: (kind == DocKind::Url).then(|| name.to_string()),
        label: None,
    })
}

/// The short name to show for a source: a URL's last path segment.
pub fn short_name(name: &str) -> &str {
    let trimmed = name.split(['?', '#']).next().unwrap_or(name).trim_end_matches('/');
    trimmed.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or(name)
}
