//! People as the reader sees them: a GitHub avatar, or initials where
//! there is no handle or the image cannot load. Plain functions, not
//! components: they have no state and are rendered many times.

use yew::prelude::*;

use notes::model::Person;

/// Initials sit under the image, so a failed image (offline, blocked)
/// leaves a clean circle with initials rather than a broken icon.
pub fn avatar(p: &Person, size: u32) -> Html {
    let onerror = Callback::from(|e: Event| {
        if let Some(img) = e.target_dyn_into::<web_sys::Element>() {
            let _ = img.set_attribute("hidden", "");
        }
    });
    html! {
        <span class="avatar" aria-hidden="true" style={format!("--size:{size}px")}>
            <span class="initials">{ p.initials() }</span>
            if let Some(handle) = p.handle() {
                <img src={format!("https://github.com/{handle}.png?size={}", size * 2)}
                     alt="" loading="lazy" width={size.to_string()} height={size.to_string()} {onerror} />
            }
        </span>
    }
}

/// Avatar and name, opening the person's page (their recaps, meetings and
/// hardware over the years).
pub fn person_name(p: &Person) -> Html {
    html! {
        <a class="person person-link" href={person_href(p)} title={format!("Everything from {}", p.display_name())}>
            { avatar(p, 24) }
            <span>{ p.display_name().to_string() }</span>
        </a>
    }
}

/// The person's page: `?view=person&person=<id>`.
pub fn person_href(p: &Person) -> String {
    format!("?view=person&person={}", p.slug)
}
