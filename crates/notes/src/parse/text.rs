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
                if t.contains(':') {
                    let replaced = replace_emoji(t);
                    *t = replaced;
                }
                if linkify_urls && find_url(t).is_some() {
                    let text = std::mem::take(t);
                    let mut parts = Vec::new();
                    linkify(&text, &mut parts);
                    let n = parts.len();
                    inlines.splice(i..=i, parts);
                    i += n;
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

/// Splits `text` at bare URLs, pushing text and link inlines to `out`.
fn linkify(text: &str, out: &mut Vec<Inline>) {
    let mut rest = text;
    while let Some((start, end)) = find_url(rest) {
        if start > 0 {
            out.push(Inline::Text(rest[..start].to_string()));
        }
        let url = &rest[start..end];
        out.push(Inline::Link {
            target: LinkTarget::from_url(url),
            children: vec![Inline::Text(url.to_string())],
        });
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

/// Byte range of the first bare http(s) URL in `text`.
pub fn find_url(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Look for an "h" (a fast byte search) and check what follows: a
    // substring searcher costs more to set up than these short runs take.
    let next_http = |mut from: usize| loop {
        let at = from + text[from..].find('h')?;
        if bytes[at..].starts_with(b"http") {
            return Some(at);
        }
        from = at + 1;
    };
    while let Some(pos) = next_http(from) {
        from = pos + 4;
        let tail = &bytes[pos..];
        let scheme_len = if starts_with_ignore_case(tail, b"https://") {
            8
        } else if starts_with_ignore_case(tail, b"http://") {
            7
        } else {
            continue;
        };
        if pos > 0 && (bytes[pos - 1].is_ascii_alphanumeric() || bytes[pos - 1] == b'/') {
            continue;
        }
        let mut end = pos + scheme_len;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'"' | b'`') {
                break;
            }
            end += 1;
        }
        // Trailing punctuation belongs to the sentence, and a closing
        // bracket only to the URL when the URL opened it. Closing minus
        // opening brackets are counted once and kept up to date as the end
        // moves left, so stripping stays linear.
        let excess = |open: u8, close: u8| {
            bytes[pos..end]
                .iter()
                .map(|&b| (b == close) as isize - (b == open) as isize)
                .sum::<isize>()
        };
        let (mut parens, mut brackets) = (excess(b'(', b')'), excess(b'[', b']'));
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

fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
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
    if !text.contains(':') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_table_is_sorted_for_binary_search() {
        assert!(EMOJI.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
