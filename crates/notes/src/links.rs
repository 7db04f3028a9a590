//! Link classification and instant, offline "tier 1" previews. From the URL
//! string alone this module decides what a link points at (GitHub repository,
//! Mastodon post, YouTube video, mailing-list thread, …) and builds a readable
//! title, subtitle and optional image without any network access. It is also
//! the safety gate for links: only `http`, `https` and `mailto` are ever
//! followable ([`SafeUrl`]); everything else is [`LinkKind::Unsafe`].
//!
//! The small URL splitter here copies the parts of the WHATWG URL rules that
//! decide where a browser really goes (tabs and newlines removed, `\` read as
//! `/`, the last `@` ending the userinfo, dot segments resolved), so a preview
//! can never name one host while the browser visits another. All work is
//! linear in the input length, and titles are capped at 120 characters.

use std::borrow::Cow;

/// What a link points at, as far as the URL alone tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    GithubRepo {
        owner: String,
        repo: String,
    },
    GithubIssue {
        owner: String,
        repo: String,
        number: u64,
    },
    GithubPull {
        owner: String,
        repo: String,
        number: u64,
    },
    GithubCommit {
        owner: String,
        repo: String,
        sha: String,
    },
    /// `/blob/<ref>/<path>` or `/tree/<ref>/<path>`. A bare `/tree/<ref>`
    /// (a branch or tag view) has an empty `path`. Refs containing `/` cannot
    /// be told apart from paths, so the first segment is taken as the ref.
    GithubFile {
        owner: String,
        repo: String,
        git_ref: String,
        path: String,
    },
    /// `/releases` (`tag: None`), `/releases/tag/<tag>`, `/releases/download/<tag>/…`.
    GithubRelease {
        owner: String,
        repo: String,
        tag: Option<String>,
    },
    /// A user or organisation: `github.com/<owner>` or `github.com/orgs/<owner>`.
    GithubOwner {
        owner: String,
    },
    GithubGist {
        user: Option<String>,
        id: String,
    },
    /// `/@user/<digits>` on any host (or `/users/<user>/statuses/<digits>`).
    Mastodon {
        instance: String,
        user: String,
        id: String,
    },
    YouTube {
        id: String,
    },
    YouTubePlaylist {
        list: String,
    },
    /// `lore.kernel.org/<list>/<message-id>`; `lkml.kernel.org/r/<message-id>`
    /// and `lkml.org/lkml/Y/M/D/N` use list "lkml" (for lkml.org the
    /// "message id" is the `Y/M/D/N` path, which is all that URL carries).
    LoreThread {
        list: String,
        message_id: String,
    },
    /// A note id, or `@user/slug` for user-namespaced notes.
    HackMd {
        id: String,
    },
    Wikipedia {
        lang: String,
        title: String,
    },
    Pdf {
        site: String,
        file: String,
    },
    Page {
        site: String,
    },
    Mail {
        address: String,
    },
    /// Not http(s) or mailto, relative, or unparseable: never render as a link.
    Unsafe,
}

impl LinkKind {
    /// Human-readable name of the kind, for badges and tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            LinkKind::GithubRepo { .. } => "GitHub repository",
            LinkKind::GithubIssue { .. } => "GitHub issue",
            LinkKind::GithubPull { .. } => "GitHub pull request",
            LinkKind::GithubCommit { .. } => "GitHub commit",
            LinkKind::GithubFile { .. } => "GitHub file",
            LinkKind::GithubRelease { .. } => "GitHub release",
            LinkKind::GithubOwner { .. } => "GitHub profile",
            LinkKind::GithubGist { .. } => "Gist",
            LinkKind::Mastodon { .. } => "Mastodon post",
            LinkKind::YouTube { .. } => "YouTube video",
            LinkKind::YouTubePlaylist { .. } => "YouTube playlist",
            LinkKind::LoreThread { .. } => "Mailing-list thread",
            LinkKind::HackMd { .. } => "HackMD note",
            LinkKind::Wikipedia { .. } => "Wikipedia article",
            LinkKind::Pdf { .. } => "PDF document",
            LinkKind::Page { .. } => "Web page",
            LinkKind::Mail { .. } => "E-mail address",
            LinkKind::Unsafe => "Unsafe link",
        }
    }

    /// Stable machine name (CSS classes, JSON); never change an existing one.
    pub fn slug(&self) -> &'static str {
        match self {
            LinkKind::GithubRepo { .. } => "github-repo",
            LinkKind::GithubIssue { .. } => "github-issue",
            LinkKind::GithubPull { .. } => "github-pull",
            LinkKind::GithubCommit { .. } => "github-commit",
            LinkKind::GithubFile { .. } => "github-file",
            LinkKind::GithubRelease { .. } => "github-release",
            LinkKind::GithubOwner { .. } => "github-owner",
            LinkKind::GithubGist { .. } => "gist",
            LinkKind::Mastodon { .. } => "mastodon",
            LinkKind::YouTube { .. } => "youtube",
            LinkKind::YouTubePlaylist { .. } => "youtube-playlist",
            LinkKind::LoreThread { .. } => "mailing-list",
            LinkKind::HackMd { .. } => "hackmd",
            LinkKind::Wikipedia { .. } => "wikipedia",
            LinkKind::Pdf { .. } => "pdf",
            LinkKind::Page { .. } => "page",
            LinkKind::Mail { .. } => "mail",
            LinkKind::Unsafe => "unsafe",
        }
    }
}

/// Everything shown for a link before (or instead of) fetching it.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlPreview {
    pub kind: LinkKind,
    /// Host without "www." (plus the port if one is given); empty for unsafe links.
    pub site: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// Only URLs built from validated ids, so the image never points somewhere the link author chose.
    pub image: Option<String>,
}

const MAX_TITLE: usize = 120;
const MAX_PATH: usize = 60;

/// A URL a reader may follow: `http`, `https` or `mailto`, as a browser
/// reads it (controls and tabs dropped, the host well-formed). The only
/// way to make one is [`SafeUrl::parse`]: holding one is the proof.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SafeUrl {
    url: String,
    mail: bool,
}

impl SafeUrl {
    /// The link if it may be followed; `None` for `javascript:`, `data:`,
    /// relative paths and anything the browser would not read as http(s)
    /// or mailto.
    pub fn parse(raw: &str) -> Option<SafeUrl> {
        let url = normalise(raw);
        let mail = is_mail(&url)?;
        Some(SafeUrl {
            url: url.into_owned(),
            mail,
        })
    }

    /// Whether [`SafeUrl::parse`] would take `raw`, without building it.
    pub(crate) fn is_safe(raw: &str) -> bool {
        is_mail(&normalise(raw)).is_some()
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    pub fn is_mail(&self) -> bool {
        self.mail
    }

    pub fn is_web(&self) -> bool {
        !self.mail
    }
}

impl std::fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

/// Classify a link without building its preview.
pub fn classify(url: &str) -> LinkKind {
    let url = normalise(url);
    match split(&url) {
        Target::Unsafe => LinkKind::Unsafe,
        Target::Mail(address) => LinkKind::Mail { address },
        Target::Web(web) => web_kind(&web, &segments(web.path)),
    }
}

/// Classify a link and build its offline preview.
pub fn preview(url: &str) -> UrlPreview {
    let url = normalise(url);
    let web = match split(&url) {
        Target::Unsafe => return plain(LinkKind::Unsafe, String::new(), "Unsafe link".into()),
        Target::Mail(address) => {
            let site = tidy(
                &address.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase(),
                MAX_TITLE,
            );
            let title = tidy(&address, MAX_TITLE);
            return plain(LinkKind::Mail { address }, site, title);
        }
        Target::Web(web) => web,
    };
    let segs = segments(web.path);
    let kind = web_kind(&web, &segs);
    let site = web.site();
    let (title, subtitle) = describe(&kind, &web, &segs, &site);
    let image = match &kind {
        LinkKind::GithubRepo { owner, repo }
        | LinkKind::GithubIssue { owner, repo, .. }
        | LinkKind::GithubPull { owner, repo, .. }
        | LinkKind::GithubCommit { owner, repo, .. }
        | LinkKind::GithubFile { owner, repo, .. }
        | LinkKind::GithubRelease { owner, repo, .. } => {
            Some(format!("https://opengraph.githubassets.com/1/{owner}/{repo}"))
        }
        LinkKind::YouTube { id } => Some(format!("https://i.ytimg.com/vi/{id}/hqdefault.jpg")),
        _ => None,
    };
    let title = Some(tidy(&title, MAX_TITLE))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| tidy(&site, MAX_TITLE));
    UrlPreview {
        kind,
        site,
        title,
        subtitle: subtitle.map(|s| tidy(&s, MAX_TITLE)).filter(|s| !s.is_empty()),
        image,
    }
}

fn plain(kind: LinkKind, site: String, title: String) -> UrlPreview {
    UrlPreview {
        kind,
        site,
        title,
        subtitle: None,
        image: None,
    }
}

// ---------------------------------------------------------------- splitting

enum Target<'a> {
    Web(Web<'a>),
    Mail(String),
    Unsafe,
}

/// The parts of an http(s) URL this module looks at.
struct Web<'a> {
    /// Lowercased, otherwise as written (no IDNA conversion either way).
    host: String,
    port: Option<&'a str>,
    path: &'a str,
    query: &'a str,
    fragment: &'a str,
}

impl Web<'_> {
    fn site(&self) -> String {
        let host = self.host.strip_prefix("www.").unwrap_or(&self.host);
        match self.port {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }
}

/// Browsers trim C0 controls and spaces at both ends and drop tabs and
/// newlines anywhere, so `" java\nscript:"` still runs script; do the same
/// before looking at the scheme.
fn normalise(url: &str) -> Cow<'_, str> {
    let url = url.trim_matches(|c: char| c <= ' ');
    // Nearly every URL has none to drop: no copy then.
    if !url.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return Cow::Borrowed(url);
    }
    Cow::Owned(url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect())
}

/// `Some(true)` for a mail link, `Some(false)` for a web link, `None` for
/// an unsafe one: [`split`] without building its parts.
fn is_mail(url: &str) -> Option<bool> {
    match split_as(url, false) {
        Target::Unsafe => None,
        Target::Mail(_) => Some(true),
        Target::Web(_) => Some(false),
    }
}

fn split(url: &str) -> Target<'_> {
    split_as(url, true)
}

/// [`split`]; with `lower_host` false the host is left empty, for callers
/// that only ask which kind of target a URL is.
fn split_as(url: &str, lower_host: bool) -> Target<'_> {
    let Some((scheme, rest)) = split_byte(url, b':') else {
        return Target::Unsafe; // relative, scheme-relative or garbage
    };
    if scheme.eq_ignore_ascii_case("mailto") {
        let address = decode(rest.split(['?', '#']).next().unwrap_or_default());
        let address = address.trim();
        if address.is_empty() || address.chars().any(char::is_control) {
            return Target::Unsafe;
        }
        return Target::Mail(address.to_string());
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Target::Unsafe;
    }
    // For http(s) browsers skip any run of slashes and backslashes, and end
    // the authority at the first of `/ \ ? #`.
    let rest = rest.trim_start_matches(['/', '\\']);
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // The last `@` ends the userinfo: `https://github.com@evil.example/` goes to evil.example.
    let host_port = match authority.bytes().rposition(|b| b == b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let (host, port) = match host_port.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, after)) if addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') => {
                match after.strip_prefix(':') {
                    Some(port) => (&host_port[..addr.len() + 2], Some(port)),
                    None if after.is_empty() => (&host_port[..addr.len() + 2], None),
                    None => return Target::Unsafe,
                }
            }
            _ => return Target::Unsafe,
        },
        None => match split_byte(host_port, b':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        },
    };
    // Bidi controls are disallowed in host names (UTS 46) and would let a shown site read backwards.
    let bad_host = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || "<>^|[]:".contains(c)
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    // An ASCII host (nearly all) by bytes: the same test, without decoding.
    let bad_ascii = |b: u8| b <= b' ' || b == 0x7f || b"<>^|[]:".contains(&b);
    let bad = if host.is_ascii() {
        host.bytes().any(bad_ascii)
    } else {
        host.contains(bad_host)
    };
    if host.is_empty() || (!host.starts_with('[') && bad) {
        return Target::Unsafe;
    }
    let port = match port {
        None | Some("") => None,
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok() => Some(p),
        Some(_) => return Target::Unsafe,
    };
    let (before_fragment, fragment) = split_byte(tail, b'#').unwrap_or((tail, ""));
    let (path, query) = split_byte(before_fragment, b'?').unwrap_or((before_fragment, ""));
    // Lowercase as the browser's IDNA mapping does for the scripts notes use,
    // the Kelvin sign folding to "k" included (see `words::lower_char`).
    Target::Web(Web {
        host: if lower_host {
            crate::words::lowercase(host)
        } else {
            String::new()
        },
        port,
        path,
        query,
        fragment,
    })
}

/// `text.split_once(byte)` for an ASCII byte, by a fast byte search: URLs
/// are split at every link in the notes.
fn split_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = crate::parse::text::find_byte(text.as_bytes(), byte)?;
    Some((&text[..at], &text[at + 1..]))
}

/// Non-empty path segments with `.` and `..` (also percent-encoded) resolved
/// the way a browser resolves them.
fn segments(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for seg in path.split(['/', '\\']).filter(|s| !s.is_empty()) {
        if seg.len() <= 6 {
            match seg.to_ascii_lowercase().as_str() {
                "." | "%2e" => continue,
                ".." | ".%2e" | "%2e." | "%2e%2e" => {
                    out.pop();
                    continue;
                }
                _ => {}
            }
        }
        out.push(seg);
    }
    out
}

/// Host name for matching: no trailing dot, no leading "www." or "m.".
fn host_key(host: &str) -> &str {
    let host = host.strip_suffix('.').unwrap_or(host);
    host.strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(host)
}

fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then_some(v)
    })
}

/// Percent-decode; invalid escapes stay as written and invalid UTF-8 becomes U+FFFD.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

// ----------------------------------------------------------- classification

fn web_kind(web: &Web, segs: &[&str]) -> LinkKind {
    let key = host_key(&web.host);
    let specific = match key {
        "github.com" => github(segs),
        "gist.github.com" => gist(segs),
        "youtube.com" | "music.youtube.com" | "youtube-nocookie.com" => youtube(segs, web.query),
        "youtu.be" => segs
            .first()
            .filter(|id| video_id(id))
            .map(|id| LinkKind::YouTube { id: id.to_string() }),
        "lore.kernel.org" => lore(segs),
        "lkml.kernel.org" => match segs {
            ["r", id, ..] => thread("lkml", id),
            _ => None,
        },
        "lkml.org" => match segs {
            ["lkml", date @ ..] if date.len() >= 4 && date[..4].iter().all(|s| digits(s, 8)) => {
                Some(LinkKind::LoreThread {
                    list: "lkml".into(),
                    message_id: date[..4].join("/"),
                })
            }
            _ => None,
        },
        "hackmd.io" => hackmd(segs),
        _ => wikipedia(key, web.path).or_else(|| mastodon(web, segs)),
    };
    specific.unwrap_or_else(|| {
        let is_pdf = web.path.len() >= 4 && web.path.as_bytes()[web.path.len() - 4..].eq_ignore_ascii_case(b".pdf");
        match (is_pdf, segs.last()) {
            (true, Some(file)) => LinkKind::Pdf {
                site: web.site(),
                file: decode(file),
            },
            _ => LinkKind::Page { site: web.site() },
        }
    })
}

fn digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

fn github_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 39 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn repo_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s != "."
        && s != ".."
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// First path segments on github.com that are GitHub's own pages, not users.
const GITHUB_RESERVED: &str = "about account apps blog codespaces collections contact customer-stories dashboard \
    enterprise enterprises events explore features home issues join login logout marketplace new notifications \
    organizations pricing pulls readme search security sessions settings signup site sponsors stars team topics \
    trending users";

fn github(segs: &[&str]) -> Option<LinkKind> {
    let (&first, rest) = segs.split_first()?;
    if first.eq_ignore_ascii_case("orgs") {
        return rest
            .first()
            .filter(|o| github_name(o))
            .map(|o| LinkKind::GithubOwner { owner: o.to_string() });
    }
    if !github_name(first) || GITHUB_RESERVED.split(' ').any(|r| first.eq_ignore_ascii_case(r)) {
        return None;
    }
    let Some((&repo, tail)) = rest.split_first() else {
        return Some(LinkKind::GithubOwner {
            owner: first.to_string(),
        });
    };
    let repo = repo.strip_suffix(".git").unwrap_or(repo);
    if !repo_name(repo) {
        return None;
    }
    let (owner, repo) = (first.to_string(), repo.to_string());
    let number = tail
        .get(1)
        .filter(|s| digits(s, 20))
        .and_then(|s| s.parse::<u64>().ok());
    Some(match (tail, number) {
        (["issues", ..], Some(number)) => LinkKind::GithubIssue { owner, repo, number },
        (["pull", ..], Some(number)) => LinkKind::GithubPull { owner, repo, number },
        (["commit", sha, ..], _) if (7..=64).contains(&sha.len()) && sha.bytes().all(|b| b.is_ascii_hexdigit()) => {
            LinkKind::GithubCommit {
                owner,
                repo,
                sha: sha.to_string(),
            }
        }
        (["blob" | "tree", git_ref, path @ ..], _) => {
            let path = path.iter().map(|s| decode(s)).collect::<Vec<_>>().join("/");
            LinkKind::GithubFile {
                owner,
                repo,
                git_ref: decode(git_ref),
                path,
            }
        }
        (["releases", "tag" | "download", tag, ..], _) => LinkKind::GithubRelease {
            owner,
            repo,
            tag: Some(decode(tag)),
        },
        (["releases", ..], _) => LinkKind::GithubRelease { owner, repo, tag: None },
        _ => LinkKind::GithubRepo { owner, repo },
    })
}

fn gist(segs: &[&str]) -> Option<LinkKind> {
    let id = |s: &str| (5..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit());
    match segs {
        [user, gist, ..] if github_name(user) && id(gist) => Some(LinkKind::GithubGist {
            user: Some(user.to_string()),
            id: gist.to_string(),
        }),
        [gist, ..] if id(gist) => Some(LinkKind::GithubGist {
            user: None,
            id: gist.to_string(),
        }),
        _ => None,
    }
}

fn id_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn video_id(s: &str) -> bool {
    s.len() == 11 && id_chars(s)
}

fn youtube(segs: &[&str], query: &str) -> Option<LinkKind> {
    let playlist = || {
        query_param(query, "list")
            .filter(|l| (1..=128).contains(&l.len()) && id_chars(l))
            .map(|l| LinkKind::YouTubePlaylist { list: l.to_string() })
    };
    match segs {
        ["watch", ..] => query_param(query, "v")
            .filter(|v| video_id(v))
            .map(|v| LinkKind::YouTube { id: v.to_string() })
            .or_else(playlist),
        ["playlist", ..] => playlist(),
        ["shorts" | "embed" | "live" | "v", id, ..] if video_id(id) => Some(LinkKind::YouTube { id: id.to_string() }),
        _ => None,
    }
}

/// Message ids always contain `@`; requiring it keeps lore's own pages
/// (`/<list>/_/text/help/`, search results) out.
fn thread(list: &str, raw_id: &str) -> Option<LinkKind> {
    let message_id = decode(raw_id);
    let message_id = message_id.trim_start_matches('<').trim_end_matches('>');
    message_id.contains('@').then(|| LinkKind::LoreThread {
        list: list.into(),
        message_id: message_id.into(),
    })
}

fn lore(segs: &[&str]) -> Option<LinkKind> {
    match segs {
        // lore.kernel.org/r/<id> searches all lists.
        ["r", id, ..] => thread("all", id),
        [list, id, ..] if !list.starts_with('_') => thread(list, id),
        _ => None,
    }
}

fn hackmd(segs: &[&str]) -> Option<LinkKind> {
    // Note ids are long base64url strings; the length floor keeps hackmd.io's own pages (login, pricing) out.
    let note = |s: &str| (10..=64).contains(&s.len()) && id_chars(s);
    match segs {
        [user, slug, ..] if user.len() > 1 && user.starts_with('@') => Some(LinkKind::HackMd {
            id: format!("{user}/{slug}"),
        }),
        ["s" | "p" | "c", id, ..] if note(id) => Some(LinkKind::HackMd { id: id.to_string() }),
        [id, ..] if note(id) => Some(LinkKind::HackMd { id: id.to_string() }),
        _ => None,
    }
}

fn wikipedia(key: &str, path: &str) -> Option<LinkKind> {
    let lang = key.strip_suffix(".wikipedia.org")?;
    let lang = lang.strip_suffix(".m").unwrap_or(lang);
    if lang.is_empty()
        || !lang
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let title = decode(path.strip_prefix("/wiki/")?).replace('_', " ");
    let title = title.trim();
    (!title.is_empty()).then(|| LinkKind::Wikipedia {
        lang: lang.into(),
        title: title.into(),
    })
}

fn mastodon(web: &Web, segs: &[&str]) -> Option<LinkKind> {
    let (user, id) = match segs {
        [user, id, ..] if user.len() > 1 && user.starts_with('@') => (&user[1..], *id),
        ["users", user, "statuses", id, ..] => (*user, *id),
        _ => return None,
    };
    digits(id, 20).then(|| LinkKind::Mastodon {
        instance: web.site(),
        user: decode(user),
        id: id.into(),
    })
}

// ---------------------------------------------------------------- previews

fn describe(kind: &LinkKind, web: &Web, segs: &[&str], site: &str) -> (String, Option<String>) {
    match kind {
        LinkKind::GithubRepo { owner, repo } => {
            let more = segs
                .get(2..)
                .unwrap_or_default()
                .iter()
                .map(|s| decode(s))
                .collect::<Vec<_>>()
                .join("/");
            (format!("{owner}/{repo}"), Some(more))
        }
        LinkKind::GithubIssue { owner, repo, number } => (format!("{owner}/{repo} #{number}"), None),
        LinkKind::GithubPull { owner, repo, number } => (format!("{owner}/{repo} PR #{number}"), None),
        LinkKind::GithubCommit { owner, repo, sha } => (format!("{owner}/{repo}"), Some(sha[..7].to_string())),
        LinkKind::GithubFile {
            owner,
            repo,
            git_ref,
            path,
        } => {
            let title = match path.as_str() {
                "" => format!("{owner}/{repo}"),
                path => format!("{owner}/{repo}: {path}"),
            };
            (title, Some(format!("{git_ref}{}", line_range(web.fragment))))
        }
        LinkKind::GithubRelease { owner, repo, tag } => match tag {
            Some(tag) => (format!("{owner}/{repo} {tag}"), None),
            None => (format!("{owner}/{repo} releases"), None),
        },
        LinkKind::GithubOwner { owner } => (owner.clone(), None),
        LinkKind::GithubGist { user: Some(user), id } => (format!("Gist by {user}"), Some(id.clone())),
        LinkKind::GithubGist { user: None, id } => (format!("Gist {id}"), None),
        LinkKind::Mastodon { instance, user, id } => (format!("@{user} on {instance}"), Some(format!("post {id}"))),
        LinkKind::YouTube { id } => {
            let list = query_param(web.query, "list")
                .filter(|l| id_chars(l))
                .map(|l| format!("from playlist {l}"));
            (format!("YouTube video {id}"), list)
        }
        LinkKind::YouTubePlaylist { list } => (format!("YouTube playlist {list}"), None),
        LinkKind::LoreThread { list, message_id } => (format!("Thread on {list}"), Some(message_id.clone())),
        LinkKind::HackMd { id } => match id.split_once('/') {
            Some((user, slug)) => (page_title(&[slug]).unwrap_or_else(|| decode(slug)), Some(user.into())),
            None => (format!("HackMD note {id}"), None),
        },
        LinkKind::Wikipedia { title, .. } => (
            title.clone(),
            Some(decode(web.fragment).replace('_', " ")).filter(|s| !s.is_empty()),
        ),
        // Title from the raw last segment: `file` is already decoded, and decoding twice would misread `%25`.
        LinkKind::Pdf { file, .. } => (
            page_title(segs.last().map_or(&[][..], std::slice::from_ref)).unwrap_or_else(|| file.clone()),
            short_path(segs),
        ),
        LinkKind::Page { .. } => (page_title(segs).unwrap_or_else(|| site.to_string()), short_path(segs)),
        LinkKind::Mail { .. } | LinkKind::Unsafe => (String::new(), None),
    }
}

/// GitHub line anchors: `#L10-L20` → " · lines 10–20", `#L7` → " · line 7".
fn line_range(fragment: &str) -> String {
    let Some(lines) = fragment.strip_prefix('L') else {
        return String::new();
    };
    match lines.split_once("-L") {
        Some((a, b)) if digits(a, 9) && digits(b, 9) => format!(" · lines {a}–{b}"),
        None if digits(lines, 9) => format!(" · line {lines}"),
        _ => String::new(),
    }
}

fn short_path(segs: &[&str]) -> Option<String> {
    if segs.is_empty() {
        return None;
    }
    let path: String = segs.iter().flat_map(|s| ["/", s]).collect();
    Some(tidy(&decode(&path), MAX_PATH))
}

/// Title from the last path segment that says something: file extensions and
/// trailing numeric or hash ids (`…-05e96385a3dc`) are dropped, and segments
/// that are only an id or `index` are skipped.
fn page_title(segs: &[&str]) -> Option<String> {
    segs.iter().rev().find_map(|seg| {
        let seg = decode(seg);
        let stem = match seg.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() && is_file_ext(ext) => stem,
            _ => &seg,
        };
        let mut words: Vec<&str> = stem
            .split(|c: char| matches!(c, '-' | '_' | '+') || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| (digits(w, usize::MAX) && w.len() >= 5) || is_hash(w))
        {
            words.pop();
        }
        match words.as_slice() {
            [] => None,
            [w] if digits(w, usize::MAX) || is_hash(w) || w.eq_ignore_ascii_case("index") => None,
            _ => {
                let text = words.join(" ");
                let mut chars = text.chars();
                let first = chars.next()?;
                Some(std::iter::once(crate::words::upper_char(first)).chain(chars).collect())
            }
        }
    })
}

fn is_file_ext(ext: &str) -> bool {
    const EXTS: &str =
        "html htm shtml xhtml php asp aspx jsp cgi md txt pdf webm mp4 mkv mov mp3 ogg png jpg jpeg gif svg webp";
    EXTS.split(' ').any(|e| ext.eq_ignore_ascii_case(e))
}

/// Hex ids such as Medium's `05e96385a3dc`: long, all hex, with both digits and letters.
fn is_hash(w: &str) -> bool {
    w.len() >= 8
        && w.bytes().all(|b| b.is_ascii_hexdigit())
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Make URL-derived text safe and short: control and bidi-override
/// characters (which can reorder text to spoof a title) become spaces,
/// whitespace runs collapse, and the result is cut to `max` chars with "…".
fn tidy(s: &str, max: usize) -> String {
    let spoof = |c: char| {
        c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    let mapped: String = s.chars().map(|c| if spoof(c) { ' ' } else { c }).collect();
    let mut out = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().nth(max).is_some() {
        let cut = out.char_indices().nth(max - 1).map_or(out.len(), |(i, _)| i);
        out.truncate(cut);
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(url: &str) -> &'static str {
        classify(url).slug()
    }

    fn repo(owner: &str, repo: &str) -> LinkKind {
        LinkKind::GithubRepo {
            owner: owner.into(),
            repo: repo.into(),
        }
    }

    /// Every URL in data/notes/racklet-2024.md with the kind it must get.
    const NOTES_URLS: &[(&str, &str)] = &[
        ("https://2024.rustnl.org/", "page"),
        ("https://badge.team/docs/badges/why2025/", "page"),
        ("https://c0-microsd-docs.signaloid.io/hardware-overview/communication-over-sd-interface.html", "page"),
        ("https://dateful.com/convert/utc?t=4pm", "page"),
        ("https://gateway-api.sigs.k8s.io/", "page"),
        ("https://ghostwriteattack.com/", "page"),
        ("https://gist.github.com/orangecms/8624aa82bab4931f787b5eee572f7668", "gist"),
        ("https://github.com/89luca89/distrobox", "github-repo"),
        ("https://github.com/arm-software/bento-linker", "github-repo"),
        ("https://github.com/chiplet/vernerin-kontit/blob/main/racklet-hw-env/Containerfile", "github-file"),
        ("https://github.com/fiedka/me_fs_rs", "github-repo"),
        ("https://github.com/gwsystems/aWsm", "github-repo"),
        ("https://github.com/kubernetes-sigs/sig-storage-local-static-provisioner", "github-repo"),
        ("https://github.com/littlekernel/lk", "github-repo"),
        ("https://github.com/milkv-duo/duo-buildroot-sdk/issues/8", "github-issue"),
        ("https://github.com/minio/operator/issues/1100", "github-issue"),
        ("https://github.com/minio/operator/pull/2056", "github-pull"),
        (
            "https://github.com/orangecms/oreboot/blob/all-the-things-wip/src/mainboard/spacemit/k1x/bt0/src/dram.rs",
            "github-file",
        ),
        ("https://github.com/orangecms/sg_boot", "github-repo"),
        ("https://github.com/pfarwsi/zephyr-visionfive2/tree/visionfive2", "github-file"),
        ("https://github.com/platform-system-interface/dtvis/", "github-repo"),
        ("https://github.com/platform-system-interface/ems", "github-repo"),
        ("https://github.com/platform-system-interface/fastboot", "github-repo"),
        ("https://github.com/racklet/", "github-owner"),
        ("https://github.com/signaloid/C0-microSD-Hardware", "github-repo"),
        ("https://github.com/twelho/talos-bootstrap", "github-repo"),
        ("https://github.com/zephyrproject-rtos/zephyr/pull/70514", "github-pull"),
        ("https://hackmd.io/xsZjT3XtS2GzG-8ewl8lRg", "hackmd"),
        ("https://hackmd.io/xsZjT3XtS2GzG-8ewl8lRg/badge", "hackmd"),
        ("https://hostile.education/regis-demo-mountainbytes2024.webm", "page"),
        ("https://jitsi.hamburg.ccc.de/racklet-community", "page"),
        ("https://kubernetes-csi.github.io/docs/", "page"),
        ("https://kubernetes.io/docs/concepts/services-networking/gateway/", "page"),
        ("https://lwn.net/Articles/236206/", "page"),
        ("https://mastodon.social/@CyReVolt/111784797440445427", "mastodon"),
        ("https://mastodon.social/@CyReVolt/111802036890714525", "mastodon"),
        ("https://mastodon.social/@CyReVolt/112430910613557486", "mastodon"),
        ("https://meet.ffmuc.net/racklet-community", "page"),
        ("https://osfw.slack.com/messages/racklet/", "page"),
        ("https://rook.io/docs/rook/latest/CRDs/Cluster/pvc-cluster/", "page"),
        ("https://secrets-store-csi-driver.sigs.k8s.io/", "page"),
        ("https://sipeed.com/licheepi4a", "page"),
        ("https://www.cni.dev/", "page"),
        (
            "https://www.hackster.io/news/def-con-32-s-raspberry-pi-rp2350-powered-badge-sits-at-the-center-of-a-major-disagreement-05e96385a3dc",
            "page",
        ),
        ("https://www.kicad.org/blog/2024/02/Version-8.0.0-Released/", "page"),
        ("https://www.shelly.com/en-fi/products/product-overview/shelly-plus-plug-s", "page"),
        ("https://www.syslets.com/", "page"),
        (
            "https://www.techpowerup.com/325522/akeana-exits-stealth-mode-with-comprehensive-risc-v-processor-portfolio",
            "page",
        ),
        (
            "https://www.youtube.com/watch?v=nq9jS2R7MxY&list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF&pp=gAQBiAQB",
            "youtube",
        ),
    ];

    #[test]
    fn real_notes_urls_get_their_kinds() {
        for (url, expected) in NOTES_URLS {
            assert_eq!(slug(url), *expected, "{url}");
            let p = preview(url);
            assert_eq!(p.kind.slug(), *expected, "{url}");
            assert!(!p.title.is_empty() && !p.site.is_empty(), "{url}: {p:?}");
        }
    }

    /// Guards against notes gaining a link this module mangles: every http(s)
    /// URL in the built-in notes is a followable link with a usable preview.
    #[test]
    fn every_url_in_the_built_in_notes_is_safe_and_titled() {
        let notes = include_str!("../../../data/notes/racklet-2024.md");
        let mut found = 0;
        for (i, _) in notes.match_indices("http") {
            let s = &notes[i..];
            if !(s.starts_with("https://") || s.starts_with("http://")) {
                continue;
            }
            let end = s
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>'))
                .unwrap_or(s.len());
            let p = preview(&s[..end]);
            assert_ne!(p.kind, LinkKind::Unsafe, "{}", &s[..end]);
            assert!(!p.title.is_empty() && p.title.chars().count() <= MAX_TITLE);
            found += 1;
        }
        assert!(found >= NOTES_URLS.len());
    }

    #[test]
    fn github_repository_variants() {
        let want = repo("racklet", "racklet");
        for url in [
            "https://github.com/racklet/racklet",
            "https://github.com/racklet/racklet/",
            "https://github.com/racklet/racklet.git",
            "https://www.github.com/racklet/racklet?tab=readme-ov-file#readme",
            "http://github.com/racklet/racklet?tab=readme",
            "https://github.com:443/racklet/racklet",
            "https://github.com./racklet/racklet",
        ] {
            assert_eq!(classify(url), want, "{url}");
        }
        assert_eq!(
            classify("HTTPS://GitHub.COM/Racklet/Racklet"),
            repo("Racklet", "Racklet")
        );
        let p = preview("https://github.com/orangecms/oreboot");
        assert_eq!(p.title, "orangecms/oreboot");
        assert_eq!(p.site, "github.com");
        assert_eq!(p.subtitle, None);
        assert_eq!(
            p.image.as_deref(),
            Some("https://opengraph.githubassets.com/1/orangecms/oreboot")
        );
        // Other repository pages stay the repository, with the page as subtitle.
        let p = preview("https://github.com/racklet/racklet/wiki/Home");
        assert_eq!((p.kind, p.subtitle.as_deref()), (want, Some("wiki/Home")));
    }

    #[test]
    fn github_issues_pulls_commits_and_releases() {
        let p = preview("https://github.com/minio/operator/issues/1100");
        assert_eq!(
            p.kind,
            LinkKind::GithubIssue {
                owner: "minio".into(),
                repo: "operator".into(),
                number: 1100
            }
        );
        assert_eq!(p.title, "minio/operator #1100");
        assert_eq!(
            p.image.as_deref(),
            Some("https://opengraph.githubassets.com/1/minio/operator")
        );
        let p = preview("https://github.com/minio/operator/pull/2056/files#diff-abc");
        assert_eq!(
            p.kind,
            LinkKind::GithubPull {
                owner: "minio".into(),
                repo: "operator".into(),
                number: 2056
            }
        );
        assert_eq!(p.title, "minio/operator PR #2056");
        // Lists and non-numbers are repository pages; overflow too.
        assert_eq!(slug("https://github.com/minio/operator/issues"), "github-repo");
        assert_eq!(slug("https://github.com/minio/operator/pull/new"), "github-repo");
        assert_eq!(
            slug("https://github.com/minio/operator/issues/99999999999999999999999"),
            "github-repo"
        );

        let p = preview("https://github.com/oreboot/oreboot/commit/4f2d8a1c0b9e7d6f5a4b3c2d1e0f9a8b7c6d5e4f");
        assert_eq!(p.kind.slug(), "github-commit");
        assert_eq!(
            (p.title.as_str(), p.subtitle.as_deref()),
            ("oreboot/oreboot", Some("4f2d8a1"))
        );
        assert_eq!(
            slug("https://github.com/oreboot/oreboot/commit/not-a-sha"),
            "github-repo"
        );

        let release = |tag: Option<&str>| LinkKind::GithubRelease {
            owner: "racklet".into(),
            repo: "racklet".into(),
            tag: tag.map(Into::into),
        };
        assert_eq!(classify("https://github.com/racklet/racklet/releases"), release(None));
        assert_eq!(
            classify("https://github.com/racklet/racklet/releases/latest"),
            release(None)
        );
        assert_eq!(
            classify("https://github.com/racklet/racklet/releases/tag/v1.0"),
            release(Some("v1.0"))
        );
        assert_eq!(
            classify("https://github.com/racklet/racklet/releases/download/v2/a.zip"),
            release(Some("v2"))
        );
        assert_eq!(
            preview("https://github.com/racklet/racklet/releases/tag/v1.0").title,
            "racklet/racklet v1.0"
        );
    }

    #[test]
    fn github_files_and_trees() {
        let url =
            "https://github.com/orangecms/oreboot/blob/all-the-things-wip/src/mainboard/spacemit/k1x/bt0/src/dram.rs";
        let p = preview(url);
        assert_eq!(
            p.kind,
            LinkKind::GithubFile {
                owner: "orangecms".into(),
                repo: "oreboot".into(),
                git_ref: "all-the-things-wip".into(),
                path: "src/mainboard/spacemit/k1x/bt0/src/dram.rs".into(),
            }
        );
        assert_eq!(p.title, "orangecms/oreboot: src/mainboard/spacemit/k1x/bt0/src/dram.rs");
        assert_eq!(p.subtitle.as_deref(), Some("all-the-things-wip"));
        let p = preview(&format!("{url}#L10-L20"));
        assert_eq!(p.subtitle.as_deref(), Some("all-the-things-wip · lines 10–20"));
        assert_eq!(
            preview(&format!("{url}#L7")).subtitle.as_deref(),
            Some("all-the-things-wip · line 7")
        );
        // A bare tree/<ref> is a GithubFile with an empty path.
        let p = preview("https://github.com/pfarwsi/zephyr-visionfive2/tree/visionfive2");
        assert_eq!(
            p.kind,
            LinkKind::GithubFile {
                owner: "pfarwsi".into(),
                repo: "zephyr-visionfive2".into(),
                git_ref: "visionfive2".into(),
                path: String::new(),
            }
        );
        assert_eq!(
            (p.title.as_str(), p.subtitle.as_deref()),
            ("pfarwsi/zephyr-visionfive2", Some("visionfive2"))
        );
        // Path segments are percent-decoded.
        let p = preview("https://github.com/a/b/blob/main/docs/read%20me.md");
        assert_eq!(p.title, "a/b: docs/read me.md");
        assert_eq!(slug("https://github.com/a/b/tree"), "github-repo");
    }

    #[test]
    fn github_owners_and_reserved_pages() {
        let owner = |o: &str| LinkKind::GithubOwner { owner: o.into() };
        assert_eq!(classify("https://github.com/racklet/"), owner("racklet"));
        assert_eq!(classify("https://github.com/racklet"), owner("racklet"));
        assert_eq!(
            classify("https://github.com/racklet?tab=repositories"),
            owner("racklet")
        );
        assert_eq!(classify("https://github.com/orgs/racklet/people"), owner("racklet"));
        assert_eq!(preview("https://github.com/racklet/").title, "racklet");
        assert_eq!(preview("https://github.com/racklet/").image, None);
        for url in [
            "https://github.com/",
            "https://github.com/settings",
            "https://github.com/settings/profile",
            "https://github.com/orgs",
            "https://github.com/sponsors/racklet",
            "https://github.com/topics/risc-v",
            "https://github.com/marketplace",
            "https://github.com/features/actions",
            "https://github.com/about",
            "https://github.com/login?return_to=x",
            "https://github.com/apps/dependabot",
            "https://github.com/Settings",
            "https://github.com/under_score/x",
        ] {
            assert_eq!(slug(url), "page", "{url}");
        }
        assert_eq!(preview("https://github.com/").title, "github.com");
        assert_eq!(preview("https://github.com/topics/risc-v").title, "Risc v");
    }

    #[test]
    fn gists() {
        let p = preview("https://gist.github.com/orangecms/8624aa82bab4931f787b5eee572f7668");
        assert_eq!(
            p.kind,
            LinkKind::GithubGist {
                user: Some("orangecms".into()),
                id: "8624aa82bab4931f787b5eee572f7668".into()
            }
        );
        assert_eq!(p.title, "Gist by orangecms");
        assert_eq!(
            classify("https://gist.github.com/8624aa82bab4931f787b5eee572f7668"),
            LinkKind::GithubGist {
                user: None,
                id: "8624aa82bab4931f787b5eee572f7668".into()
            }
        );
        assert_eq!(slug("https://gist.github.com/orangecms"), "page");
    }

    #[test]
    fn mastodon_posts() {
        let p = preview("https://mastodon.social/@CyReVolt/112430910613557486");
        assert_eq!(
            p.kind,
            LinkKind::Mastodon {
                instance: "mastodon.social".into(),
                user: "CyReVolt".into(),
                id: "112430910613557486".into()
            }
        );
        assert_eq!(p.title, "@CyReVolt on mastodon.social");
        assert_eq!(slug("https://chaos.social/users/someone/statuses/123"), "mastodon");
        assert_eq!(slug("https://fosstodon.org/@someone"), "page");
        assert_eq!(slug("https://medium.com/@someone/a-story-05e96385a3dc"), "page");
    }

    #[test]
    fn youtube_videos_and_playlists() {
        let video = LinkKind::YouTube {
            id: "nq9jS2R7MxY".into(),
        };
        for url in [
            "https://www.youtube.com/watch?v=nq9jS2R7MxY&list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF&pp=gAQBiAQB",
            "https://youtube.com/watch?feature=share&v=nq9jS2R7MxY#t=30",
            "https://m.youtube.com/watch?v=nq9jS2R7MxY",
            "https://youtu.be/nq9jS2R7MxY?si=abc&t=42",
            "https://www.youtube.com/shorts/nq9jS2R7MxY",
            "https://www.youtube.com/embed/nq9jS2R7MxY?start=10",
            "https://www.youtube-nocookie.com/embed/nq9jS2R7MxY",
        ] {
            assert_eq!(classify(url), video, "{url}");
        }
        let p = preview(NOTES_URLS.last().unwrap().0);
        assert_eq!(p.title, "YouTube video nq9jS2R7MxY");
        assert_eq!(p.site, "youtube.com");
        assert_eq!(
            p.subtitle.as_deref(),
            Some("from playlist PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF")
        );
        assert_eq!(
            p.image.as_deref(),
            Some("https://i.ytimg.com/vi/nq9jS2R7MxY/hqdefault.jpg")
        );

        let list = LinkKind::YouTubePlaylist {
            list: "PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF".into(),
        };
        assert_eq!(
            classify("https://www.youtube.com/playlist?list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF"),
            list
        );
        assert_eq!(
            classify("https://www.youtube.com/watch?list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF"),
            list
        );
        assert_eq!(
            preview("https://www.youtube.com/playlist?list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF").image,
            None
        );
        // Ids that could smuggle anything into the thumbnail URL are not videos.
        assert_eq!(slug("https://www.youtube.com/watch?v=../../x%2F"), "page");
        assert_eq!(slug("https://youtu.be/"), "page");
        assert_eq!(slug("https://www.youtube.com/@somechannel"), "page");
    }

    #[test]
    fn mailing_list_threads() {
        let lore = preview("https://lore.kernel.org/linux-riscv/20240101.123456-1-dev%40example.org/");
        assert_eq!(
            lore.kind,
            LinkKind::LoreThread {
                list: "linux-riscv".into(),
                message_id: "20240101.123456-1-dev@example.org".into()
            }
        );
        assert_eq!(lore.title, "Thread on linux-riscv");
        assert_eq!(lore.subtitle.as_deref(), Some("20240101.123456-1-dev@example.org"));
        assert_eq!(slug("https://lore.kernel.org/all/abc@example.org/T/#u"), "mailing-list");
        assert_eq!(
            classify("https://lkml.kernel.org/r/abc@example.org"),
            LinkKind::LoreThread {
                list: "lkml".into(),
                message_id: "abc@example.org".into()
            }
        );
        assert_eq!(
            classify("https://lkml.org/lkml/2024/1/15/123"),
            LinkKind::LoreThread {
                list: "lkml".into(),
                message_id: "2024/1/15/123".into()
            }
        );
        assert_eq!(slug("https://lore.kernel.org/linux-riscv/"), "page");
        assert_eq!(slug("https://lore.kernel.org/linux-riscv/_/text/help/"), "page");
        assert_eq!(slug("https://lkml.org/lkml/2024/1/"), "page");
    }

    #[test]
    fn hackmd_notes() {
        let p = preview("https://hackmd.io/xsZjT3XtS2GzG-8ewl8lRg");
        assert_eq!(
            p.kind,
            LinkKind::HackMd {
                id: "xsZjT3XtS2GzG-8ewl8lRg".into()
            }
        );
        assert_eq!(p.title, "HackMD note xsZjT3XtS2GzG-8ewl8lRg");
        assert_eq!(classify("https://hackmd.io/xsZjT3XtS2GzG-8ewl8lRg/badge"), p.kind);
        assert_eq!(classify("https://hackmd.io/s/xsZjT3XtS2GzG-8ewl8lRg"), p.kind);
        let p = preview("https://hackmd.io/@racklet/meeting-notes");
        assert_eq!(
            p.kind,
            LinkKind::HackMd {
                id: "@racklet/meeting-notes".into()
            }
        );
        assert_eq!(
            (p.title.as_str(), p.subtitle.as_deref()),
            ("Meeting notes", Some("@racklet"))
        );
        assert_eq!(slug("https://hackmd.io/login"), "page");
    }

    #[test]
    fn wikipedia_articles() {
        let p = preview("https://en.wikipedia.org/wiki/RISC-V");
        assert_eq!(
            p.kind,
            LinkKind::Wikipedia {
                lang: "en".into(),
                title: "RISC-V".into()
            }
        );
        assert_eq!(p.title, "RISC-V");
        let p = preview("https://de.m.wikipedia.org/wiki/Stra%C3%9Fe_(Verkehr)#Geschichte");
        assert_eq!(
            p.kind,
            LinkKind::Wikipedia {
                lang: "de".into(),
                title: "Straße (Verkehr)".into()
            }
        );
        assert_eq!(p.subtitle.as_deref(), Some("Geschichte"));
        assert_eq!(preview("https://en.wikipedia.org/wiki/AC/DC").title, "AC/DC");
        assert_eq!(slug("https://en.wikipedia.org/"), "page");
        assert_eq!(slug("https://www.wikipedia.org/wiki/X"), "page");
    }

    #[test]
    fn pdfs() {
        let p = preview("https://example.org/papers/Open_Firmware-2024.PDF");
        assert_eq!(
            p.kind,
            LinkKind::Pdf {
                site: "example.org".into(),
                file: "Open_Firmware-2024.PDF".into()
            }
        );
        assert_eq!(p.title, "Open Firmware 2024");
        assert_eq!(preview("https://example.org/100%2541.pdf").title, "100%41");
        let p = preview("http://127.0.0.1:8080/a.pdf");
        assert_eq!(
            p.kind,
            LinkKind::Pdf {
                site: "127.0.0.1:8080".into(),
                file: "a.pdf".into()
            }
        );
        assert_eq!(p.site, "127.0.0.1:8080");
        assert_eq!(slug("https://example.org/a.pdf/"), "page");
        // Known hosts win: a PDF in a repository is a GitHub file.
        assert_eq!(slug("https://github.com/a/b/blob/main/spec.pdf"), "github-file");
    }

    #[test]
    fn page_titles() {
        let p = preview(
            "https://www.hackster.io/news/def-con-32-s-raspberry-pi-rp2350-powered-badge-sits-at-the-center-of-a-major-disagreement-05e96385a3dc",
        );
        assert_eq!(
            p.kind,
            LinkKind::Page {
                site: "hackster.io".into()
            }
        );
        assert_eq!(p.site, "hackster.io");
        assert_eq!(
            p.title,
            "Def con 32 s raspberry pi rp2350 powered badge sits at the center of a major disagreement"
        );
        assert!(p.subtitle.unwrap().chars().count() <= MAX_PATH);
        let title = |url: &str| preview(url).title;
        assert_eq!(
            title("https://www.kicad.org/blog/2024/02/Version-8.0.0-Released/"),
            "Version 8.0.0 Released"
        );
        assert_eq!(
            title("https://c0-microsd-docs.signaloid.io/hardware-overview/communication-over-sd-interface.html"),
            "Communication over sd interface"
        );
        assert_eq!(title("https://www.syslets.com/"), "syslets.com");
        assert_eq!(title("https://example.org/news/12345/index.html"), "News");
        assert_eq!(title("https://example.org/2024/"), "example.org");
        assert_eq!(title("https://example.org/a%20b%2Fc"), "A b/c");
        assert_eq!(preview("https://www.syslets.com/").subtitle, None);
    }

    #[test]
    fn mail_links() {
        let p = preview("mailto:racklet@example.org?subject=Hi");
        assert_eq!(
            p.kind,
            LinkKind::Mail {
                address: "racklet@example.org".into()
            }
        );
        assert_eq!(
            (p.site.as_str(), p.title.as_str()),
            ("example.org", "racklet@example.org")
        );
        assert_eq!(
            classify("MAILTO:a%40b.example"),
            LinkKind::Mail {
                address: "a@b.example".into()
            }
        );
        assert_eq!(classify("mailto:"), LinkKind::Unsafe);
        assert_eq!(classify("mailto:a@b.example%0ABcc:x@y"), LinkKind::Unsafe);
    }

    #[test]
    fn hostile_schemes_are_unsafe() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(document.cookie)",
            "  javascript:alert(1)",
            "\t\n javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example",
            "//evil.example:8080/x",
            "/relative/path",
            "relative.html",
            "evil.example",
            "",
            "   ",
            "https://",
            "http:///",
            "https://user@/x",
            "https://exa mple.org/",
            "https://example.org:99999/",
            "https://example.org:80a/",
            "https://[::1]evil/",
            "https://a<b/",
            "ftp://example.org/",
            "blob:https://example.org/uuid",
        ] {
            let p = preview(url);
            assert_eq!(p.kind, LinkKind::Unsafe, "{url:?}");
            assert_eq!(
                (p.title.as_str(), p.site.as_str(), p.image.as_ref()),
                ("Unsafe link", "", None)
            );
        }
    }

    #[test]
    fn hosts_are_where_the_browser_goes() {
        // Userinfo never decides the host, even with several `@`.
        let p = preview("https://github.com@evil.example/racklet/racklet");
        assert_eq!((p.kind.slug(), p.site.as_str()), ("page", "evil.example"));
        assert_eq!(slug("https://github.com:pw@evil.example/a/b"), "page");
        assert_eq!(slug("https://a@github.com@evil.example/a/b"), "page");
        // A backslash ends the authority in browsers, so this goes to evil.example.
        assert_eq!(preview("https://evil.example\\@github.com/a/b").site, "evil.example");
        assert_eq!(preview("https://evil.example#@github.com/a/b").site, "evil.example");
        assert_eq!(slug("https://github.com.evil.example/a/b"), "page");
        // Browsers accept missing or extra slashes and backslashes after the scheme.
        assert_eq!(classify("https:github.com/a/b"), repo("a", "b"));
        assert_eq!(classify("https:\\\\github.com\\a\\b"), repo("a", "b"));
        assert_eq!(classify(" https://github.com/a/b \n"), repo("a", "b"));
        // Dot segments resolve before classification.
        assert_eq!(
            classify("https://github.com/evil/../racklet/racklet"),
            repo("racklet", "racklet")
        );
        assert_eq!(
            classify("https://github.com/a/%2E%2E/racklet/./racklet"),
            repo("racklet", "racklet")
        );
        // IPv6 literals and ports.
        assert_eq!(preview("http://[::1]:8080/notes").site, "[::1]:8080");
        assert_eq!(slug("http://[::1]/"), "page");
    }

    #[test]
    fn unicode_and_punycode_hosts_are_pages() {
        let p = preview("https://bücher.example/straße");
        assert_eq!(
            p.kind,
            LinkKind::Page {
                site: "bücher.example".into()
            }
        );
        assert_eq!(p.title, "Straße");
        let p = preview("https://xn--bcher-kva.example/");
        assert_eq!(
            (p.kind.slug(), p.site.as_str(), p.title.as_str()),
            ("page", "xn--bcher-kva.example", "xn--bcher-kva.example")
        );
        assert_eq!(preview("HTTPS://WWW.EXAMPLE.ORG/").site, "example.org");
        assert_eq!(preview("https://BÜCHER.example/").site, "bücher.example");
        assert_eq!(preview("https://en.wikipedia.org/wiki/%00").title, "en.wikipedia.org");
    }

    #[test]
    fn decoding_never_panics_and_keeps_bad_escapes() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("a%"), "a%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(decode("%C3%9F"), "ß");
        assert_eq!(decode("%FF%C3"), "\u{FFFD}\u{FFFD}");
        assert_eq!(preview("https://example.org/%E2%82").title, "\u{FFFD}");
    }

    #[test]
    fn titles_cannot_spoof_or_overflow() {
        // Bidi overrides and control characters from %-escapes become spaces.
        let p = preview("https://example.org/evil%E2%80%AEfdp.exe%00%0Aname");
        assert!(
            !p.title.contains('\u{202e}') && !p.title.chars().any(char::is_control),
            "{:?}",
            p.title
        );
        let long = format!("https://example.org/{}", "ä".repeat(500));
        let p = preview(&long);
        assert_eq!(p.title.chars().count(), MAX_TITLE);
        assert!(p.title.ends_with('…'));
    }

    #[test]
    fn very_long_urls_are_linear_and_truncated() {
        let n = 100 * 1024;
        let inputs = [
            format!("https://example.org/{}", "word-".repeat(n / 5)),
            format!("https://example.org/{}", "/".repeat(n)),
            format!("https://example.org/{}", "%".repeat(n)),
            format!("https://example.org/{}", "1/".repeat(n / 2)),
            format!("https://example.org/{}", "../".repeat(n / 3)),
            format!("https://{}example.org/", "@".repeat(n)),
            format!("https://github.com/a/b/blob/main/{}", "x/".repeat(n / 2)),
            format!("https://www.youtube.com/watch?{}", "&".repeat(n)),
            format!("https://{}", "a".repeat(n)),
            format!("{}javascript:alert(1)", " ".repeat(n)),
            format!("mailto:{}@example.org", "a".repeat(n)),
            "x".repeat(n),
        ];
        let start = std::time::Instant::now();
        for url in &inputs {
            let p = preview(url);
            assert!(p.title.chars().count() <= MAX_TITLE, "{:?}", p.kind.slug());
            assert!(p.subtitle.map_or(0, |s| s.chars().count()) <= MAX_TITLE);
            classify(url);
        }
        // Quadratic work on 100 KB would take many seconds even in release builds.
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn garbage_never_panics() {
        let parts = ": https: // \\ @ [ ] % %e2 ä ? # / . .. gh.com github.com @x 1 j"
            .split(' ')
            .chain([""]);
        let parts: Vec<&str> = parts.collect();
        for a in &parts {
            for b in &parts {
                for c in &parts {
                    for d in &parts {
                        let url = format!("{a}{b}{c}{d}");
                        let p = preview(&url);
                        assert_eq!(p.kind, classify(&url), "{url:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn slugs_and_labels_are_distinct() {
        let kinds = [
            repo("a", "b"),
            LinkKind::GithubIssue {
                owner: "a".into(),
                repo: "b".into(),
                number: 1,
            },
            LinkKind::GithubPull {
                owner: "a".into(),
                repo: "b".into(),
                number: 1,
            },
            LinkKind::GithubCommit {
                owner: "a".into(),
                repo: "b".into(),
                sha: "abcdef0".into(),
            },
            LinkKind::GithubFile {
                owner: "a".into(),
                repo: "b".into(),
                git_ref: "m".into(),
                path: String::new(),
            },
            LinkKind::GithubRelease {
                owner: "a".into(),
                repo: "b".into(),
                tag: None,
            },
            LinkKind::GithubOwner { owner: "a".into() },
            LinkKind::GithubGist {
                user: None,
                id: "abc12".into(),
            },
            LinkKind::Mastodon {
                instance: "i".into(),
                user: "u".into(),
                id: "1".into(),
            },
            LinkKind::YouTube { id: "x".into() },
            LinkKind::YouTubePlaylist { list: "x".into() },
            LinkKind::LoreThread {
                list: "l".into(),
                message_id: "m".into(),
            },
            LinkKind::HackMd { id: "x".into() },
            LinkKind::Wikipedia {
                lang: "en".into(),
                title: "x".into(),
            },
            LinkKind::Pdf {
                site: "s".into(),
                file: "f".into(),
            },
            LinkKind::Page { site: "s".into() },
            LinkKind::Mail { address: "a@b".into() },
            LinkKind::Unsafe,
        ];
        let slugs: std::collections::HashSet<_> = kinds.iter().map(LinkKind::slug).collect();
        let labels: std::collections::HashSet<_> = kinds.iter().map(LinkKind::label).collect();
        assert_eq!((slugs.len(), labels.len()), (kinds.len(), kinds.len()));
        assert_eq!(LinkKind::GithubOwner { owner: "a".into() }.label(), "GitHub profile");
        assert_eq!(
            LinkKind::LoreThread {
                list: "l".into(),
                message_id: "m".into()
            }
            .slug(),
            "mailing-list"
        );
    }

    #[test]
    fn only_web_and_mail_urls_are_safe_and_the_browser_s_reading_decides() {
        for safe in [
            "https://github.com/racklet",
            "HTTP://EXAMPLE.COM/x",
            "mailto:a@b.example",
            "https:\\\\example.com",
        ] {
            assert!(SafeUrl::parse(safe).is_some(), "{safe}");
        }
        assert!(SafeUrl::parse("mailto:a@b.example").unwrap().is_mail());
        for unsafe_ in [
            "javascript:alert(1)",
            " java\nscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "/relative/path",
            "//scheme-relative.example",
            "https://exa mple.com/",
            "https://[::1/",
        ] {
            assert!(SafeUrl::parse(unsafe_).is_none(), "{unsafe_:?}");
        }
        // Tabs and newlines inside are dropped, as the browser drops them.
        assert_eq!(
            SafeUrl::parse("https://exa\tmple.com/").unwrap().as_str(),
            "https://example.com/"
        );
    }

    #[test]
    fn a_host_with_a_kelvin_sign_is_shown_as_the_browser_visits_it() {
        // U+212A KELVIN SIGN: browsers map it to "k" in host names.
        assert_eq!(preview("https://\u{212A}ostal.example/docs").site, "kostal.example");
    }
}
