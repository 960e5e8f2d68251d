//! The JSON shape of `letterdesk parse --json`: exactly the documented fields.

use crate::letter::{Comment, Contact, Letter, Person, Subject};
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
    comments: &'a [Comment],
    signatory: &'a Person,
    contacts: &'a [Contact],
    warnings: &'a [String],
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
        comments: &letter.comments,
        signatory: &letter.signatory,
        contacts: &letter.contacts,
        warnings: &letter.warnings,
    };
    serde_json::to_writer_pretty(&mut *out, &view)?;
    writeln!(out)
}
