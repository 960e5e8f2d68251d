//! Keys to actions: the pure mapping, through the keymap, in the mode the state is in.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::config::{Command, Found, KeyChord, Keymap};
use crate::tui::model::action::Action;
use crate::tui::model::ids::Pane;
use crate::tui::model::overlay::Mode;

/// The pure key → action mapping, no key pending. `None` for keys that mean nothing here.
pub fn map_key(keymap: &Keymap, mode: Mode, key: KeyEvent) -> Option<Action> {
    map_key_after(keymap, mode, None, key)
}

/// The pure key → action mapping after the first key of a sequence (`pending`), or with
/// none. `None` for keys that mean nothing here; a key that does not end the sequence
/// pending cancels it and does nothing else.
pub fn map_key_after(
    keymap: &Keymap,
    mode: Mode,
    pending: Option<KeyChord>,
    key: KeyEvent,
) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let chord = KeyChord::from_event(key);
    let plain = chord.plain();
    match mode {
        Mode::Pane(pane) => match keymap.lookup_after(pane, pending, chord) {
            Found::Run(command) => Some(Action::Run(command)),
            Found::Pending => Some(Action::Pending(chord)),
            Found::Nothing if pending.is_some() => None,
            Found::Nothing if pane == Pane::Draft && types(key.code, plain) => {
                Some(Action::Type(key.into()))
            }
            Found::Nothing => None,
        },
        Mode::Search => match keymap.lookup_dialog(mode.context(), chord) {
            Some(Command::SearchSubmit) => Some(Action::SearchSubmit),
            Some(Command::SearchCancel) => Some(Action::SearchCancel),
            Some(Command::SearchBackspace) => Some(Action::SearchBackspace),
            Some(c @ (Command::DeleteWord | Command::DeleteToLineStart)) => Some(Action::Run(c)),
            Some(Command::ForceQuit) => Some(Action::Run(Command::ForceQuit)),
            _ => match key.code {
                KeyCode::Char(c) if plain => Some(Action::SearchInput(c)),
                _ => None,
            },
        },
        Mode::Command => match keymap.lookup_dialog(mode.context(), chord) {
            Some(command) => Some(Action::Run(command)),
            None => match key.code {
                KeyCode::Char(c) if plain => Some(Action::LineInput(c)),
                _ => None,
            },
        },
        Mode::Help => match keymap.lookup_dialog(mode.context(), chord) {
            Some(c @ (Command::Help | Command::ForceQuit)) => Some(Action::Run(c)),
            Some(c) if c.scrolls() => Some(Action::Run(c)),
            _ => Some(Action::Run(Command::Help)),
        },
        // The messages scroll with the help's keys; any other key closes them.
        Mode::Messages => match keymap.lookup_dialog(mode.context(), chord) {
            Some(Command::ForceQuit) => Some(Action::Run(Command::ForceQuit)),
            Some(c) if c.scrolls() => Some(Action::Run(c)),
            _ => Some(Action::Run(Command::Messages)),
        },
        // Every other dialog: its own keys run their commands.
        dialog => keymap
            .lookup_dialog(dialog.context(), chord)
            .map(Action::Run),
    }
}

/// Keys the editor handles itself when no binding claims them.
fn types(code: KeyCode, plain: bool) -> bool {
    match code {
        KeyCode::Char(_) => plain,
        KeyCode::Enter | KeyCode::Backspace | KeyCode::Delete => true,
        _ => false,
    }
}
