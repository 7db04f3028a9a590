//! Link-preview metadata from an HTML page: [`extract`] and the [`Meta`] it returns.
//!
//! This module owns a small hand-written HTML scanner. It is not a parser: it only finds `<meta>`
//! and `<title>` and skips what could hide a false match (comments, `<script>`, `<style>`). It
//! works on whatever bytes a server sent, so it must never panic and must stay linear in the input
//! size: every search moves the cursor past what it looked at, or is remembered as having failed.
//! It is pure (no I/O), so the fetcher can hand it a truncated page and tests can hand it garbage.

use url::Url;

/// Longest title kept, in characters; page titles longer than this are SEO stuffing.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest description kept, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 1000;
/// Site names are short labels; the same cap as titles keeps a broken page from bloating the file.
const MAX_SITE_NAME_CHARS: usize = 300;

/// The preview metadata of one page; each field is trimmed, whitespace-collapsed and non-empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub description: Option<String>,
    /// An absolute http(s) URL.
    pub image: Option<String>,
    pub site_name: Option<String>,
}

/// Finds the preview metadata in `html`. Relative image URLs resolve against `base_url` (the
/// page's final URL); if `base_url` is not a valid URL only absolute image URLs are kept.
///
/// Priority per field: Open Graph, then Twitter card, then `<title>` / `<meta name=description>`.
/// Within one kind the first usable tag wins, as crawlers do.
pub fn extract(html: &str, base_url: &str) -> Meta {
    let base = Url::parse(base_url).ok();
    let found = Scanner::new(html, base.as_ref()).run();
    Meta {
        title: found.og_title.or(found.twitter_title).or(found.title),
        description: found.og_description.or(found.twitter_description).or(found.description),
        image: found.og_image.or(found.twitter_image),
        site_name: found.og_site_name,
    }
}

/// The character set a page declares in `<meta charset>` or `<meta http-equiv=content-type>`,
/// lower-cased. The fetcher only asks when the bytes are not UTF-8 and the header said nothing.
pub(crate) fn declared_charset(html: &str) -> Option<String> {
    Scanner::new(html, None).run().charset
}

/// Which field a `<meta>` key fills.
#[derive(Clone, Copy)]
enum Slot {
    OgTitle,
    OgDescription,
    OgImage,
    OgSiteName,
    TwitterTitle,
    TwitterDescription,
    TwitterImage,
    Description,
}

/// `<meta property|name=KEY>` values we read. `og:image:url` is an alias of `og:image` and
/// `twitter:image:src` the older spelling of `twitter:image`.
const KEYS: [(&str, Slot); 10] = [
    ("og:title", Slot::OgTitle),
    ("og:description", Slot::OgDescription),
    ("og:image", Slot::OgImage),
    ("og:image:url", Slot::OgImage),
    ("og:site_name", Slot::OgSiteName),
    ("twitter:title", Slot::TwitterTitle),
    ("twitter:description", Slot::TwitterDescription),
    ("twitter:image", Slot::TwitterImage),
    ("twitter:image:src", Slot::TwitterImage),
    ("description", Slot::Description),
];

/// First usable value seen for each field, already cleaned.
#[derive(Default)]
struct Found {
    og_title: Option<String>,
    og_description: Option<String>,
    og_image: Option<String>,
    og_site_name: Option<String>,
    twitter_title: Option<String>,
    twitter_description: Option<String>,
    twitter_image: Option<String>,
    title: Option<String>,
    description: Option<String>,
    charset: Option<String>,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    base: Option<&'a Url>,
    /// Last `"` and `'` in the input: a quote opened after it is known to be unclosed without
    /// searching, which keeps many unclosed quotes from costing a scan to the end each.
    last_double_quote: Option<usize>,
    last_single_quote: Option<usize>,
    /// Set once a search for `</title` has failed: no later search can succeed either.
    no_title_end: bool,
    found: Found,
}

/// One attribute as it appears in the source: name and raw (undecoded) value.
type RawAttr<'a> = (&'a str, &'a str);

impl<'a> Scanner<'a> {
    fn new(text: &'a str, base: Option<&'a Url>) -> Self {
        let bytes = text.as_bytes();
        Scanner {
            text,
            bytes,
            pos: 0,
            base,
            last_double_quote: bytes.iter().rposition(|&b| b == b'"'),
            last_single_quote: bytes.iter().rposition(|&b| b == b'\''),
            no_title_end: false,
            found: Found::default(),
        }
    }

    fn run(mut self) -> Found {
        // Reused across tags so attribute parsing does not allocate per tag.
        let mut attrs: Vec<RawAttr<'a>> = Vec::new();
        while let Some(lt) = find_byte(self.bytes, self.pos, b'<') {
            let next = self.bytes.get(lt + 1).copied();
            if self.bytes[lt..].starts_with(b"<!--") {
                // A comment runs to `-->`; an unclosed one hides the rest, as in a browser.
                self.pos = find(self.bytes, lt + 4, b"-->").map_or(self.bytes.len(), |i| i + 3);
            } else if matches!(next, Some(b'!' | b'?' | b'/')) {
                // Doctype, processing instruction, end tag: nothing to read, skip to `>`.
                self.pos = find_byte(self.bytes, lt + 2, b'>').map_or(self.bytes.len(), |i| i + 1);
            } else if next.is_some_and(|b| b.is_ascii_alphabetic()) {
                self.pos = lt + 1;
                let name = self.read_tag(&mut attrs);
                self.handle_tag(name, &attrs);
            } else {
                // A lone `<` in text.
                self.pos = lt + 1;
            }
        }
        self.found
    }

    /// Reads a start tag from its name (cursor just after `<`) to just after its `>`, filling
    /// `attrs`. Returns the tag name.
    fn read_tag(&mut self, attrs: &mut Vec<RawAttr<'a>>) -> &'a str {
        attrs.clear();
        let len = self.bytes.len();
        let start = self.pos;
        while self.pos < len && !is_tag_name_end(self.bytes[self.pos]) {
            self.pos += 1;
        }
        let name = &self.text[start..self.pos];
        loop {
            while self.pos < len && (is_space(self.bytes[self.pos]) || self.bytes[self.pos] == b'/') {
                self.pos += 1;
            }
            if self.pos >= len {
                return name;
            }
            match self.bytes[self.pos] {
                b'>' => {
                    self.pos += 1;
                    return name;
                }
                // Not HTML, but a `<` where an attribute should start almost always means the
                // author forgot a `>`; ending the tag here rescues the next tag.
                b'<' => return name,
                _ => {}
            }
            let attr_start = self.pos;
            // An attribute name may begin with `=`; consuming it guarantees progress.
            if self.bytes[self.pos] == b'=' {
                self.pos += 1;
            }
            while self.pos < len && !is_attr_name_end(self.bytes[self.pos]) {
                self.pos += 1;
            }
            let attr_name = &self.text[attr_start..self.pos];
            self.skip_spaces();
            let mut value = "";
            if self.pos < len && self.bytes[self.pos] == b'=' {
                self.pos += 1;
                self.skip_spaces();
                value = self.read_attr_value();
            }
            attrs.push((attr_name, value));
        }
    }

    fn read_attr_value(&mut self) -> &'a str {
        let len = self.bytes.len();
        match self.bytes.get(self.pos).copied() {
            Some(quote @ (b'"' | b'\'')) => {
                let start = self.pos + 1;
                let last = if quote == b'"' {
                    self.last_double_quote
                } else {
                    self.last_single_quote
                };
                let close = match last {
                    Some(last) if last >= start => find_byte(self.bytes, start, quote),
                    _ => None,
                };
                match close {
                    Some(end) => {
                        self.pos = end + 1;
                        &self.text[start..end]
                    }
                    None => {
                        // Unclosed quote: a browser would swallow the rest of the page; ending
                        // the value at the next `>` or `<` keeps the tags after it readable.
                        let end = (start..len)
                            .find(|&i| matches!(self.bytes[i], b'>' | b'<'))
                            .unwrap_or(len);
                        self.pos = end;
                        &self.text[start..end]
                    }
                }
            }
            _ => {
                let start = self.pos;
                // HTML keeps a `<` in an unquoted value; stopping there rescues a tag that lost
                // its `>` (`content=x<body>`), and real values almost never contain one.
                while self.pos < len && !is_space(self.bytes[self.pos]) && !matches!(self.bytes[self.pos], b'>' | b'<')
                {
                    self.pos += 1;
                }
                &self.text[start..self.pos]
            }
        }
    }

    fn skip_spaces(&mut self) {
        while self.pos < self.bytes.len() && is_space(self.bytes[self.pos]) {
            self.pos += 1;
        }
    }

    fn handle_tag(&mut self, name: &str, attrs: &[RawAttr<'_>]) {
        if name.eq_ignore_ascii_case("meta") {
            self.handle_meta(attrs);
        } else if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style") {
            // Raw text: `<meta` inside a string in a script is not a tag.
            self.pos = self
                .raw_text_end(name.as_bytes())
                .map_or(self.bytes.len(), |(_, after)| after);
        } else if name.eq_ignore_ascii_case("title") && self.found.title.is_none() && !self.no_title_end {
            let start = self.pos;
            let end = match self.raw_text_end(b"title") {
                Some((end, after)) => {
                    self.pos = after;
                    end
                }
                None => {
                    // Unclosed title: take the text up to the next tag rather than the page.
                    self.no_title_end = true;
                    let end = find_byte(self.bytes, start, b'<').unwrap_or(self.bytes.len());
                    self.pos = end;
                    end
                }
            };
            self.found.title = clean(&self.text[start..end], MAX_TITLE_CHARS);
        }
    }

    /// Finds the end tag `</name` (any case) from the cursor: returns where the raw text ends
    /// and where scanning resumes (after the end tag's `>`).
    fn raw_text_end(&self, name: &[u8]) -> Option<(usize, usize)> {
        let mut from = self.pos;
        loop {
            let at = find(self.bytes, from, b"</")?;
            let name_end = at + 2 + name.len();
            let matches = self
                .bytes
                .get(at + 2..name_end)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name));
            // `</scripts` does not close `<script>`.
            let ends_name = match self.bytes.get(name_end) {
                Some(&b) => is_tag_name_end(b),
                None => true,
            };
            if matches && ends_name {
                let after = find_byte(self.bytes, name_end, b'>').map_or(self.bytes.len(), |i| i + 1);
                return Some((at, after));
            }
            from = at + 2;
        }
    }

    fn handle_meta(&mut self, attrs: &[RawAttr<'_>]) {
        let (mut property, mut name, mut content, mut http_equiv) = (None, None, None, None);
        for &(attr, value) in attrs {
            // First occurrence wins, as in a browser's attribute list.
            let slot = if attr.eq_ignore_ascii_case("property") {
                &mut property
            } else if attr.eq_ignore_ascii_case("name") {
                &mut name
            } else if attr.eq_ignore_ascii_case("content") {
                &mut content
            } else if attr.eq_ignore_ascii_case("http-equiv") {
                &mut http_equiv
            } else {
                if attr.eq_ignore_ascii_case("charset") && self.found.charset.is_none() {
                    self.found.charset = charset_name(value);
                }
                continue;
            };
            slot.get_or_insert(value);
        }
        let Some(content) = content else { return };
        if http_equiv.is_some_and(|v: &str| v.trim().eq_ignore_ascii_case("content-type"))
            && self.found.charset.is_none()
        {
            self.found.charset = charset_from_content_type(content);
        }
        for key in [property, name].into_iter().flatten() {
            let key = key.trim();
            let Some(&(_, slot)) = KEYS.iter().find(|(known, _)| known.eq_ignore_ascii_case(key)) else {
                continue;
            };
            let field = match slot {
                Slot::OgTitle => &mut self.found.og_title,
                Slot::OgDescription => &mut self.found.og_description,
                Slot::OgImage => &mut self.found.og_image,
                Slot::OgSiteName => &mut self.found.og_site_name,
                Slot::TwitterTitle => &mut self.found.twitter_title,
                Slot::TwitterDescription => &mut self.found.twitter_description,
                Slot::TwitterImage => &mut self.found.twitter_image,
                Slot::Description => &mut self.found.description,
            };
            // An empty or unusable value does not block a later tag of the same kind.
            if field.is_none() {
                *field = match slot {
                    Slot::OgTitle | Slot::TwitterTitle => clean(content, MAX_TITLE_CHARS),
                    Slot::OgDescription | Slot::TwitterDescription | Slot::Description => {
                        clean(content, MAX_DESCRIPTION_CHARS)
                    }
                    Slot::OgSiteName => clean(content, MAX_SITE_NAME_CHARS),
                    Slot::OgImage | Slot::TwitterImage => http_url(content, self.base),
                };
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn is_tag_name_end(b: u8) -> bool {
    is_space(b) || matches!(b, b'/' | b'>' | b'<')
}

fn is_attr_name_end(b: u8) -> bool {
    is_tag_name_end(b) || b == b'='
}

fn find_byte(haystack: &[u8], from: usize, needle: u8) -> Option<usize> {
    haystack
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|i| from + i)
}

/// Naive substring search; fine because needles here are at most a few bytes long.
fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|i| from + i)
}

/// `utf-8` from `" UTF-8 "`; None for an empty or absurd value.
fn charset_name(value: &str) -> Option<String> {
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let valid = !value.is_empty()
        && value.len() <= 40
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    valid.then(|| value.to_ascii_lowercase())
}

/// The `charset` parameter of a Content-Type value such as `text/html; charset=ISO-8859-1`.
pub(crate) fn charset_from_content_type(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (key, val) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| charset_name(val))
            .flatten()
    })
}

/// Resolves an image reference against the page URL, keeping only http(s) results.
fn http_url(raw: &str, base: Option<&Url>) -> Option<String> {
    let raw = decode_entities(raw);
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let url = match base {
        Some(base) => base.join(raw).ok()?,
        None => Url::parse(raw).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.into())
}

/// Decodes entities, drops control characters, collapses whitespace runs to one space, trims and
/// caps at `max_chars`. None when nothing is left.
fn clean(raw: &str, max_chars: usize) -> Option<String> {
    let decoded = decode_entities(raw);
    let mut out = String::with_capacity(decoded.len().min(max_chars * 4));
    let mut chars = 0;
    let mut pending_space = false;
    for c in decoded.chars() {
        if c.is_whitespace() {
            // Also folds U+00A0 from `&nbsp;`, which is what a reader expects in a title.
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if pending_space {
            if chars + 1 >= max_chars {
                break;
            }
            out.push(' ');
            chars += 1;
            pending_space = false;
        }
        if chars >= max_chars {
            break;
        }
        out.push(c);
        chars += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// Named entities decoded besides the numeric forms: the XML five, `nbsp`, and the punctuation
/// that page titles actually use. Anything else is left as written.
const NAMED_ENTITIES: [(&str, char); 20] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("laquo", '\u{ab}'),
    ("raquo", '\u{bb}'),
    ("middot", '\u{b7}'),
    ("bull", '\u{2022}'),
    ("copy", '\u{a9}'),
    ("reg", '\u{ae}'),
    ("trade", '\u{2122}'),
];

/// Decodes `&name;`, `&#123;` and `&#x1F600;`. Numeric references may omit the `;` (browsers
/// accept that); named ones need it, so text like `AT&T` survives.
pub(crate) fn decode_entities(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut copied = 0;
    let mut pos = 0;
    while let Some(amp) = find_byte(bytes, pos, b'&') {
        pos = amp + 1;
        let Some((decoded, end)) = entity_at(bytes, amp + 1) else {
            continue;
        };
        out.push_str(&raw[copied..amp]);
        out.push(decoded);
        copied = end;
        pos = end;
    }
    out.push_str(&raw[copied..]);
    out
}

/// Decodes the entity whose body starts at `start` (just after `&`); returns the character and
/// the index after the entity.
fn entity_at(bytes: &[u8], start: usize) -> Option<(char, usize)> {
    if bytes.get(start) == Some(&b'#') {
        let hex = matches!(bytes.get(start + 1), Some(b'x' | b'X'));
        let digits_start = start + 1 + usize::from(hex);
        let radix = if hex { 16 } else { 10 };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while let Some(digit) = bytes.get(end).and_then(|&b| char::from(b).to_digit(radix)) {
            // Saturate past the Unicode range so a long digit run cannot overflow.
            value = value.saturating_mul(radix).saturating_add(digit).min(0x11_0000);
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let c = match value {
            // HTML maps C1 references to Windows-1252, the encoding such pages were written in.
            0x80..=0x9f => windows_1252(value as u8),
            0 => '\u{fffd}',
            _ => char::from_u32(value).unwrap_or('\u{fffd}'),
        };
        return Some((c, end));
    }
    // Longest known name is 6 letters; look no further so a stray `&` costs O(1).
    let name_end = (start..bytes.len().min(start + 8)).find(|&i| bytes[i] == b';')?;
    let name = &bytes[start..name_end];
    NAMED_ENTITIES
        .iter()
        .find(|(known, _)| known.as_bytes() == name)
        .map(|&(_, c)| (c, name_end + 1))
}

/// Windows-1252 → Unicode. Also used for `latin1` pages, as browsers do (WHATWG Encoding).
pub(crate) fn windows_1252(byte: u8) -> char {
    const C1: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}',
        '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}',
        '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}',
        '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
    ];
    match byte {
        0x80..=0x9f => C1[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    const BASE: &str = "https://example.com/posts/one.html";

    fn meta(html: &str) -> Meta {
        extract(html, BASE)
    }

    #[test]
    fn open_graph_wins_over_twitter_and_title() {
        let html = r#"<html><head>
            <title>Plain title</title>
            <meta name="description" content="Plain description">
            <meta name="twitter:title" content="Twitter title">
            <meta name="twitter:description" content="Twitter description">
            <meta name="twitter:image" content="https://cdn.example.com/tw.png">
            <meta property="og:title" content="OG title">
            <meta property="og:description" content="OG description">
            <meta property="og:image" content="/img/og.png">
            <meta property="og:site_name" content="Example">
        </head></html>"#;
        assert_eq!(
            meta(html),
            Meta {
                title: Some("OG title".into()),
                description: Some("OG description".into()),
                image: Some("https://example.com/img/og.png".into()),
                site_name: Some("Example".into()),
            }
        );
    }

    #[test]
    fn twitter_wins_over_title_and_accepts_property_or_name() {
        let html = r#"<title>Plain</title><meta name="description" content="Plain d">
            <meta property="twitter:title" content="TW title"><meta name="twitter:description" content="TW d">
            <meta property="twitter:image" content="pic.jpg">"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("TW title"));
        assert_eq!(m.description.as_deref(), Some("TW d"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/posts/pic.jpg"));
        assert_eq!(m.site_name, None);
    }

    #[test]
    fn title_and_description_are_the_fallback() {
        let m = meta("<HEAD><TITLE>\n  Hello\t  World \n</TITLE><META NAME=Description CONTENT='A  page.'></HEAD>");
        assert_eq!(m.title.as_deref(), Some("Hello World"));
        assert_eq!(m.description.as_deref(), Some("A page."));
        assert_eq!(m.image, None);
    }

    #[test]
    fn quoting_styles_attribute_order_and_case() {
        let html = "<meta content=\"double\" property=\"og:title\">\
                    <meta CONTENT='single' Property='OG:Description'>\
                    <meta content=https://x.test/a.png property=og:image />\
                    <MeTa\n\tproperty = \"og:site_name\"\n content =  spaced  >";
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("double"));
        assert_eq!(m.description.as_deref(), Some("single"));
        assert_eq!(m.image.as_deref(), Some("https://x.test/a.png"));
        assert_eq!(m.site_name.as_deref(), Some("spaced"));
        // An unquoted value runs to whitespace or `>`: in `content=…png/>` the slash belongs to the
        // value, as in a browser.
        let m = meta("<meta property=og:image content=https://x.test/b.png/>");
        assert_eq!(m.image.as_deref(), Some("https://x.test/b.png/"));
    }

    #[test]
    fn entities_are_decoded() {
        let html = "<title>Tom &amp; Jerry &lt;3 &quot;q&quot; &apos;a&apos; &#65;&#x42;&#X1F600; &#99 end</title>\
                    <meta name=description content=\"a&nbsp;&nbsp;b &hellip; AT&T &bogus; &#x110000; &#150;\">";
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Tom & Jerry <3 \"q\" 'a' AB\u{1F600} c end"));
        assert_eq!(
            m.description.as_deref(),
            Some("a b \u{2026} AT&T &bogus; \u{fffd} \u{2013}")
        );
    }

    #[test]
    fn image_urls_resolve_and_non_http_is_dropped() {
        let img = |tag: &str| meta(tag).image;
        assert_eq!(
            img(r#"<meta property="og:image" content="../a.png">"#).as_deref(),
            Some("https://example.com/a.png")
        );
        assert_eq!(
            img(r#"<meta property="og:image" content="//cdn.test/b.png">"#).as_deref(),
            Some("https://cdn.test/b.png")
        );
        assert_eq!(
            img(r#"<meta property="og:image" content="/q?a=1&amp;b=2">"#).as_deref(),
            Some("https://example.com/q?a=1&b=2")
        );
        assert_eq!(img(r#"<meta property="og:image" content="javascript:alert(1)">"#), None);
        assert_eq!(
            img(r#"<meta property="og:image" content="data:image/png;base64,AAAA">"#),
            None
        );
        assert_eq!(img(r#"<meta property="og:image" content="ftp://x.test/a.png">"#), None);
        // An unusable og:image falls through to the next candidate.
        assert_eq!(
            img(r#"<meta property="og:image" content="data:,x"><meta name="twitter:image" content="/t.png">"#)
                .as_deref(),
            Some("https://example.com/t.png")
        );
        // Without a valid base only absolute URLs survive.
        assert_eq!(
            extract(r#"<meta property="og:image" content="/a.png">"#, "not a url").image,
            None
        );
        assert_eq!(
            extract(r#"<meta property="og:image" content="http://x.test/a.png">"#, "")
                .image
                .as_deref(),
            Some("http://x.test/a.png")
        );
    }

    #[test]
    fn script_style_and_comments_are_ignored() {
        let html = r#"<head>
            <!-- <meta property="og:title" content="commented"> -->
            <script>var s = '<meta property="og:title" content="scripted">'; if (a < b) {}</script>
            <style>/* <title>styled</title> */</style>
            <SCRIPT type="x"><meta name="description" content="in script"></scripts></SCRIPT >
            <title>Real</title>
            <meta property="og:description" content="real">
        </head>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Real"));
        assert_eq!(m.description.as_deref(), Some("real"));
    }

    #[test]
    fn broken_markup_is_recovered_where_it_can_be() {
        // Missing `>`, unclosed quote, meta in the body, relative image, stray `<`.
        let html = "<html><head><title>Broken &amp; <b>bold</title>\
                    <meta property=og:title content=\"Unclosed title\n\
                    <meta name=description content=desc&#39;s\
                    <body>1 < 2 <p>text<meta property='og:image' content='i.png'>";
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("Unclosed title"));
        assert_eq!(m.description.as_deref(), Some("desc's"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/posts/i.png"));
        // An unclosed <title> stops at the next tag rather than eating the page.
        let m = meta("<title>Open title <meta property=og:description content=after>");
        assert_eq!(m.title.as_deref(), Some("Open title"));
        assert_eq!(m.description.as_deref(), Some("after"));
    }

    #[test]
    fn empty_values_do_not_block_later_tags() {
        let m = meta(
            r#"<meta property="og:title" content="  "><meta property="og:title" content="Second"><title></title>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Second"));
        assert_eq!(
            meta("<title> </title><title>Next</title>").title.as_deref(),
            Some("Next")
        );
        assert_eq!(meta("<meta property=og:title>"), Meta::default());
    }

    #[test]
    fn caps_are_in_characters() {
        let long = "é".repeat(400);
        let m = meta(&format!(
            "<title>{long}</title><meta name=description content='{}'>",
            "ab ".repeat(600)
        ));
        assert_eq!(m.title.unwrap().chars().count(), MAX_TITLE_CHARS);
        let description = m.description.unwrap();
        assert!(description.chars().count() <= MAX_DESCRIPTION_CHARS);
        assert!(!description.ends_with(' '));
    }

    #[test]
    fn charsets_are_found() {
        assert_eq!(
            declared_charset("<meta charset=ISO-8859-1>").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            declared_charset(r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#)
                .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            charset_from_content_type("text/html; Charset=\"UTF-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(windows_1252(0x80), '€');
        assert_eq!(windows_1252(0xe9), 'é');
    }

    /// xorshift: deterministic, so a failure reproduces.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn never_panics_on_random_input() {
        const PIECES: [&str; 32] = [
            "<",
            ">",
            "/",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "<meta ",
            "property=",
            "name=",
            "content=",
            "og:title",
            "og:image",
            "twitter:title",
            "description",
            "<title>",
            "</title",
            "<script>",
            "</script>",
            "<style>",
            "<!--",
            "-->",
            "<!",
            "&",
            "&#",
            "&#x",
            ";",
            "é",
            "😀",
            "1F6",
            "https://x/",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let len = rng.below(60);
            let mut html = String::new();
            for _ in 0..len {
                if rng.below(4) == 0 {
                    let bytes: Vec<u8> = (0..rng.below(6)).map(|_| rng.next() as u8).collect();
                    html.push_str(&String::from_utf8_lossy(&bytes));
                } else {
                    html.push_str(PIECES[rng.below(PIECES.len())]);
                }
            }
            let m = extract(&html, BASE);
            for field in [&m.title, &m.description, &m.site_name].into_iter().flatten() {
                assert!(!field.is_empty() && field.trim() == field, "{field:?} from {html:?}");
            }
            if let Some(image) = m.image {
                assert!(image.starts_with("http://") || image.starts_with("https://"), "{image}");
            }
            declared_charset(&html);
        }
    }

    #[test]
    fn never_panics_on_any_truncation() {
        let html = "<!doctype html><html><head><!-- c --><title>T &amp; t</title>\
                    <meta property=\"og:title\" content=\"Caf\u{e9} &#x1F600;\">\
                    <meta content='d' name='description'><script>x='<meta>'</script>\
                    <meta property=og:image content=/i.png></head><body>\u{1F600}</body></html>";
        for (cut, _) in html.char_indices() {
            extract(&html[..cut], BASE);
        }
        assert_eq!(meta(html).title.as_deref(), Some("Caf\u{e9} \u{1F600}"));
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        // Each of these is quadratic for a scanner that rescans to the end per tag; at this size
        // that would take minutes, so the generous bound only catches a regression, not jitter.
        let n = 100_000;
        let inputs = [
            "<title>".repeat(n),
            "<meta content=\"".repeat(n),
            "<meta content='x".repeat(n),
            "<a ".repeat(n),
            "<script>".repeat(n),
            "<!--".repeat(n),
            "&#".repeat(n),
            "&#1111111111".repeat(n),
            "&amp".repeat(n),
            "</scrip".repeat(n),
            "<title></titl".repeat(n),
        ];
        for input in &inputs {
            let start = Instant::now();
            extract(input, BASE);
            decode_entities(input);
            assert!(start.elapsed() < Duration::from_secs(5), "slow on {:?}…", &input[..20]);
        }
    }
}
