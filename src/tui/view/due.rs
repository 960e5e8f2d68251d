//! The response date of a row of the Letters pane: how many business days are left,
//! in a colour that rises as the deadline nears (three business days or fewer: warn;
//! past: alarm). A letter whose comments are all resolved, or whose review holds a
//! response filed after it, is never shown as due or overdue.

use chrono::NaiveDate;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use super::one_line;
use crate::config::Theme;
use crate::letter::dates::business_days_between;

/// Columns the longest due text takes (`due in 12 business days`).
pub(super) const DUE_FULL: usize = 23;
/// Columns the short due text takes (`!2024-03-15`, `2 bus. days`).
pub(super) const DUE_SHORT: usize = 11;

/// At most this many business days are counted (a date further off shows as a date).
const COUNTED: u32 = 999;

/// The due text of a letter due `due` (as the letter writes it, ISO when parsed),
/// `answered` when it awaits nothing from us (every comment resolved, or a response
/// filed after it), in at most `room` columns.
pub(super) fn due(
    due: &str,
    answered: bool,
    today: NaiveDate,
    room: usize,
    theme: &Theme,
) -> Span<'static> {
    let shown = one_line(due);
    let Ok(date) = NaiveDate::parse_from_str(due, "%Y-%m-%d") else {
        return Span::raw(format!("due {shown}"));
    };
    if answered {
        let full = format!("due {shown}");
        return Span::styled(
            if full.width() <= room { full } else { shown },
            theme.muted(),
        );
    }
    let days = business_days_between(today, date, COUNTED);
    let (full, short, style) = match days {
        ..0 => (
            format!("overdue {shown}"),
            format!("!{shown}"),
            theme.overdue(),
        ),
        0 => ("due today".into(), "due today".into(), theme.overdue()),
        1 => (
            "due in 1 business day".into(),
            "1 bus. day".into(),
            theme.due_soon(),
        ),
        n if i64::from(COUNTED) <= n => (format!("due {shown}"), shown, Default::default()),
        n => (
            format!("due in {n} business days"),
            if n < 10 {
                format!("{n} bus. days")
            } else {
                format!("{n} b. days")
            },
            if n <= 3 {
                theme.due_soon()
            } else {
                Default::default()
            },
        ),
    };
    Span::styled(if full.width() <= room { full } else { short }, style)
}
