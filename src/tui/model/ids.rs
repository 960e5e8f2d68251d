//! The vocabulary the model, the transitions and the view share: which letter, which
//! pane, which comments are listed, and what keys mean right now. A leaf: it names
//! nothing of the state.

use crate::config::Context;
use crate::drafts::Status;

/// A letter's place in [`State`](crate::tui::model::state::State): its index in arrival order, never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LetterId(pub usize);

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of letters.
    Letters,
    /// The open letter's comments.
    Comments,
    /// The selected comment's draft response (the editor).
    Draft,
}

impl Pane {
    /// The pane after this one, wrapping around.
    pub fn next(self) -> Self {
        match self {
            Pane::Letters => Pane::Comments,
            Pane::Comments => Pane::Draft,
            Pane::Draft => Pane::Letters,
        }
    }

    /// The pane before this one, wrapping around.
    pub fn prev(self) -> Self {
        self.next().next()
    }
}

/// Which comments the Comments pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Filter {
    /// Every comment.
    #[default]
    All,
    /// Comments with nothing drafted.
    Open,
    /// Comments drafted but not resolved.
    Drafted,
    /// Resolved comments.
    Resolved,
    /// Comments whose owner is "me".
    Mine,
}

impl Filter {
    /// The next filter in the cycle all → open → drafted → resolved → all.
    pub fn next(self) -> Self {
        match self {
            Filter::All => Filter::Open,
            Filter::Open => Filter::Drafted,
            Filter::Drafted => Filter::Resolved,
            Filter::Resolved | Filter::Mine => Filter::All,
        }
    }

    /// Whether a comment with this status, owned by `mine` (the owner is "me"), is listed.
    pub fn admits(self, status: Status, mine: bool) -> bool {
        match self {
            Filter::All => true,
            Filter::Mine => mine,
            Filter::Open => status == Status::Open,
            Filter::Drafted => status == Status::Drafted,
            Filter::Resolved => status == Status::Resolved,
        }
    }

    /// The filter's name.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Open => "open",
            Filter::Drafted => "drafted",
            Filter::Resolved => "resolved",
            Filter::Mine => "mine",
        }
    }
}

impl From<Pane> for Context {
    fn from(pane: Pane) -> Self {
        match pane {
            Pane::Letters => Context::Letters,
            Pane::Comments => Context::Comments,
            Pane::Draft => Context::Draft,
        }
    }
}
