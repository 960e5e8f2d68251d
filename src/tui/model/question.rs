//! A question over the panes that one key answers: what it asks, and its choices, each
//! a keymap command of the `question` section with what it does. A new question needs
//! only a place that asks it and, when no [`Answer`] fits, one more answer and its
//! handling in `update`.

use std::path::PathBuf;

use super::ids::LetterId;
use crate::config::Command;
use crate::export::{Format, WhenEdited};

/// A question waiting for the user's answer (the first of `State::questions` is shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The dialog's title.
    pub title: String,
    /// What the question is about, a paragraph a line (wrapped to the dialog).
    pub lines: Vec<String>,
    /// The answers offered, in order; `Later` (Esc) always closes the question too,
    /// doing nothing.
    pub choices: Vec<Choice>,
    /// What closing it with `Later` means here ("decide later", "write nothing").
    pub later: &'static str,
}

/// One answer to a [`Question`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The command (of the keymap's `question` section) that gives this answer.
    pub command: Command,
    /// What it does, in a few words.
    pub label: String,
    /// What happens.
    pub answer: Answer,
}

/// What an answer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Nothing: the question is closed.
    Nothing,
    /// Give a drafts file whose letter is gone the name of `letter`'s drafts file.
    Reattach {
        /// The letter (renamed) the drafts belong to.
        letter: LetterId,
        /// The drafts file left behind.
        from: PathBuf,
        /// The letter's drafts file.
        to: PathBuf,
    },
    /// Export `letter` again in `format`, doing `when_edited` with the edited file.
    Export {
        /// The letter.
        letter: LetterId,
        /// The format.
        format: Format,
        /// Overwrite the edited file, or write beside it.
        when_edited: WhenEdited,
    },
}

impl Question {
    /// The answer `command` gives, if it is one of the choices.
    pub fn answer(&self, command: Command) -> Option<&Answer> {
        self.choices
            .iter()
            .find(|c| c.command == command)
            .map(|c| &c.answer)
    }
}
