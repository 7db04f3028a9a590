//! Hardware mentions. The curated taxonomy (`data/hardware.toml`, compiled
//! in by build.rs) is matched case-insensitively at word boundaries, longest
//! alias first; tokens that look like part numbers (`CH32V307`) but are not
//! in the table become "other hardware", while words, versions and units
//! (`6.9.2`, `16GB`, `M.2`, `WHY2025`) do not.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Isa, Topic, TopicId, TopicKind};

/// One entry of the taxonomy as compiled in.
#[derive(Debug)]
pub struct TopicDef {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: TopicKind,
    pub vendor: &'static str,
    pub isa: Isa,
    pub aliases: &'static [&'static str],
    /// Indices into [`TAXONOMY`].
    pub parents: &'static [usize],
}

include!(concat!(env!("OUT_DIR"), "/hardware.rs"));

/// The whole curated table, for tests and tools.
pub fn taxonomy() -> &'static [TopicDef] {
    TAXONOMY
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Index into the taxonomy.
    Known(usize),
    /// A part-number-like token that the taxonomy does not know.
    Other(String),
}

/// Aliases keyed by their first word (lowercase), longest alias first, so a
/// scan looks up one word per position instead of trying every alias.
fn index() -> &'static HashMap<String, Vec<(usize, &'static str)>> {
    static INDEX: OnceLock<HashMap<String, Vec<(usize, &'static str)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<(usize, &'static str)>> = HashMap::new();
        for (i, def) in TAXONOMY.iter().enumerate() {
            for alias in def.aliases {
                let first: String = alias
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                map.entry(first).or_default().push((i, alias));
            }
        }
        for list in map.values_mut() {
            crate::order::sort_by_rank(list, |(_, a)| (-(a.len() as i64), 0));
        }
        map
    })
}

/// Bytes that belong to a word; non-ASCII counts, so "äJH7110" is one word.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Hardware mentions in `text`, as byte ranges, in order, not overlapping.
pub fn find_mentions(text: &str) -> Vec<(usize, usize, Found)> {
    let bytes = text.as_bytes();
    let index = index();
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    // URLs are addresses, not prose: skip them.
    let mut url = crate::parse::text::find_url(text);
    'scan: while i < bytes.len() {
        if let Some((start, end)) = url {
            if i >= start {
                i = i.max(end);
                url = crate::parse::text::find_url(&text[i..]).map(|(s, e)| (s + i, e + i));
                continue;
            }
        }
        if !is_word(bytes[i]) || (i > 0 && is_word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let mut word_end = i;
        while word_end < bytes.len() && bytes[word_end].is_ascii_alphanumeric() {
            word_end += 1;
        }
        if word_end == i {
            // A word that starts with a non-ASCII character.
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            continue;
        }
        key.clear();
        key.extend(bytes[i..word_end].iter().map(|b| b.to_ascii_lowercase() as char));
        if let Some(candidates) = index.get(&key) {
            for (def, alias) in candidates {
                let end = i + alias.len();
                if end <= bytes.len()
                    && url.is_none_or(|(start, _)| end <= start)
                    && bytes[i..end].eq_ignore_ascii_case(alias.as_bytes())
                    && (end == bytes.len() || !is_word(bytes[end]))
                {
                    out.push((i, end, Found::Known(*def)));
                    i = end;
                    continue 'scan;
                }
            }
        }
        let boundary = word_end == bytes.len() || !is_word(bytes[word_end]);
        if boundary && is_part_number(&text[i..word_end]) {
            out.push((i, word_end, Found::Other(text[i..word_end].to_string())));
        }
        i = word_end;
    }
    out
}

/// Letter prefixes of tokens that are not hardware: hashes, standards,
/// buses, memory types, codecs, event names.
const NOT_HARDWARE: &[&str] = &[
    "AES", "ARMV", "BSD", "CC", "CON", "CRC", "CVE", "DDR", "DEF", "DP", "ECC", "ECMA", "ES", "EU", "FOSDEM", "GDDR",
    "GPL", "H", "HDMI", "HTTP", "IEC", "IEEE", "IPV", "ISO", "LGPL", "LPDDR", "LTE", "MD", "MIT", "PCIE", "PEP", "Q",
    "RFC", "RSA", "RV", "SATA", "SHA", "SSL", "TC", "TLS", "USB", "UTF", "W", "WHY", "WPA", "X",
];

/// `CH32V307`, `RK3399`, `A311D`: 1–5 capital letters, at least two
/// digits, an optional short suffix; not a year (`WHY2025`), not a known
/// non-hardware prefix, at least four characters.
pub fn is_part_number(token: &str) -> bool {
    let b = token.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[letters..].iter().take_while(|c| c.is_ascii_digit()).count();
    let suffix = &b[letters + digits..];
    if !(1..=5).contains(&letters) || digits < 2 || b.len() < 4 || suffix.len() > 8 {
        return false;
    }
    if !suffix.iter().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let prefix = &token[..letters];
    if NOT_HARDWARE.contains(&prefix) {
        return false;
    }
    let number = &token[letters..letters + digits];
    let is_year = digits == 4 && suffix.is_empty() && number.parse::<u32>().is_ok_and(|y| (1970..=2099).contains(&y));
    !is_year
}

/// The topics of the notes being parsed: taxonomy entries as they are
/// first mentioned (with their families), and other hardware.
#[derive(Debug, Default)]
pub struct TopicTable {
    pub topics: Vec<Topic>,
    by_def: HashMap<usize, TopicId>,
    by_other: HashMap<String, TopicId>,
}

impl TopicTable {
    pub fn resolve(&mut self, found: &Found) -> TopicId {
        match found {
            Found::Known(def) => self.known(*def, 0),
            Found::Other(token) => self.other(token),
        }
    }

    fn known(&mut self, def: usize, depth: usize) -> TopicId {
        if let Some(id) = self.by_def.get(&def) {
            return *id;
        }
        let d = &TAXONOMY[def];
        // build.rs rejects cycles; the depth cap only guards edits to it.
        let parents = if depth < 8 {
            d.parents.iter().map(|p| self.known(*p, depth + 1)).collect()
        } else {
            Vec::new()
        };
        let id = TopicId(self.topics.len() as u32);
        self.topics.push(Topic {
            slug: d.id.to_string(),
            label: d.label.to_string(),
            kind: d.kind,
            vendor: d.vendor.to_string(),
            isa: d.isa,
            parents,
            meetings: Vec::new(),
        });
        self.by_def.insert(def, id);
        id
    }

    fn other(&mut self, token: &str) -> TopicId {
        let mut slug = token.to_ascii_lowercase();
        // Keep URL ids unambiguous should a token equal a curated id.
        if TAXONOMY.iter().any(|d| d.id == slug) {
            slug = format!("other-{slug}");
        }
        if let Some(id) = self.by_other.get(&slug) {
            return *id;
        }
        let id = TopicId(self.topics.len() as u32);
        self.topics.push(Topic {
            slug: slug.clone(),
            label: token.to_string(),
            kind: TopicKind::Other,
            vendor: "Other hardware".into(),
            isa: Isa::Other,
            parents: Vec::new(),
            meetings: Vec::new(),
        });
        self.by_other.insert(slug, id);
        id
    }

    /// `id` and everything above it.
    pub fn with_ancestors(&self, id: TopicId, out: &mut Vec<TopicId>) {
        if out.contains(&id) {
            return;
        }
        out.push(id);
        for p in self.topics[id.0 as usize].parents.clone() {
            self.with_ancestors(p, out);
        }
    }
}

/// Whether a topic's label, id or aliases contain `query`, compared the way
/// mentions are matched (case and separators ignored): "pi 4" finds
/// Raspberry Pi 4, "odroid-c4" finds ODROID-C4.
pub fn topic_matches(topic: &Topic, query: &str) -> bool {
    let q = squeeze(query);
    if q.is_empty() {
        return true;
    }
    let aliases = TAXONOMY
        .iter()
        .find(|d| d.id == topic.slug)
        .map(|d| d.aliases)
        .unwrap_or_default();
    std::iter::once(topic.label.as_str())
        .chain(std::iter::once(topic.slug.as_str()))
        .chain(aliases.iter().copied())
        .any(|name| squeeze(name).contains(&q))
}

/// Lowercase ASCII without spaces, hyphens and underscores.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
