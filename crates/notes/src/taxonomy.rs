//! Hardware topics: the taxonomy (`data/hardware.toml`, compiled in by
//! build.rs), finding its names in text, and "other hardware" that the
//! taxonomy does not know: words shaped like part numbers (`CH32V307`), and
//! names known by their context ("RK1 modules", "Milk-V Oasis").
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
use crate::words::in_list;
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
    /// A name the taxonomy does not know: part-number-shaped, or named so
    /// by its context ("RK1 modules").
    Other(String),
}

/// A mention as the scan finds it: [`Found`], borrowing the token.
#[derive(Clone, Copy)]
pub(crate) enum Hit<'a> {
    Known(usize),
    Other(&'a str),
}

/// The marker for "a separator may stand here" in the trie.
const SEP: u8 = b' ';
const NO_DEF: u32 = u32::MAX;
/// Byte class of bytes no alias has (and of the end of the text).
const NO_CLASS: u8 = 0;

/// Every alias, lowercase, with runs of separators folded to one [`SEP`].
struct Trie {
    nodes: Vec<Node>,
    /// Each node's edges other than [`SEP`], sorted by byte: the bytes
    /// apart from the targets, so a lookup reads one cache line.
    edge_bytes: Vec<u8>,
    edge_next: Vec<u32>,
    /// The root's children by lowercase byte.
    root: [u32; 256],
    /// Bytes by what the filter below tells apart: each byte an alias has
    /// (both cases of a letter alike, every separator as one), else
    /// [`NO_CLASS`].
    class: [u8; 256],
    classes: usize,
    /// Per first two classes: [`NO_ALIAS`] unless an alias starts with
    /// them, [`ALIAS`] if one is just them ("i7"), else [`MAYBE`]. A
    /// separator second in an alias ("R-Car") must be in the text too: a
    /// word is only walked if this says so, whatever the walk would find.
    pairs: Vec<u8>,
    /// What a walk needs to find an alias: the first four classes of one
    /// (separators folded, and any separator dropped as the text may drop
    /// it), hashed to a bit; or all of a three-class one ("m1s"), or of a
    /// two-class one (in `pairs`), exactly. Turns away most of the words `pairs`
    /// lets through ("the" for "T-Head"), changing no result.
    fours: Vec<u64>,
    threes: Vec<u64>,
}

#[derive(Clone, Copy)]
struct Node {
    first: u32,
    len: u16,
    /// The byte of the first edge (the one to the next node).
    byte: u8,
    /// The topic an alias ending here names.
    def: u32,
    /// The child on [`SEP`], looked up at every step of a walk.
    sep: u32,
}

impl Trie {
    fn build() -> Trie {
        // Children as maps while building, flattened to sorted edges after.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut defs: Vec<u32> = vec![NO_DEF];
        let mut keys: Vec<Vec<u8>> = Vec::new();
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
                let mut node = 0usize;
                for &b in &key {
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
                keys.push(key);
            }
        }
        // Numbered depth first, the byte edges before the separator: the
        // first such child of a node is the node after it, so a name is
        // mostly a run of neighbouring nodes (and most nodes have one child).
        // By insertion: lists are short (a few dozen at the root), and a
        // library sort would be code of its own in the wasm.
        let rank = |(b, _): &(u8, u32)| (*b == SEP, *b);
        for list in &mut children {
            for i in 1..list.len() {
                let mut j = i;
                while j > 0 && rank(&list[j - 1]) > rank(&list[j]) {
                    list.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
        let mut order = Vec::with_capacity(children.len());
        let mut todo = vec![0u32];
        while let Some(node) = todo.pop() {
            order.push(node);
            todo.extend(children[node as usize].iter().rev().map(|(_, next)| *next));
        }
        let mut renumber = vec![0u32; children.len()];
        for (new, old) in order.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let mut root = [NO_DEF; 256];
        for (b, next) in &children[0] {
            root[*b as usize] = renumber[*next as usize];
        }
        let mut nodes = Vec::with_capacity(children.len());
        let (mut edge_bytes, mut edge_next) = (Vec::new(), Vec::new());
        for old in order {
            let list = &children[old as usize];
            let first = edge_bytes.len();
            let mut sep = NO_DEF;
            for (b, next) in list {
                if *b == SEP {
                    sep = renumber[*next as usize];
                } else {
                    edge_bytes.push(*b);
                    edge_next.push(renumber[*next as usize]);
                }
            }
            nodes.push(Node {
                first: first as u32,
                len: (edge_bytes.len() - first) as u16,
                byte: edge_bytes.get(first).copied().unwrap_or(0),
                def: defs[old as usize],
                sep,
            });
        }

        let mut class = [NO_CLASS; 256];
        let mut classes: usize = 1;
        for b in keys.iter().flatten().copied().chain([SEP]) {
            if class[b as usize] == NO_CLASS {
                let mut same = vec![b, b.to_ascii_uppercase()];
                if b == SEP {
                    same.extend((0..=255).filter(|c| is_separator(*c)));
                }
                for c in same {
                    class[c as usize] = classes as u8;
                }
                classes += 1;
            }
        }
        let bits = |n: usize| vec![0u64; n.div_ceil(64)];
        let (mut fours, mut threes, mut twos) = (bits(FOURS), bits(classes.pow(3)), bits(classes * classes));
        let mut starts = bits(classes * classes);
        let set = |bits: &mut Vec<u64>, i: usize| bits[i / 64] |= 1 << (i % 64);
        for key in &keys {
            if let [a, b, ..] = key[..] {
                set(
                    &mut starts,
                    class[a as usize] as usize * classes + class[b as usize] as usize,
                );
            }
            // Each separator of an alias may match none in the text: every
            // way of its first four classes, a separator kept or dropped.
            // (Built once, on the page's first parse: no allocation here.)
            let mut todo = [(0usize, [0usize; 4], 0usize); 16];
            let mut pending = 1;
            while pending > 0 {
                pending -= 1;
                let (mut at, mut prefix, mut len) = todo[pending];
                while len < 4 && at < key.len() {
                    if key[at] == SEP && pending < todo.len() {
                        todo[pending] = (at + 1, prefix, len);
                        pending += 1;
                    }
                    prefix[len] = class[key[at] as usize] as usize;
                    len += 1;
                    at += 1;
                }
                match prefix[..len] {
                    [a, b, c, d] => set(&mut fours, four(classes, a, b, c, d)),
                    [a, b, c] => set(&mut threes, (a * classes + b) * classes + c),
                    [a, b] => set(&mut twos, a * classes + b),
                    _ => {}
                }
            }
        }
        let has = |bits: &[u64], i: usize| bits[i / 64] & (1 << (i % 64)) != 0;
        let pairs = (0..classes * classes)
            .map(|i| match (has(&starts, i), has(&twos, i)) {
                (false, _) => NO_ALIAS,
                (true, true) => ALIAS,
                (true, false) => MAYBE,
            })
            .collect();
        Trie {
            nodes,
            edge_bytes,
            edge_next,
            root,
            class,
            classes,
            pairs,
            fours,
            threes,
        }
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let n = self.nodes[node as usize];
        if byte == SEP {
            return (n.sep != NO_DEF).then_some(n.sep);
        }
        if n.len == 1 {
            return (n.byte == byte).then_some(node + 1);
        }
        // The rest have a few edges: a short scan beats a search.
        let (first, len) = (n.first as usize, n.len as usize);
        let at = self.edge_bytes[first..first + len].iter().position(|b| *b == byte)?;
        Some(self.edge_next[first + at])
    }

    /// Whether an alias may start at `start`, from the first four bytes.
    /// Asked at every word: inlined there, the walk only called for few.
    #[inline(always)]
    fn may_start(&self, text: &[u8], start: usize) -> bool {
        let n = self.classes;
        let sep = self.class[SEP as usize] as usize;
        // The text's classes from `start`, a run of separators as one.
        let mut at = start;
        let mut next = || {
            let Some(b) = text.get(at) else {
                return NO_CLASS as usize;
            };
            let class = self.class[*b as usize] as usize;
            at += 1;
            if class == sep {
                while text.get(at).is_some_and(|b| is_separator(*b)) {
                    at += 1;
                }
            }
            class
        };
        let a = next();
        if text.get(start + 1).is_none() {
            return false;
        }
        let b = next();
        match self.pairs[a * n + b] {
            NO_ALIAS => false,
            ALIAS => true,
            _ => {
                let has = |bits: &[u64], i: usize| bits[i / 64] & (1 << (i % 64)) != 0;
                let c = next();
                has(&self.threes, (a * n + b) * n + c) || has(&self.fours, four(n, a, b, c, next()))
            }
        }
    }

    /// The longest alias starting at `start` that ends at a word boundary
    /// (or before a plural "s"): its end in `text` and its topic. Only
    /// where [`Trie::may_start`] says one may.
    fn longest(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        let first = self.root[text[start].to_ascii_lowercase() as usize];
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
            let def = self.nodes[node as usize].def;
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
                if let Some(mut next) = self.child(node, b.to_ascii_lowercase()) {
                    // Nodes with one edge and nothing else (most of a name)
                    // are followed here, not pushed and popped one by one:
                    // the walk is the same, and the next such node is the
                    // next in the list.
                    let mut at = at + 1;
                    loop {
                        let n = self.nodes[next as usize];
                        if n.def != NO_DEF || n.sep != NO_DEF || n.len != 1 {
                            push((next, at));
                            break;
                        }
                        match text.get(at) {
                            Some(b) if b.to_ascii_lowercase() == n.byte => {
                                next += 1;
                                at += 1;
                            }
                            _ => break,
                        }
                    }
                }
            }
        }
        best.map(|(end, _, def)| (end, def))
    }
}

/// What [`Trie::pairs`] says of two classes.
const NO_ALIAS: u8 = 0;
const ALIAS: u8 = 1;
const MAYBE: u8 = 2;

/// Bits in [`Trie::fours`]: a few thousand prefixes set in 64K bits.
const FOURS: usize = 1 << 16;

/// Where four classes hash to in [`Trie::fours`].
fn four(classes: usize, a: usize, b: usize, c: usize, d: usize) -> usize {
    let i = (((a * classes + b) * classes + c) * classes + d) as u32;
    (i.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Where a name ending at `at` ends, if a word boundary follows, or a
/// plural "s" and then one.
fn word_end(text: &[u8], at: usize) -> Option<usize> {
    let boundary = |i: usize| text.get(i).is_none_or(|b| !is_word_byte(*b));
    // A name that ends in punctuation ("3B+") also ends where a URL glued
    // to it starts ("ROCK 5 ITX+https://…"): the URL is not part of it.
    if boundary(at) || text[at..].starts_with(b"http") && !text[at - 1].is_ascii_alphanumeric() {
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
    for_each_mention(text, &mut |start, end, hit| {
        let found = match hit {
            Hit::Known(def) => Found::Known(def),
            Hit::Other(token) => Found::Other(token.to_string()),
        };
        out.push((start, end, found))
    });
    out
}

/// [`find_mentions`], handing each mention to `f` as it is found: the
/// parser splits text as it goes, with no list in between. Read word by
/// word; URLs are addresses, not prose, and are skipped whole, each found
/// at its "://" by the same loop rather than by a search of its own first.
pub(crate) fn for_each_mention<'t>(text: &'t str, out: &mut impl FnMut(usize, usize, Hit<'t>)) {
    let bytes = text.as_bytes();
    let to = bytes.len();
    let trie = trie();
    let mut i = 0;
    let word_end = |mut i: usize| {
        while i < to && is_word_byte(bytes[i]) {
            i += 1;
        }
        i
    };
    // Where the text after the last URL starts: a URL's scheme is not
    // read across it.
    let mut floor = 0;
    // A board maker's name just read ("Milk-V"): its start, and where the
    // word that may be its model starts.
    let mut maker: Option<(usize, usize)> = None;
    // A word at a time: the loop skips whole words.
    while i < to {
        let first = bytes[i];
        if !is_word_byte(first) {
            // At a URL's "://" (its scheme was read as a word, and names
            // nothing), the rest of it is passed over. A URL ends before a
            // space or punctuation, never inside a word.
            match (first == b':')
                .then(|| crate::parse::text::url_at(bytes, i, floor))
                .flatten()
            {
                Some((_, end)) => (i, floor, maker) = (end, end, None),
                None => i += 1,
            }
            continue;
        }
        let after_maker = maker.take().filter(|(_, model)| *model == i).map(|(start, _)| start);
        if let Some((end, def)) = trie.may_start(bytes, i).then(|| trie.longest(bytes, i)).flatten() {
            out(i, end, Hit::Known(def));
            i = end;
            continue;
        }
        let start = i;
        if !first.is_ascii_uppercase() {
            // Only a capital starts a part number.
            i = word_end(i + 1);
            continue;
        }
        i += 1;
        while i < to && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let ascii_end = i;
        // The rest of a word that goes on in another script.
        i = word_end(i);
        let token = &text[start..ascii_end];
        if ascii_end == i && is_part_number(token) && stands_alone(text.as_bytes(), start, ascii_end) {
            out(start, ascii_end, Hit::Other(token));
        } else if let Some((from, end)) = after_maker.and_then(|m| Some((m, maker_model(bytes, start)?))) {
            // The taxonomy knew no name here (checked above): "Milk-V Oasis".
            out(from, end, Hit::Other(&text[from..end]));
            i = end;
        } else if ascii_end == i && may_be_named(bytes, token, ascii_end) {
            if let Some(end) = named_in_context(bytes, start) {
                out(start, end, Hit::Other(&text[start..end]));
                i = end;
            } else if let Some(end) = board_maker_at(bytes, start) {
                maker = Some((start, end + 1));
                i = end;
            }
        }
    }
}

/// Whether a capitalised word ending at `end` may start a name that
/// [`named_in_context`] or [`board_maker_at`] finds: it has a digit
/// ("RK1"), goes on with a hyphen ("Milk-V") or with a capitalised word.
/// Most capitalised words (a name, a sentence's first) do neither.
fn may_be_named(text: &[u8], token: &str, end: usize) -> bool {
    match text.get(end) {
        Some(b'-') => true,
        Some(b' ') if text.get(end + 1).is_some_and(u8::is_ascii_uppercase) => true,
        _ => token.bytes().any(|b| b.is_ascii_digit()),
    }
}

/// Hardware that the taxonomy does not know and whose name is too short to
/// be a part number, named by the word after it: a short model name before
/// a word for what it is ("four RK1 modules", "the RP1 southbridge"); a
/// two-character one ("X1", "P1") only after its maker's name ("Ky X1
/// SoC", "CIX P1 SoC"). (A name after a board maker's, "Milk-V Oasis", is
/// [`maker_model`]'s.)
///
/// `start` is a capitalised word's start, where the taxonomy found nothing;
/// gives the name's end.
fn named_in_context(text: &[u8], start: usize) -> Option<usize> {
    let first = name_word(text, start)?;
    let word = &text[start..first];
    if short_model(word) {
        // "RK1 modules": the name alone ("ES6 modules" are JavaScript's;
        // "X1 boards" says too little).
        let letters = letters_of(word);
        let alone = word.len() >= 3 && !NOT_HARDWARE.contains(&letters) && letters != "ES";
        return (alone && next_word(text, first).is_some_and(|at| hardware_noun(text, at))).then_some(first);
    }
    // The other forms go on with a capitalised word; most words do not.
    let at = next_word(text, first).filter(|at| text[*at].is_ascii_uppercase())?;
    // "Ky X1 SoC": a maker's name, then a model too short to stand alone.
    if let Some(end) = name_word(text, at).filter(|end| end - at == 2 && short_model(&text[at..*end])) {
        if qualifies(word) && next_word(text, end).is_some_and(|n| hardware_noun(text, n)) {
            return Some(end);
        }
    }
    None
}

/// "Milk-V Oasis": after a board maker's name, one or two capitalised
/// words that are not a word for something else the maker has ("Pine64
/// Wiki"). The scan has checked that the first is neither a curated name
/// nor a part number (those are found on their own). Gives the model's end.
fn maker_model(text: &[u8], at: usize) -> Option<usize> {
    let name = |w: &[u8]| w.len() >= 2 && w[0].is_ascii_uppercase() && qualifies(w);
    let end = name_word(text, at).filter(|end| name(&text[at..*end]))?;
    // A second word: another capitalised one ("Lichee Console") or a short
    // one with a digit ("Zero 3W"), not a part number ("Oasis SG2380").
    let second = next_word(text, end).and_then(|at| {
        let end = name_word(text, at)?;
        let w = &text[at..end];
        let short = w.len() <= 4 && w.iter().any(u8::is_ascii_digit);
        (short || name(w) && !w.iter().any(u8::is_ascii_digit)).then_some(end)
    });
    Some(second.unwrap_or(end))
}

/// Where a board maker's name at `start` ends, when a capitalised word
/// follows it.
fn board_maker_at(text: &[u8], start: usize) -> Option<usize> {
    let makers = board_makers();
    let pair = |i: usize| {
        let (a, b) = (text.get(i)?.to_ascii_lowercase(), text.get(i + 1)?.to_ascii_lowercase());
        (a.is_ascii_lowercase() && b.is_ascii_lowercase()).then(|| (a - b'a', b - b'a'))
    };
    // Most capitalised words start with two letters no maker's name does.
    let (a, b) = pair(start)?;
    if makers.pairs[a as usize] & (1 << b) == 0 {
        return None;
    }
    let maker = makers
        .names
        .iter()
        .find(|m| text.len() > start + m.len() && text[start..start + m.len()].eq_ignore_ascii_case(m.as_bytes()))?;
    let end = start + maker.len();
    next_word(text, end)
        .filter(|at| text[*at].is_ascii_uppercase())
        .map(|_| end)
}

struct Makers {
    names: Vec<&'static str>,
    /// Per first letter, a bit per second letter of the names.
    pairs: [u32; 26],
}

/// Makers who name their boards after themselves ("Milk-V Duo", "Radxa
/// X2L"): vendors with at least three boards, modules or devices in the
/// taxonomy named so. Chip makers are left out: "Intel ME" is not a part.
fn board_makers() -> &'static Makers {
    static MAKERS: OnceLock<Makers> = OnceLock::new();
    MAKERS.get_or_init(|| {
        // (vendor, boards named so), in the taxonomy's order.
        let mut count: Vec<(&str, usize)> = Vec::new();
        for d in taxonomy() {
            let named = d.aliases.iter().any(|a| {
                a.len() > d.vendor.len()
                    && a.as_bytes()[..d.vendor.len()].eq_ignore_ascii_case(d.vendor.as_bytes())
                    && is_separator(a.as_bytes()[d.vendor.len()])
            });
            if named && matches!(d.kind, TopicKind::Board | TopicKind::Module | TopicKind::Device) {
                match count.iter_mut().find(|(v, _)| *v == d.vendor) {
                    Some((_, n)) => *n += 1,
                    None => count.push((d.vendor, 1)),
                }
            }
        }
        let names: Vec<&str> = count.into_iter().filter(|(_, n)| *n >= 3).map(|(v, _)| v).collect();
        let mut pairs = [0u32; 26];
        for name in &names {
            let b = name.as_bytes();
            let (x, y) = (b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase());
            if x.is_ascii_lowercase() && y.is_ascii_lowercase() {
                pairs[(x - b'a') as usize] |= 1 << (y - b'a');
            }
        }
        Makers { names, pairs }
    })
}

/// The end of a name word at `at`: ASCII letters and digits starting with a
/// capital or a digit, parts joined by single hyphens ("Milk-V"), then a
/// word boundary.
fn name_word(text: &[u8], at: usize) -> Option<usize> {
    if !text
        .get(at)
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return None;
    }
    let mut end = at;
    while end < text.len() {
        if text[end].is_ascii_alphanumeric() {
            end += 1;
        } else if text[end] == b'-' && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            end += 2;
        } else {
            break;
        }
    }
    (!text.get(end).is_some_and(|b| is_word_byte(*b))).then_some(end)
}

/// Where the next word starts, if one space follows `end`.
fn next_word(text: &[u8], end: usize) -> Option<usize> {
    (text.get(end) == Some(&b' ') && text.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric())).then_some(end + 1)
}

/// A short model name: one to three capitals, then digits, then capitals
/// or digits ("RK1", "X1", "RP1", "A7X").
fn short_model(word: &[u8]) -> bool {
    let letters = letters_of(word).len();
    (2..=6).contains(&word.len())
        && (1..=3).contains(&letters)
        && word.get(letters).is_some_and(u8::is_ascii_digit)
        && word[letters..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn letters_of(word: &[u8]) -> &str {
    let n = word.iter().take_while(|b| b.is_ascii_uppercase()).count();
    std::str::from_utf8(&word[..n]).unwrap_or_default()
}

/// Whether a capitalised word can be part of a name: not a word that is
/// capitalised for another reason (a sentence's first verb, "The", "Our").
fn qualifies(word: &[u8]) -> bool {
    let ends =
        |suffix: &[u8]| word.len() > suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    !(ends(b"ed") || ends(b"ing") || in_list(NOT_A_NAME, word))
}

/// Whether `word` is one of `list`'s space-separated words, ignoring case.
/// Capitalised words that do not name hardware, whatever follows them:
/// words capitalised for another reason, and what a maker has besides
/// boards ("Pine64 Wiki").
const NOT_A_NAME: &str = concat!(
    "the a an this that these those our my your their his her its one two three four five six some each ",
    "every any all both new old main another other same next last first second and or with without on in ",
    "at for from to of by via vs got get put set ran run saw see built build bought buy sent made make ",
    "found read use also still now then maybe no yes is are was has had have did does will would can ",
    "could should may might ",
    "discord forum forums wiki docs documentation team community store shop website site blog linux os ",
    "github gitee sdk bsp image images debian ubuntu kernel support foundation firmware news newsletter ",
    "twitter mastodon youtube repo repository matrix irc telegram chat board boards folks people ",
    "engineers sales",
);

/// Whether the word at `at` says what a name before it is ("modules",
/// "SoC").
fn hardware_noun(text: &[u8], at: usize) -> bool {
    let end = at + text[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if text.get(end).is_some_and(|b| is_word_byte(*b)) {
        return false;
    }
    let word = &text[at..end];
    in_list(HARDWARE_NOUNS, word)
        || word.len() > 2 && word.ends_with(b"s") && in_list(HARDWARE_NOUNS, &word[..word.len() - 1])
}

/// Words that say a name before them is hardware, each also plural.
const HARDWARE_NOUNS: &str = concat!(
    "soc board module chip sbc som mcu cpu fpga southbridge devboard devkit kit carrier compute laptop ",
    "tablet handheld mainboard motherboard",
);

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
    // Most capitalised words are words: no digit after the capitals.
    if !rest.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
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

/// Every curated topic id, for telling other hardware's ids apart from
/// them at each mention.
fn curated_ids() -> &'static std::collections::HashSet<&'static str> {
    static IDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| taxonomy().iter().map(|d| d.id).collect())
}

/// The topics of the notes being parsed: taxonomy entries as they are
/// first mentioned (with their families), and other hardware.
#[derive(Debug, Default)]
pub struct TopicTable {
    pub topics: Vec<Topic>,
    /// Per taxonomy entry, its topic once mentioned: looked up at every
    /// mention, so by index rather than by hash.
    by_def: Vec<Option<TopicId>>,
    by_other: HashMap<String, TopicId>,
}

impl TopicTable {
    pub fn resolve(&mut self, found: &Found) -> TopicId {
        match found {
            Found::Known(def) => self.known(*def),
            Found::Other(token) => self.other(token),
        }
    }

    pub(crate) fn resolve_hit(&mut self, hit: Hit<'_>) -> TopicId {
        match hit {
            Hit::Known(def) => self.known(def),
            Hit::Other(token) => self.other(token),
        }
    }

    fn known(&mut self, def: usize) -> TopicId {
        if let Some(id) = self.by_def.get(def).copied().flatten() {
            return id;
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
        if self.by_def.len() <= def {
            self.by_def.resize(def + 1, None);
        }
        self.by_def[def] = Some(id);
        id
    }

    fn other(&mut self, token: &str) -> TopicId {
        // "Milk-V Oasis" is `milk-v-oasis` in URLs.
        let mut slug = id_key(token);
        if slug.contains(' ') {
            slug = slug.replace(' ', "-");
        }
        // Keep URL ids unambiguous should a token equal a curated id.
        if curated_ids().contains(slug.as_str()) {
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
