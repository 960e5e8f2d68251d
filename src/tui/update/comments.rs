//! Comments: moving, scrolling, filtering, resolving, entering a draft.

use crate::config::Command;
use crate::drafts::Status;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::{Filter, Pane};
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
        Command::PageDown | Command::PageUp => {
            let page = state.pane_height(Pane::Comments).saturating_sub(1);
            return scroll_comments(state, command == Command::PageDown, page, &visible, fx);
        }
        _ => {
            let half = state.pane_height(Pane::Comments) / 2;
            return scroll_comments(state, command == Command::HalfPageDown, half, &visible, fx);
        }
    };
    if let Some(target) = target {
        state.select_comment(target, fx);
    }
}

/// Scroll the Comments pane `step` rows; the selection moves only when it would leave
/// the view.
pub(super) fn scroll_comments(
    state: &mut State,
    down: bool,
    step: usize,
    visible: &[usize],
    fx: &mut Vec<Effect>,
) {
    let height = state.pane_height(Pane::Comments).max(1);
    let Some(open) = &mut state.open else { return };
    let Some(doc) = &open.doc else { return };
    let spans = doc.spans(visible);
    let total = spans.last().map_or(0, |&(_, start, len)| start + len);
    let step = step.max(1);
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
    set_filter(state, state.filter.next(), fx);
}

/// List the comments `filter` admits, the selection moving to the nearest listed one.
pub(super) fn set_filter(state: &mut State, filter: Filter, fx: &mut Vec<Effect>) {
    if filter == Filter::Mine && state.me.is_none() {
        return state.error(
            "Who are you? Set $LETTERDESK_USER, `user` under [workspace] in the config, or :set me=NAME.",
        );
    }
    state.filter = filter;
    let (Some(letter), Some(drafts)) = (state.open_letter(), state.drafts()) else {
        return state.info(format!("Filter: {}.", filter.label()));
    };
    let admitted: Vec<usize> = (0..letter.comments.len())
        .filter(|&i| state.admits(drafts, i, &letter.comments[i].number))
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

/// `zz`: the selected comment in the middle of the pane.
pub(super) fn center(state: &mut State) {
    let height = state.pane_height(Pane::Comments);
    let visible = state.visible_comments();
    let Some(open) = &mut state.open else { return };
    let Some(doc) = &open.doc else { return };
    let spans = doc.spans(&visible);
    if let Some(&(_, start, len)) = spans.iter().find(|s| Some(s.0) == open.selected) {
        open.scroll = (start + len / 2).saturating_sub(height / 2);
        open.follow = false;
    }
}
