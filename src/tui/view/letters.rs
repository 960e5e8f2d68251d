//! The Letters pane: one row per letter, newest first.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::due::{DUE_FULL, DUE_SHORT};
use super::{focused, note, one_line, pane_block, put_spans};
use crate::drafts::Status;
use crate::letter::Kind;
use crate::text::thousands;
use crate::tui::model::entry::Entry;
use crate::tui::model::ids::{LetterId, Pane};
use crate::tui::model::listing::Listing;
use crate::tui::model::order::Sort;
use crate::tui::model::state::State;
use crate::tui::model::wrap::fit;

/// Columns of a date.
const DATE: usize = 10;
/// Widest form column.
const FORM_MAX: usize = 8;
/// Columns of the progress figure (`12/12`).
const PROGRESS: usize = 5;
/// The company column is not squeezed below this while other columns can go.
const COMPANY_MIN: usize = 14;

/// The narrowest the company column gets once the date and form columns are gone.
const COMPANY_FLOOR: usize = 6;

pub(super) fn draw(frame: &mut Frame, rect: Rect, state: &State) {
    let theme = &state.config.theme;
    // Where the cursor is in the list: a long list is otherwise hard to place oneself in.
    let title = match state.order.len() {
        0 => " Letters ".to_string(),
        total => format!(
            " Letters ({}/{}) ",
            thousands(state.cursor + 1),
            thousands(total)
        ),
    } + &view_title(state);
    let block = pane_block(title, focused(state, Pane::Letters), theme, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if state.order.is_empty() {
        let text = if !state.view.query.trim().is_empty() {
            "No letter matches the filter."
        } else if state.index.finished {
            "No letters found."
        } else {
            "Looking for letters…"
        };
        frame.render_widget(note(text, theme), inner);
        return;
    }
    let visible: Vec<(usize, LetterId)> = state
        .order
        .iter()
        .copied()
        .enumerate()
        .skip(state.letters_scroll)
        .take(usize::from(inner.height))
        .collect();
    let columns = Columns::fit(
        state,
        visible.iter().map(|&(_, id)| id),
        usize::from(inner.width),
    );
    let open = state.open.as_ref().map(|o| o.id);
    let buf = frame.buffer_mut();
    for (y, (pos, id)) in (inner.y..).zip(visible) {
        let line = row(&state.entries[id.0], &columns, state, open == Some(id));
        let selected = (pos == state.cursor).then(|| theme.selected());
        put_spans(
            buf,
            Rect::new(inner.x, y, inner.width, 1),
            &line.spans,
            selected,
        );
    }
}

/// The filter typed after `/` and the order chosen, for the pane's title.
fn view_title(state: &State) -> String {
    let mut parts = Vec::new();
    let query = state.view.query.trim();
    if !query.is_empty() {
        parts.push(format!("/{}", one_line(query)));
    }
    // Newest first goes without saying.
    if state.view.sort() != Sort::Date {
        parts.push(format!("by {}", state.view.sort().label()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} ", parts.join(" · "))
    }
}

/// Which columns fit, and how wide each is.
struct Columns {
    company: usize,
    date: bool,
    form: usize,
    /// Room for the due text.
    due: usize,
}

impl Columns {
    /// Fit the columns to `width` for the rows on screen (`visible`): only those are
    /// measured, so a frame costs the same with 10 letters or 10,000.
    fn fit(state: &State, visible: impl Iterator<Item = LetterId>, width: usize) -> Self {
        let widest_form = visible
            .filter_map(|id| {
                state.entries[id.0]
                    .listing
                    .as_ref()
                    .ok()?
                    .brief
                    .form
                    .as_deref()
            })
            .map(|f| one_line(f).width())
            .max()
            .unwrap_or(0)
            .min(FORM_MAX);
        let mut columns = Columns {
            company: 0,
            date: true,
            form: widest_form,
            due: DUE_FULL,
        };
        let fixed = |c: &Columns| {
            1 + 1
                + PROGRESS
                + 2
                + c.due
                + usize::from(c.date) * (DATE + 2)
                + if c.form > 0 { c.form + 2 } else { 0 }
        };
        // The form goes first, then the due text shortens, then the company is cut
        // down to its floor; the date goes last.
        if width.saturating_sub(fixed(&columns)) < COMPANY_MIN {
            columns.form = 0;
        }
        if width.saturating_sub(fixed(&columns)) < COMPANY_MIN {
            columns.due = DUE_SHORT;
        }
        if width.saturating_sub(fixed(&columns)) < COMPANY_FLOOR {
            columns.date = false;
        }
        // The company gives way before the due date is cut (a cut date reads as a month).
        columns.company = width
            .saturating_sub(fixed(&columns))
            .max(COMPANY_FLOOR.min(width));
        columns
    }
}

fn row(entry: &Entry, columns: &Columns, state: &State, is_open: bool) -> Line<'static> {
    let theme = &state.config.theme;
    let gutter = Span::raw(if is_open { "▸" } else { " " });
    let listing = match &entry.listing {
        Ok(listing) => listing,
        Err(error) => {
            let name = entry
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = fit(&one_line(&name), columns.company);
            return Line::from(vec![
                gutter,
                Span::raw(format!("{name}  ")),
                Span::styled(one_line(&error.message), theme.error()),
            ]);
        }
    };
    let brief = &listing.brief;
    // A letter the parser has warnings about (one not UTF-8 among them) is marked in the
    // gutter; the Comments pane's header says them in full on opening.
    let gutter = if !is_open && brief.warnings > 0 {
        Span::styled("!", theme.overdue())
    } else {
        gutter
    };
    let company = brief.company.clone().unwrap_or_else(|| {
        entry
            .path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let company = match which_file(&entry.path, &listing.also) {
        Some(which) => format!("{which} {company}"),
        None => company,
    };
    // A copy of another letter (the text made of a PDF, once the reviews know it).
    let company = match state.reviews.original_of(&entry.path) {
        Some(_) => format!("[copy] {company}"),
        None => company,
    };
    let mut spans = vec![
        gutter,
        Span::raw(pad_to(
            &fit(&one_line(&company), columns.company),
            columns.company,
        )),
    ];
    if columns.date {
        let date = brief
            .date
            .as_deref()
            .map(one_line)
            .unwrap_or_else(|| "no date".into());
        spans.push(Span::styled(
            format!("  {}", pad_to(&fit(&date, DATE), DATE)),
            theme.muted(),
        ));
    }
    if columns.form > 0 {
        let form = brief.form.as_deref().map(one_line).unwrap_or_default();
        spans.push(Span::raw(format!(
            "  {}",
            pad_to(&fit(&form, columns.form), columns.form)
        )));
    }
    spans.push(Span::raw(" "));
    match standing(listing, entry, theme) {
        Some(standing) => spans.push(standing),
        None => spans.extend(progress(listing, entry, state.today, columns.due, theme)),
    }
    Line::from(spans)
}

/// When other files share the letter's name, which one is read, by extension (the
/// name is the same), short enough to show before the company: `[.txt, not .pdf]`.
fn which_file(path: &std::path::Path, also: &[std::path::PathBuf]) -> Option<String> {
    if also.is_empty() {
        return None;
    }
    let ext = |p: &std::path::Path| {
        p.extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default()
    };
    let others: Vec<String> = also.iter().map(|p| ext(p)).collect();
    Some(format!("[{}, not {}]", ext(path), others.join(", ")))
}

/// What the row shows instead of its progress: what kind of letter this is when it asks
/// for no response, or that its drafts file cannot be read.
fn standing(
    listing: &Listing,
    entry: &Entry,
    theme: &crate::config::Theme,
) -> Option<Span<'static>> {
    let label = match listing.brief.kind {
        Kind::Completion => Some("completed"),
        Kind::NoReview => Some("no review"),
        Kind::Response if let Some(asks) = listing.brief.asks => Some(asks.label()),
        Kind::Response => Some("company response"),
        Kind::Comments | Kind::Unknown if listing.comments() == 0 => Some("no comments found"),
        Kind::Comments | Kind::Unknown => None,
    };
    match label {
        Some(label) => Some(Span::styled(label, theme.muted())),
        None if !entry.slot.loaded && listing.progress.problem.is_some() => {
            Some(Span::styled("drafts file unreadable", theme.error()))
        }
        None => None,
    }
}

/// Resolved of total, and the due date.
fn progress(
    listing: &Listing,
    entry: &Entry,
    today: NaiveDate,
    room: usize,
    theme: &crate::config::Theme,
) -> Vec<Span<'static>> {
    let total = listing.comments();
    let resolved = entry.resolved();
    let progress = format!(
        "{:>width$}",
        format!("{resolved}/{total}"),
        width = PROGRESS
    );
    let mut spans = vec![Span::styled(
        progress,
        if resolved == total {
            theme.mark(Status::Resolved)
        } else {
            ratatui::style::Style::new()
        },
    )];
    if let Some(due) = entry.due() {
        spans.push(Span::raw("  "));
        spans.push(super::due::due(due, entry.answered(), today, room, theme));
    }
    spans
}

/// `text` padded with spaces to `width` columns.
fn pad_to(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}
