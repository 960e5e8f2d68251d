//! The place a workspace was left at (the letter, the comment, the pane and the filter),
//! taken back on the next start over the same folders. The runtime keeps it on disk;
//! here is what it holds and how the state returns to it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::ids::{Filter, Pane};
use super::state::State;

/// Where the workspace was left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The open letter's file.
    pub letter: PathBuf,
    /// The selected comment's number.
    pub comment: Option<String>,
    /// The focused pane: `letters`, `comments` or `draft` (the editor is not reopened:
    /// `draft` comes back as `comments`).
    pub pane: String,
    /// The Comments pane's filter, by its name.
    pub filter: String,
}

impl State {
    /// Where the workspace is now: `None` when no letter is open.
    pub fn place(&self) -> Option<Place> {
        let open = self.open.as_ref()?;
        let pane = match self.focus {
            Pane::Letters => "letters",
            Pane::Comments | Pane::Draft => "comments",
        };
        Some(Place {
            letter: self.entries[open.id.0].path.clone(),
            comment: self.selected_comment().map(|c| c.number.clone()),
            pane: pane.to_owned(),
            filter: self.filter.label().to_owned(),
        })
    }

    /// Go back to `place` once its letter is listed (a letter that is gone leaves the
    /// list as it is).
    pub fn return_to(&mut self, place: Place) {
        self.filter = [
            Filter::All,
            Filter::Open,
            Filter::Drafted,
            Filter::Resolved,
            Filter::Mine,
        ]
        .into_iter()
        .find(|f| f.label() == place.filter)
        .unwrap_or_default();
        self.returning = Some(place);
    }
}
