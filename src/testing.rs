//! What unit tests share: a file with given contents in a folder of its own, and
//! owned strings from literals.

use std::path::PathBuf;

/// A new temporary folder holding `name` with `contents`; the folder goes when the
/// returned guard is dropped.
pub fn file(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("the file is written");
    (dir, path)
}

/// The owned copies of `items`, in order (comment numbers, lines).
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}
