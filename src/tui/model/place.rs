//! The place a workspace was left at (the letter, the comment, the pane and the filter),
//! taken back on the next start over the same folders. The runtime keeps it on disk;
//! the transitions go back to it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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
