//! The embed's HTML: `docs/embed-snippet.html`, the one source of the
//! snippet, with the timeline's URL in place of `APP_URL`.

/// The snippet as a person pastes it; [`html`] drops its leading comment.
const SNIPPET: &str = include_str!("../../../docs/embed-snippet.html");

/// The iframe and its script for the timeline at `url` (an absolute http(s)
/// URL), without a trailing newline. The URL appears once, in the iframe's
/// `src` attribute, escaped for it; the script reads it from there, so it
/// never becomes script source.
pub fn html(url: &str) -> String {
    embed().replacen("APP_URL", &escape_attribute(url), 1)
}

/// The snippet after its leading comment, which tells people what to
/// replace and is not for the book.
fn embed() -> &'static str {
    let snippet = SNIPPET.trim();
    match snippet.strip_prefix("<!--").and_then(|s| s.split_once("-->")) {
        Some((_, rest)) => rest.trim_start(),
        None => snippet,
    }
}

/// Escapes a value for a double- or single-quoted HTML attribute.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_keeps_the_shape_the_preprocessor_relies_on() {
        let embed = embed();
        assert!(
            embed.starts_with("<iframe class=\"racklet-timeline\" "),
            "the iframe starts Markdown's HTML block"
        );
        assert_eq!(
            embed.matches("APP_URL").count(),
            1,
            "one placeholder, in the iframe's src"
        );
        assert!(embed.contains(r#"src="APP_URL""#));
        // Markdown ends an HTML block at a blank line: the script would become text.
        assert!(!embed.lines().any(|l| l.trim().is_empty()), "no blank lines");
        assert!(embed.ends_with("</script>"));
    }

    #[test]
    fn the_url_is_escaped_for_the_attribute() {
        let out = html(r#"https://x.test/?topic=a&q="><script>alert('x')</script>"#);
        assert!(out.contains(
            r#"src="https://x.test/?topic=a&amp;q=&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;""#
        ));
        assert!(!out.contains("APP_URL"));
        assert_eq!(out.matches("<script>").count(), 1, "only the snippet's own script");
    }

    #[test]
    fn no_relative_links() {
        // mdbook-linkcheck fails a book on broken relative links; the embed has none.
        let out = html("https://notes.racklet.io/");
        for attr in ["src=", "href="] {
            for (i, _) in out.match_indices(attr) {
                let value = &out[i + attr.len()..];
                assert!(
                    value.starts_with("\"https://notes.racklet.io/\""),
                    "{attr} at {i}: {value:.40}"
                );
            }
        }
    }
}
