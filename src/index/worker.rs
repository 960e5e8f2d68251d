//! What one summing-up thread keeps from letter to letter: the folder of the last
//! letter, open, and the memory of the last file read.

use std::path::{Path, PathBuf};

use super::found::Found;
use super::summary::LetterSummary;
use crate::cache::Folder;

/// One thread's state while it sums up letters.
pub(super) struct Worker {
    folder: Option<(PathBuf, Folder)>,
    buffer: Vec<u8>,
    max_letter_bytes: u64,
    cache: bool,
}

impl Worker {
    /// A thread's state for letters no larger than `max_letter_bytes`.
    pub(super) fn new(max_letter_bytes: u64) -> Worker {
        Worker {
            folder: None,
            buffer: Vec::new(),
            max_letter_bytes,
            cache: crate::cache::global().is_some(),
        }
    }

    /// The summary of one letter found: stamped in its folder (when the cache is on)
    /// and summed up from the cache when it keeps the letter as stamped; else read,
    /// opened in its folder.
    pub(super) fn summary(&mut self, found: &Found) -> LetterSummary {
        let max = self.max_letter_bytes;
        let (Some(dir), Some(name), None) =
            (found.path.parent(), found.path.file_name(), &found.problem)
        else {
            return LetterSummary::of_found(found, max);
        };
        let folder = open(&mut self.folder, dir);
        let stamp = found
            .stamp
            .or_else(|| self.cache.then(|| folder.stamp(name)).flatten());
        if let Some(stamp) = &stamp
            && let Some(summary) = LetterSummary::cached_as(found, stamp, max)
        {
            return summary;
        }
        LetterSummary::of_found_at(found, stamp, Some((folder, name)), &mut self.buffer, max)
    }
}

/// The folder `dir`, opened unless it is the one `open` holds (the last letter's).
fn open<'o>(open: &'o mut Option<(PathBuf, Folder)>, dir: &Path) -> &'o Folder {
    if open.as_ref().is_none_or(|(was, _)| was != dir) {
        let listed = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        *open = Some((dir.to_owned(), Folder::open(listed, true)));
    }
    &open.as_ref().expect("opened above").1
}
