//! The help overlay, generated from the keymap so it never disagrees with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use crate::config::Theme;
use crate::tui::model::help_lines::{HelpLine, KEYS, help_lines, help_rect};
use crate::tui::model::state::State;

fn line(row: HelpLine, theme: &Theme) -> Line<'static> {
    match row {
        HelpLine::Section(title) => Line::from(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        )),
        HelpLine::Entry(keys, desc) => Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{keys:<KEYS$}"), theme.key()),
            Span::raw(" "),
            Span::raw(desc),
        ]),
        HelpLine::Note(text) => Line::from(Span::styled(format!("  {text}"), theme.muted())),
        HelpLine::Blank => Line::default(),
    }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, state: &State, scroll: usize) {
    let theme = &state.config.theme;
    let rect = help_rect(&state.config.keymap, area);
    frame.render_widget(Clear, rect);
    let block = pane_block(
        " Keys (scroll with j k, any other key closes) ".into(),
        true,
        theme,
        rect.width,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let lines: Vec<Line> = help_lines(&state.config.keymap, usize::from(inner.width))
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|row| line(row, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
