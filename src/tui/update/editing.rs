//! The editing side of `update`: the editor loaded with the selected comment's draft,
//! keys and pastes into it, the edit commands, and each edit recorded (journalled,
//! marked unsaved).

use crate::config::Command;
use crate::journal::Typed;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::editor::{Editor, Move};
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::state::State;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::Input;

/// Undo steps kept per draft.
const UNDO_STEPS: usize = 10_000;

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
        let first_line = text.lines().next().unwrap_or_default();
        if let Some(prompt) = &mut self.dialogs.prompt {
            prompt.push_str(first_line);
        } else if self.dialogs.line.open.is_some() {
            super::command_line::paste(self, first_line);
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
            Command::HalfPageDown => moved(editor, Move::HalfPageDown),
            Command::HalfPageUp => moved(editor, Move::HalfPageUp),
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
            command if command.changes_text() && !editable => false,
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
}
