//! How the drafts stand, as the screen and the shell ask it: the open letter's save
//! state, its conflicts, changed and orphaned comments, and every unsaved response.

use std::path::PathBuf;

use super::slot::SaveState;
use super::state::State;
use crate::drafts::{CommentDraft, Conflict};

impl State {
    /// Where the open letter's drafts stand.
    pub fn save_state(&self) -> SaveState {
        let Some(open) = &self.open else {
            return SaveState::Idle;
        };
        let slot = &self.entries[open.id.0].slot;
        if let Some(error) = &slot.blocked {
            SaveState::Blocked(error.clone())
        } else if !slot.conflicts.is_empty() {
            SaveState::Conflict(slot.conflicts.iter().map(|c| c.number.clone()).collect())
        } else if !slot.loaded {
            SaveState::Loading
        } else if slot.in_flight > 0 {
            SaveState::Saving
        } else if let (true, Some((_, error))) = (slot.dirty(), &slot.failed) {
            SaveState::Failed(error.clone())
        } else if slot.dirty() {
            SaveState::Unsaved
        } else if slot.on_disk {
            SaveState::Saved
        } else {
            SaveState::Idle
        }
    }

    /// The conflicts of the open letter, waiting for the user's choice.
    pub fn conflicts(&self) -> &[Conflict] {
        self.open
            .as_ref()
            .map_or(&[], |o| &self.entries[o.id.0].slot.conflicts)
    }

    /// Comments of the open letter whose text changed since their drafts were saved.
    pub fn changed_comments(&self) -> &[String] {
        self.open
            .as_ref()
            .map_or(&[], |o| &self.entries[o.id.0].slot.changed)
    }

    /// Drafts of the open letter for comments the letter no longer has (kept, never
    /// dropped).
    pub fn orphaned_drafts(&self) -> Vec<&CommentDraft> {
        let (Some(open), Some(letter)) = (&self.open, self.open_letter()) else {
            return Vec::new();
        };
        crate::drafts::orphans(&self.entries[open.id.0].slot.drafts, letter)
    }

    /// Whether a save was asked for and has not been reported yet.
    pub fn saves_pending(&self) -> bool {
        self.entries.iter().any(|e| e.slot.in_flight > 0)
    }

    /// Every unsaved response: (letter file, comment number, text) for each comment whose
    /// draft differs from what its drafts file holds. For the crash journal.
    pub fn unsaved_texts(&self) -> Vec<(PathBuf, String, String)> {
        let mut out = Vec::new();
        for entry in &self.entries {
            let slot = &entry.slot;
            if !slot.dirty() && slot.blocked.is_none() {
                continue;
            }
            for draft in &slot.drafts.comments {
                let base = slot.base.get(&draft.number).map(|d| d.response.as_str());
                if base.unwrap_or("") != draft.response {
                    out.push((
                        entry.path.clone(),
                        draft.number.clone(),
                        draft.response.clone(),
                    ));
                }
            }
        }
        out
    }
}
