//! What can happen to the state ([`Action`]) and what the shell must do for it ([`Effect`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui_textarea::Input;

use super::ids::LetterId;
use crate::config::Command;
use crate::drafts::Drafts;
use crate::export::{Format, WhenEdited};
use crate::journal::{Entry, Offer, Typed};
use crate::letter::Letter;
use crate::problem::Problem;
use crate::review::{Filed, Standing};
use crate::tui::model::document::Document;
use crate::tui::model::listing::Listing;

/// Everything [`update`](crate::tui::update::update) reacts to: commands from keys, editor input, and
/// reports from the shell's workers.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key pressed: mapped to a command (or editor input) through the keymap, in the
    /// mode the state is in when the key is applied.
    Key(KeyEvent),
    /// A keymap command.
    Run(Command),
    /// The first key of a sequence (`g` of `gg`): the next key says what runs.
    Pending(crate::config::KeyChord),
    /// A key the editor handles itself (characters, Enter, Backspace, Delete).
    Type(Input),
    /// Pasted text (bracketed paste), for the editor or the search prompt.
    Paste(String),
    /// A character typed into the search prompt.
    SearchInput(char),
    /// A click or a turn of the wheel (Shift held leaves the mouse to the terminal).
    Mouse(crossterm::event::MouseEvent),
    /// A character typed on the command line or into the Letters pane's filter.
    LineInput(char),
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
    /// The indexer's folder walk is done: it found this many letter files (they are
    /// indexed as they are found, so some may be listed already).
    FilesFound {
        /// How many files it indexes in all.
        total: usize,
    },
    /// The indexer summed up one file for the Letters pane.
    LetterIndexed {
        /// The file.
        path: PathBuf,
        /// What the Letters pane shows of it, or why it could not be read.
        listing: Box<Result<Listing, Problem>>,
    },
    /// A letter file was parsed in full (it was opened, or changed on disk while open).
    LetterRead {
        /// The file.
        path: PathBuf,
        /// The letter with its opening, closing and requests (the reader view shows
        /// them), or why it could not be read (boxed: letters are large).
        letter: Box<Result<Filed, Problem>>,
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
        result: Result<Option<Drafts>, Problem>,
    },
    /// A save found the drafts file changed on disk by someone else: nothing was
    /// written; here is the file as it is now, to merge (then save again).
    DiskChanged {
        /// Whose drafts.
        letter: LetterId,
        /// The edit generation whose save was held back.
        generation: u64,
        /// The drafts on disk (`None`: the file is gone), or why it could not be read.
        result: Result<Option<Drafts>, Problem>,
    },
    /// A save finished.
    Saved {
        /// Whose drafts.
        letter: LetterId,
        /// The edit generation that was saved.
        generation: u64,
        /// The drafts as written (now on disk), or `Err` with the path and the reason
        /// when nothing was written.
        result: Result<Box<Drafts>, Problem>,
    },
    /// The comments of a large letter were laid out for a width (off the UI thread).
    LaidOut {
        /// Which letter.
        letter: LetterId,
        /// The document (its width says which width it is for).
        doc: Box<Document>,
    },
    /// Journal entries found at start-up that hold text not in the drafts files: the
    /// first `here` are of letters under the workspace's paths, the rest of letters in
    /// other folders (the journal is shared by every workspace).
    JournalOffers {
        /// The entries, this workspace's first.
        offers: Vec<Offer>,
        /// How many are of this workspace's letters.
        here: usize,
    },
    /// Writing to the journal failed (or the journal could not be opened).
    JournalFailed(Problem),
    /// A file under the folders changed (the folder watcher).
    FileChanged(PathBuf),
    /// Comments of a letter whose text changed since their drafts were saved (the
    /// fingerprints stored in the drafts file differ from the letter's text now).
    CommentsChanged {
        /// Which letter.
        letter: LetterId,
        /// The comment numbers.
        numbers: Vec<String>,
    },
    /// An export finished.
    Exported {
        /// The file written and the export's notices (comments without a response, …),
        /// or why nothing was written.
        result: Result<(PathBuf, Vec<String>), Problem>,
    },
    /// The user's editor is done with a draft ([`Effect::EditOutside`]).
    EditedOutside {
        /// Which letter.
        letter: LetterId,
        /// The comment whose draft it is.
        number: String,
        /// The new text (`None`: unchanged), or why nothing changed.
        result: Result<Option<String>, Problem>,
    },
    /// An export wrote nothing: the file at its path was edited since letterdesk wrote
    /// it (a partner's redline). The user is asked what to do.
    ExportEdited {
        /// Which letter.
        letter: LetterId,
        /// The format asked for.
        format: Format,
        /// The edited file.
        path: PathBuf,
        /// The free name beside it the export would take instead.
        beside: PathBuf,
    },
    /// A letter without a drafts file has the comments of a drafts file whose letter is
    /// gone beside it: the letter was renamed (see [`crate::drafts::find_renamed`]).
    DraftsOfRenamed {
        /// The letter without drafts.
        letter: LetterId,
        /// The drafts file left behind, and how well it matches.
        found: crate::drafts::Renamed,
    },
    /// A drafts file left behind by a renamed letter was given the letter's name (then
    /// read), or why not.
    Reattached {
        /// The letter.
        letter: LetterId,
        /// The drafts file that was left behind.
        from: PathBuf,
        /// The drafts now in the letter's drafts file, or why it was not moved or read.
        result: Result<Option<Drafts>, Problem>,
    },
    /// The spelling dictionary was read (or why not), with the personal word list.
    SpellingLoaded {
        /// The dictionary, or why there is none.
        dictionary: Result<crate::tui::model::editor::SpellDictionary, Problem>,
        /// The words the user added.
        personal: Vec<String>,
    },
    /// The personal word list could not be written.
    WordListFailed(Problem),
    /// SIGTERM or SIGHUP arrived: save what can be saved and exit.
    Terminate(i32),
    /// What the process bringing the precedent index up to date said while it runs:
    /// how far it has read, or that it waits for another letterdesk writing the index.
    PrecedentIndexing(String),
    /// The precedent index is up to date with the folders (this many comments), or
    /// why it could not be opened.
    PrecedentIndexed(Result<u64, String>),
    /// The precedent found for a comment's text ([`Effect::FindPrecedent`]).
    PrecedentFound {
        /// The text searched for.
        text: String,
        /// The hits, or why the search failed.
        result: Result<crate::precedent::Found, String>,
    },
    /// The workspace's letters grouped into reviews (see [`Effect::BuildReviews`]).
    ReviewsBuilt(Arc<Vec<crate::review::Review>>),
}

/// Work [`update`](crate::tui::update::update) asks the shell to do; `update` itself never touches the disk.
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
    /// Write a letter's drafts file atomically and report [`Action::Saved`]. When the
    /// file changed on disk since it was last read or written, nothing is written: the
    /// file is read again and reported as [`Action::DraftsLoaded`], to merge. A
    /// successful save removes, before any later job, the journal entries it made
    /// obsolete.
    Save {
        /// Whose drafts.
        letter: LetterId,
        /// The drafts file.
        path: PathBuf,
        /// What to write.
        drafts: Drafts,
        /// Echoed back in the report.
        generation: u64,
        /// How many reads of the file (reports of [`Action::DraftsLoaded`] and
        /// [`Action::DiskChanged`]) `drafts` were made with: when the worker has
        /// reported more, they were made from an older read and would undo what was
        /// read since, so nothing is written and the file is handed back for merging.
        reads: u64,
    },
    /// Read a drafts file again if its content changed since it was last read or
    /// written (reports [`Action::DraftsLoaded`] only then).
    CheckDrafts {
        /// Whose drafts.
        letter: LetterId,
        /// The drafts file.
        path: PathBuf,
    },
    /// The letter a drafts file belongs to (new, or changed on disk): saves record its
    /// comments' text fingerprints, loads compare them ([`Action::CommentsChanged`]).
    Letter {
        /// Which letter.
        letter: LetterId,
        /// Its drafts file.
        path: PathBuf,
        /// Its text.
        text: Arc<Letter>,
    },
    /// Give the drafts file a renamed letter left behind (`from`) the letter's drafts
    /// file name (`to`), never replacing a file, then read it; reports
    /// [`Action::Reattached`].
    Reattach {
        /// The letter.
        letter: LetterId,
        /// The drafts file left behind.
        from: PathBuf,
        /// The letter's drafts file.
        to: PathBuf,
    },
    /// Write unsaved text to the crash journal.
    Journal(Vec<Typed>),
    /// Remove a journal entry (the user discarded it, or recovered it).
    DiscardJournal(Entry),
    /// Lay out a large letter's comments for a width and report [`Action::LaidOut`].
    LayOut {
        /// Which letter.
        letter: LetterId,
        /// Its text.
        text: Arc<Letter>,
        /// The pane's inner width.
        width: u16,
        /// The width of the status marks.
        mark_width: usize,
    },
    /// Index a letter file again (it changed on disk) and report [`Action::LetterIndexed`].
    Reparse(PathBuf),
    /// Parse a letter file in full (it is being opened) and report [`Action::LetterRead`].
    ReadLetter(PathBuf),
    /// Write the response letter next to the letter file and report [`Action::Exported`].
    Export {
        /// Which letter.
        letter: LetterId,
        /// The letter file (the export is written next to it).
        path: PathBuf,
        /// Its text, when it is parsed already (else the file is read).
        text: Option<Arc<Letter>>,
        /// The drafts as they are in the workspace now, unsaved edits included, once
        /// they have been read (else the drafts file is read).
        drafts: Option<Box<Drafts>>,
        /// What the letter's review says of the answer it awaits: replied to, or due
        /// the date a request for more time names (the deadline warned of).
        standing: Standing,
        /// The output format.
        format: Format,
        /// What to do when the file at the export path was edited since letterdesk
        /// wrote it: the first try refuses (and reports [`Action::ExportEdited`]).
        when_edited: WhenEdited,
    },
    /// Suspend the interface and open a draft in the user's editor; report
    /// [`Action::EditedOutside`].
    EditOutside {
        /// Which letter.
        letter: LetterId,
        /// The comment whose draft it is.
        number: String,
        /// The draft's text.
        text: String,
    },
    /// Add a word to the personal word list file.
    AddWord(String),
    /// Put this text on the system clipboard, through the terminal (OSC 52).
    Clipboard(String),
    /// Find the comments of other letters most like `text` (opening and bringing the
    /// precedent index up to date first, the first time) and report
    /// [`Action::PrecedentFound`].
    FindPrecedent {
        /// The comment's text.
        text: String,
        /// Its nearest heading.
        heading: Option<String>,
        /// Its letter, whose own comments are left out.
        path: PathBuf,
        /// The letter's company, whose other letters are left out.
        company: Option<String>,
    },
    /// Finish pending saves, restore the terminal and exit.
    Quit,
    /// Read these letter files and group them into reviews, off the UI thread; reports
    /// [`Action::ReviewsBuilt`].
    BuildReviews(Vec<PathBuf>),
}
