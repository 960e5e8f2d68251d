//! What the workspace keeps of each letter file (its listing, the parsed letter, its
//! drafts), of the letter open in the Comments pane, of the indexer's progress and of
//! the status bar's message.

use std::path::PathBuf;
use std::sync::Arc;

use super::ids::LetterId;
use super::slot::Slot;
use crate::letter::Letter;
use crate::letter::sections::Sections;
use crate::problem::Problem;
use crate::tui::model::document::Document;
use crate::tui::model::listing::Listing;

/// How many fully parsed letters are kept besides the open one: a letter opened again
/// soon after shows at once; the rest of the list costs only its [`Listing`]s.
pub(crate) const PARSED_KEPT: usize = 16;

/// One letter file: its listing (or why it could not be read), the parsed letter while
/// it is kept, and its drafts.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The file.
    pub path: PathBuf,
    /// What the Letters pane shows, or why the file could not be read.
    pub listing: Result<Listing, Problem>,
    /// The full parse, while the letter is open or recently was (see [`PARSED_KEPT`]).
    pub letter: Option<Arc<Letter>>,
    /// Its opening, closing and requests, read with the full parse (the reader view
    /// shows them); `None` when the letter was not read so.
    pub sections: Option<Arc<Sections>>,
    /// Its drafts (read when the letter is first opened).
    pub slot: Slot,
    /// Its review holds a response (or the staff's closing letter) filed after it: it
    /// awaits nothing from us, whatever its deadline (known once the reviews are built).
    pub responded: bool,
    /// The date a request for more time filed after it in its review says the answers
    /// will come by: when they are due now (known once the reviews are built).
    pub extended: Option<String>,
}

impl Entry {
    /// The letter's comment numbers, in order (none for an unreadable file).
    pub fn numbers(&self) -> &[String] {
        self.listing.as_ref().map_or(&[], |l| &l.brief.numbers)
    }

    /// How many of the letter's comments are resolved: in the workspace once its drafts
    /// have been read, else as indexed.
    pub fn resolved(&self) -> usize {
        let drafts = self.slot.loaded.then_some(&self.slot.drafts);
        self.listing.as_ref().map_or(0, |l| l.resolved(drafts))
    }

    /// When the response is due: the date the company asked for more time until, else
    /// the letter's own deadline.
    pub fn due(&self) -> Option<&str> {
        let own = self.listing.as_ref().ok()?.brief.response_due.as_deref();
        self.extended.as_deref().or(own)
    }

    /// Whether the letter awaits no response from us: every comment is resolved, or its
    /// review holds a response filed after it.
    pub fn answered(&self) -> bool {
        self.responded
            || self
                .listing
                .as_ref()
                .is_ok_and(|l| self.resolved() >= l.comments())
    }
}

/// The letter shown in the Comments pane.
#[derive(Debug, Clone)]
pub(crate) struct OpenLetter {
    /// Which letter.
    pub id: LetterId,
    /// The selected comment (index into the letter's comments), if it has any.
    pub selected: Option<usize>,
    /// The first document row shown.
    pub scroll: usize,
    /// Bring the selected comment into view on the next layout pass.
    pub follow: bool,
    /// The letter is being read: it shows once [`Action::LetterRead`] arrives.
    ///
    /// [`Action::LetterRead`]: crate::tui::model::action::Action::LetterRead
    pub reading: bool,
    /// The comments laid out for the pane's width.
    pub doc: Option<Document>,
    /// The width a layout was asked for (large letters are laid out off the UI thread).
    pub pending_width: Option<u16>,
}

/// Progress of the background indexer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Index {
    /// Files found, once known.
    pub total: Option<usize>,
    /// Files parsed so far.
    pub done: usize,
    /// The indexer has finished.
    pub finished: bool,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    /// The text.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}
