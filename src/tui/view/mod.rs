//! `draw`: the state onto a frame. No I/O and no changes here: everything is read from
//! [`State`], and all file text goes through [`sanitize`](crate::text::sanitize).

mod command_line;
mod comments;
mod dialog;
mod draft;
mod due;
mod help;
mod letters;
mod links;
mod overlays;
mod precedent;
mod reader;
mod reference;
mod review_tree;
mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::config::Theme;
use crate::text::one_line;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::areas;
use crate::tui::model::overlay::Overlay;
use crate::tui::model::state::State;
use crate::tui::model::wrap::{fit, put};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let areas = areas(area, state.shape());
    if let Some(rect) = areas.letters {
        if state.reviews.tree {
            review_tree::draw(frame, rect, state);
        } else {
            letters::draw(frame, rect, state);
        }
    }
    if let Some(rect) = areas.comments {
        if state.reviews.reader && state.open.is_some() {
            reader::draw(frame, rect, state);
        } else {
            comments::draw(frame, rect, state);
        }
        if let Some(followed) = followed_here(state) {
            reference::draw(frame, rect, state, followed);
        }
    }
    if let Some(rect) = areas.draft {
        draft::draw(frame, rect, state);
    }
    status::draw(frame, areas.status, state);
    // The topmost dialog, then the help over it.
    if let Some(dialog) = state.overlays().find(|o| o != &Overlay::Help) {
        overlays::draw(frame, areas.main(), state, dialog);
    }
    if let Some(scroll) = state.dialogs.help {
        help::draw(frame, area, state, scroll);
    }
}

/// The reference followed from the open letter, if one is shown.
fn followed_here(state: &State) -> Option<&crate::tui::model::reviews::Followed> {
    let followed = state.reviews.followed.as_ref()?;
    let from = followed.links.first()?.letter;
    let review = state.reviews.list().get(followed.review)?;
    let open = &state.entries[state.open.as_ref()?.id.0].path;
    (review.letters.get(from)?.path == *open).then_some(followed)
}

/// A pane's border and title; the focused pane's is bold and thick.
fn pane_block(title: String, focused: bool, theme: &Theme, width: u16) -> Block<'static> {
    let style = if focused {
        theme.focused_border()
    } else {
        theme.border()
    };
    let title = fit(&title, usize::from(width.saturating_sub(2)));
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(title, style))
}

/// Spans cut to `width` columns: when they are wider, the last column shown is `…` (in
/// the style of the span it cuts), wherever the cut falls, a span's end too.
pub(super) fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return spans;
    }
    let Some(room) = width.checked_sub(1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = span.content.width();
        if used + w <= room {
            used += w;
            out.push(span);
            continue;
        }
        let mut cut = String::new();
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > room {
                break;
            }
            used += cw;
            cut.push(c);
        }
        cut.push('…');
        out.push(Span::styled(cut, span.style));
        break;
    }
    out
}

/// Muted guidance inside a pane, wrapped (a sentence: wrapping it per frame is cheap).
fn note(text: &str, theme: &Theme) -> Paragraph<'static> {
    Paragraph::new(Span::styled(text.to_string(), theme.muted())).wrap(Wrap { trim: true })
}

/// Whether `pane` has the focus.
fn focused(state: &State, pane: Pane) -> bool {
    state.focus == pane && state.dialogs.help.is_none()
}

/// Write `spans` into the one-row `row` of `buf`, straight into the cells (a
/// `Paragraph` measures every grapheme again), each span's style patched onto
/// `row_style` when the whole row is highlighted (the row is then filled with it).
fn put_spans(buf: &mut Buffer, row: Rect, spans: &[Span], row_style: Option<Style>) {
    if let Some(style) = row_style {
        buf.set_style(row, style);
    }
    let mut x = row.x;
    for span in spans {
        if x >= row.right() {
            break;
        }
        let style = row_style.map_or(span.style, |s| s.patch(span.style));
        x += put(buf, x, row.y, &span.content, row.right() - x, style);
    }
}

#[cfg(test)]
mod tests {
    use super::fit_spans;
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn spans_wider_than_the_width_end_with_an_ellipsis_wherever_the_cut_falls() {
        let marked = Style::new().fg(Color::Yellow);
        let spans = || {
            vec![
                Span::raw("of your "),
                Span::styled("non", marked),
                Span::raw("-GAAP"),
            ]
        };
        // The cut at the end of a span: its last column is the ellipsis. Before, the
        // span filled the width and nothing said the text went on.
        let cut = fit_spans(spans(), 11);
        assert_eq!(text(&cut), "of your no…");
        assert_eq!(cut[1].style, marked);
        assert_eq!(text(&fit_spans(spans(), 13)), "of your non-…");
        assert_eq!(text(&fit_spans(spans(), 16)), "of your non-GAAP");
        assert_eq!(text(&fit_spans(spans(), 1)), "…");
        assert!(fit_spans(spans(), 0).is_empty());
        // Wide characters never overflow.
        let wide = fit_spans(vec![Span::raw("日本語")], 4);
        assert_eq!(text(&wide), "日…");
    }
}
