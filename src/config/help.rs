//! The help's content, generated from the keymap so it never disagrees with the keys.

use super::keymap::{Context, Keymap};
use crate::text::sanitize;

/// One line of the help.
pub enum HelpRow {
    /// A context's title.
    Section(&'static str),
    /// An entry: its keys and what it does.
    Entry(String, String),
    /// A remark on the context.
    Note(&'static str),
    /// A blank line between contexts.
    Blank,
}

/// The help, context by context, with the keys that reach each entry.
pub fn help_rows(keymap: &Keymap) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for context in Context::ALL {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Section(context.title()));
        for hint in keymap.hints(context) {
            let keys = hint
                .keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            rows.push(HelpRow::Entry(
                keys,
                sanitize(&hint.desc).replace('\n', " "),
            ));
        }
        match context {
            Context::Global => rows.push(HelpRow::Note(
                "In the editor, character keys type text instead.",
            )),
            Context::Draft => {
                rows.push(HelpRow::Note("Other keys type; drafts save by themselves."));
                rows.push(HelpRow::Note(
                    "Spelling needs a Hunspell dictionary: apt install hunspell-en-us,",
                ));
                rows.push(HelpRow::Note(
                    "or name one as [spelling] dictionary in the config file.",
                ));
            }
            Context::Letters
            | Context::Comments
            | Context::Recovery
            | Context::Conflict
            | Context::Export
            | Context::Question
            | Context::Search
            | Context::Help
            | Context::Precedent => {}
        }
    }
    rows
}

/// How many lines the help has.
pub fn help_height(keymap: &Keymap) -> usize {
    help_rows(keymap).len()
}
