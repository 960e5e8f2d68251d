//! The indexer shared by `letterdesk status` and the workspace: finds letter files
//! and summarizes each (letter header and drafts counts) on parallel threads.
//!
//! - [`find_letters`] / [`find_letters_each`]: the letter files under some paths (and
//!   the folders and links that could not be searched, with why), one walk for both;
//!   [`passed_over`]: the files of a letter's name not read beside it (`NAME.pdf` beside
//!   `NAME.txt`).
//! - [`summarize`]: one [`LetterSummary`], from the letter in brief and its drafts'
//!   [`progress`].
//! - [`index`] / [`index_under`]: [`summarize`] over many files on a few threads, in
//!   input order ([`index_under`] sums them up while it walks the folders), the list
//!   split in blocks the threads take in turn (`split.rs`, each thread's state in
//!   `worker.rs`); [`index_under_then`] hands the blocks on in
//!   order, with what each thread made of its blocks (e.g. their JSON), without a list
//!   of every summary.
//! - the folder walk lists each folder into one buffer of names (`listing.rs`).
//! - [`read_guarded`]: a letter file read for a list: regular files only, under the
//!   size cap, panics caught.
//! - [`for_each_streamed`]: a worker pool fed while the walk goes on (the workspace's
//!   indexer, which shows each letter as soon as it is read).

mod cached;
mod find;
mod found;
mod listing;
mod names;
mod parallel;
mod progress;
mod read;
mod split;
mod summary;
mod worker;

pub use cached::{
    cached_brief_counted, read_brief, read_brief_stamped, read_cached, read_guarded, save_cache,
};
pub use find::{MAX_DEPTH, find_letters, find_letters_each};
pub use found::Found;
pub use names::{is_letter_name, passed_over};
pub use parallel::{Indexed, for_each_streamed, index, index_under, index_under_then};
pub use progress::{Progress, cached_progress, progress, progress_if_listed};
pub(crate) use read::panic_message;
pub use read::{DEFAULT_MAX_LETTER_BYTES, MB, parse_guarded};
pub use summary::{LetterSummary, summarize};
