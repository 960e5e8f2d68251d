//! Where the precedent overlay goes on the screen and the rows of a hit read in full:
//! shared by the view (drawing) and the transitions (how far a hit scrolls).

use ratatui::layout::{Constraint, Layout, Rect};

use super::layout::{Shape, areas, inner};
use super::wrap::wrap_line;
use crate::precedent::Hit;
use crate::text::{one_line, sanitize};
use unicode_width::UnicodeWidthStr;

/// Where the overlay goes over the panes' `area`, borders included.
pub fn overlay_rect(area: Rect) -> Rect {
    area.centered(
        Constraint::Length(area.width.saturating_sub(4).min(120)),
        Constraint::Length(area.height.saturating_sub(2)),
    )
}

/// The rows the overlay gives its hits (or the hit read in full) on a screen of `size`
/// laid out in `shape`: what the transitions scroll and click in.
pub fn body_on(size: (u16, u16), shape: Shape) -> Rect {
    let screen = Rect::new(0, 0, size.0, size.1);
    body_and_hint(overlay_rect(areas(screen, shape).main())).0
}

/// The overlay's inside (`rect` less its borders) parted into the rows of its hits and
/// the hint under them.
pub fn body_and_hint(rect: Rect) -> (Rect, Rect) {
    let [body, hint] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner(rect));
    (body, hint)
}

/// Rows each hit takes in the list at the least: who and where, the comment's first
/// row, the answer's.
const LEAST_HIT_ROWS: usize = 3;

/// Rows each hit takes at the most, on a tall screen: who and where, the comment's
/// first two rows, the answer's first three.
const MOST_HIT_ROWS: usize = 6;

/// Rows each of the list's `hits` hits takes in `body`: as many as let every hit be
/// seen at once, from 3 to 6 (a tall screen shows more of each comment and answer).
pub fn hit_rows(body: Rect, hits: usize) -> usize {
    (usize::from(body.height) / hits.max(1)).clamp(LEAST_HIT_ROWS, MOST_HIT_ROWS)
}

/// How the `rows` of a hit below its first (who and where) are shared: the comment's
/// rows, then the answer's, the answer first given a second.
pub fn text_and_answer_rows(rows: usize) -> (usize, usize) {
    let text = if rows >= 5 { 2 } else { 1 };
    (text, rows.saturating_sub(1 + text).max(1))
}

/// The first hit the list of `hits` hits shows in `body`: the first, unless the hit
/// `selected` would be below the bottom, then as many before it as fit.
pub fn first_hit_shown(selected: usize, body: Rect, hits: usize) -> usize {
    let fit = (usize::from(body.height) / hit_rows(body, hits)).max(1);
    (selected + 1).saturating_sub(fit)
}

/// The hit whose rows are at `row` of the screen in `body`, if any is (there may be
/// fewer than `hits`), the list starting at `first`.
pub fn hit_at(row: u16, body: Rect, first: usize, hits: usize) -> Option<usize> {
    let inside = row.checked_sub(body.y).filter(|&r| r < body.height)?;
    let hit = first + usize::from(inside) / hit_rows(body, hits);
    (hit < hits).then_some(hit)
}

/// The first `rows` rows of `text`, its lines run together, sanitized and wrapped to
/// `width` columns; the last ends with "…" when the text goes on. Only the start of a
/// long text is wrapped.
pub fn first_rows(text: &str, width: usize, rows: usize) -> Vec<String> {
    let width = width.max(2);
    // Enough words for the rows and one more: a row holds at most `width` characters.
    let budget = (rows + 1) * (width + 1);
    let mut joined = String::new();
    let mut more = false;
    for word in text.split_whitespace() {
        if joined.len() > budget {
            more = true;
            break;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    let mut wrapped = wrap_line(&sanitize(&joined), width);
    if wrapped.len() > rows {
        more = true;
        wrapped.truncate(rows);
    }
    if more && let Some(last) = wrapped.last_mut() {
        // No room for the mark: the row's last word gives it its place (a row of one
        // word, its last characters).
        if last.width() + 1 > width {
            match last.trim_end().rfind(' ') {
                Some(space) => last.truncate(space),
                None => {
                    while last.width() + 1 > width {
                        last.pop();
                    }
                }
            }
        }
        last.push('…');
    }
    wrapped
}

/// How far `rows` rows scroll in `body`: until the last is at the bottom.
pub fn last_scroll(rows: usize, body: Rect) -> u16 {
    u16::try_from(rows.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// A row of a hit read in full, wrapped and sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FullRow {
    /// Who, when and where: the company, date, form and comment, the heading, "Answer".
    Title(String),
    /// A row of the letter's path, or of the comment or the answer (whose words of the
    /// query's terms are marked).
    Text(String),
}

/// The rows of `hit` read in full, `width` columns wide: who and where, the comment,
/// and the answer with the response letter it comes from.
pub fn full_rows(hit: &Hit, width: usize) -> Vec<FullRow> {
    let mut rows = Vec::new();
    let mut push = |text: &str, title: bool| {
        for row in wrap_line(&sanitize(text), width) {
            rows.push(if title {
                FullRow::Title(row)
            } else {
                FullRow::Text(row)
            });
        }
    };
    let head = format!(
        "{} · {} · {} · comment {}",
        one_line(&hit.company),
        or_dash(&hit.date),
        or_dash(&hit.form),
        one_line(&hit.comment)
    );
    push(&head, true);
    push(&one_line(&hit.path.display().to_string()), false);
    if !hit.heading.is_empty() {
        push(&one_line(&hit.heading), true);
    }
    push("", false);
    hit.text.lines().for_each(|line| push(line, false));
    push("", false);
    match &hit.answer {
        Some(answer) => {
            let response = hit.response.as_ref().map_or(String::new(), |p| {
                format!(" ({})", one_line(&p.display().to_string()))
            });
            push(&format!("Answer{response}:"), true);
            answer.lines().for_each(|line| push(line, false));
        }
        None => push("No answer in the letters indexed.", false),
    }
    rows
}

/// `text` sanitized on one line, or a dash for a field the letter leaves empty.
pub fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".into()
    } else {
        one_line(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hits_rows_grow_with_the_screen_from_three_to_six() {
        let body = |height| Rect::new(0, 0, 80, height);
        assert_eq!(hit_rows(body(20), 10), 3);
        assert_eq!(hit_rows(body(45), 10), 4);
        assert_eq!(hit_rows(body(200), 10), 6);
        assert_eq!(hit_rows(body(20), 0), 6);
        let shares: Vec<_> = (3..=6).map(text_and_answer_rows).collect();
        assert_eq!(shares, [(1, 1), (1, 2), (2, 2), (2, 3)]);
        // A click on a hit's last row is that hit's, at any size.
        assert_eq!(hit_at(8, body(45), 0, 10), Some(2));
        assert_eq!(hit_at(7, body(45), 0, 10), Some(1));
    }

    #[test]
    fn first_rows_run_lines_together_and_end_with_an_ellipsis_when_cut() {
        let text = "One two three\nfour five six seven eight nine ten.";
        assert_eq!(first_rows(text, 14, 2), ["One two three", "four five six…"]);
        assert_eq!(first_rows("Short.", 14, 2), ["Short."]);
        // A full last row makes room for the mark by its last word, not in mid-word.
        assert_eq!(first_rows("aaaa bbbb cccc dddd", 9, 1), ["aaaa…"]);
        assert_eq!(first_rows("abcdefghijkl", 6, 1), ["abcde…"]);
        // A very long text: only its start is wrapped, and the cut is still marked.
        let long = "word ".repeat(100_000);
        let rows = first_rows(&long, 20, 3);
        assert_eq!(rows.len(), 3);
        assert!(rows[2].ends_with('…'), "{rows:?}");
        // Control characters never reach the terminal.
        let rows = first_rows("Bad \u{1b}[2J text", 40, 1);
        assert!(!rows[0].contains('\u{1b}'), "{rows:?}");
    }
}
