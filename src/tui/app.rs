//! The shell around the pure core: terminal set-up and restore, the event loop, and the
//! workers that do the disk work `update` asks for.

use std::io::stdout;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;

use super::action::{Action, Effect};
use super::config::{Config, user_config_path};
use super::draw::draw;
use super::keymap::map_key;
use super::saver::Saver;
use super::state::State;
use super::update::update;
use super::{RunOptions, loader};

/// How long to wait for a key before looking at the workers' reports and the clock.
const POLL: Duration = Duration::from_millis(100);

/// Restores the terminal when dropped, whichever way `run` ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

pub(crate) fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = options.config_path.clone().or_else(|| {
        let xdg = std::env::var("XDG_CONFIG_HOME").ok();
        let home = std::env::var("HOME").ok();
        user_config_path(xdg.as_deref(), home.as_deref())
    });
    let (config, config_error) = Config::load(config_path.as_deref(), no_color);
    let mut state = State::new(config, chrono::Local::now().date_naive(), options.demo_dir);
    if let Some(error) = config_error {
        state.show_error(error);
    }

    let mut terminal = ratatui::try_init()?;
    let restore = Restore;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Workers catch their panics and report them; the screen stays up.
        let name = std::thread::current().name().map(str::to_string);
        if matches!(name.as_deref(), Some(loader::THREAD | super::saver::THREAD)) {
            return;
        }
        let _ = execute!(stdout(), DisableBracketedPaste);
        hook(info);
    }));
    execute!(stdout(), EnableBracketedPaste)?;

    let size = terminal.size()?;
    update(&mut state, Action::Resize(size.width, size.height));
    terminal.draw(|frame| draw(frame, &state))?;

    let (report, reports) = channel();
    let saver = Saver::spawn(report.clone())?;
    loader::spawn(paths, report)?;
    let result = event_loop(&mut terminal, &mut state, &saver, &reports);

    drop(restore);
    saver.finish();
    for action in reports.try_iter() {
        if let Action::Saved {
            result: Err(error), ..
        } = action
        {
            eprintln!("letterdesk: {error}");
        }
    }
    for entry in state
        .entries
        .iter()
        .filter(|e| e.slot.blocked.is_some() && e.slot.dirty())
    {
        eprintln!(
            "letterdesk: edits to {} were not saved (its drafts file has errors)",
            entry.path.display()
        );
    }
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    saver: &Saver,
    reports: &Receiver<Action>,
) -> anyhow::Result<()> {
    let mut redraw = false;
    loop {
        if redraw {
            terminal.draw(|frame| draw(frame, state))?;
            redraw = false;
        }
        let mut wait = POLL;
        while event::poll(wait)? {
            wait = Duration::ZERO;
            let action = match event::read()? {
                Event::Key(key) => map_key(&state.config.keymap, state.mode(), key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                _ => None,
            };
            // Keys are mapped in the mode the previous key left, so apply them one by one.
            if let Some(action) = action {
                redraw |= apply(state, action, saver);
            }
            if state.should_quit() {
                return Ok(());
            }
        }
        for action in reports.try_iter() {
            redraw |= apply(state, action, saver);
        }
        redraw |= apply(state, Action::Tick(Instant::now()), saver);
        if state.should_quit() {
            return Ok(());
        }
    }
}

/// Run one action and hand its effects to the workers; returns whether anything happened.
fn apply(state: &mut State, action: Action, saver: &Saver) -> bool {
    let tick = matches!(action, Action::Tick(_));
    let effects = update(state, action);
    let any = !effects.is_empty();
    for effect in effects {
        if effect != Effect::Quit {
            saver.send(effect);
        }
    }
    any || !tick
}
