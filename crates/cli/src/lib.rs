//! The build machine's side of the timeline, behind the `timeline` binary:
//! fetching the archive ([`fetch`]), one careful HTTP GET ([`http`]),
//! finishing the release page ([`prerender`], [`site`]) and link previews
//! ([`previews`]). Each module opens with what it owns; errors are typed
//! here and turned into messages only in `main.rs`.

pub mod feed;
pub mod fetch;
pub mod http;
pub mod ics;
pub mod prerender;
pub mod previews;
pub mod site;
pub mod topics;

/// What `timeline synth --manifest` writes: the facts a correct parser
/// must find in a synthetic archive.
pub fn synth_json(archive: &synth::Archive) -> serde_json::Value {
    let meetings: Vec<serde_json::Value> = archive
        .meetings
        .iter()
        .map(|m| {
            serde_json::json!({
                "date": m.date.to_string(),
                "document": archive.documents[m.document].name,
                "status": m.status.as_str(),
                "hosts": m.hosts,
                "participants": m.participants,
                "recaps": m.recaps.iter().map(|r| serde_json::json!({"person": r.person, "items": r.items})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let people: Vec<serde_json::Value> = archive
        .people
        .iter()
        .map(|p| serde_json::json!({"id": p.slug, "name": p.name, "handles": p.handles}))
        .collect();
    serde_json::json!({ "meetings": meetings, "people": people })
}
