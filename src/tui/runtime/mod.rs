//! The runtime: the shell that owns the terminal, the threads, the channels and the disk.
//! [`Runtime`] is the event loop around the pure core: it runs each action through
//! [`update`], hands the effects to the [`workers`] and tells the caller when a frame is
//! due. The program (`terminal`), the benchmarks, the screenshots and the tests drive it,
//! so none of them keeps a copy of the loop.

mod environment;
mod exporter;
mod layouter;
mod loader;
mod outside;
mod pacer;
mod places;
mod precedent;
mod reviewer;
mod saver;
mod signals;
mod spelling;
pub(crate) mod terminal;
mod watcher;
mod workers;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

pub use environment::{TODAY_ENV, USER_ENV};
pub use layouter::lay_out;
pub(crate) use outside::{edit_text as edit_outside, editor_command};

use crate::config::{Config, Limits, config_file};
use crate::journal::Journal;
use crate::text::sanitize;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::ids::LetterId;
use crate::tui::model::state::State;
use crate::tui::update::update;
use pacer::Pacer;
use workers::Workers;

/// The longest a turn applies queued actions before a frame may be drawn.
const BATCH: Duration = Duration::from_millis(20);

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard
/// (base64, so the text cannot act on the terminal). tmux passes it on with
/// `set-clipboard on`.
pub fn osc52(text: &str) -> String {
    use crossterm::Command as _;
    let mut out = String::new();
    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
        .write_ansi(&mut out)
        .expect("writing to a String does not fail");
    out
}

/// Environment variable naming a text that, once typed into a draft, makes the program
/// panic: for the test of the panic path (terminal restored, draft in the journal).
pub const DEBUG_PANIC_ENV: &str = "LETTERDESK_DEBUG_PANIC_ON";

/// Everything made before the workers start: the config in effect, the state with the
/// config's and the journal's errors shown, and the crash journal.
pub struct Prepared {
    /// The state the first frame is drawn from.
    pub state: State,
    journal: Option<Journal>,
    config_path: Option<PathBuf>,
    limits: Limits,
    indexer: Option<PathBuf>,
}

impl Prepared {
    /// Read the config file in effect (`given`, else the user's), make the state
    /// (`demo_dir` shown in the status bar) and take the crash journal `journal` opened.
    pub fn new(
        given: Option<&Path>,
        journal: impl FnOnce() -> std::io::Result<Journal>,
        demo_dir: Option<PathBuf>,
    ) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let config_path = config_file(given);
        let (config, config_error) = Config::load(config_path.as_deref(), no_color);
        let limits = config.limits;
        let me = environment::me(&config);
        let mut state = State::new(config, environment::today(), demo_dir);
        state.set_me(me);
        if let Some(error) = config_error {
            state.show_error(sanitize(&error).into_owned());
        }
        let journal = match journal() {
            Ok(journal) => Some(journal),
            Err(e) => {
                state.show_error(format!("No crash journal: {}", sanitize(&e.to_string())));
                None
            }
        };
        Self {
            state,
            journal,
            config_path,
            limits,
            indexer: std::env::current_exe().ok(),
        }
    }

    /// Index the letters for precedent with `program` (`letterdesk index`) rather than
    /// with this program (a test's or a benchmark's, which are not letterdesk).
    pub fn index_with(&mut self, program: PathBuf) {
        self.indexer = Some(program);
    }

    /// The crash journal, when it opened.
    pub fn journal(&self) -> Option<&Journal> {
        self.journal.as_ref()
    }
}

/// How a turn of the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Go on; `keyed`: a key, a paste or a resize was applied (its frame is due at once).
    Go {
        /// Whether the user acted in this turn.
        keyed: bool,
    },
    /// The state asked to quit.
    Quit,
    /// Nothing can report any more.
    Ended,
}

/// The event loop around [`update`]: the state, the workers and the frame pacing.
pub struct Runtime {
    /// The state, changed only through [`Runtime::apply`].
    state: State,
    workers: Workers,
    pacer: Pacer,
    /// A text that makes the program panic once typed ([`DEBUG_PANIC_ENV`]).
    debug_panic: Option<String>,
    /// Text to put on the system clipboard, for the terminal's owner to write.
    clipboard: Option<String>,
    /// The personal word list of the spelling check.
    words: Option<PathBuf>,
    /// A draft to open in the user's editor ([`Effect::EditOutside`]): letter, comment
    /// number and text, for the terminal's owner to run.
    outside: Option<(LetterId, String, String)>,
}

impl Runtime {
    /// Start the workers over `paths` (folders or letter files) for the `prepared` state:
    /// indexing begins at once.
    pub fn start(prepared: Prepared, paths: Vec<PathBuf>) -> std::io::Result<Self> {
        Self::new(
            prepared.state,
            paths,
            prepared.limits,
            prepared.journal,
            prepared.config_path,
            prepared.indexer,
        )
    }

    /// Start the workers over `paths` for `state`, with the files over `limits` listed
    /// but not opened; unsaved text goes to `journal` (none: nowhere), and exports read
    /// their settings from `config_path`; the program `indexer` (letterdesk) indexes
    /// the letters for precedent.
    pub fn new(
        state: State,
        paths: Vec<PathBuf>,
        limits: Limits,
        journal: Option<Journal>,
        config_path: Option<PathBuf>,
        indexer: Option<PathBuf>,
    ) -> std::io::Result<Self> {
        let words = spelling::words_file(config_path.as_deref());
        let workers = Workers::start(paths, limits, journal, config_path, indexer)?;
        spelling::load(&state.config().editing, words.clone(), workers.sender());
        Ok(Self {
            state,
            workers,
            words,
            pacer: Pacer::default(),
            debug_panic: None,
            clipboard: None,
            outside: None,
        })
    }

    /// Panic once a draft contains `text` (the test of the panic path).
    pub fn panic_on(&mut self, text: Option<String>) {
        self.debug_panic = text;
    }

    /// The state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The state, the workers ended (their threads end once they notice).
    pub fn into_state(self) -> State {
        self.state
    }

    /// Where more actions can be put in (the terminal's keys, signals).
    pub fn sender(&self) -> Sender<Action> {
        self.workers.sender()
    }

    /// Run one action through [`update`] and hand its effects to the workers; returns
    /// whether anything happened (a tick that changed nothing did not).
    pub fn apply(&mut self, action: Action) -> bool {
        let tick = matches!(action, Action::Tick(_));
        let mut effects = update(&mut self.state, action);
        let any = !effects.is_empty();
        effects.retain(|effect| match effect {
            Effect::Clipboard(text) => {
                self.clipboard = Some(text.clone());
                false
            }
            Effect::AddWord(word) => {
                if let Some(path) = &self.words {
                    spelling::add_word(path.clone(), word.clone(), self.workers.sender());
                }
                false
            }
            Effect::EditOutside {
                letter,
                number,
                text,
            } => {
                self.outside = Some((*letter, number.clone(), text.clone()));
                false
            }
            _ => true,
        });
        self.workers.dispatch(effects);
        any || !tick
    }

    /// The draft to open in the user's editor, once: run it with [`edit_outside`] while
    /// the terminal is handed over, then apply [`Action::EditedOutside`].
    pub(crate) fn take_outside_edit(&mut self) -> Option<(LetterId, String, String)> {
        self.outside.take()
    }

    /// The text last copied for the system clipboard, once: the terminal's owner writes
    /// it (`osc52`).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Apply the reports queued now; whether any changed something.
    pub fn drain(&mut self) -> bool {
        let reports: Vec<Action> = self.workers.reports().try_iter().collect();
        let mut any = false;
        for action in reports {
            any |= self.apply(action);
        }
        any
    }

    /// Apply the reports as they come until `done` holds (or `limit` passes); returns
    /// whether it held.
    pub fn wait_for(&mut self, limit: Duration, done: impl Fn(&State) -> bool) -> bool {
        let deadline = Instant::now() + limit;
        while !done(&self.state) {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return false;
            };
            match self.workers.reports().recv_timeout(left) {
                Ok(action) => {
                    self.apply(action);
                }
                Err(_) => return done(&self.state),
            }
        }
        true
    }

    /// One turn of the event loop: wait for the next key or report (no longer than until
    /// an owed frame is due), apply it and whatever queued meanwhile, in order (keys are
    /// mapped in the mode the previous key left), for at most `BATCH`, then a tick.
    /// `seen` is shown each action before it is applied.
    pub fn turn(&mut self, mut seen: impl FnMut(&Action)) -> Turn {
        let first = match self.workers.reports().recv_timeout(self.pacer.wait()) {
            Ok(action) => Some(action),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Turn::Ended,
        };
        let started = Instant::now();
        let mut keyed = false;
        let mut next = first;
        while let Some(action) = next {
            keyed |= matches!(
                action,
                Action::Key(_) | Action::Paste(_) | Action::Resize(..)
            );
            seen(&action);
            let changed = self.apply(action);
            self.pacer.changed(changed);
            if let Some(trigger) = &self.debug_panic
                && self.state.editor_text().contains(trigger.as_str())
            {
                panic!("debug panic: the draft contains {trigger:?} ({DEBUG_PANIC_ENV})");
            }
            if self.state.should_quit() {
                return Turn::Quit;
            }
            // The user's editor takes the terminal before the next key.
            next = (started.elapsed() < BATCH && self.outside.is_none())
                .then(|| self.workers.reports().try_recv().ok())
                .flatten();
        }
        let changed = self.apply(Action::Tick(Instant::now()));
        self.pacer.changed(changed);
        if self.state.should_quit() {
            return Turn::Quit;
        }
        Turn::Go { keyed }
    }

    /// Whether to draw now: a frame is owed and `now` asks for it at once (a key), or
    /// the last frame is old enough.
    pub fn frame_due(&self, now: bool) -> bool {
        self.pacer.due(now)
    }

    /// A frame was drawn.
    pub fn drawn(&mut self) {
        self.pacer.drawn();
    }

    /// The program is ending: take in the workers' reports until no save is pending
    /// (or `limit` has passed: the disk may hang), then let the drafts worker finish its
    /// queue within what is left of `limit`. Returns whether it did, and the errors of
    /// saves that failed meanwhile.
    pub fn finish(&mut self, limit: Duration) -> (bool, Vec<String>) {
        let deadline = Instant::now() + limit;
        while self.state.saves_pending() {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                break;
            };
            match self.workers.reports().recv_timeout(left) {
                Ok(action) => {
                    let is_save =
                        matches!(action, Action::Saved { .. } | Action::DiskChanged { .. });
                    if is_save || matches!(action, Action::DraftsLoaded { .. }) {
                        self.workers.dispatch(update(&mut self.state, action));
                    }
                }
                Err(_) => break,
            }
        }
        self.workers
            .finish(deadline.saturating_duration_since(Instant::now()))
    }
}
