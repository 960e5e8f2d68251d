//! A reference followed ("prior comment 2"), over the Comments pane: the comment of
//! the earlier letter it cites and the answer given to it (the draft, else the answer
//! filed in the response letter), or which letter is missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{one_line, pane_block};
use crate::config::{Command, Context};
use crate::text::sanitize;
use crate::tui::model::names::file_name;
use crate::tui::model::reviews::Followed;
use crate::tui::model::state::State;

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State, followed: &Followed) {
    let theme = &state.config.theme;
    let Some(review) = state.reviews.list().get(followed.review) else {
        return;
    };
    let Some(link) = followed.links.get(followed.shown) else {
        return;
    };
    let back = state.key_for(Context::Comments, Command::Leave);
    let next = state.key_for(Context::Comments, Command::FollowReference);
    let count = followed.links.len();
    let more = if count > 1 {
        format!(" · {}/{count}, {next} next", followed.shown + 1)
    } else {
        String::new()
    };
    let title = format!(
        " Comment {} cites comment {}{more} · {back} back ",
        one_line(&link.comment),
        one_line(&link.reference.comment)
    );
    frame.render_widget(Clear, rect);
    let block = pane_block(title, true, theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    match &link.to {
        Err(missing) => {
            lines.push(Line::styled("Not in the folder:", theme.error()));
            lines.push(Line::raw(sanitize(missing).into_owned()));
        }
        Ok(target) => {
            let letter = &review.letters[target.letter];
            let date = letter
                .letter
                .date
                .as_deref()
                .map_or("no date".into(), one_line);
            lines.push(Line::from(vec![
                Span::styled(format!("Comment {}", one_line(&target.comment)), bold),
                Span::styled(
                    format!(
                        " of the letter of {date} ({})",
                        one_line(&file_name(&letter.path))
                    ),
                    theme.muted(),
                ),
            ]));
            let text = letter
                .letter
                .comments
                .iter()
                .find(|c| c.number == target.comment)
                .map_or("", |c| c.text.as_str());
            lines.extend(sanitize(text).lines().map(|l| Line::raw(l.to_string())));
            lines.push(Line::default());
            lines.extend(answer(state, review, target.letter, &target.comment, bold));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The answer given to comment `number` of letter `letter`: the draft when there is
/// one, else the answer a response letter filed.
fn answer(
    state: &State,
    review: &crate::review::Review,
    letter: usize,
    number: &str,
    bold: Style,
) -> Vec<Line<'static>> {
    let theme = &state.config.theme;
    let path = &review.letters[letter].path;
    let draft = state
        .by_path
        .get(path)
        .map(|id| &state.entries[id.0].slot)
        .filter(|slot| slot.loaded)
        .and_then(|slot| slot.drafts.get(number))
        .map(|d| d.response.trim())
        .filter(|text| !text.is_empty());
    let (head, text) = match (draft, review.answer(letter, number)) {
        (Some(text), _) => ("Our draft:".to_string(), text),
        (None, Some((response, text))) => {
            let date = review.letters[response]
                .letter
                .date
                .as_deref()
                .map_or("no date".into(), one_line);
            (format!("Answer filed in the response of {date}:"), text)
        }
        (None, None) => {
            return vec![Line::styled(
                "No answer: no draft, and no response letter in the folder restates it.",
                theme.muted(),
            )];
        }
    };
    let mut lines = vec![Line::styled(head, bold)];
    lines.extend(sanitize(text).lines().map(|l| Line::raw(l.to_string())));
    lines
}
