//! The help overlay laid out for a screen: as wide as its longest row needs and the
//! screen allows, long descriptions and notes wrapped under themselves. Shared by the
//! view (drawing) and the transitions (how far the help scrolls).

use ratatui::layout::{Constraint, Rect};

use super::wrap::wrap_line;
use crate::config::{HelpRow, Keymap, help_rows};

/// Columns given to the keys of an entry.
pub const KEYS: usize = 24;
/// Columns before an entry's description: indent, keys, a space.
const DESC_AT: usize = 2 + KEYS + 1;

/// One row of the help as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section's title.
    Section(String),
    /// Keys (empty on a wrapped description's further rows) and a description.
    Entry(String, String),
    /// A remark.
    Note(String),
    /// A blank row between sections.
    Blank,
}

/// Where the help overlay goes on a screen of `area`, borders included.
pub fn help_rect(keymap: &Keymap, area: Rect) -> Rect {
    let needed = help_rows(keymap)
        .iter()
        .map(|row| match row {
            HelpRow::Section(title) => title.len(),
            HelpRow::Entry(_, desc) => DESC_AT + unicode_width::UnicodeWidthStr::width(desc.as_str()),
            HelpRow::Note(text) => 2 + unicode_width::UnicodeWidthStr::width(*text),
            HelpRow::Blank => 0,
        } + 2)
        .max()
        .unwrap_or(0);
    let width = area
        .width
        .saturating_sub(4)
        .min(u16::try_from(needed).unwrap_or(u16::MAX).max(72));
    let lines = help_lines(keymap, usize::from(width.saturating_sub(2))).len();
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines + 2).unwrap_or(u16::MAX));
    area.centered(Constraint::Length(width), Constraint::Length(height))
}

/// The help's rows for an overlay `width` columns wide inside its borders.
pub fn help_lines(keymap: &Keymap, width: usize) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for row in help_rows(keymap) {
        match row {
            HelpRow::Section(title) => lines.push(HelpLine::Section(title)),
            HelpRow::Blank => lines.push(HelpLine::Blank),
            HelpRow::Note(text) => lines.extend(
                wrap_line(text, width.saturating_sub(2))
                    .into_iter()
                    .map(HelpLine::Note),
            ),
            HelpRow::Entry(keys, desc) => {
                let room = width.saturating_sub(DESC_AT).max(12);
                for (i, part) in wrap_line(&desc, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    lines.push(HelpLine::Entry(keys, part));
                }
            }
        }
    }
    lines
}
