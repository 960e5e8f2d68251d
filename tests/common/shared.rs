//! The real letters and filings in `../shared`, which is not part of the repository:
//! a test that sweeps them skips, and says so, on a clone without it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The folder `../shared/<sub>`, or `None` (the test skips, and says so) when it is
/// not present.
pub fn folder(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not present", dir.display());
        None
    }
}
