//! The precedent index survives what befalls a cache: `letterdesk similar` killed
//! (SIGKILL) while it builds the index leaves one the next run opens or builds again,
//! and a deleted cache folder only costs a rebuild.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::precedent::write_library;

/// `letterdesk similar` for the first comment of `letter`, over `library`, with the
/// cache in `cache`.
fn similar(letter: &Path, library: &Path, cache: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterdesk"));
    command
        .args(["similar", letter.to_str().unwrap(), "1", "--in"])
        .arg(library)
        .args(["-n", "5", "--json"])
        .env("XDG_CACHE_HOME", cache)
        .env("XDG_CONFIG_HOME", cache.join("config"))
        .env("HOME", "/nonexistent-home-for-tests");
    command
}

/// A library of `count` staff letters and the cache folder beside it, in a new folder:
/// the folder, the library, its staff letters and the cache.
fn library_of(count: usize) -> (tempfile::TempDir, PathBuf, Vec<PathBuf>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let staff = write_library(&library, count).unwrap();
    let cache = dir.path().join("cache");
    (dir, library, staff, cache)
}

/// Five hits, each with the fields scripts read.
fn assert_five_hits(output: &Output) {
    assert!(output.status.success(), "{output:?}");
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 5, "{hits:#?}");
    assert!(hits.iter().all(|h| h["answer"].is_string()), "{hits:#?}");
}

#[test]
fn killed_while_indexing_the_next_run_opens_or_builds_the_index() {
    let (_dir, library, staff, cache) = library_of(2_000);
    let index = cache
        .join("letterdesk")
        .join(format!("precedent-v{}", letterdesk::precedent::VERSION));
    let mut child = similar(&staff[0], &library, &cache)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the index exists and letters are being read into it.
    let start = Instant::now();
    while !index.join("index").join("meta.json").exists() {
        assert!(start.elapsed() < Duration::from_secs(60), "no index made");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the index was built before the kill: give the library more letters"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let again = similar(&staff[0], &library, &cache).output().unwrap();
    assert_five_hits(&again);
    // And a third run finds it up to date: the same hits.
    let third = similar(&staff[0], &library, &cache).output().unwrap();
    assert_eq!(third.stdout, again.stdout);
}

#[test]
fn a_deleted_cache_folder_costs_only_a_rebuild() {
    let (_dir, library, staff, cache) = library_of(60);
    let first = similar(&staff[0], &library, &cache).output().unwrap();
    assert_five_hits(&first);
    std::fs::remove_dir_all(&cache).unwrap();
    let rebuilt = similar(&staff[0], &library, &cache).output().unwrap();
    assert_five_hits(&rebuilt);
    assert_eq!(rebuilt.stdout, first.stdout);
    assert!(cache.join("letterdesk").is_dir());
}
