//! `timeline prerender`: the release build's last step. Reads the notes
//! folder the page ships with (`notes/manifest.json` and its files),
//! renders the app for that archive with Yew's server renderer (the newest
//! year's meetings; the page renders the rest once running), and finishes
//! `index.html` around it (see [`crate::site`]).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use notes::archive::{Manifest, MANIFEST_PATH};
use notes::previews::PreviewFile;
use racklet_timeline::sources::{Doc, DocKind};
use racklet_timeline::NotesRef;

use crate::site::{self, Page};

#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Manifest { path: PathBuf, source: serde_json::Error },
    #[error("{path} lists no documents")]
    Empty { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Site { path: PathBuf, source: site::SiteError },
}

fn read(path: &Path) -> Result<String, PrerenderError> {
    std::fs::read_to_string(path).map_err(|source| PrerenderError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The archive in a notes folder, as the page will load it.
pub fn load_archive(dir: &Path) -> Result<(Manifest, Vec<Doc>), PrerenderError> {
    let path = dir.join("manifest.json");
    let manifest: Manifest = serde_json::from_str(&read(&path)?).map_err(|source| PrerenderError::Manifest {
        path: path.clone(),
        source,
    })?;
    if manifest.files.is_empty() {
        return Err(PrerenderError::Empty { path });
    }
    let docs = manifest
        .files
        .iter()
        .map(|f| {
            Ok(Doc {
                name: f.name.clone(),
                kind: DocKind::Archive,
                text: Rc::from(read(&dir.join(&f.name))?),
                url: Some(f.url.clone()),
                label: f.label.clone(),
            })
        })
        .collect::<Result<Vec<_>, PrerenderError>>()?;
    Ok((manifest, docs))
}

pub fn run(index: &Path, notes_dir: &Path, previews: Option<&Path>) -> Result<(), PrerenderError> {
    let page = read(index)?;
    let (manifest, docs) = load_archive(notes_dir)?;
    let image_origins = match previews.map(read).transpose() {
        Ok(Some(text)) => match serde_json::from_str::<PreviewFile>(&text) {
            Ok(file) => site::origins(file.links.iter().filter_map(|(_, e)| e.image.as_deref())),
            Err(e) => {
                eprintln!(
                    "timeline: ignoring {}: {e}",
                    previews.unwrap_or(Path::new("")).display()
                );
                Vec::new()
            }
        },
        // No previews.json: tier 1 only.
        _ => Vec::new(),
    };
    let archive: Rc<[Doc]> = Rc::from(docs);
    let notes = NotesRef::parse(&archive);
    let first_paint = site::first_paint(&notes);
    let app_html = racklet_timeline::ssr::render_app(archive.clone(), notes.clone(), Some(first_paint));
    let mut preload = vec![MANIFEST_PATH.to_string()];
    preload.extend(manifest.files.iter().map(|f| format!("notes/{}", f.name)));
    let source_origins = site::origins(manifest.files.iter().map(|f| f.url.as_str()));
    // The subscriptions the build wrote beside the page.
    let beside = |name: &str| index.parent().is_some_and(|dir| dir.join(name).is_file());
    let mut alternates = Vec::new();
    if beside("feed.xml") {
        alternates.push(("application/atom+xml", "feed.xml", "Racklet community meetings (Atom)"));
    }
    if beside("meetings.ics") {
        alternates.push(("text/calendar", "meetings.ics", "Racklet community meetings (calendar)"));
    }
    let done = site::finish(
        &page,
        &Page {
            app_html: &app_html,
            first_paint: Some(first_paint),
            notes_fetched: &manifest.fetched,
            preload: &preload,
            source_origins: &source_origins,
            image_origins: &image_origins,
            alternates: &alternates,
        },
    )
    .map_err(|source| PrerenderError::Site {
        path: index.to_path_buf(),
        source,
    })?;
    std::fs::write(index, done).map_err(|source| PrerenderError::Write {
        path: index.to_path_buf(),
        source,
    })?;
    eprintln!(
        "timeline: prerendered {} ({} of {} meetings, {} KB of HTML)",
        index.display(),
        first_paint,
        notes.meetings.len(),
        app_html.len() / 1024
    );
    Ok(())
}
