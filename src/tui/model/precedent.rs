//! The precedent overlay: the comments of other letters most like the selected one,
//! with the answers given, and where the search stands.

use crate::precedent::Found;

/// Where the precedent index stands in this workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IndexState {
    /// Not asked for yet (the index is opened the first time precedent is shown).
    #[default]
    Unused,
    /// Being opened and brought up to date with the folders, with what the indexing
    /// process last said, if anything (how far it has read, or that it waits for
    /// another letterdesk).
    Building(Option<String>),
    /// Ready, with this many comments.
    Ready(u64),
    /// It could not be opened or built, and why.
    Failed(String),
}

/// The precedent overlay, while it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct PrecedentView {
    /// The comment it is for: its number and its text (the query).
    pub number: String,
    /// The comment's text.
    pub text: String,
    /// The hits, once found, or why the search failed.
    pub found: Option<Result<Found, String>>,
    /// The hit under the cursor.
    pub selected: usize,
}

impl PrecedentView {
    /// The overlay for comment `number` with `text`, nothing found yet.
    pub fn new(number: String, text: String) -> Self {
        Self {
            number,
            text,
            found: None,
            selected: 0,
        }
    }

    /// The hits found (none while searching or after a failure).
    pub fn hits(&self) -> &[crate::precedent::Hit] {
        match &self.found {
            Some(Ok(found)) => &found.hits,
            _ => &[],
        }
    }

    /// The terms the query was made of.
    pub fn terms(&self) -> &[String] {
        match &self.found {
            Some(Ok(found)) => &found.terms,
            _ => &[],
        }
    }
}
