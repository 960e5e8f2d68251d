//! The Letters pane as a tree of reviews: each review (company, file number, form and
//! where it stands), its rounds under it in date order with their kind.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use super::{fit_spans, focused, note, one_line, pane_block, put_spans};
use crate::letter::Kind;
use crate::review::{Review, State as ReviewState};
use crate::tui::model::ids::Pane;
use crate::tui::model::names::file_name;
use crate::tui::model::reviews::TreeRow;
use crate::tui::model::state::State;
use crate::tui::model::wrap::fit;

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    let reviews = &state.reviews;
    let list = reviews.list();
    let rows = state.tree_rows();
    let shown = rows
        .iter()
        .filter(|row| matches!(row, TreeRow::Review(_)))
        .count();
    let title = match (shown, list.len()) {
        (_, 0) => " Reviews ".to_string(),
        (1, 1) => " Reviews (1 review) ".to_string(),
        (s, n) if s == n => format!(" Reviews ({n} reviews) "),
        (s, n) => format!(" Reviews ({s} of {n} reviews) "),
    };
    let block = pane_block(title, focused(state, Pane::Letters), theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if rows.is_empty() {
        let text = if reviews.built.is_none() {
            "Grouping the letters into reviews…"
        } else if list.is_empty() {
            "No reviews: no letters found."
        } else {
            "No letter matches the filter."
        };
        frame.render_widget(note(text, theme), inner);
        return;
    }
    let height = usize::from(inner.height);
    // The cursor stays in view whatever the pane's height is now.
    let scroll = reviews
        .scroll
        .min(reviews.cursor)
        .max((reviews.cursor + 1).saturating_sub(height));
    let open = state.open.as_ref().map(|o| &state.entries[o.id.0].path);
    let buf = frame.buffer_mut();
    for (y, (at, row)) in (inner.y..inner.bottom()).zip(rows.iter().enumerate().skip(scroll)) {
        let width = usize::from(inner.width);
        let spans = match *row {
            TreeRow::Review(r) => review_row(&list[r], reviews.is_folded(&list[r]), state, width),
            TreeRow::Letter(r, l) => {
                let review = &list[r];
                let last =
                    !matches!(rows.get(at + 1), Some(TreeRow::Letter(next, _)) if *next == r);
                let is_open = open == Some(&review.letters[l].path);
                fit_spans(letter_row(review, l, last, is_open, theme), width)
            }
        };
        let selected = (at == reviews.cursor).then(|| theme.selected());
        put_spans(buf, Rect::new(inner.x, y, inner.width, 1), &spans, selected);
    }
}

/// A review's row: fold mark, company, file number, form, state and due date, in
/// `width` columns: what is cut (with `…`) is the company's part, never the state and
/// the due date after it.
fn review_row(review: &Review, folded: bool, state: &State, width: usize) -> Vec<Span<'static>> {
    let theme = &state.config.theme;
    let company = review
        .company
        .as_deref()
        .map_or("(company unknown)".into(), one_line);
    let mut head = format!("{} {company}", if folded { "▸" } else { "▾" });
    for part in [&review.file_number, &review.form].into_iter().flatten() {
        head.push_str(" · ");
        head.push_str(&one_line(part));
    }
    let label = review.state.label();
    let status = match &review.state {
        ReviewState::AwaitingResponse { due: Some(due) } => {
            let overdue = NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok_and(|d| d < state.today);
            let text = format!(" · {label} · due {}", one_line(due));
            Span::styled(
                text,
                if overdue {
                    theme.overdue()
                } else {
                    theme.key()
                },
            )
        }
        ReviewState::AwaitingResponse { due: None } => {
            Span::styled(format!(" · {label}"), theme.key())
        }
        ReviewState::AwaitingStaff => Span::styled(format!(" · {label}"), theme.muted()),
        ReviewState::Closed => Span::styled(
            format!(" · {label}"),
            theme.mark(crate::drafts::Status::Resolved),
        ),
    };
    let room = width.saturating_sub(status.content.width());
    let head = Span::styled(fit(&head, room), Style::new().add_modifier(Modifier::BOLD));
    fit_spans(vec![head, status], width)
}

/// A round's row: its date, kind and file.
fn letter_row(
    review: &Review,
    l: usize,
    last: bool,
    is_open: bool,
    theme: &crate::config::Theme,
) -> Vec<Span<'static>> {
    let filed = &review.letters[l];
    let branch = if last { "  └ " } else { "  ├ " };
    let date = filed
        .letter
        .date
        .as_deref()
        .map_or("no date".into(), one_line);
    let kind = match review.copy_of(l) {
        Some(of) => format!("{} (copy)", round_kind(review, of)),
        None => round_kind(review, l).to_owned(),
    };
    let comments = match filed.letter.kind {
        Kind::Comments => match filed.letter.comments.len() {
            1 => " · 1 comment".to_string(),
            n => format!(" · {n} comments"),
        },
        _ => String::new(),
    };
    vec![
        Span::raw(if is_open { "▸" } else { " " }),
        Span::raw(branch),
        Span::styled(format!("{date:<10}  "), theme.muted()),
        Span::raw(format!("{kind}{comments}  ")),
        Span::styled(one_line(&file_name(&filed.path)), theme.muted()),
    ]
}

/// What a round is in its review: the staff's first letter, a follow-up (after a
/// staff letter that is not a copy), the company's response (or its request for more
/// time or for effectiveness), the closing letter.
fn round_kind(review: &Review, l: usize) -> &'static str {
    let earlier_staff =
        |j: usize| review.letters[j].letter.kind == Kind::Comments && review.copy_of(j).is_none();
    match review.letters[l].letter.kind {
        Kind::Comments if (0..l).any(earlier_staff) => "follow-up",
        Kind::Comments => "staff letter",
        Kind::Response if let Some(asks) = review.letters[l].letter.asks() => asks.label(),
        Kind::Response => "company response",
        Kind::Completion => "closing letter",
        Kind::NoReview => "no review",
        Kind::Unknown => "letter",
    }
}
