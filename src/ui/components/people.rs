//! People as the reader sees them: a GitHub avatar, or initials where
//! there is no handle or the image cannot load. Plain functions, not
//! components: they have no state and are rendered many times.

use yew::prelude::*;

use crate::model::Person;

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

/// Avatar and name, linking to the GitHub profile when there is a handle.
pub fn person_name(p: &Person) -> Html {
    let name = p.display_name().to_string();
    match p.handle() {
        Some(h) => html! {
            <a class="person ext" href={format!("https://github.com/{h}")} target="_blank" rel="noopener noreferrer"
               title={format!("@{h} on GitHub")}>
                { avatar(p, 24) }
                <span>{ name }</span>
            </a>
        },
        None => html! {
            <span class="person">{ avatar(p, 24) }<span>{ name }</span></span>
        },
    }
}
