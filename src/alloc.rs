//! The wasm's allocator: Talc (2.9 KB less gzip than std's dlmalloc), on
//! memory that grows by a quarter of what the page holds at a time. Talc's
//! own wasm source grows by what one allocation needs: rendering a decade
//! of notes then grew the memory hundreds of times, and after every growth
//! the glue's next string copy makes its memory views again. That made the
//! first render of the ten-year archive 9.9 % slower than with dlmalloc;
//! growing by a quarter, it is as fast (`benches/render-ab.mjs`).

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::Talc;
use talc::cell::TalcSyncCell;
use talc::wasm::WasmBinning;

const PAGE: usize = 64 * 1024;

/// Grows the wasm memory and extends the one heap over it.
#[derive(Debug)]
pub struct Grow {
    /// Where the heap ends, once there is one.
    end: Option<NonNull<u8>>,
}

// SAFETY: `acquire` calls no allocator and hands Talc only pages it has
// just grown, which nothing else uses.
unsafe impl talc::source::Source for Grow {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // The allocation with room for its chunk's header and alignment,
        // or a quarter of the memory so far, whichever is more.
        let need = layout.size() + layout.align() + 4 * talc::base::CHUNK_UNIT;
        let pages = need.div_ceil(PAGE).max(memory_size::<0>() / 4).max(1);
        let old = memory_grow::<0>(pages);
        if old == usize::MAX {
            return Err(());
        }
        let base = (old * PAGE) as *mut u8;
        let end = base.wrapping_add(pages * PAGE);
        talc.source.end = match talc.source.end.take() {
            // SAFETY: the new pages start where the heap ends.
            Some(heap_end) if heap_end.as_ptr() == base => Some(unsafe { talc.extend(heap_end, end) }),
            // SAFETY: fresh pages: the first heap (nothing else grows this
            // memory, so later pages always follow it).
            _ => unsafe { talc.claim(base, pages * PAGE) },
        };
        // A heap too small to claim would only be asked for again.
        talc.source.end.map(|_| ()).ok_or(())
    }
}

/// The allocator, for `#[global_allocator]`.
pub type Allocator = TalcSyncCell<Grow, WasmBinning>;

/// See [`Allocator`].
pub const fn allocator() -> Allocator {
    TalcSyncCell::new_wasm(Grow { end: None })
}
