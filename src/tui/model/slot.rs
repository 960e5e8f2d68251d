//! A letter's drafts in the workspace and how they stand with respect to the disk.

use std::time::Instant;

use crate::drafts::{Conflict, Drafts};

/// Where the open letter's drafts stand with respect to the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// No letter is open.
    Idle,
    /// The drafts file is still being read.
    Loading,
    /// Everything is on disk.
    Saved,
    /// Edits not yet written.
    Unsaved,
    /// A save is under way.
    Saving,
    /// The last save failed, with the reason.
    Failed(String),
    /// The drafts file could not be read, so it is never written; edits stay in memory
    /// and in the journal.
    Blocked(String),
    /// These comments changed both here and on disk; the user has not chosen yet.
    Conflict(Vec<String>),
}

/// A letter's drafts and how they stand with respect to the disk.
#[derive(Debug, Clone, Default)]
pub(crate) struct Slot {
    /// The drafts in memory: the truth while the program runs.
    pub drafts: Drafts,
    /// What the drafts file held when last read or written: the base of the three-way
    /// merge when the file changes on disk.
    pub base: Drafts,
    /// Comments changed both here and on disk, waiting for the user's choice. Until
    /// then the disk's version is what gets written.
    pub conflicts: Vec<Conflict>,
    /// Comments whose text in the letter changed since their draft was saved.
    pub changed: Vec<String>,
    /// The drafts file has been read (or found missing) once.
    pub loaded: bool,
    /// A drafts file is known to exist: read from disk or written by a save. Until then
    /// nothing is claimed as saved.
    pub on_disk: bool,
    /// A drafts file read has been reported (not just an empty start for previews).
    pub read: bool,
    /// Why the drafts file could not be read: while set, it is never written.
    pub blocked: Option<String>,
    /// Counts edits; each edit gives a new generation.
    pub edits: u64,
    /// The newest generation known to be on disk.
    pub saved: u64,
    /// Saves asked for and not yet reported.
    pub in_flight: usize,
    /// Reads of the drafts file taken in (see [`Effect::Save`]'s `reads`).
    ///
    /// [`Effect::Save`]: super::action::Effect::Save
    pub reads: u64,
    /// The generation whose save failed, with the reason.
    pub failed: Option<(u64, String)>,
    /// When the oldest unsaved edit was made.
    pub first_unsaved: Option<Instant>,
    /// When the newest edit was made.
    pub last_edit: Option<Instant>,
}

impl Slot {
    /// Edits not yet on disk.
    pub fn dirty(&self) -> bool {
        self.edits > self.saved
    }

    /// The drafts to write: the workspace's, with each conflicting comment as it is on
    /// disk until the user chooses.
    pub fn to_write(&self) -> Drafts {
        let mut drafts = self.drafts.clone();
        for conflict in &self.conflicts {
            if let Some(entry) = drafts.get_mut(&conflict.number) {
                *entry = conflict.theirs.clone();
            }
        }
        drafts
    }
}
