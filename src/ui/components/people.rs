//! People as the reader sees them: a GitHub avatar, or initials where
//! there is no handle or the image cannot load.

use yew::prelude::*;

use crate::model::Person;

#[derive(Properties, PartialEq, Clone)]
pub struct AvatarProps {
    pub person: Person,
    #[prop_or(24)]
    pub size: u32,
}

/// Initials sit under the image, so a failed image (offline, blocked)
/// leaves a clean circle with initials rather than a broken icon.
#[component]
pub fn Avatar(props: &AvatarProps) -> Html {
    let p = &props.person;
    let size = props.size.to_string();
    let onerror = Callback::from(|e: Event| {
        if let Some(img) = e.target_dyn_into::<web_sys::Element>() {
            let _ = img.set_attribute("hidden", "");
        }
    });
    html! {
        <span class="avatar" aria-hidden="true" style={format!("--size:{}px", props.size)}>
            <span class="initials">{ p.initials() }</span>
            if let Some(handle) = p.handle() {
                <img src={format!("https://github.com/{handle}.png?size={}", props.size * 2)}
                     alt="" loading="lazy" width={size.clone()} height={size} {onerror} />
            }
        </span>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PersonChipProps {
    pub person: Person,
}

/// Avatar and name, linking to the GitHub profile when there is a handle.
#[component]
pub fn PersonName(props: &PersonChipProps) -> Html {
    let p = &props.person;
    let name = p.display_name().to_string();
    match p.handle() {
        Some(h) => html! {
            <a class="person ext" href={format!("https://github.com/{h}")} target="_blank" rel="noopener noreferrer"
               title={format!("@{h} on GitHub")}>
                <Avatar person={p.clone()} />
                <span>{ name }</span>
            </a>
        },
        None => html! {
            <span class="person"><Avatar person={p.clone()} /><span>{ name }</span></span>
        },
    }
}
