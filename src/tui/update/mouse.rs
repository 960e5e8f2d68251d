//! The mouse: a click focuses the pane under it and selects the letter or comment
//! there (in the Draft pane: edits it, the cursor on the character clicked; in
//! precedent's list: selects a hit, reads the selected one in full); the wheel scrolls
//! the pane under the pointer, or the help, the messages or precedent when one is
//! open. (With Shift held the terminal keeps the mouse for its own selection, so
//! nothing reaches here.)

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{comments, letters, overlays};
use crate::config::Command;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::{areas, comment_rows, inner};
use crate::tui::model::overlay::Mode;
use crate::tui::model::precedent_layout::{body_on, first_hit_shown, hit_at};
use crate::tui::model::state::State;

/// Rows the wheel scrolls at a time.
const WHEEL: usize = 3;

/// Apply a mouse event: to the panes while no dialog or prompt is open; over the help,
/// the messages and precedent, the wheel scrolls them (moves among the hits of
/// precedent's list) as their arrow keys do.
pub(super) fn mouse(state: &mut State, event: MouseEvent, fx: &mut Vec<Effect>) {
    if !state.config.workspace.mouse {
        return;
    }
    let mode = state.mode();
    let steps = match mode {
        Mode::Pane(_) => None,
        Mode::Help | Mode::Messages | Mode::PrecedentHit => Some(WHEEL),
        Mode::Precedent => Some(1),
        _ => return,
    };
    if let Some(steps) = steps {
        let command = match event.kind {
            MouseEventKind::ScrollDown => Command::Down,
            MouseEventKind::ScrollUp => Command::Up,
            MouseEventKind::Down(MouseButton::Left) if mode == Mode::Precedent => {
                return click_hit(state, event.row, fx);
            }
            _ => return,
        };
        for _ in 0..steps {
            overlays::route(state, command, fx);
        }
        return;
    }
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    let areas = areas(screen, state.shape());
    let at = Position::new(event.column, event.row);
    let Some((pane, rect)) = [Pane::Letters, Pane::Comments, Pane::Draft]
        .into_iter()
        .find_map(|p| areas.pane(p).filter(|r| r.contains(at)).map(|r| (p, r)))
    else {
        return;
    };
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(state, pane, rect, at, fx),
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = event.kind == MouseEventKind::ScrollDown;
            wheel(state, pane, down, fx);
        }
        _ => {}
    }
}

/// A click on precedent's list at screen row `row`: the hit there is selected; the
/// one selected already is read in full.
fn click_hit(state: &mut State, row: u16, fx: &mut Vec<Effect>) {
    let body = body_on(state.size, state.shape());
    let Some(view) = &mut state.dialogs.precedent else {
        return;
    };
    let first = first_hit_shown(view.selected, body, view.hits().len());
    let Some(hit) = hit_at(row, body, first, view.hits().len()) else {
        return;
    };
    if hit == view.selected {
        overlays::route(state, Command::Open, fx);
    } else {
        view.selected = hit;
    }
}

fn click(state: &mut State, pane: Pane, rect: Rect, at: Position, fx: &mut Vec<Effect>) {
    match pane {
        Pane::Letters => {
            state.set_focus(Pane::Letters, fx);
            let inside = inner(rect);
            if inside.contains(at) {
                let row = state.letters_scroll + usize::from(at.y - inside.y);
                if row < state.order.len() {
                    state.cursor = row;
                    state.cursor_moved = true;
                }
            }
        }
        Pane::Comments if state.open.is_some() => {
            state.set_focus(Pane::Comments, fx);
            let warnings = state.open_letter().map_or(0, |l| l.warnings.len());
            let rows = comment_rows(rect, warnings);
            if !rows.contains(at) {
                return;
            }
            let visible = state.visible_comments();
            let Some(open) = &state.open else { return };
            let Some(doc) = &open.doc else { return };
            let row = open.scroll + usize::from(at.y - rows.y);
            let hit = doc
                .spans(&visible)
                .into_iter()
                .find(|&(_, start, len)| (start..start + len).contains(&row));
            if let Some((comment, _, _)) = hit {
                let scroll = open.scroll;
                state.select_comment(comment, fx);
                // The click does not move what is under the pointer.
                if let Some(open) = &mut state.open {
                    open.scroll = scroll;
                    open.follow = false;
                }
            }
        }
        Pane::Draft => {
            if state.focus != Pane::Draft {
                comments::edit(state, fx);
            }
            // The cursor goes to the character under the pointer, in the editor as
            // fitted to its part of the pane.
            let editor = state.editor_area(rect);
            if state.focus == Pane::Draft && editor.contains(at) {
                state.editor.fit(editor.width, editor.height);
                state.editor.place(at.x - editor.x, at.y - editor.y);
            }
        }
        Pane::Comments => {}
    }
}

fn wheel(state: &mut State, pane: Pane, down: bool, fx: &mut Vec<Effect>) {
    let step = if down { Command::Down } else { Command::Up };
    match pane {
        Pane::Letters => {
            for _ in 0..WHEEL {
                letters::move_letters(state, step);
            }
        }
        Pane::Comments => {
            let visible = state.visible_comments();
            comments::scroll_comments(state, down, WHEEL, &visible, fx);
        }
        Pane::Draft if state.focus == Pane::Draft => {
            for _ in 0..WHEEL {
                state.edit_command(step, fx);
            }
        }
        Pane::Draft => {}
    }
}
