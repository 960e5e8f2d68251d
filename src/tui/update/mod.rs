//! `update`: the only place the state changes. Pure: disk work goes out as [`Effect`]s.

pub(crate) mod drafts;
pub(crate) mod input;

use ratatui::layout::Rect;

use crate::config::{Command, help_height};
use crate::drafts::{Resolution, Status, drafts_path};
use crate::export::Format;
use crate::text::sanitize;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::layout::{areas, inner};
use crate::tui::model::state::{Message, OpenLetter, State, status_of};
use input::map_key;

/// Letters with more comment text than this are laid out on the layout worker.
pub const INLINE_LAYOUT_BYTES: usize = 256 * 1024;

/// Apply `action` to `state`; returns the disk work the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = match action {
        Action::Key(key) if state.holding_keys() => {
            state.held.push_back(key);
            state.held_since.get_or_insert(state.now);
            Vec::new()
        }
        Action::Key(key) => match map_key(&state.config.keymap, state.mode(), key) {
            Some(action) => update(state, action),
            None => Vec::new(),
        },
        action => apply(state, action),
    };
    // Keys typed while a letter was being opened apply to it once it shows.
    while !state.held.is_empty() && !state.holding_keys() {
        if let Some(key) = state.held.pop_front() {
            fx.extend(update(state, Action::Key(key)));
        }
    }
    if state.held.is_empty() {
        state.held_since = None;
    }
    fx
}

/// [`update`] for everything but keys.
fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Key(_) => {}
        Action::Run(command) => run(state, command, &mut fx),
        Action::Type(input) => state.type_input(input),
        Action::Paste(text) => state.paste(&text),
        Action::SearchInput(c) => state.prompt.iter_mut().for_each(|p| p.push(c)),
        Action::SearchBackspace => {
            state.prompt.iter_mut().for_each(|p| {
                p.pop();
            });
        }
        Action::SearchSubmit => submit_search(state),
        Action::SearchCancel => state.prompt = None,
        Action::Resize(width, height) => state.size = (width, height),
        Action::Tick(now) => {
            state.now = now;
            state.autosave(&mut fx);
            state.journal_due(&mut fx);
        }
        Action::FilesFound { total } => {
            state.index.total = Some(total);
            if total == 0 {
                state.info("No letters found (looked for .txt and .md files).");
            }
        }
        Action::LetterIndexed { path, listing } => {
            let known = state.by_path.contains_key(&path);
            let id = state.insert_listing(path, *listing);
            if !known {
                state.index.done += 1;
            }
            recover_waiting_for(state, id, &mut fx);
            // The open letter changed on disk: read it again.
            if known && state.open.as_ref().is_some_and(|o| o.id == id) {
                fx.push(Effect::ReadLetter(state.entries[id.0].path.clone()));
            }
        }
        Action::LetterRead { path, letter } => letter_read(state, path, *letter, &mut fx),
        Action::IndexFinished => {
            state.index.finished = true;
            if state.recover_waiting {
                recovery(state, Command::Recover, &mut fx);
            }
        }
        Action::DraftsLoaded { letter, result, .. } => {
            state.drafts_loaded(letter, result, &mut fx);
            if state.entries[letter.0].slot.loaded {
                recover_waiting_for(state, letter, &mut fx);
            }
        }
        Action::DiskChanged { letter, result, .. } => state.disk_changed(letter, result, &mut fx),
        Action::Saved {
            letter,
            generation,
            result,
        } => state.saved(letter, generation, result, &mut fx),
        Action::LaidOut { letter, doc } => {
            if let Some(open) = &mut state.open
                && open.id == letter
                && open.pending_width == Some(doc.width)
            {
                open.doc = Some(*doc);
                open.pending_width = None;
                open.follow = true;
            }
        }
        Action::JournalOffers { offers, here } => {
            let n = offers.len();
            state.offers = offers;
            // The dialog opens by itself only for this workspace's letters, and not
            // under the user's typing.
            if here > 0 && state.focus != Pane::Draft {
                state.recovering = true;
            } else if here > 0 {
                state.info(format!(
                    "{n} unsaved text(s) found in the journal: press J in Letters to see them."
                ));
            } else if n > 0 {
                state.info(format!(
                    "{n} unsaved text(s) in the journal for letters in other folders: press J in Letters to see them."
                ));
            }
        }
        Action::JournalFailed(error) => {
            state.journal_failed = true;
            state.error(if state.quit_armed {
                format!(
                    "Press q again to quit: it asks where to write unsaved drafts (journal not written: {error})."
                )
            } else {
                format!(
                    "Journal not written: {error}. Unsaved text is only in memory until it is saved."
                )
            });
        }
        Action::FileChanged(path) => file_changed(state, path, &mut fx),
        Action::CommentsChanged { letter, numbers } => {
            if let Some(entry) = state.entries.get_mut(letter.0) {
                entry.slot.changed = numbers;
            }
        }
        Action::Exported { result } => exported(state, result),
        Action::Terminate(signal) => {
            state.signal = Some(signal);
            state.journal_all_unsaved(&mut fx);
            state.save_all(&mut fx);
            fx.push(Effect::Quit);
            state.quit = true;
        }
    }
    state.sync(&mut fx);
    fx
}

/// A letter was parsed in full: it opens (when it was being opened) or shows again (it
/// changed on disk while open); the drafts worker gets it for the text fingerprints.
fn letter_read(
    state: &mut State,
    path: std::path::PathBuf,
    letter: Result<crate::letter::Letter, String>,
    fx: &mut Vec<Effect>,
) {
    let id = state.insert_letter(path, letter);
    let entry = &state.entries[id.0];
    let name = crate::tui::model::names::file_name(&entry.path);
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
        let error = format!("Cannot open {name}: {error}");
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
fn file_changed(state: &mut State, path: std::path::PathBuf, fx: &mut Vec<Effect>) {
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

fn run(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    if state.message.as_ref().is_some_and(|m| !m.error) {
        state.message = None;
    }
    match command {
        Command::ForceQuit => {
            state.save_all(fx);
            fx.push(Effect::Quit);
            state.quit = true;
        }
        Command::Help => state.help = if state.help.is_some() { None } else { Some(0) },
        _ if state.help.is_some() => scroll_help(state, command),
        Command::Recover | Command::Discard | Command::Later | Command::Down | Command::Up
            if state.recovering =>
        {
            recovery(state, command, fx)
        }
        Command::KeepMine | Command::TakeTheirs | Command::KeepBoth | Command::Later
            if state.conflict.is_some() =>
        {
            conflict(state, command)
        }
        Command::ExportMarkdown
        | Command::ExportText
        | Command::ExportHtml
        | Command::ExportDocx
        | Command::ExportChosen
        | Command::Up
        | Command::Down
        | Command::Later
            if state.exporting.is_some() =>
        {
            export_prompt(state, command, fx)
        }
        Command::Export => open_export(state),
        Command::ShowRecovery if state.offers.is_empty() => {
            state.info("Nothing unsaved in the journal.")
        }
        Command::ShowRecovery => state.recovering = true,
        Command::ShowConflict => show_conflict(state),
        Command::Quit => quit(state, fx),
        Command::NextPane => state.set_focus(state.focus.next(), fx),
        Command::PrevPane => state.set_focus(state.focus.prev(), fx),
        Command::Save => save_now(state, fx),
        Command::Down
        | Command::Up
        | Command::First
        | Command::Last
        | Command::PageDown
        | Command::PageUp => match state.focus {
            Pane::Letters => move_letters(state, command),
            Pane::Comments => move_comments(state, command, fx),
            Pane::Draft => state.edit_command(command),
        },
        Command::Open if state.focus == Pane::Letters => open_letter(state, fx),
        Command::Edit if state.focus == Pane::Comments => edit(state, fx),
        Command::Leave if state.focus == Pane::Draft => state.set_focus(Pane::Comments, fx),
        Command::Leave if state.focus == Pane::Comments => state.focus = Pane::Letters,
        Command::ToggleResolved => toggle_resolved(state),
        Command::NextOpen => next_open(state, true, fx),
        Command::PrevOpen => next_open(state, false, fx),
        Command::Filter => cycle_filter(state, fx),
        Command::Search if state.open.is_some() => state.prompt = Some(String::new()),
        Command::Search => state.info("Open a letter first (Enter in Letters)."),
        Command::SearchNext => search_step(state, true, fx),
        Command::SearchPrev => search_step(state, false, fx),
        Command::Left
        | Command::Right
        | Command::WordLeft
        | Command::WordRight
        | Command::LineStart
        | Command::LineEnd
        | Command::Undo
        | Command::Redo
        | Command::DeleteWord
        | Command::DeleteToLineEnd
        | Command::DeleteToLineStart
        | Command::DeleteWordForward
        | Command::Indent
        | Command::Outdent
            if state.focus == Pane::Draft =>
        {
            state.edit_command(command)
        }
        Command::ExportMarkdown
        | Command::ExportText
        | Command::ExportHtml
        | Command::ExportDocx
        | Command::ExportChosen
        | Command::KeepMine
        | Command::TakeTheirs
        | Command::KeepBoth
        | Command::Recover
        | Command::Discard
        | Command::Later
        | Command::Open
        | Command::Edit
        | Command::Leave
        | Command::Left
        | Command::Right
        | Command::WordLeft
        | Command::WordRight
        | Command::LineStart
        | Command::LineEnd
        | Command::Undo
        | Command::Redo
        | Command::DeleteWord
        | Command::DeleteToLineEnd
        | Command::DeleteToLineStart
        | Command::DeleteWordForward
        | Command::Indent
        | Command::Outdent => {}
    }
}

fn scroll_help(state: &mut State, command: Command) {
    let height = state.size.1;
    let max =
        help_height(&state.config.keymap).saturating_sub(usize::from(height.saturating_sub(4)));
    let page = usize::from(height / 2).max(1);
    let scroll = state.help.unwrap_or(0);
    state.help = Some(
        match command {
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown => scroll + page,
            Command::PageUp => scroll.saturating_sub(page),
            Command::First => 0,
            Command::Last => max,
            _ => scroll,
        }
        .min(max),
    );
}

fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    let stuck: Vec<String> = state
        .entries
        .iter()
        .filter(|e| {
            let slot = &e.slot;
            slot.dirty() && (slot.blocked.is_some() || slot.failed.is_some())
                || !slot.conflicts.is_empty()
        })
        .map(|e| crate::tui::model::names::file_name(&e.path))
        .collect();
    if !stuck.is_empty() && !state.quit_armed {
        state.quit_armed = true;
        state.journal_all_unsaved(fx);
        let kept = if state.journal_failed {
            "not saved, and the journal cannot be written: quitting asks where to write them"
        } else {
            "they go to the journal"
        };
        state.error(format!(
            "Unsaved drafts in {} ({kept}). Press q again to quit anyway.",
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
fn recovery(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(offer) = state.offers.first().cloned() else {
        state.recovering = false;
        return;
    };
    state.recover_waiting = false;
    match command {
        Command::Down => return state.offers.rotate_left(1),
        Command::Up => return state.offers.rotate_right(1),
        Command::Later => {
            state.recovering = false;
            state.info("Unsaved text stays in the journal: press J in Letters to see it again.");
            return;
        }
        Command::Discard => {
            fx.push(Effect::DiscardJournal(offer.entry.clone()));
            state.offers.remove(0);
            state.info("Journalled text discarded.");
        }
        _ => {
            let at = state
                .by_path
                .get(&offer.entry.letter)
                .map(|id| id.0)
                .filter(|&at| state.entries[at].listing.is_ok());
            let name = crate::tui::model::names::file_name(&offer.entry.letter);
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
            state.offers.remove(0);
            let number = sanitize(&offer.entry.number).into_owned();
            state.info(format!("Comment {number} recovered; it will be saved."));
            if state.open.as_ref().is_some_and(|o| o.id.0 == at) {
                state.load_editor();
            }
        }
    }
    if state.offers.is_empty() {
        state.recovering = false;
    }
}

/// A recovery the user asked for waits for this letter (to be listed, or its drafts
/// read): try it again.
fn recover_waiting_for(state: &mut State, id: LetterId, fx: &mut Vec<Effect>) {
    if state.recover_waiting
        && state
            .offers
            .first()
            .is_some_and(|o| o.entry.letter == state.entries[id.0].path)
    {
        recovery(state, Command::Recover, fx);
    }
}

/// Open the conflict dialog on the selected comment, if it has a conflict.
fn show_conflict(state: &mut State) {
    let conflicts = state.conflicts();
    let selected = state.selected_comment().map(|c| c.number.clone());
    let number = selected
        .filter(|n| conflicts.iter().any(|c| &c.number == n))
        .or_else(|| conflicts.first().map(|c| c.number.clone()));
    match number {
        Some(number) => state.conflict = Some(number),
        None => state.info("No conflicts in this letter."),
    }
}

/// The conflict dialog's keys.
fn conflict(state: &mut State, command: Command) {
    let Some(number) = state.conflict.take() else {
        return;
    };
    let resolution = match command {
        Command::KeepMine => Resolution::KeepMine,
        Command::TakeTheirs => Resolution::TakeTheirs,
        Command::KeepBoth => Resolution::KeepBoth,
        _ => {
            state.info("The file keeps its version until you choose (press c on the comment).");
            return;
        }
    };
    state.resolve_conflict(&number, resolution);
    let shown = sanitize(&number).into_owned();
    state.info(format!("Comment {shown}: conflict settled."));
    if let Some(next) = state.conflicts().first().map(|c| c.number.clone()) {
        state.conflict = Some(next);
    }
}

/// Open the export prompt for the letter under the cursor (Letters) or the open one.
fn open_export(state: &mut State) {
    let id = if state.focus == Pane::Letters {
        state.order.get(state.cursor).copied()
    } else {
        state.open.as_ref().map(|o| o.id)
    };
    let Some(id) = id else {
        return state.info("No letter to export.");
    };
    let entry = &state.entries[id.0];
    if let Err(error) = &entry.listing {
        let name = crate::tui::model::names::file_name(&entry.path);
        let error = format!("Cannot export {name}: {error}");
        return state.error(error);
    }
    state.exporting = Some((id, Format::Markdown));
}

/// The export prompt's keys: pick a format (at once, or highlighted then Enter), or cancel.
fn export_prompt(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some((id, highlighted)) = state.exporting else {
        return;
    };
    let at = Format::ALL
        .iter()
        .position(|&f| f == highlighted)
        .unwrap_or(0);
    let format = match command {
        Command::Up => {
            state.exporting = Some((id, Format::ALL[at.saturating_sub(1)]));
            return;
        }
        Command::Down => {
            state.exporting = Some((id, Format::ALL[(at + 1).min(Format::ALL.len() - 1)]));
            return;
        }
        Command::Later => {
            state.exporting = None;
            return state.info("Export cancelled.");
        }
        Command::ExportMarkdown => Format::Markdown,
        Command::ExportText => Format::Text,
        Command::ExportHtml => Format::Html,
        Command::ExportDocx => Format::Docx,
        _ => highlighted,
    };
    state.exporting = None;
    let entry = &state.entries[id.0];
    fx.push(Effect::Export {
        letter: id,
        path: entry.path.clone(),
        text: entry.letter.clone(),
        drafts: entry
            .slot
            .loaded
            .then(|| Box::new(entry.slot.drafts.clone())),
        format,
    });
    let name = crate::tui::model::names::file_name(&entry.path);
    state.info(format!("Exporting {name} as {}…", format.name()));
}

/// An export finished: the file written and what the export noticed, or the error.
fn exported(state: &mut State, result: Result<(std::path::PathBuf, Vec<String>), String>) {
    match result {
        Ok((path, notices)) => {
            let shown = sanitize(&path.display().to_string()).replace('\n', " ");
            let mut text = format!("Exported to {shown}.");
            for notice in notices {
                text.push(' ');
                text.push_str(&notice.replace('\n', " "));
                text.push('.');
            }
            state.info(text);
        }
        Err(error) => state.error(format!("Not exported: {}", sanitize(&error))),
    }
}

fn save_now(state: &mut State, fx: &mut Vec<Effect>) {
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

fn move_letters(state: &mut State, command: Command) {
    let count = state.order.len();
    if count == 0 {
        return;
    }
    let page = state.pane_height(Pane::Letters).max(1);
    let at = state.cursor;
    state.cursor = match command {
        Command::Down => at + 1,
        Command::Up => at.saturating_sub(1),
        Command::First => 0,
        Command::PageDown => at + page,
        Command::PageUp => at.saturating_sub(page),
        _ => count - 1,
    }
    .min(count - 1);
    state.cursor_moved = true;
}

fn open_letter(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(&id) = state.order.get(state.cursor) else {
        return;
    };
    let entry = &state.entries[id.0];
    if let Err(error) = &entry.listing {
        let name = crate::tui::model::names::file_name(&entry.path);
        let error = format!("Cannot open {name}: {error}");
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
fn show_open_letter(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.open else { return };
    let id = open.id;
    let entry = &state.entries[id.0];
    let Some(letter) = entry.letter.clone() else {
        return;
    };
    let first = (0..letter.comments.len())
        .find(|&i| {
            state
                .filter
                .admits(status_of(&entry.slot.drafts, i, &letter.comments[i].number))
        })
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
        let name = crate::tui::model::names::file_name(&state.entries[id.0].path);
        state.info(format!(
            "{name} is not UTF-8: read as Windows-1252 (letter files are never written)."
        ));
    }
    let slot = &state.entries[id.0].slot;
    if !slot.loaded || (!slot.dirty() && slot.in_flight == 0) {
        state.load_drafts(id, fx);
    }
}

fn edit(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.open else { return };
    if open.selected.is_none() {
        state.info("This letter has no comments to answer.");
    } else if !state.entries[open.id.0].slot.loaded {
        state.info("Drafts are still loading.");
    } else {
        state.set_focus(Pane::Draft, fx);
    }
}

fn move_comments(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
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
fn scroll_comments(state: &mut State, down: bool, visible: &[usize], fx: &mut Vec<Effect>) {
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

fn toggle_resolved(state: &mut State) {
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

fn next_open(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
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

fn cycle_filter(state: &mut State, fx: &mut Vec<Effect>) {
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

fn submit_search(state: &mut State) {
    let query = state.prompt.take().unwrap_or_default();
    if query.trim().is_empty() {
        state.query = None;
        return;
    }
    state.query = Some(query);
    jump_to_hit(state, None, true);
}

fn search_step(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    if state.query.is_none() {
        return state.info("No search yet: press / to search.");
    }
    if let Some(target) = jump_to_hit(state, Some(forward), false) {
        state.select_comment(target, fx);
    }
}

/// Find the next hit of the query: at or after the selection for a new search
/// (`direction` None, selecting it at once), else strictly after/before it, wrapping.
fn jump_to_hit(state: &mut State, direction: Option<bool>, select: bool) -> Option<usize> {
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
    /// Show an informational message.
    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Show an error message.
    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    fn set_focus(&mut self, pane: Pane, fx: &mut Vec<Effect>) {
        if self.focus == Pane::Draft
            && pane != Pane::Draft
            && let Some(id) = self.open.as_ref().map(|o| o.id)
        {
            self.save_if_dirty(id, fx);
        }
        self.focus = pane;
    }

    /// Select another comment of the open letter (saving edits first).
    fn select_comment(&mut self, comment: usize, fx: &mut Vec<Effect>) {
        let Some(open) = &mut self.open else { return };
        if open.selected == Some(comment) {
            return;
        }
        open.selected = Some(comment);
        open.follow = true;
        let id = open.id;
        self.save_if_dirty(id, fx);
        self.load_editor();
    }

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
                    || drafts.get(&c.number).is_some_and(|d| has(&d.response))
            })
            .collect()
    }

    /// Rows inside a pane as currently laid out.
    fn pane_height(&self, pane: Pane) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        areas(area, self.focus)
            .pane(pane)
            .map_or(0, |r| usize::from(inner(r).height))
    }

    /// Bring derived values in line after a change: scroll positions, the document's
    /// width, the editor's cursor style.
    fn sync(&mut self, fx: &mut Vec<Effect>) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let areas = areas(area, self.focus);
        self.cursor = self.cursor.min(self.order.len().saturating_sub(1));
        if let Some(rect) = areas.letters {
            let height = usize::from(inner(rect).height);
            if height > 0 {
                if self.cursor < self.letters_scroll {
                    self.letters_scroll = self.cursor;
                } else if self.cursor >= self.letters_scroll + height {
                    self.letters_scroll = self.cursor + 1 - height;
                }
                self.letters_scroll = self
                    .letters_scroll
                    .min(self.order.len().saturating_sub(height));
            }
        }
        let visible = self.visible_comments();
        // The filter lists only what it names: a selected comment it no longer admits
        // (resolved under "open", say) gives the selection to its nearest listed neighbour.
        if let Some(selected) = self.open.as_ref().and_then(|o| o.selected)
            && !visible.contains(&selected)
            && let Some(&target) = visible
                .iter()
                .find(|&&i| i > selected)
                .or_else(|| visible.iter().rev().find(|&&i| i < selected))
        {
            self.select_comment(target, fx);
        }
        let mark_width = self.config.marks.width();
        if let (Some(open), Some(rect)) = (&mut self.open, areas.comments)
            && let Some(letter) = &self.entries[open.id.0].letter
        {
            let rect = inner(rect);
            if open.doc.as_ref().is_none_or(|d| d.width != rect.width) {
                let size: usize = letter.comments.iter().map(|c| c.text.len()).sum();
                if size <= INLINE_LAYOUT_BYTES {
                    open.doc = Some(crate::tui::model::document::Document::build(
                        letter, rect.width, mark_width,
                    ));
                    open.follow = true;
                } else if open.pending_width != Some(rect.width) {
                    open.pending_width = Some(rect.width);
                    fx.push(Effect::LayOut {
                        letter: open.id,
                        text: letter.clone(),
                        width: rect.width,
                        mark_width,
                    });
                }
            }
            let height = usize::from(rect.height);
            let spans = open
                .doc
                .as_ref()
                .map(|d| d.spans(&visible))
                .unwrap_or_default();
            if open.follow
                && let Some(&(_, start, len)) = spans.iter().find(|s| Some(s.0) == open.selected)
            {
                if start < open.scroll || len > height {
                    open.scroll = start;
                } else if start + len > open.scroll + height {
                    open.scroll = start + len - height;
                }
                open.follow = false;
            }
            let total = spans.last().map_or(0, |&(_, start, len)| start + len);
            open.scroll = open.scroll.min(total.saturating_sub(height));
        }
        self.style_editor();
    }
}
