//! Letters: listing and reading them, moving in the Letters pane, opening one.

use crate::config::Command;
use crate::drafts::drafts_path;
use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::entry::OpenLetter;
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::names::file_name;
use crate::tui::model::state::State;

/// A letter was parsed in full: it opens (when it was being opened) or shows again (it
/// changed on disk while open); the drafts worker gets it for the text fingerprints.
pub(super) fn letter_read(
    state: &mut State,
    path: std::path::PathBuf,
    filed: Result<crate::review::Filed, Problem>,
    fx: &mut Vec<Effect>,
) {
    let (letter, sections) = match filed {
        Ok(filed) => (Ok(filed.letter), Some(filed.sections)),
        Err(error) => (Err(error), None),
    };
    let id = state.insert_letter(path, letter, sections);
    let entry = &state.entries[id.0];
    let name = file_name(&entry.path);
    if let Some(letter) = &entry.letter {
        fx.push(Effect::Letter {
            letter: id,
            path: drafts_path(&entry.path),
            text: letter.clone(),
        });
    }
    let Some(open) = state.open.as_ref().filter(|o| o.id == id) else {
        return;
    };
    if let Err(error) = &state.entries[id.0].listing {
        let error = format!("Cannot open {name}: {}", error.message);
        state.open = None;
        state.focus = Pane::Letters;
        state.load_editor();
        return state.error(error);
    }
    if open.reading {
        show_open_letter(state, fx);
    } else {
        state.info(format!("{name} changed on disk and was read again."));
        state.load_editor();
    }
}

/// A file under the watched folders changed: a drafts file is checked (by content: the
/// program's own saves do not count), a letter file is indexed again.
pub(super) fn file_changed(state: &mut State, path: std::path::PathBuf, fx: &mut Vec<Effect>) {
    for (i, entry) in state.entries.iter().enumerate() {
        if entry.slot.loaded && drafts_path(&entry.path) == path {
            fx.push(Effect::CheckDrafts {
                letter: LetterId(i),
                path,
            });
            return;
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let letterish = !name.starts_with('.') && crate::index::is_letter_name(&name);
    if letterish && (state.index.finished || state.by_path.contains_key(&path)) {
        fx.push(Effect::Reparse(path));
    }
}

pub(super) fn move_letters(state: &mut State, command: Command) {
    let count = state.order.len();
    if count == 0 {
        return;
    }
    let page = state.pane_height(Pane::Letters).max(1);
    state.cursor = list_step(state.cursor, count, page, page.div_ceil(2), command);
    state.cursor_moved = true;
}

/// Where a list's cursor at row `at` of `count` goes for a moving `command`, a page being
/// `page` rows and half a page `half`: never past the last row.
pub(super) fn list_step(
    at: usize,
    count: usize,
    page: usize,
    half: usize,
    command: Command,
) -> usize {
    match command {
        Command::Down => at + 1,
        Command::Up => at.saturating_sub(1),
        Command::First => 0,
        Command::PageDown => at + page,
        Command::PageUp => at.saturating_sub(page),
        Command::HalfPageDown => at + half,
        Command::HalfPageUp => at.saturating_sub(half),
        _ => count - 1,
    }
    .min(count - 1)
}

pub(super) fn open_letter(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(&id) = state.order.get(state.cursor) else {
        return;
    };
    let entry = &state.entries[id.0];
    if let Err(error) = &entry.listing {
        let name = file_name(&entry.path);
        let error = format!("Cannot open {name}: {}", error.message);
        state.error(error);
        return;
    }
    let reading = entry.letter.is_none();
    if reading {
        fx.push(Effect::ReadLetter(entry.path.clone()));
    }
    if let Some(old) = state.open.as_ref().map(|o| o.id)
        && old != id
    {
        state.save_if_dirty(old, fx);
    }
    state.open = Some(OpenLetter {
        id,
        selected: None,
        scroll: 0,
        follow: true,
        reading,
        doc: None,
        pending_width: None,
    });
    state.focus = Pane::Comments;
    if reading {
        state.load_editor();
    } else {
        state.keep_parsed(id);
        show_open_letter(state, fx);
    }
}

/// The open letter has been read: select its first comment the filter admits, fill the
/// editor, say what is odd about it, and read its drafts file (again, when nothing is
/// waiting to be saved: someone may have changed it).
pub(super) fn show_open_letter(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.open else { return };
    let id = open.id;
    let entry = &state.entries[id.0];
    let Some(letter) = entry.letter.clone() else {
        return;
    };
    let first = (0..letter.comments.len())
        .find(|&i| state.admits(&entry.slot.drafts, i, &letter.comments[i].number))
        .or((!letter.comments.is_empty()).then_some(0));
    if let Some(open) = &mut state.open {
        open.selected = first;
        open.reading = false;
        open.follow = true;
    }
    state.load_editor();
    let orphans: Vec<String> = state
        .orphaned_drafts()
        .iter()
        .map(|d| sanitize(&d.number).into_owned())
        .collect();
    if !orphans.is_empty() {
        state.info(format!(
            "Drafts kept for comments no longer in this letter: {}.",
            orphans.join(", ")
        ));
    }
    if letter.is_windows_1252() {
        let name = file_name(&state.entries[id.0].path);
        state.info(format!(
            "{name} is not UTF-8: read as Windows-1252 (letter files are never written)."
        ));
    }
    let slot = &state.entries[id.0].slot;
    if !slot.loaded || (!slot.dirty() && slot.in_flight == 0) {
        state.load_drafts(id, fx);
    }
}
