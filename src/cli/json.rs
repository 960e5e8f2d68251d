//! The JSON shape of `letterdesk parse --json`: exactly the documented fields.

use crate::letter::{Comment, Contact, Letter, Person, Subject};
use crate::review::references::find_references;
use serde::Serialize;

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

/// Write `value` as pretty JSON and a newline, with every character that a terminal
/// could act on or that reorders text (C1 controls, bidi controls, line and paragraph
/// separators) written as a `\uXXXX` escape. serde_json already escapes C0 controls;
/// the data is unchanged for any JSON reader.
pub fn write_json(out: &mut dyn std::io::Write, value: &impl Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        let invisible = matches!(
            c,
            '\u{80}'..='\u{9F}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}'
        ) || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if invisible {
            safe.push_str(&format!("\\u{:04x}", c as u32));
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
        let text = "a\u{1b}]0;PWNED\u{7}b\u{9b}c\u{202e}d\u{2028}e";
        let mut out = Vec::new();
        write_json(&mut out, &text).unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert!(
            !printed
                .chars()
                .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{printed:?}"
        );
        assert_eq!(serde_json::from_str::<String>(&printed).unwrap(), text);
    }
}
