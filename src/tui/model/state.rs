//! Everything the screen shows, in one value. Changed only by [`update`](crate::tui::update::update).

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;

use super::command_line::Purpose;
use super::ids::{Filter, LetterId, Pane};
use super::overlay::{Dialogs, Mode, Overlay};
use crate::config::{Command, Config};
use crate::drafts::{CommentDraft, Drafts, Status};
use crate::journal::{Debouncer, Offer};
use crate::letter::{Comment, Kind, Letter};
use crate::tui::model::entry::{Entry, Index, Message, OpenLetter};
use crate::tui::model::listing::Listing;

/// The longest keys are held while an opened letter is being read.
pub(crate) const HOLD_KEYS: std::time::Duration = std::time::Duration::from_millis(500);

/// The whole state of the interface.
#[derive(Debug)]
pub struct State {
    pub(crate) config: Config,
    pub(crate) today: NaiveDate,
    pub(crate) now: Instant,
    pub(crate) size: (u16, u16),
    pub(crate) focus: Pane,
    pub(crate) entries: Vec<Entry>,
    /// Each entry's id by its path (entries are never removed): a letter arriving from
    /// the indexer or the watcher is found without a scan of every entry.
    pub(crate) by_path: HashMap<PathBuf, LetterId>,
    /// Entries newest first.
    pub(crate) order: Vec<LetterId>,
    /// Entries holding a parsed letter, most recently used first.
    pub(crate) parsed: VecDeque<LetterId>,
    /// Position of the Letters pane's cursor in `order`.
    pub(crate) cursor: usize,
    /// The user has moved the cursor: keep it on its letter as others arrive.
    pub(crate) cursor_moved: bool,
    pub(crate) letters_scroll: usize,
    pub(crate) open: Option<OpenLetter>,
    pub(crate) editor: crate::tui::model::editor::Editor,
    /// The undo histories of the drafts not in the editor.
    pub(crate) histories: crate::tui::model::editor::Histories,
    /// The text last cut or copied, for pasting.
    pub(crate) register: String,
    /// The spelling dictionary and what it has checked.
    pub(crate) spelling: crate::tui::model::editor::Spelling,
    pub(crate) filter: Filter,
    /// The dialogs and prompts over the panes: their data, and which are open.
    pub(crate) dialogs: Dialogs,
    /// The last search run.
    pub(crate) query: Option<String>,
    pub(crate) index: Index,
    pub(crate) message: Option<Message>,
    pub(crate) demo_dir: Option<PathBuf>,
    /// Quitting was refused once because some edits cannot be saved.
    pub(crate) quit_armed: bool,
    /// Writing to the journal failed (it is not trusted to hold unsaved text).
    pub(crate) journal_failed: bool,
    pub(crate) quit: bool,
    /// The signal that ended the program, if one did.
    pub(crate) signal: Option<i32>,
    /// Typed text waiting to be journalled.
    pub(crate) journal: Debouncer,
    /// Keys typed while the open letter (or its drafts file) was still being read:
    /// applied to it once it shows, so Enter-Enter-typing lands in the editor.
    pub(crate) held: VecDeque<crossterm::event::KeyEvent>,
    /// When the first held key came (keys are held for [`HOLD_KEYS`] at most: a slow
    /// disk does not swallow them).
    pub(crate) held_since: Option<Instant>,
    /// The user chose to recover `offers[0]`, which waits for its letter to be listed
    /// or its drafts file read.
    pub(crate) recover_waiting: bool,
    /// The Letters pane's order and filter.
    pub(crate) view: crate::tui::model::order::ListView,
    /// A count typed before a key (`12G`).
    pub(crate) count: Option<usize>,
    /// The first key of a sequence typed (`g` of `gg`), waiting for the next.
    pub(crate) pending: Option<crate::config::KeyChord>,
    /// The focused pane takes the whole width.
    pub(crate) zoomed: bool,
    /// Who "me" is, for the owners of comments.
    pub(crate) me: Option<String>,
    /// The place the workspace was left at, to go back to once its letter is listed.
    pub(crate) returning: Option<crate::tui::model::place::Place>,
    /// Where the precedent index stands.
    pub(crate) precedent_index: crate::tui::model::precedent::IndexState,
    /// The letters grouped into reviews, and how the workspace shows them.
    pub(crate) reviews: crate::tui::model::reviews::Reviews,
}

impl State {
    /// A state with no letters yet. `today` decides which response dates are overdue;
    /// `demo_dir` is shown in the status bar.
    pub fn new(config: Config, today: NaiveDate, demo_dir: Option<PathBuf>) -> Self {
        Self {
            config,
            today,
            now: Instant::now(),
            size: (0, 0),
            focus: Pane::Letters,
            entries: Vec::new(),
            by_path: HashMap::new(),
            order: Vec::new(),
            parsed: VecDeque::new(),
            cursor: 0,
            cursor_moved: false,
            letters_scroll: 0,
            open: None,
            editor: crate::tui::model::editor::Editor::default(),
            histories: crate::tui::model::editor::Histories::default(),
            register: String::new(),
            spelling: crate::tui::model::editor::Spelling::default(),
            filter: Filter::All,
            dialogs: Dialogs::default(),
            query: None,
            index: Index::default(),
            message: None,
            demo_dir,
            quit_armed: false,
            journal_failed: false,
            quit: false,
            signal: None,
            journal: Debouncer::default(),
            recover_waiting: false,
            held: VecDeque::new(),
            held_since: None,
            view: Default::default(),
            count: None,
            pending: None,
            zoomed: false,
            me: None,
            returning: None,
            precedent_index: Default::default(),
            reviews: Default::default(),
        }
    }

    /// A state holding `letters`, fully indexed and parsed, each with empty drafts and no
    /// drafts file read: for tests and previews. Built-in configuration with colours;
    /// listed newest first (`Sort::Date`) rather than in the automatic order.
    pub fn from_letters(letters: Vec<Letter>, today: NaiveDate) -> Self {
        Self::from_parsed(letters.into_iter().map(|l| (l, None)).collect(), today)
    }

    /// [`State::from_letters`] with each letter's opening, closing and requests, as the
    /// workspace reads a letter it opens (the reader view shows them).
    pub fn from_filed(filed: Vec<crate::review::Filed>, today: NaiveDate) -> Self {
        let parsed = filed
            .into_iter()
            .map(|f| {
                let mut letter = f.letter;
                letter.file = f.path.display().to_string();
                (letter, Some(f.sections))
            })
            .collect();
        Self::from_parsed(parsed, today)
    }

    fn from_parsed(
        letters: Vec<(Letter, Option<crate::letter::sections::Sections>)>,
        today: NaiveDate,
    ) -> Self {
        let mut state = Self::new(Config::builtin(false), today, None);
        state.view.chosen = Some(crate::tui::model::order::Sort::Date);
        state.index = Index {
            total: Some(letters.len()),
            done: letters.len(),
            finished: true,
        };
        for (letter, sections) in letters {
            let path = PathBuf::from(&letter.file);
            let numbers = numbers(&letter);
            let id = state.insert_letter(path, Ok(letter), sections);
            let slot = &mut state.entries[id.0].slot;
            slot.drafts = Drafts::for_comments(&numbers);
            slot.loaded = true;
        }
        state
    }

    /// Show an error in the status bar, e.g. a config file that did not parse.
    pub fn show_error(&mut self, text: impl Into<String>) {
        self.error(text);
    }

    /// Who "me" is, for the owners of comments (`None`: nobody is known).
    pub fn set_me(&mut self, me: Option<String>) {
        self.me = me;
    }

    /// Replace the configuration (keys, colours, marks).
    pub fn set_config(&mut self, config: Config) {
        self.config = config;
        if let Some(open) = &mut self.open {
            open.doc = None;
        }
    }

    /// The open overlays, topmost first.
    pub(crate) fn overlays(&self) -> impl Iterator<Item = Overlay> + '_ {
        self.dialogs.open()
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        self.overlays()
            .next()
            .map_or(Mode::Pane(self.focus), Overlay::mode)
    }

    /// The keys to name in a message about `command` in `context` (see
    /// [`Keymap::key_for`](crate::config::Keymap::key_for)).
    pub(crate) fn key_for(
        &self,
        context: crate::config::Context,
        command: crate::config::Command,
    ) -> String {
        self.config.keymap.key_for(context, command)
    }

    /// The configuration in effect.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The Comments pane's filter.
    pub fn filter(&self) -> Filter {
        self.filter
    }

    /// The program should end.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The line being typed in the status bar, after the character that opened it: `:`
    /// the command line, `/` the Letters pane's filter or the search.
    pub fn typing(&self) -> Option<String> {
        match (&self.dialogs.line.open, &self.dialogs.prompt) {
            (Some(line), _) => Some(format!("{}{}", line.purpose.sigil(), line.text)),
            (None, Some(search)) => Some(format!("/{search}")),
            (None, None) => None,
        }
    }

    /// The message shown in the status bar, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    /// The letters (or why files could not be read) in the order the Letters pane
    /// lists them.
    pub fn listings(&self) -> Vec<Result<&Listing, &str>> {
        self.order
            .iter()
            .map(|id| {
                self.entries[id.0]
                    .listing
                    .as_ref()
                    .map_err(|p| p.message.as_str())
            })
            .collect()
    }

    /// The file under the Letters pane's cursor.
    pub fn cursor_path(&self) -> Option<&std::path::Path> {
        let id = self.order.get(self.cursor)?;
        Some(&self.entries[id.0].path)
    }

    /// What the Letters pane's row under the cursor says is wrong, in full: why the file
    /// cannot be read (after its name), or why its drafts file cannot be (the message
    /// names that file and line) until the letter is opened.
    pub fn cursor_problem(&self) -> Option<String> {
        let entry = &self.entries[self.order.get(self.cursor)?.0];
        match &entry.listing {
            Err(problem) => Some(format!(
                "{}: {}",
                crate::tui::model::names::file_name(&entry.path),
                problem.message
            )),
            Ok(listing) if !entry.slot.loaded => listing.progress.problem.clone(),
            Ok(_) => None,
        }
    }

    /// The listing under the Letters pane's cursor.
    pub fn cursor_listing(&self) -> Option<&Listing> {
        let id = self.order.get(self.cursor)?;
        self.entries[id.0].listing.as_ref().ok()
    }

    /// Whether the indexer has finished listing the workspace.
    pub fn indexed(&self) -> bool {
        self.index.finished
    }

    /// How many letters are held parsed (the open one and the most recent others).
    pub fn parsed_letters(&self) -> usize {
        self.parsed.len()
    }

    /// The letter open in the Comments pane, once it has been read.
    pub fn open_letter(&self) -> Option<&Letter> {
        self.entries[self.open.as_ref()?.id.0].letter.as_deref()
    }

    /// Whether the open letter is a company's response: its restatements are read with
    /// the answers it gives, and not answered (drafts are written on the staff
    /// letter's comments).
    pub fn reading_response(&self) -> bool {
        self.open_letter().is_some_and(|l| l.kind == Kind::Response)
    }

    /// Whether the key hints of `pane` (or of the dialog open over it) offer `command`
    /// now: not a key that would answer a company's response (which is read, not
    /// answered), nor one that has nothing to act on (recovering when the journal
    /// offers nothing, choosing when no draft is in conflict, completing a name or
    /// recalling a command in the letter filter, moving among the comments of a letter
    /// that has none), whose place goes to a key that does something. The help lists
    /// every key.
    pub fn hinted(&self, pane: Pane, command: Command) -> bool {
        let filtering = self.dialogs.line.purpose() == Some(Purpose::FindLetter);
        let no_comments =
            pane == Pane::Comments && self.open_letter().is_some_and(|l| l.comments.is_empty());
        match command {
            Command::ShowRecovery => !self.offers().is_empty(),
            Command::ShowConflict => !self.conflicts().is_empty(),
            Command::Complete | Command::Up | Command::Down if filtering => false,
            command if no_comments && command.needs_a_comment() => false,
            command => !(command.answers() && pane != Pane::Letters && self.reading_response()),
        }
    }

    /// The answer filed to the selected comment of the open letter in its review: the
    /// response's date (as printed) and the text; in a company's response, the answer
    /// it gives under the selected restatement.
    pub fn selected_filed_answer(&self) -> Option<(Option<&str>, &str)> {
        let open = self.open.as_ref()?;
        let comment = self.selected_comment()?;
        self.reviews
            .filed_answer(&self.entries[open.id.0].path, &comment.number)
    }

    /// The selected comment of the open letter.
    pub fn selected_comment(&self) -> Option<&Comment> {
        self.open_letter()?
            .comments
            .get(self.open.as_ref()?.selected?)
    }

    /// The open letter's drafts.
    pub fn drafts(&self) -> Option<&Drafts> {
        Some(&self.entries[self.open.as_ref()?.id.0].slot.drafts)
    }

    /// The draft of a comment of the open letter.
    pub fn draft(&self, number: &str) -> Option<&CommentDraft> {
        self.drafts()?.get(number)
    }

    /// The text in the editor.
    pub fn editor_text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// The comments the Comments pane lists, as indices into the open letter's comments:
    /// those the filter admits (and the one whose draft is being edited).
    pub fn visible_comments(&self) -> Vec<usize> {
        let (Some(open), Some(letter)) = (&self.open, self.open_letter()) else {
            return Vec::new();
        };
        if self.filter == Filter::All {
            return (0..letter.comments.len()).collect();
        }
        let drafts = &self.entries[open.id.0].slot.drafts;
        // The comment being edited stays listed while its status changes under the typing.
        let editing = open.selected.filter(|_| self.focus == Pane::Draft);
        (0..letter.comments.len())
            .filter(|&i| Some(i) == editing || self.admits(drafts, i, &letter.comments[i].number))
            .collect()
    }

    /// Whether keys are held back for now: the open letter or its drafts file is still
    /// being read (for [`HOLD_KEYS`] at most).
    pub(crate) fn holding_keys(&self) -> bool {
        let waiting = self
            .open
            .as_ref()
            .is_some_and(|o| o.reading || !self.entries[o.id.0].slot.loaded);
        waiting
            && self
                .held_since
                .is_none_or(|since| self.now.saturating_duration_since(since) < HOLD_KEYS)
    }

    /// Journal entries offered for recovery.
    pub fn offers(&self) -> &[Offer] {
        &self.dialogs.recovery.offers
    }

    /// The signal that ended the program, if one did.
    pub fn signal(&self) -> Option<i32> {
        self.signal
    }
}

/// The comment numbers of a letter, in order.
pub(crate) fn numbers(letter: &Letter) -> Vec<String> {
    letter.comments.iter().map(|c| c.number.clone()).collect()
}

/// A comment's status in `drafts` (open when the drafts do not know it).
pub(crate) fn status_of(drafts: &Drafts, index: usize, number: &str) -> Status {
    drafts
        .get_at(index, number)
        .map_or(Status::Open, |d| d.status)
}

impl State {
    /// Whether the Comments pane's filter lists the comment `number` (at `index`): by
    /// its status, or by its owner being "me".
    pub(crate) fn admits(&self, drafts: &Drafts, index: usize, number: &str) -> bool {
        let draft = drafts.get_at(index, number);
        let status = draft.map_or(Status::Open, |d| d.status);
        let mine = self.me.is_some() && draft.and_then(|d| d.owner.as_ref()) == self.me.as_ref();
        self.filter.admits(status, mine)
    }
}
