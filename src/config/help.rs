//! The help's content, generated from the keymap so it never disagrees with the keys.

use super::keymap::Keymap;
use crate::text::sanitize;

/// One line of the help.
pub enum HelpRow {
    /// A section's title.
    Section(String),
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
    for (section, title) in keymap.sections() {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Section(title.to_owned()));
        for hint in keymap.section_hints(section) {
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
        match section {
            "global" => rows.push(HelpRow::Note(
                "In the editor, character keys type text instead.",
            )),
            "draft" => {
                rows.push(HelpRow::Note("Other keys type; drafts save by themselves."));
                rows.push(HelpRow::Note(
                    "Spelling needs a Hunspell dictionary: apt install hunspell-en-us,",
                ));
                rows.push(HelpRow::Note(
                    "or name one as [spelling] dictionary in the config file.",
                ));
            }
            "letters" => rows.push(HelpRow::Note(
                "A count before G goes to that letter (in the Comments pane, that \
                 comment): 12G. The due date turns yellow three business days before, red \
                 once past; a letter with every comment resolved, or a response filed after \
                 it, is not shown due. Keys written as gg are typed one after the other (Esc \
                 cancels the first).",
            )),
            "command" => {
                rows.push(HelpRow::Note(
                    ":12 comment 12 · :w save · :q quit · :wq both · :export md|txt|html|docx",
                ));
                rows.push(HelpRow::Note(
                    ":filter open|drafted|resolved|all|mine · :owner NAME · :sort due|date|company",
                ));
                rows.push(HelpRow::Note(
                    ":set (me=NAME, letters_width=25, mouse=on|off, spelling=on|off) · \
                     :messages the recent messages in full · :help · any command's name",
                ));
            }
            // The other contexts' entries say all.
            _ => {}
        }
    }
    rows.push(HelpRow::Blank);
    rows.push(HelpRow::Section("Marks".to_owned()));
    for (mark, text) in MARKS {
        rows.push(HelpRow::Entry(mark.to_owned(), text.to_owned()));
    }
    rows.push(HelpRow::Blank);
    rows.push(HelpRow::Section("Mouse".to_owned()));
    rows.push(HelpRow::Note(
        "Click a pane to focus it, a row or comment to select it, the draft to edit it; \
         the wheel scrolls. Hold Shift to select text for the terminal's own copy. \
         `mouse = false` under [workspace] in the config leaves the mouse to the terminal.",
    ));
    rows
}

/// What the marks before comments and letters say (the default marks; the config's
/// `[marks]` may change the first three).
const MARKS: [(&str, &str); 5] = [
    ("○", "open: nothing drafted yet"),
    (
        "✎",
        "drafted: a response is written, but the comment is not settled (r resolves it)",
    ),
    (
        "✓",
        "resolved: settled and ready for the response letter (a resolved comment with no \
         response is exported as unanswered)",
    ),
    (
        "!",
        "a conflict (changed here and on disk: c to choose), or a letter the parser has \
         warnings about",
    ),
    (
        "Δ",
        "the comment's text changed in the letter since its draft was saved",
    ),
];
