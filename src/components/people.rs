//! People as the reader sees them: a GitHub avatar, or initials where
//! there is no handle or the image cannot load. Plain functions, not
//! components: they have no state and are rendered many times.

use yew::prelude::*;

use notes::model::Person;

/// Initials sit under the image, so a failed image (offline, blocked)
/// leaves a clean circle with initials rather than a broken icon (one
/// listener for the whole page hides failed images: `platform::avatars`).
/// The initials are drawn by CSS from `data-initials`. For the few avatars
/// shown alone (filter chips, a person's page); a card's people are
/// [`person_link`]s.
pub fn avatar(p: &Person, size: u32) -> Html {
    let class = classes!("avatar", if size <= 20 { "s20" } else { "s24" });
    html! {
        <span {class} aria-hidden="true" data-initials={p.initials()}>
            if let Some(src) = avatar_src(p, size) { <img {src} alt="" loading="lazy" /> }
        </span>
    }
}

fn avatar_src(p: &Person, size: u32) -> Option<String> {
    p.handle()
        .map(|h| format!("https://github.com/{h}.png?size={}", size * 2))
}

/// A link to the person's page, its avatar drawn by CSS before the name
/// (`data-initials`, and the image once `platform::avatars` has loaded
/// `data-src`). A long archive names people a few thousand times: an
/// avatar that is no element of its own keeps each card smaller to build.
/// `recap`: the name heading a recap.
pub fn person_link(p: &Person, recap: bool) -> Html {
    /// Per person: href, initials, image and name, made once and shared
    /// by the few thousand links to the same few dozen people (checked
    /// against the person, whose name or handle a reload may change). A
    /// list: a map's code would cost more than looking through a few dozen.
    struct Strings {
        slug: String,
        handle: Option<String>,
        /// href, initials, image, name.
        attrs: (AttrValue, AttrValue, Option<AttrValue>, AttrValue),
    }
    thread_local! {
        static PEOPLE: std::cell::RefCell<Vec<Strings>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let (href, initials, src, name) = PEOPLE.with(|people| {
        let mut people = people.borrow_mut();
        let at = people.iter().position(|s| s.slug == p.slug);
        match at {
            Some(i) if people[i].attrs.3 == p.display_name() && people[i].handle.as_deref() == p.handle() => {}
            _ => {
                let fresh = Strings {
                    slug: p.slug.clone(),
                    handle: p.handle().map(str::to_string),
                    attrs: (
                        person_href(p).into(),
                        p.initials().into(),
                        avatar_src(p, 24).map(AttrValue::from),
                        AttrValue::from(p.display_name().to_string()),
                    ),
                };
                match at {
                    Some(i) => people[i] = fresh,
                    None => people.push(fresh),
                }
            }
        }
        // Only the shared strings are copied out (counted references).
        people[at.unwrap_or(people.len() - 1)].attrs.clone()
    });
    // Literal classes: an expression would be split and joined again per link.
    if recap {
        html! { <a class="recap-name person-link" {href} data-initials={initials} data-src={src}>{ name }</a> }
    } else {
        html! { <a class="person person-link" {href} data-initials={initials} data-src={src}>{ name }</a> }
    }
}

/// Avatar and name, opening the person's page (their recaps, meetings and
/// hardware over the years).
pub fn person_name(p: &Person) -> Html {
    person_link(p, false)
}

/// The person's page: `?view=person&person=<id>`.
pub fn person_href(p: &Person) -> String {
    format!("?view=person&person={}", p.slug)
}
