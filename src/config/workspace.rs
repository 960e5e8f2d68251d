//! The workspace's settings in the config file: the `[workspace]` table (the Letters
//! pane's width once a letter is open, the mouse, who "me" is).

use serde::Deserialize;

/// The `[workspace]` table as written: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct WorkspaceFile {
    letters_width: Option<u16>,
    mouse: Option<bool>,
    user: Option<String>,
}

/// The workspace's settings in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The Letters pane's share of the width, in percent, once a letter is open.
    pub letters_width: u16,
    /// Clicks and the wheel are taken by letterdesk (Shift keeps the terminal's own).
    pub mouse: bool,
    /// Who "me" is for owners, when `$LETTERDESK_USER` is not set.
    pub user: Option<String>,
}

/// The narrowest and widest share of the width the Letters pane takes, in percent.
pub const LETTERS_WIDTH: std::ops::RangeInclusive<u16> = 10..=90;

impl Workspace {
    /// The settings of the built-in table, each key the user wrote put over them.
    pub(super) fn new(builtin: WorkspaceFile, user: WorkspaceFile) -> Self {
        Self {
            letters_width: user
                .letters_width
                .or(builtin.letters_width)
                .unwrap_or(25)
                .clamp(*LETTERS_WIDTH.start(), *LETTERS_WIDTH.end()),
            mouse: user.mouse.or(builtin.mouse).unwrap_or(true),
            user: user.user.or(builtin.user).filter(|u| !u.trim().is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_keys_win_and_the_width_stays_in_range() {
        let builtin = WorkspaceFile {
            letters_width: Some(25),
            mouse: Some(true),
            user: None,
        };
        let user = WorkspaceFile {
            letters_width: Some(3),
            mouse: Some(false),
            user: Some("Jane".into()),
        };
        let w = Workspace::new(builtin, user);
        assert_eq!(w.letters_width, 10);
        assert!(!w.mouse);
        assert_eq!(w.user.as_deref(), Some("Jane"));
    }
}
