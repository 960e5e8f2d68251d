//! The program's allocator (mimalloc) with its options, as `src/main.rs` sets them:
//! what a bench measures is the program's.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's options set before the first allocation (see `letterdesk::allocator`).
#[ctor::ctor(unsafe)]
fn tune_allocator() {
    // SAFETY: before `main`, with no other thread.
    unsafe { letterdesk::allocator::tune() };
}
