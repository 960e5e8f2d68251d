//! Moving through the draft and selecting: the cursor's steps (by character, word,
//! line, screen row and page), the selection between the anchor and the cursor, and
//! where a screen column falls in a wrapped line.

use super::layout::{Layout, Seg, advance, char_width};
use super::words::{byte_at, find_word_start_backward, find_word_start_forward};
use super::{Editor, Move};

impl Editor {
    /// Move the cursor, ending the selection.
    pub fn move_cursor(&mut self, m: Move) {
        self.anchor = None;
        self.step(m);
    }

    /// Move the cursor, extending the selection (started where the cursor was).
    pub fn select(&mut self, m: Move) {
        self.anchor.get_or_insert(self.cursor);
        self.step(m);
    }

    /// Select the whole text.
    pub fn select_all(&mut self) {
        self.anchor = Some((0, 0));
        self.step(Move::Bottom);
    }

    /// The selection's start and end (in text order), when it holds something.
    pub fn selection(&self) -> Option<((usize, usize), (usize, usize))> {
        let anchor = self.anchor?;
        let (from, to) = if anchor <= self.cursor {
            (anchor, self.cursor)
        } else {
            (self.cursor, anchor)
        };
        (from != to).then_some((from, to))
    }

    /// The selected text (lines joined with `\n`).
    pub fn selected_text(&self) -> Option<String> {
        let (from, to) = self.selection()?;
        let mut out = String::new();
        for row in from.0..=to.0 {
            let line = &self.lines[row];
            let start = if row == from.0 {
                byte_at(line, from.1)
            } else {
                0
            };
            let end = if row == to.0 {
                byte_at(line, to.1)
            } else {
                line.len()
            };
            if row > from.0 {
                out.push('\n');
            }
            out.push_str(&line[start..end]);
        }
        Some(out)
    }

    /// Take the selected text out: it is returned, and its deletion is one undo step.
    pub fn cut(&mut self) -> Option<String> {
        let text = self.selected_text()?;
        self.delete_selection();
        Some(text)
    }

    /// Put the cursor on the character drawn at column `x` of row `y` of the view as
    /// last fitted (a click): on the nearest character where no character is drawn
    /// (past a line's end: its end; below the text: its last row), before a wide
    /// character whichever of its cells is hit. Ends the selection.
    pub fn place(&mut self, x: u16, y: u16) {
        self.anchor = None;
        self.goal = None;
        self.follow = true;
        self.laid_out();
        let layout = &self.layout;
        let target = (self.view.top + usize::from(y)).min(layout.total().saturating_sub(1));
        let Some((row, index)) = layout.locate(target) else {
            return;
        };
        let segs = layout.rows(row);
        let last = index + 1 == segs.len();
        let col = col_at(&self.lines[row], &segs[index], last, usize::from(x));
        self.cursor = (row, col);
    }

    /// Move the cursor, leaving the selection's anchor where it is.
    pub(super) fn step(&mut self, m: Move) {
        let (row, col) = self.cursor;
        let len = |editor: &Self, row: usize| editor.lines[row].chars().count();
        let vertical = matches!(
            m,
            Move::Up
                | Move::Down
                | Move::PageUp
                | Move::PageDown
                | Move::HalfPageUp
                | Move::HalfPageDown
        );
        if !vertical {
            self.goal = None;
        }
        self.follow = true;
        self.cursor = match m {
            Move::Back if col > 0 => (row, self.step_back(row, col)),
            Move::Back if row > 0 => (row - 1, len(self, row - 1)),
            Move::Forward if col < len(self, row) => (row, self.step_forward(row, col)),
            Move::Forward if row + 1 < self.lines.len() => (row + 1, 0),
            Move::Back | Move::Forward => (row, col),
            Move::WordForward => match find_word_start_forward(&self.lines[row], col) {
                Some(col) => (row, col),
                None if row + 1 < self.lines.len() => (row + 1, 0),
                None => (row, len(self, row)),
            },
            Move::WordBack => match find_word_start_backward(&self.lines[row], col) {
                Some(col) => (row, col),
                None if row > 0 => (row - 1, len(self, row - 1)),
                None => (row, 0),
            },
            Move::Head => (row, 0),
            Move::End => (row, len(self, row)),
            Move::Top => (0, 0),
            Move::Bottom => {
                let last = self.lines.len() - 1;
                (last, len(self, last))
            }
            Move::Up => self.vertical(-1),
            Move::Down => self.vertical(1),
            Move::PageUp | Move::PageDown | Move::HalfPageUp | Move::HalfPageDown => {
                let height = usize::from(self.view.height.max(1));
                let rows = match m {
                    Move::HalfPageUp | Move::HalfPageDown => (height / 2).max(1),
                    _ => height,
                };
                let down = matches!(m, Move::PageDown | Move::HalfPageDown);
                let total = self.laid_out().total();
                let top = self.view.top;
                self.view.top = if down {
                    (top + rows).min(total.saturating_sub(height))
                } else {
                    top.saturating_sub(rows)
                };
                let rows = isize::try_from(rows).unwrap_or(isize::MAX);
                self.vertical(if down { rows } else { -rows })
            }
        };
    }

    /// The char index after the one at `col` and any zero-width ones following it.
    fn step_forward(&self, row: usize, col: usize) -> usize {
        let line = &self.lines[row];
        let rest = line[byte_at(line, col)..].chars().skip(1);
        col + 1 + rest.take_while(|&c| char_width(c) == 0).count()
    }

    /// The char index of the character before `col`, over zero-width ones.
    fn step_back(&self, row: usize, col: usize) -> usize {
        let line = &self.lines[row];
        let before = line[..byte_at(line, col)].chars().rev();
        let mut col = col;
        for c in before {
            col -= 1;
            if char_width(c) > 0 || col == 0 {
                break;
            }
        }
        col
    }

    /// The layout for the width of the view (unwrapped before the first fit).
    fn laid_out(&mut self) -> &Layout {
        let width = self.view.width;
        self.layout
            .ensure(&self.lines, (width > 0).then_some(usize::from(width)));
        &self.layout
    }

    /// The cursor `rows` screen rows down (up when negative), kept in the text, aiming at
    /// the column it started from.
    fn vertical(&mut self, rows: isize) -> (usize, usize) {
        let cursor = self.cursor;
        self.laid_out();
        let layout = &self.layout;
        let (screen, x) = screen_position(layout, &self.lines, cursor);
        let goal = self.goal.unwrap_or(x);
        let last = layout.total().saturating_sub(1);
        let target = screen.saturating_add_signed(rows).min(last);
        let Some((row, index)) = layout.locate(target).filter(|_| target != screen) else {
            return cursor;
        };
        let segs = layout.rows(row);
        let col = col_at(
            &self.lines[row],
            &segs[index],
            index + 1 == segs.len(),
            goal,
        );
        self.goal = Some(goal);
        (row, col)
    }
}

/// The screen row and column of `cursor` in a layout.
pub(super) fn screen_position(
    layout: &Layout,
    lines: &[String],
    cursor: (usize, usize),
) -> (usize, usize) {
    let (row, col) = cursor;
    let segs = layout.rows(row);
    let index = segs
        .iter()
        .position(|s| col < s.col + s.chars)
        .unwrap_or(segs.len().saturating_sub(1));
    let x = segs.get(index).map_or(0, |seg| {
        lines[row][seg.start..seg.end]
            .chars()
            .take(col - seg.col)
            .fold(0, advance)
    });
    (layout.first_row_of(row) + index, x)
}

/// The char index in `line` nearest screen column `x` on row `seg` (a row that is not
/// the line's last cannot hold the cursor past its last character).
fn col_at(line: &str, seg: &Seg, last: bool, x: usize) -> usize {
    let limit = if last || seg.chars == 0 {
        seg.chars
    } else {
        seg.chars - 1
    };
    let mut best = 0;
    let mut used = 0;
    for (i, c) in line[seg.start..seg.end].chars().enumerate() {
        if i > limit || used > x {
            break;
        }
        // A zero-width char goes with the one before: no cursor stop in front of it.
        if char_width(c) > 0 {
            best = i;
        }
        used = advance(used, c);
    }
    if limit == seg.chars && used <= x {
        best = seg.chars;
    }
    seg.col + best
}

// ---- words, as ratatui-textarea 0.9 finds them (src/word.rs, MIT) ----
