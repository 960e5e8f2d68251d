//! Comments: moving, scrolling, filtering, resolving, entering a draft.

use crate::config::Command;
use crate::drafts::Status;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::Pane;
use crate::tui::model::state::{State, status_of};

pub(super) fn edit(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.open else { return };
    if open.selected.is_none() {
        state.info("This letter has no comments to answer.");
    } else if !state.entries[open.id.0].slot.loaded {
        state.info("Drafts are still loading.");
    } else {
        state.set_focus(Pane::Draft, fx);
    }
}

pub(super) fn move_comments(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let visible = state.visible_comments();
    let Some(open) = &state.open else { return };
    let Some(selected) = open.selected else {
        return;
    };
    let at = visible.iter().position(|&i| i == selected).unwrap_or(0);
    let target = match command {
        Command::Down => visible.get(at + 1).copied(),
        Command::Up => at.checked_sub(1).map(|i| visible[i]),
        Command::First => visible.first().copied(),
        Command::Last => visible.last().copied(),
        _ => return scroll_comments(state, command == Command::PageDown, &visible, fx),
    };
    if let Some(target) = target {
        state.select_comment(target, fx);
    }
}

/// Scroll the Comments pane a page; the selection moves only when it would leave the view.
pub(super) fn scroll_comments(
    state: &mut State,
    down: bool,
    visible: &[usize],
    fx: &mut Vec<Effect>,
) {
    let height = state.pane_height(Pane::Comments).max(1);
    let Some(open) = &mut state.open else { return };
    let Some(doc) = &open.doc else { return };
    let spans = doc.spans(visible);
    let total = spans.last().map_or(0, |&(_, start, len)| start + len);
    let step = height.saturating_sub(1).max(1);
    open.scroll = if down {
        open.scroll + step
    } else {
        open.scroll.saturating_sub(step)
    }
    .min(total.saturating_sub(height));
    let view = open.scroll..open.scroll + height;
    let in_view =
        |&(_, start, len): &(usize, usize, usize)| start < view.end && start + len > view.start;
    if spans
        .iter()
        .any(|s| Some(s.0) == open.selected && in_view(s))
    {
        return;
    }
    let target = if down {
        spans.iter().find(|s| in_view(s))
    } else {
        spans.iter().rev().find(|s| in_view(s))
    };
    if let Some(&(target, _, _)) = target {
        state.select_comment(target, fx);
        if let Some(open) = &mut state.open {
            open.follow = false;
        }
    }
}

pub(super) fn toggle_resolved(state: &mut State) {
    let Some(open) = &state.open else { return };
    let Some(number) = state.selected_comment().map(|c| c.number.clone()) else {
        return;
    };
    let slot = &mut state.entries[open.id.0].slot;
    if !slot.loaded {
        return state.info("Drafts are still loading.");
    }
    let resolved = slot.drafts.toggle_resolved(&number) == Some(Status::Resolved);
    let empty = slot
        .drafts
        .get(&number)
        .is_none_or(|d| d.response.trim().is_empty());
    state.mark_edit();
    let number = sanitize(&number).into_owned();
    state.info(if resolved && empty {
        format!(
            "Comment {number} resolved with no response: the export lists it as unanswered \
             ([Response to come])."
        )
    } else if resolved {
        format!("Comment {number} resolved.")
    } else {
        format!("Comment {number} reopened.")
    });
}

pub(super) fn next_open(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    let (Some(letter), Some(drafts)) = (state.open_letter(), state.drafts()) else {
        return;
    };
    let Some(selected) = state.open.as_ref().and_then(|o| o.selected) else {
        return;
    };
    let unresolved =
        |i: &usize| status_of(drafts, *i, &letter.comments[*i].number) != Status::Resolved;
    let target = if forward {
        (selected + 1..letter.comments.len()).find(unresolved)
    } else {
        (0..selected).rev().find(unresolved)
    };
    match target {
        Some(target) => state.select_comment(target, fx),
        None if forward => state.info("No unresolved comment below."),
        None => state.info("No unresolved comment above."),
    }
}

pub(super) fn cycle_filter(state: &mut State, fx: &mut Vec<Effect>) {
    state.filter = state.filter.next();
    let filter = state.filter;
    let (Some(letter), Some(drafts)) = (state.open_letter(), state.drafts()) else {
        return state.info(format!("Filter: {}.", filter.label()));
    };
    let admitted: Vec<usize> = (0..letter.comments.len())
        .filter(|&i| filter.admits(status_of(drafts, i, &letter.comments[i].number)))
        .collect();
    let selected = state.open.as_ref().and_then(|o| o.selected).unwrap_or(0);
    let count = admitted.len();
    if !admitted.contains(&selected)
        && let Some(&target) = admitted
            .iter()
            .find(|&&i| i > selected)
            .or_else(|| admitted.iter().rev().find(|&&i| i < selected))
    {
        state.select_comment(target, fx);
    }
    let noun = if count == 1 { "comment" } else { "comments" };
    state.info(format!("Filter: {} ({count} {noun}).", filter.label()));
    if let Some(open) = &mut state.open {
        open.follow = true;
    }
}
