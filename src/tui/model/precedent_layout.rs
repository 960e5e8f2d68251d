//! Where the precedent overlay goes on the screen and the rows of a hit read in full:
//! shared by the view (drawing) and the transitions (how far a hit scrolls).

use ratatui::layout::{Constraint, Layout, Rect};

use super::layout::{Shape, areas, inner};
use super::wrap::wrap_line;
use crate::precedent::Hit;
use crate::text::{one_line, sanitize};

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

/// Rows each hit takes in the list: who and where, the comment's first line, the
/// answer's.
pub const HIT_ROWS: usize = 3;

/// The first hit the list shows in `body`: the first, unless the hit `selected` would
/// be below the bottom, then as many before it as fit.
pub fn first_hit_shown(selected: usize, body: Rect) -> usize {
    let fit = (usize::from(body.height) / HIT_ROWS).max(1);
    (selected + 1).saturating_sub(fit)
}

/// The hit whose rows are at `row` of the screen in `body`, if any is (there may be
/// fewer than `hits`), the list starting at `first`.
pub fn hit_at(row: u16, body: Rect, first: usize, hits: usize) -> Option<usize> {
    let inside = row.checked_sub(body.y).filter(|&r| r < body.height)?;
    let hit = first + usize::from(inside) / HIT_ROWS;
    (hit < hits).then_some(hit)
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
