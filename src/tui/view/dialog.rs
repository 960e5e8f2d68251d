//! Dialogs over the panes: unsaved text found in the journal, a comment changed both
//! here and on disk, and the export's format prompt. Their keys come from the keymap
//! (`recovery`, `conflict`, `export`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{one_line, pane_block};
use crate::config::Theme;
use crate::config::{Command, Context};
use crate::drafts::CommentDraft;
use crate::text::sanitize;
use crate::tui::model::overlay::Mode;
use crate::tui::model::state::State;
use crate::tui::model::wrap::wrap_line;

/// The dialog's rectangle: most of `area`, at most 90 columns wide.
fn frame_rect(area: Rect, rows: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(90);
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// `text` (file text: sanitized) wrapped to `width`, at most `max` rows, indented.
fn quoted(text: &str, width: usize, max: usize, style: Style) -> Vec<Line<'static>> {
    let width = width.saturating_sub(4).max(1);
    let clean = sanitize(text);
    let mut rows: Vec<String> = Vec::new();
    for line in clean.split('\n') {
        rows.extend(wrap_line(line, width));
        if rows.len() > max {
            break;
        }
    }
    if text.trim().is_empty() {
        rows = vec!["(empty)".into()];
    }
    let cut = rows.len() > max;
    rows.truncate(max);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|r| Line::from(vec![Span::raw("  │ "), Span::styled(r, style)]))
        .collect();
    if cut {
        lines.push(Line::from(Span::raw("  │ …")));
    }
    lines
}

/// The keys of a dialog's context, one line each.
fn keys_lines(state: &State, context: Context, theme: &Theme) -> Vec<Line<'static>> {
    let hints = state.config.keymap.hints(context);
    let keys: Vec<String> = hints
        .iter()
        .map(|h| {
            h.keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let width = keys.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    hints
        .iter()
        .zip(keys)
        .map(|(hint, key)| {
            Line::from(vec![
                Span::styled(format!("{key:<width$}"), theme.key()),
                Span::raw(format!("  {}", one_line(&hint.desc))),
            ])
        })
        .collect()
}

fn show(frame: &mut Frame, area: Rect, title: String, lines: Vec<Line<'static>>, state: &State) {
    let theme = &state.config.theme;
    let rect = frame_rect(area, lines.len());
    frame.render_widget(Clear, rect);
    let block = pane_block(title, true, theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Unsaved text found in the journal at start-up.
pub(super) fn recovery(frame: &mut Frame, area: Rect, state: &State) {
    let theme = &state.config.theme;
    let Some(offer) = state.dialogs.recovery.offers.first() else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(6).min(88));
    let budget = usize::from(area.height).saturating_sub(12).max(2) / 2;
    let entry = &offer.entry;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let written: chrono::DateTime<chrono::Local> = entry.written.into();
    let age = if offer.newer_than_file {
        "newer than the drafts file"
    } else {
        "older than the drafts file"
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Letter:  ", bold),
            Span::raw(one_line(&entry.letter.display().to_string())),
        ]),
        Line::from(vec![
            Span::styled("Comment: ", bold),
            Span::raw(one_line(&entry.number)),
        ]),
        Line::from(vec![
            Span::styled("Typed:   ", bold),
            Span::raw(format!("{} ({age})", written.format("%Y-%m-%d %H:%M:%S"))),
        ]),
        Line::default(),
        Line::from(Span::styled("Unsaved text in the journal:", bold)),
    ];
    lines.extend(quoted(&entry.text, width, budget, Style::new()));
    lines.push(Line::from(Span::styled("In the drafts file now:", bold)));
    match &offer.saved {
        Some(saved) => lines.extend(quoted(saved, width, budget, theme.muted())),
        None => lines.push(Line::from(Span::styled("  │ (nothing)", theme.muted()))),
    }
    lines.push(Line::default());
    lines.extend(keys_lines(state, Mode::Recovery.context(), theme));
    let count = state.dialogs.recovery.offers.len();
    let title = if count > 1 {
        format!(" Unsaved text found (1 of {count}) ")
    } else {
        " Unsaved text found ".to_string()
    };
    show(frame, area, title, lines, state);
}

/// A comment changed both here and on disk: both versions, and the choices.
pub(super) fn conflict(frame: &mut Frame, area: Rect, state: &State, number: &str) {
    let theme = &state.config.theme;
    let Some(conflict) = state.conflicts().iter().find(|c| c.number == number) else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(6).min(88));
    let budget = usize::from(area.height).saturating_sub(9).max(2) / 2;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let label = |d: &CommentDraft| match d.status {
        crate::drafts::Status::Open => "open",
        crate::drafts::Status::Drafted => "drafted",
        crate::drafts::Status::Resolved => "resolved",
    };
    let mut lines = vec![Line::from(Span::styled(
        format!("Mine (this workspace, {}):", label(&conflict.mine)),
        bold,
    ))];
    lines.extend(quoted(&conflict.mine.response, width, budget, Style::new()));
    lines.push(Line::from(Span::styled(
        format!("Theirs (the file on disk, {}):", label(&conflict.theirs)),
        bold,
    )));
    lines.extend(quoted(
        &conflict.theirs.response,
        width,
        budget,
        theme.muted(),
    ));
    lines.push(Line::default());
    lines.extend(keys_lines(state, Mode::Conflict.context(), theme));
    let title = format!(" Comment {} changed here and on disk ", one_line(number));
    show(frame, area, title, lines, state);
}

/// The export prompt: the formats (the highlighted one marked), and the keys.
pub(super) fn export(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    letter: crate::tui::model::ids::LetterId,
    highlighted: crate::export::Format,
) {
    let theme = &state.config.theme;
    let Some(entry) = state.entries.get(letter.0) else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let target = crate::export::default_output_path(&entry.path, highlighted);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut lines = vec![Line::from(vec![
        Span::styled("Write: ", bold),
        Span::raw(one_line(&name)),
    ])];
    lines.push(Line::default());
    for format in crate::export::Format::ALL {
        let (mark, style) = if format == highlighted {
            ("▶ ", theme.key().add_modifier(Modifier::BOLD))
        } else {
            ("  ", Style::new())
        };
        lines.push(Line::from(Span::styled(
            format!("{mark}{}", format.name()),
            style,
        )));
    }
    lines.push(Line::default());
    lines.extend(keys_lines(state, Mode::Export.context(), theme));
    let title = format!(
        " Export {} ",
        crate::tui::model::names::file_name(&entry.path)
    );
    show(frame, area, title, lines, state);
}

/// The keys of the question on top and what each does: its choices, then closing it.
pub(super) fn question_keys(state: &State) -> Vec<(String, String)> {
    let keymap = &state.config.keymap;
    let Some(question) = state.dialogs.questions.front() else {
        return Vec::new();
    };
    let mut keys: Vec<(String, String)> = question
        .choices
        .iter()
        .map(|c| {
            let key = keymap.key_for(Mode::Question.context(), c.command);
            (key, one_line(&c.label))
        })
        .collect();
    keys.push((
        keymap.key_for(Mode::Question.context(), Command::Later),
        question.later.to_owned(),
    ));
    keys
}

/// The question on top: what it is about, and the keys that answer it.
pub(super) fn question(frame: &mut Frame, area: Rect, state: &State) {
    let theme = &state.config.theme;
    let Some(question) = state.dialogs.questions.front() else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(4).min(90).saturating_sub(2));
    let mut lines: Vec<Line<'static>> = Vec::new();
    for paragraph in &question.lines {
        lines.extend(
            wrap_line(&one_line(paragraph), width)
                .into_iter()
                .map(Line::raw),
        );
    }
    lines.push(Line::default());
    let keys = question_keys(state);
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, label) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("{key:<key_width$}"), theme.key()),
            Span::raw(format!("  {label}")),
        ]));
    }
    show(
        frame,
        area,
        format!(" {} ", one_line(&question.title)),
        lines,
        state,
    );
}
