//! The precedent overlay: the comments of other letters most like the selected one,
//! each with company, date, form, heading and the first rows of the comment and of the
//! answer given (more on a tall screen), the query's terms highlighted; or one of them
//! in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{fit_spans, one_line, pane_block};
use crate::config::Command;
use crate::precedent::{Hit, gist, highlights};
use crate::text::sanitize;
use crate::tui::model::overlay::Mode;
use crate::tui::model::precedent::{IndexState, PrecedentView};
use crate::tui::model::precedent_layout::{
    FullRow, body_and_hint, first_hit_shown, first_rows, full_rows, hit_rows, last_scroll, or_dash,
    overlay_rect, text_and_answer_rows,
};
use crate::tui::model::state::State;

/// Draw the overlay over `area`: the list of hits, or the one read in full.
pub(super) fn draw(frame: &mut Frame, area: Rect, state: &State, view: &PrecedentView) {
    let theme = &state.config.theme;
    let rect = overlay_rect(area);
    frame.render_widget(Clear, rect);
    let count = match &state.precedent_index {
        IndexState::Ready(n) => {
            format!(" · index: {} comments", crate::text::thousands(*n as usize))
        }
        _ => String::new(),
    };
    let title = format!("Precedent for comment {}{count}", one_line(&view.number));
    frame.render_widget(pane_block(title, true, theme, rect.width), rect);
    let (body, foot) = body_and_hint(rect);
    let mark = theme.key().add_modifier(Modifier::BOLD);
    let reading = state.dialogs.precedent_hit;
    // What the overlay says is wrapped here; the hits come fitted to its width.
    let said = match &view.found {
        None => Some(waiting(state)),
        Some(Err(error)) => Some(vec![Line::styled(
            format!("No precedent: {}", one_line(error)),
            theme.error(),
        )]),
        Some(Ok(found)) if found.hits.is_empty() => Some(vec![Line::styled(
            "No similar comment in the letters indexed. Add research libraries with [precedent] libraries in the config file.",
            theme.muted(),
        )]),
        Some(Ok(_)) => None,
    };
    let paragraph = match said {
        Some(lines) => Paragraph::new(lines).wrap(Wrap { trim: false }),
        None => Paragraph::new::<Vec<Line>>(match reading {
            Some(scroll) => {
                let hit = &view.hits()[view.selected.min(view.hits().len() - 1)];
                let rows = full(hit, view.terms(), mark, theme.heading(), body);
                // Scrolled no further than the update allows at this size: the screen
                // may have grown since.
                let scroll = scroll.min(last_scroll(rows.len(), body));
                rows.into_iter().skip(usize::from(scroll)).collect()
            }
            None => {
                let hits = view.hits().len();
                let rows = hit_rows(body, hits);
                list(view, mark, state, body.width, rows)
                    .into_iter()
                    .skip(first_hit_shown(view.selected, body, hits) * rows)
                    .collect()
            }
        }),
    };
    frame.render_widget(paragraph, body);
    let keymap = &state.config.keymap;
    let hint = match reading {
        Some(_) => {
            let key = |command| keymap.key_for(Mode::PrecedentHit.context(), command);
            format!(
                "{} back to the list · {} quote the answer in the draft",
                key(Command::Leave),
                key(Command::QuoteAnswer),
            )
        }
        None => {
            let key = |command| keymap.key_for(Mode::Precedent.context(), command);
            format!(
                "{} read in full · {} quote the answer in the draft · {} close",
                key(Command::Open),
                key(Command::QuoteAnswer),
                key(Command::Leave)
            )
        }
    };
    frame.render_widget(Paragraph::new(Span::styled(hint, theme.muted())), foot);
}

/// What the overlay says while the index is built or the search runs: while it is
/// built, what the indexing process last said too (how far it has read, or that it
/// waits for another letterdesk writing the index).
fn waiting(state: &State) -> Vec<Line<'static>> {
    let muted = state.config.theme.muted();
    let text = match &state.precedent_index {
        IndexState::Ready(_) => "Searching…".to_owned(),
        IndexState::Failed(error) => format!("The precedent index is not available: {}", one_line(error)),
        IndexState::Unused | IndexState::Building(_) => {
            "Building the precedent index of the folders opened and the research libraries (the first time takes longest)…".to_owned()
        }
    };
    let mut lines = vec![Line::styled(text, muted)];
    if let IndexState::Building(Some(said)) = &state.precedent_index {
        lines.push(Line::styled(one_line(said), muted));
    }
    lines
}

/// The hits, `rows` rows each ([`hit_rows`]): who and where, then the first rows of the
/// comment and of the answer (after the courtesy it may open with, [`gist`]), shared
/// as [`text_and_answer_rows`] says; each fitted to `width` columns, a cut one ending
/// with `…`.
fn list(
    view: &PrecedentView,
    mark: Style,
    state: &State,
    width: u16,
    rows: usize,
) -> Vec<Line<'static>> {
    let fit = |line: Line<'static>| {
        let style = line.style;
        Line::from(fit_spans(line.spans, width.into())).style(style)
    };
    let theme = &state.config.theme;
    let mut lines = Vec::new();
    for (i, hit) in view.hits().iter().enumerate() {
        let selected = i == view.selected;
        let seen = match hit.count {
            0 | 1 => String::new(),
            n => format!(" · in {n} letters"),
        };
        let head = format!(
            "{:>2}. {} · {} · {} · comment {}{seen}",
            i + 1,
            one_line(&hit.company),
            or_dash(&hit.date),
            or_dash(&hit.form),
            one_line(&hit.comment)
        );
        let heading = if hit.heading.is_empty() {
            String::new()
        } else {
            format!(" — {}", one_line(&hit.heading))
        };
        let mut first = Line::from(vec![
            Span::styled(head, theme.heading()),
            Span::styled(heading, theme.muted()),
        ]);
        if selected {
            first = first.style(theme.selected());
        }
        lines.push(fit(first));
        let (text_rows, answer_rows) = text_and_answer_rows(rows);
        let room = usize::from(width);
        for row in first_rows(&hit.text, room.saturating_sub(4), text_rows) {
            let mut spans = vec![Span::raw("    ")];
            spans.extend(marked(&row, view.terms(), mark));
            lines.push(fit(Line::from(spans)));
        }
        let answer = match &hit.answer {
            Some(answer) => first_rows(&gist(answer), room.saturating_sub(6), answer_rows),
            None => Vec::new(),
        };
        if answer.is_empty() {
            lines.push(fit(Line::styled(
                "    ↳ (no answer in the letters indexed)",
                theme.muted(),
            )));
        }
        for (n, row) in answer.iter().enumerate() {
            let lead = if n == 0 { "    ↳ " } else { "      " };
            let mut spans = vec![Span::styled(lead, theme.muted())];
            spans.extend(marked(row, view.terms(), mark));
            lines.push(fit(Line::from(spans)));
        }
        // A short comment or answer leaves its hit's other rows blank: every hit
        // starts where the list's scrolling and clicks expect it.
        let hit_end = (i + 1) * rows;
        lines.resize(hit_end.max(lines.len()), Line::default());
    }
    lines
}

/// One hit in full, wrapped to `body`'s width ([`full_rows`]): who and where, the
/// comment and the answer, the words of the query's terms in `mark`.
fn full(hit: &Hit, terms: &[String], mark: Style, title: Style, body: Rect) -> Vec<Line<'static>> {
    full_rows(hit, usize::from(body.width))
        .into_iter()
        .map(|row| match row {
            FullRow::Title(text) => Line::styled(text, title),
            FullRow::Text(text) => Line::from(marked(&text, terms, mark)),
        })
        .collect()
}

/// `text` as spans, the words whose terms are among `terms` in `mark`; each piece
/// sanitized.
fn marked(text: &str, terms: &[String], mark: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in highlights(text, terms) {
        if range.start < at {
            continue;
        }
        spans.push(Span::raw(sanitize(&text[at..range.start]).into_owned()));
        spans.push(Span::styled(
            sanitize(&text[range.clone()]).into_owned(),
            mark,
        ));
        at = range.end;
    }
    spans.push(Span::raw(sanitize(&text[at..]).into_owned()));
    spans
}
