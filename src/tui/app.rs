//! The shell around the pure core: terminal set-up and restore, the event loop, and the
//! workers that do the disk work `update` asks for.
//!
//! The terminal is restored (raw mode off, main screen, cursor shown, mouse and paste
//! modes off) on every way out: a normal quit, an error return, a panic (the panic hook
//! restores first, then the unsaved drafts go to the crash journal) and SIGTERM/SIGHUP
//! (drafts are saved and journalled, within a bounded time, then the program exits with
//! 128 + the signal's number).

use std::io::IsTerminal;
use std::io::stdout;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use crossterm::execute;

use super::RunOptions;
use super::action::Action;
use super::config::{Config, config_file};
use super::draw::draw;
use super::pacer::Pacer;
use super::state::State;
use super::update::update;
use super::workers::Workers;
use crate::journal::Journal;
use crate::text::sanitize;

/// The longest the event loop applies queued actions before drawing a frame.
const BATCH: Duration = Duration::from_millis(20);

/// How long the input thread waits for a terminal event before looking whether the
/// program is ending.
const INPUT_POLL: Duration = Duration::from_millis(250);

/// SIGHUP's number: how a lost terminal is reported (exit code 128 + 1).
const HANGUP: i32 = 1;

/// How often the hang-up watch looks at the terminal.
const HANGUP_CHECK: Duration = Duration::from_millis(200);

/// How long pending saves may take once the program is ending.
const FINISH: Duration = Duration::from_secs(3);

/// Environment variable naming a text that, once typed into a draft, makes the program
/// panic: for the test of the panic path (terminal restored, draft in the journal).
pub const DEBUG_PANIC_ENV: &str = "LETTERDESK_DEBUG_PANIC_ON";

/// The last terminating signal received (0: none).
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// The terminal has been restored: restoring again would leave the alternate screen a
/// second time, which moves the cursor back over what was printed since.
static RESTORED: AtomicBool = AtomicBool::new(false);

/// Put the terminal back as it was: main screen, cursor shown, raw mode, mouse capture
/// and bracketed paste off. Only the first call does anything.
fn restore_terminal() {
    if RESTORED.swap(true, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
}

/// Restores the terminal when dropped, whichever way `run` ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub(crate) fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = config_file(options.config_path.as_deref());
    let (config, config_error) = Config::load(config_path.as_deref(), no_color);
    let limits = config.limits;
    let mut state = State::new(config, chrono::Local::now().date_naive(), options.demo_dir);
    if let Some(error) = config_error {
        state.show_error(sanitize(&error).into_owned());
    }
    let journal = match Journal::open_default() {
        Ok(journal) => Some(journal),
        Err(e) => {
            state.show_error(format!("No crash journal: {}", sanitize(&e.to_string())));
            None
        }
    };
    let debug_panic = std::env::var(DEBUG_PANIC_ENV)
        .ok()
        .filter(|t| !t.is_empty());

    // The hook in place before ratatui's: ours restores (once), then prints through it.
    let hook = std::panic::take_hook();
    let mut terminal = ratatui::try_init()?;
    RESTORED.store(false, Ordering::SeqCst);
    let restore = Restore;
    let _ = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Only the main thread's panic ends the program: workers catch theirs and report
        // them, and any other thread's panic leaves the screen up.
        if std::thread::current().name() != Some("main") {
            return;
        }
        restore_terminal();
        hook(info);
    }));
    execute!(stdout(), EnableBracketedPaste)?;

    let size = terminal.size()?;
    update(&mut state, Action::Resize(size.width, size.height));
    terminal.draw(|frame| draw(frame, &state))?;

    let mut workers = Workers::start(paths, limits, journal.clone(), config_path)?;
    let signals = listen_for_signals(workers.sender());
    watch_for_hangup(workers.sender());
    read_terminal(workers.sender());

    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut state, &workers, debug_panic.as_deref())
    }));
    let result = match result {
        Ok(result) => result,
        Err(panic) => {
            // The hook has restored the terminal and printed the message.
            if let Some(journal) = &journal {
                journal_now(journal, &state);
            }
            std::panic::resume_unwind(panic);
        }
    };

    // Let the pending saves finish (bounded), taking in their reports.
    let (finished, errors) = workers.finish(&mut state, FINISH);
    drop(restore);
    drop(signals);
    for error in errors {
        eprintln!("letterdesk: {}", sanitize(&error));
    }
    if !finished {
        eprintln!("letterdesk: the disk did not answer in time; unsaved text is in the journal");
    }
    let unsaved = state.unsaved_texts();
    if !unsaved.is_empty() {
        if let Some(journal) = &journal {
            journal_now(journal, &state);
            eprintln!(
                "letterdesk: {} unsaved draft(s) kept in the journal ({})",
                unsaved.len(),
                sanitize(&journal.dir().display().to_string())
            );
        } else {
            eprintln!("letterdesk: {} unsaved draft(s) were lost", unsaved.len());
        }
    }
    let signal = state
        .signal()
        .or(Some(SIGNAL.load(Ordering::SeqCst)).filter(|&s| s != 0));
    if let Some(signal) = signal {
        std::process::exit(128 + signal);
    }
    result.map_err(|e| anyhow::anyhow!(sanitize(&format!("{e:#}")).into_owned()))
}

/// Write every unsaved response to the journal, here and now (after a panic, or when
/// saves did not finish).
fn journal_now(journal: &Journal, state: &State) {
    for (letter, number, text) in state.unsaved_texts() {
        let _ = journal.record(&letter, &number, &text);
    }
}

/// Start the thread that notices a terminal that went away (window closed, tmux server
/// killed). crossterm then reads end-of-file from the hung-up terminal in a loop it
/// never leaves (crossterm 0.29 only leaves it on "would block"); this thread reports
/// [`Action::Terminate`] and puts an empty non-blocking pipe on standard input, so that
/// crossterm's poll returns and the event loop ends as on SIGHUP (drafts saved or
/// journalled first).
fn watch_for_hangup(report: Sender<Action>) {
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

/// Start the thread that turns SIGTERM and SIGHUP into [`Action::Terminate`].
fn listen_for_signals(report: Sender<Action>) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("letterdesk-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                SIGNAL.store(signal, Ordering::SeqCst);
                let _ = report.send(Action::Terminate(signal));
            }
        })
        .ok()?;
    Some(handle)
}

/// Start the thread that reads the terminal's events and puts them, as actions, on the
/// channel the workers report on: the event loop then wakes for whichever comes first,
/// a key or a report (an opened letter shows as soon as it is read).
fn read_terminal(report: Sender<Action>) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-input".into())
        .spawn(move || {
            loop {
                let event = match event::poll(INPUT_POLL) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let action = match event {
                    Ok(Event::Key(key)) => Action::Key(key),
                    Ok(Event::Paste(text)) => Action::Paste(text),
                    Ok(Event::Resize(width, height)) => Action::Resize(width, height),
                    Ok(_) => continue,
                    // A hung-up terminal: the hang-up watch ends the program.
                    Err(_) => {
                        std::thread::sleep(INPUT_POLL);
                        continue;
                    }
                };
                if report.send(action).is_err() {
                    return;
                }
            }
        });
    drop(spawned);
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    workers: &Workers,
    debug_panic: Option<&str>,
) -> anyhow::Result<()> {
    let mut pacer = Pacer::default();
    loop {
        // Wait for the next key or report; a frame owed is drawn within `FRAME`.
        let first = match workers.reports().recv_timeout(pacer.wait()) {
            Ok(action) => Some(action),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Then everything queued meanwhile, in order (keys are mapped in the mode the
        // previous key left), for at most `BATCH`.
        let started = Instant::now();
        let mut keyed = false;
        let queued = first.into_iter().chain(std::iter::from_fn(|| {
            (started.elapsed() < BATCH)
                .then(|| workers.reports().try_recv().ok())
                .flatten()
        }));
        for action in queued {
            keyed |= matches!(
                action,
                Action::Key(_) | Action::Paste(_) | Action::Resize(..)
            );
            pacer.changed(workers.apply(state, action));
            if let Some(trigger) = debug_panic
                && state.editor_text().contains(trigger)
            {
                panic!("debug panic: the draft contains {trigger:?} ({DEBUG_PANIC_ENV})");
            }
            if state.should_quit() {
                return Ok(());
            }
        }
        pacer.changed(workers.apply(state, Action::Tick(Instant::now())));
        if state.should_quit() {
            return Ok(());
        }
        if pacer.due(keyed) {
            // A hung-up terminal cannot be drawn on; a pending signal still ends us cleanly.
            if let Err(e) = terminal.draw(|frame| draw(frame, state)) {
                if SIGNAL.load(Ordering::SeqCst) != 0 {
                    return Ok(());
                }
                return Err(e.into());
            }
            pacer.drawn();
        }
    }
}
