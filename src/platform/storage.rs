//! localStorage, defensively: the preview setting and the cache of live
//! GitHub answers. Anything missing, outdated or corrupt reads as absent
//! (and corrupt entries are removed); storage that is full or disabled
//! simply means nothing is remembered.

use notes::preview::{Live, LiveState};

const LIVE_SETTING: &str = "racklet.previews.live";
const CACHE_PREFIX: &str = "racklet.gh.v1:";
/// Live answers are reused for six hours, to spare the API's rate limit.
const CACHE_MS: u64 = 6 * 3600 * 1000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Whether previews may ask GitHub for live details (on unless turned off).
pub fn live_enabled() -> bool {
    get(LIVE_SETTING).as_deref() != Some("off")
}

pub fn set_live_enabled(on: bool) {
    set(LIVE_SETTING, if on { "on" } else { "off" });
}

/// The cached live answer for an API path, if fresh and readable.
pub fn cached_live(path: &str, now_ms: u64) -> Option<Live> {
    let key = format!("{CACHE_PREFIX}{path}");
    let raw = get(&key)?;
    match decode(&raw, now_ms) {
        Some(live) => Some(live),
        None => {
            remove(&key);
            None
        }
    }
}

pub fn store_live(path: &str, live: &Live, now_ms: u64) {
    set(&format!("{CACHE_PREFIX}{path}"), &encode(live, now_ms + CACHE_MS));
}

/// One field per line, `key=value`, values with newlines flattened: a
/// format simple enough that a damaged entry is easy to reject.
fn encode(live: &Live, expires: u64) -> String {
    let clean = |s: &str| s.replace(['\n', '\r'], " ");
    let mut out = format!("v=1\nexpires={expires}\n");
    if let Some(t) = &live.title {
        out.push_str(&format!("title={}\n", clean(t)));
    }
    if let Some(d) = &live.description {
        out.push_str(&format!("description={}\n", clean(d)));
    }
    if let Some(s) = live.stars {
        out.push_str(&format!("stars={s}\n"));
    }
    if let Some(l) = &live.language {
        out.push_str(&format!("language={}\n", clean(l)));
    }
    if let Some(s) = live.state {
        out.push_str(&format!("state={}\n", s.label()));
    }
    out
}

pub fn decode(raw: &str, now_ms: u64) -> Option<Live> {
    let mut lines = raw.lines();
    if lines.next()? != "v=1" {
        return None;
    }
    let expires: u64 = lines.next()?.strip_prefix("expires=")?.parse().ok()?;
    if expires <= now_ms {
        return None;
    }
    let mut live = Live::default();
    for line in lines {
        let (k, v) = line.split_once('=')?;
        match k {
            "title" => live.title = Some(v.to_string()),
            "description" => live.description = Some(v.to_string()),
            "stars" => live.stars = Some(v.parse().ok()?),
            "language" => live.language = Some(v.to_string()),
            "state" => {
                live.state = Some(match v {
                    "open" => LiveState::Open,
                    "closed" => LiveState::Closed,
                    "merged" => LiveState::Merged,
                    _ => return None,
                })
            }
            _ => return None,
        }
    }
    Some(live)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_answer_round_trips_and_expires() {
        let live = Live {
            title: Some("Add\nthing".into()),
            stars: Some(42),
            state: Some(LiveState::Merged),
            ..Live::default()
        };
        let raw = encode(&live, 1000);
        let back = decode(&raw, 999).unwrap();
        assert_eq!(back.title.as_deref(), Some("Add thing"));
        assert_eq!(back.stars, Some(42));
        assert_eq!(back.state, Some(LiveState::Merged));
        assert_eq!(decode(&raw, 1000), None, "expired");
    }

    #[test]
    fn corrupt_or_outdated_entries_read_as_absent() {
        for raw in [
            "",
            "v=2\nexpires=9e15\n",
            "v=1\nexpires=soon\n",
            "v=1\nexpires=9e15\nstars=many\n",
            "{\"json\": 1}",
            "v=1\nexpires=NaN\n",
            "v=1\nexpires=9e15\nstate=weird\n",
        ] {
            assert_eq!(decode(raw, 0), None, "{raw:?}");
        }
    }
}
