//! The drafts files and the crash journal: formats, merges, hand edits, git, and saves that survive a kill.

#[path = "../common/mod.rs"]
mod common;

mod errors;
mod git_merge;
mod hand_edit;
mod journal_recovery;
mod kill_save;
mod merge_scenario;
mod roundtrip;
mod temp_files;
