//! The help overlay, generated from the keymap so it never disagrees with the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use crate::config::{HelpRow, Theme, help_height, help_rows};
use crate::tui::model::state::State;

/// Columns given to the keys of an entry.
const KEYS: usize = 24;

fn line(row: HelpRow, theme: &Theme) -> Line<'static> {
    match row {
        HelpRow::Section(title) => Line::from(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        )),
        HelpRow::Entry(keys, desc) => Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{keys:<KEYS$}"), theme.key()),
            Span::raw(" "),
            Span::raw(desc),
        ]),
        HelpRow::Note(text) => Line::from(Span::styled(format!("  {text}"), theme.muted())),
        HelpRow::Blank => Line::default(),
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &State, scroll: usize) {
    let theme = &state.config.theme;
    // As wide as the longest entry needs (borders included), as far as the screen allows.
    let needed = help_rows(&state.config.keymap)
        .into_iter()
        .map(|row| line(row, theme).width() + 2)
        .max()
        .unwrap_or(0);
    let width = area
        .width
        .saturating_sub(4)
        .min(u16::try_from(needed).unwrap_or(u16::MAX).max(72));
    let height = area
        .height
        .saturating_sub(2)
        .min(help_height(&state.config.keymap) as u16 + 2);
    let rect = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, rect);
    let block = pane_block(
        " Keys (press any key to close) ".into(),
        true,
        theme,
        rect.width,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = help_rows(&state.config.keymap)
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|row| line(row, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
