//! Where the panes go for a terminal size. Pure, shared by `update` (scrolling) and `draw`.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::ids::Pane;
use super::state::State;

/// Below this width only the focused pane and its neighbour are shown.
pub const WIDE: u16 = 120;

/// The screen's areas; a pane not shown has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The Letters pane, border included.
    pub letters: Option<Rect>,
    /// The Comments pane, border included.
    pub comments: Option<Rect>,
    /// The Draft pane, border included.
    pub draft: Option<Rect>,
    /// The status bar.
    pub status: Rect,
}

impl Areas {
    /// The area above the status bar.
    pub fn main(&self) -> Rect {
        Rect::new(self.status.x, 0, self.status.width, self.status.y)
    }

    /// The area of a pane, if shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Letters => self.letters,
            Pane::Comments => self.comments,
            Pane::Draft => self.draft,
        }
    }
}

/// What decides where the panes go besides the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The focused pane.
    pub focus: Pane,
    /// A letter is open: on a wide screen the Letters pane narrows to `letters_width`.
    pub open: bool,
    /// The focused pane takes the whole width.
    pub zoomed: bool,
    /// The Letters pane's share of the width once a letter is open, in percent.
    pub letters_width: u16,
}

/// The Letters pane is not narrowed below this many columns.
const LETTERS_NARROWEST: u16 = 30;

/// Lay out a screen of `area` in `shape`.
pub fn areas(area: Rect, shape: Shape) -> Areas {
    let focus = shape.focus;
    let status_height = if area.height >= 6 {
        2
    } else {
        area.height.min(1)
    };
    let [main, status] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(status_height)]).areas(area);
    let mut out = Areas {
        letters: None,
        comments: None,
        draft: None,
        status,
    };
    if shape.zoomed {
        match focus {
            Pane::Letters => out.letters = Some(main),
            Pane::Comments => out.comments = Some(main),
            Pane::Draft => out.draft = Some(main),
        }
    } else if area.width >= WIDE {
        let letters_width = if shape.open {
            let share = u32::from(area.width) * u32::from(shape.letters_width) / 100;
            (share as u16).max(LETTERS_NARROWEST)
        } else {
            (area.width * 2 / 5).max(48)
        };
        let [l, c, d] = Layout::horizontal([
            Constraint::Length(letters_width),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas(main);
        (out.letters, out.comments, out.draft) = (Some(l), Some(c), Some(d));
    } else {
        let (left, right) = match focus {
            Pane::Letters => (Pane::Letters, Pane::Comments),
            Pane::Comments | Pane::Draft => (Pane::Comments, Pane::Draft),
        };
        let [a, b] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(main);
        for (pane, rect) in [(left, a), (right, b)] {
            match pane {
                Pane::Letters => out.letters = Some(rect),
                Pane::Comments => out.comments = Some(rect),
                Pane::Draft => out.draft = Some(rect),
            }
        }
    }
    out
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(Margin::new(1, 1))
}

/// The Draft pane's inside (`inside`) split between the editor and, under it, the
/// answer filed in the review's response when there is one (`filed`) and the pane has
/// the rows for both. Shared by `update` (the editor is fitted to its part, and clicks
/// land in it) and `draw`.
pub fn draft_parts(inside: Rect, filed: bool) -> (Rect, Option<Rect>) {
    if !filed || inside.height < 8 {
        return (inside, None);
    }
    let rows = inside.height / 3;
    let editor = Rect {
        height: inside.height - rows,
        ..inside
    };
    let below = Rect {
        y: editor.bottom(),
        height: rows,
        ..inside
    };
    (editor, Some(below))
}

/// The most rows the parser's warnings take at the top of the Comments pane.
pub const WARNING_ROWS: usize = 3;

/// Rows the open letter's warnings take at the top of the Comments pane (a pane of
/// `height` rows inside keeps at least half of them for the comments).
pub fn warning_rows(warnings: usize, height: u16) -> u16 {
    let rows = warnings.min(WARNING_ROWS) as u16;
    rows.min(height / 2)
}

/// The Comments pane's rows for comments, under the open letter's warnings.
pub fn comment_rows(rect: Rect, warnings: usize) -> Rect {
    let inside = inner(rect);
    let top = warning_rows(warnings, inside.height);
    Rect::new(inside.x, inside.y + top, inside.width, inside.height - top)
}

impl State {
    /// What decides where the panes go besides the terminal's size.
    pub(crate) fn shape(&self) -> Shape {
        Shape {
            focus: self.focus,
            open: self.open.is_some(),
            zoomed: self.zoomed,
            letters_width: self.config.workspace.letters_width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `focus` focused, no letter open, nothing zoomed.
    fn focused(focus: Pane) -> Shape {
        Shape {
            focus,
            open: false,
            zoomed: false,
            letters_width: 25,
        }
    }

    #[test]
    fn wide_shows_three_panes() {
        let a = areas(Rect::new(0, 0, 180, 45), focused(Pane::Comments));
        assert_eq!(a.letters.unwrap().width, 72);
        assert!(a.comments.is_some() && a.draft.is_some());
        assert_eq!(a.status, Rect::new(0, 43, 180, 2));
    }

    #[test]
    fn narrow_shows_focus_and_neighbour() {
        let a = areas(Rect::new(0, 0, 100, 30), focused(Pane::Letters));
        assert!(a.letters.is_some() && a.comments.is_some() && a.draft.is_none());
        let a = areas(Rect::new(0, 0, 100, 30), focused(Pane::Draft));
        assert!(a.letters.is_none() && a.comments.is_some() && a.draft.is_some());
    }

    #[test]
    fn an_open_letter_narrows_the_letters_pane_and_zoom_takes_the_width() {
        let mut shape = Shape {
            open: true,
            ..focused(Pane::Comments)
        };
        let a = areas(Rect::new(0, 0, 200, 45), shape);
        assert_eq!(a.letters.unwrap().width, 50);
        shape.letters_width = 10;
        assert_eq!(
            areas(Rect::new(0, 0, 200, 45), shape)
                .letters
                .unwrap()
                .width,
            30
        );
        shape.zoomed = true;
        let a = areas(Rect::new(0, 0, 200, 45), shape);
        assert!(a.letters.is_none() && a.draft.is_none());
        assert_eq!(a.comments.unwrap().width, 200);
    }

    #[test]
    fn tiny_sizes_do_not_panic() {
        for (w, h) in [(0, 0), (1, 1), (20, 6), (3, 2)] {
            let a = areas(Rect::new(0, 0, w, h), focused(Pane::Comments));
            assert!(a.status.height <= h);
            let _ = inner(a.comments.unwrap());
        }
    }
}
