//! Starts the timeline app in the browser (see `racklet_timeline::start`).

#[cfg(target_arch = "wasm32")]
mod alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(racklet_timeline::start());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively there is no DOM; `timeline` is the command-line entry.
    eprintln!("racklet-timeline is a browser app: build it with `trunk build`; see `timeline --help`.");
}
