//! The overlay on top, drawn over the panes: each overlay's drawing is one arm here.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{command_line, dialog, precedent};
use crate::tui::model::overlay::Overlay;
use crate::tui::model::state::State;

/// Draw `overlay` over `area` (the panes).
pub(super) fn draw(frame: &mut Frame, area: Rect, state: &State, overlay: Overlay) {
    match overlay {
        Overlay::Messages => {
            if let Some(scroll) = state.dialogs.log.shown {
                command_line::messages(frame, area, state, scroll);
            }
        }
        Overlay::Recovery => dialog::recovery(frame, area, state),
        Overlay::Conflict => {
            if let Some(number) = &state.dialogs.conflict {
                dialog::conflict(frame, area, state, number);
            }
        }
        Overlay::Question => dialog::question(frame, area, state),
        Overlay::Export => {
            if let Some((letter, format)) = state.dialogs.exporting {
                dialog::export(frame, area, state, letter, format);
            }
        }
        Overlay::Precedent | Overlay::PrecedentHit => {
            if let Some(view) = &state.dialogs.precedent {
                precedent::draw(frame, area, state, view);
            }
        }
        // The help goes over the whole screen (see `draw`); the prompts are in the
        // status bar.
        Overlay::Help | Overlay::Search | Overlay::Command => {}
    }
}
