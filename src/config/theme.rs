//! Colours and marks, and the styles the panes draw with. Without colours (`NO_COLOR`)
//! focus and selection are shown with bold and reverse video.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::drafts::Status;

/// A colour as written in the config: a name, `#rrggbb` or an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct ColorValue(pub Color);

impl TryFrom<String> for ColorValue {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse::<Color>()
            .map(ColorValue)
            .map_err(|_| format!("unknown colour `{s}`"))
    }
}

/// The `[colors]` table: every entry optional so a user file can set just one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    /// Border of the focused pane.
    pub focus: Option<ColorValue>,
    /// Borders of the other panes.
    pub border: Option<ColorValue>,
    /// Background of the selected letter or comment.
    pub selection: Option<ColorValue>,
    /// Heading trails.
    pub heading: Option<ColorValue>,
    /// Secondary text.
    pub muted: Option<ColorValue>,
    /// The open mark.
    pub open: Option<ColorValue>,
    /// The drafted mark.
    pub drafted: Option<ColorValue>,
    /// The resolved mark.
    pub resolved: Option<ColorValue>,
    /// Overdue response dates.
    pub overdue: Option<ColorValue>,
    /// Response dates three business days away or nearer.
    pub due_soon: Option<ColorValue>,
    /// Errors.
    pub error: Option<ColorValue>,
    /// Keys in the hints.
    pub key: Option<ColorValue>,
    /// Background of the status bar.
    pub status: Option<ColorValue>,
}

impl Colors {
    /// Ours, with every colour `other` sets replacing ours.
    pub fn overlay(self, other: Colors) -> Colors {
        let pick = |a: Option<ColorValue>, b: Option<ColorValue>| b.or(a);
        Colors {
            focus: pick(self.focus, other.focus),
            border: pick(self.border, other.border),
            selection: pick(self.selection, other.selection),
            heading: pick(self.heading, other.heading),
            muted: pick(self.muted, other.muted),
            open: pick(self.open, other.open),
            drafted: pick(self.drafted, other.drafted),
            resolved: pick(self.resolved, other.resolved),
            overdue: pick(self.overdue, other.overdue),
            due_soon: pick(self.due_soon, other.due_soon),
            error: pick(self.error, other.error),
            key: pick(self.key, other.key),
            status: pick(self.status, other.status),
        }
    }
}

/// The `[marks]` table: the status marks shown before each comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Marks {
    /// Mark of an open comment.
    pub open: Option<String>,
    /// Mark of a drafted comment.
    pub drafted: Option<String>,
    /// Mark of a resolved comment.
    pub resolved: Option<String>,
}

impl Marks {
    /// Ours, with every mark `other` sets replacing ours.
    pub fn overlay(self, other: Marks) -> Marks {
        Marks {
            open: other.open.or(self.open),
            drafted: other.drafted.or(self.drafted),
            resolved: other.resolved.or(self.resolved),
        }
    }

    /// The widest mark, in columns.
    pub fn width(&self) -> usize {
        [Status::Open, Status::Drafted, Status::Resolved]
            .iter()
            .map(|&s| unicode_width::UnicodeWidthStr::width(self.of(s)))
            .max()
            .unwrap_or(1)
    }

    /// The mark for a status.
    pub fn of(&self, status: Status) -> &str {
        let mark = match status {
            Status::Open => &self.open,
            Status::Drafted => &self.drafted,
            Status::Resolved => &self.resolved,
        };
        mark.as_deref().unwrap_or(match status {
            Status::Open => "o",
            Status::Drafted => "~",
            Status::Resolved => "x",
        })
    }
}

/// The styles of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// `None` when colours are off.
    colors: Option<Colors>,
}

impl Theme {
    /// A theme from the configured colours; `no_color` turns them all off.
    pub fn new(colors: Colors, no_color: bool) -> Self {
        Self {
            colors: (!no_color).then_some(colors),
        }
    }

    fn fg(&self, pick: impl Fn(&Colors) -> Option<ColorValue>) -> Style {
        match self.colors.as_ref().and_then(pick) {
            Some(ColorValue(c)) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    /// Border of the focused pane.
    pub fn focused_border(&self) -> Style {
        self.fg(|c| c.focus).add_modifier(Modifier::BOLD)
    }

    /// Borders of the other panes.
    pub fn border(&self) -> Style {
        self.fg(|c| c.border)
    }

    /// The selected row or comment.
    pub fn selected(&self) -> Style {
        match self.colors.as_ref().and_then(|c| c.selection) {
            Some(ColorValue(c)) => Style::new().bg(c),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The rest of the selected comment: tinted with colours, plain without.
    pub fn selected_block(&self) -> Style {
        match self.colors.as_ref().and_then(|c| c.selection) {
            Some(ColorValue(c)) => Style::new().bg(c),
            None => Style::new(),
        }
    }

    /// Heading trails.
    pub fn heading(&self) -> Style {
        self.fg(|c| c.heading).add_modifier(Modifier::ITALIC)
    }

    /// Secondary text.
    pub fn muted(&self) -> Style {
        match self.colors {
            Some(_) => self.fg(|c| c.muted),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// A status mark.
    pub fn mark(&self, status: Status) -> Style {
        self.fg(|c| match status {
            Status::Open => c.open,
            Status::Drafted => c.drafted,
            Status::Resolved => c.resolved,
        })
        .add_modifier(Modifier::BOLD)
    }

    /// An overdue response date.
    pub fn overdue(&self) -> Style {
        self.fg(|c| c.overdue).add_modifier(Modifier::BOLD)
    }

    /// A response date three business days away or nearer.
    pub fn due_soon(&self) -> Style {
        self.fg(|c| c.due_soon)
    }

    /// Errors.
    pub fn error(&self) -> Style {
        self.fg(|c| c.error).add_modifier(Modifier::BOLD)
    }

    /// Keys in the hints and the help.
    pub fn key(&self) -> Style {
        self.fg(|c| c.key).add_modifier(Modifier::BOLD)
    }

    /// The status bar.
    pub fn status(&self) -> Style {
        match self.colors.as_ref().and_then(|c| c.status) {
            Some(ColorValue(c)) => Style::new().bg(c),
            None => Style::new(),
        }
    }
}
