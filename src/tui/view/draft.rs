//! The Draft pane: the editor holding the selected comment's response; for a company's
//! response letter, the answer it gives under the selected restatement.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{focused, note, one_line, pane_block};
use crate::config::{Command, Context};
use crate::drafts::Status;
use crate::text::sanitize;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::draft_parts;
use crate::tui::model::state::{State, status_of};
use crate::tui::model::wrap::{fit, wrap_line};

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    if state.reading_response() {
        return draw_answer(frame, rect, state);
    }
    let theme = &state.config.theme;
    let comment = state.selected_comment();
    let title = match (comment, state.drafts()) {
        (Some(comment), Some(drafts)) => {
            let index = state.open.as_ref().and_then(|o| o.selected).unwrap_or(0);
            let status = match status_of(drafts, index, &comment.number) {
                Status::Open => "open",
                Status::Drafted => "drafted",
                Status::Resolved => "resolved",
            };
            let changed = if state.changed_comments().contains(&comment.number) {
                " · comment text changed in the letter"
            } else {
                ""
            };
            let (words, chars) = state.editor.counts();
            format!(
                " Draft · comment {} · {status}{changed} · {words} words, {chars} chars ",
                one_line(&comment.number)
            )
        }
        _ => " Draft ".to_string(),
    };
    let block = pane_block(title, focused(state, Pane::Draft), theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if comment.is_none() {
        frame.render_widget(note("No comment selected.", theme), inner);
        return;
    }
    let filed = state.selected_filed_answer();
    let (inner, below) = draft_parts(inner, filed.is_some());
    if let (Some((date, text)), Some(below)) = (filed, below) {
        // The answer filed in the review's response letter, under the draft.
        let date = date.map_or("no date".into(), one_line);
        let mut lines = vec![Line::styled(
            fit(
                &format!("── Answer filed in the response of {date} ──"),
                usize::from(below.width),
            ),
            theme.muted(),
        )];
        lines.extend(sanitize(text).lines().map(|l| Line::raw(l.to_string())));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), below);
    }
    if state.config.editing.spelling {
        let spelled = state.editor.spelled(&state.spelling, state.open_letter());
        frame.render_widget(spelled, inner);
    } else {
        frame.render_widget(&state.editor, inner);
    }
}

/// The Draft pane of a company's response: the answer it gives under the selected
/// restatement, read and not edited, cut with a pointer to the reader view when longer
/// than the pane. A draft written on the response before (by an older letterdesk) shows
/// under it, so that nothing typed is hidden.
fn draw_answer(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    let comment = state.selected_comment();
    let filed = state.selected_filed_answer();
    let title = match (comment, filed) {
        (Some(c), Some((date, _))) => format!(
            " Answer to comment {} · filed {} ",
            one_line(&c.number),
            date.map_or("with no date".into(), one_line)
        ),
        (Some(c), None) => format!(" Answer to comment {} ", one_line(&c.number)),
        (None, _) => " Answer ".to_string(),
    };
    let block = pane_block(title, false, theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let Some(comment) = comment else {
        frame.render_widget(note("No comment selected.", theme), inner);
        return;
    };
    let width = usize::from(inner.width);
    let wrapped = |text: &str| -> Vec<Line<'static>> {
        let text = sanitize(text);
        text.lines()
            .flat_map(|l| wrap_line(l, width))
            .map(Line::raw)
            .collect()
    };
    let mut rows: Vec<Line> = Vec::new();
    match filed {
        Some((_, text)) => rows.extend(wrapped(text)),
        None if state.reviews.built.is_none() => {
            rows.push(Line::styled("Reading the review's answers…", theme.muted()))
        }
        None => rows.push(Line::styled(
            "No answer was read under this restatement.",
            theme.muted(),
        )),
    }
    let kept = state
        .draft(&comment.number)
        .map(|d| d.response.as_str())
        .filter(|r| !r.trim().is_empty());
    if let Some(kept) = kept {
        rows.push(Line::default());
        rows.push(Line::styled(
            fit("── A draft written here before, kept in its file ──", width),
            theme.muted(),
        ));
        rows.extend(wrapped(kept));
    }
    let height = usize::from(inner.height);
    if rows.len() > height && height > 0 {
        rows.truncate(height - 1);
        let key = state.key_for(Context::Comments, Command::Reader);
        rows.push(Line::styled(
            fit(&format!("… {key}: the whole letter"), width),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(rows), inner);
}
