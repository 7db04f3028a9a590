//! Starts the timeline app in the browser with the built-in notes: it takes
//! over the prerendered page when there is one, else renders from scratch.

#[cfg(target_arch = "wasm32")]
fn main() {
    use racklet_timeline::ui::{App, AppProps, NotesRef};
    use racklet_timeline::{parse, BUILT_IN_NAME, BUILT_IN_NOTES};

    let notes = NotesRef(std::rc::Rc::new(parse::parse_one(BUILT_IN_NAME, BUILT_IN_NOTES)));
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has a #app element");
    let prerendered = root.first_element_child().is_some();
    let renderer = yew::Renderer::<App>::with_root_and_props(root, AppProps { notes, prerendered });
    if prerendered {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively there is no DOM; `timeline` is the command-line entry.
    eprintln!("racklet-timeline is a browser app: build it with `trunk build`; see `timeline --help`.");
}
