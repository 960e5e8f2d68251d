//! The Draft pane: the editor holding the selected comment's response.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{focused, note, one_line, pane_block};
use crate::drafts::Status;
use crate::text::sanitize;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::draft_parts;
use crate::tui::model::state::{State, status_of};
use crate::tui::model::wrap::fit;

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
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
    let Some(comment) = comment else {
        frame.render_widget(note("No comment selected.", theme), inner);
        return;
    };
    let path = state.open.as_ref().map(|o| &state.entries[o.id.0].path);
    let filed = path.and_then(|p| state.reviews.filed_answer(p, &comment.number));
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
