//! The command line and the Letters pane's filter in the status bar, the names the
//! command line can complete to, and the recent messages in full (`:messages`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{one_line, pane_block};
use crate::tui::model::state::State;
use crate::tui::model::wrap::fit;

/// The line being typed, with its sigil (`:` or `/`) and the cursor, cut to `width`.
pub(super) fn prompt(state: &State, width: usize) -> Option<Line<'static>> {
    let theme = &state.config.theme;
    let p = state.dialogs.line.open.as_ref()?;
    let text = one_line(&p.text);
    // The end of a long line shows: that is where the typing is.
    let room = width.saturating_sub(2);
    let shown: String = if unicode_width::UnicodeWidthStr::width(text.as_str()) > room {
        let chars: Vec<char> = text.chars().collect();
        let skip = chars.len().saturating_sub(room);
        chars[skip..].iter().collect()
    } else {
        text
    };
    Some(Line::from(vec![
        Span::styled(p.purpose.sigil().to_string(), theme.key()),
        Span::raw(shown),
        Span::styled("▏", theme.key()),
    ]))
}

/// The names the command line can complete to, the one shown highlighted: in place of
/// the key hints while something is typed.
pub(super) fn completions(state: &State, width: usize) -> Option<Line<'static>> {
    let theme = &state.config.theme;
    let (names, chosen) = state.dialogs.line.completions();
    if names.is_empty() {
        return None;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, name) in names.iter().enumerate() {
        let w = name.len() + 2;
        if used + w > width {
            spans.push(Span::styled("…", theme.muted()));
            break;
        }
        used += w;
        let style = if Some(i) == chosen {
            theme.selected()
        } else {
            theme.key()
        };
        spans.push(Span::styled((*name).to_string(), style));
        spans.push(Span::raw("  "));
    }
    Some(Line::from(spans))
}

/// The recent messages in full, newest last, wrapped to the width they have.
pub(super) fn messages(frame: &mut Frame, area: Rect, state: &State, scroll: usize) {
    let theme = &state.config.theme;
    let width = area.width.saturating_sub(4);
    let height = area.height.saturating_sub(2);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    let title = fit(
        " Recent messages (any other key closes) ",
        usize::from(width.saturating_sub(2)),
    );
    let block = pane_block(title, true, theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = state
        .dialogs
        .log
        .recent
        .iter()
        .skip(scroll)
        .map(|m| {
            let style = if m.error {
                theme.error()
            } else {
                ratatui::style::Style::new()
            };
            Line::from(Span::styled(format!("• {}", one_line(&m.text)), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
