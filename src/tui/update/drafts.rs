//! The drafts side of `update`: the editor, edits, loading and saving decisions.

use std::time::Duration;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::Input;

use crate::config::{Command, Context};
use crate::drafts::{Conflict, Drafts, Resolution, Status, drafts_path, merge, resolve};
use crate::journal::Typed;
use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::editor::{Editor, Move};
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::names::file_name;
use crate::tui::model::state::State;

/// Undo steps kept per draft.
const UNDO_STEPS: usize = 10_000;

/// Save once typing has paused this long...
const IDLE: Duration = Duration::from_secs(1);
/// ...or once the oldest unsaved edit is this old, even while typing goes on.
const MAX_UNSAVED: Duration = Duration::from_secs(2);

impl State {
    /// The editor may change the selected comment's draft: a comment is selected and its
    /// drafts have been read.
    fn editable(&self) -> bool {
        self.focus == Pane::Draft
            && self.selected_comment().is_some()
            && self
                .open
                .as_ref()
                .is_some_and(|o| self.entries[o.id.0].slot.loaded)
    }

    /// A key the editor handles itself.
    pub(crate) fn type_input(&mut self, input: Input) {
        if self.editable() && self.editor.input_without_shortcuts(input) {
            self.draft_changed();
        }
    }

    /// Pasted text: into the search prompt, or the editor.
    pub(crate) fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if let Some(prompt) = &mut self.prompt {
            prompt.push_str(text.lines().next().unwrap_or_default());
        } else if self.editable() && self.editor.insert_str(&text) {
            self.draft_changed();
        }
    }

    /// A keymap command for the editor.
    pub(crate) fn edit_command(&mut self, command: Command, fx: &mut Vec<Effect>) {
        let editable = self.editable();
        let editor = &mut self.editor;
        let moved = |editor: &mut Editor, m| {
            editor.move_cursor(m);
            false
        };
        let selected = |editor: &mut Editor, m| {
            editor.select(m);
            false
        };
        let changed = match command {
            Command::Left => moved(editor, Move::Back),
            Command::Right => moved(editor, Move::Forward),
            Command::Up => moved(editor, Move::Up),
            Command::Down => moved(editor, Move::Down),
            Command::WordLeft => moved(editor, Move::WordBack),
            Command::WordRight => moved(editor, Move::WordForward),
            Command::LineStart => moved(editor, Move::Head),
            Command::LineEnd => moved(editor, Move::End),
            Command::First => moved(editor, Move::Top),
            Command::Last => moved(editor, Move::Bottom),
            Command::PageDown => moved(editor, Move::PageDown),
            Command::PageUp => moved(editor, Move::PageUp),
            Command::SelectLeft => selected(editor, Move::Back),
            Command::SelectRight => selected(editor, Move::Forward),
            Command::SelectUp => selected(editor, Move::Up),
            Command::SelectDown => selected(editor, Move::Down),
            Command::SelectWordLeft => selected(editor, Move::WordBack),
            Command::SelectWordRight => selected(editor, Move::WordForward),
            Command::SelectLineStart => selected(editor, Move::Head),
            Command::SelectLineEnd => selected(editor, Move::End),
            Command::SelectAll => {
                editor.select_all();
                false
            }
            Command::Copy => {
                if let Some(text) = editor.selected_text() {
                    self.copy(text, fx);
                }
                false
            }
            Command::Undo
            | Command::Redo
            | Command::DeleteWord
            | Command::DeleteToLineEnd
            | Command::DeleteToLineStart
            | Command::DeleteWordForward
            | Command::Indent
            | Command::Outdent
            | Command::Cut
            | Command::Paste
                if !editable =>
            {
                false
            }
            Command::Undo => editor.undo(),
            Command::Redo => editor.redo(),
            Command::DeleteWord => editor.delete_word(),
            Command::DeleteToLineEnd => editor.delete_to_line_end(),
            Command::DeleteToLineStart => editor.delete_to_line_start(),
            Command::DeleteWordForward => editor.delete_word_forward(),
            Command::Indent => editor.indent(),
            Command::Outdent => editor.outdent(),
            Command::Cut => match editor.cut() {
                Some(text) => {
                    self.copy(text, fx);
                    true
                }
                None => false,
            },
            Command::Paste => {
                let text = self.register.clone();
                self.editor.insert_str(text)
            }
            _ => false,
        };
        if changed {
            self.draft_changed();
        }
    }

    /// Copy the editor's text into the drafts after an edit; the text is journalled
    /// within about a second.
    pub(crate) fn draft_changed(&mut self) {
        let Some(number) = self.selected_comment().map(|c| c.number.clone()) else {
            return;
        };
        let Some(id) = self.open.as_ref().map(|o| o.id) else {
            return;
        };
        let text = self.editor_text();
        let now = self.now;
        let entry = &mut self.entries[id.0];
        self.journal.typed(&entry.path, &number, &text, now);
        // Drafted with the new text in view: the save records its fingerprint.
        entry.slot.changed.retain(|n| *n != number);
        entry.slot.drafts.set_response(&number, text);
        self.mark_edit();
    }

    /// Journal every unsaved response of a letter now (a save failed, or the drafts file
    /// cannot be written).
    pub(crate) fn journal_unsaved(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let entry = &self.entries[id.0];
        let typed: Vec<Typed> = self
            .unsaved_texts()
            .into_iter()
            .filter(|(path, _, _)| *path == entry.path)
            .map(|(letter, number, text)| Typed {
                letter,
                number,
                text,
            })
            .collect();
        for t in &typed {
            self.journal.forget(&t.letter, &t.number);
        }
        if !typed.is_empty() {
            fx.push(Effect::Journal(typed));
        }
    }

    /// Journal every unsaved response of every letter now (at quit).
    pub(crate) fn journal_all_unsaved(&mut self, fx: &mut Vec<Effect>) {
        for id in (0..self.entries.len()).map(LetterId) {
            self.journal_unsaved(id, fx);
        }
    }

    /// Record an edit of the open letter's drafts.
    pub(crate) fn mark_edit(&mut self) {
        let Some(id) = self.open.as_ref().map(|o| o.id) else {
            return;
        };
        let now = self.now;
        let slot = &mut self.entries[id.0].slot;
        slot.edits += 1;
        slot.last_edit = Some(now);
        slot.first_unsaved.get_or_insert(now);
    }

    /// Put the selected comment's draft into a fresh editor, cursor at the end.
    pub(crate) fn load_editor(&mut self) {
        let number = self.selected_comment().map(|c| c.number.clone());
        let text = number
            .as_deref()
            .and_then(|n| self.draft(n))
            .map(|d| d.response.clone())
            .unwrap_or_default();
        let mut editor = Editor::open(&text);
        if editor.has_placeholders() {
            self.info("Control characters in this draft are shown as placeholders.");
        }
        editor.set_max_histories(UNDO_STEPS);
        let key = self
            .open
            .as_ref()
            .zip(number.clone())
            .map(|(open, number)| (self.entries[open.id.0].path.clone(), number));
        let leaving = (self.editor.take_history(), self.editor.lines().join("\n"));
        let next_text = editor.lines().join("\n");
        if let Some(history) = self.histories.switch(leaving, &next_text, key) {
            editor.set_history(history);
        }
        if let Some(number) = number {
            editor.set_placeholder_text(format!(
                "Type the response to comment {}…",
                sanitize(&number)
            ));
        }
        self.editor = editor;
        self.style_editor();
    }

    /// Show the editor's cursor only while it has focus.
    pub(crate) fn style_editor(&mut self) {
        let cursor = if self.editable() {
            self.editor.reveal_cursor();
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        self.editor.set_cursor_style(cursor);
        self.editor.set_placeholder_style(self.config.theme.muted());
    }

    /// Ask for a letter's drafts file to be read.
    pub(crate) fn load_drafts(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let entry = &self.entries[id.0];
        fx.push(Effect::LoadDrafts {
            letter: id,
            path: drafts_path(&entry.path),
            generation: entry.slot.edits,
        });
    }

    /// A drafts file was read: at first load it fills the workspace; later (it changed
    /// on disk) it is merged per comment with the workspace against what was last read
    /// or written. A file that cannot be read blocks saving until it reads again.
    pub(crate) fn drafts_loaded(
        &mut self,
        id: LetterId,
        result: Result<Option<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        entry.slot.reads += 1;
        if entry.listing.is_err() {
            return;
        }
        let numbers = entry.numbers().to_vec();
        let name = file_name(&entry.path);
        let slot = &mut entry.slot;
        let is_open = self.open.as_ref().is_some_and(|o| o.id == id);
        let theirs = match result {
            Err(error) => {
                let error = error.named();
                let first = slot.blocked.is_none();
                slot.loaded = true;
                slot.read = true;
                slot.blocked = Some(error.clone());
                if first && slot.dirty() {
                    self.error(format!(
                        "Drafts file of {name} not used: {error}. Your edits go to the journal."
                    ));
                    self.journal_unsaved(id, fx);
                }
                return;
            }
            Ok(found) => {
                slot.on_disk |= found.is_some();
                found.unwrap_or_default()
            }
        };
        let was_blocked = slot.blocked.take().is_some();
        let first_read = !std::mem::replace(&mut slot.read, true);
        if (!slot.loaded || first_read) && !slot.dirty() {
            slot.drafts = theirs.clone();
            slot.drafts.merge_letter(&numbers);
            slot.base = theirs;
            slot.loaded = true;
            slot.conflicts.clear();
            if is_open {
                self.load_editor();
            }
            return;
        }
        let selected = self.selected_comment().map(|c| c.number.clone());
        let slot = &mut self.entries[id.0].slot;
        let before = slot.drafts.clone();
        let merged = merge(&slot.base, &slot.drafts, &theirs);
        slot.drafts = merged.drafts;
        slot.drafts.merge_letter(&numbers);
        // Earlier conflicts: settled when both sides now agree, else they get the new
        // disk version; new ones are added.
        let mut conflicts: Vec<Conflict> = Vec::new();
        for old in slot.conflicts.drain(..) {
            let now_theirs = theirs.get(&old.number).cloned();
            let mine = slot.drafts.get(&old.number).cloned();
            match (mine, now_theirs) {
                (Some(m), Some(t)) if m.response != t.response || m.status != t.status => {
                    conflicts.push(Conflict { theirs: t, ..old })
                }
                _ => {}
            }
        }
        for new in merged.conflicts {
            conflicts.retain(|c| c.number != new.number);
            conflicts.push(new);
        }
        slot.conflicts = conflicts;
        slot.base = theirs;
        slot.loaded = true;
        let pending = differs(&slot.to_write(), &slot.base);
        if pending {
            slot.edits += 1;
            slot.first_unsaved.get_or_insert(self.now);
            slot.last_edit.get_or_insert(self.now);
        } else {
            slot.saved = slot.edits;
            slot.first_unsaved = None;
            slot.failed = None;
        }
        let numbers_shown: Vec<String> = merged
            .taken_from_disk
            .iter()
            .map(|n| sanitize(n).into_owned())
            .collect();
        let conflicted: Vec<String> = slot
            .conflicts
            .iter()
            .map(|c| sanitize(&c.number).into_owned())
            .collect();
        if is_open
            && let Some(number) = &selected
            && before.get(number) != self.entries[id.0].slot.drafts.get(number)
        {
            self.load_editor();
        }
        if !conflicted.is_empty() {
            let key = self
                .config
                .keymap
                .key_for(Context::Comments, Command::ShowConflict);
            self.error(format!(
                "{name}: comment {} changed here and on disk; select it and press {key} to choose.",
                conflicted.join(", ")
            ));
        } else if !numbers_shown.is_empty() {
            self.info(format!(
                "{name}: comment {} changed on disk and was taken in.",
                numbers_shown.join(", ")
            ));
        } else if was_blocked {
            self.info(format!("{name}: drafts file reads again; saving resumes."));
        }
        if pending && self.entries[id.0].slot.in_flight == 0 {
            self.save(id, fx);
        }
    }

    /// A save was held back because the file changed on disk: merge, then save again.
    pub(crate) fn disk_changed(
        &mut self,
        id: LetterId,
        result: Result<Option<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        if let Some(entry) = self.entries.get_mut(id.0) {
            entry.slot.in_flight = entry.slot.in_flight.saturating_sub(1);
        }
        self.drafts_loaded(id, result, fx);
    }

    /// A save finished.
    pub(crate) fn saved(
        &mut self,
        id: LetterId,
        generation: u64,
        result: Result<Box<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        let now = self.now;
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        let slot = &mut entry.slot;
        slot.in_flight = slot.in_flight.saturating_sub(1);
        match result {
            Ok(written) => {
                slot.on_disk = true;
                slot.saved = slot.saved.max(generation);
                if slot.failed.as_ref().is_some_and(|(g, _)| *g <= generation) {
                    slot.failed = None;
                }
                slot.first_unsaved = slot.dirty().then_some(now);
                for draft in &written.comments {
                    if slot.drafts.get(&draft.number) == Some(draft) {
                        self.journal.forget(&entry.path, &draft.number);
                    }
                }
                slot.base = *written;
            }
            Err(error) => {
                let error = error.to_string();
                slot.failed = Some((generation, error.clone()));
                self.error(format!(
                    "Save failed: {error}. Your edits go to the journal; saving is tried again on the next change."
                ));
                self.journal_unsaved(id, fx);
            }
        }
    }

    /// Settle the conflict of comment `number` of the open letter.
    pub(crate) fn resolve_conflict(&mut self, number: &str, resolution: Resolution) {
        let Some(id) = self.open.as_ref().map(|o| o.id) else {
            return;
        };
        let slot = &mut self.entries[id.0].slot;
        let Some(at) = slot.conflicts.iter().position(|c| c.number == number) else {
            return;
        };
        let conflict = slot.conflicts.remove(at);
        let mut draft = resolve(&conflict, resolution);
        if draft.status == Status::Open && draft.has_response() {
            draft.status = Status::Drafted;
        }
        if let Some(entry) = slot.drafts.get_mut(number) {
            *entry = draft;
        }
        self.mark_edit();
        if self.selected_comment().is_some_and(|c| c.number == number) {
            self.load_editor();
        }
    }

    /// Save letters whose edits have rested long enough.
    pub(crate) fn autosave(&mut self, fx: &mut Vec<Effect>) {
        let now = self.now;
        let due: Vec<LetterId> = (0..self.entries.len())
            .map(LetterId)
            .filter(|id| {
                let slot = &self.entries[id.0].slot;
                let since =
                    |t: Option<std::time::Instant>| t.map(|t| now.saturating_duration_since(t));
                slot.dirty()
                    && slot.blocked.is_none()
                    && slot.in_flight == 0
                    && slot.failed.as_ref().is_none_or(|(g, _)| slot.edits > *g)
                    && (since(slot.last_edit) >= Some(IDLE)
                        || since(slot.first_unsaved) >= Some(MAX_UNSAVED))
            })
            .collect();
        for id in due {
            self.save(id, fx);
        }
    }

    /// Save every letter with unsaved edits that may be saved; returns whether any.
    pub(crate) fn save_all(&mut self, fx: &mut Vec<Effect>) -> bool {
        let dirty: Vec<LetterId> = (0..self.entries.len())
            .map(LetterId)
            .filter(|id| {
                self.entries[id.0].slot.dirty() && self.entries[id.0].slot.blocked.is_none()
            })
            .collect();
        for &id in &dirty {
            self.save(id, fx);
        }
        !dirty.is_empty()
    }

    /// Save a letter now if it has unsaved edits and may be saved.
    pub(crate) fn save_if_dirty(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let slot = &self.entries[id.0].slot;
        if slot.dirty() && slot.blocked.is_none() {
            self.save(id, fx);
        }
    }

    fn save(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let entry = &mut self.entries[id.0];
        fx.push(Effect::Save {
            letter: id,
            path: drafts_path(&entry.path),
            drafts: entry.slot.to_write(),
            generation: entry.slot.edits,
            reads: entry.slot.reads,
        });
        entry.slot.in_flight += 1;
    }

    /// Journal text that has waited long enough.
    pub(crate) fn journal_due(&mut self, fx: &mut Vec<Effect>) {
        let due = self.journal.due(self.now);
        if !due.is_empty() {
            fx.push(Effect::Journal(due));
        }
    }
}

/// Whether writing `drafts` would change a file holding `base` (a comment missing from
/// the file counts as open and empty).
pub(crate) fn differs(drafts: &Drafts, base: &Drafts) -> bool {
    let base = base.by_number();
    drafts
        .comments
        .iter()
        .any(|c| match base.get(c.number.as_str()) {
            Some(&b) => b != c,
            None => c.status != Status::Open || c.has_response(),
        })
}
