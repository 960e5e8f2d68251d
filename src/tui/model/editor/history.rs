//! The editor's undo and redo: edits as steps that match what the user meant. Typing
//! is one step a word (with the blanks after it), a deletion or a paste one step each.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;

/// An edit, kept for undo: lines `at..at + old.len()` became `new`.
#[derive(Debug, Clone)]
pub(super) struct Edit {
    pub at: usize,
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub before: (usize, usize),
    pub after: (usize, usize),
}

/// What an edit was, for grouping typing into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// One character typed; whether it is a blank.
    Typed { blank: bool },
    /// Anything else: a deletion, a paste, a line break, an indent.
    Other,
}

/// The steps to undo and redo of one text.
#[derive(Debug, Clone)]
pub(crate) struct History {
    undo: VecDeque<(Edit, Kind)>,
    redo: Vec<Edit>,
    max: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(50)
    }
}

impl History {
    /// A history that keeps at most `max` steps.
    pub fn with_limit(max: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            max,
        }
    }

    /// Keep at most `max` steps from now on, dropping the oldest.
    pub fn set_limit(&mut self, max: usize) {
        self.max = max;
        while self.undo.len() > max {
            self.undo.pop_front();
        }
    }

    /// Record an edit. A character typed right after the typing before it on the same
    /// line joins its step, unless it starts a word (a non-blank after a blank).
    pub(super) fn record(&mut self, edit: Edit, kind: Kind) {
        self.redo.clear();
        if self.max == 0 {
            return;
        }
        if let Kind::Typed { blank } = kind
            && let Some((last, Kind::Typed { blank: was_blank })) = self.undo.back_mut()
            && last.after == edit.before
            && last.at == edit.at
            && last.new.len() == 1
            && edit.old.len() == 1
            && edit.new.len() == 1
            && (blank || !*was_blank)
        {
            last.new = edit.new;
            last.after = edit.after;
            *was_blank = blank;
            return;
        }
        if self.undo.len() >= self.max {
            self.undo.pop_front();
        }
        self.undo.push_back((edit, kind));
    }

    /// The step to undo, moved to the redo side.
    pub(super) fn undo(&mut self) -> Option<&Edit> {
        let (edit, _) = self.undo.pop_back()?;
        self.redo.push(edit);
        self.redo.last()
    }

    /// The step to redo, moved back to the undo side (where typing after it does not
    /// join it).
    pub(super) fn redo(&mut self) -> Option<&Edit> {
        let edit = self.redo.pop()?;
        self.undo.push_back((edit, Kind::Other));
        self.undo.back().map(|(edit, _)| edit)
    }
}

/// The undo histories of the drafts not in the editor, per letter file and comment, kept
/// for as long as the workspace is open.
#[derive(Debug, Default)]
pub(crate) struct Histories {
    /// The letter file and comment the editor holds.
    current: Option<(PathBuf, String)>,
    /// Each history with the text it ends at: it is given back only to that text.
    kept: HashMap<(PathBuf, String), (History, String)>,
}

impl Histories {
    /// The draft of comment `key` (or no comment), whose text is `next_text`, takes the
    /// place of the one the editor held: keep `leaving` (that one's history and the text
    /// it ends at), and give back the history of `key` when its text is still the one
    /// that history ends at.
    pub fn switch(
        &mut self,
        leaving: (History, String),
        next_text: &str,
        key: Option<(PathBuf, String)>,
    ) -> Option<History> {
        if let Some(current) = self.current.take() {
            self.kept.insert(current, leaving);
        }
        let given = key
            .as_ref()
            .and_then(|key| self.kept.remove(key))
            .and_then(|(history, text)| (text == next_text).then_some(history));
        self.current = key;
        given
    }
}
