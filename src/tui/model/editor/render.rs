//! Drawing the editor: only the rows on screen, straight into the buffer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use std::borrow::Cow;

use ratatui::style::Modifier;

use super::Editor;
use super::layout::{Seg, advance, placeholder};
use super::motion::screen_position;
use super::spell::Spelling;
use super::words::byte_at;
use crate::letter::Letter;
use crate::tui::model::wrap::put;

/// A screen row's text as drawn: tabs as spaces to the next stop, controls, bidi and
/// invisible characters as their placeholders; the text itself when it holds none.
fn shown(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c != '\t' && placeholder(c).is_none();
    if text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut x = 0;
    for c in text.chars() {
        let next = advance(x, c);
        match placeholder(c) {
            _ if c == '\t' => out.extend(std::iter::repeat_n(' ', next - x)),
            Some(p) => out.push_str(&p),
            None => out.push(c),
        }
        x = next;
    }
    Cow::Owned(out)
}

/// How selected text is drawn: reverse video, which shows with and without colours.
const SELECTED: Modifier = Modifier::REVERSED;

/// The screen columns of row `seg` of line `row` (`line`) that the selection `range`
/// covers; a selected line break takes the cell after the line's last row.
fn selected_columns(
    line: &str,
    row: usize,
    seg: &Seg,
    last: bool,
    (from, to): ((usize, usize), (usize, usize)),
) -> (usize, usize) {
    if row < from.0 || row > to.0 {
        return (0, 0);
    }
    let start = if row == from.0 { from.1 } else { 0 };
    let end = if row == to.0 { to.1 } else { usize::MAX };
    let (first, past) = (seg.col, seg.col + seg.chars);
    let (a, b) = (start.max(first), end.min(past));
    let column = |upto: usize| {
        line[seg.start..seg.end]
            .chars()
            .take(upto - first)
            .fold(0, advance)
    };
    let break_cell = usize::from(last && row < to.0 && start <= past);
    if a >= b {
        return if break_cell == 1 {
            (seg.width, seg.width + 1)
        } else {
            (0, 0)
        };
    }
    (
        column(a),
        column(b) + if b == past { break_cell } else { 0 },
    )
}

/// The first row to show so that row `cursor` is in a view `height` rows high that
/// started at `top`, scrolling as little as possible.
fn next_top(top: usize, cursor: usize, height: usize) -> usize {
    if cursor < top {
        cursor
    } else if cursor >= top + height {
        cursor + 1 - height
    } else {
        top
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf, None);
    }
}

/// The editor drawn with its misspelled words underlined.
pub(crate) struct Spelled<'a> {
    editor: &'a Editor,
    spelling: &'a Spelling,
    /// The letter answered: its words are never flagged.
    letter: Option<&'a Letter>,
}

impl Widget for Spelled<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let check = |line: &str| self.spelling.misspelled(line, self.letter);
        self.editor.draw(area, buf, Some(&check));
    }
}

/// Byte ranges of a line to underline.
type Marks<'a> = &'a dyn Fn(&str) -> Vec<(usize, usize)>;

impl Editor {
    /// The editor as a widget that underlines what `spelling` flags (the words of
    /// `letter` excepted).
    pub fn spelled<'a>(
        &'a self,
        spelling: &'a Spelling,
        letter: Option<&'a Letter>,
    ) -> Spelled<'a> {
        Spelled {
            editor: self,
            spelling,
            letter,
        }
    }

    /// Fit the view to a pane `width` columns wide and `height` rows high: wrap the
    /// text for the width and scroll so that the cursor shows (once the view follows
    /// it). `update` calls it after every change; drawing only reads what it leaves.
    pub fn fit(&mut self, width: u16, height: u16) {
        if width == 0 || height == 0 {
            return;
        }
        let mut view = self.view;
        let resized = view.width != width && view.width > 0;
        view.width = width;
        view.height = height;
        self.layout.ensure(&self.lines, Some(usize::from(width)));
        if self.is_empty() && !self.placeholder.is_empty() {
            view.top = 0;
            self.view = view;
            return;
        }
        let layout = &self.layout;
        let (cursor_row, _) = screen_position(layout, &self.lines, self.cursor);
        if resized {
            view.top = layout.first_row_of(view.line);
        }
        if self.follow {
            view.top = next_top(view.top, cursor_row, usize::from(height));
        }
        // No empty rows at the bottom while text is hidden above.
        view.top = view
            .top
            .min(layout.total().saturating_sub(usize::from(height)));
        view.line = layout.locate(view.top).map_or(0, |(line, _)| line);
        self.view = view;
    }

    /// Whether the view is fitted to `area` and the text laid out for it.
    fn fitted(&self, area: Rect) -> bool {
        (self.view.width, self.view.height) == (area.width, area.height)
            && self
                .layout
                .is_ready(self.lines.len(), usize::from(area.width))
    }

    /// Draw the rows on screen, underlining the `marks` of each line shown. An editor
    /// not fitted to `area` (drawn without `update`: a preview) is drawn as it would be
    /// once fitted, and stays as it is.
    fn draw(&self, area: Rect, buf: &mut Buffer, marks: Option<Marks>) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if !self.fitted(area) {
            let mut fitted = self.clone();
            fitted.fit(area.width, area.height);
            return fitted.draw_fitted(area, buf, marks);
        }
        self.draw_fitted(area, buf, marks);
    }

    /// [`draw`](Self::draw) once fitted to `area`.
    fn draw_fitted(&self, area: Rect, buf: &mut Buffer, marks: Option<Marks>) {
        let width = usize::from(area.width);
        let height = usize::from(area.height);
        if self.is_empty() && !self.placeholder.is_empty() {
            buf[(area.x, area.y)]
                .set_symbol(" ")
                .set_style(self.cursor_style);
            buf.set_stringn(
                area.x + 1,
                area.y,
                &self.placeholder,
                width - 1,
                self.placeholder_style,
            );
            return;
        }
        let layout = &self.layout;
        let view = self.view;
        let (cursor_row, cursor_x) = screen_position(layout, &self.lines, self.cursor);
        let selection = self.selection();
        let mut marked: Option<(usize, Vec<(usize, usize)>)> = None;
        if let Some((mut row, mut index)) = layout.locate(view.top) {
            for y in 0..area.height {
                let segs = layout.rows(row);
                let seg = segs[index];
                let text = shown(&self.lines[row][seg.start..seg.end]);
                put(
                    buf,
                    area.x,
                    area.y + y,
                    &text,
                    area.width,
                    ratatui::style::Style::new(),
                );
                if let Some(marks) = marks {
                    if marked.as_ref().is_none_or(|(r, _)| *r != row) {
                        marked = Some((row, marks(&self.lines[row])));
                    }
                    let line = &self.lines[row];
                    // The word being typed is not marked until the cursor leaves it.
                    let typing = (row == self.cursor.0).then(|| byte_at(line, self.cursor.1));
                    for &(start, end) in marked.iter().flat_map(|(_, m)| m) {
                        if typing.is_some_and(|at| (start..=end).contains(&at)) {
                            continue;
                        }
                        let (start, end) = (start.max(seg.start), end.min(seg.end));
                        if start >= end {
                            continue;
                        }
                        let from = line[seg.start..start].chars().fold(0, advance);
                        let to = line[seg.start..end].chars().fold(0, advance);
                        for x in from..to.min(width) {
                            // x < width, a u16.
                            buf[(area.x + x as u16, area.y + y)]
                                .modifier
                                .insert(Modifier::UNDERLINED);
                        }
                    }
                }
                if let Some(range) = selection {
                    let last = index + 1 == segs.len();
                    let (from, to) = selected_columns(&self.lines[row], row, &seg, last, range);
                    for x in from..to.min(width) {
                        // x < width, a u16.
                        buf[(area.x + x as u16, area.y + y)]
                            .modifier
                            .insert(SELECTED);
                    }
                }
                index += 1;
                if index == segs.len() {
                    index = 0;
                    row += 1;
                    if row == self.lines.len() {
                        break;
                    }
                }
            }
        }
        if let Some(y) = cursor_row.checked_sub(view.top).filter(|&y| y < height)
            && cursor_x < width
        {
            // Both u16: y < height and x < width, which came from u16s.
            let (x, y) = (area.x + cursor_x as u16, area.y + y as u16);
            if selection.is_some() {
                // Over a selection the cursor is its underlined end.
                buf[(x, y)].modifier.insert(Modifier::UNDERLINED);
            } else {
                buf[(x, y)].set_style(self.cursor_style);
            }
        }
    }
}
