//! The dialogs and the program's end: help, recovery, conflict, questions, save, quit
//! (the export's prompt and question: `exporting.rs`).

use crate::config::{Command, Context};
use crate::drafts::{Renamed, Resolution, drafts_path};
use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::help_lines::{help_lines, help_rect};
use crate::tui::model::ids::LetterId;
use crate::tui::model::names::file_name;
use crate::tui::model::question::{Answer, Choice, Question};
use crate::tui::model::state::State;

pub(super) fn scroll_help(state: &mut State, command: Command) {
    let height = state.size.1;
    let screen = ratatui::layout::Rect::new(0, 0, state.size.0, height);
    let rect = help_rect(&state.config.keymap, screen);
    let lines = help_lines(
        &state.config.keymap,
        usize::from(rect.width.saturating_sub(2)),
    );
    let max = lines
        .len()
        .saturating_sub(usize::from(rect.height.saturating_sub(2)));
    let page = usize::from(height / 2).max(1);
    let scroll = state.dialogs.help.unwrap_or(0);
    state.dialogs.help = Some(
        match command {
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown => scroll + page,
            Command::PageUp => scroll.saturating_sub(page),
            Command::HalfPageDown => scroll + page / 2,
            Command::HalfPageUp => scroll.saturating_sub(page / 2),
            Command::First => 0,
            Command::Last => max,
            _ => scroll,
        }
        .min(max),
    );
}

/// Scroll the recent messages; any other command closes them.
pub(super) fn scroll_messages(state: &mut State, command: Command) {
    let scroll = state.dialogs.log.shown.unwrap_or(0);
    let max = state.dialogs.log.recent.len().saturating_sub(1);
    let page = usize::from(state.size.1 / 2).max(1);
    state.dialogs.log.shown = match command {
        Command::Down => Some(scroll + 1),
        Command::Up => Some(scroll.saturating_sub(1)),
        Command::PageDown | Command::HalfPageDown => Some(scroll + page),
        Command::PageUp | Command::HalfPageUp => Some(scroll.saturating_sub(page)),
        Command::First => Some(0),
        Command::Last => Some(max),
        _ => None,
    }
    .map(|s| s.min(max));
}

pub(super) fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    let stuck: Vec<String> = state
        .entries
        .iter()
        .filter(|e| {
            let slot = &e.slot;
            slot.dirty() && (slot.blocked.is_some() || slot.failed.is_some())
                || !slot.conflicts.is_empty()
        })
        .map(|e| file_name(&e.path))
        .collect();
    if !stuck.is_empty() && !state.quit_armed {
        state.quit_armed = true;
        state.journal_all_unsaved(fx);
        let key = state.key_for(Context::Global, Command::Quit);
        let kept = if state.journal_failed {
            "not saved, and the journal cannot be written: quitting asks where to write them"
        } else {
            "they go to the journal"
        };
        state.error(format!(
            "Unsaved drafts in {} ({kept}). Press {key} again to quit anyway.",
            stuck.join(", ")
        ));
        return;
    }
    state.journal_all_unsaved(fx);
    state.save_all(fx);
    fx.push(Effect::Quit);
    state.quit = true;
}

/// The recovery dialog's keys: recover or discard the first offer, go to the next or
/// previous one (the one left stays offered), or close.
pub(super) fn recovery(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(offer) = state.dialogs.recovery.offers.first().cloned() else {
        state.dialogs.recovery.open = false;
        return;
    };
    state.recover_waiting = false;
    match command {
        Command::Down => return state.dialogs.recovery.offers.rotate_left(1),
        Command::Up => return state.dialogs.recovery.offers.rotate_right(1),
        Command::Later => {
            state.dialogs.recovery.open = false;
            let key = state.key_for(Context::Letters, Command::ShowRecovery);
            state.info(format!(
                "Unsaved text stays in the journal: press {key} in Letters to see it again."
            ));
            return;
        }
        Command::Discard => {
            fx.push(Effect::DiscardJournal(offer.entry.clone()));
            state.dialogs.recovery.offers.remove(0);
            state.info("Journalled text discarded.");
        }
        _ => {
            let at = state
                .by_path
                .get(&offer.entry.letter)
                .map(|id| id.0)
                .filter(|&at| state.entries[at].listing.is_ok());
            let name = file_name(&offer.entry.letter);
            let Some(at) = at else {
                if !state.index.finished {
                    // Not listed yet: tried again as letters arrive.
                    state.recover_waiting = true;
                    return state.info(format!("Looking for {name} among the letters…"));
                }
                state.error(format!(
                    "{name} is not open in this workspace: open its folder to recover, or discard."
                ));
                return;
            };
            if !state.entries[at].slot.loaded {
                // Its drafts file first, so the recovered text joins the other drafts.
                state.recover_waiting = true;
                state.load_drafts(LetterId(at), fx);
                return state.info(format!("Reading the drafts of {name}…"));
            }
            // Journalled again as this instance's typing, until it is saved.
            let now = state.now;
            let letter = state.entries[at].path.clone();
            let number = &offer.entry.number;
            state.journal.typed(&letter, number, &offer.entry.text, now);
            let slot = &mut state.entries[at].slot;
            slot.drafts
                .set_response(&offer.entry.number, offer.entry.text.clone());
            slot.edits += 1;
            slot.first_unsaved.get_or_insert(state.now);
            slot.last_edit = Some(state.now);
            state.dialogs.recovery.offers.remove(0);
            let number = sanitize(&offer.entry.number).into_owned();
            state.info(format!("Comment {number} recovered; it will be saved."));
            if state.open.as_ref().is_some_and(|o| o.id.0 == at) {
                state.load_editor();
            }
        }
    }
    if state.dialogs.recovery.offers.is_empty() {
        state.dialogs.recovery.open = false;
    }
}

/// A recovery the user asked for waits for this letter (to be listed, or its drafts
/// read): try it again.
pub(super) fn recover_waiting_for(state: &mut State, id: LetterId, fx: &mut Vec<Effect>) {
    if state.recover_waiting
        && state
            .dialogs
            .recovery
            .offers
            .first()
            .is_some_and(|o| o.entry.letter == state.entries[id.0].path)
    {
        recovery(state, Command::Recover, fx);
    }
}

/// Open the conflict dialog on the selected comment, if it has a conflict.
pub(super) fn show_conflict(state: &mut State) {
    let conflicts = state.conflicts();
    let selected = state.selected_comment().map(|c| c.number.clone());
    let number = selected
        .filter(|n| conflicts.iter().any(|c| &c.number == n))
        .or_else(|| conflicts.first().map(|c| c.number.clone()));
    match number {
        Some(number) => state.dialogs.conflict = Some(number),
        None => state.info("No conflicts in this letter."),
    }
}

/// The conflict dialog's keys.
pub(super) fn conflict(state: &mut State, command: Command) {
    let Some(number) = state.dialogs.conflict.take() else {
        return;
    };
    let resolution = match command {
        Command::KeepMine => Resolution::KeepMine,
        Command::TakeTheirs => Resolution::TakeTheirs,
        Command::KeepBoth => Resolution::KeepBoth,
        _ => {
            let key = state.key_for(Context::Comments, Command::ShowConflict);
            state.info(format!(
                "The file keeps its version until you choose (press {key} on the comment)."
            ));
            return;
        }
    };
    state.resolve_conflict(&number, resolution);
    let shown = sanitize(&number).into_owned();
    state.info(format!("Comment {shown}: conflict settled."));
    if let Some(next) = state.conflicts().first().map(|c| c.number.clone()) {
        state.dialogs.conflict = Some(next);
    }
}

pub(super) fn save_now(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(open) = &state.open
        && let Some(error) = &state.entries[open.id.0].slot.blocked
    {
        let error = format!("Not saved: {error}");
        state.error(error);
    }
    if !state.save_all(fx) && state.message.is_none() {
        state.info("Nothing to save.");
    }
}

/// A letter without drafts has the comments of a drafts file whose letter is gone:
/// ask whether to give that file the letter's name.
pub(super) fn ask_reattach(state: &mut State, id: LetterId, found: Renamed) {
    let Some(entry) = state.entries.get(id.0) else {
        return;
    };
    let to = drafts_path(&entry.path);
    let (from_name, to_name) = (file_name(&found.drafts), file_name(&to));
    let question = Question {
        title: "Drafts of a renamed letter?".to_owned(),
        lines: vec![
            format!(
                "{} has no drafts file, but {from_name}, whose letter is gone, was written \
                 for the same comments ({} of {} match this letter's text).",
                file_name(&entry.path),
                found.matched,
                found.stamped,
            ),
            format!("Re-attaching renames {from_name} to {to_name}; nothing is overwritten."),
        ],
        choices: vec![
            Choice {
                command: Command::Yes,
                label: format!("re-attach: rename it to {to_name}"),
                answer: Answer::Reattach {
                    letter: id,
                    from: found.drafts,
                    to,
                },
            },
            Choice {
                command: Command::No,
                label: "leave both files as they are".to_owned(),
                answer: Answer::Nothing,
            },
        ],
        later: "decide later (asked again next time)",
    };
    if !state.dialogs.questions.contains(&question) {
        state.dialogs.questions.push_back(question);
    }
}

/// The question on top answered (or closed with `Later`).
pub(super) fn answer(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(question) = state.dialogs.questions.front() else {
        return;
    };
    let answer = match (command, question.answer(command)) {
        (_, Some(answer)) => answer.clone(),
        (Command::Later, None) => Answer::Nothing,
        (_, None) => return,
    };
    state.dialogs.questions.pop_front();
    match answer {
        Answer::Nothing => {}
        Answer::Reattach { letter, from, to } => fx.push(Effect::Reattach { letter, from, to }),
        Answer::Export {
            letter,
            format,
            when_edited,
        } => super::exporting::export(state, letter, format, when_edited, fx),
    }
}

/// A renamed letter's drafts file was moved to the letter's name (and read), or not.
pub(super) fn reattached(
    state: &mut State,
    id: LetterId,
    from: &std::path::Path,
    result: Result<Option<crate::drafts::Drafts>, Problem>,
    fx: &mut Vec<Effect>,
) {
    match result {
        Ok(drafts) => {
            let Some(entry) = state.entries.get(id.0) else {
                return;
            };
            let message = format!(
                "Re-attached {} to {} (renamed it {}).",
                file_name(from),
                file_name(&entry.path),
                file_name(&drafts_path(&entry.path)),
            );
            state.drafts_loaded(id, Ok(drafts), fx);
            state.info(message);
        }
        Err(error) => state.error(format!("Drafts not re-attached: {}", error.named())),
    }
}
