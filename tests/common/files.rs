//! Files the tests write for the code under test to read.

#![allow(dead_code)]

use std::path::PathBuf;

/// `bytes` written as `name` in a new temporary folder: the folder (kept alive while the
/// test needs the file) and the file's path.
pub fn written(name: &str, bytes: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the file is written");
    (dir, path)
}
