//! The precedent index survives what befalls a cache: `letterdesk index` (what the
//! workspace runs to build it) killed (SIGKILL) while it builds the index leaves one
//! the next run opens or builds again, and a deleted cache folder only costs a
//! rebuild. `letterdesk index` says what it did, and waits while another process
//! writes the index.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::precedent::write_library;

/// `letterdesk` with the cache in `cache` and no config.
fn letterdesk(cache: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterdesk"));
    command
        .env("XDG_CACHE_HOME", cache)
        .env("XDG_CONFIG_HOME", cache.join("config"))
        .env("HOME", "/nonexistent-home-for-tests");
    command
}

/// `letterdesk similar` for the first comment of `letter`, over `library`, with the
/// cache in `cache`.
fn similar(letter: &Path, library: &Path, cache: &Path) -> Command {
    let mut command = letterdesk(cache);
    command
        .args(["similar", letter.to_str().unwrap(), "1", "--in"])
        .arg(library)
        .args(["-n", "5", "--json"]);
    command
}

/// `letterdesk index --json` over `library`, with the cache in `cache`.
fn index(library: &Path, cache: &Path) -> Command {
    let mut command = letterdesk(cache);
    command.args(["index", "--json"]).arg(library);
    command
}

/// The index's folder in the cache folder `cache`.
fn index_folder(cache: &Path) -> PathBuf {
    letterdesk::precedent::folder(&cache.join("letterdesk"))
}

/// What `letterdesk index --json` printed.
fn indexed(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
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
    let index = index_folder(&cache);
    let mut child = self::index(&library, &cache)
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

#[test]
fn index_says_what_it_read_and_an_index_up_to_date_reads_nothing() {
    let (_dir, library, staff, cache) = library_of(30);
    let first = indexed(&index(&library, &cache).output().unwrap());
    assert_eq!(first["read"], 60, "{first}");
    assert_eq!(first["removed"], 0, "{first}");
    assert!(first["written"].as_u64().unwrap() >= 30, "{first}");
    assert_eq!(first["comments"], first["written"], "{first}");
    assert_eq!(first["index"], index_folder(&cache).to_str().unwrap());
    let again = indexed(&index(&library, &cache).output().unwrap());
    assert_eq!((&again["read"], &again["written"]), (&0.into(), &0.into()));
    assert_eq!(again["comments"], first["comments"]);
    std::fs::remove_file(&staff[3]).unwrap();
    let removed = indexed(&index(&library, &cache).output().unwrap());
    assert_eq!(removed["removed"], 1, "{removed}");
    assert!(removed["comments"].as_u64() < first["comments"].as_u64());
    assert_five_hits(&similar(&staff[0], &library, &cache).output().unwrap());
}

/// The progress an update counts ends at its total (what `index --progress` and the
/// workspace's overlay show): every letter read twice the first time; a changed letter
/// read once to find its review, then with its review's letters.
#[test]
fn an_updates_progress_ends_at_its_total() {
    use std::sync::atomic::Ordering;
    let (_dir, library, staff, cache) = library_of(20);
    let mut index = letterdesk::precedent::Library::open(&index_folder(&cache)).unwrap();
    let progress = letterdesk::precedent::Progress::default();
    let updated = index
        .update_counted(std::slice::from_ref(&library), &progress)
        .unwrap();
    assert_eq!(updated.read, 40);
    assert_eq!(progress.total.load(Ordering::Relaxed), 80);
    assert_eq!(progress.done.load(Ordering::Relaxed), 80);
    let text = std::fs::read_to_string(&staff[4]).unwrap();
    std::fs::write(&staff[4], text.replace("Please", "Kindly")).unwrap();
    let progress = letterdesk::precedent::Progress::default();
    let updated = index
        .update_counted(std::slice::from_ref(&library), &progress)
        .unwrap();
    // The letter and its review's response.
    assert_eq!(updated.read, 2);
    assert_eq!(progress.total.load(Ordering::Relaxed), 1 + 2 * 2);
    assert_eq!(progress.done.load(Ordering::Relaxed), 1 + 2 * 2);
}

#[test]
fn index_waits_while_another_process_writes_the_index() {
    let (_dir, library, _staff, cache) = library_of(10);
    let writing = letterdesk::precedent::Library::open(&index_folder(&cache)).unwrap();
    assert!(writing.is_writer());
    let mut child = index(&library, &cache)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (said, heard) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr).lines() {
            let _ = said.send(line.unwrap());
        }
    });
    let line = heard.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(line.contains("another letterdesk is writing"), "{line}");
    std::thread::sleep(Duration::from_millis(200));
    assert!(child.try_wait().unwrap().is_none(), "it waits");
    drop(writing);
    let output = child.wait_with_output().unwrap();
    assert_eq!(indexed(&output)["read"], 20);
}
