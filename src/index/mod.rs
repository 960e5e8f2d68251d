//! The indexer shared by `letterdesk status` and the workspace: finds letter files
//! and summarizes each (letter header and drafts counts) on parallel threads.
//!
//! - [`find_letters`]: the letter files under some paths.
//! - [`summarize`]: one [`LetterSummary`], from the letter and its drafts file.
//! - [`index`]: [`summarize`] over many files on worker threads, in input order.

mod find;
mod parallel;
mod progress;
mod summary;

pub use find::{find_letters, is_letter_name};
pub use parallel::{for_each, index};
pub use progress::{Progress, progress};
pub use summary::{LetterSummary, summarize};
