//! The terminal around the [`Runtime`]: set-up and restore, the panic hook, signals,
//! the hang-up watch and the input thread.
//!
//! The terminal is restored (raw mode off, main screen, cursor shown, mouse and paste
//! modes off) on every way out: a normal quit, an error return, a panic (the panic hook
//! restores first, then the unsaved drafts go to the crash journal) and SIGINT, SIGTERM,
//! SIGHUP and SIGQUIT sent from outside (drafts are saved and journalled, within a bounded
//! time, then the program exits with 128 + the signal's number). The signal thread does
//! not rely on the event loop: should the loop not end within six seconds (a long
//! piece of work on the UI thread), it restores the terminal and exits by itself; text
//! typed until a second before the UI thread became busy is in the journal by then.

use std::io::IsTerminal;
use std::io::stdout;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;

use super::signals::{
    RESTORED, Restore, SIGNAL, listen_for_signals, restore_terminal, watch_for_hangup,
};
use super::{DEBUG_PANIC_ENV, Prepared, Runtime, Turn, edit_outside, editor_command};
use crate::journal::Journal;
use crate::text::sanitize;
use crate::tui::model::action::Action;
use crate::tui::model::state::State;
use crate::tui::update::update;
use crate::tui::view::draw;

/// How long the input thread waits for a terminal event before looking whether the
/// program is ending.
const INPUT_POLL: Duration = Duration::from_millis(250);

/// How long pending saves may take once the program is ending.
const FINISH: Duration = Duration::from_secs(3);

/// The input thread is asked to stop reading the terminal (another program has it).
static INPUT_PAUSE: AtomicBool = AtomicBool::new(false);

/// The input thread has stopped reading the terminal.
static INPUT_PAUSED: AtomicBool = AtomicBool::new(false);

/// How [`crate::tui::run`] starts.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The demo folder, shown in the status bar (`--demo`).
    pub demo_dir: Option<PathBuf>,
    /// A config file to use instead of `$XDG_CONFIG_HOME/letterdesk/config.toml`.
    pub config_path: Option<PathBuf>,
}

/// Run the interface over `paths` until the user quits; see [`crate::tui::run`].
pub(crate) fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    let mut prepared = Prepared::new(
        options.config_path.as_deref(),
        Journal::open_default,
        options.demo_dir,
    );
    let journal = prepared.journal().cloned();
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
    update(&mut prepared.state, Action::Resize(size.width, size.height));
    terminal.draw(|frame| draw(frame, &prepared.state))?;

    if let Some(place) = super::places::load(&paths) {
        prepared.state.return_to(place);
    }
    let folders = paths.clone();
    let mut runtime = Runtime::start(prepared, paths)?;
    runtime.panic_on(debug_panic);
    let signals = listen_for_signals(runtime.sender());
    watch_for_hangup(runtime.sender());
    read_terminal(runtime.sender());

    let result =
        std::panic::catch_unwind(AssertUnwindSafe(|| event_loop(&mut terminal, &mut runtime)));
    let result = match result {
        Ok(result) => result,
        Err(panic) => {
            // The hook has restored the terminal and printed the message.
            if let Some(journal) = &journal
                && let Err(e) = journal_now(journal, runtime.state())
            {
                rescue(&runtime.state().unsaved_texts(), &e.to_string());
            }
            std::panic::resume_unwind(panic);
        }
    };

    // Let the pending saves finish (bounded), taking in their reports.
    let (finished, errors) = runtime.finish(FINISH);
    let state = runtime.state();
    if let Err(e) = super::places::save(&folders, state.place()) {
        eprintln!(
            "letterdesk: the place was not remembered: {}",
            sanitize(&e.to_string())
        );
    }
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
        let journalled = match &journal {
            Some(journal) => journal_now(journal, state)
                .map(|()| journal.dir().display().to_string())
                .map_err(|e| format!("{}: {e}", journal.dir().display())),
            None => Err("there is no journal".to_owned()),
        };
        match journalled {
            Ok(dir) => eprintln!(
                "letterdesk: {} unsaved draft(s) kept in the journal ({})",
                unsaved.len(),
                sanitize(&dir)
            ),
            Err(why) => rescue(&unsaved, &why),
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
/// saves did not finish); the first failure, if any.
fn journal_now(journal: &Journal, state: &State) -> std::io::Result<()> {
    let mut result = Ok(());
    for (letter, number, text) in state.unsaved_texts() {
        if let Err(e) = journal.record(&letter, &number, &text) {
            result = result.and(Err(e));
        }
    }
    result
}

/// Neither the drafts files nor the journal took the unsaved texts: say so, and ask
/// where to write them (a new file's path, or standard output) on the terminal, now
/// restored; without a terminal to ask on, they go to standard output.
fn rescue(unsaved: &[(PathBuf, String, String)], why: &str) {
    use std::io::BufRead;
    eprintln!(
        "letterdesk: {} unsaved draft(s) could not be saved nor journalled ({}).",
        unsaved.len(),
        sanitize(why)
    );
    let stdin = std::io::stdin();
    for _ in 0..3 {
        if !stdin.is_terminal() {
            break;
        }
        eprint!("Write them to (a new file's path; Enter: standard output): ");
        let mut line = String::new();
        if stdin.lock().read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let path = line.trim();
        if path.is_empty() || path == "-" {
            break;
        }
        match crate::journal::write_rescue_file(std::path::Path::new(path), unsaved) {
            Ok(()) => return eprintln!("letterdesk: written to {}", sanitize(path)),
            Err(e) => eprintln!("letterdesk: {}: {e}", sanitize(path)),
        }
    }
    if let Err(e) = crate::journal::write_rescue(&mut stdout(), unsaved) {
        eprintln!("letterdesk: standard output: {e}");
    }
}

/// Start the thread that reads the terminal's events and puts them, as actions, on the
/// channel the workers report on: the event loop then wakes for whichever comes first,
/// a key or a report (an opened letter shows as soon as it is read).
fn read_terminal(report: Sender<Action>) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-input".into())
        .spawn(move || {
            loop {
                if INPUT_PAUSE.load(Ordering::SeqCst) {
                    INPUT_PAUSED.store(true, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                INPUT_PAUSED.store(false, Ordering::SeqCst);
                let event = match event::poll(INPUT_POLL) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let action = match event {
                    Ok(Event::Key(key)) => Action::Key(key),
                    Ok(Event::Paste(text)) => Action::Paste(text),
                    Ok(Event::Resize(width, height)) => Action::Resize(width, height),
                    Ok(Event::Mouse(mouse)) if mouse.kind != event::MouseEventKind::Moved => {
                        Action::Mouse(mouse)
                    }
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

/// Run `program` with the terminal handed over to it: the input thread stops reading,
/// the terminal is restored (main screen, cooked mode, cursor shown), and afterwards
/// taken back and cleared for a full redraw.
fn handed_over<T>(
    terminal: &mut ratatui::DefaultTerminal,
    program: impl FnOnce() -> T,
) -> anyhow::Result<T> {
    INPUT_PAUSE.store(true, Ordering::SeqCst);
    let asked = std::time::Instant::now();
    while !INPUT_PAUSED.load(Ordering::SeqCst) && asked.elapsed() < 2 * INPUT_POLL {
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = execute!(stdout(), DisableBracketedPaste, crossterm::cursor::Show);
    ratatui::restore();
    let result = program();
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    terminal.clear()?;
    INPUT_PAUSE.store(false, Ordering::SeqCst);
    Ok(result)
}

/// Turn the runtime's loop until it ends, drawing each frame that is due.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    runtime: &mut Runtime,
) -> anyhow::Result<()> {
    // Whether the terminal reports the mouse: as the config (or `:set mouse`) says.
    let mut mouse = false;
    loop {
        let wanted = runtime.state().config().workspace.mouse;
        if wanted != mouse {
            mouse = wanted;
            let _ = if mouse {
                execute!(stdout(), EnableMouseCapture)
            } else {
                execute!(stdout(), DisableMouseCapture)
            };
        }
        let keyed = match runtime.turn(|_| {}) {
            Turn::Go { keyed } => keyed,
            Turn::Quit | Turn::Ended => return Ok(()),
        };
        if let Some(text) = runtime.take_clipboard() {
            let mut out = stdout();
            let _ = std::io::Write::write_all(&mut out, super::osc52(&text).as_bytes())
                .and_then(|()| std::io::Write::flush(&mut out));
        }
        let keyed = match runtime.take_outside_edit() {
            Some((letter, number, text)) => {
                let result = handed_over(terminal, || {
                    let visual = std::env::var("VISUAL").ok();
                    let editor = std::env::var("EDITOR").ok();
                    let command = editor_command(visual.as_deref(), editor.as_deref());
                    edit_outside(&command, &number, &text).map_err(crate::problem::Problem::new)
                })?;
                // The editor had the terminal: the mouse is asked for again.
                mouse = false;
                runtime.apply(Action::EditedOutside {
                    letter,
                    number,
                    result,
                });
                true
            }
            None => keyed,
        };
        if runtime.frame_due(keyed) {
            // A hung-up terminal cannot be drawn on; a pending signal still ends us cleanly.
            if let Err(e) = terminal.draw(|frame| draw(frame, runtime.state())) {
                if SIGNAL.load(Ordering::SeqCst) != 0 {
                    return Ok(());
                }
                return Err(e.into());
            }
            runtime.drawn();
        }
    }
}
