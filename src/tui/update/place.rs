//! Going back to the place the workspace was left at: its letter opened once listed,
//! then its comment selected and its pane focused once the letter shows.

use crate::tui::model::action::Effect;
use crate::tui::model::ids::{Filter, Pane};
use crate::tui::model::place::Place;
use crate::tui::model::state::State;

/// A step towards the remembered place, after anything that lists or shows letters.
pub(super) fn go_on(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(place) = &state.returning else {
        return;
    };
    let Some(&id) = state.by_path.get(&place.letter) else {
        // Gone: the list is where the workspace starts.
        if state.index.finished {
            state.returning = None;
        }
        return;
    };
    match &state.open {
        None => {
            let Some(at) = state.order.iter().position(|&o| o == id) else {
                state.returning = None;
                return;
            };
            state.cursor = at;
            state.cursor_moved = true;
            super::letters::open_letter(state, fx);
            if state.open.is_none() {
                state.returning = None;
            }
        }
        Some(open) if open.id != id => state.returning = None,
        Some(open) if open.reading || !state.entries[id.0].slot.loaded => {}
        Some(_) => {
            let Some(place) = state.returning.take() else {
                return;
            };
            let found = state.open_letter().and_then(|l| {
                l.comments
                    .iter()
                    .position(|c| Some(&c.number) == place.comment.as_ref())
            });
            if let Some(comment) = found {
                state.select_comment(comment, fx);
            }
            state.focus = if place.pane == "letters" {
                Pane::Letters
            } else {
                Pane::Comments
            };
        }
    }
}

impl State {
    /// Where the workspace is now: `None` when no letter is open.
    pub fn place(&self) -> Option<Place> {
        let open = self.open.as_ref()?;
        let pane = match self.focus {
            Pane::Letters => "letters",
            Pane::Comments | Pane::Draft => "comments",
        };
        Some(Place {
            letter: self.entries[open.id.0].path.clone(),
            comment: self.selected_comment().map(|c| c.number.clone()),
            pane: pane.to_owned(),
            filter: self.filter.label().to_owned(),
        })
    }

    /// Go back to `place` once its letter is listed (a letter that is gone leaves the
    /// list as it is).
    pub fn return_to(&mut self, place: Place) {
        self.filter = [
            Filter::All,
            Filter::Open,
            Filter::Drafted,
            Filter::Resolved,
            Filter::Mine,
        ]
        .into_iter()
        .find(|f| f.label() == place.filter)
        .unwrap_or_default();
        self.returning = Some(place);
    }
}
