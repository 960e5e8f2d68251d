//! The Comments pane: the open letter's comments as a document, only the rows in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{focused, note, one_line, pane_block, put_spans};
use crate::config::{Command, Context};
use crate::letter::{Kind, Letter};
use crate::text::sanitize;
use crate::tui::model::document::{Row, RowKind};
use crate::tui::model::ids::{Filter, Pane};
use crate::tui::model::layout::{comment_rows, inner, warning_rows};
use crate::tui::model::state::{State, status_of};

/// Said under a drafts file's problem before the letter is opened, after the key that
/// opens it.
const DRAFTS_PROBLEM_HINT: &str = "opens the letter. The drafts file is not written until it is fixed; what you type meanwhile is kept in the journal.";

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    let is_focused = focused(state, Pane::Comments);
    let (Some(open), Some(letter)) = (&state.open, state.open_letter()) else {
        let block = pane_block(" Comments ".into(), is_focused, theme, rect.width);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let text = match &state.open {
            Some(open) => format!(
                "Reading {}…",
                one_line(&crate::tui::model::names::file_name(
                    &state.entries[open.id.0].path
                ))
            ),
            None => match state.cursor_problem() {
                // The row under the cursor only says that something is wrong: say what.
                Some(problem) => {
                    let mut lines = vec![Line::styled(one_line(&problem), theme.error())];
                    // A readable letter: the problem is its drafts file's.
                    if state.cursor_listing().is_some() {
                        lines.push(Line::default());
                        let key = state.key_for(Context::Letters, Command::Open);
                        lines.push(Line::styled(
                            format!("{key} {DRAFTS_PROBLEM_HINT}"),
                            theme.muted(),
                        ));
                    }
                    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
                    frame.render_widget(text, inner);
                    return;
                }
                None => format!(
                    "Choose a letter and press {}.",
                    state.key_for(Context::Letters, Command::Open)
                ),
            },
        };
        frame.render_widget(note(&text, theme), inner);
        return;
    };
    let visible = state.visible_comments();
    let block = pane_block(
        title(letter, state, visible.len()),
        is_focused,
        theme,
        rect.width,
    );
    frame.render_widget(block, rect);
    let inner = comment_rows(rect, letter.warnings.len());
    draw_warnings(frame, rect, letter, theme);
    if letter.comments.is_empty() {
        frame.render_widget(note(&empty_text(letter), theme), inner);
        return;
    }
    let Some(doc) = &open.doc else {
        let count = letter.comments.len();
        frame.render_widget(note(&format!("Laying out {count} comments…"), theme), inner);
        return;
    };
    if visible.is_empty() {
        let key = state.key_for(Context::Comments, Command::Filter);
        let text = format!(
            "No {} comments. Press {key} for the next filter.",
            state.filter.label()
        );
        frame.render_widget(note(&text, theme), inner);
        return;
    }
    let conflicts = &state.entries[open.id.0].slot.conflicts;
    let drafts = &state.entries[open.id.0].slot.drafts;
    let query = state
        .query
        .as_deref()
        .map(|q| sanitize(q).to_lowercase())
        .filter(|q| !q.is_empty());
    let rows = doc.rows(&visible, open.scroll, usize::from(inner.height));
    let path = &state.entries[open.id.0].path;
    let buf = frame.buffer_mut();
    for (y, row) in (inner.y..inner.bottom()).zip(rows) {
        let selected = Some(row.comment) == open.selected;
        let comment = &letter.comments[row.comment];
        let status = status_of(drafts, row.comment, &comment.number);
        // A comment whose references the review resolves shows them as links.
        let linked = matches!(row.kind, RowKind::Lead | RowKind::Body)
            && state.reviews.links_from(path, &comment.number).is_some();
        let text = |style| {
            let spans = highlight(row, style, query.as_deref());
            if linked {
                super::links::linked(spans, theme.key())
            } else {
                spans
            }
        };
        let mut spans = vec![if selected && row.kind != RowKind::Blank {
            Span::styled("▌", theme.focused_border())
        } else {
            Span::raw(" ")
        }];
        match row.kind {
            RowKind::Heading => spans.extend(highlight(row, theme.heading(), query.as_deref())),
            RowKind::Lead => {
                let conflicted = conflicts.iter().any(|c| c.number == comment.number);
                let changed = state.changed_comments().contains(&comment.number);
                let mark = if conflicted {
                    "!".to_string()
                } else if changed {
                    "Δ".to_string()
                } else if state.reading_response() {
                    // A company's restatements are not answered here: no draft's mark,
                    // as wide as one.
                    " ".repeat(one_line(state.config.marks.of(status)).width())
                } else {
                    one_line(state.config.marks.of(status))
                };
                let lead = format!("{mark} {} ", doc.numbers[row.comment]);
                let lead = format!("{lead:<width$}", width = doc.lead_width);
                let (mark_part, number_part) = lead.split_at(mark.len());
                let mark_style = if conflicted {
                    theme.error()
                } else if changed {
                    theme.overdue()
                } else {
                    theme.mark(status)
                };
                spans.push(Span::styled(mark_part.to_string(), mark_style));
                spans.push(Span::styled(
                    number_part.to_string(),
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                spans.extend(text(Style::new()));
            }
            RowKind::Body => {
                spans.push(Span::raw(" ".repeat(doc.lead_width)));
                spans.extend(text(Style::new()));
            }
            RowKind::Blank => {}
        }
        // The selected comment's rows are highlighted across the pane.
        let row_style = match (selected, row.kind) {
            (true, RowKind::Lead) => Some(theme.selected()),
            (true, RowKind::Body | RowKind::Heading) => Some(theme.selected_block()),
            _ => None,
        };
        let rect = Rect::new(inner.x, y, inner.width, 1);
        put_spans(buf, rect, &spans, row_style);
        if row.kind == RowKind::Lead
            && let Some(owner) = drafts
                .get_at(row.comment, &comment.number)
                .and_then(|d| d.owner.as_deref())
        {
            owner_tag(buf, rect, owner, state, row_style);
        }
    }
}

/// The comment's owner at the right end of its first row (`@Jane`), in the key colour
/// when it is "me".
fn owner_tag(
    buf: &mut ratatui::buffer::Buffer,
    rect: Rect,
    owner: &str,
    state: &State,
    row_style: Option<Style>,
) {
    let theme = &state.config.theme;
    let tag = format!(" @{}", one_line(owner));
    let width = (unicode_width::UnicodeWidthStr::width(tag.as_str()) as u16).min(rect.width / 2);
    let style = if state.me.as_deref() == Some(owner) {
        theme.key()
    } else {
        theme.muted()
    };
    let style = row_style.map_or(style, |s| s.patch(style));
    let at = Rect::new(rect.right() - width, rect.y, width, 1);
    put_spans(buf, at, &[Span::styled(tag, style)], row_style);
}

/// The pane title: company, form, filter and how many comments show.
fn title(letter: &Letter, state: &State, shown: usize) -> String {
    let company = letter
        .company
        .as_deref()
        .map(one_line)
        .unwrap_or_else(|| "Comments".into());
    let form = letter
        .subject
        .form
        .as_deref()
        .map(|f| format!(" · {}", one_line(f)))
        .unwrap_or_default();
    let total = letter.comments.len();
    let noun = if total == 1 { "comment" } else { "comments" };
    let form = if letter.is_windows_1252() {
        format!("{form} · not UTF-8")
    } else {
        form
    };
    let warnings = warnings(letter);
    match state.filter {
        _ if total == 0 => format!(" {company}{form}{warnings} "),
        Filter::All => format!(" {company}{form} · {total} {noun}{warnings} "),
        // The filter first: it is what a cut title must not lose.
        filter => format!(
            " {}: {shown} of {total} {noun} · {company}{form}{warnings} ",
            filter.label()
        ),
    }
}

/// How many warnings the parser has about the letter, for the pane title.
fn warnings(letter: &Letter) -> String {
    match letter.warnings.len() {
        0 => String::new(),
        1 => " · ! 1 warning".to_string(),
        n => format!(" · ! {n} warnings"),
    }
}

/// The parser's warnings at the top of the pane, one a row (the last row says how many
/// more there are when they do not all fit).
fn draw_warnings(frame: &mut Frame, rect: Rect, letter: &Letter, theme: &crate::config::Theme) {
    let inside = inner(rect);
    let rows = usize::from(warning_rows(letter.warnings.len(), inside.height));
    let mut lines: Vec<Line> = letter
        .warnings
        .iter()
        .take(rows)
        .map(|w| Line::styled(format!("! {}", one_line(w)), theme.overdue()))
        .collect();
    if rows > 0 && letter.warnings.len() > rows {
        let more = letter.warnings.len() - rows + 1;
        lines[rows - 1] = Line::styled(format!("! … and {more} more warnings"), theme.overdue());
    }
    let area = Rect::new(inside.x, inside.y, inside.width, rows as u16);
    frame.render_widget(Paragraph::new(lines), area);
}

/// What to say when a letter has no comments: for a company's letter that asks the
/// staff for something, what it asks ("The company asks for more time, until
/// 2022-06-27: no staff comments.").
fn empty_text(letter: &Letter) -> String {
    match letter.kind {
        Kind::Completion => "The staff has completed its review: no comments to answer.".into(),
        Kind::NoReview => "The staff will not review this filing: no comments to answer.".into(),
        Kind::Response => match letter.asks() {
            Some(asks) => {
                let date = letter
                    .asked_date()
                    .map(|d| format!(", {} {d}", asks.date_word()));
                format!(
                    "The company {}{}: no staff comments.",
                    asks.label(),
                    date.unwrap_or_default()
                )
            }
            None => "This is a company response letter: no staff comments.".into(),
        },
        Kind::Comments | Kind::Unknown => "No numbered comments were found in this letter.".into(),
    }
}

/// A row's text with the search query's occurrences reversed.
fn highlight<'a>(row: Row<'a>, style: Style, query: Option<&str>) -> Vec<Span<'a>> {
    let text = row.text;
    let Some(query) = query else {
        return vec![Span::styled(text, style)];
    };
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return vec![Span::styled(text, style)];
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, found) in lower.match_indices(query) {
        if start < at
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(start + found.len())
        {
            continue;
        }
        spans.push(Span::styled(&text[at..start], style));
        spans.push(Span::styled(
            &text[start..start + found.len()],
            style.add_modifier(Modifier::REVERSED),
        ));
        at = start + found.len();
    }
    spans.push(Span::styled(&text[at..], style));
    spans.retain(|s| s.content.width() > 0);
    spans
}
