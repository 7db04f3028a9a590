//! What a link preview card shows. Tier 1 comes from the URL alone
//! ([`crate::links::preview`]); tier 2 from `previews.json`, made at build
//! time; tier 3 from the public GitHub API, asked lazily from the browser.
//! Each tier fills what the one before could not.

use crate::links::{preview, LinkKind};
use crate::previews::PreviewEntry;

/// An issue's or pull request's state, as the GitHub API reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    Open,
    Closed,
    Merged,
}

impl LiveState {
    pub fn label(self) -> &'static str {
        match self {
            LiveState::Open => "open",
            LiveState::Closed => "closed",
            LiveState::Merged => "merged",
        }
    }
}

/// Details from the GitHub API (tier 3).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Live {
    pub title: Option<String>,
    pub description: Option<String>,
    pub stars: Option<u64>,
    pub language: Option<String>,
    pub state: Option<LiveState>,
}

/// A preview card, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub url: String,
    pub kind: LinkKind,
    pub site: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub stars: Option<u64>,
    pub language: Option<String>,
    pub state: Option<LiveState>,
    /// The highest tier that contributed (1, 2 or 3).
    pub tier: u8,
}

const MAX_DESCRIPTION: usize = 300;

fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// Only web images: `og:image` comes from someone else's page.
fn web_image(url: &str) -> Option<String> {
    crate::links::SafeUrl::parse(url)
        .filter(|u| u.is_web())
        .map(|u| u.as_str().to_string())
}

/// The card for `url` from everything known about it.
pub fn compose(url: &str, tier2: Option<&PreviewEntry>, live: Option<&Live>) -> Card {
    let t1 = preview(url);
    let mut card = Card {
        url: url.to_string(),
        kind: t1.kind,
        site: t1.site,
        title: t1.title,
        subtitle: t1.subtitle,
        description: None,
        image: t1.image,
        stars: None,
        language: None,
        state: None,
        tier: 1,
    };
    if matches!(card.kind, LinkKind::Unsafe) {
        return card;
    }
    if let Some(entry) = tier2.filter(|e| e.is_ok()) {
        let mut used = false;
        // A GitHub page title repeats what the URL says; keep ours.
        let github = card.site == "github.com";
        if let Some(t) = entry.title.as_deref().filter(|t| !t.trim().is_empty() && !github) {
            card.subtitle = Some(card.title.clone());
            card.title = clip(t, 120);
            used = true;
        }
        if let Some(d) = entry.description.as_deref().filter(|d| !d.trim().is_empty()) {
            card.description = Some(clip(d, MAX_DESCRIPTION));
            used = true;
        }
        if card.image.is_none() {
            card.image = entry.image.as_deref().and_then(web_image);
            used |= card.image.is_some();
        }
        if let Some(s) = entry.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
            card.site = format!("{} · {}", clip(s, 40), card.site);
            used = true;
        }
        if used {
            card.tier = 2;
        }
    }
    if let Some(live) = live {
        if let Some(t) = &live.title {
            card.subtitle = Some(card.title.clone());
            card.title = clip(t, 120);
        }
        if let Some(d) = &live.description {
            card.description = Some(clip(d, MAX_DESCRIPTION));
        }
        card.stars = live.stars.or(card.stars);
        card.language = live.language.clone().or(card.language);
        card.state = live.state.or(card.state);
        card.tier = 3;
    }
    card
}

/// The GitHub API path for a link worth asking about live: repositories,
/// issues and pull requests.
pub fn live_path(kind: &LinkKind) -> Option<String> {
    let safe = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    match kind {
        LinkKind::GithubRepo { owner, repo } if safe(owner) && safe(repo) => Some(format!("/repos/{owner}/{repo}")),
        LinkKind::GithubIssue { owner, repo, number } if safe(owner) && safe(repo) => {
            Some(format!("/repos/{owner}/{repo}/issues/{number}"))
        }
        LinkKind::GithubPull { owner, repo, number } if safe(owner) && safe(repo) => {
            Some(format!("/repos/{owner}/{repo}/pulls/{number}"))
        }
        _ => None,
    }
}

/// The fields of a GitHub API answer that previews use, for repositories
/// (`/repos/o/r`) and for issues and pull requests (`…/issues/n`,
/// `…/pulls/n`). Read with serde in the browser; unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct GithubAnswer {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub stargazers_count: Option<u64>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub merged: Option<bool>,
    #[serde(default)]
    pub merged_at: Option<String>,
}

impl Live {
    /// What a GitHub API answer tells about a link of this kind.
    pub fn from_answer(kind: &LinkKind, answer: GithubAnswer) -> Live {
        let non_empty = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        match kind {
            LinkKind::GithubRepo { .. } => Live {
                description: non_empty(answer.description),
                stars: answer.stargazers_count,
                language: non_empty(answer.language),
                ..Live::default()
            },
            _ => {
                let merged = answer.merged == Some(true) || non_empty(answer.merged_at).is_some();
                let state = match answer.state.as_deref() {
                    _ if merged => Some(LiveState::Merged),
                    Some("open") => Some(LiveState::Open),
                    Some("closed") => Some(LiveState::Closed),
                    _ => None,
                };
                Live {
                    title: non_empty(answer.title),
                    state,
                    ..Live::default()
                }
            }
        }
    }
}
