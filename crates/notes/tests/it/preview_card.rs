//! What a preview card shows, tier by tier.

use notes::links::{classify, LinkKind};
use notes::preview::{compose, live_path, GithubAnswer, Live, LiveState};
use notes::previews::PreviewEntry;

#[test]
fn tier_one_is_the_url_alone() {
    let card = compose("https://github.com/orangecms/sg_boot", None, None);
    assert_eq!(
        (card.tier, card.title.as_str(), card.kind.slug()),
        (1, "orangecms/sg_boot", "github-repo")
    );
    assert_eq!(
        card.image.as_deref(),
        Some("https://opengraph.githubassets.com/1/orangecms/sg_boot")
    );
    let video = compose("https://youtu.be/nq9jS2R7MxY", None, None);
    assert_eq!(
        video.image.as_deref(),
        Some("https://i.ytimg.com/vi/nq9jS2R7MxY/hqdefault.jpg")
    );
}

#[test]
fn tier_two_fills_what_the_url_could_not() {
    let mut entry = PreviewEntry::ok("https://lwn.net/Articles/236206/", 200);
    entry.title = Some("Syslets, generic AIO".into());
    entry.description = Some("  An article\\nabout   syslets. ".replace("\\n", "\n"));
    entry.image = Some("javascript:alert(1)".into());
    entry.site_name = Some("LWN.net".into());
    let card = compose("https://lwn.net/Articles/236206/", Some(&entry), None);
    assert_eq!(card.tier, 2);
    assert_eq!(card.title, "Syslets, generic AIO");
    assert_eq!(card.description.as_deref(), Some("An article about syslets."));
    assert_eq!(card.image, None, "only web images");
    assert_eq!(card.site, "LWN.net · lwn.net");
    // A failed fetch adds nothing.
    let failed = PreviewEntry::error("HTTP 404");
    assert_eq!(compose("https://lwn.net/Articles/236206/", Some(&failed), None).tier, 1);
}

#[test]
fn tier_three_adds_live_github_details() {
    let live = Live {
        description: Some("Device tree visualizer".into()),
        stars: Some(57),
        language: Some("TypeScript".into()),
        ..Live::default()
    };
    let card = compose("https://github.com/platform-system-interface/dtvis/", None, Some(&live));
    assert_eq!(
        (card.tier, card.stars, card.language.as_deref()),
        (3, Some(57), Some("TypeScript"))
    );
}

#[test]
fn only_repositories_issues_and_pull_requests_are_asked_about_live() {
    let path = |u: &str| live_path(&classify(u));
    assert_eq!(
        path("https://github.com/minio/operator/pull/2056").as_deref(),
        Some("/repos/minio/operator/pulls/2056")
    );
    assert_eq!(
        path("https://github.com/minio/operator/issues/1100").as_deref(),
        Some("/repos/minio/operator/issues/1100")
    );
    assert_eq!(
        path("https://github.com/littlekernel/lk").as_deref(),
        Some("/repos/littlekernel/lk")
    );
    assert_eq!(
        path("https://github.com/racklet/"),
        None,
        "profiles are not asked about"
    );
    assert_eq!(path("https://mastodon.social/@CyReVolt/111784797440445427"), None);
}

#[test]
fn live_answers_are_read_into_state_title_stars_and_language() {
    let pr = LinkKind::GithubPull {
        owner: "o".into(),
        repo: "r".into(),
        number: 1,
    };
    let answer = |json: &str| serde_json::from_str::<GithubAnswer>(json).expect("a GitHub answer");
    let merged = Live::from_answer(
        &pr,
        answer(r#"{"title": "Fix it", "state": "closed", "merged": true, "number": 1, "user": {"login": "o"}}"#),
    );
    assert_eq!(
        (merged.title.as_deref(), merged.state),
        (Some("Fix it"), Some(LiveState::Merged))
    );
    let open = Live::from_answer(&pr, answer(r#"{"title": "WIP", "state": "open", "merged": false}"#));
    assert_eq!(open.state, Some(LiveState::Open));
    let issue_closed_by_merge = Live::from_answer(
        &pr,
        answer(r#"{"state": "closed", "merged_at": "2024-05-01T00:00:00Z"}"#),
    );
    assert_eq!(issue_closed_by_merge.state, Some(LiveState::Merged));
    let repo = LinkKind::GithubRepo {
        owner: "o".into(),
        repo: "r".into(),
    };
    let r = Live::from_answer(
        &repo,
        answer(r#"{"description": null, "stargazers_count": 12, "language": "Rust", "topics": ["x"]}"#),
    );
    assert_eq!(
        (r.description, r.stars, r.language.as_deref()),
        (None, Some(12), Some("Rust"))
    );
}
