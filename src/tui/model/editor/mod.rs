//! The draft editor: text as lines, a cursor, undo and redo, soft-wrapped drawing.
//!
//! It replaces `ratatui_textarea::TextArea` (0.9), whose every edit re-wraps the whole
//! text and measures every character again (about half a millisecond for a 20 KB draft,
//! on each keystroke) and whose drawing goes through a `Paragraph`. Here an edit replaces
//! a range of lines and marks just those for wrapping; drawing wraps what is marked
//! (everything only when the width changes) and lays out only the rows on screen. Keys
//! come in as `ratatui_textarea::Input`, and the editing follows `TextArea`'s: one undo
//! step per edit, words as `TextArea` finds them, `Home`/`End` on the logical line.

mod history;
mod layout;
mod motion;
mod render;
mod spell;
mod words;

use words::{byte_at, find_word_start_backward, find_word_start_forward};

use ratatui::style::Style;
use ratatui_textarea::{Input, Key};

use history::{Edit, Kind};
pub(crate) use history::{Histories, History};
use layout::{Layout, TAB_STOP};
pub use spell::SpellDictionary;
pub(crate) use spell::Spelling;
use spell::word_at;

/// A cursor movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// One character back; from the head of a line to the end of the one before.
    Back,
    /// One character forward; from the end of a line to the head of the next.
    Forward,
    /// One screen row up, keeping the column.
    Up,
    /// One screen row down, keeping the column.
    Down,
    /// To the start of the word before.
    WordBack,
    /// To the start of the next word.
    WordForward,
    /// To the head of the (logical) line.
    Head,
    /// To the end of the (logical) line.
    End,
    /// To the start of the text.
    Top,
    /// To the end of the text.
    Bottom,
    /// A screenful up.
    PageUp,
    /// A screenful down.
    PageDown,
}

/// The screen the editor is fitted to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct View {
    width: u16,
    height: u16,
    /// The first screen row shown.
    top: usize,
    /// The line holding that row: where the view stays when the width changes.
    line: usize,
}

/// The editor. Drawn with `frame.render_widget(&editor, area)`.
#[derive(Debug, Clone)]
pub(crate) struct Editor {
    lines: Vec<String>,
    /// Line and char index in it.
    cursor: (usize, usize),
    /// Where the selection started (it runs to the cursor), while there is one.
    anchor: Option<(usize, usize)>,
    /// The screen column vertical moves aim for.
    goal: Option<usize>,
    history: History,
    cursor_style: Style,
    placeholder: String,
    placeholder_style: Style,
    /// The wrapped rows for the width of the view, kept in step with every edit.
    layout: Layout,
    /// The view: the pane's size and the scroll, set by [`fit`](Self::fit) after every
    /// change and only read when drawing.
    view: View,
    /// Whether the view follows the cursor: not for a draft just opened (shown from its
    /// start), from the first move or edit on, or once revealed.
    follow: bool,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new(vec![String::new()])
    }
}

impl Editor {
    /// An editor holding `lines` (no newlines in them), the cursor at the start.
    pub fn new(mut lines: Vec<String>) -> Self {
        if lines.is_empty() {
            lines.push(String::new());
        }
        Self {
            lines,
            cursor: (0, 0),
            anchor: None,
            goal: None,
            history: History::default(),
            cursor_style: Style::new(),
            placeholder: String::new(),
            placeholder_style: Style::new(),
            layout: Layout::default(),
            view: View::default(),
            follow: true,
        }
    }

    /// An editor holding `text` exactly (only `\r\n` line ends become `\n`), the cursor
    /// at its end and the view at its start, until the cursor moves or is revealed.
    pub fn open(text: &str) -> Self {
        let text = text.replace("\r\n", "\n");
        let mut editor = Self::new(text.split('\n').map(str::to_string).collect());
        editor.step(Move::Bottom);
        editor.follow = false;
        editor
    }

    /// Words and characters of the text (line breaks count as characters).
    pub fn counts(&self) -> (usize, usize) {
        let words = self
            .lines
            .iter()
            .map(|l| l.split_whitespace().count())
            .sum();
        let chars = self.lines.iter().map(|l| l.chars().count()).sum::<usize>();
        (words, chars + self.lines.len() - 1)
    }

    /// Whether some character of the text is drawn as a placeholder (a control, bidi or
    /// invisible character).
    pub fn has_placeholders(&self) -> bool {
        self.lines
            .iter()
            .any(|line| line.chars().any(|c| layout::placeholder(c).is_some()))
    }

    /// Let the view follow the cursor from the next frame on (the editor got focus).
    pub fn reveal_cursor(&mut self) {
        self.follow = true;
    }

    /// The text, one string per line.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor: line and char index in it.
    #[cfg(test)]
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// The word at the cursor (or just before it), if any.
    pub fn word_at_cursor(&self) -> Option<&str> {
        word_at(&self.lines[self.cursor.0], self.cursor.1)
    }

    /// Keep at most `max` undo steps.
    pub fn set_max_histories(&mut self, max: usize) {
        self.history.set_limit(max);
    }

    /// Take the undo history out (to keep it while another text is edited).
    pub fn take_history(&mut self) -> History {
        std::mem::take(&mut self.history)
    }

    /// Put back a history taken from an editor that held the same text.
    pub fn set_history(&mut self, history: History) {
        self.history = history;
    }

    pub fn set_cursor_style(&mut self, style: Style) {
        self.cursor_style = style;
    }

    pub fn set_placeholder_text(&mut self, text: impl Into<String>) {
        self.placeholder = text.into();
    }

    pub fn set_placeholder_style(&mut self, style: Style) {
        self.placeholder_style = style;
    }

    fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    // ---- editing ----

    /// A key typed: characters, Enter, Tab, Backspace, Delete. Whether the text changed.
    pub fn input_without_shortcuts(&mut self, input: impl Into<Input>) -> bool {
        match input.into() {
            Input {
                key: Key::Char(c),
                ctrl: false,
                alt: false,
                ..
            } => {
                self.insert_char(c);
                true
            }
            Input {
                key: Key::Tab,
                ctrl: false,
                alt: false,
                ..
            } => self.indent(),
            Input {
                key: Key::Enter, ..
            } => {
                self.insert_str("\n");
                true
            }
            Input {
                key: Key::Backspace,
                ..
            } => self.delete_char(),
            Input {
                key: Key::Delete, ..
            } => self.delete_next_char(),
            _ => false,
        }
    }

    /// Insert one character at the cursor.
    pub fn insert_char(&mut self, c: char) {
        if c == '\n' {
            self.insert_str("\n");
            return;
        }
        let kind = Kind::Typed {
            blank: c.is_whitespace(),
        };
        if let Some((from, to)) = self.selection() {
            // Typing on from here joins this step: undone, the selection comes back.
            self.splice_as(kind, from, to, c.encode_utf8(&mut [0; 4]));
            return;
        }
        let (row, col) = self.cursor;
        let mut line = self.lines[row].clone();
        line.insert(byte_at(&line, col), c);
        self.replace_as(kind, row, 1, vec![line], (row, col + 1));
    }

    /// Insert text (`\n` and `\r\n` start new lines) at the cursor, in place of the
    /// selection if there is one. Whether the text changed.
    pub fn insert_str(&mut self, text: impl AsRef<str>) -> bool {
        let text = text.as_ref();
        let (from, to) = self.selection().unwrap_or((self.cursor, self.cursor));
        if text.is_empty() && from == to {
            return false;
        }
        self.splice_as(Kind::Other, from, to, text);
        true
    }

    /// Replace the text from `from` to `to` (positions, `from` first) with `text`, as an
    /// edit of `kind`, the cursor after what was put in.
    fn splice_as(&mut self, kind: Kind, from: (usize, usize), to: (usize, usize), text: &str) {
        let head = &self.lines[from.0][..byte_at(&self.lines[from.0], from.1)];
        let tail = &self.lines[to.0][byte_at(&self.lines[to.0], to.1)..];
        let mut new: Vec<String> = text
            .split('\n')
            .map(|s| s.strip_suffix('\r').unwrap_or(s).to_string())
            .collect();
        let last = new.len() - 1;
        let cursor = (
            from.0 + last,
            new[last].chars().count() + if last == 0 { from.1 } else { 0 },
        );
        new[0].insert_str(0, head);
        new[last].push_str(tail);
        self.replace_as(kind, from.0, to.0 - from.0 + 1, new, cursor);
    }

    /// Tab: spaces up to the next tab stop of the line.
    pub fn indent(&mut self) -> bool {
        let spaces = TAB_STOP - self.cursor.1 % TAB_STOP;
        self.insert_str(" ".repeat(spaces))
    }

    /// Shift-Tab: up to a tab stop of spaces taken from the start of the line.
    pub fn outdent(&mut self) -> bool {
        let (row, col) = self.cursor;
        let line = &self.lines[row];
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let cut = spaces.min(TAB_STOP);
        if cut == 0 {
            return false;
        }
        let new = line[cut..].to_string();
        self.replace(row, 1, vec![new], (row, col.saturating_sub(cut)));
        true
    }

    /// Backspace: the character before the cursor, or the line break before the line.
    pub fn delete_char(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        let col = self.cursor.1;
        if col > 0 {
            self.delete_range(col - 1, col)
        } else {
            self.join_previous()
        }
    }

    /// Delete: the character under the cursor, or the line break after the line.
    pub fn delete_next_char(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        let (row, col) = self.cursor;
        if col < self.lines[row].chars().count() {
            self.delete_range(col, col + 1)
        } else if row + 1 < self.lines.len() {
            let joined = format!("{}{}", self.lines[row], self.lines[row + 1]);
            self.replace(row, 2, vec![joined], (row, col));
            true
        } else {
            false
        }
    }

    /// Delete the word before the cursor (as `TextArea::delete_word`).
    pub fn delete_word(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        let (row, col) = self.cursor;
        match find_word_start_backward(&self.lines[row], col) {
            Some(start) => self.delete_range(start, col),
            None if col > 0 => self.delete_range(0, col),
            None => self.join_previous(),
        }
    }

    /// Ctrl-k: delete to the end of the line; at its end, the line break.
    pub fn delete_to_line_end(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        let (row, col) = self.cursor;
        let len = self.lines[row].chars().count();
        if col < len {
            self.delete_range(col, len)
        } else {
            self.delete_next_char()
        }
    }

    /// Ctrl-u: delete from the start of the line to the cursor.
    pub fn delete_to_line_start(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        self.delete_range(0, self.cursor.1)
    }

    /// Alt-d: delete to the start of the next word; at the end of the line, the break.
    pub fn delete_word_forward(&mut self) -> bool {
        if self.delete_selection() {
            return true;
        }
        let (row, col) = self.cursor;
        let line = &self.lines[row];
        match find_word_start_forward(line, col) {
            Some(end) => self.delete_range(col, end),
            None if col < line.chars().count() => self.delete_range(col, line.chars().count()),
            None => self.delete_next_char(),
        }
    }

    /// Delete the selection, if there is one; whether there was.
    pub fn delete_selection(&mut self) -> bool {
        let Some((from, to)) = self.selection() else {
            return false;
        };
        self.splice_as(Kind::Other, from, to, "");
        true
    }

    /// Delete chars `from..to` of the cursor's line, leaving the cursor at `from`.
    fn delete_range(&mut self, from: usize, to: usize) -> bool {
        let row = self.cursor.0;
        let mut line = self.lines[row].clone();
        let range = byte_at(&line, from)..byte_at(&line, to);
        if range.is_empty() {
            return false;
        }
        line.replace_range(range, "");
        self.replace(row, 1, vec![line], (row, from));
        true
    }

    /// Join the cursor's line to the one before it.
    fn join_previous(&mut self) -> bool {
        let row = self.cursor.0;
        if row == 0 {
            return false;
        }
        let col = self.lines[row - 1].chars().count();
        let joined = format!("{}{}", self.lines[row - 1], self.lines[row]);
        self.replace(row - 1, 2, vec![joined], (row - 1, col));
        true
    }

    /// Replace `count` lines from `at` with `new`, the cursor going to `after`: the one
    /// way the text changes, recorded for undo as one step.
    fn replace(&mut self, at: usize, count: usize, new: Vec<String>, after: (usize, usize)) {
        self.replace_as(Kind::Other, at, count, new, after);
    }

    /// [`replace`](Self::replace), recorded as an edit of `kind` (typing joins a step).
    fn replace_as(
        &mut self,
        kind: Kind,
        at: usize,
        count: usize,
        new: Vec<String>,
        after: (usize, usize),
    ) {
        let old: Vec<String> = self
            .lines
            .splice(at..at + count, new.iter().cloned())
            .collect();
        self.layout.splice(at, count, new.len());
        let edit = Edit {
            at,
            old,
            new,
            before: self.cursor,
            after,
        };
        self.cursor = after;
        self.anchor = None;
        self.goal = None;
        self.follow = true;
        self.history.record(edit, kind);
    }

    /// Undo the last step; whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.history.undo().cloned() else {
            return false;
        };
        self.replace_lines(edit.at, edit.new.len(), &edit.old, edit.before);
        true
    }

    /// Redo the last undone step; whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.history.redo().cloned() else {
            return false;
        };
        self.replace_lines(edit.at, edit.old.len(), &edit.new, edit.after);
        true
    }

    /// Put `lines` in place of the `count` lines from `at` (an edit undone or redone),
    /// re-wrapping only those, and the cursor at `cursor`.
    fn replace_lines(&mut self, at: usize, count: usize, lines: &[String], cursor: (usize, usize)) {
        self.lines.splice(at..at + count, lines.iter().cloned());
        self.layout.splice(at, count, lines.len());
        self.cursor = cursor;
        self.anchor = None;
        self.goal = None;
        self.follow = true;
    }
}

#[cfg(test)]
mod tests;
