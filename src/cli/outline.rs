//! The readable outline printed by `letterdesk parse FILE`.

use crate::letter::Letter;
use std::io::Write;

/// Write the letter's metadata, then each comment's heading trail, number and first line.
pub fn write_outline(out: &mut dyn Write, letter: &Letter) -> std::io::Result<()> {
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(out, "{}", letter.file)?;
    writeln!(out, "  kind:         {}", letter.kind.as_str())?;
    writeln!(out, "  date:         {}", or_dash(letter.date.as_deref()))?;
    writeln!(
        out,
        "  company:      {}",
        or_dash(letter.company.as_deref())
    )?;
    let addressee = [
        letter.addressee.name.as_deref(),
        letter.addressee.title.as_deref(),
    ];
    writeln!(
        out,
        "  addressee:    {}",
        addressee
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    let subject = [
        letter.subject.form.as_deref().map(|f| format!("Form {f}")),
        letter.subject.period.clone(),
    ];
    writeln!(
        out,
        "  subject:      {}",
        subject.into_iter().flatten().collect::<Vec<_>>().join(", ")
    )?;
    writeln!(
        out,
        "  file number:  {}",
        or_dash(letter.file_number.as_deref())
    )?;
    writeln!(
        out,
        "  response due: {}",
        or_dash(letter.response_due.as_deref())
    )?;
    let signatory = [
        letter.signatory.name.as_deref(),
        letter.signatory.title.as_deref(),
    ];
    writeln!(
        out,
        "  signatory:    {}",
        signatory
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    for contact in &letter.contacts {
        let phone = contact.phone.as_deref().unwrap_or("");
        writeln!(out, "  contact:      {} {}", contact.name, phone)?;
    }
    for warning in &letter.warnings {
        writeln!(out, "  warning:      {warning}")?;
    }
    writeln!(out, "  comments:     {}", letter.comments.len())?;
    let mut trail: &[String] = &[];
    for comment in &letter.comments {
        if comment.headings.as_slice() != trail {
            writeln!(out)?;
            for (depth, heading) in comment.headings.iter().enumerate() {
                if trail.get(depth) != Some(heading) {
                    writeln!(out, "{}{heading}", "  ".repeat(depth + 1))?;
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
        writeln!(
            out,
            "{}{}. {first_line}",
            "  ".repeat(comment.headings.len() + 1),
            comment.number
        )?;
    }
    Ok(())
}
