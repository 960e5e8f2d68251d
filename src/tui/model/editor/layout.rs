//! The editor's soft wrapping: each logical line cut into screen rows for one width,
//! cached per line. An edit marks only the lines it replaced; a new width re-wraps all.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::sanitize;

/// One screen row of a logical line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seg {
    /// Byte range of the row's text in the line.
    pub start: usize,
    pub end: usize,
    /// Index (in chars) of the row's first char in the line.
    pub col: usize,
    /// Chars in the row.
    pub chars: usize,
    /// Columns the row takes.
    pub width: usize,
}

/// Columns between tab stops.
pub(super) const TAB_STOP: usize = 4;

/// How a character is drawn, when not as itself: controls, bidirectional and invisible
/// format characters get the placeholders of [`sanitize`] (`␛`, `⟪RLO⟫`, `⟪ZWSP⟫`), so
/// they take cells the cursor can stop on and cannot act on the terminal. Tabs are
/// drawn as spaces by [`advance`]'s stops and are not covered here.
pub(super) fn placeholder(c: char) -> Option<Cow<'static, str>> {
    if c.is_ascii_graphic() || c == ' ' || c == '\t' {
        return None;
    }
    let mut buf = [0; 4];
    match sanitize(c.encode_utf8(&mut buf)) {
        Cow::Borrowed(_) => None,
        // Line and paragraph separators would break the row: named by code point.
        Cow::Owned(shown) if shown.contains('\n') => {
            Some(Cow::Owned(format!("⟪U+{:04X}⟫", u32::from(c))))
        }
        Cow::Owned(shown) => Some(Cow::Owned(shown)),
    }
}

/// Columns a char other than a tab takes on screen: its placeholder's, if it has one.
pub(super) fn char_width(c: char) -> usize {
    if c.is_ascii_graphic() || c == ' ' {
        1
    } else if c == '\t' {
        // At least a column; where it ends depends on where it starts (see `advance`).
        1
    } else if let Some(shown) = placeholder(c) {
        shown.width()
    } else {
        c.width().unwrap_or(0)
    }
}

/// The screen column after `c` drawn at column `x` of a row: a tab runs to the next stop.
pub(super) fn advance(x: usize, c: char) -> usize {
    if c == '\t' {
        (x / TAB_STOP + 1) * TAB_STOP
    } else {
        x + char_width(c)
    }
}

/// The column after `text` drawn from column `x`.
fn span_end(text: &str, x: usize) -> usize {
    text.chars().fold(x, advance)
}

/// Whether `c` separates words for wrapping.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Cut `line` into rows of at most `width` columns (`None`: no wrapping). A row ends
/// after the blanks following a word (or a hyphen, or a wide character), so a wrapped
/// row starts with its first word; a word longer than a row is split between
/// characters (a zero-width character stays with the one before it). Blanks take
/// columns like any character, so every cursor position has a cell; when the last row
/// is full, an empty row follows it for the cursor at the end of the line.
pub(super) fn wrap(line: &str, width: Option<usize>) -> Vec<Seg> {
    let Some(width) = width else {
        let chars = line.chars().count();
        return vec![Seg {
            start: 0,
            end: line.len(),
            col: 0,
            chars,
            width: span_end(line, 0),
        }];
    };
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row = Seg {
        start: 0,
        end: 0,
        col: 0,
        chars: 0,
        width: 0,
    };
    let mut col = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        // One token: a run of word characters up to and including a hyphen (or one wide
        // character, or leading blanks), then the blanks after it; zero-width characters
        // join it.
        let mut token = Seg {
            start,
            end: start + first.len_utf8(),
            col,
            chars: 1,
            width: 0,
        };
        let mut in_blanks = is_blank(first);
        let mut single = char_width(first) > 1;
        while let Some(&(at, c)) = chars.peek() {
            let w = char_width(c);
            if is_blank(c) {
                in_blanks = true;
            } else if w > 0 && (in_blanks || single || w > 1 || line[..at].ends_with('-')) {
                break;
            }
            single &= w == 0;
            token.end = at + c.len_utf8();
            token.chars += 1;
            chars.next();
        }
        col += token.chars;
        let text = &line[token.start..token.end];
        let end = span_end(text, row.width);
        if end <= width {
            token.width = end - row.width;
            extend(&mut row, &token);
            continue;
        }
        if row.chars > 0 {
            rows.push(row);
            row = empty_at(&token);
        }
        let end = span_end(text, 0);
        if end <= width {
            token.width = end;
            extend(&mut row, &token);
            continue;
        }
        split(line, &token, width, &mut row, &mut rows);
    }
    let full = row.width >= width && row.chars > 0;
    rows.push(row);
    if full {
        rows.push(Seg {
            start: line.len(),
            end: line.len(),
            col,
            chars: 0,
            width: 0,
        });
    }
    rows
}

/// Lay out a token longer than a row, character by character, from an empty `row`.
/// When a blank does not fit, the row's last character goes down with it, so the next
/// row does not start with a blank (unless the row held nothing else).
fn split(line: &str, token: &Seg, width: usize, row: &mut Seg, rows: &mut Vec<Seg>) {
    let mut at = token.col;
    let text = &line[token.start..token.end];
    let mut pieces = text.char_indices().peekable();
    // The last non-blank piece of the row and the row's width before it.
    let mut last: Option<(Seg, usize)> = None;
    while let Some((i, c)) = pieces.next() {
        let mut piece = Seg {
            start: token.start + i,
            end: token.start + i + c.len_utf8(),
            col: at,
            chars: 1,
            width: 0,
        };
        while let Some(&(j, c)) = pieces.peek() {
            if char_width(c) > 0 {
                break;
            }
            piece.end = token.start + j + c.len_utf8();
            piece.chars += 1;
            pieces.next();
        }
        at += piece.chars;
        let blank = is_blank(c);
        if span_end(&line[piece.start..piece.end], row.width) > width && row.chars > 0 {
            match last.filter(|(p, _)| blank && p.start > row.start) {
                Some((moved, before)) => {
                    // The row's last character and the blanks after it go down.
                    let kept = Seg {
                        end: moved.start,
                        chars: moved.col - row.col,
                        width: before,
                        ..*row
                    };
                    rows.push(kept);
                    *row = Seg {
                        start: moved.start,
                        end: row.end,
                        col: moved.col,
                        chars: row.chars - kept.chars,
                        width: span_end(&line[moved.start..row.end], 0),
                    };
                }
                None => {
                    rows.push(*row);
                    *row = empty_at(&piece);
                }
            }
        }
        if !blank {
            last = Some((piece, row.width));
        }
        piece.width = span_end(&line[piece.start..piece.end], row.width) - row.width;
        extend(row, &piece);
    }
}

fn extend(row: &mut Seg, token: &Seg) {
    if row.chars == 0 {
        *row = *token;
    } else {
        row.end = token.end;
        row.chars += token.chars;
        row.width += token.width;
    }
}

fn empty_at(token: &Seg) -> Seg {
    Seg {
        start: token.start,
        end: token.start,
        col: token.col,
        chars: 0,
        width: 0,
    }
}

/// The wrapped rows of every line, for one width; `None` for a line not wrapped yet.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    width: Option<usize>,
    lines: Vec<Option<Vec<Seg>>>,
}

impl Layout {
    /// Lines `at..at + removed` were replaced by `inserted` new ones.
    pub fn splice(&mut self, at: usize, removed: usize, inserted: usize) {
        let end = (at + removed).min(self.lines.len());
        let at = at.min(end);
        self.lines
            .splice(at..end, std::iter::repeat_n(None, inserted));
    }

    /// Wrap whatever is not wrapped for `width` yet.
    pub fn ensure(&mut self, lines: &[String], width: Option<usize>) {
        if self.width != width {
            self.width = width;
            self.lines.clear();
        }
        self.lines.resize(lines.len(), None);
        for (rows, line) in self.lines.iter_mut().zip(lines) {
            if rows.is_none() {
                *rows = Some(wrap(line, width));
            }
        }
    }

    /// Whether `lines` lines are laid out for `width` columns (no [`ensure`](Self::ensure)
    /// needed).
    pub fn is_ready(&self, lines: usize, width: usize) -> bool {
        self.width == Some(width)
            && self.lines.len() == lines
            && self.lines.iter().all(Option::is_some)
    }

    /// The rows of line `row` (after [`ensure`](Self::ensure)).
    pub fn rows(&self, row: usize) -> &[Seg] {
        self.lines
            .get(row)
            .and_then(Option::as_deref)
            .unwrap_or_default()
    }

    /// Screen rows in all.
    pub fn total(&self) -> usize {
        self.lines.iter().flatten().map(Vec::len).sum()
    }

    /// The screen row where line `row` starts.
    pub fn first_row_of(&self, row: usize) -> usize {
        self.lines[..row.min(self.lines.len())]
            .iter()
            .flatten()
            .map(Vec::len)
            .sum()
    }

    /// The line and its row index holding screen row `screen`, if there is one.
    pub fn locate(&self, screen: usize) -> Option<(usize, usize)> {
        let mut at = 0;
        for (row, rows) in self.lines.iter().enumerate() {
            let n = rows.as_ref().map_or(0, Vec::len);
            if screen < at + n {
                return Some((row, screen - at));
            }
            at += n;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str, width: usize) -> Vec<&str> {
        wrap(line, Some(width))
            .iter()
            .map(|s| &line[s.start..s.end])
            .collect()
    }

    #[test]
    fn breaks_after_spaces_keeping_them() {
        assert_eq!(
            texts("the quick brown fox", 10),
            ["the quick ", "brown fox"]
        );
        assert_eq!(texts("ab cd", 3), ["ab ", "cd"]);
        assert_eq!(texts("", 5), [""]);
    }

    #[test]
    fn a_wrapped_row_starts_with_a_word() {
        assert_eq!(texts("the quick brown", 9), ["the ", "quick ", "brown"]);
        assert_eq!(texts("end.  Next", 6), ["end.  ", "Next"]);
        // A word as long as the row: its last letter goes down with the space.
        assert_eq!(texts("abcdefgh ij", 8), ["abcdefg", "h ij"]);
        for line in [
            "the quick brown fox",
            "a  b   c d",
            "x\ty\tzz  w",
            "日本 語 abc",
        ] {
            for width in 4..12 {
                let rows = wrap(line, Some(width));
                for pair in rows.windows(2) {
                    let (prev, next) = (
                        &line[pair[0].start..pair[0].end],
                        &line[pair[1].start..pair[1].end],
                    );
                    assert!(
                        !next.starts_with(is_blank) || prev.chars().all(is_blank),
                        "{line:?} at {width}: {prev:?} then {next:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tabs_run_to_the_next_stop() {
        let rows = wrap("a\tb", None);
        assert_eq!(rows[0].width, 5);
        assert_eq!(texts("ab\tcd\tef", 8), ["ab\tcd\t", "ef"]);
    }

    #[test]
    fn breaks_after_hyphens() {
        assert_eq!(
            texts("a sell-through rate", 8),
            ["a sell-", "through ", "rate"]
        );
    }

    #[test]
    fn splits_long_words() {
        assert_eq!(texts("abcdefghij xy", 4), ["abcd", "efgh", "ij ", "xy"]);
    }

    #[test]
    fn wide_characters_break_anywhere_and_count_two() {
        assert_eq!(texts("日本語の文章です", 6), ["日本語", "の文章", "です"]);
        assert_eq!(texts("a日本", 4), ["a日", "本"]);
        let rows = wrap("日本", Some(3));
        assert_eq!(rows.iter().map(|s| s.width).collect::<Vec<_>>(), [2, 2]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        assert_eq!(
            texts("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn a_full_last_row_gets_a_row_for_the_cursor() {
        let rows = wrap("abcd", Some(4));
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].col, rows[1].chars), (4, 0));
        assert_eq!(wrap("abc", Some(4)).len(), 1);
    }

    #[test]
    fn rows_cover_the_line_in_order() {
        for line in [
            "a  b   c",
            "x-y-z--w",
            "日本 語e\u{301} abcdefghijk",
            "   ",
            "\ra  \t\t\t",
            "abcdefgh ij",
        ] {
            for width in 1..8 {
                let rows = wrap(line, Some(width));
                let mut at = (0, 0);
                for row in &rows {
                    assert_eq!((row.start, row.col), at, "{line:?} at {width}");
                    assert!(row.width <= width || row.chars == 1, "{line:?} at {width}");
                    at = (row.end, row.col + row.chars);
                }
                assert_eq!(at, (line.len(), line.chars().count()));
            }
        }
    }
}
