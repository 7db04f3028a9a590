//! Text-level clean-up of inline runs: merge adjacent text, replace HackMD
//! emoji shortcodes, and turn bare `http(s)://` URLs into links (HackMD
//! links them; CommonMark does not). How words and case work is
//! [`crate::words`]'s.

use crate::model::{Inline, LinkTarget};

/// Tidies an inline run in place, recursing into emphasis; link text is
/// tidied without linkifying, since a link cannot contain a link.
pub fn tidy(inlines: &mut Vec<Inline>) {
    tidy_inner(inlines, true)
}

fn tidy_inner(inlines: &mut Vec<Inline>, linkify_urls: bool) {
    // In place: most runs need nothing, and copying every string twice
    // was a large share of parsing.
    let mut i = 0;
    while i < inlines.len() {
        // Merge a text with the texts right after it.
        if let Inline::Text(_) = inlines[i] {
            let mut j = i + 1;
            while matches!(inlines.get(j), Some(Inline::Text(_))) {
                j += 1;
            }
            if j > i + 1 {
                let mut merged = String::new();
                for inline in inlines.drain(i..j) {
                    if let Inline::Text(t) = inline {
                        merged.push_str(&t);
                    }
                }
                inlines.insert(i, Inline::Text(merged));
            }
        }
        match &mut inlines[i] {
            Inline::Text(t) => {
                // Shortcodes and URLs both need a colon: most runs have none.
                if find_byte(t.as_bytes(), b':').is_none() {
                    i += 1;
                    continue;
                }
                // Most colons start no shortcode: copy only for one that does.
                if let Some(code) = first_emoji(t) {
                    *t = replace_emoji_from(t, code);
                }
                let url = if linkify_urls { find_url(t) } else { None };
                if let Some(first) = url {
                    let text = std::mem::take(t);
                    let mut parts = Vec::new();
                    linkify(&text, first, &mut parts);
                    i += replace_at(inlines, i, parts);
                    continue;
                }
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) => tidy_inner(c, linkify_urls),
            Inline::Link { children, .. } => tidy_inner(children, false),
            _ => {}
        }
        i += 1;
    }
}

/// Whether `f` holds for a piece of the plain text of `inlines` (the
/// pieces [`Inline::plain_text`] joins), without building the text.
pub(crate) fn any_plain(inlines: &[Inline], f: &mut impl FnMut(&str) -> bool) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(t)
        | Inline::Code(t)
        | Inline::Html(t)
        | Inline::Mention { text: t, .. }
        | Inline::Image { alt: t, .. } => f(t),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Link { children: c, .. } => {
            any_plain(c, f)
        }
        Inline::HardBreak | Inline::SoftBreak => f(" "),
    })
}

/// Splits `text` at bare URLs, the first at `first`, pushing text and
/// link inlines to `out`.
fn linkify(text: &str, first: (usize, usize), out: &mut Vec<Inline>) {
    let mut rest = text;
    let mut next = Some(first);
    while let Some((start, end)) = next {
        if start > 0 {
            out.push(Inline::Text(rest[..start].to_string()));
        }
        let url = &rest[start..end];
        out.push(Inline::Link {
            target: Box::new(LinkTarget::from_url(url)),
            children: vec![Inline::Text(url.to_string())],
        });
        rest = &rest[end..];
        next = find_url(rest);
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

/// Where `needle` first is in `haystack`. Text runs are short, where
/// `str::find`'s set-up costs more than the search: eight bytes at a time
/// instead, by the classic "which byte is zero" bit trick.
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let mut words = haystack.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let v = u64::from_le_bytes(word.try_into().expect("eight bytes")) ^ pattern;
        // The lowest bit set marks the first byte equal to `needle` (a
        // borrow can only mark bytes after it).
        let zero = v.wrapping_sub(ONES) & !v & HIGHS;
        if zero != 0 {
            return Some(base + (zero.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    words.remainder().iter().position(|b| *b == needle).map(|i| base + i)
}

/// Byte range of the first bare http(s) URL in `text`.
pub fn find_url(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Look for the "://" after a lowercase "http" or "https" (the "s" in
    // either case), by a fast byte search for ":": far rarer in prose than
    // the "h" a scheme starts with.
    while let Some(at) = find_byte(&bytes[from..], b':') {
        let colon = from + at;
        from = colon + 1;
        if !bytes[colon..].starts_with(b"://") {
            continue;
        }
        let (pos, scheme_len) =
            if colon >= 5 && &bytes[colon - 5..colon - 1] == b"http" && matches!(bytes[colon - 1], b's' | b'S') {
                (colon - 5, 8)
            } else if colon >= 4 && &bytes[colon - 4..colon] == b"http" {
                (colon - 4, 7)
            } else {
                continue;
            };
        if pos > 0 && (bytes[pos - 1].is_ascii_alphanumeric() || bytes[pos - 1] == b'/') {
            continue;
        }
        // Trailing punctuation belongs to the sentence, and a closing
        // bracket only to the URL when the URL opened it. Closing minus
        // opening brackets are counted once, on the way to the end, and
        // kept up to date as the end moves left, so stripping stays linear.
        let (mut parens, mut brackets) = (0isize, 0isize);
        let mut end = pos + scheme_len;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'"' | b'`') {
                break;
            }
            match b {
                b'(' => parens -= 1,
                b')' => parens += 1,
                b'[' => brackets -= 1,
                b']' => brackets += 1,
                _ => {}
            }
            end += 1;
        }
        while end > pos + scheme_len {
            let last = bytes[end - 1];
            let strip = match last {
                b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' | b'_' => true,
                b')' => parens > 0,
                b']' => brackets > 0,
                _ => false,
            };
            if !strip {
                break;
            }
            match last {
                b')' => parens -= 1,
                b']' => brackets -= 1,
                _ => {}
            }
            end -= 1;
        }
        while end > pos && !text.is_char_boundary(end) {
            end -= 1;
        }
        if end > pos + scheme_len {
            return Some((pos, end));
        }
    }
    None
}

/// HackMD shortcodes seen in community notes; unknown ones stay as text.
const EMOJI: &[(&str, &str)] = &[
    ("+1", "👍"),
    ("-1", "👎"),
    ("100", "💯"),
    ("blush", "😊"),
    ("bug", "🐛"),
    ("bulb", "💡"),
    ("calendar", "📆"),
    ("clap", "👏"),
    ("confused", "😕"),
    ("construction", "🚧"),
    ("cry", "😢"),
    ("exclamation", "❗"),
    ("eyes", "👀"),
    ("fire", "🔥"),
    ("grin", "😁"),
    ("grinning", "😀"),
    ("hammer", "🔨"),
    ("heart", "❤️"),
    ("heavy_check_mark", "✔️"),
    ("joy", "😂"),
    ("laughing", "😆"),
    ("memo", "📝"),
    ("muscle", "💪"),
    ("ok_hand", "👌"),
    ("point_right", "👉"),
    ("pray", "🙏"),
    ("question", "❓"),
    ("rocket", "🚀"),
    ("see_no_evil", "🙈"),
    ("slightly_smiling_face", "🙂"),
    ("smile", "😄"),
    ("smiley", "😃"),
    ("sob", "😭"),
    ("sparkles", "✨"),
    ("star", "⭐"),
    ("sunglasses", "😎"),
    ("sweat_smile", "😅"),
    ("tada", "🎉"),
    ("thinking", "🤔"),
    ("thinking_face", "🤔"),
    ("thumbsdown", "👎"),
    ("thumbsup", "👍"),
    ("upside_down_face", "🙃"),
    ("warning", "⚠️"),
    ("wave", "👋"),
    ("white_check_mark", "✅"),
    ("wink", "😉"),
    ("wrench", "🔧"),
    ("x", "❌"),
    ("zap", "⚡"),
];

pub fn emoji(code: &str) -> Option<&'static str> {
    EMOJI.binary_search_by(|(c, _)| (*c).cmp(code)).ok().map(|i| EMOJI[i].1)
}

/// Replaces known `:shortcode:`s in `text`.
pub fn replace_emoji(text: &str) -> String {
    match first_emoji(text) {
        Some(at) => replace_emoji_from(text, at),
        None => text.to_string(),
    }
}

/// Where the first known `:shortcode:` in `text` starts, found as
/// [`replace_emoji`] reads the text.
fn first_emoji(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(start) = find_byte(&text.as_bytes()[from..], b':') {
        let after = &text[from + start + 1..];
        let code_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-'))
            .unwrap_or(after.len());
        if after[code_len..].starts_with(':') && code_len > 0 && emoji(&after[..code_len]).is_some() {
            return Some(from + start);
        }
        from += start + 1;
    }
    None
}

/// [`replace_emoji`] for a text whose first shortcode is at `first`.
fn replace_emoji_from(text: &str, first: usize) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let code_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-'))
            .unwrap_or(after.len());
        let closes = after[code_len..].starts_with(':');
        match (closes && code_len > 0).then(|| emoji(&after[..code_len])).flatten() {
            Some(e) => {
                out.push_str(&rest[..start]);
                out.push_str(e);
                rest = &after[code_len + 1..];
            }
            None => {
                out.push_str(&rest[..start + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Puts `parts` in place of the inline at `i`; returns how many there are.
pub(super) fn replace_at(inlines: &mut Vec<Inline>, i: usize, parts: Vec<Inline>) -> usize {
    let n = parts.len();
    if inlines.len() == 1 {
        // A lone text (most runs): its pieces are the run.
        *inlines = parts;
    } else {
        inlines.splice(i..=i, parts);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_table_is_sorted_for_binary_search() {
        assert!(EMOJI.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
