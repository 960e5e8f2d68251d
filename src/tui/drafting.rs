//! The drafts side of `update`: the editor, edits, loading and saving decisions.

use std::time::Duration;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, Input, Scrolling, TextArea, WrapMode};

use super::action::{Effect, LetterId};
use super::keymap::Command;
use super::sanitize::sanitize;
use super::state::{Pane, State, numbers};
use crate::drafts::{Drafts, drafts_path};

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
        } else if self.editable() && self.editor.insert_str(sanitize(&text)) {
            self.draft_changed();
        }
    }

    /// A keymap command for the editor.
    pub(crate) fn edit_command(&mut self, command: Command) {
        let editable = self.editable();
        let editor = &mut self.editor;
        let moved = |editor: &mut TextArea, m| {
            editor.move_cursor(m);
            false
        };
        let changed = match command {
            Command::Left => moved(editor, CursorMove::Back),
            Command::Right => moved(editor, CursorMove::Forward),
            Command::Up => moved(editor, CursorMove::Up),
            Command::Down => moved(editor, CursorMove::Down),
            Command::WordLeft => moved(editor, CursorMove::WordBack),
            Command::WordRight => moved(editor, CursorMove::WordForward),
            Command::LineStart => moved(editor, CursorMove::Head),
            Command::LineEnd => moved(editor, CursorMove::End),
            Command::First => moved(editor, CursorMove::Top),
            Command::Last => moved(editor, CursorMove::Bottom),
            Command::PageDown => {
                editor.scroll(Scrolling::PageDown);
                false
            }
            Command::PageUp => {
                editor.scroll(Scrolling::PageUp);
                false
            }
            Command::Undo | Command::Redo | Command::DeleteWord if !editable => false,
            Command::Undo => editor.undo(),
            Command::Redo => editor.redo(),
            Command::DeleteWord => editor.delete_word(),
            _ => false,
        };
        if changed {
            self.draft_changed();
        }
    }

    /// Copy the editor's text into the drafts after an edit.
    fn draft_changed(&mut self) {
        let Some(number) = self.selected_comment().map(|c| c.number.clone()) else {
            return;
        };
        let Some(id) = self.open.as_ref().map(|o| o.id) else {
            return;
        };
        let text = self.editor_text();
        self.entries[id.0].slot.drafts.set_response(&number, text);
        self.mark_edit();
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
        let shown = sanitize(&text);
        if shown != text {
            self.info("Control characters in this draft are shown as placeholders.");
        }
        let mut editor = TextArea::new(shown.split('\n').map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(Style::new());
        editor.set_max_histories(500);
        if let Some(number) = number {
            editor.set_placeholder_text(format!(
                "Type the response to comment {}…",
                sanitize(&number)
            ));
        }
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
        self.style_editor();
    }

    /// Show the editor's cursor only while it has focus.
    pub(crate) fn style_editor(&mut self) {
        let cursor = if self.editable() {
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

    /// A drafts file was read. Edits made since the request win over what was read; a file
    /// that could not be read blocks saving for good.
    pub(crate) fn drafts_loaded(
        &mut self,
        id: LetterId,
        generation: u64,
        result: Result<Option<Drafts>, String>,
    ) {
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        let Ok(letter) = &entry.letter else { return };
        let slot = &mut entry.slot;
        let is_open = self.open.as_ref().is_some_and(|o| o.id == id);
        match result {
            Err(error) => {
                slot.loaded = true;
                slot.blocked = Some(error);
            }
            Ok(found) => {
                if generation != slot.edits || slot.dirty() {
                    return;
                }
                let numbers = numbers(letter);
                slot.drafts = match found {
                    Some(mut drafts) => {
                        drafts.merge_letter(&numbers);
                        drafts
                    }
                    None => Drafts::for_comments(&numbers),
                };
                slot.loaded = true;
                slot.blocked = None;
                if is_open {
                    self.load_editor();
                }
            }
        }
    }

    /// A save finished.
    pub(crate) fn saved(&mut self, id: LetterId, generation: u64, result: Result<(), String>) {
        let now = self.now;
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        let slot = &mut entry.slot;
        slot.in_flight = slot.in_flight.saturating_sub(1);
        match result {
            Ok(()) => {
                slot.saved = slot.saved.max(generation);
                if slot.failed.as_ref().is_some_and(|(g, _)| *g <= generation) {
                    slot.failed = None;
                }
                slot.first_unsaved = slot.dirty().then_some(now);
            }
            Err(error) => {
                slot.failed = Some((generation, error.clone()));
                self.error(format!("Save failed: {error}"));
            }
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
            drafts: entry.slot.drafts.clone(),
            generation: entry.slot.edits,
        });
        entry.slot.in_flight += 1;
    }
}
