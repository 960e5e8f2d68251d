//! Commands to the overlay on top: each overlay's own commands go to its handler; any
//! other command goes on to the panes. A new dialog's handler is one arm here.

use super::{command_line, dialogs, exporting, precedent, search};
use crate::config::Command;
use crate::tui::model::action::Effect;
use crate::tui::model::overlay::Overlay;
use crate::tui::model::state::State;

/// Give `command` to the topmost overlay; `false` when none is open or the command is
/// not one of its own.
pub(super) fn route(state: &mut State, command: Command, fx: &mut Vec<Effect>) -> bool {
    let Some(top) = state.overlays().next() else {
        return false;
    };
    match (top, command) {
        (Overlay::Help, _) => dialogs::scroll_help(state, command),
        (Overlay::Messages, _) => dialogs::scroll_messages(state, command),
        (
            Overlay::Recovery,
            Command::Recover | Command::Discard | Command::Later | Command::Down | Command::Up,
        ) => dialogs::recovery(state, command, fx),
        (
            Overlay::Conflict,
            Command::KeepMine | Command::TakeTheirs | Command::KeepBoth | Command::Later,
        ) => dialogs::conflict(state, command),
        (Overlay::Question, Command::Yes | Command::No | Command::Later) => {
            dialogs::answer(state, command, fx)
        }
        (
            Overlay::Export,
            Command::ExportAs(_)
            | Command::ExportChosen
            | Command::Up
            | Command::Down
            | Command::Later,
        ) => exporting::export_prompt(state, command, fx),
        (
            Overlay::Command,
            Command::CommandSubmit
            | Command::CommandCancel
            | Command::CommandBackspace
            | Command::DeleteWord
            | Command::DeleteToLineStart
            | Command::Complete
            | Command::Up
            | Command::Down,
        ) => command_line::key(state, command, fx),
        (Overlay::Search, Command::DeleteWord | Command::DeleteToLineStart) => {
            search::edit_prompt(state, command)
        }
        (Overlay::PrecedentHit, Command::Leave | Command::QuoteAnswer) => {
            precedent::read(state, command, fx)
        }
        (Overlay::PrecedentHit, _) if command.scrolls() => precedent::read(state, command, fx),
        (
            Overlay::Precedent,
            Command::Down
            | Command::Up
            | Command::First
            | Command::Last
            | Command::Open
            | Command::Leave
            | Command::QuoteAnswer,
        ) => precedent::key(state, command, fx),
        _ => return false,
    }
    true
}
