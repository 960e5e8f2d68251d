//! The editor's settings in the config file: the `[clipboard]` and `[spelling]` tables.

use std::path::PathBuf;

use serde::Deserialize;

/// Where the spelling dictionary is looked for when the config names none.
pub const DEFAULT_DICTIONARY: &str = "/usr/share/hunspell/en_US.dic";

/// The `[clipboard]` and `[spelling]` tables as written: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct ClipboardFile {
    osc52: Option<bool>,
}

/// The `[spelling]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct SpellingFile {
    enabled: Option<bool>,
    dictionary: Option<PathBuf>,
}

/// The editor's settings in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    /// Copies also go to the system clipboard through the terminal (OSC 52).
    pub osc52: bool,
    /// Misspelled words are underlined.
    pub spelling: bool,
    /// The Hunspell dictionary's `.dic` file (its `.aff` file beside it).
    pub dictionary: PathBuf,
}

impl Editing {
    /// The settings of the built-in tables, each key the user wrote put over them.
    pub(super) fn new(
        builtin: (ClipboardFile, SpellingFile),
        user: (ClipboardFile, SpellingFile),
    ) -> Self {
        let (clipboard, spelling) = builtin;
        let (user_clipboard, user_spelling) = user;
        Self {
            osc52: user_clipboard.osc52.or(clipboard.osc52).unwrap_or(true),
            spelling: user_spelling.enabled.or(spelling.enabled).unwrap_or(true),
            dictionary: user_spelling
                .dictionary
                .or(spelling.dictionary)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_DICTIONARY)),
        }
    }
}
