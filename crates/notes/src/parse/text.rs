//! Text-level clean-up of inline runs: merge adjacent text, replace HackMD
//! emoji shortcodes, and turn bare `http(s)://` URLs into links (HackMD
//! links them; CommonMark does not). How words and case work is
//! [`crate::words`]'s.

use std::rc::Rc;

use crate::model::{Inline, LinkTarget};

/// Tidies an inline run in place, recursing into emphasis; link text is
/// tidied without linkifying, since a link cannot contain a link.
pub fn tidy(inlines: &mut Vec<Inline>) {
    tidy_inner(inlines, true)
}

fn tidy_inner(inlines: &mut Vec<Inline>, linkify_urls: bool) {
    // In place: most runs need nothing, and copying every string twice
    // was a large share of parsing.
    let mut marked = false;
    let mut i = 0;
    while i < inlines.len() {
        merge_texts_at(inlines, i);
        match &mut inlines[i] {
            Inline::Text(t) => {
                // Shortcodes and URLs need a colon, embeds a brace, highlights
                // "==": most runs have none of the three.
                let bytes = t.as_bytes();
                let (colon, brace, equals) = (find_byte(bytes, b':'), find_byte(bytes, b'{'), find_byte(bytes, b'='));
                if colon.is_none() && brace.is_none() && equals.is_none() {
                    i += 1;
                    continue;
                }
                if !marked && equals.is_some() && t.contains("==") {
                    // Pairs may span inlines: the whole rest of the list at once.
                    marked = true;
                    marks(inlines, i);
                    continue;
                }
                if let Some(first) = (linkify_urls && brace.is_some()).then(|| find_embed(t)).flatten() {
                    // The pieces are read again from `i`: the text around
                    // an embed may hold shortcodes, URLs or more embeds.
                    let text = std::mem::take(t);
                    replace_at(inlines, i, embeds(&text, first));
                    continue;
                }
                if colon.is_none() {
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
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => {
                tidy_inner(c, linkify_urls)
            }
            Inline::Link { children, .. } => tidy_inner(children, false),
            _ => {}
        }
        i += 1;
    }
}

/// Merges the text at `i` with the texts right after it.
#[inline]
fn merge_texts_at(inlines: &mut Vec<Inline>, i: usize) {
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
}

/// HackMD's `==highlighted==` text (markdown-it-mark), which CommonMark
/// leaves as text: a `==` before a non-space opens, a `==` after a
/// non-space closes, across emphasis, links and code between them. `=`
/// runs of another length are text.
fn marks(inlines: &mut Vec<Inline>, from: usize) {
    let mut k = from;
    while k < inlines.len() {
        merge_texts_at(inlines, k);
        k += 1;
    }
    let mut from = from;
    while let Some(((i, a), (j, b))) = mark_pair(inlines, from) {
        // Taken apart with split_off and put back with push and extend
        // (drain and splice would be more code in the wasm): the text
        // before the opener, the marked inlines, the text after the closer.
        let tail = inlines.split_off(j + 1);
        let mut marked = inlines.split_off(i);
        let text = |inline: &Inline| match inline {
            Inline::Text(t) => t.clone(),
            _ => String::new(),
        };
        let (first, last) = (text(&marked[0]), text(&marked[marked.len() - 1]));
        let before = &first[..a];
        let after = &last[b + 2..];
        if i == j {
            // A pair holds something: `mark_pair` finds no empty one.
            marked = vec![Inline::Text(first[a + 2..b].to_string())];
        } else {
            marked.pop();
            if b > 0 {
                marked.push(Inline::Text(last[..b].to_string()));
            }
            if a + 2 < first.len() {
                marked[0] = Inline::Text(first[a + 2..].to_string());
            } else {
                marked.remove(0);
            }
        }
        if !before.is_empty() {
            inlines.push(Inline::Text(before.to_string()));
        }
        inlines.push(Inline::Mark(marked));
        from = inlines.len();
        if !after.is_empty() {
            inlines.push(Inline::Text(after.to_string()));
        }
        inlines.extend(tail);
    }
}

/// The first `==` opener at or after inline `from` and the first closer
/// after it: `(inline, byte)` of each.
fn mark_pair(inlines: &[Inline], from: usize) -> Option<((usize, usize), (usize, usize))> {
    let mut open: Option<(usize, usize)> = None;
    for (i, inline) in inlines.iter().enumerate().skip(from) {
        let Inline::Text(t) = inline else { continue };
        let bytes = t.as_bytes();
        let mut k = 0;
        while let Some(at) = t[k..].find("==") {
            let at = k + at;
            let run = bytes[at..].iter().take_while(|b| **b == b'=').count();
            k = at + run;
            if run != 2 || (at > 0 && bytes[at - 1] == b'=') {
                continue;
            }
            // Bytes, not chars: a space is ASCII, and any other byte is
            // part of something that is not one.
            let next = bytes.get(at + 2);
            let prev = at.checked_sub(1).map(|p| bytes[p]);
            let closes = match prev {
                Some(c) => !c.is_ascii_whitespace(),
                None => i > 0 && !matches!(inlines[i - 1], Inline::Text(_)),
            };
            if let (Some(start), true) = (open, closes) {
                if start != (i, at) && (start.0 != i || at > start.1 + 2) {
                    return Some((start, (i, at)));
                }
            }
            let opens = match next {
                Some(c) => !c.is_ascii_whitespace(),
                None => i + 1 < inlines.len() && !matches!(inlines[i + 1], Inline::Text(_)),
            };
            if open.is_none() && opens {
                open = Some((i, at));
            }
        }
    }
    None
}

/// Whether `f` holds for a piece of the plain text of `inlines` (the
/// pieces [`Inline::plain_text`] joins), without building the text.
pub(crate) fn any_plain(inlines: &[Inline], f: &mut impl FnMut(&str) -> bool) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(t)
        | Inline::Code(t)
        | Inline::Html(t)
        | Inline::Mentions { text: t, .. }
        | Inline::Image { alt: t, .. } => f(t),
        Inline::Emphasis(c)
        | Inline::Strong(c)
        | Inline::Strike(c)
        | Inline::Mark(c)
        | Inline::Link { children: c, .. } => any_plain(c, f),
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
            target: Rc::new(LinkTarget::from_url(url)),
            children: vec![Inline::Text(url.to_string())],
        });
        rest = &rest[end..];
        next = find_url(rest);
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

/// HackMD's embed `{%kind argument %}`: a link to what it would frame,
/// named by its kind (the page frames nothing from elsewhere). `None` for
/// a kind HackMD does not embed, or an argument that names nothing.
pub fn embed(inner: &str) -> Option<(String, &'static str)> {
    // Kind, the URL before the argument ("" for an argument that is the
    // URL), the slashes an id may have, and the link's name: one table,
    // one code path.
    const EMBEDS: [(&str, &str, usize, &str); 7] = [
        ("youtube", "https://www.youtube.com/watch?v=", 0, "YouTube video"),
        ("vimeo", "https://vimeo.com/", 0, "Vimeo video"),
        ("gist", "https://gist.github.com/", 1, "Gist"),
        ("slideshare", "https://www.slideshare.net/", 1, "SlideShare slides"),
        ("speakerdeck", "https://speakerdeck.com/", 1, "Speaker Deck slides"),
        ("pdf", "", 0, "PDF"),
        ("figma", "", 0, "Figma design"),
    ];
    let (kind, arg) = inner.trim().split_once(char::is_whitespace)?;
    let arg = arg.trim();
    let (_, base, slashes, name) = EMBEDS.iter().find(|(k, ..)| k.eq_ignore_ascii_case(kind))?;
    let ok = if base.is_empty() {
        matches!(LinkTarget::from_url(arg), LinkTarget::Web(_))
    } else {
        // An id or a `user/name` path: what may go into a URL as it is.
        !arg.is_empty()
            && arg.matches('/').count() <= *slashes
            && !arg.starts_with('/')
            && arg.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-./".contains(&b))
            && !arg.contains("..")
    };
    ok.then(|| (format!("{base}{arg}"), *name))
}

/// Where the first embed `text` holds starts and ends (see [`embed`]).
fn find_embed(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = find_byte(&text.as_bytes()[from..], b'{') {
        let start = from + at;
        from = start + 1;
        let Some(body) = text[start + 1..].strip_prefix('%') else {
            continue;
        };
        let len = body.find("%}")?;
        if embed(&body[..len]).is_some() {
            return Some((start, start + 2 + len + 2));
        }
    }
    None
}

/// `text` with each embed in it replaced by the name of its link.
pub fn replace_embeds(text: &str) -> String {
    let Some(first) = find_embed(text) else {
        return text.to_string();
    };
    let mut out = String::new();
    Inline::plain_text_into(&embeds(text, first), &mut out);
    out
}

/// `text` with its embeds, the first at `first`, as links.
fn embeds(text: &str, first: (usize, usize)) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut next = Some(first);
    while let Some((start, end)) = next {
        let (url, label) = embed(&rest[start + 2..end - 2]).expect("found as an embed");
        if start > 0 {
            out.push(Inline::Text(rest[..start].to_string()));
        }
        out.push(Inline::Link {
            target: Rc::new(LinkTarget::from_url(&url)),
            children: vec![Inline::Text(label.to_string())],
        });
        rest = &rest[end..];
        next = find_embed(rest);
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
    out
}

/// Where `needle` first is in `haystack`. Text runs are short, where
/// `str::find`'s set-up costs more than the search: eight bytes at a time
/// instead, by the classic "which byte is zero" bit trick.
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let (words, rest) = haystack.as_chunks::<8>();
    let mut base = 0;
    for word in words {
        let v = u64::from_le_bytes(*word) ^ pattern;
        // The lowest bit set marks the first byte equal to `needle` (a
        // borrow can only mark bytes after it).
        let zero = v.wrapping_sub(ONES) & !v & HIGHS;
        if zero != 0 {
            return Some(base + (zero.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    rest.iter().position(|b| *b == needle).map(|i| base + i)
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
        if let Some(url) = url_at(bytes, colon, 0) {
            return Some(url);
        }
    }
    None
}

/// The bare http(s) URL whose "://" starts at `colon`, if there is one:
/// its byte range. Its scheme is read no further back than `floor`, where
/// the text being searched starts. `bytes` is UTF-8 text.
pub(crate) fn url_at(bytes: &[u8], colon: usize, floor: usize) -> Option<(usize, usize)> {
    if !bytes[colon..].starts_with(b"://") {
        return None;
    }
    let (pos, scheme_len) =
        if colon >= floor + 5 && &bytes[colon - 5..colon - 1] == b"http" && matches!(bytes[colon - 1], b's' | b'S') {
            (colon - 5, 8)
        } else if colon >= floor + 4 && &bytes[colon - 4..colon] == b"http" {
            (colon - 4, 7)
        } else {
            return None;
        };
    if pos > floor && (bytes[pos - 1].is_ascii_alphanumeric() || bytes[pos - 1] == b'/') {
        return None;
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
    // Back to a character's first byte (UTF-8 continuation bytes are 10xxxxxx).
    while end > pos && end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    (end > pos + scheme_len).then_some((pos, end))
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
    fn hackmd_embeds_become_links_to_what_they_embed() {
        let cases = [
            (
                "youtube dQw4w9WgXcQ ",
                Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ),
            ("vimeo 76979871", Some("https://vimeo.com/76979871")),
            (
                "gist orangecms/3f6c2a",
                Some("https://gist.github.com/orangecms/3f6c2a"),
            ),
            (
                "speakerdeck racklet/intro",
                Some("https://speakerdeck.com/racklet/intro"),
            ),
            ("pdf https://example.org/rack.pdf", Some("https://example.org/rack.pdf")),
            ("pdf javascript:alert(1)", None),
            ("youtube ../../evil", None),
            ("youtube a?b=1", None),
            ("gist a/b/c", None),
            ("sequence-diagram A->B", None),
            ("youtube", None),
        ];
        for (inner, url) in cases {
            assert_eq!(embed(inner).map(|(u, _)| u).as_deref(), url, "{inner}");
        }
    }

    /// The inlines as text with `[mark]` around marked ones.
    fn shown(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Mark(c) => format!("[{}]", shown(c)),
                Inline::Strong(c) => format!("**{}**", shown(c)),
                other => Inline::plain_text(std::slice::from_ref(other)),
            })
            .collect()
    }

    #[test]
    fn hackmd_highlights_are_marked_and_other_equals_signs_are_text() {
        let text = |t: &str| vec![Inline::Text(t.into())];
        let cases = [
            ("==Ordered the PDU== for the rack", "[Ordered the PDU] for the rack"),
            ("a ==b== and ==c==", "a [b] and [c]"),
            ("x == y and y == x", "x == y and y == x"),
            ("=== heading-ish ===", "=== heading-ish ==="),
            ("==unclosed", "==unclosed"),
            ("==== four", "==== four"),
            ("====", "===="),
            ("== spaced ==", "== spaced =="),
        ];
        for (input, want) in cases {
            let mut inlines = text(input);
            tidy(&mut inlines);
            assert_eq!(shown(&inlines), want, "{input}");
        }
        let t = |s: &str| Inline::Text(s.into());
        for (mut inlines, want) in [
            // Across an emphasis between its markers.
            (
                vec![t("see ==the "), Inline::Strong(text("BMC")), t(" fans==!")],
                "see [the **BMC** fans]!",
            ),
            (vec![t("=="), Inline::Strong(text("all")), t("==")], "[**all**]"),
            // Texts as pulldown-cmark may split them.
            (vec![t("a "), t("=="), t("b"), t("=="), t(" c")], "a [b] c"),
        ] {
            tidy(&mut inlines);
            assert_eq!(shown(&inlines), want);
        }
    }

    #[test]
    fn emoji_table_is_sorted_for_binary_search() {
        assert!(EMOJI.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
