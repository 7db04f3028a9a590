//! What a word is and how case folds, decided once for the whole crate:
//! search and names fold case and accents ([`fold`]), identifiers (handles,
//! ids, keywords) compare ASCII case-insensitively ([`same_id`]), hardware
//! mentions start and end where [`is_word_byte`] says a word does, and
//! ignore [`is_separator`]s inside a name.
//!
//! Case mapping covers the scripts notes are written in (Latin, Greek,
//! Cyrillic) by arithmetic: the full Unicode case tables would add tens of
//! KB to the wasm for letters no note uses.

/// Whether `word` is one of the space-separated words of `list`, ASCII
/// case-insensitively: word lists kept as one string, cheap in the wasm.
pub fn in_list(list: &str, word: &[u8]) -> bool {
    // Split as bytes: a string split by a char runs a searcher per word.
    list.as_bytes()
        .split(|b| *b == b' ')
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Bytes that belong to a word: ASCII letters and digits, and any byte of a
/// non-ASCII character, so "äJH7110" is one word and holds no mention.
#[inline(always)]
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// [`is_word_byte`] as a table: the mention scan asks it of every byte of
/// the notes, and one load beats three range tests (the scan ran some 8 %
/// faster natively; 256 bytes in the wasm, a few after compression).
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    t
};

/// Characters that may join or split the parts of a name ("ODROID-C4",
/// "Odroid C4", "odroid_c4") without changing what it names.
pub fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'_' | b'\t')
}

/// `haystack.find(needle)` for the few-byte needles of the rules that read
/// names (" - ", " and "): the library's searcher is made for long needles,
/// and setting one up cost more than the search, at every name read (over
/// 1 % of a parse).
pub fn find_str(haystack: &str, needle: &str) -> Option<usize> {
    find_bytes(haystack.as_bytes(), needle.as_bytes())
}

/// [`find_str`] in bytes, for a haystack cut anywhere.
pub fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some(&first) = n.first() else { return Some(0) };
    let mut from = 0;
    while let Some(i) = crate::parse::text::find_byte(&h[from..], first) {
        let at = from + i;
        if h[at..].starts_with(n) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Identifiers (GitHub handles, topic ids, keywords) are ASCII and compare
/// without case.
pub fn same_id(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The form an identifier is stored and looked up by.
pub fn id_key(id: &str) -> String {
    id.to_ascii_lowercase()
}

/// Base letters for U+0100..=U+017F (Latin Extended-A), in code point order.
const LATIN_EXT_A: &str = concat!(
    "aaaaaa",
    "cccccccc",
    "dddd",
    "eeeeeeeeee",
    "gggggggg",
    "hhhh",
    "iiiiiiiiii",
    "ii",
    "jj",
    "kkk",
    "llllllllll",
    "nnnnnnnnn",
    "oooooooo",
    "rrrrrr",
    "ssssssss",
    "tttttt",
    "uuuuuuuuuuuu",
    "ww",
    "yyy",
    "zzzzzz",
    "s"
);

/// Lowercase for the scripts notes are written in (Latin, Greek,
/// Cyrillic), by arithmetic: the full Unicode case tables would add tens
/// of KB to the wasm for letters no note uses.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x130 => 0x69,
        // KELVIN SIGN and ANGSTROM SIGN: browsers fold them in host names.
        0x212A => 0x6B,
        0x212B => 0xE5,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3A9 if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Uppercase counterpart of [`lower_char`], for initials and titles.
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let upper = match u {
        0x61..=0x7A => u - 0x20,
        0xE0..=0xFE if u != 0xF7 => u - 0x20,
        0xFF => 0x178,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17E if u.is_multiple_of(2) => u - 1,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => u - 0x3F,
        0x3B1..=0x3C9 if u != 0x3C2 => u - 0x20,
        0x450..=0x45F => u - 0x50,
        0x430..=0x44F => u - 0x20,
        _ => u,
    };
    char::from_u32(upper).unwrap_or(c)
}

pub fn is_upper(c: char) -> bool {
    lower_char(c) != c
}

pub fn lowercase(text: &str) -> String {
    // ASCII lowercases as `lower_char` would, in one pass.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower_char).collect()
}

/// Appends `c` lowercased and without diacritics to `out`.
fn fold_char(c: char, out: &mut String) {
    out.extend(fold_piece(c).into_iter().flatten());
}

/// `c` lowercased and without diacritics: none, one or two characters.
fn fold_piece(c: char) -> [Option<char>; 2] {
    let lower = if c.is_ascii() {
        return [Some(c.to_ascii_lowercase()), None];
    } else {
        lower_char(c)
    };
    let base: &str = match lower {
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        'ß' => "ss",
        '\u{0300}'..='\u{036f}' => "", // combining marks of decomposed text
        '\u{0100}'..='\u{017f}' => {
            let i = lower as usize - 0x100;
            &LATIN_EXT_A[i..i + 1]
        }
        other => return [Some(other), None],
    };
    let mut chars = base.chars();
    [chars.next(), chars.next()]
}

/// The characters of [`fold`]`(text)`, without building it: for comparing
/// names, which is most of what folding is for.
pub fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| fold_piece(c).into_iter().flatten())
}

/// Calls `f` with [`fold`]`(text)`, folded on the stack when the text is
/// short ASCII (names looked up while parsing): nothing is allocated.
pub fn with_folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if text.len() > buf.len() || !text.is_ascii() {
        return f(&fold(text));
    }
    let buf = &mut buf[..text.len()];
    buf.copy_from_slice(text.as_bytes());
    buf.make_ascii_lowercase();
    // (No `expect`: its message would bring the error's Debug into the wasm.)
    f(std::str::from_utf8(buf).unwrap_or_else(|_| unreachable!("ASCII stays UTF-8")))
}

/// Lowercase without diacritics: "Käldström" → "kaldstrom".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, 0);
    out
}

/// Appends [`fold`]`(text)` to `out`. `keep` is where the folded text in
/// `out` ends without its trailing white space; the same after `text` is
/// returned, so that a text folded in pieces can be trimmed once at the
/// end as if it had been trimmed first.
pub fn fold_into(text: &str, out: &mut String, mut keep: usize) -> usize {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        let solid = text.trim_end().len();
        return if solid > 0 { start + solid } else { keep };
    }
    for c in text.chars() {
        fold_char(c, out);
        if !c.is_whitespace() {
            keep = out.len();
        }
    }
    keep
}

/// Like [`fold`], also returning for each byte of the folded text the byte
/// offset of the character it came from, plus one entry for the end, so
/// that matches in folded text map back to the original.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// A URL-safe id from a name: "Dennis Marttinen" → "dennis-marttinen".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit's search text is folded piece by piece and cut once: it must
    /// be the whole text trimmed, then folded, whatever white space or
    /// vanishing marks (a combining accent folds to nothing) end a piece.
    #[test]
    fn text_folded_in_pieces_is_the_trimmed_text_folded() {
        let cases: [&[&str]; 7] = [
            &["Käldström ", "RK1 "],
            &["Raspberry Pi 4", " "],
            &["no-break\u{a0}", "\u{2003} "],
            &["a space, then an accent: \u{301}", " "],
            &["  ", "\t"],
            &["ÆSIR\u{3000}", "x"],
            &[],
        ];
        for pieces in cases {
            let mut out = String::from("before");
            let mut keep = out.len();
            for p in pieces {
                keep = fold_into(p, &mut out, keep);
            }
            out.truncate(keep);
            let whole: String = pieces.concat();
            assert_eq!(out, format!("before{}", fold(whole.trim_end())), "{pieces:?}");
        }
    }

    #[test]
    fn latin_extended_table_covers_the_block() {
        assert_eq!(LATIN_EXT_A.len(), 0x80);
        assert_eq!(fold("ŁÓDŹ Ševčík"), "lodz sevcik");
    }

    #[test]
    fn case_mapping_covers_latin_greek_and_cyrillic() {
        assert_eq!(lowercase("ÄÖÜ ŁŚŹ ΑΒΓ АБВ Ÿİ"), "äöü łśź αβγ абв ÿi");
        let upper: String = "äöü łśź αβγ абв".chars().map(upper_char).collect();
        assert_eq!(upper, "ÄÖÜ ŁŚŹ ΑΒΓ АБВ");
        assert!(is_upper('Ł') && !is_upper('ł') && !is_upper('1'));
    }

    #[test]
    fn the_kelvin_sign_folds_to_k_as_browsers_map_host_names() {
        // U+212A KELVIN SIGN lowercases to "k" in the browser's IDNA mapping.
        assert_eq!(lowercase("\u{212A}OSTAL.example"), "kostal.example");
        assert_eq!(fold("\u{212A}elvin"), "kelvin");
    }

    #[test]
    fn words_end_at_ascii_punctuation_but_not_inside_other_scripts() {
        assert!(is_word_byte(b'a') && is_word_byte(b'7') && is_word_byte("ä".as_bytes()[0]));
        assert!(!is_word_byte(b'-') && !is_word_byte(b'(') && !is_word_byte(b' '));
        assert!(is_separator(b'-') && is_separator(b'_') && !is_separator(b'.'));
        assert!(same_id("OrangeCMS", "orangecms") && !same_id("orangecms", "orange-cms"));
    }
}
