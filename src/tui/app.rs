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
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use crossterm::execute;

use super::action::{Action, Effect};
use super::config::{Config, user_config_path};
use super::draw::draw;
use super::keymap::map_key;
use super::layouter::Layouter;
use super::loader::Loader;
use super::saver::Saver;
use super::state::State;
use super::update::update;
use super::{RunOptions, loader, watcher};
use crate::journal::Journal;
use crate::text::sanitize;

/// How long to wait for a key before looking at the workers' reports and the clock.
const POLL: Duration = Duration::from_millis(100);

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

/// The workers' handles, for the event loop.
struct Workers {
    saver: Saver,
    layouter: Layouter,
    loader: Loader,
    /// Where exports report back.
    report: Sender<Action>,
    /// The user's config file, for the `[export]` settings.
    config_path: Option<PathBuf>,
}

pub(crate) fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = options.config_path.clone().or_else(|| {
        let xdg = std::env::var("XDG_CONFIG_HOME").ok();
        let home = std::env::var("HOME").ok();
        user_config_path(xdg.as_deref(), home.as_deref())
    });
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

    let (report, reports) = channel();
    let signals = listen_for_signals(report.clone());
    watch_for_hangup(report.clone());

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

    let saver = Saver::spawn(report.clone(), journal.clone())?;
    let (loader, _) = loader::spawn(paths.clone(), limits, report.clone())?;
    let (layouter, _) = Layouter::spawn(report.clone())?;
    watcher::spawn(paths, report.clone());
    if let Some(journal) = journal.clone() {
        let report = report.clone();
        std::thread::spawn(move || {
            let action = match journal.offers() {
                Ok(offers) => Action::JournalOffers(offers),
                Err(e) => Action::JournalFailed(format!("{}: {e}", journal.dir().display())),
            };
            let _ = report.send(action);
        });
    }
    let workers = Workers {
        saver,
        layouter,
        loader,
        report,
        config_path,
    };

    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(
            &mut terminal,
            &mut state,
            &workers,
            &reports,
            debug_panic.as_deref(),
        )
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
    finish(&mut state, &workers, &reports);
    let Workers { saver, .. } = workers;
    let finished = saver.finish(FINISH);
    drop(restore);
    drop(signals);
    let leftover: Vec<Action> = reports.try_iter().collect();
    for action in leftover {
        if let Action::Saved {
            result: Err(error), ..
        } = action
        {
            eprintln!("letterdesk: {}", sanitize(&error));
        }
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

/// After the loop: take in the workers' reports until no save is pending, or time is up.
fn finish(state: &mut State, workers: &Workers, reports: &Receiver<Action>) {
    let deadline = Instant::now() + FINISH;
    while state.saves_pending() {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            return;
        };
        match reports.recv_timeout(left) {
            Ok(action) => {
                let is_save = matches!(action, Action::Saved { .. } | Action::DiskChanged { .. });
                if is_save || matches!(action, Action::DraftsLoaded { .. }) {
                    dispatch(update(state, action), workers);
                }
            }
            Err(_) => return,
        }
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    workers: &Workers,
    reports: &Receiver<Action>,
    debug_panic: Option<&str>,
) -> anyhow::Result<()> {
    let mut redraw = false;
    loop {
        if redraw {
            // A hung-up terminal cannot be drawn on; a pending signal still ends us cleanly.
            if let Err(e) = terminal.draw(|frame| draw(frame, state)) {
                if SIGNAL.load(Ordering::SeqCst) != 0 {
                    return Ok(());
                }
                return Err(e.into());
            }
            redraw = false;
        }
        let mut wait = POLL;
        while poll(wait)? {
            wait = Duration::ZERO;
            let action = match event::read()? {
                Event::Key(key) => map_key(&state.config.keymap, state.mode(), key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                _ => None,
            };
            // Keys are mapped in the mode the previous key left, so apply them one by one.
            if let Some(action) = action {
                redraw |= apply(state, action, workers);
                if let Some(trigger) = debug_panic
                    && state.editor_text().contains(trigger)
                {
                    panic!("debug panic: the draft contains {trigger:?} ({DEBUG_PANIC_ENV})");
                }
            }
            if state.should_quit() {
                return Ok(());
            }
        }
        for action in reports.try_iter() {
            redraw |= apply(state, action, workers);
        }
        redraw |= apply(state, Action::Tick(Instant::now()), workers);
        if state.should_quit() {
            return Ok(());
        }
    }
}

/// Wait for a terminal event; a hung-up terminal with a signal pending reads as none.
fn poll(wait: Duration) -> anyhow::Result<bool> {
    match event::poll(wait) {
        Ok(ready) => Ok(ready),
        Err(_) if SIGNAL.load(Ordering::SeqCst) != 0 => {
            std::thread::sleep(wait);
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Run one action and hand its effects to the workers; returns whether anything happened.
fn apply(state: &mut State, action: Action, workers: &Workers) -> bool {
    let tick = matches!(action, Action::Tick(_));
    let effects = update(state, action);
    let any = !effects.is_empty();
    dispatch(effects, workers);
    any || !tick
}

/// Send each effect to the worker that does it.
fn dispatch(effects: Vec<Effect>, workers: &Workers) {
    for effect in effects {
        match effect {
            Effect::Quit => {}
            Effect::LayOut { .. } => workers.layouter.send(effect),
            Effect::Reparse(path) => workers.loader.reparse(path),
            Effect::Export {
                path,
                text,
                drafts,
                format,
                ..
            } => {
                let report = workers.report.clone();
                let config_path = workers.config_path.clone();
                let spawned = std::thread::Builder::new()
                    .name("letterdesk-export".into())
                    .spawn(move || {
                        let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                            export_letter(config_path.as_deref(), &path, &text, &drafts, format)
                        }))
                        .unwrap_or_else(|_| Err("the export failed (internal error)".into()));
                        let _ = report.send(Action::Exported { result });
                    });
                if spawned.is_err() {
                    let result = Err("could not start the export".into());
                    let _ = workers.report.send(Action::Exported { result });
                }
            }
            other => workers.saver.send(other),
        }
    }
}

/// Write the response letter to `letter` (the file at `path`) next to it, with the
/// `[export]` settings of the user's config file; returns the file and the notices.
fn export_letter(
    config_path: Option<&std::path::Path>,
    path: &std::path::Path,
    letter: &crate::letter::Letter,
    drafts: &crate::drafts::Drafts,
    format: crate::export::Format,
) -> Result<(PathBuf, Vec<String>), String> {
    use crate::export::{self, ExportSettings};
    let mut settings = match config_path {
        Some(config) => ExportSettings::from_config_file(config)?,
        None => ExportSettings::default(),
    };
    settings.date = Some(export::long_date(chrono::Local::now().date_naive()));
    let out = export::export(letter, Some(drafts), &settings, format);
    let target = export::default_output_path(path, format);
    export::write_export(&target, &out.bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    Ok((target, out.notices()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::Drafts;
    use crate::export::Format;
    use crate::letter::{Comment, Letter};

    #[test]
    fn export_writes_next_to_the_letter_with_the_config_settings() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "[export]\nsigner_name = \"Jane Q. Doe\"\n").unwrap();
        let letter_path = dir.path().join("acme.txt");
        let comment = |number: &str| Comment {
            number: number.into(),
            headings: vec![],
            text: format!("Comment {number}."),
            pages: vec![],
        };
        let letter = Letter {
            file: letter_path.display().to_string(),
            comments: vec![comment("1"), comment("2")],
            ..Letter::default()
        };
        let mut drafts = Drafts::default();
        drafts.set_response("1", "Unsaved answer.");
        let (path, notices) = export_letter(
            Some(&config),
            &letter_path,
            &letter,
            &drafts,
            Format::Markdown,
        )
        .unwrap();
        assert_eq!(
            path,
            crate::export::default_output_path(&letter_path, Format::Markdown)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Unsaved answer."), "{text}");
        assert!(text.contains("Jane Q. Doe"), "{text}");
        assert!(
            notices.iter().any(|n| n == "1 comment has no response: 2"),
            "{notices:?}"
        );
        // A config that does not parse: nothing is written, the error says where.
        std::fs::write(&config, "[export]\nsigner_name = 3\n").unwrap();
        let error =
            export_letter(Some(&config), &letter_path, &letter, &drafts, Format::Text).unwrap_err();
        assert!(error.contains("config.toml"), "{error}");
    }
}
