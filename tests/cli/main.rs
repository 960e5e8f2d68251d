//! The command line: `--help`, `--version`, exit codes and `status`.

#[path = "../common/mod.rs"]
mod common;

mod commands;
mod status;
