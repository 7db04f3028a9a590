//! Hardware topics: the taxonomy (`data/hardware.toml`, compiled in by
//! build.rs), finding its names in text, and "other hardware": words shaped
//! like part numbers (`CH32V307`) that the taxonomy does not know.
//!
//! Names are matched in one pass over the text, through a trie of every
//! alias: at each word start the trie is walked as far as the text allows,
//! and the longest name that ends at a word boundary wins. Case is ignored;
//! where an alias has a separator ("ODROID C4"), the text may have a space,
//! a hyphen, an underscore or nothing ("Odroid-C4", "ODROIDC4"); where it
//! has none ("A64"), the text must not either, so "a 64-bit kernel" is not
//! an Allwinner A64. A trailing plural "s" is accepted ("two RP2040s").
//! URLs are addresses, not prose, and are skipped.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Isa, Topic, TopicId, TopicKind};
use crate::words::{id_key, is_separator, is_word_byte};

include!(concat!(env!("OUT_DIR"), "/hardware.rs"));

/// One entry of the taxonomy as compiled in.
#[derive(Debug)]
pub struct TopicDef {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: TopicKind,
    pub vendor: &'static str,
    pub isa: Isa,
    pub aliases: Vec<&'static str>,
    /// Indices into [`taxonomy`].
    pub parents: Vec<usize>,
}

/// The whole curated table, read once from the compiled-in data.
pub fn taxonomy() -> &'static [TopicDef] {
    static TABLE: OnceLock<Vec<TopicDef>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lines: Vec<Vec<&'static str>> = TAXONOMY_DATA.lines().map(|l| l.split('\t').collect()).collect();
        let index: HashMap<&str, usize> = lines.iter().enumerate().map(|(i, f)| (f[0], i)).collect();
        let list = |field: &'static str, sep: char| field.split(sep).filter(|s| !s.is_empty());
        lines
            .iter()
            .map(|f| TopicDef {
                id: f[0],
                label: f[1],
                // build.rs checked every name, id and parent.
                kind: TopicKind::from_name(f[2]).unwrap_or(TopicKind::Other),
                vendor: f[3],
                isa: Isa::from_name(f[4]).unwrap_or(Isa::Other),
                aliases: list(f[5], '|').collect(),
                parents: list(f[6], ',').filter_map(|p| index.get(p).copied()).collect(),
            })
            .collect()
    })
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Index into the taxonomy.
    Known(usize),
    /// A part-number-like token that the taxonomy does not know.
    Other(String),
}

/// The marker for "a separator may stand here" in the trie.
const SEP: u8 = b' ';
const NO_DEF: u32 = u32::MAX;

/// Every alias, lowercase, with runs of separators folded to one [`SEP`].
struct Trie {
    /// Per node: its edges (`edges[first..first + len]`, sorted by byte) and
    /// the topic an alias ending here names.
    nodes: Vec<(u32, u32, u32)>,
    edges: Vec<(u8, u32)>,
    /// The root's children by lowercase byte.
    root: [u32; 256],
    /// Which first two bytes (lowercase, a separator as [`SEP`]) any alias
    /// starts with, one bit each: most words are turned away by one lookup.
    pairs: Box<[u64; 1024]>,
}

impl Trie {
    fn build() -> Trie {
        // Children as maps while building, flattened to sorted edges after.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut defs: Vec<u32> = vec![NO_DEF];
        let mut pairs = Box::new([0u64; 1024]);
        for (def, topic) in taxonomy().iter().enumerate() {
            for alias in &topic.aliases {
                // Lowercase, each run of separators one SEP.
                let mut key: Vec<u8> = Vec::with_capacity(alias.len());
                for b in alias.bytes().map(|b| b.to_ascii_lowercase()) {
                    let b = if is_separator(b) { SEP } else { b };
                    if b != SEP || key.last().is_some_and(|l| *l != SEP) {
                        key.push(b);
                    }
                }
                if let [a, b, ..] = key[..] {
                    let pair = pair_index(a, b);
                    pairs[pair / 64] |= 1 << (pair % 64);
                }
                let mut node = 0usize;
                for b in key {
                    node = match children[node].iter().find(|(c, _)| *c == b) {
                        Some((_, next)) => *next as usize,
                        None => {
                            children.push(Vec::new());
                            defs.push(NO_DEF);
                            let next = children.len() - 1;
                            children[node].push((b, next as u32));
                            next
                        }
                    };
                }
                defs[node] = def as u32;
            }
        }
        let mut root = [NO_DEF; 256];
        for (b, next) in &children[0] {
            root[*b as usize] = *next;
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        for (mut list, def) in children.into_iter().zip(defs) {
            list.sort_unstable();
            nodes.push((edges.len() as u32, list.len() as u32, def));
            edges.extend(list);
        }
        Trie {
            nodes,
            edges,
            root,
            pairs,
        }
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let (first, len, _) = self.nodes[node as usize];
        let edges = &self.edges[first as usize..(first + len) as usize];
        edges.binary_search_by_key(&byte, |(b, _)| *b).ok().map(|i| edges[i].1)
    }

    /// The longest alias starting at `start` that ends at a word boundary
    /// (or before a plural "s"): its end in `text` and its topic.
    fn longest(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        let a = text[start].to_ascii_lowercase();
        let b = match text.get(start + 1) {
            Some(b) if is_separator(*b) => SEP,
            Some(b) => b.to_ascii_lowercase(),
            None => return None,
        };
        let pair = pair_index(a, b);
        if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
            return None;
        }
        let first = self.root[a as usize];
        // (end, exact: not by a plural "s", topic): a name spelled out wins
        // over a shorter one plus "s" ("Duos" is the Duo S).
        let mut best: Option<(usize, bool, usize)> = None;
        // (node, position): an alias's separator may match zero or more
        // separators in the text, so a walk can be in two places at once.
        // A walk only branches at an alias's separators, a few at most: a
        // small fixed stack holds every branch.
        let mut stack = [(0u32, 0u32); 12];
        stack[0] = (first, start as u32 + 1);
        let mut depth = 1;
        while depth > 0 {
            depth -= 1;
            let (node, at) = stack[depth];
            let at = at as usize;
            let mut push = |(node, at): (u32, usize)| {
                if depth < stack.len() {
                    stack[depth] = (node, at as u32);
                    depth += 1;
                }
            };
            let def = self.nodes[node as usize].2;
            if def != NO_DEF && at > start {
                if let Some(end) = word_end(text, at) {
                    let found = (end, end == at, def as usize);
                    if best.is_none_or(|b| (found.0, found.1) > (b.0, b.1)) {
                        best = Some(found);
                    }
                }
            }
            if let Some(sep) = self.child(node, SEP) {
                push((sep, at));
                let mut past = at;
                while past < text.len() && is_separator(text[past]) {
                    past += 1;
                }
                if past > at {
                    push((sep, past));
                }
            }
            if let Some(&b) = text.get(at) {
                if let Some(next) = self.child(node, b.to_ascii_lowercase()) {
                    push((next, at + 1));
                }
            }
        }
        best.map(|(end, _, def)| (end, def))
    }
}

fn pair_index(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

/// Where a name ending at `at` ends, if a word boundary follows, or a
/// plural "s" and then one.
fn word_end(text: &[u8], at: usize) -> Option<usize> {
    let boundary = |i: usize| text.get(i).is_none_or(|b| !is_word_byte(*b));
    if boundary(at) {
        Some(at)
    } else if text[at] == b's' && boundary(at + 1) {
        Some(at + 1)
    } else {
        None
    }
}

fn trie() -> &'static Trie {
    static TRIE: OnceLock<Trie> = OnceLock::new();
    TRIE.get_or_init(Trie::build)
}

/// Hardware mentions in `text`, as byte ranges, in order, not overlapping.
pub fn find_mentions(text: &str) -> Vec<(usize, usize, Found)> {
    let mut out = Vec::new();
    // URLs are addresses, not prose: only the text between them is read.
    let mut from = 0;
    loop {
        let url = crate::parse::text::find_url(&text[from..]).map(|(s, e)| (s + from, e + from));
        let to = url.map_or(text.len(), |(start, _)| start);
        scan(text, from, to, &mut out);
        match url {
            Some((_, end)) => from = end,
            None => return out,
        }
    }
}

/// Finds mentions in `text[from..to]`, word by word.
fn scan(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize, Found)>) {
    let bytes = &text.as_bytes()[..to];
    let trie = trie();
    let mut i = from;
    while i < to {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        // A word starts here (the loop skips whole words), unless the text
        // handed in starts inside one.
        if i > 0 && is_word_byte(text.as_bytes()[i - 1]) && i == from {
            while i < to && is_word_byte(bytes[i]) {
                i += 1;
            }
            continue;
        }
        if let Some((end, def)) = trie.longest(bytes, i) {
            out.push((i, end, Found::Known(def)));
            i = end;
            continue;
        }
        let start = i;
        let capital = bytes[i].is_ascii_uppercase();
        while i < to && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let ascii_end = i;
        // The rest of a word that goes on in another script.
        while i < to && is_word_byte(bytes[i]) {
            i += 1;
        }
        let token = &text[start..ascii_end];
        if capital && ascii_end == i && is_part_number(token) && stands_alone(text.as_bytes(), start, ascii_end) {
            out.push((start, ascii_end, Found::Other(token.to_string())));
        }
    }
}

/// Letter prefixes of part-number-shaped words that are not hardware, by
/// what they are instead.
const NOT_HARDWARE: &[&str] = &[
    // Firmware stages and architectures, ISA profiles, privilege levels.
    "BL", "ARM", "ARMV", "AMD", "RV", "RVA", "RVB", "SV", "EL", "X", "PPC",
    // Advisories, standards bodies and documents.
    "CVE", "CWE", "GHSA", "RFC", "ISO", "IEC", "IEEE", "ECMA", "PEP", "EN", "DIN", "ANSI", "JEDEC",
    // Software, toolchains and events.
    "GCC", "LLVM", "GTK", "QT", "EDK", "KDE", "LTS", "FOSDEM", "WHY", "DEF", "CON", "CCC",
    // Formats, codecs, hashes, ciphers.
    "MP", "H", "VP", "AV", "EXT", "FAT", "UTF", "SHA", "MD", "CRC", "LZ", "AES", "RSA", "TLS", "SSL", "ED",
    // Licences.
    "GPL", "LGPL", "MIT", "BSD", "CC", "MPL", // Buses, links, memory and storage standards and generations.
    "USB", "PCIE", "DDR", "LPDDR", "GDDR", "SATA", "SD", "EMMC", "UFS", "NVME", "HDMI", "DP", "TPM", "SFP", "QSFP",
    "BT", "WIFI", "LTE", "IPV", "HTTP", "WPA", "RS", "CAN", "SPI", "I", "ECC", "CAT", "POE",
    // Connectors, packages, batteries, motors.
    "RJ", "XT", "JST", "LQFP", "TQFP", "QFN", "QFP", "BGA", "SOIC", "TSSOP", "SOT", "DIP", "CR", "LR", "NEMA",
    // Pins, registers, quarters and fiscal years.
    "GPIO", "PIN", "Q", "FY", "TC", "EU",
];

/// Whether an ASCII word is shaped like a part number: 1–5 capital
/// letters, at least two digits, an optional short suffix (`CH32V307`,
/// `RK3399`, `A311D`), and none of what such words often are instead: a
/// standard or format (`USB4`, `H264`), a firmware stage or architecture
/// (`BL31`, `ARM64`), a pin or connector (`PA13`, `RJ45`) or a year
/// (`WHY2025`).
pub fn is_part_number(token: &str) -> bool {
    let b = token.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &b[letters..];
    let digits = rest.iter().filter(|c| c.is_ascii_digit()).count();
    let leading_digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    // Letters, then a number, then letters and digits: CH32V307, XC7A35T.
    if !(1..=5).contains(&letters) || leading_digits == 0 || digits < 2 || b.len() < 4 || rest.len() > 12 {
        return false;
    }
    if !rest.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if NOT_HARDWARE.contains(&&token[..letters]) {
        return false;
    }
    // Two letters and two digits and nothing more reads as a pin, a port
    // or a generation (PA13, RJ45, XT60), not as a part.
    if letters <= 2 && rest.len() == 2 {
        return false;
    }
    let is_year = rest.len() == 4
        && digits == 4
        && token[letters..]
            .parse::<u32>()
            .is_ok_and(|y| (1970..=2099).contains(&y));
    !is_year
}

/// Whether the word at `start..end` of `text` is a name of its own, not a
/// version that goes on (`SD3.0`, `BT5.3`) or a fragment of a longer name
/// joined by a hyphen (`Model-T1000`, `GL-MT6000`).
fn stands_alone(text: &[u8], start: usize, end: usize) -> bool {
    let version =
        text.get(end).is_some_and(|b| matches!(b, b'.' | b',')) && text.get(end + 1).is_some_and(u8::is_ascii_digit);
    let fragment = start >= 2 && text[start - 1] == b'-' && text[start - 2].is_ascii_alphanumeric();
    !version && !fragment
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
            Found::Known(def) => self.known(*def),
            Found::Other(token) => self.other(token),
        }
    }

    fn known(&mut self, def: usize) -> TopicId {
        if let Some(id) = self.by_def.get(&def) {
            return *id;
        }
        let d = &taxonomy()[def];
        // build.rs rejects cycles, so this recursion ends.
        let parents = d.parents.iter().map(|p| self.known(*p)).collect();
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
        let mut slug = id_key(token);
        // Keep URL ids unambiguous should a token equal a curated id.
        if taxonomy().iter().any(|d| d.id == slug) {
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
            vendor: crate::index::OTHER_HARDWARE.into(),
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
        for p in &self.topics[id.0 as usize].parents {
            self.with_ancestors(*p, out);
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
    let aliases = taxonomy()
        .iter()
        .find(|d| d.id == topic.slug)
        .map(|d| d.aliases.as_slice())
        .unwrap_or_default();
    std::iter::once(topic.label.as_str())
        .chain(std::iter::once(topic.slug.as_str()))
        .chain(aliases.iter().copied())
        .any(|name| squeeze(name).contains(&q))
}

/// Lowercase ASCII without separators.
fn squeeze(text: &str) -> String {
    text.bytes()
        .filter(|b| !is_separator(*b))
        .map(|b| b.to_ascii_lowercase() as char)
        .collect()
}
