//! Exporting a response letter: the company's answer to a staff comment letter, in the
//! settled EDGAR form (opening paragraph, each comment's headings, the comment
//! restated in bold or italics, the response under a "Response:" label, closing,
//! signature, cc list). No terminal code lives here.
//!
//! - [`export`]: a [`Letter`] and its [`Drafts`] → the bytes of a Markdown, plain
//!   text, HTML or `.docx` file, with the comments that still lack a response.
//! - [`default_output_path`] / [`Target`]: where the file goes (`NAME.response.md`
//!   next to `NAME.txt`, or a path the user names), checked before anything is
//!   written, and the write itself (atomic, through [`crate::disk::write_file`]).
//! - [`save`]: the write that never destroys an edited export ([`Records`],
//!   [`WhenEdited`]).
//! - [`Export::check_fingerprints`]: responses written to a comment whose text has
//!   changed since (a corrected letter) are named, and keep `--strict` from passing.
//! - [`ExportSettings`]: signer, cc list, restatement style, response label, read from
//!   the `[export]` table of the user's config file.
//!
//! Text from the letter and the drafts is sanitized (control, format and bidi
//! characters become U+FFFD) and escaped for each format so it reads back exactly.

mod addressees;
mod asked;
mod document;
mod docx;
pub mod escape;
mod flow;
mod format;
mod html;
mod learnt;
mod markdown;
mod model;
mod opening;
mod record;
mod requests;
mod save;
mod settings;
mod target;
mod text;

pub use asked::{Answer, Asked, Request, wants_an_answer};
pub use document::build;
pub use flow::{Flow, Item, Marker};
pub use format::{Format, default_output_path, is_export_file, is_export_name};
pub use learnt::{
    greet_as_known, learn_from_letters, names_company_in_capitals, without_honorific,
};
pub use model::{
    Block, Document, MISSING_MARKER, NO_RESPONSE, Page, Properties, REDACTED_MARKER, Tally,
    long_date,
};
pub use record::{Edited, Records, free_name};
pub use requests::{acknowledgment, asks_nothing};
pub use save::{SaveError, Saved, WhenEdited, save};
pub use settings::{ExportSettings, HalfPoints, Inches, Paper, Restatement};
pub use target::Target;

use crate::drafts::{Drafts, Loaded, TextFingerprints, changed_comments};
use crate::letter::Letter;

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The file's bytes (UTF-8 text, or a zip for `.docx`).
    pub bytes: Vec<u8>,
    /// Numbers of the comments with no response text, in letter order; each is marked
    /// [`MISSING_MARKER`] in the output.
    pub missing: Vec<String>,
    /// Numbers of the comments that have a response but are not marked resolved.
    pub unresolved: Vec<String>,
    /// The requests of the letter, not numbered, that have no answer (see
    /// [`Tally::unanswered`]); each is marked [`MISSING_MARKER`] in the output.
    pub unanswered: Vec<String>,
    /// Numbers of the comments with a response whose text changed since the response
    /// was written (see [`Export::check_fingerprints`]).
    pub changed: Vec<String>,
    /// Other things worth telling: no signer configured, responses to comments the
    /// letter no longer has (left out), a letter without comments.
    pub warnings: Vec<String>,
}

impl Export {
    /// Whether every comment has a response, is resolved and answers the comment's
    /// current text, and every request of the letter is answered (what `--strict`
    /// asks).
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
            && self.unresolved.is_empty()
            && self.changed.is_empty()
            && self.unanswered.is_empty()
    }

    /// Names the comments whose text changed since their response was written: the
    /// text fingerprint `stored` in the drafts file (see
    /// [`crate::drafts::save_stamped`]) differs from the fingerprint of the comment in
    /// `letter`, and the comment has a response in `drafts`.
    pub fn check_fingerprints(&mut self, letter: &Letter, drafts: &Drafts, stored: &Loaded) {
        self.changed = changed_comments(stored, &TextFingerprints::of(letter))
            .into_iter()
            .filter(|number| drafts.get(number).is_some_and(|d| d.has_response()))
            .collect();
    }

    /// What stands between this export and filing, as messages: "3 comments have no
    /// response: 4, 7, 9", "2 comments are drafted but not resolved: 1, 2". Empty when
    /// [`Export::is_complete`].
    pub fn problems(&self) -> Vec<String> {
        let counted: [(&[String], &str, &str); 4] = [
            (
                &self.missing,
                "comment has no response",
                "comments have no response",
            ),
            (
                &self.unresolved,
                "comment is drafted but not resolved",
                "comments are drafted but not resolved",
            ),
            (
                &self.unanswered,
                "request of the letter has no response",
                "requests of the letter have no response",
            ),
            (
                &self.changed,
                "comment changed since its response was written",
                "comments changed since their responses were written",
            ),
        ];
        counted
            .into_iter()
            .filter(|(numbers, _, _)| !numbers.is_empty())
            .map(|(numbers, one, many)| count_message(numbers, one, many))
            .collect()
    }

    /// Everything to tell the user: [`Export::problems`], then [`Export::warnings`].
    pub fn notices(&self) -> Vec<String> {
        let mut out = self.problems();
        out.extend(self.warnings.iter().cloned());
        out
    }
}

/// "1 comment has no response: 4" / "3 comments have no response: 4, 7, 9". The
/// numbers come from the letter, so they are made safe to print.
fn count_message(numbers: &[String], one: &str, many: &str) -> String {
    let what = if numbers.len() == 1 { one } else { many };
    let shown: Vec<String> = numbers
        .iter()
        .map(|n| escape::sanitize(n).replace(['\n', '\t'], " "))
        .collect();
    format!("{} {what}: {}", numbers.len(), shown.join(", "))
}

/// Renders the response letter to `letter` in `format`. `drafts` are looked up by
/// comment number (`None`: nothing drafted yet); drafts for numbers the letter does
/// not have are left out and named in [`Export::warnings`].
///
/// A comment counts as missing when its response has no text (whatever its status),
/// and as unresolved when it has text but is not [`Status::Resolved`](crate::drafts::Status).
pub fn export(
    letter: &Letter,
    drafts: Option<&Drafts>,
    settings: &ExportSettings,
    format: Format,
) -> Export {
    let (document, tally) = build(letter, drafts, settings);
    let bytes = format.render(&document);
    Export {
        bytes,
        missing: tally.missing,
        unresolved: tally.unresolved,
        unanswered: tally.unanswered,
        changed: Vec::new(),
        warnings: tally.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_count_and_list() {
        let export = Export {
            bytes: Vec::new(),
            missing: vec!["4".into(), "7".into(), "9".into()],
            unresolved: vec!["1\u{1b}".into()],
            unanswered: vec!["exhibit (\"Please send\")".into()],
            changed: vec!["2".into()],
            warnings: vec!["w".into()],
        };
        assert_eq!(
            export.notices(),
            [
                "3 comments have no response: 4, 7, 9",
                "1 comment is drafted but not resolved: 1\u{fffd}",
                "1 request of the letter has no response: exhibit (\"Please send\")",
                "1 comment changed since its response was written: 2",
                "w"
            ]
        );
        assert_eq!(export.problems().len(), 4);
        assert!(!export.is_complete());
    }
}
