//! The program's allocator, mimalloc, set to give memory back to the system soon.
//!
//! The workspace, `status` and `letterdesk index` read thousands of letters on every
//! core and free most of each as soon as it is read. With mimalloc's defaults, that
//! freed memory stood at the peak beside what the program keeps: mimalloc 3 keeps it a
//! second before it purges, and on Linux it commits its arenas eagerly, where purged
//! pages stay resident. [`tune`] sets both, unless the environment sets them.

use std::ffi::CStr;

/// The environment variable of mimalloc's delay before it gives freed memory back, in
/// milliseconds (`mi_option_purge_delay`).
pub const PURGE_DELAY_VAR: &str = match PURGE_DELAY.to_str() {
    Ok(name) => name,
    Err(_) => panic!("an ASCII name"),
};

/// [`PURGE_DELAY_VAR`], as `getenv` takes it.
const PURGE_DELAY: &CStr = c"MIMALLOC_PURGE_DELAY";

/// mimalloc's options set by [`tune`], as `mimalloc.h` (version 3) numbers them (the
/// Rust binding does not name them): the option, its environment variable, the value.
const OPTIONS: &[(libmimalloc_sys::mi_option_t, &CStr, std::os::raw::c_long)] = &[
    // `mi_option_purge_delay`: 10 ms (mimalloc 2's default; mimalloc 3 keeps freed
    // memory a second). `status --no-cache` over 10,000 letters: 65 MB against 57 MB.
    (15, PURGE_DELAY, 10),
    // `mi_option_arena_eager_commit`: off. An arena committed eagerly (the default on
    // Linux) keeps its purged pages resident; committed on demand, a purge decommits
    // them. `status --no-cache` over 10,000 letters: 48 MB against 25 MB, in the same
    // time (see README, Dependencies). It counts only for arenas made after it is set,
    // so [`tune`] runs before the program's first allocation.
    (4, c"MIMALLOC_ARENA_EAGER_COMMIT", 0),
];

/// Set mimalloc's options of [`OPTIONS`] that the environment does not set.
///
/// # Safety
/// Call it before `main` (a constructor: `#[ctor::ctor(unsafe)]`), before any
/// allocation and while no other thread runs: it reads the environment with `getenv`.
pub unsafe fn tune() {
    for &(option, variable, value) in OPTIONS {
        // SAFETY: `variable` is a C string; no other thread changes the environment
        // (the caller's promise).
        if unsafe { libc::getenv(variable.as_ptr()) }.is_null() {
            // SAFETY: sets one of mimalloc's options, which it reads when it next
            // makes an arena or purges.
            unsafe { libmimalloc_sys::mi_option_set(option, value) };
        }
    }
}
