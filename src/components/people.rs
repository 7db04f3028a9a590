//! People as the reader sees them: a GitHub avatar, or initials where
//! there is no handle or the image cannot load. Plain functions, not
//! components: they have no state and are rendered many times.

use yew::prelude::*;

use notes::model::Person;

/// How an avatar's image is loaded.
#[derive(Clone, Copy, PartialEq)]
pub enum Load {
    /// Now (the filter chips: few, and on screen).
    Now,
    /// When its card comes near the screen: an archive shows thousands of
    /// avatars, and each image source set costs the browser a load to
    /// plan. `platform::avatars` sets `src` from `data-src` then.
    Near,
}

/// Initials sit under the image, so a failed image (offline, blocked)
/// leaves a clean circle with initials rather than a broken icon (one
/// listener for the whole page hides failed images: `platform::avatars`).
/// The initials are drawn by CSS from `data-initials`, and a card's
/// avatars are a single element each until their image is wanted: a long
/// archive holds thousands.
pub fn avatar(p: &Person, size: u32, load: Load) -> Html {
    let class = classes!("avatar", if size <= 20 { "s20" } else { "s24" });
    let src = p
        .handle()
        .map(|h| format!("https://github.com/{h}.png?size={}", size * 2));
    match load {
        Load::Now => html! {
            <span {class} aria-hidden="true" data-initials={p.initials()}>
                if let Some(src) = src { <img {src} alt="" loading="lazy" /> }
            </span>
        },
        Load::Near => html! {
            <span {class} aria-hidden="true" data-initials={p.initials()} data-src={src}></span>
        },
    }
}

/// Avatar and name, opening the person's page (their recaps, meetings and
/// hardware over the years).
pub fn person_name(p: &Person) -> Html {
    html! {
        <a class="person person-link" href={person_href(p)}>
            { avatar(p, 24, Load::Near) }
            { p.display_name().to_string() }
        </a>
    }
}

/// The person's page: `?view=person&person=<id>`.
pub fn person_href(p: &Person) -> String {
    format!("?view=person&person={}", p.slug)
}
