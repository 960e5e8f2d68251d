//! Search in the open letter's comments and drafts.

use crate::config::{Command, Context};
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::command_line::delete_word;
use crate::tui::model::state::State;

/// Ctrl-W or Ctrl-U on the search being typed: delete its last word, or all of it.
pub(super) fn edit_prompt(state: &mut State, command: Command) {
    if let Some(prompt) = &mut state.dialogs.prompt {
        match command {
            Command::DeleteWord => delete_word(prompt),
            _ => prompt.clear(),
        }
    }
}

pub(super) fn submit_search(state: &mut State) {
    let query = state.dialogs.prompt.take().unwrap_or_default();
    if query.trim().is_empty() {
        state.query = None;
        return;
    }
    state.query = Some(query);
    jump_to_hit(state, None, true);
}

pub(super) fn search_step(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    if state.query.is_none() {
        let key = state.key_for(Context::Comments, Command::Search);
        return state.info(format!("No search yet: press {key} to search."));
    }
    if let Some(target) = jump_to_hit(state, Some(forward), false) {
        state.select_comment(target, fx);
    }
}

/// Find the next hit of the query: at or after the selection for a new search
/// (`direction` None, selecting it at once), else strictly after/before it, wrapping.
pub(super) fn jump_to_hit(
    state: &mut State,
    direction: Option<bool>,
    select: bool,
) -> Option<usize> {
    let query = state.query.clone()?;
    let hits = state.hits(&query);
    let selected = state.open.as_ref().and_then(|o| o.selected).unwrap_or(0);
    let shown = sanitize(&query).replace('\n', " ");
    let target = match direction {
        None => hits.iter().find(|&&i| i >= selected).or(hits.first()),
        Some(true) => hits.iter().find(|&&i| i > selected).or(hits.first()),
        Some(false) => hits.iter().rev().find(|&&i| i < selected).or(hits.last()),
    }
    .copied();
    match target {
        None => state.info(format!("No match for “{shown}”.")),
        Some(target) => {
            let n = hits.iter().position(|&i| i == target).unwrap_or(0) + 1;
            state.info(format!("“{shown}”: match {n} of {}.", hits.len()));
            if select && let Some(open) = &mut state.open {
                open.selected = Some(target);
                open.follow = true;
                state.load_editor();
            }
        }
    }
    target
}

impl State {
    /// Comments of the open letter whose number, headings, text or draft contain `query`
    /// (ignoring case).
    fn hits(&self, query: &str) -> Vec<usize> {
        let (Some(letter), Some(drafts)) = (self.open_letter(), self.drafts()) else {
            return Vec::new();
        };
        let query = query.to_lowercase();
        let has = |s: &str| s.to_lowercase().contains(&query);
        (0..letter.comments.len())
            .filter(|&i| {
                let c = &letter.comments[i];
                has(&c.number)
                    || c.headings.iter().any(|h| has(h))
                    || has(&c.text)
                    || drafts
                        .get_at(i, &c.number)
                        .is_some_and(|d| has(&d.response))
            })
            .collect()
    }
}
