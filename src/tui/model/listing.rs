//! What the Letters pane knows of a letter before it is opened: the letter in brief
//! (from the indexer, without the comments' text) and how far its drafts have come.

use crate::drafts::{Drafts, Status};
use crate::index::Progress;
use crate::letter::{Brief, Letter};

/// A letter as the Letters pane lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// The letter in brief.
    pub brief: Brief,
    /// What its drafts file said when the letter was indexed (until the drafts file
    /// is read for the workspace, when the drafts in memory count instead).
    pub progress: Progress,
    /// Other files of the same name beside it, not read because this one is preferred
    /// (`NAME.pdf` beside `NAME.txt`); the row then names the file read.
    pub also: Vec<std::path::PathBuf>,
}

impl Listing {
    /// The listing of a fully parsed letter, with the drafts progress it had.
    pub fn of(letter: &Letter, progress: Progress) -> Listing {
        Listing {
            brief: Brief::of(letter),
            progress,
            also: Vec::new(),
        }
    }

    /// How many comments the letter has.
    pub fn comments(&self) -> usize {
        self.brief.numbers.len()
    }

    /// How many of the letter's comments are resolved in `drafts` (the workspace's, once
    /// read), else in the drafts file as indexed.
    pub fn resolved(&self, drafts: Option<&Drafts>) -> usize {
        match drafts {
            Some(drafts) => self
                .brief
                .numbers
                .iter()
                .enumerate()
                .filter(|(i, n)| {
                    drafts
                        .get_at(*i, n)
                        .is_some_and(|d| d.status == Status::Resolved)
                })
                .count(),
            None => self.progress.resolved,
        }
    }
}
