//! Starts the timeline app in the browser (see `racklet_timeline::start`).

/// Talc instead of std's dlmalloc: 2.9 KB less gzip in the first load, as
/// fast for the parse and the first render (benches/render-ab.mjs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(racklet_timeline::start());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively there is no DOM; `timeline` is the command-line entry.
    eprintln!("racklet-timeline is a browser app: build it with `trunk build`; see `timeline --help`.");
}
