//! The readable outline printed by `letterdesk parse FILE`. Letter text is untrusted:
//! every piece of it goes through [`sanitize`] before it reaches the terminal.

use crate::letter::{Letter, Person};
use crate::text::sanitize;
use std::io::Write;

/// The non-empty parts, joined with ", " ("-" when there are none).
fn joined<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    let parts: Vec<&str> = parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(", ")
    }
}

fn person(p: &Person) -> String {
    joined([p.name.as_deref(), p.title.as_deref()])
}

/// One `label: value` line, the value sanitized.
fn field(out: &mut dyn Write, label: &str, value: &str) -> std::io::Result<()> {
    writeln!(out, "  {:<14}{}", format!("{label}:"), sanitize(value))
}

/// Write the letter's metadata, then each comment's heading trail, number and first line.
pub fn write_outline(out: &mut dyn Write, letter: &Letter) -> std::io::Result<()> {
    writeln!(out, "{}", sanitize(&letter.file))?;
    let form = letter.subject.form.as_deref().map(|f| format!("Form {f}"));
    let rows = [
        ("kind", letter.kind.as_str().to_string()),
        ("date", joined([letter.date.as_deref()])),
        ("company", joined([letter.company.as_deref()])),
        ("addressee", person(&letter.addressee)),
        (
            "subject",
            joined([form.as_deref(), letter.subject.period.as_deref()]),
        ),
        ("file number", joined([letter.file_number.as_deref()])),
        ("response due", joined([letter.response_due.as_deref()])),
        ("signatory", person(&letter.signatory)),
    ];
    for (label, value) in rows {
        field(out, label, &value)?;
    }
    if let Some(respondent) = &letter.respondent {
        field(out, "respondent", respondent)?;
    }
    if let Some(extension) = &letter.extension {
        let until = extension.until.as_deref().unwrap_or("no date named");
        field(out, "more time", &format!("asked for, until {until}"))?;
    }
    if let Some(effectiveness) = &letter.effectiveness {
        let at = effectiveness.at.as_deref().unwrap_or("no date named");
        field(out, "effective", &format!("asked to be, on {at}"))?;
    }
    for contact in &letter.contacts {
        field(
            out,
            "contact",
            &joined([Some(contact.name.as_str()), contact.phone.as_deref()]),
        )?;
    }
    for warning in &letter.warnings {
        field(out, "warning", warning)?;
    }
    field(out, "comments", &letter.comments.len().to_string())?;
    let mut trail: &[String] = &[];
    for comment in &letter.comments {
        if comment.headings.as_slice() != trail {
            writeln!(out)?;
            for (depth, heading) in comment.headings.iter().enumerate() {
                if trail.get(depth) != Some(heading) {
                    writeln!(out, "{}{}", "  ".repeat(depth + 1), sanitize(heading))?;
                }
            }
            trail = &comment.headings;
        }
        let first_line: String = comment
            .text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(100)
            .collect();
        let indent = "  ".repeat(comment.headings.len() + 1);
        writeln!(
            out,
            "{indent}{}. {}",
            sanitize(&comment.number),
            sanitize(&first_line)
        )?;
    }
    Ok(())
}
