//! The workspace as the program runs it over a folder, on a `TestBackend` instead of
//! the terminal: the first frame, then the public `Runtime` (the event loop with its
//! workers), for the benches that run it in a child process.

use std::path::Path;

use letterdesk::journal::Journal;
use letterdesk::tui::{Action, Prepared, Runtime, Turn, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The terminal size the workspace is drawn at.
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// The workspace and the screen it draws on.
pub struct Screen {
    pub runtime: Runtime,
    pub terminal: Terminal<TestBackend>,
}

impl Screen {
    /// The program up to its first frame, then its runtime over `folder`; the crash
    /// journal in `journal`, not the user's; letters indexed for precedent by the
    /// letterdesk program built with the bench.
    pub fn start(folder: &Path, journal: &Path) -> Screen {
        let mut prepared = Prepared::new(None, || Journal::open(journal), None);
        prepared.index_with(env!("CARGO_BIN_EXE_letterdesk").into());
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        update(&mut prepared.state, Action::Resize(WIDTH, HEIGHT));
        terminal
            .draw(|frame| draw(frame, &prepared.state))
            .expect("first frame");
        let runtime = Runtime::start(prepared, vec![folder.to_owned()]).expect("workers");
        Screen { runtime, terminal }
    }

    /// One turn of the event loop, each action shown to `seen` before it is applied.
    pub fn turn(&mut self, seen: impl FnMut(&Action)) {
        let turn = self.runtime.turn(seen);
        assert!(matches!(turn, Turn::Go { .. }), "the workspace ended");
    }

    /// Draw a frame if one is due (`now`: at once); whether one was drawn.
    pub fn draw_if_due(&mut self, now: bool) -> bool {
        if !self.runtime.frame_due(now) {
            return false;
        }
        let state = self.runtime.state();
        self.terminal
            .draw(|frame| draw(frame, state))
            .expect("draw");
        self.runtime.drawn();
        true
    }
}
