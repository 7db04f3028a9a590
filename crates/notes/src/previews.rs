//! The `previews.json` file format: [`PreviewFile`] and [`PreviewEntry`].
//!
//! This module owns only the data types and their serde mapping. It has no HTTP code and no
//! native-only dependency, because the browser build deserializes the very same file with these
//! very same types; the fetcher that fills them in lives next door and is native-only.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The `version` written into every file; bump it when a reader could misread a newer file.
pub const PREVIEW_FILE_VERSION: u32 = 1;

/// A whole `previews.json`: one entry per distinct link, in the order the links were given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewFile {
    pub version: u32,
    /// When the file was made, RFC 3339 in UTC (`2026-11-26T12:00:00Z`). Kept as text so the
    /// browser side needs no date parsing just to load the file.
    pub generated: String,
    /// URL → entry. A JSON object on disk; a `Vec` here because the JSON object must keep the
    /// input order and the crate's serde_json has no order-preserving map.
    #[serde(with = "links_in_order")]
    pub links: Vec<(String, PreviewEntry)>,
}

impl PreviewFile {
    /// The entry for `url`, if that exact URL was fetched.
    pub fn get(&self, url: &str) -> Option<&PreviewEntry> {
        self.links.iter().find(|(key, _)| key == url).map(|(_, entry)| entry)
    }
}

/// Whether a link could be fetched; `"ok"` or `"error"` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PreviewStatus {
    Ok,
    Error,
}

/// What was learnt about one link. An `ok` entry has `final_url`, `http_status` and usually
/// `content_type`, plus whatever metadata the page had; an `error` entry has only `error`.
/// Absent fields are left out of the JSON rather than written as `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewEntry {
    pub status: PreviewStatus,
    /// Short, human-readable reason, e.g. `"HTTP 404"` or `"timed out"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The URL after following redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// The media type without parameters (`text/html`, `image/png`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Absolute http(s) URL of the preview image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
}

impl PreviewEntry {
    /// A failed link with its reason.
    pub fn error(message: impl Into<String>) -> Self {
        PreviewEntry {
            error: Some(message.into()),
            ..PreviewEntry::blank(PreviewStatus::Error)
        }
    }

    /// A fetched link with no metadata yet.
    pub fn ok(final_url: impl Into<String>, http_status: u16) -> Self {
        PreviewEntry {
            final_url: Some(final_url.into()),
            http_status: Some(http_status),
            ..PreviewEntry::blank(PreviewStatus::Ok)
        }
    }

    fn blank(status: PreviewStatus) -> Self {
        PreviewEntry {
            status,
            error: None,
            final_url: None,
            http_status: None,
            content_type: None,
            title: None,
            description: None,
            image: None,
            site_name: None,
        }
    }

    pub fn is_ok(&self) -> bool {
        self.status == PreviewStatus::Ok
    }
}

/// Serializes `Vec<(String, PreviewEntry)>` as a JSON object in vector order, and reads an object
/// back in document order. A key repeated in the input keeps its first position and last value,
/// which is what a map would have given.
mod links_in_order {
    use super::*;
    use std::collections::HashMap;
    use std::fmt;

    pub fn serialize<S: Serializer>(links: &[(String, PreviewEntry)], serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(links.len()))?;
        for (url, entry) in links {
            map.serialize_entry(url, entry)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(String, PreviewEntry)>, D::Error> {
        struct LinksVisitor;

        impl<'de> Visitor<'de> for LinksVisitor {
            type Value = Vec<(String, PreviewEntry)>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object mapping URLs to preview entries")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut links: Vec<(String, PreviewEntry)> = Vec::with_capacity(access.size_hint().unwrap_or(0));
                // Index by key so a file with many links stays linear to load.
                let mut index: HashMap<String, usize> = HashMap::new();
                while let Some((url, entry)) = access.next_entry::<String, PreviewEntry>()? {
                    match index.get(&url) {
                        Some(&at) => links[at].1 = entry,
                        None => {
                            index.insert(url.clone(), links.len());
                            links.push((url, entry));
                        }
                    }
                }
                Ok(links)
            }
        }

        deserializer.deserialize_map(LinksVisitor)
    }
}
