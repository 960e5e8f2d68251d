//! What can happen to the state ([`Action`]) and what the shell must do for it ([`Effect`]).

use std::path::PathBuf;
use std::time::Instant;

use ratatui_textarea::Input;

use super::keymap::Command;
use crate::drafts::Drafts;
use crate::letter::Letter;

/// A letter's place in [`State`](super::State): its index in arrival order, never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LetterId(pub usize);

/// Everything [`update`](super::update) reacts to: commands from keys, editor input, and
/// reports from the shell's workers.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A keymap command.
    Run(Command),
    /// A key the editor handles itself (characters, Enter, Backspace, Delete).
    Type(Input),
    /// Pasted text (bracketed paste), for the editor or the search prompt.
    Paste(String),
    /// A character typed into the search prompt.
    SearchInput(char),
    /// Backspace in the search prompt.
    SearchBackspace,
    /// Run the search typed so far.
    SearchSubmit,
    /// Close the search prompt without searching.
    SearchCancel,
    /// The terminal's size, in columns and rows.
    Resize(u16, u16),
    /// Time passes: autosave decisions are taken against this clock.
    Tick(Instant),
    /// The indexer found this many letter files.
    IndexStarted {
        /// How many files it will parse.
        total: usize,
    },
    /// The indexer parsed one file.
    LetterIndexed {
        /// The file.
        path: PathBuf,
        /// The letter, or why it could not be read (boxed: letters are large).
        letter: Box<Result<Letter, String>>,
    },
    /// The indexer is done.
    IndexFinished,
    /// A drafts file was read.
    DraftsLoaded {
        /// Whose drafts.
        letter: LetterId,
        /// The letter's edit generation when the load was asked for.
        generation: u64,
        /// The drafts (`None`: no file yet), or why the file could not be used.
        result: Result<Option<Drafts>, String>,
    },
    /// A save finished.
    Saved {
        /// Whose drafts.
        letter: LetterId,
        /// The edit generation that was saved.
        generation: u64,
        /// `Err` with the reason when nothing was written.
        result: Result<(), String>,
    },
}

/// Work [`update`](super::update) asks the shell to do; `update` itself never touches the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read a letter's drafts file and report [`Action::DraftsLoaded`].
    LoadDrafts {
        /// Whose drafts.
        letter: LetterId,
        /// The drafts file.
        path: PathBuf,
        /// Echoed back in the report.
        generation: u64,
    },
    /// Write a letter's drafts file atomically and report [`Action::Saved`].
    Save {
        /// Whose drafts.
        letter: LetterId,
        /// The drafts file.
        path: PathBuf,
        /// What to write.
        drafts: Drafts,
        /// Echoed back in the report.
        generation: u64,
    },
    /// Finish pending saves, restore the terminal and exit.
    Quit,
}
