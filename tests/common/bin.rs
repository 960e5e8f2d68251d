//! The real binary run as a script would run it, kept apart from the user running the
//! tests: no config file (an empty `XDG_CONFIG_HOME`, a `HOME` that does not exist) and
//! a state folder of its own (what an export writes is recorded there), so neither the
//! tester's settings nor their export records change what a test sees.

#![allow(dead_code)]

use std::process::{Command, Output};

/// `letterdesk ARGS…`, run to the end, its output captured.
pub fn letterdesk(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("a temporary folder");
    let state = tempfile::tempdir().expect("a temporary folder");
    Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(args)
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", "/nonexistent-home-for-tests")
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("the binary runs")
}
