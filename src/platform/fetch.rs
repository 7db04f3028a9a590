//! Fetching documents and JSON with the browser's `fetch`: the archive the
//! build made (`notes/manifest.json` and its files, all requested at once),
//! notes at a URL, a newer copy of the current year from upstream, files a
//! reader picked or dropped, and `previews.json`. JSON is parsed by the
//! browser and read into the same serde types the CLI writes.

use notes::archive::{Manifest, MANIFEST_PATH};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::sources::{check, Doc, DocKind, LoadFailure, MAX_BYTES};

/// Starts a request now; the caller awaits it when it needs the answer, so
/// several requests run at once without a join combinator in the wasm.
fn start(url: &str, cache: Option<web_sys::RequestCache>, accept: Option<&str>) -> js_sys::Promise {
    let init = web_sys::RequestInit::new();
    if let Some(cache) = cache {
        init.set_cache(cache);
    }
    if let Some(accept) = accept {
        if let Ok(headers) = web_sys::Headers::new() {
            let _ = headers.set("Accept", accept);
            init.set_headers(&headers);
        }
    }
    gloo::utils::window().fetch_with_str_and_init(url, &init)
}

async fn response(promise: js_sys::Promise) -> Result<web_sys::Response, LoadFailure> {
    let response: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(|_| LoadFailure::Network)?
        .dyn_into()
        .map_err(|_| LoadFailure::Network)?;
    if !response.ok() {
        return Err(LoadFailure::Http {
            status: response.status(),
            text: response.status_text(),
        });
    }
    Ok(response)
}

async fn bytes(response: &web_sys::Response) -> Result<Vec<u8>, LoadFailure> {
    if let Some(len) = header(response, "content-length").and_then(|l| l.parse::<usize>().ok()) {
        if len > MAX_BYTES {
            return Err(LoadFailure::TooLarge { bytes: len });
        }
    }
    let buffer = response.array_buffer().map_err(|_| LoadFailure::Truncated)?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| LoadFailure::Truncated)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn header(response: &web_sys::Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten()
}

/// A document requested from a URL, not yet read.
pub struct Pending {
    url: String,
    promise: js_sys::Promise,
}

/// Requests the document at `url` now (relative URLs resolve against the
/// page); several requests made in a row run at once.
pub fn request_doc(url: &str) -> Pending {
    Pending {
        url: url.to_string(),
        promise: start(url, None, None),
    }
}

impl Pending {
    pub async fn doc(self) -> Result<Doc, LoadFailure> {
        let response = response(self.promise).await?;
        let body = bytes(&response).await?;
        check(
            &self.url,
            DocKind::Url,
            &body,
            header(&response, "content-type").as_deref(),
        )
    }
}

/// The archive the page was built with: the manifest, then every file it
/// lists, all requested at once (the page preloads them too). A file that
/// fails is reported and the others still load.
#[cfg_attr(not(feature = "hydration"), allow(dead_code))]
pub async fn archive() -> Result<(Manifest, Vec<Doc>, Vec<crate::sources::LoadError>), LoadFailure> {
    let manifest: Manifest = json(MANIFEST_PATH, None).await.ok_or(LoadFailure::NoArchive)?;
    let pending: Vec<js_sys::Promise> = manifest
        .files
        .iter()
        .map(|f| start(&format!("notes/{}", f.name), None, None))
        .collect();
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for (file, promise) in manifest.files.iter().zip(pending) {
        let loaded = async {
            let response = response(promise).await?;
            let body = bytes(&response).await?;
            check(&file.name, DocKind::Archive, &body, None)
        };
        match loaded.await {
            Ok(mut doc) => {
                doc.url = Some(file.url.clone());
                doc.label = file.label.clone();
                docs.push(doc);
            }
            Err(cause) => errors.push(crate::sources::LoadError {
                source: file.name.clone(),
                cause,
            }),
        }
    }
    Ok((manifest, docs, errors))
}

/// The current text at `url`, revalidated with the server (the browser
/// sends `If-None-Match` when it has a copy); `None` when offline, blocked,
/// rate-limited or not notes.
pub async fn fresh(url: &str) -> Option<String> {
    let response = response(start(url, Some(web_sys::RequestCache::NoCache), None))
        .await
        .ok()?;
    let body = bytes(&response).await.ok()?;
    let doc = check(url, DocKind::Url, &body, header(&response, "content-type").as_deref()).ok()?;
    Some(doc.text.to_string())
}

/// JSON at `url` read into `T`; `None` for any failure.
pub async fn json<T: DeserializeOwned>(url: &str, accept: Option<&str>) -> Option<T> {
    let response = response(start(url, None, accept)).await.ok()?;
    let value: JsValue = JsFuture::from(response.json().ok()?).await.ok()?;
    super::json::from_value(value)
}

/// Reads a file chosen in the picker or dropped on the page.
pub async fn file(file: web_sys::File) -> Result<Doc, LoadFailure> {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return Err(LoadFailure::TooLarge {
            bytes: file.size() as usize,
        });
    }
    let kind = file.type_();
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file));
    let bytes = gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|e| LoadFailure::Unreadable(e.to_string()))?;
    check(&name, DocKind::File, &bytes, Some(kind.as_str()))
}
