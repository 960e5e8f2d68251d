//! letterdesk: a terminal workspace for answering SEC staff comment letters.
//!
//! The core is terminal-free: [`letter`] parses letters, [`drafts`] stores responses
//! next to each letter, [`demo`] holds the built-in demo letters. [`tui`] is the thin
//! interactive shell on top.

pub mod allocator;
pub mod cache;
pub mod cli;
pub mod config;
pub mod demo;
pub mod disk;
pub mod drafts;
pub mod export;
pub mod index;
pub mod journal;
pub mod letter;
pub mod precedent;
pub mod problem;
pub mod review;
#[cfg(test)]
mod testing;
pub mod text;
pub mod tui;
