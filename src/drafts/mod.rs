//! The drafts store: responses and statuses per comment, kept as TOML next to each
//! letter (`NAME.txt` → `NAME.responses.toml`). No terminal code lives here.

use std::path::{Path, PathBuf};

/// Where a comment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing drafted yet.
    #[default]
    Open,
    /// A response is drafted but the comment is not resolved.
    Drafted,
    /// The comment is resolved.
    Resolved,
}

/// The draft of one comment's response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentDraft {
    /// The comment number as printed in the letter ("2", "3(a)").
    pub number: String,
    /// Where the comment stands.
    pub status: Status,
    /// The response text (may be empty).
    pub response: String,
}

/// All drafts of one letter, in the letter's comment order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drafts {
    /// One entry per comment, in order.
    pub comments: Vec<CommentDraft>,
}

/// The drafts file that belongs to a letter file: `NAME.txt` → `NAME.responses.toml`.
pub fn drafts_path(letter: &Path) -> PathBuf {
    let stem = letter.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    letter.with_file_name(format!("{stem}.responses.toml"))
}
