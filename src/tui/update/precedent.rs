//! Precedent: the overlay opened on the selected comment, its hits arriving from the
//! precedent worker, moving among them, reading one in full, and quoting an answer
//! into the draft (where the user edits it: nothing is written without them).

use crate::config::{Command, Context};
use crate::precedent::Found;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::Pane;
use crate::tui::model::precedent::{IndexState, PrecedentView};
use crate::tui::model::precedent_layout::{body_on, full_rows, last_scroll};
use crate::tui::model::state::State;

/// Open the overlay on the selected comment and ask for its precedent.
pub(super) fn open(state: &mut State, fx: &mut Vec<Effect>) {
    let path = state
        .open
        .as_ref()
        .map(|o| state.entries[o.id.0].path.clone());
    let comment = state
        .selected_comment()
        .map(|c| (c.number.clone(), c.text.clone(), c.headings.last().cloned()));
    let (Some(path), Some((number, text, heading))) = (path, comment) else {
        let key = state.key_for(Context::Letters, Command::Open);
        state.info(format!(
            "Open a letter and select a comment first ({key} in Letters)."
        ));
        return;
    };
    let view = PrecedentView::new(number, text);
    let company = state.open_letter().and_then(|l| l.company.clone());
    fx.push(Effect::FindPrecedent {
        text: view.text.clone(),
        heading,
        path,
        company,
    });
    if state.precedent_index == IndexState::Unused {
        state.precedent_index = IndexState::Building(None);
    }
    state.dialogs.precedent = Some(view);
    state.dialogs.precedent_hit = None;
}

/// The worker found precedent for `text`: shown if the overlay is still open on it.
pub(super) fn found(state: &mut State, text: &str, result: Result<Found, String>) {
    if let Some(view) = &mut state.dialogs.precedent
        && view.text == text
    {
        view.found = Some(result);
        view.selected = 0;
        state.dialogs.precedent_hit = None;
    }
}

/// The indexing process said `line` while it runs: the overlay shows it while the
/// index is first built (later updates run behind a ready index).
pub(super) fn indexing(state: &mut State, line: String) {
    if let IndexState::Building(said) = &mut state.precedent_index {
        *said = Some(line);
    }
}

/// The index is up to date (this many comments), or why it is not available.
pub(super) fn indexed(state: &mut State, result: Result<u64, String>) {
    state.precedent_index = match result {
        Ok(comments) => IndexState::Ready(comments),
        Err(error) => IndexState::Failed(error),
    };
}

/// A key of the overlay's list of hits.
pub(super) fn key(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(view) = &mut state.dialogs.precedent else {
        return;
    };
    let last = view.hits().len().saturating_sub(1);
    match command {
        Command::Down => view.selected = (view.selected + 1).min(last),
        Command::Up => view.selected = view.selected.saturating_sub(1),
        Command::First => view.selected = 0,
        Command::Last => view.selected = last,
        Command::Open if !view.hits().is_empty() => state.dialogs.precedent_hit = Some(0),
        Command::Leave => close(state),
        Command::QuoteAnswer => quote(state, fx),
        _ => {}
    }
}

/// A key of the hit read in full: scrolling it (no further than its last row at the
/// bottom), back to the list, or quoting its answer.
pub(super) fn read(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let (Some(view), Some(scroll)) = (&state.dialogs.precedent, state.dialogs.precedent_hit) else {
        return;
    };
    let body = body_on(state.size, state.shape());
    let rows = view
        .hits()
        .get(view.selected)
        .map_or(0, |hit| full_rows(hit, usize::from(body.width)).len());
    let max = last_scroll(rows, body);
    let page = body.height.saturating_sub(1).max(1);
    let scrolled = match command {
        Command::Down => scroll.saturating_add(1),
        Command::Up => scroll.saturating_sub(1),
        Command::PageDown => scroll.saturating_add(page),
        Command::PageUp => scroll.saturating_sub(page),
        Command::HalfPageDown => scroll.saturating_add(page / 2),
        Command::HalfPageUp => scroll.saturating_sub(page / 2),
        Command::First => 0,
        Command::Last => max,
        Command::Leave => {
            state.dialogs.precedent_hit = None;
            return;
        }
        Command::QuoteAnswer => return quote(state, fx),
        _ => scroll,
    };
    state.dialogs.precedent_hit = Some(scrolled.min(max));
}

/// Close the overlay, and the hit read in full with it.
fn close(state: &mut State) {
    state.dialogs.precedent = None;
    state.dialogs.precedent_hit = None;
}

/// Put the selected hit's answer into the selected comment's draft, at the cursor, as
/// a quotation naming where it comes from, and open the editor on it.
fn quote(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(view) = &state.dialogs.precedent else {
        return;
    };
    let Some(hit) = view.hits().get(view.selected) else {
        return;
    };
    let Some(answer) = &hit.answer else {
        state.info("This comment has no answer in the letters indexed: nothing to quote.");
        return;
    };
    let date = if hit.date.is_empty() {
        String::new()
    } else {
        format!(" dated {}", hit.date)
    };
    let mut quotation = format!(
        "> {}, answer to comment {} of the staff letter{date}:\n",
        hit.company, hit.comment
    );
    for line in answer.lines() {
        quotation.push_str(if line.is_empty() { ">" } else { "> " });
        quotation.push_str(line);
        quotation.push('\n');
    }
    quotation.push('\n');
    let company = hit.company.clone();
    close(state);
    super::comments::edit(state, fx);
    if state.focus == Pane::Draft {
        state.paste(&quotation);
        state.info(format!(
            "{}'s answer quoted into the draft: edit it to fit (undo takes it out).",
            crate::text::sanitize_line(&company)
        ));
    }
}
