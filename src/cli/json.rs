//! The JSON shape of `letterdesk parse --json`: exactly the documented fields.

use std::fmt::Write as _;

use serde::Serialize;

use crate::letter::{Comment, Contact, Letter, Person, Subject};
use crate::review::references::find_references;
use crate::text::is_hidden;

/// A letter as scripts see it.
#[derive(Serialize)]
struct LetterJson<'a> {
    file: &'a str,
    kind: &'static str,
    date: Option<&'a str>,
    company: Option<&'a str>,
    addressee: &'a Person,
    subject: &'a Subject,
    file_number: Option<&'a str>,
    response_due: Option<&'a str>,
    comments: Vec<CommentJson<'a>>,
    signatory: &'a Person,
    contacts: &'a [Contact],
    warnings: &'a [String],
}

/// A comment as scripts see it: the letter's fields and its references to comments
/// of earlier letters.
#[derive(Serialize)]
struct CommentJson<'a> {
    #[serde(flatten)]
    comment: &'a Comment,
    references: Vec<ReferenceJson>,
}

/// A reference to a comment of an earlier letter: its number, and the letter's date
/// when the text gives it.
#[derive(Serialize)]
struct ReferenceJson {
    comment: String,
    letter_date: Option<String>,
}

impl<'a> CommentJson<'a> {
    fn of(comment: &'a Comment) -> CommentJson<'a> {
        CommentJson {
            comment,
            references: find_references(&comment.text)
                .into_iter()
                .map(|r| ReferenceJson {
                    comment: r.comment,
                    letter_date: r.letter_date.map(|d| d.to_string()),
                })
                .collect(),
        }
    }
}

/// Write `letter` as one pretty-printed JSON object and a newline.
pub fn write_letter(out: &mut dyn std::io::Write, letter: &Letter) -> std::io::Result<()> {
    let view = LetterJson {
        file: &letter.file,
        kind: letter.kind.as_str(),
        date: letter.date.as_deref(),
        company: letter.company.as_deref(),
        addressee: &letter.addressee,
        subject: &letter.subject,
        file_number: letter.file_number.as_deref(),
        response_due: letter.response_due.as_deref(),
        comments: letter.comments.iter().map(CommentJson::of).collect(),
        signatory: &letter.signatory,
        contacts: &letter.contacts,
        warnings: &letter.warnings,
    };
    write_json(out, &view)
}

/// Write `value` as pretty JSON and a newline, with every character that must not
/// reach a terminal raw ([`is_hidden`]: control, format and bidi characters, line and
/// paragraph separators) written as a `\uXXXX` escape (a surrogate pair above
/// U+FFFF). Such characters only occur inside JSON strings, so the data is unchanged
/// for any JSON reader.
pub fn write_json(out: &mut dyn std::io::Write, value: &impl Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && is_hidden(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(safe, "\\u{unit:04x}");
            }
        } else {
            safe.push(c);
        }
    }
    writeln!(out, "{safe}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_active_characters_are_escaped_and_the_data_is_kept() {
        let text =
            "a\u{1b}]0;PWNED\u{7}b\u{9b}c\u{202e}d\u{2028}e\u{61c}\u{7f}\u{2060}\u{180e}\u{e0041}";
        let mut out = Vec::new();
        write_json(&mut out, &text).unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert!(
            !printed.chars().any(|c| c != '\n' && is_hidden(c)),
            "{printed:?}"
        );
        assert_eq!(serde_json::from_str::<String>(&printed).unwrap(), text);
    }
}
