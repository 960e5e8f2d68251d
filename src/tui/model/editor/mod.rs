//! The draft editor: text as lines, a cursor, undo and redo, soft-wrapped drawing.
//!
//! It replaces `ratatui_textarea::TextArea` (0.9), whose every edit re-wraps the whole
//! text and measures every character again (about half a millisecond for a 20 KB draft,
//! on each keystroke) and whose drawing goes through a `Paragraph`. Here an edit replaces
//! a range of lines and marks just those for wrapping; drawing wraps what is marked
//! (everything only when the width changes) and lays out only the rows on screen. Keys
//! come in as `ratatui_textarea::Input`, and the editing follows `TextArea`'s: one undo
//! step per edit, words as `TextArea` finds them, `Home`/`End` on the logical line.

mod edit;
mod history;
mod layout;
mod motion;
mod render;
mod spell;
mod words;

use ratatui::style::Style;

pub(crate) use history::{Histories, History};
use layout::Layout;
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
    /// Half a screenful up: the view and the cursor by half the rows shown.
    HalfPageUp,
    /// Half a screenful down.
    HalfPageDown,
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
}

#[cfg(test)]
mod tests;
