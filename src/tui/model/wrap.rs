//! Word wrapping by display width, and fitting text into a number of columns.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::may_begin_row;

/// Write `text` into `buf` from `(x, y)`, at most `width` columns, patching each cell's
/// style with `style`; returns the columns written. As `Buffer::set_stringn`, with a
/// fast path for printable ASCII (one char a cell, no grapheme segmentation), which is
/// most of what the panes show on every frame.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    let room = buf.area.right().saturating_sub(x).min(width);
    if !text.bytes().all(|b| (b' '..=b'~').contains(&b)) || y >= buf.area.bottom() {
        let (end, _) = buf.set_stringn(x, y, text, usize::from(width), style);
        return end.saturating_sub(x);
    }
    let n = text.len().min(usize::from(room));
    for (i, c) in text.bytes().take(n).enumerate() {
        // i < room, a u16.
        let cell = &mut buf[(x + i as u16, y)];
        cell.set_char(char::from(c));
        cell.set_style(style);
    }
    n as u16
}

/// Wrap one line of (sanitized) text into rows of at most `width` columns, breaking at
/// spaces and splitting words longer than a row; a word that reads as a list item's mark
/// takes the word before it down with it ([`may_begin_row`]). Leading indentation is kept
/// on the first row (up to half the width). An empty line gives one empty row.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let indent = (line.len() - line.trim_start_matches(' ').len()).min(width / 2);
    let mut rows = Vec::new();
    let mut row = " ".repeat(indent);
    let mut row_width = indent;
    let mut has_word = false;
    // Where the row's last word starts, and whether another word stands before it.
    let mut last = (0, false);
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let word_width = word.width();
        let gap = usize::from(has_word);
        if row_width + gap + word_width <= width {
            if has_word {
                row.push(' ');
            }
            last = (row.len(), has_word);
            row.push_str(word);
            row_width += gap + word_width;
            has_word = true;
            continue;
        }
        if has_word {
            let carried = &row[last.0..];
            let joined = carried.width() + 1 + word_width;
            if last.1 && !may_begin_row(word) && may_begin_row(carried) && joined <= width {
                // "…prior comment" over "2. We note" reads as comment 2.
                let carried = carried.to_string();
                row.truncate(last.0);
                rows.push(row.trim_end().to_string());
                row = format!("{carried} {word}");
                last = (carried.len() + 1, true);
                row_width = joined;
                continue;
            }
            rows.push(std::mem::take(&mut row));
        }
        if word_width <= width {
            row = word.to_string();
            row_width = word_width;
            last = (0, false);
            has_word = true;
            continue;
        }
        if has_word {
            row_width = 0;
        }
        last = (0, false);
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if row_width + w > width && row_width > 0 {
                rows.push(std::mem::take(&mut row));
                row_width = 0;
            }
            row.push(c);
            row_width += w;
        }
        has_word = true;
    }
    if has_word || rows.is_empty() {
        rows.push(row.trim_end().to_string());
    }
    rows
}

/// Cut `text` to at most `width` columns, ending with `…` when something was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap_line("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(wrap_line("a  b", 10), ["a b"]);
    }

    #[test]
    fn a_number_after_a_wrap_takes_its_word_along() {
        assert_eq!(
            wrap_line("response to prior comment 2. We note", 26),
            ["response to prior", "comment 2. We note"]
        );
        assert_eq!(wrap_line("see (b) below", 5), ["see", "(b)", "below"]);
        assert_eq!(wrap_line("as of 2017. Then", 10), ["as of", "2017. Then"]);
    }

    proptest::proptest! {
        /// Every row fits, the words come back in order, and a row after the first
        /// begins with a list item's mark only when the word before it could not come
        /// along (the two wider than a row, the word alone on its row, or a mark too).
        #[test]
        fn rows_fit_and_keep_the_words(
            words in proptest::collection::vec("[a-z]{1,9}|[0-9]{1,2}\\.|\\([a-d]\\)", 0..40),
            width in 3usize..40,
        ) {
            let line = words.join(" ");
            let rows = wrap_line(&line, width);
            for row in &rows {
                proptest::prop_assert!(row.width() <= width, "{row:?} in {width}");
            }
            let joined: String = rows.concat().split_whitespace().collect();
            proptest::prop_assert_eq!(joined, words.concat());
            for pair in rows.windows(2) {
                let Some(first) = pair[1].split(' ').next() else { continue };
                let last = pair[0].rsplit(' ').next().unwrap_or_default();
                let together = last.width() + 1 + first.width() <= width;
                let alone = !pair[0].contains(' ');
                proptest::prop_assert!(
                    may_begin_row(first) || !together || alone || !may_begin_row(last),
                    "{pair:?} in {width}"
                );
            }
        }
    }

    #[test]
    fn splits_long_words() {
        assert_eq!(wrap_line("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(wrap_line("ab abcdefgh", 4), ["ab", "abcd", "efgh"]);
    }

    #[test]
    fn keeps_first_row_indent_and_empty_lines() {
        assert_eq!(wrap_line("  - item one", 20), ["  - item one"]);
        assert_eq!(wrap_line("", 5), [""]);
        assert_eq!(wrap_line("   ", 5), [""]);
    }

    #[test]
    fn counts_wide_characters() {
        assert_eq!(wrap_line("日本語 日本", 6), ["日本語", "日本"]);
    }

    #[test]
    fn zero_width_does_not_loop() {
        assert_eq!(wrap_line("ab", 0), ["a", "b"]);
    }

    #[test]
    fn fit_cuts_with_ellipsis() {
        assert_eq!(fit("Northwind", 20), "Northwind");
        assert_eq!(fit("Northwind Traders", 6), "North…");
        assert_eq!(fit("abc", 0), "");
    }
}
