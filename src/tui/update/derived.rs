//! What every transition shares: the status bar's messages, focus and selection
//! changes, and bringing derived values in line after a change (scroll positions, the
//! comments laid out for the pane's width, the editor fitted to the Draft pane).

use ratatui::layout::Rect;

use super::INLINE_LAYOUT_BYTES;
use crate::tui::model::action::Effect;
use crate::tui::model::entry::Message;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::{areas, comment_rows, draft_parts, inner};
use crate::tui::model::state::State;

impl State {
    /// Show an informational message.
    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.say(text.into(), false);
    }

    /// Show an error message.
    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.say(text.into(), true);
    }

    /// Show a message in the status bar, and keep it for `:messages`.
    pub(super) fn say(&mut self, text: String, error: bool) {
        let message = Message { text, error };
        self.dialogs.log.keep(&message);
        self.message = Some(message);
    }

    /// Focus `pane`; the Draft pane of a company's response is not focused: it shows
    /// the answers filed, which are not edited.
    pub(super) fn set_focus(&mut self, pane: Pane, fx: &mut Vec<Effect>) {
        if pane == Pane::Draft && self.reading_response() {
            return self.response_is_read();
        }
        if self.focus == Pane::Draft
            && pane != Pane::Draft
            && let Some(id) = self.open.as_ref().map(|o| o.id)
        {
            self.save_if_dirty(id, fx);
        }
        self.focus = pane;
    }

    /// The pane `step` reaches from the focused one, past the Draft pane of a company's
    /// response.
    pub(super) fn pane_after(&self, step: fn(Pane) -> Pane) -> Pane {
        let pane = step(self.focus);
        if pane == Pane::Draft && self.reading_response() {
            step(pane)
        } else {
            pane
        }
    }

    /// Say that the open letter, a company's response, is read and not answered.
    pub(super) fn response_is_read(&mut self) {
        self.info(
            "A company's response is read here, not answered: its drafts are written on \
             the staff letter's comments.",
        );
    }

    /// Select another comment of the open letter (saving edits first).
    pub(super) fn select_comment(&mut self, comment: usize, fx: &mut Vec<Effect>) {
        let Some(open) = &mut self.open else { return };
        if open.selected == Some(comment) {
            return;
        }
        open.selected = Some(comment);
        open.follow = true;
        let id = open.id;
        self.save_if_dirty(id, fx);
        self.load_editor();
    }

    /// Rows inside a pane as currently laid out.
    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let warnings = match pane {
            Pane::Comments => self.open_letter().map_or(0, |l| l.warnings.len()),
            _ => 0,
        };
        areas(area, self.shape())
            .pane(pane)
            .map_or(0, |r| usize::from(comment_rows(r, warnings).height))
    }

    /// Bring derived values in line after a change: scroll positions, the document's
    /// width, the editor's cursor style.
    pub(super) fn sync(&mut self, fx: &mut Vec<Effect>) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let areas = areas(area, self.shape());
        self.cursor = self.cursor.min(self.order.len().saturating_sub(1));
        if let Some(rect) = areas.letters {
            let height = usize::from(inner(rect).height);
            if height > 0 {
                if self.cursor < self.letters_scroll {
                    self.letters_scroll = self.cursor;
                } else if self.cursor >= self.letters_scroll + height {
                    self.letters_scroll = self.cursor + 1 - height;
                }
                self.letters_scroll = self
                    .letters_scroll
                    .min(self.order.len().saturating_sub(height));
            }
        }
        let visible = self.visible_comments();
        // The filter lists only what it names: a selected comment it no longer admits
        // (resolved under "open", say) gives the selection to its nearest listed neighbour.
        if let Some(selected) = self.open.as_ref().and_then(|o| o.selected)
            && !visible.contains(&selected)
            && let Some(&target) = visible
                .iter()
                .find(|&&i| i > selected)
                .or_else(|| visible.iter().rev().find(|&&i| i < selected))
        {
            self.select_comment(target, fx);
        }
        let mark_width = self.config.marks.width();
        if let (Some(open), Some(rect)) = (&mut self.open, areas.comments)
            && let Some(letter) = &self.entries[open.id.0].letter
        {
            let rect = comment_rows(rect, letter.warnings.len());
            if open.doc.as_ref().is_none_or(|d| d.width != rect.width) {
                let size: usize = letter.comments.iter().map(|c| c.text.len()).sum();
                if size <= INLINE_LAYOUT_BYTES {
                    open.doc = Some(crate::tui::model::document::Document::build(
                        letter, rect.width, mark_width,
                    ));
                    open.follow = true;
                } else if open.pending_width != Some(rect.width) {
                    open.pending_width = Some(rect.width);
                    fx.push(Effect::LayOut {
                        letter: open.id,
                        text: letter.clone(),
                        width: rect.width,
                        mark_width,
                    });
                }
            }
            let height = usize::from(rect.height);
            let spans = open
                .doc
                .as_ref()
                .map(|d| d.spans(&visible))
                .unwrap_or_default();
            if open.follow
                && let Some(&(_, start, len)) = spans.iter().find(|s| Some(s.0) == open.selected)
            {
                if start < open.scroll || len > height {
                    open.scroll = start;
                } else if start + len > open.scroll + height {
                    open.scroll = start + len - height;
                }
                open.follow = false;
            }
            let total = spans.last().map_or(0, |&(_, start, len)| start + len);
            open.scroll = open.scroll.min(total.saturating_sub(height));
        }
        self.style_editor();
        if let Some(rect) = areas.draft {
            let rect = self.editor_area(rect);
            self.editor.fit(rect.width, rect.height);
        }
    }

    /// Where the editor is drawn in the Draft pane `pane` (border included): its inside,
    /// less the answer filed for the selected comment, shown under it.
    pub(super) fn editor_area(&self, pane: Rect) -> Rect {
        draft_parts(inner(pane), self.selected_filed_answer().is_some()).0
    }
}
