//! Where notes come from: the built-in document, URLs (`?src=`), files
//! (picker or drag and drop) and pasted text. Loading checks each source
//! and names the cause when it fails: HTTP status, network or CORS refusal,
//! not text, over 5 MB, or nothing that looks like meeting notes.

use std::rc::Rc;

use crate::parse::has_meetings;

/// Larger documents are refused: they would not be meeting notes, and
/// parsing them would freeze the page.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

// Url and File documents are made by the browser loaders only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    BuiltIn,
    Url,
    File,
    Paste,
}

/// A loaded document: its name (URL, file name), kind and text.
#[derive(Debug, Clone)]
pub struct Doc {
    pub name: String,
    pub kind: DocKind,
    pub text: Rc<str>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.name == other.name && Rc::ptr_eq(&self.text, &other.text)
    }
}

impl Doc {
    pub fn built_in() -> Doc {
        Doc {
            name: crate::BUILT_IN_NAME.to_string(),
            kind: DocKind::BuiltIn,
            text: Rc::from(crate::BUILT_IN_NOTES),
        }
    }
}

/// A source that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub source: String,
    pub cause: String,
}

fn megabytes(n: usize) -> String {
    // Tenths of a megabyte, in integers (no float formatting in the wasm).
    let tenths = (n as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Checks fetched or read bytes and makes a document of them.
pub fn check(name: &str, kind: DocKind, bytes: &[u8], content_type: Option<&str>) -> Result<Doc, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!("is {} — larger than the 5 MB limit", megabytes(bytes.len())));
    }
    if let Some(ct) = content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        let texty = ct.is_empty()
            || ct.starts_with("text/")
            || ct.contains("markdown")
            || ct == "application/octet-stream"
            || ct == "application/x-markdown";
        if !texty {
            return Err(format!("is not text (the server says {ct})"));
        }
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("is not text (it contains binary data)".into());
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err("is not text (it is not valid UTF-8)".into());
    };
    if !has_meetings(text) {
        return Err("does not look like meeting notes: no heading such as \"# August 20, 2024\"".into());
    }
    Ok(Doc {
        name: name.to_string(),
        kind,
        text: Rc::from(text),
    })
}

/// The short name to show for a source: a URL's last path segment.
pub fn short_name(name: &str) -> &str {
    let trimmed = name.split(['?', '#']).next().unwrap_or(name).trim_end_matches('/');
    trimmed.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or(name)
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_doc, read_file};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;

    /// Fetches a document from a URL (relative URLs resolve against the page).
    pub async fn fetch_doc(url: &str) -> Result<Doc, String> {
        use gloo::net::http::Request;
        let response = Request::get(url).send().await.map_err(|_| {
            "could not be fetched: the network failed or the server does not allow this page to read it (CORS)"
                .to_string()
        })?;
        if !response.ok() {
            let text = response.status_text();
            return Err(format!("answered HTTP {} {}", response.status(), text)
                .trim_end()
                .to_string());
        }
        let headers = response.headers();
        if let Some(len) = headers.get("content-length").and_then(|l| l.parse::<usize>().ok()) {
            if len > MAX_BYTES {
                return Err(format!("is {} — larger than the 5 MB limit", megabytes(len)));
            }
        }
        let content_type = headers.get("content-type");
        let bytes = response
            .binary()
            .await
            .map_err(|_| "stopped before the whole document arrived".to_string())?;
        check(url, DocKind::Url, &bytes, content_type.as_deref())
    }

    /// Reads a file chosen in the picker or dropped on the page.
    pub async fn read_file(file: web_sys::File) -> Result<Doc, String> {
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            return Err(format!(
                "is {} — larger than the 5 MB limit",
                megabytes(file.size() as usize)
            ));
        }
        let kind = file.type_();
        let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
        let bytes = gloo::file::futures::read_as_bytes(&blob)
            .await
            .map_err(|e| format!("could not be read: {e}"))?;
        check(&name, DocKind::File, &bytes, Some(kind.as_str()))
    }
}
