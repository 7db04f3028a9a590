//! Property-based fuzzing of everything that reads untrusted text: the
//! Markdown parser, the link classifier and previews, hardware mentions and
//! the filter query. cargo-fuzz needs nightly, so this is proptest with a case
//! count taken from the environment.
//!
//! `cargo test --test fuzz` runs 256 cases per property (proptest's default),
//! about 15 s in a debug build. The long run, in release:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release --test fuzz -- --include-ignored
//! ```
//!
//! `--include-ignored` adds the full size-scaling guard
//! (`time_is_linear_in_input_size`), which is too slow for debug builds.
//! Every config here starts from `ProptestConfig::default()`, which is where
//! proptest reads `PROPTEST_CASES` (and `PROPTEST_RNG_SEED`, … ); nothing
//! overrides the case count. Failing cases are saved to
//! `tests/fixtures/fuzz/regressions.txt` and replayed first on every run.

use std::collections::{BTreeSet, HashSet};
use std::hint::black_box;
use std::sync::{mpsc, Arc, Mutex, OnceLock, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::FileFailurePersistence;

use notes::links::{classify, preview, LinkKind};
use notes::model::{Block, Inline, Meeting, Notes, UnitId};
use notes::parse::{has_meetings, parse, parse_one, SourceText};
use notes::query::{apply, from_query, term_ranges, to_query, Filter, UnitState};
use notes::taxonomy::{find_mentions, taxonomy, Found};
/// The 2024 notes, as the project shipped them.
const BUILT_IN_NOTES: &str = include_str!("../../../data/notes/racklet-2024.md");

/// Proptest's default config (so `PROPTEST_CASES` applies), with failures
/// persisted next to the other fuzz fixtures instead of a new directory.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "../../tests/fixtures/fuzz/regressions.txt",
        ))),
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------------ vocabulary

/// Words the parser reacts to: names, handles, hardware, labels, section words.
const WORDS: &[&str] = &[
    "Dennis",
    "Dennis Marttinen",
    "Daniel",
    "Daniel Maslowski",
    "@twelho",
    "@orangecms",
    "twelho:",
    "orangecms:",
    "Marvin",
    "@a",
    "@-x",
    "@x_y",
    "@",
    "N/A",
    "none",
    "TBD",
    "(remark",
    "(sorry)",
    "(twelho)",
    "and",
    "JH7110",
    "RK3399",
    "CH32V307",
    "K1x",
    "BPI-F3",
    "Pi 5",
    "ESP32-C3",
    "RP2350",
    "WHY2025",
    "6.9.2",
    "16GB",
    "M.2",
    "A311D",
    "C910",
    "Cortex-A53",
    "äJH7110",
    "JH7110ä",
    "Location",
    "Date",
    "Host",
    "Participants",
    "Agenda",
    "No meeting",
    "cancelled",
    "recap",
    "Recap",
    "update",
    "Discussion",
    "Notes",
    "Action items",
    "TODO",
    "[TOC]",
    "[x]",
    "[ ]",
    "Käldström",
    "ŁÓDŹ",
    "Straße",
    "æ",
    "ﬁ",
    "İ",
    "\u{212a}", // KELVIN SIGN, lowercases to ASCII k
    "Σ",
    "e\u{301}",
    "🎉",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\u{10ffff}",
    "1€",
    "3rd",
    "3ʳᵈ",
    "\0",
    "\t",
    "\\",
    "&amp;",
    "&#0;",
    "&#x202e;",
];

const HTML: &[&str] = &[
    "<br>",
    "<br/>",
    "<BR />",
    "<div>",
    "</div>",
    "<details><summary>x</summary>",
    "</details>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<img src=x onerror=alert(1)>",
    "<",
    ">",
    "</",
    "<?php",
    "<![CDATA[",
];

const EMOJI: &[&str] = &[
    ":tada:",
    ":+1:",
    ":-1:",
    ":x:",
    ":heart:",
    ":thinking_face:",
    ":nope:",
    "::",
    ":",
    ":::",
    ":smile",
    "smile:",
];

const DATE_WORDS: &[&str] = &[
    "January", "february", "MARCH", "Apr", "May", "June", "Jul.", "August", "Agust", "Sept", "Sept.", "sep", "October",
    "Nov", "December", "Tuesday", "Tue.", "Tu", "PM", "pm", "AM", "UTC", "CET", "CET/CEST", "GMT+2", "UTC+14", "EEST",
    "XYZ", "h", ",", "-", "/", ".", ":", "(", ")", "at", "st", "nd", "th",
];

const SCHEMES: &[&str] = &[
    "http",
    "https",
    "HTTPS",
    "hTtP",
    "mailto",
    "MAILTO",
    "javascript",
    "JavaScript",
    " java\tscript",
    "data",
    "vbscript",
    "file",
    "ftp",
    "ht\ntp",
    "\u{0}http",
    " https",
    "",
];

const SCHEME_SEPS: &[&str] = &["://", ":/", ":", ":\\\\", ":///", ":/\\", "//", ": //", ":\t//"];

const USERINFO: &[&str] = &["", "", "", "user@", "a:b@", "github.com@", "@", "@@", "x@y@", "%40@"];

const HOSTS: &[&str] = &[
    "github.com",
    "www.github.com",
    "GITHUB.COM.",
    "gist.github.com",
    "youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "lore.kernel.org",
    "lkml.kernel.org",
    "lkml.org",
    "hackmd.io",
    "en.wikipedia.org",
    "de.m.wikipedia.org",
    ".wikipedia.org",
    "mastodon.social",
    "fosstodon.org",
    "example.com",
    "[::1]",
    "[::1",
    "[zz]",
    "[]",
    "ex ample.com",
    "例え.jp",
    "xn--r8jz45g.jp",
    "\u{212a}ernel.org",
    "a\u{202e}b.com",
    "",
    "%67ithub.com",
    "a<b>.com",
    "a^b",
];

const PORTS: &[&str] = &[
    "",
    "",
    "",
    ":",
    ":80",
    ":443",
    ":65535",
    ":65536",
    ":99999999999",
    ":abc",
    ":-1",
    ":８０",
];

const SEGMENTS: &[&str] = &[
    "issues",
    "pull",
    "commit",
    "blob",
    "tree",
    "releases",
    "tag",
    "download",
    "orgs",
    "watch",
    "shorts",
    "embed",
    "live",
    "v",
    "playlist",
    "r",
    "lkml",
    "wiki",
    "users",
    "statuses",
    "s",
    "p",
    "c",
    "@user",
    "@",
    ".",
    "..",
    "%2e",
    "%2E%2e",
    ".%2e",
    "index.html",
    "file.pdf",
    ".pdf",
    "README.md",
    "deadbeef1234567",
    "0123456789abcdef0123456789abcdef01234567",
    "dQw4w9WgXcQ",
    "12345",
    "99999999999999999999999",
    "20240820",
    "2024",
    "<msg@id>",
    "%3Cmsg%40id%3E",
    "twelho",
    "racklet",
    "repo.git",
    "a-b_c+d",
    "Title_With_Words",
    "%",
    "%%",
    "%4",
    "%zz",
    "%E2%80%AE",
    "%E2%80%8E",
    "%E2%81%A6",
    "%C2%85",
    "%E2%80%AE%E2%80%8F",
    "%E2%80",
    "%F0%9F%8E%89",
    "%00",
    "%0A",
    "%25",
    "ü",
    "\u{202e}",
    "\u{200f}",
    "e\u{301}",
    "",
];

const LINES: &[&str] = &[
    ":::info",
    ":::",
    "::::",
    ":::warning",
    ":::info extra words",
    "::: info",
    "   :::",
    "    :::",
    ":::\u{feff}",
    "```",
    "```rust",
    "````",
    "~~~",
    "~~~ python x",
    "    indented code",
    "\tindented code",
    "---",
    "***",
    "___",
    "===",
    "- - -",
    "",
    "",
    "",
    "[TOC]",
    "[toc]",
    "[![hackmd-github-sync-badge](https://hackmd.io/x/badge)](https://hackmd.io/abcdefghijkl)",
    "[![hackmd-github-sync-badge](x)](javascript:alert(1))",
    "No meeting until August",
    "**No meeting**",
    "Meeting cancelled.",
    "| a | b |",
    "|---|:-:|",
    // A recap as a table of people.
    "| Who | Done | Next |",
    "| Dennis | flashed the JH7110 | |",
    "| @twelho (remote) | | the case |",
    "|",
    "||||",
    "[ref]: https://example.com \"t\"",
    "[^1]: footnote",
    "Text[^1]",
    "$$",
    "$x$",
    "\\",
    "<details>",
    "</details>",
    "<!-- comment",
];

const SECTIONS: &[&str] = &[
    "Biweekly Recap",
    "Discussion Topics",
    "Notes",
    "Action Items",
    "Agenda",
    "Updates",
    "Round table",
    "Status",
    "Minutes",
    "Other",
    "",
];

const LABELS: &[&str] = &[
    "Location",
    "Locations",
    "Date",
    "Date/time",
    "Host",
    "Hosts",
    "Host(s)",
    "Participants",
    "Attendees",
    "Present",
    "Agenda",
    "WHERE",
    "Unknown",
    "Recording",
    "",
    "a very long label that is more than twenty four bytes",
];

fn seed_lines() -> &'static [&'static str] {
    static LINES: OnceLock<Vec<&'static str>> = OnceLock::new();
    LINES.get_or_init(|| BUILT_IN_NOTES.lines().collect())
}

fn aliases() -> Vec<&'static str> {
    taxonomy().iter().flat_map(|d| d.aliases.iter().copied()).collect()
}

// ------------------------------------------------------------------ strategies

/// Characters biased toward what Markdown, URLs and the folding code treat
/// specially, with any Unicode scalar value mixed in.
fn hostile_char() -> BoxedStrategy<char> {
    prop_oneof![
        4 => any::<char>(),
        4 => select("#:-*_~`[]()<>!|\\/@&;.,'\"=+?%^{}$ \t\n\r\0".chars().collect::<Vec<_>>()),
        3 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        1 => select("\u{feff}\u{202e}\u{200b}\u{301}ßæİ\u{212a}Σﬁ€🎉ÄŁ\u{85}\u{2028}".chars().collect::<Vec<_>>()),
    ]
    .boxed()
}

fn hostile_string(max: usize) -> BoxedStrategy<String> {
    proptest::collection::vec(hostile_char(), 0..max)
        .prop_map(String::from_iter)
        .boxed()
}

/// A URL assembled from pieces: scheme, userinfo, host, port, path, query,
/// fragment, each sometimes hostile.
fn url() -> BoxedStrategy<String> {
    let segment = prop_oneof![
        6 => select(SEGMENTS).prop_map(str::to_string),
        1 => "[0-9]{1,24}",
        1 => "[0-9a-f]{5,70}",
        1 => "[A-Za-z0-9_-]{1,12}",
        1 => "(%[0-9A-Fa-fxz]{0,2}){1,6}",
        1 => hostile_string(12),
    ];
    let path = (
        proptest::collection::vec((select(&["/", "/", "/", "\\", "//", "/./"][..]), segment), 0..8),
        select(&["", "", "/", ".pdf", ".PDF", "\\"][..]),
    )
        .prop_map(|(segs, end)| {
            let mut p: String = segs.into_iter().flat_map(|(sep, s)| [sep.to_string(), s]).collect();
            p.push_str(end);
            p
        });
    let query = prop_oneof![
        3 => Just(String::new()),
        1 => "\\?v=[A-Za-z0-9_-]{9,12}(&list=[A-Za-z0-9_-]{0,20})?",
        1 => "\\?list=[A-Za-z0-9_-]{0,130}",
        1 => "\\?(v|list|t)=".prop_flat_map(|k| hostile_string(16).prop_map(move |v| format!("{k}{v}"))),
        1 => hostile_string(16).prop_map(|q| format!("?{q}")),
    ];
    let fragment = prop_oneof![
        3 => Just(String::new()),
        1 => "#L[0-9]{1,12}(-L[0-9]{0,12})?",
        1 => hostile_string(16).prop_map(|f| format!("#{f}")),
    ];
    let host = prop_oneof![
        6 => select(HOSTS).prop_map(str::to_string),
        1 => "[a-z]{1,8}\\.wikipedia\\.org",
        1 => hostile_string(20),
        2 => "[a-z]{100,300}(\\.[a-z]{2,3})?",
    ];
    let structured = (
        select(SCHEMES),
        select(SCHEME_SEPS),
        select(USERINFO),
        host,
        select(PORTS),
        path,
        query,
        fragment,
    )
        .prop_map(|(scheme, sep, user, host, port, path, query, fragment)| {
            format!("{scheme}{sep}{user}{host}{port}{path}{query}{fragment}")
        });
    let mail = (
        "(mailto|MAILTO|mailTo):",
        hostile_string(20),
        select(&["", "?subject=x", "#f", "%40", "@"][..]),
    )
        .prop_map(|(s, a, t)| format!("{s}{a}{t}"));
    prop_oneof![
        8 => structured,
        1 => mail,
        1 => hostile_string(40),
    ]
    .boxed()
}

/// Text heavy in characters that fold to more or fewer bytes (`ß` → `ss`,
/// `İ` → `i`, combining marks → nothing).
fn folding_text() -> BoxedStrategy<String> {
    let chars = "aeiksostuæßİ\u{212a}ΣﬁÄŁþðéÉ\u{301}\u{300} "
        .chars()
        .collect::<Vec<_>>();
    proptest::collection::vec(select(chars), 0..40)
        .prop_map(String::from_iter)
        .boxed()
}

/// A short run of inline Markdown: words, emphasis, links, HTML, emoji,
/// hardware names, control characters and arbitrary characters.
fn inline_run() -> BoxedStrategy<String> {
    let aliases = aliases();
    let link_text = prop_oneof![select(WORDS).prop_map(str::to_string), hostile_string(8)];
    let piece = prop_oneof![
        6 => select(WORDS).prop_map(str::to_string),
        2 => select(aliases).prop_map(str::to_string),
        2 => "[*_~]{1,6}",
        2 => (link_text.clone(), url()).prop_map(|(t, u)| format!("[{t}]({u})")),
        1 => (link_text.clone(), url()).prop_map(|(t, u)| format!("![{t}]({u})")),
        1 => (link_text, url()).prop_map(|(t, u)| format!("[{t}]({u} \"title\")")),
        1 => url().prop_map(|u| format!("<{u}>")),
        2 => url(),
        1 => "[\\[\\]()!]{1,6}",
        1 => select(HTML).prop_map(str::to_string),
        1 => select(EMOJI).prop_map(str::to_string),
        1 => ":[a-z_+-]{0,12}:?",
        1 => "`{1,4}",
        1 => "[A-Z]{1,5}[0-9]{2,5}[A-Za-z0-9]{0,9}",
        1 => hostile_string(6),
    ];
    let sep = select(&[" ", " ", " ", "", "  ", "\t", "  \n", "\\\n", ", "][..]);
    proptest::collection::vec((piece, sep), 0..10)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s.to_string()]).collect())
        .boxed()
}

/// Text that nearly reads as a meeting date.
fn date_ish() -> BoxedStrategy<String> {
    let token = prop_oneof![
        4 => select(DATE_WORDS).prop_map(str::to_string),
        3 => "[0-9]{1,2}(st|nd|rd|th|ST)?",
        2 => "(19|20)[0-9]{2}",
        1 => "[0-9]{1,6}",
        1 => "[0-9]{1,2}:[0-9]{1,2}(:[0-9]{2})?",
        1 => "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
        1 => select(WORDS).prop_map(str::to_string),
        1 => hostile_string(4),
    ];
    prop_oneof![
        6 => proptest::collection::vec((token, select(&[" ", " ", ", ", "", ". "][..])), 0..9)
            .prop_map(|v| v.into_iter().flat_map(|(t, s)| [t, s.to_string()]).collect()),
        1 => "20[0-9]{2}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?( [A-Z]{3,4})?",
        1 => inline_run(),
    ]
    .boxed()
}

/// People as an info block lists them.
fn people() -> BoxedStrategy<String> {
    let person = prop_oneof![
        3 => select(WORDS).prop_map(str::to_string),
        3 => select(&["@aa", "@bb", "@AA", "Dennis", "Dennis Marttinen", "@twelho", "Ann Bee", "Ann"][..]).prop_map(str::to_string),
        1 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,10})?(, @[a-z0-9-]{1,10})?",
        1 => "[A-Z][a-z]{1,8} \\(@?[a-z]{1,8}\\)",
        1 => "\\[[A-Z][a-z]{1,8}\\]\\(https://github\\.com/[a-z0-9-]{1,10}/?\\)",
        1 => hostile_string(10),
    ];
    proptest::collection::vec((person, select(&[", ", " and ", "; ", " & ", ",", " "][..])), 0..6)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s.to_string()]).collect())
        .boxed()
}

fn field() -> BoxedStrategy<String> {
    let value = prop_oneof![people(), date_ish(), inline_run(), url()];
    (
        select(LABELS),
        select(&["**{}:**", "**{}**:", "{}:", "*{}:*", "__{}:__", "**{}:"][..]),
        value,
    )
        .prop_map(|(label, shape, value)| format!("{} {value}", shape.replace("{}", label)))
        .boxed()
}

fn indent() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just(String::new()),
        3 => (0..16usize).prop_map(|n| " ".repeat(n)),
        1 => (0..4usize).prop_map(|n| "\t".repeat(n)),
        1 => "[ \t]{0,10}",
    ]
    .boxed()
}

/// One line of near-miss Markdown.
fn line() -> BoxedStrategy<String> {
    let seeds = seed_lines().to_vec();
    let marker = select(
        &[
            "-",
            "*",
            "+",
            "1.",
            "2)",
            "- [ ]",
            "- [x]",
            "* [X]",
            "0.",
            "1234567890.",
            "-\t",
        ][..],
    );
    let list_item =
        (indent(), marker, prop_oneof![field(), inline_run(), people()]).prop_map(|(i, m, c)| format!("{i}{m} {c}"));
    let heading =
        ("#{1,7}", select(&[" ", " ", "", "\t", "  "][..]), date_ish()).prop_map(|(h, s, d)| format!("{h}{s}{d}"));
    let section = prop_oneof![
        (select(SECTIONS), inline_run()).prop_map(|(s, r)| format!("## {s} {r}")),
        select(SECTIONS).prop_map(|s| format!("## {s}")),
        people().prop_map(|p| format!("### {p}")),
        inline_run().prop_map(|r| format!("### {r}")),
    ];
    let deep = (
        select(&["> ", ">", "- ", "* ", "1. ", "> - ", "  ", "\t", ">\t"][..]),
        0..300usize,
        inline_run(),
    )
        .prop_map(|(unit, n, rest)| format!("{}{rest}", unit.repeat(n)));
    let long = (
        prop_oneof![
            select(&["a", "a ", "*", "_", "[", "](", "<", "`", ":", "http://", "\\", "|", "&#", "*a", "~"][..])
                .prop_map(str::to_string),
            inline_run(),
        ],
        50..3000usize,
    )
        .prop_map(|(p, n)| p.repeat(n.min(20_000 / p.len().max(1))));
    // Fields split by `<br>` and hard breaks rather than by lines.
    let broken_fields = (
        proptest::collection::vec(field(), 1..5),
        select(&["<br>", "<br/>", "<br>\n", "  \n", "\\\n", "\n"][..]),
    )
        .prop_map(|(fields, sep)| fields.join(sep));
    let table_row =
        proptest::collection::vec(inline_run(), 0..6).prop_map(|cells| format!("| {} |", cells.join(" | ")));
    prop_oneof![
        6 => select(seeds).prop_map(str::to_string),
        5 => list_item,
        4 => select(LINES).prop_map(str::to_string),
        3 => heading,
        3 => section,
        3 => inline_run(),
        2 => field(),
        1 => broken_fields,
        1 => deep,
        1 => long,
        1 => table_row,
        1 => select(HTML).prop_map(str::to_string),
        1 => hostile_string(30),
    ]
    .boxed()
}

/// Near-miss lines (not notes) joined by mixed line endings.
fn near_miss_lines() -> BoxedStrategy<String> {
    let sep = select(&["\n", "\n", "\n", "\n", "\r\n", "\n\n", "\r"][..]);
    (
        select(
            &[
                "",
                "",
                "",
                "\u{feff}",
                "# Title\n",
                "\u{feff}# Title\r\n",
                "\u{feff}# August 20, 2024\n",
            ][..],
        ),
        proptest::collection::vec((line(), sep), 0..40),
    )
        .prop_map(|(start, lines)| {
            let mut doc = start.to_string();
            for (line, sep) in lines {
                doc.push_str(&line);
                doc.push_str(sep);
            }
            doc
        })
        .boxed()
}

/// Notes with a few lines replaced by near-miss lines: the 2024 notes, or
/// a document from the project's generator of synthetic notes (with the
/// drift and noise of other years).
fn mutated_notes() -> BoxedStrategy<String> {
    let base = prop_oneof![
        1 => Just(None),
        3 => any::<u64>().prop_map(Some),
    ];
    (base, proptest::collection::vec((any::<Index>(), line()), 1..12))
        .prop_map(|(seed, edits)| {
            let mut lines: Vec<String> = match seed {
                Some(seed) => synth::document(seed).lines().map(str::to_string).collect(),
                None => seed_lines().iter().map(|s| s.to_string()).collect(),
            };
            for (at, line) in edits {
                let i = at.index(lines.len() + 1);
                // Replace, delete or insert, picked by the new line's length.
                match line.len() % 3 {
                    0 if i < lines.len() => lines[i] = line,
                    1 if i < lines.len() => {
                        lines.remove(i);
                    }
                    _ => lines.insert(i, line),
                }
            }
            lines.join("\n")
        })
        .boxed()
}

fn any_document() -> BoxedStrategy<String> {
    prop_oneof![
        3 => near_miss_lines(),
        2 => mutated_notes(),
        1 => any::<u64>().prop_map(synth::document),
        1 => hostile_string(400),
    ]
    .boxed()
}

// ------------------------------------------------------------------ invariants

/// Lines of `text` as CommonMark counts them: `\n`, `\r\n` and a lone `\r`
/// end a line. (At least as many as `\n` alone would give.)
fn line_count(text: &str) -> u32 {
    let b = text.as_bytes();
    let ends = (0..b.len()).filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')));
    ends.count() as u32 + 1
}

fn check_inlines(inlines: &[Inline], notes: &Notes) -> Result<(), TestCaseError> {
    for inline in inlines {
        match inline {
            Inline::Mentions { text, mentions } => {
                // Each names a topic and a piece of the text, in order,
                // not overlapping: what the page highlights.
                prop_assert!(
                    !mentions.is_empty(),
                    "a text marked as naming hardware names none: {text:?}"
                );
                let mut after = 0;
                for m in mentions.iter() {
                    prop_assert!(
                        (m.topic.0 as usize) < notes.topics.len(),
                        "mention of topic {:?}",
                        m.topic
                    );
                    let (start, end) = (m.start as usize, m.end as usize);
                    prop_assert!(after <= start && start < end, "mention {m:?} in {text:?}");
                    prop_assert!(text.get(start..end).is_some(), "mention {m:?} not a piece of {text:?}");
                    after = end;
                }
                // Exactly what the taxonomy finds in that text.
                let found: Vec<(usize, usize)> = notes::taxonomy::find_mentions(text)
                    .iter()
                    .map(|(s, e, _)| (*s, *e))
                    .collect();
                let marked: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start as usize, m.end as usize)).collect();
                prop_assert_eq!(marked, found, "mentions marked in {:?}", text);
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strike(c) | Inline::Mark(c) => check_inlines(c, notes)?,
            Inline::Link { children, .. } => check_inlines(children, notes)?,
            _ => {}
        }
    }
    Ok(())
}

/// Walks a block tree, collecting its unit ids into `units`; recap
/// indices and topic mentions must be valid.
fn check_blocks(
    blocks: &[Block],
    meeting: Option<&Meeting>,
    notes: &Notes,
    units: &mut Vec<UnitId>,
) -> Result<(), TestCaseError> {
    for block in blocks {
        match block {
            Block::Paragraph { unit, inlines, .. } => {
                units.push(*unit);
                check_inlines(inlines, notes)?;
            }
            Block::Code { unit, .. } | Block::Html { unit, .. } => units.push(*unit),
            Block::Table { unit, head, rows, .. } => {
                units.push(*unit);
                for cell in head.iter().chain(rows.iter().flatten()) {
                    check_inlines(cell, notes)?;
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    units.push(item.unit);
                    check_inlines(&item.inlines, notes)?;
                    check_blocks(&item.blocks, meeting, notes, units)?;
                }
            }
            Block::Quote(inner) | Block::Callout { blocks: inner, .. } => check_blocks(inner, meeting, notes, units)?,
            Block::Heading { inlines, .. } => check_inlines(inlines, notes)?,
            Block::Recap { recap, blocks, .. } => {
                if let Some(m) = meeting {
                    prop_assert!(
                        (*recap as usize) < m.recaps.len(),
                        "recap index {recap} of {}",
                        m.recaps.len()
                    );
                }
                check_blocks(blocks, meeting, notes, units)?;
            }
            Block::Group { title, blocks, .. } => {
                check_inlines(title, notes)?;
                check_blocks(blocks, meeting, notes, units)?;
            }
            Block::Rule => {}
        }
    }
    Ok(())
}

/// Everything the UI and the exporter rely on when they index into `notes`.
fn check_notes(sources: &[SourceText<'_>], notes: &Notes) -> Result<(), TestCaseError> {
    let lines: Vec<u32> = sources.iter().map(|s| line_count(s.text)).collect();
    let people = notes.people.len();
    let topics = notes.topics.len();
    let in_doc =
        |source: u32, line: u32| (source as usize) < lines.len() && (1..=lines[source as usize]).contains(&line);
    prop_assert_eq!(notes.sources.len(), sources.len());

    for w in notes.meetings.windows(2) {
        prop_assert!(
            w[0].date <= w[1].date,
            "meetings out of order: {} then {}",
            w[0].date,
            w[1].date
        );
    }
    let mut anchors = HashSet::new();
    for m in &notes.meetings {
        prop_assert!(anchors.insert(m.anchor.as_str()), "anchor {} twice", m.anchor);
        prop_assert!(in_doc(m.source.0, m.line), "meeting line {} of {:?}", m.line, lines);
        for s in &m.sections {
            prop_assert!(in_doc(m.source.0, s.line), "section line {}", s.line);
        }
        for h in &m.hosts {
            prop_assert!((h.0 as usize) < people, "host {h:?}");
        }
        let hosts: HashSet<_> = m.hosts.iter().collect();
        prop_assert_eq!(hosts.len(), m.hosts.len(), "a host listed twice: {:?}", m.hosts);
        for p in &m.participants {
            prop_assert!((p.person.0 as usize) < people, "participant {:?}", p.person);
        }
        for r in &m.recaps {
            for p in r.people() {
                prop_assert!((p.0 as usize) < people, "recap by {:?}", p);
            }
            // A joint recap names each of its people once, and never only one.
            let by: HashSet<_> = r.people().collect();
            prop_assert_eq!(by.len(), r.with.len() + 1, "a joint recap names someone twice: {:?}", r);
            prop_assert_eq!(r.joiners.len(), r.with.len(), "a joiner per other person: {:?}", r);
        }
        // One entry per person, or per group of people for a joint recap
        // (Dennis may have his own recap and one with Lucas).
        let recappers: HashSet<_> = m.recaps.iter().map(|r| (r.person, &r.with)).collect();
        prop_assert_eq!(
            recappers.len(),
            m.recaps.len(),
            "two recap entries for the same people: {:?}",
            m.recaps
        );
        for t in &m.topics {
            prop_assert!((t.0 as usize) < topics, "meeting topic {t:?}");
        }
        for (i, u) in m.units.iter().enumerate() {
            if let Some(p) = u.parent {
                prop_assert!((p.0 as usize) < i, "unit {i} has parent {}", p.0);
                prop_assert_eq!(m.units[p.0 as usize].section, u.section);
            }
            prop_assert!(
                (u.section as usize) < m.sections.len(),
                "unit {i} in section {}",
                u.section
            );
            prop_assert!(
                u.person.is_none_or(|p| (p.0 as usize) < people),
                "unit {i} person {:?}",
                u.person
            );
            // The others of a joint recap come with the first of them.
            prop_assert!(
                (u.person.is_some() || u.with.is_empty()) && u.with.iter().all(|p| (p.0 as usize) < people),
                "unit {i} with {:?}",
                u.with
            );
            prop_assert!(
                u.topics.iter().all(|t| (t.0 as usize) < topics),
                "unit {i} topics {:?}",
                u.topics
            );
            prop_assert!(in_doc(m.source.0, u.line), "unit {i} line {}", u.line);
            // A unit is by the people of the recap it sits in.
            prop_assert!(
                u.people().all(|p| m.recaps.iter().any(|r| r.by(p))),
                "unit {i} by {:?}, in no recap of {}",
                u.people().collect::<Vec<_>>(),
                m.anchor
            );
        }
        // A meeting's topics (a topic chip counts them) are exactly those
        // of its units (what a filter by the topic shows).
        let named: BTreeSet<_> = m.units.iter().flat_map(|u| &u.topics).collect();
        prop_assert_eq!(
            named.into_iter().copied().collect::<Vec<_>>(),
            m.topics.clone(),
            "the topics of {}",
            m.anchor
        );
        // Every unit sits in the block tree exactly once, in order.
        let mut seen = Vec::new();
        for s in &m.sections {
            check_blocks(&s.blocks, Some(m), notes, &mut seen)?;
        }
        let expected: Vec<UnitId> = (0..m.units.len() as u32).map(UnitId).collect();
        prop_assert_eq!(seen, expected, "unit ids in the block tree of {}", m.anchor);
        for b in m.agenda.iter().chain(&m.extra_info).chain(&m.location_notes) {
            check_blocks(std::slice::from_ref(b), Some(m), notes, &mut Vec::new())?;
        }
        check_inlines(&m.location, notes)?;
    }
    for (i, t) in notes.topics.iter().enumerate() {
        prop_assert!(
            t.parents.iter().all(|p| (p.0 as usize) < topics),
            "topic {i} parents {:?}",
            t.parents
        );
        prop_assert!(
            t.meetings.windows(2).all(|w| w[0] < w[1])
                && t.meetings.iter().all(|&m| (m.0 as usize) < notes.meetings.len()),
            "topic {i} meetings {:?}",
            t.meetings
        );
    }
    let meetings = notes.meetings.len() as u32;
    for p in &notes.people {
        prop_assert!(
            p.attended <= meetings && p.hosted <= meetings && p.recaps <= meetings,
            "counts of {p:?}"
        );
    }
    let slugs: HashSet<_> = notes.people.iter().map(|p| p.slug.as_str()).collect();
    prop_assert_eq!(slugs.len(), people, "person slugs are not unique");
    for u in &notes.unplaced {
        prop_assert!(in_doc(u.source.0, u.line), "unplaced line {}", u.line);
        check_blocks(&u.blocks, None, notes, &mut Vec::new())?;
    }
    for s in &notes.sources {
        check_blocks(&s.intro, None, notes, &mut Vec::new())?;
    }
    for d in &notes.diagnostics {
        prop_assert!(
            in_doc(d.source.0, d.line),
            "diagnostic {d:?} outside the document ({lines:?} lines)"
        );
    }
    Ok(())
}

fn check_ranges(text: &str, ranges: &[(usize, usize)], what: &str) -> Result<(), TestCaseError> {
    let mut prev_end = None;
    for &(s, e) in ranges {
        prop_assert!(
            s < e && e <= text.len(),
            "{what}: range {s}..{e} in {} bytes",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what}: {s}..{e} not on char boundaries"
        );
        prop_assert!(
            prev_end.is_none_or(|p| p < s),
            "{what}: {s}..{e} overlaps or touches the previous range"
        );
        prev_end = Some(e);
    }
    Ok(())
}

// ------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_survives_arbitrary_strings(text in any::<String>()) {
        let notes = parse_one("fuzz.md", &text);
        check_notes(&[SourceText { name: "fuzz.md", text: &text }], &notes)?;
    }

    #[test]
    fn parse_survives_hostile_strings(text in hostile_string(600)) {
        let notes = parse_one("fuzz.md", &text);
        check_notes(&[SourceText { name: "fuzz.md", text: &text }], &notes)?;
    }

    #[test]
    fn parse_survives_lossy_bytes(bytes in proptest::collection::vec(
        prop_oneof![3 => any::<u8>(), 2 => select(b"#:-*_[]()<>`\n\r \t".to_vec())], 0..800)
    ) {
        let text = String::from_utf8_lossy(&bytes);
        let notes = parse_one("fuzz.md", &text);
        check_notes(&[SourceText { name: "fuzz.md", text: &text }], &notes)?;
    }

    #[test]
    fn parse_survives_near_miss_markdown(text in any_document()) {
        let notes = parse_one("fuzz.md", &text);
        check_notes(&[SourceText { name: "fuzz.md", text: &text }], &notes)?;
    }

    #[test]
    fn parse_merges_several_documents(a in any_document(), b in any_document(), seed_first in any::<bool>()) {
        let mut sources = vec![SourceText { name: "a.md", text: &a }, SourceText { name: "b.md", text: &b }];
        if seed_first {
            sources.insert(0, SourceText { name: "seed.md", text: BUILT_IN_NOTES });
        }
        let notes = parse(&sources);
        check_notes(&sources, &notes)?;
    }

    #[test]
    fn has_meetings_agrees_with_the_parser(text in any_document()) {
        // Under a name without a year, and under one that gives it.
        for name in ["fuzz.md", "2021.md"] {
            let quick = has_meetings(&text, name);
            let meetings = parse_one(name, &text).meetings.len();
            prop_assert_eq!(quick, meetings > 0, "{}: has_meetings says {} but the parser finds {} meetings", name, quick, meetings);
        }
    }

    #[test]
    fn links_survive_arbitrary_strings(text in any::<String>()) {
        let kind = classify(&text);
        let p = preview(&text);
        prop_assert_eq!(&p.kind, &kind);
    }

    #[test]
    fn links_survive_url_shaped_input(url in url()) {
        let kind = classify(&url);
        let p = preview(&url);
        prop_assert_eq!(&p.kind, &kind);
        let chars = p.title.chars().count();
        prop_assert!(chars <= 121, "title of {} chars: {:?}", chars, p.title);
        if let Some(sub) = &p.subtitle {
            prop_assert!(sub.chars().count() <= 121, "subtitle of {} chars", sub.chars().count());
        }
        if let Some(image) = &p.image {
            let ok = (image.starts_with("https://opengraph.githubassets.com/1/") || image.starts_with("https://i.ytimg.com/vi/"))
                && image.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./:".contains(&b));
            prop_assert!(ok, "image URL {:?}", image);
        }
        // What tidy promises: no control or bidi-override characters in shown text.
        let spoof = |c: char| {
            c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        };
        prop_assert!(!p.title.contains(spoof), "title {:?}", p.title);
        prop_assert!(!p.subtitle.as_deref().unwrap_or_default().contains(spoof), "subtitle {:?}", p.subtitle);
        prop_assert!(!p.site.contains(spoof), "site {:?}", p.site);
        if matches!(kind, LinkKind::Unsafe) {
            prop_assert!(p.site.is_empty() && p.image.is_none());
        }
    }

    #[test]
    fn mentions_are_in_bounds_and_ordered(text in prop_oneof![
        2 => any::<String>(),
        3 => inline_run(),
        2 => proptest::collection::vec(
            prop_oneof![select(aliases()).prop_map(str::to_string), select(WORDS).prop_map(str::to_string), hostile_string(3), url()],
            0..20,
        ).prop_map(|v| v.concat()),
    ]) {
        let found = find_mentions(&text);
        let ranges: Vec<(usize, usize)> = found.iter().map(|(s, e, _)| (*s, *e)).collect();
        let mut prev = 0;
        for &(s, e) in &ranges {
            prop_assert!(s < e && e <= text.len(), "mention {s}..{e} in {} bytes", text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "mention {s}..{e} splits a char");
            prop_assert!(s >= prev, "mention {s}..{e} overlaps the previous one ending at {prev}");
            prev = e;
        }
        for (s, e, what) in &found {
            match what {
                Found::Known(i) => prop_assert!(*i < taxonomy().len()),
                Found::Other(token) => prop_assert_eq!(token.as_str(), &text[*s..*e]),
            }
        }
    }

    #[test]
    fn term_ranges_are_in_bounds(
        text in prop_oneof![any::<String>(), inline_run(), hostile_string(200), folding_text()],
        query in prop_oneof![
            any::<String>(),
            hostile_string(12),
            select(WORDS).prop_map(str::to_string),
            folding_text(),
            select(&["a", "e", "s", "ss", "i", "k", "o", "th", "d", "u", "strass", "stras", "ae s"][..]).prop_map(str::to_string),
        ],
    ) {
        let filter = Filter { text: query.clone(), ..Filter::default() };
        let terms = filter.search_terms();
        check_ranges(&text, &term_ranges(&text, &terms), "folded terms")?;
        // Terms as typed, not folded: the map must still hold.
        let raw: Vec<String> = query.split_whitespace().map(str::to_string).collect();
        check_ranges(&text, &term_ranges(&text, &raw), "raw terms")?;
    }

    #[test]
    fn query_apply_survives_any_filter(
        text in any_document(),
        people in proptest::collection::vec(any::<Index>(), 0..3),
        topics in proptest::collection::vec(any::<Index>(), 0..3),
        search in prop_oneof![
            2 => Just(String::new()),
            2 => proptest::collection::vec(select(WORDS), 0..3).prop_map(|w| w.join(" ")),
            1 => hostile_string(10),
        ],
        window in (any::<Index>(), 0..12usize),
    ) {
        let notes = parse_one("fuzz.md", &text);
        let mut filter = Filter::default();
        if !notes.people.is_empty() {
            filter.people = people.iter().map(|i| notes::model::PersonId(i.index(notes.people.len()) as u32)).collect();
        }
        if !notes.topics.is_empty() {
            filter.topics = topics.iter().map(|i| notes::model::TopicId(i.index(notes.topics.len()) as u32)).collect();
        }
        // Search text: as generated, or a slice of the document itself.
        filter.text = if search.is_empty() && !text.is_empty() {
            let mut start = window.0.index(text.len());
            while !text.is_char_boundary(start) { start -= 1; }
            let mut end = (start + window.1).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text[start..end].to_string()
        } else {
            search
        };

        let view = apply(&notes, &filter);
        prop_assert_eq!(view.total, notes.meetings.len());
        prop_assert!(view.meetings.windows(2).all(|w| w[0].meeting < w[1].meeting), "view not in meeting order");
        prop_assert!(view.highlight_topics.iter().all(|t| (t.0 as usize) < notes.topics.len()));
        for mv in &view.meetings {
            let m = &notes.meetings[mv.meeting.0 as usize];
            let Some(states) = &mv.units else {
                prop_assert!(!filter.is_active(), "an active filter left a meeting unfiltered");
                continue;
            };
            prop_assert_eq!(states.len(), m.units.len());
            // A shown unit's parent is shown; a context unit has a match below it.
            let mut has_match = vec![false; states.len()];
            for i in (0..states.len()).rev() {
                if states[i] == UnitState::Match {
                    has_match[i] = true;
                }
                if let Some(p) = m.units[i].parent {
                    let p = p.0 as usize;
                    if has_match[i] {
                        has_match[p] = true;
                    }
                    if states[i].is_shown() {
                        prop_assert!(states[p].is_shown(), "unit {i} shown under hidden parent {p}");
                    }
                    if states[i] == UnitState::Inside {
                        prop_assert!(matches!(states[p], UnitState::Match | UnitState::Inside), "inside unit {i} under {:?}", states[p]);
                    }
                } else {
                    prop_assert!(states[i] != UnitState::Inside, "top-level unit {i} is inside nothing");
                }
            }
            for (i, s) in states.iter().enumerate() {
                if *s == UnitState::Context {
                    prop_assert!(has_match[i], "context unit {i} has no match below it");
                }
            }
            for u in &m.units {
                check_ranges(m.unit_text(u), &term_ranges(m.unit_text(u), &view.terms), "search text")?;
            }
        }

        // The filter survives a trip through the URL.
        let pairs = to_query(&notes, &filter);
        let (back, unknown) = from_query(&notes, pairs.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert!(unknown.is_empty(), "unknown after round trip: {:?}", unknown);
        prop_assert_eq!(&back.people, &filter.people);
        prop_assert_eq!(&back.topics, &filter.topics);
        prop_assert_eq!(back.search_terms(), filter.search_terms());
        let _ = apply(&notes, &back);
    }
}

// ------------------------------------------------------------------ scaling

/// Inputs built by repeating a unit `n` times, each aimed at a construct
/// that would be quadratic if handled naively.
const SCALING: &[(&str, &str, &str)] = &[
    ("deep quotes", "", "> "),
    ("deep lists", "", "- "),
    ("nested list lines", "", "- a\n  - b\n"),
    ("many [", "", "["),
    ("many [](", "", "[]("),
    ("many *", "", "*"),
    ("many *a", "", "*a "),
    ("many _", "", "a_"),
    ("many `", "", "`"),
    ("many <", "", "<a "),
    ("long line", "", "word JH7110 "),
    ("many headings", "", "# August 20, 2024\n"),
    ("many title headings", "", "# Not a date\n"),
    ("many :::", "", ":::info\n"),
    ("many closing :::", "", ":::\n"),
    ("many :", "", ":a"),
    ("many http", "", "http"),
    ("url with ))))", "http://x.org/", ")"),
    ("url with ]]]]", "http://x.org/", "]"),
    ("many urls", "", "http://x.org/a "),
    ("table columns", "| a |\n|---|\n", "| b "),
    ("table rows", "| a | b |\n|---|---|\n", "| c | d |\n"),
    ("many fields", "# August 20, 2024\n:::info\n", "- **Other:** x\n"),
    (
        "many participants",
        "# August 20, 2024\n:::info\n- **Participants:** ",
        "@u, ",
    ),
    (
        "many recaps",
        "# August 20, 2024\n## Biweekly Recap\n",
        "### Dennis\n- a\n",
    ),
    (
        "many people bullets",
        "# August 20, 2024\n## Recap\n",
        "- Zed Zed:\n  - a\n",
    ),
    ("many <br> fields", "# August 20, 2024\n:::info\n", "X: y<br>"),
    (
        "many same-slug people",
        "# August 20, 2024\n:::info\n- **Participants:** Dennis Marttinen, ",
        "Dennis 𠀀, ",
    ),
];

fn build(prefix: &str, unit: &str, n: usize) -> String {
    // Number the repeats where a unit would otherwise repeat one person.
    let mut s = String::with_capacity(prefix.len() + unit.len() * n + 8 * n);
    s.push_str(prefix);
    for i in 0..n {
        if unit.contains("@u") {
            s.push_str(&unit.replace("@u", &format!("@u{i}")));
        } else if unit.contains('𠀀') {
            // "Dennis 𠀀", "Dennis 𠀁", …: first name and initial, the same slug.
            let initial = char::from_u32(0x20000 + i as u32).unwrap_or('𠀀');
            s.push_str(&unit.replace('𠀀', &initial.to_string()));
        } else if unit.contains("Zed Zed") {
            s.push_str(&unit.replace("Zed Zed", &format!("Zed {}", name(i))));
        } else {
            s.push_str(unit);
        }
    }
    s
}

/// A distinct capitalised word per `i` (names may not contain digits).
fn name(mut i: usize) -> String {
    let mut out = String::from("Q");
    loop {
        out.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return out;
        }
    }
}

/// No single parse in the scaling guard may take longer than this (the
/// largest input is 512 KiB; release parses it in well under a second).
const PARSE_LIMIT: Duration = Duration::from_secs(10);

/// The fastest of up to `runs` parses, stopping early once a second has
/// gone by. `None` when a parse is still running after `limit`: a blow-up
/// not worth waiting for. Its thread is left to finish on its own (and to
/// slow down what is measured after it, which matters little once a
/// generator has failed).
fn time_parse(text: &Arc<String>, runs: usize, limit: Duration) -> Option<Duration> {
    let budget = Instant::now();
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let (tx, rx) = mpsc::channel();
        let text = Arc::clone(text);
        thread::spawn(move || {
            let start = Instant::now();
            black_box(parse_one("scale.md", black_box(&text)));
            let _ = tx.send(start.elapsed());
        });
        best = best.min(rx.recv_timeout(limit).ok()?);
        if budget.elapsed() > Duration::from_secs(1) {
            break;
        }
    }
    Some(best)
}

/// Parse times of n and 8n bytes of a generator and their ratio, the base
/// time floored at `floor` (below that the ratio is timer noise). The large
/// input gets 30 times the base time (at most [`PARSE_LIMIT`]); a ratio
/// of 30 or more is measured once more before it counts, in case the
/// machine was busy.
fn scaling_ratio(prefix: &str, unit: &str, bytes: usize, floor: Duration) -> Result<(Duration, Duration, f64), String> {
    let n = (bytes / unit.len()).max(1);
    let (small, large) = (Arc::new(build(prefix, unit, n)), Arc::new(build(prefix, unit, 8 * n)));
    let measure = |runs| {
        let t1 = time_parse(&small, runs, PARSE_LIMIT).ok_or(format!("{} B took over {PARSE_LIMIT:?}", small.len()))?;
        let limit = (t1.max(floor) * 30).min(PARSE_LIMIT);
        let t8 =
            time_parse(&large, runs, limit).ok_or(format!("{t1:.2?}, then {} B took over {limit:.2?}", large.len()))?;
        Ok((t1, t8, t8.as_secs_f64() / t1.max(floor).as_secs_f64()))
    };
    match measure(3) {
        Ok(first) if first.2 < 30.0 => Ok(first),
        _ => measure(5),
    }
}

/// Runs every [`SCALING`] generator at `bytes` and 8 × `bytes`, one
/// scaling test at a time so the two do not time each other.
fn assert_linear(bytes: usize, floor: Duration) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let mut failures = Vec::new();
    for (what, prefix, unit) in SCALING {
        match scaling_ratio(prefix, unit, bytes, floor) {
            Ok((t1, t8, ratio)) => {
                println!("{what:>22}: {t1:>10.2?} → {t8:>10.2?}  ratio {ratio:.1}");
                if ratio >= 30.0 {
                    failures.push(format!("{what}: {t1:.2?} → {t8:.2?} (×{ratio:.0})"));
                }
            }
            Err(e) => {
                println!("{what:>22}: {e}");
                failures.push(format!("{what}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear parse time (a parse that ran out of time keeps running in the background and may slow \
         the generators measured after it):\n{}",
        failures.join("\n")
    );
}

/// A guard against quadratic blow-ups, not a benchmark: parsing 8× the
/// input must take well under 64× the time. Slow in debug builds, so it
/// belongs to the long run (`--include-ignored`, release).
#[test]
#[ignore = "release-only scaling guard; run with --release -- --include-ignored"]
fn time_is_linear_in_input_size() {
    assert_linear(64 * 1024, Duration::from_millis(1));
}

/// The same guard at a size debug builds manage in about a second, so plain
/// `cargo test` still notices a gross (quadratic) regression.
#[test]
fn time_is_roughly_linear_in_debug() {
    assert_linear(2 * 1024, Duration::from_millis(2));
}
// ------------------------------------------------------------------ seeds

/// The built-in notes satisfy every invariant (and anchor the strategies).
#[test]
fn seed_notes_satisfy_the_invariants() {
    let sources = [SourceText {
        name: "seed.md",
        text: BUILT_IN_NOTES,
    }];
    let notes = parse(&sources);
    check_notes(&sources, &notes).unwrap();
    let ids: BTreeSet<_> = notes.people.iter().map(|p| p.slug.clone()).collect();
    assert_eq!(ids.len(), notes.people.len());
}

// ------------------------------------------------------------------ regressions

// Minimal inputs the properties above found, kept as plain tests so a fix
// stays fixed even if the strategies change.

fn check_one(text: &str) -> Notes {
    let sources = [SourceText { name: "fuzz.md", text }];
    let notes = parse(&sources);
    if let Err(e) = check_notes(&sources, &notes) {
        panic!("{e} for {text:?}");
    }
    notes
}

/// Was a panic: slicing `rest[..2]` after a number cut the `€` in half.
#[test]
fn regression_number_then_multibyte_char_in_a_heading() {
    check_one("# 1€\n");
    check_one("# 0ࠀ\n");
    check_one("# [Dennis](http://github.com?v=(0ࠀ) \n# Racklet Community Meeting Notes 2024\n");
}

/// The hour mark ("18:00h", "18 Uhr") was compared by slicing the text at
/// its length, inside a character that followed the number.
#[test]
fn regression_an_hour_mark_check_after_a_number_and_a_multibyte_char() {
    check_one("# 1990 1 January 0¡ \n");
    check_one("# August 20, 2024 4-Ѩ, 4\n");
    check_one("# August 20, 2024 4 hѨ\n");
}

/// Fields split by `<br>` were numbered as if each sat on its own line.
#[test]
fn regression_br_separated_fields_stay_inside_the_document() {
    check_one("# August 20, 2024 4:00 PM UTC\n:::warning\n**Location:** <br>**Location:** <br>**Location: http://github.com\n");
    check_one("# 2024-08-20\n:::info\nA: b<br>B: c<br>C: d<br>E: f\n:::");
}

/// `dedup` only drops neighbours: "@aa, @bb, @aa" counted two hostings.
#[test]
fn regression_a_host_listed_twice_is_one_host() {
    let notes = check_one("# 2024-08-20\n:::info\n- **Host:** @aa, @bb, @aa\n- **Participants:** @aa\n:::\n");
    assert_eq!(notes.meetings[0].hosts.len(), 2);
}

/// A name without ASCII letters got the slug "" (then "-2"): `?person=`
/// with an empty value is dropped, so the person could not be linked.
#[test]
fn regression_non_ascii_names_get_usable_slugs() {
    let notes = check_one("# 2024-08-20\n- **Participants:** Ωμέγα, 🎉\n");
    for (i, p) in notes.people.iter().enumerate() {
        let filter = Filter {
            people: BTreeSet::from([notes::model::PersonId(i as u32)]),
            ..Filter::default()
        };
        let pairs = to_query(&notes, &filter);
        let (back, _) = from_query(&notes, pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, filter, "slug {:?}", p.slug);
    }
}

/// Lone `\r` ends a line for CommonMark but not for the container and line
/// scanners: the info block was lost and every diagnostic said line 1.
#[test]
fn regression_cr_line_endings_keep_the_info_block_and_lines() {
    let text = "# Notes\r\r# August 20, 2024\r\r:::info\r- **Host:** @twelho\r- **Participants:** @twelho\r:::\r\r\
                ## Notes\r\r- JH7110\r\r# Agust 3, 2024\r";
    let notes = check_one(text);
    assert_eq!(notes.meetings[0].hosts.len(), 1, "the info block was read");
    assert_eq!(notes.diagnostics.len(), 1);
    assert_eq!(notes.diagnostics[0].line, 14);
}

/// Meetings as "## " headings under a "# " title.
const LEVEL_TWO: &str = "# Racklet Community Meeting Notes 2021\r\n[TOC]\r\n\r\n## April 13, 2021 6:00 PM CET/CEST\r\n";

/// `has_meetings` must agree with `parse` on what a meeting heading is.
#[test]
fn regression_has_meetings_agrees_with_the_parser() {
    for text in [
        "\u{feff}# August 20, 2024\n",
        ":::\n<br>\n# August 20, 2024 4:00 PM UTC\n",
        ":::\r# \r#\t0000-1-1 \n",
        LEVEL_TWO,
    ] {
        let meetings = parse_one("fuzz.md", text).meetings.len();
        assert_eq!(
            has_meetings(text, "fuzz.md"),
            meetings > 0,
            "{text:?}: parser finds {meetings}"
        );
    }
    // Found while the parser read such meetings and `has_meetings` did not.
    assert!(has_meetings(LEVEL_TWO, "fuzz.md"));
    // A year's file with dates written without the year: the fetch left
    // it out of the archive, which the parser would have read.
    let no_year = "# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered\n";
    assert_eq!(parse_one("2019.md", no_year).meetings.len(), 1);
    assert!(has_meetings(no_year, "2019.md"));
    assert!(!has_meetings(no_year, "notes.md"));
}

/// The empty-title fallback used the untidied site (204 chars), and
/// sites kept bidi overrides from the host or a mail address.
#[test]
fn regression_preview_titles_and_sites_are_tidy() {
    let host = "a".repeat(200);
    for url in [
        format!("https://{host}.com/%E2%80%8E"),
        format!("https://{host}.com/%E2%80%AE"),
        "http://a\u{202e}b.com".to_string(),
        "mailto://user@github.com/%E2%80%AE".to_string(),
    ] {
        let p = preview(&url);
        assert!(
            p.title.chars().count() <= 121,
            "{url}: title of {} chars",
            p.title.chars().count()
        );
        assert!(
            !p.site.contains('\u{202e}') && !p.title.contains('\u{202e}'),
            "{url}: {p:?}"
        );
    }
}

/// "a" in "æ" (folded "ae") gave the empty range 0..0.
#[test]
fn regression_terms_inside_an_expanded_fold_highlight_the_character() {
    assert_eq!(term_ranges("æ", &["a".to_string()]), vec![(0, "æ".len())]);
    assert_eq!(term_ranges("Straße", &["stras".to_string()]), vec![(0, "Straß".len())]);
}
