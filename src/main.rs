//! Starts the timeline app in the browser with the built-in notes: it takes
//! over the prerendered page when there is one, else renders from scratch.

#[cfg(target_arch = "wasm32")]
fn main() {
    use racklet_timeline::ui::{App, AppProps, NotesRef};
    use racklet_timeline::{parse, BUILT_IN_NAME, BUILT_IN_NOTES};

    // The prerendered page is readable already: let it paint first, then
    // parse and hydrate in tasks of their own so the browser can respond
    // in between.
    wasm_bindgen_futures::spawn_local(async {
        after_next_paint().await;
        let notes = NotesRef(std::rc::Rc::new(parse::parse_one(BUILT_IN_NAME, BUILT_IN_NOTES)));
        gloo::timers::future::TimeoutFuture::new(0).await;
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
    });
}

/// Resolves once the browser has painted a frame (a timeout queued from an
/// animation frame runs after that frame's paint).
#[cfg(target_arch = "wasm32")]
async fn after_next_paint() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        let tick = Closure::once_into_js(move || {
            let _ =
                gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(tick.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively there is no DOM; `timeline` is the command-line entry.
    eprintln!("racklet-timeline is a browser app: build it with `trunk build`; see `timeline --help`.");
}
