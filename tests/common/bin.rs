//! The real binary run as a script would run it, kept apart from the user running the
//! tests: no config file (an empty `XDG_CONFIG_HOME`, a `HOME` that does not exist), a
//! state folder of its own (what an export writes is recorded there) and a cache folder
//! of its own unless given one, so neither the tester's settings, their export records
//! nor their precedent index change what a test sees.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `letterdesk ARGS…`, run to the end, its output captured.
pub fn letterdesk(args: &[&str]) -> Output {
    run(args, &[])
}

/// `letterdesk ARGS…` with its extraction cache in `cache` (`$XDG_CACHE_HOME`), so a
/// second run finds what the first one kept.
pub fn letterdesk_cached(args: &[&str], cache: &Path) -> Output {
    run(args, &[("XDG_CACHE_HOME", cache)])
}

fn run(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let config = tempfile::tempdir().expect("a temporary folder");
    let state = tempfile::tempdir().expect("a temporary folder");
    // A cache of its own unless given one: the tester's precedent index (whom the
    // letters it holds greet) never changes what an export writes.
    let cache = tempfile::tempdir().expect("a temporary folder");
    Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(args)
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", "/nonexistent-home-for-tests")
        .env("XDG_STATE_HOME", state.path())
        .env("XDG_CACHE_HOME", cache.path())
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs")
}

/// The JSON a successful run printed (the test fails with its stderr otherwise).
pub fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

/// The names of a JSON object's fields, sorted.
pub fn keys_of(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// A temporary path as a command-line argument (temporary folders have UTF-8 names).
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// What a run printed on its standard output, as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on its standard error, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
