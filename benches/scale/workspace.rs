//! The workspace, started the way the program starts it, on a `TestBackend`.

use super::*;

/// The interface over a folder: the program up to its first frame (on a `TestBackend`
/// instead of the terminal), then its [`Runtime`], with keys fed in by the figures
/// instead of a terminal; the signal listener and the terminal set-up are left out.
pub(crate) struct Workspace {
    pub(crate) runtime: Runtime,
    pub(crate) terminal: Terminal<TestBackend>,
    pub(crate) started: Instant,
    /// From the start to the end of the first `draw`.
    pub(crate) first_frame: Duration,
}

/// How loading went.
pub(crate) struct LoadTimes {
    /// Until a frame showed letters.
    pub(crate) first_letters: Duration,
    /// Until every letter was listed, and drawn.
    pub(crate) full: Duration,
    /// The last frame's `draw`, every letter listed.
    pub(crate) last_draw: Duration,
    pub(crate) letters: usize,
}

impl Workspace {
    /// The program until its event loop: the config, the state, the crash journal, the
    /// first frame (on a `TestBackend` instead of the terminal), then the runtime.
    pub(crate) fn start(paths: Vec<PathBuf>) -> Workspace {
        // Each workspace its own journal, so none offers another's unsaved text.
        static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let journal_dir = JOURNAL.get().expect("journal folder set").join(format!(
            "{}-{}",
            std::process::id(),
            STARTS.fetch_add(1, Ordering::Relaxed)
        ));
        let started = Instant::now();
        // The crash journal in a temporary folder here, not the user's.
        let mut prepared = Prepared::new(None, || Journal::open(&journal_dir), None);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        let size = terminal.size().expect("size");
        update(&mut prepared.state, Action::Resize(size.width, size.height));
        terminal
            .draw(|frame| draw(frame, &prepared.state))
            .expect("first frame");
        let first_frame = started.elapsed();
        let runtime = Runtime::start(prepared, paths).expect("workers");
        Workspace {
            runtime,
            terminal,
            started,
            first_frame,
        }
    }

    /// The state shown.
    pub(crate) fn state(&self) -> &State {
        self.runtime.state()
    }

    /// Run an action, hand its effects to the workers.
    pub(crate) fn apply(&mut self, action: Action) -> bool {
        self.runtime.apply(action)
    }

    pub(crate) fn draw(&mut self) -> Duration {
        let start = Instant::now();
        let state = self.runtime.state();
        self.terminal
            .draw(|frame| draw(frame, state))
            .expect("draw");
        start.elapsed()
    }

    /// Apply the workers' reports, as the event loop does after the keys; whether any.
    pub(crate) fn drain(&mut self) -> bool {
        self.runtime.drain()
    }

    /// Apply the workers' reports as they come until `done` holds (or `limit` passes);
    /// returns whether it held.
    pub(crate) fn wait_for(&mut self, limit: Duration, done: impl Fn(&State) -> bool) -> bool {
        self.runtime.wait_for(limit, done)
    }

    /// The event loop with no keys pressed, until the indexer has finished and the last
    /// frame is drawn.
    pub(crate) fn run_until_loaded(&mut self) -> LoadTimes {
        let (mut indexed_ok, mut finished) = (0usize, false);
        let mut first_letters = None;
        loop {
            let turn = self.runtime.turn(|action| match action {
                Action::LetterIndexed { listing, .. } if listing.is_ok() => indexed_ok += 1,
                Action::IndexFinished => finished = true,
                _ => {}
            });
            assert!(
                matches!(turn, Turn::Go { .. }),
                "the workspace ended: {turn:?}"
            );
            if self.runtime.frame_due(finished) {
                let last_draw = self.draw();
                self.runtime.drawn();
                if first_letters.is_none() && indexed_ok > 0 {
                    first_letters = Some(self.started.elapsed());
                }
                if finished {
                    return LoadTimes {
                        first_letters: first_letters.unwrap_or_default(),
                        full: self.started.elapsed(),
                        last_draw,
                        letters: indexed_ok,
                    };
                }
            }
        }
    }

    /// The event loop with no keys pressed until the letters are grouped into reviews
    /// (asked for once every letter is listed: each is read in full), a frame drawn.
    pub(crate) fn run_until_grouped(&mut self) {
        let mut grouped = false;
        while !grouped {
            let turn = self.runtime.turn(|action| {
                grouped |= matches!(action, Action::ReviewsBuilt(_));
            });
            assert!(
                matches!(turn, Turn::Go { .. }),
                "the workspace ended: {turn:?}"
            );
            if self.runtime.frame_due(grouped) {
                self.draw();
                self.runtime.drawn();
            }
        }
    }

    /// End the workers (their threads end once they notice).
    pub(crate) fn stop(self) {
        drop(self);
    }
}

/// A folder holding one letter of the corpus (one with comments and a drafts file), for
/// the baselines; returns the folder and the copy.
pub(crate) fn one_letter_folder(corpus: &Corpus, tmp: &Path) -> (PathBuf, LetterFile) {
    let dir = tmp.join("one");
    std::fs::create_dir_all(&dir).expect("one-letter folder");
    let l = corpus
        .letters
        .iter()
        .find(|l| l.comments >= 3 && l.drafts.is_some())
        .or_else(|| corpus.letters.iter().find(|l| l.comments > 0))
        .expect("a comment letter");
    let to = dir.join(l.path.file_name().expect("file name"));
    std::fs::copy(&l.path, &to).expect("copy letter");
    let mut copy = l.clone();
    copy.path = to;
    if let Some(d) = &l.drafts {
        let to = drafts::drafts_path(&copy.path);
        std::fs::copy(d, &to).expect("copy drafts");
        copy.drafts = Some(to);
    }
    (dir, copy)
}
