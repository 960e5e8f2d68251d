//! The status bar: messages or the search prompt, save state, indexing progress, the demo
//! folder; below, the focused pane's keys, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{fit_spans, one_line};
use crate::config::Theme;
use crate::config::{Command, Context, Hint};
use crate::text::thousands;
use crate::tui::model::overlay::Mode;
use crate::tui::model::slot::SaveState;
use crate::tui::model::state::State;
use crate::tui::model::wrap::fit;

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    frame.render_widget(Paragraph::new("").style(theme.status()), rect);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(rect);
    draw_top(frame, top, state);
    if bottom.height > 0 {
        let width = usize::from(bottom.width);
        let line =
            super::command_line::completions(state, width).unwrap_or_else(|| hints(state, width));
        frame.render_widget(Paragraph::new(line).style(theme.status()), bottom);
    }
}

fn draw_top(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    let width = usize::from(rect.width);
    let mut right: Vec<Span> = Vec::new();
    let mut push = |span: Span<'static>| {
        if !right.is_empty() {
            right.push(Span::styled(" · ", theme.muted()));
        }
        right.push(span);
    };
    // The keys typed so far of a count or a sequence (`12`, `g`), as vim shows them.
    let count = state.count.map(|n| n.to_string()).unwrap_or_default();
    let pending = state.pending.map(|k| k.to_string()).unwrap_or_default();
    if !count.is_empty() || !pending.is_empty() {
        push(Span::styled(
            one_line(&format!("{count}{pending}")),
            theme.key(),
        ));
    }
    if !state.index.finished {
        push(Span::raw(match state.index.total {
            Some(total) => format!(
                "indexed {}/{}",
                thousands(state.index.done),
                thousands(total)
            ),
            None if state.index.done > 0 => format!("indexed {}…", thousands(state.index.done)),
            None => "indexing…".to_string(),
        }));
    }
    match state.save_state() {
        SaveState::Idle => {}
        SaveState::Loading => push(Span::styled("loading drafts…", theme.muted())),
        SaveState::Saved => push(Span::styled(
            "saved",
            theme.mark(crate::drafts::Status::Resolved),
        )),
        SaveState::Unsaved => push(Span::styled("unsaved", theme.overdue())),
        SaveState::Saving => push(Span::raw("saving…")),
        SaveState::Failed(error) => push(Span::styled(
            format!("save failed: {}", one_line(&error)),
            theme.error(),
        )),
        SaveState::Conflict(numbers) => push(Span::styled(
            format!(
                "conflict: comment {} (press {} to choose)",
                one_line(&numbers.join(", ")),
                state.key_for(Context::Comments, Command::ShowConflict)
            ),
            theme.error(),
        )),
        SaveState::Blocked(error) => {
            let dirty = state
                .open
                .as_ref()
                .is_some_and(|o| state.entries[o.id.0].slot.dirty());
            let lead = if dirty {
                "unsaved (in the journal), "
            } else {
                ""
            };
            push(Span::styled(
                format!("{lead}drafts file not used: {}", one_line(&error)),
                theme.error(),
            ));
        }
    }
    if let Some(dir) = &state.demo_dir {
        push(Span::styled(
            format!("demo: {}", one_line(&dir.display().to_string())),
            theme.muted(),
        ));
    }
    let room = if state.dialogs.prompt.is_none()
        && state.message.is_none()
        && state.dialogs.line.open.is_none()
    {
        width
    } else {
        width * 6 / 10
    };
    let right_width = Line::from(right.clone()).width().min(room);
    let left_width = width.saturating_sub(right_width + 1);
    let line = super::command_line::prompt(state, left_width);
    let left = match (line, &state.dialogs.prompt, &state.message) {
        (Some(line), _, _) => line,
        (None, Some(prompt), _) => Line::from(vec![
            Span::styled("Search: ", theme.key()),
            Span::raw(fit(&one_line(prompt), left_width.saturating_sub(9))),
            Span::styled("▏", theme.key()),
        ]),
        (None, None, Some(message)) => {
            let style = if message.error {
                theme.error()
            } else {
                Style::new()
            };
            Line::from(Span::styled(
                fit(&one_line(&message.text), left_width),
                style,
            ))
        }
        (None, None, None) => Line::default(),
    };
    let [l, _, r] = Layout::horizontal([
        Constraint::Length(left_width as u16),
        Constraint::Length(1),
        Constraint::Length(right_width as u16),
    ])
    .areas(rect);
    frame.render_widget(Paragraph::new(left).style(theme.status()), l);
    let right = fit_spans(right, right_width);
    frame.render_widget(
        Paragraph::new(Line::from(right).right_aligned()).style(theme.status()),
        r,
    );
}

/// The key hints for the current mode, as many as fit; the help key always shows where
/// one reaches help.
fn hints(state: &State, width: usize) -> Line<'static> {
    let theme = &state.config.theme;
    let keymap = &state.config.keymap;
    // The help key that works here: in the editor `?` types, so it is not the one shown.
    let mode = state.mode();
    let help_key = match mode {
        Mode::Help | Mode::Search | Mode::Command | Mode::Messages => None,
        mode => Some(keymap.key_for(mode.context(), Command::Help)),
    }
    .filter(|k| k != "<unbound>");
    let items: Vec<(String, String)> = match mode {
        Mode::Help => vec![
            (
                format!(
                    "{}{}",
                    keymap.key_for(Mode::Help.context(), Command::Up),
                    keymap.key_for(Mode::Help.context(), Command::Down)
                ),
                "scroll".into(),
            ),
            ("any key".into(), "close help".into()),
        ],
        Mode::Messages => vec![("any key".into(), "close".into())],
        // Only the keys that do something here now (see `State::hinted`).
        Mode::Pane(pane) => keymap
            .pane_hints(pane, |command| state.hinted(pane, command))
            .iter()
            .map(label)
            .collect(),
        Mode::Question => super::dialog::question_keys(state),
        // Every other dialog and prompt: its own keys.
        mode => keymap
            .hints(mode.context())
            .iter()
            .filter(|h| state.hinted(state.focus, h.run))
            .map(label)
            .collect(),
    };
    let help = help_key.map(|k| (k, "help".to_string()));
    let size = |(k, d): &(String, String)| k.width() + 1 + d.width() + 2;
    let mut chosen: Vec<&(String, String)> = Vec::new();
    let mut used = 0;
    let total: usize = items.iter().map(size).sum();
    let reserve = if total > width {
        help.as_ref().map_or(0, size)
    } else {
        0
    };
    // In their order, each that fits: a long one that does not leaves its room to the
    // shorter ones after it.
    for item in &items {
        if used + size(item) + reserve > width {
            continue;
        }
        used += size(item);
        chosen.push(item);
    }
    if reserve > 0
        && let Some(help) = &help
        && !chosen.iter().any(|(k, d)| k == &help.0 && d == &help.1)
    {
        chosen.push(help);
    }
    let spans = chosen
        .into_iter()
        .flat_map(|(k, d)| hint_spans(k, d, theme))
        .collect::<Vec<_>>();
    Line::from(fit_spans(spans, width))
}

fn label(hint: &Hint) -> (String, String) {
    let desc = one_line(&hint.desc);
    (
        hint.keys
            .first()
            .map(ToString::to_string)
            .unwrap_or_default(),
        desc,
    )
}

fn hint_spans(key: &str, desc: &str, theme: &Theme) -> [Span<'static>; 3] {
    [
        Span::styled(key.to_string(), theme.key()),
        Span::raw(format!(" {desc}")),
        Span::raw("  "),
    ]
}
