//! Restoring the terminal (once, whichever way the program ends) and the signals that
//! end it: SIGINT, SIGTERM, SIGHUP and SIGQUIT from outside, a terminal that hung up, and
//! the watch that exits by itself when the event loop does not end in time.

use std::io::IsTerminal;
use std::io::stdout;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use crossterm::execute;

use crate::tui::model::action::Action;

/// SIGHUP's number: how a lost terminal is reported (exit code 128 + 1).
pub(super) const HANGUP: i32 = 1;

/// How often the hang-up watch looks at the terminal.
const HANGUP_CHECK: Duration = Duration::from_millis(200);

/// How long the signal thread waits for the event loop to end the program after a
/// terminating signal before it restores the terminal and exits by itself.
const SIGNAL_GRACE: Duration = Duration::from_secs(6);

/// The last terminating signal received (0: none).
pub(super) static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// The terminal has been restored: restoring again would leave the alternate screen a
/// second time, which moves the cursor back over what was printed since.
pub(super) static RESTORED: AtomicBool = AtomicBool::new(false);

/// Put the terminal back as it was: main screen, cursor shown, raw mode, mouse capture
/// and bracketed paste off. Only the first call does anything. The cursor is shown here
/// (ratatui's `restore` leaves that to the terminal's drop, which an exit skips).
pub(super) fn restore_terminal() {
    if RESTORED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Restores the terminal when dropped, whichever way `run` ends.
pub(super) struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Start the thread that notices a terminal that went away (window closed, tmux server
/// killed). crossterm then reads end-of-file from the hung-up terminal in a loop it
/// never leaves (crossterm 0.29 only leaves it on "would block"); this thread reports
/// [`Action::Terminate`] and puts an empty non-blocking pipe on standard input, so that
/// crossterm's poll returns and the event loop ends as on SIGHUP (drafts saved or
/// journalled first).
pub(super) fn watch_for_hangup(report: Sender<Action>) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-hangup".into())
        .spawn(move || {
            while std::io::stdin().is_terminal() {
                std::thread::sleep(HANGUP_CHECK);
            }
            if SIGNAL
                .compare_exchange(0, HANGUP, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                let _ = report.send(Action::Terminate(HANGUP));
            }
            // An empty, non-blocking pipe: reads say "would block", which is the one answer
            // that makes crossterm leave its read loop. The writer is kept open (leaked) so
            // the pipe never reads as end-of-file.
            if let Ok((reader, writer)) = std::io::pipe()
                && rustix::io::ioctl_fionbio(&reader, true).is_ok()
            {
                let _ = rustix::stdio::dup2_stdin(&reader);
                std::mem::forget(writer);
            }
        });
    drop(spawned);
}

/// Start the thread that turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into
/// [`Action::Terminate`]. (Ctrl-c and Ctrl-\\ typed in the terminal are keys in raw mode;
/// these come from outside: `kill`, a closing window, a supervisor.) Should the event
/// loop not end the program within [`SIGNAL_GRACE`], this thread restores the terminal
/// and exits with 128 + the signal's number itself.
pub(super) fn listen_for_signals(report: Sender<Action>) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT]).ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("letterdesk-signals".into())
        .spawn(move || {
            let mut watched = false;
            for signal in signals.forever() {
                SIGNAL.store(signal, Ordering::SeqCst);
                let _ = report.send(Action::Terminate(signal));
                if !std::mem::replace(&mut watched, true) {
                    watch_the_exit(signal);
                }
            }
        })
        .ok()?;
    Some(handle)
}

/// Start the thread that ends the program `SIGNAL_GRACE` after the terminating `signal`
/// if the event loop has not: the terminal restored, exit with 128 + `signal`.
fn watch_the_exit(signal: i32) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-exit-watch".into())
        .spawn(move || {
            std::thread::sleep(SIGNAL_GRACE);
            restore_terminal();
            eprintln!(
                "letterdesk: still busy {} s after the signal; ending now (text typed before \
                 that is in the journal)",
                SIGNAL_GRACE.as_secs()
            );
            std::process::exit(128 + signal);
        });
    drop(spawned);
}
