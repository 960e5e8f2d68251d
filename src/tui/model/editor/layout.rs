//! The editor's soft wrapping: each logical line cut into screen rows for one width,
//! cached per line. An edit marks only the lines it replaced; a new width re-wraps all.

use unicode_width::UnicodeWidthChar;

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

/// Columns a char takes on screen (control chars are not drawn).
pub(super) fn char_width(c: char) -> usize {
    if c.is_ascii() {
        usize::from(!c.is_ascii_control())
    } else {
        c.width().unwrap_or(0)
    }
}

/// Cut `line` into rows of at most `width` columns (`None`: no wrapping). Rows break
/// after spaces and hyphens and around wide characters; a word longer than a row is
/// split between characters (a zero-width character stays with the one before it).
/// Spaces take columns like any character, so every cursor position has a cell; when the
/// last row is full, an empty row follows it for the cursor at the end of the line.
pub(super) fn wrap(line: &str, width: Option<usize>) -> Vec<Seg> {
    let Some(width) = width else {
        let chars = line.chars().count();
        return vec![Seg {
            start: 0,
            end: line.len(),
            col: 0,
            chars,
            width: line.chars().map(char_width).sum(),
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
        // One token: a space, a wide character, or a run of other characters up to and
        // including a hyphen; zero-width characters join it.
        let mut token = Seg {
            start,
            end: start + first.len_utf8(),
            col,
            chars: 1,
            width: char_width(first),
        };
        let single = first == ' ' || token.width > 1;
        while let Some(&(at, c)) = chars.peek() {
            let w = char_width(c);
            if w > 0 && (single || c == ' ' || w > 1 || line[..at].ends_with('-')) {
                break;
            }
            token.end = at + c.len_utf8();
            token.chars += 1;
            token.width += w;
            chars.next();
        }
        col += token.chars;
        if row.width + token.width <= width {
            extend(&mut row, &token);
            continue;
        }
        if row.chars > 0 {
            rows.push(row);
            row = empty_at(&token);
        }
        if token.width <= width {
            extend(&mut row, &token);
            continue;
        }
        // Longer than a row: split between characters.
        let mut at = token.col;
        let text = &line[token.start..token.end];
        let mut pieces = text.char_indices().peekable();
        while let Some((i, c)) = pieces.next() {
            let mut piece = Seg {
                start: token.start + i,
                end: token.start + i + c.len_utf8(),
                col: at,
                chars: 1,
                width: char_width(c),
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
            if row.width + piece.width > width && row.chars > 0 {
                rows.push(row);
                row = empty_at(&piece);
            }
            extend(&mut row, &piece);
        }
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
        for line in ["a  b   c", "x-y-z--w", "日本 語e\u{301} abcdefghijk", "   "] {
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
