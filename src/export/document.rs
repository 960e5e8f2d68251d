//! The format-neutral response letter: blocks built from a [`Letter`], its [`Drafts`]
//! and the [`ExportSettings`]. Every renderer walks the same blocks, so the formats
//! never disagree about content. All text in a [`Document`] is already sanitized.

use chrono::NaiveDate;

use super::escape::sanitize;
use super::flow::{self, Flow};
use super::settings::{ExportSettings, Restatement};
use crate::drafts::{Drafts, Status};
use crate::letter::{Kind, Letter};

/// What stands in for a response that has not been written.
pub const MISSING_MARKER: &str = "[Response to come]";

/// The response letter, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A one-line title (the HTML `<title>`, the docx title).
    pub title: String,
    /// How restated comments are set off.
    pub restatement: Restatement,
    /// The letter, top to bottom.
    pub blocks: Vec<Block>,
}

/// One block of the response letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines set one under another (date, address, signature).
    Lines(Vec<String>),
    /// The "Re:" block: the company, then the filing lines and the file number.
    Re(Vec<String>),
    /// A paragraph of the letter's own prose (salutation, opening, closing).
    Paragraph(String),
    /// The part of a comment's heading trail that changed since the previous comment.
    Headings(Vec<String>),
    /// A staff comment restated; the first paragraph starts with its number ("1. ").
    Comment {
        /// The comment number as printed in the staff letter.
        number: String,
        /// The comment's text.
        flows: Vec<Flow>,
    },
    /// The label above a response, with its colon: "Response:".
    Label(String),
    /// The company's response to comment `number`.
    Response {
        /// The comment number.
        number: String,
        /// The response text.
        flows: Vec<Flow>,
    },
    /// Marks a comment that has no response yet ([`MISSING_MARKER`]).
    Missing {
        /// The comment number.
        number: String,
    },
    /// The "cc:" list, one entry per line.
    Cc(Vec<String>),
}

/// What an export found besides the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Numbers of comments with no response text, in letter order.
    pub missing: Vec<String>,
    /// Numbers of comments with a response that is not marked resolved.
    pub unresolved: Vec<String>,
    /// Other things worth telling the user.
    pub warnings: Vec<String>,
}

/// A date as letters print it: "November 17, 2014".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// An ISO date (`2014-11-17`) as letters print it, or `None` when it is not one.
fn long_iso_date(iso: &str) -> Option<String> {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .ok()
        .map(long_date)
}

/// A sanitized, trimmed, non-empty value.
fn clean(value: Option<&str>) -> Option<String> {
    value
        .map(|v| sanitize(v).split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

/// Builds the response letter and tallies missing and unresolved comments.
pub fn build(
    letter: &Letter,
    drafts: Option<&Drafts>,
    settings: &ExportSettings,
) -> (Document, Tally) {
    let mut tally = Tally::default();
    let mut blocks = Vec::new();
    let company = clean(letter.company.as_deref());
    let company_or = company.clone().unwrap_or_else(|| "[Company]".to_owned());
    let letter_date = letter.date.as_deref().and_then(long_iso_date);

    // Head: date, delivery, the staff's address, the "Re:" block.
    let date = clean(settings.date.as_deref()).unwrap_or_else(|| "[Date]".to_owned());
    blocks.push(Block::Lines(vec![date]));
    blocks.push(Block::Lines(vec!["Via EDGAR".to_owned()]));
    blocks.push(Block::Lines(address(letter)));
    if let Some(attention) = attention(letter) {
        blocks.push(Block::Paragraph(attention));
    }
    blocks.push(Block::Re(re_lines(letter, &company_or)));
    blocks.push(Block::Paragraph("Ladies and Gentlemen:".to_owned()));
    blocks.push(Block::Paragraph(opening(
        letter,
        &company_or,
        letter_date.as_deref(),
        settings.restatement,
    )));

    // The comments, each with its response.
    let label = sanitize(&settings.label());
    let mut previous: &[String] = &[];
    for comment in &letter.comments {
        let headings = changed_headings(previous, &comment.headings);
        if !headings.is_empty() {
            blocks.push(Block::Headings(
                headings.iter().filter_map(|h| clean(Some(h))).collect(),
            ));
        }
        previous = &comment.headings;
        let number = clean(Some(&comment.number)).unwrap_or_default();
        blocks.push(Block::Comment {
            number: number.clone(),
            flows: numbered(&number, flow::parse(&comment.text)),
        });
        if !label.is_empty() {
            blocks.push(Block::Label(label.clone()));
        }
        let draft = drafts.and_then(|d| d.get(&comment.number));
        match draft.filter(|d| d.has_response()) {
            Some(draft) => {
                if draft.status != Status::Resolved {
                    tally.unresolved.push(comment.number.clone());
                }
                blocks.push(Block::Response {
                    number,
                    flows: flow::parse(&draft.response),
                });
            }
            None => {
                tally.missing.push(comment.number.clone());
                blocks.push(Block::Missing { number });
            }
        }
    }

    // Closing, signature, cc.
    let signer = clean(settings.signer_name.as_deref());
    let contact = clean(settings.signer_contact.as_deref());
    let whom = signer
        .clone()
        .unwrap_or_else(|| "the undersigned".to_owned());
    let at = contact.map(|c| format!(" at {c}")).unwrap_or_default();
    blocks.push(Block::Paragraph(format!(
        "If you have any questions regarding this response, please contact {whom}{at}."
    )));
    blocks.push(Block::Paragraph("Sincerely,".to_owned()));
    let mut signature = vec![
        signer.clone().unwrap_or_else(|| "[Name]".to_owned()),
        clean(settings.signer_title.as_deref()).unwrap_or_else(|| "[Title]".to_owned()),
    ];
    signature.extend(company.clone());
    blocks.push(Block::Lines(signature));
    let cc: Vec<String> = settings.cc.iter().filter_map(|c| clean(Some(c))).collect();
    if !cc.is_empty() {
        blocks.push(Block::Cc(cc));
    }

    // Warnings.
    if letter.comments.is_empty() {
        tally
            .warnings
            .push("the letter has no numbered comments".to_owned());
    }
    if letter.kind == Kind::Response {
        tally
            .warnings
            .push("the file is a company response, not a staff comment letter".to_owned());
    }
    if company.is_none() {
        tally
            .warnings
            .push("the letter names no company: \"[Company]\" stands in".to_owned());
    }
    if signer.is_none() {
        tally.warnings.push(
            "no signer is set ([export] signer_name in the config file): \"[Name]\" stands in"
                .to_owned(),
        );
    }
    if let Some(drafts) = drafts {
        let stale: Vec<String> = crate::drafts::orphans(drafts, letter)
            .into_iter()
            .map(|d| sanitize(&d.number))
            .collect();
        if !stale.is_empty() {
            tally.warnings.push(format!(
                "left out responses to comments the letter does not have: {}",
                stale.join(", ")
            ));
        }
    }

    let title = match &letter_date {
        Some(date) => format!("{company_or}: response to the staff's letter dated {date}"),
        None => format!("{company_or}: response to the staff's comments"),
    };
    let document = Document {
        title,
        restatement: settings.restatement,
        blocks,
    };
    (document, tally)
}

/// The staff's address: the Commission, the Division, the office when the letter is
/// signed by one.
fn address(letter: &Letter) -> Vec<String> {
    let mut lines = vec![
        "U.S. Securities and Exchange Commission".to_owned(),
        "Division of Corporation Finance".to_owned(),
    ];
    if let Some(office) = office(letter) {
        lines.push(office);
    }
    lines.push("100 F Street, N.E.".to_owned());
    lines.push("Washington, D.C. 20549".to_owned());
    lines
}

/// Whether the signatory is the Division itself (an unsigned office sign-off).
fn signed_by_division(letter: &Letter) -> bool {
    letter.signatory.name.as_deref().is_some_and(|n| {
        n.trim()
            .eq_ignore_ascii_case("Division of Corporation Finance")
    })
}

/// The office that signed the letter ("Office of Life Sciences"), if one did.
fn office(letter: &Letter) -> Option<String> {
    let title = clean(letter.signatory.title.as_deref())?;
    let is_office = title.to_ascii_lowercase().starts_with("office of");
    (signed_by_division(letter) || is_office).then_some(title)
}

/// "Attention: Leonard F. Ashby, Branch Chief" when a person signed the letter.
fn attention(letter: &Letter) -> Option<String> {
    if signed_by_division(letter) {
        return None;
    }
    let name = clean(letter.signatory.name.as_deref())?;
    match clean(letter.signatory.title.as_deref()) {
        Some(title) if office(letter).is_none() => Some(format!("Attention: {name}, {title}")),
        _ => Some(format!("Attention: {name}")),
    }
}

/// The "Re:" lines: the company, the subject lines as printed, the file number.
fn re_lines(letter: &Letter, company: &str) -> Vec<String> {
    let mut lines = vec![company.to_owned()];
    lines.extend(letter.subject.lines.iter().filter_map(|l| clean(Some(l))));
    if lines.len() == 1
        && let Some(form) = clean(letter.subject.form.as_deref())
    {
        lines.push(format!("Form {form}"));
    }
    if let Some(number) = clean(letter.file_number.as_deref())
        && !lines.iter().skip(1).any(|l| l.contains(&number))
    {
        lines.push(format!("File No. {number}"));
    }
    lines
}

/// The opening paragraph.
fn opening(letter: &Letter, company: &str, date: Option<&str>, restatement: Restatement) -> String {
    let one = letter.comments.len() == 1;
    let (comments, are, response) = if one {
        ("comment", "is", "response")
    } else {
        ("comments", "are", "responses")
    };
    let dated = date.map(|d| format!(" dated {d}")).unwrap_or_default();
    format!(
        "On behalf of {company} (the \"Company\"), we respond to the {comments} of the staff \
         (the \"Staff\") of the Division of Corporation Finance of the Securities and Exchange \
         Commission in your letter{dated} regarding the Company's {subject}. For your \
         convenience, the Staff's {comments} {are} reproduced in {style} below, followed by \
         the Company's {response}.",
        subject = subject_phrase(letter),
        style = restatement.words(),
    )
}

/// The filings the letter is about, as a phrase: "Form 20-F for the Fiscal Year Ended
/// December 31, 2013, filed April 9, 2014". Lines like "Filed …" join the filing above
/// them; "File No." lines are left out.
fn subject_phrase(letter: &Letter) -> String {
    let mut filings: Vec<String> = Vec::new();
    for line in letter.subject.lines.iter().filter_map(|l| clean(Some(l))) {
        let lower = line.to_lowercase();
        if lower.starts_with("file no") {
            continue;
        }
        let first = lower.split_whitespace().next().unwrap_or_default();
        let joins = matches!(
            first,
            "filed"
                | "submitted"
                | "furnished"
                | "amended"
                | "confidentially"
                | "response"
                | "dated"
        );
        match filings.last_mut() {
            Some(last) if joins => {
                let mut chars = line.chars();
                let head: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .collect();
                last.push_str(", ");
                last.push_str(&head);
                last.push_str(chars.as_str());
            }
            _ => filings.push(line),
        }
    }
    if filings.is_empty() {
        return match clean(letter.subject.form.as_deref()) {
            Some(form) => format!("Form {form}"),
            None => "filing".to_owned(),
        };
    }
    match filings.len() {
        1 => filings.remove(0),
        2 => format!("{} and {}", filings[0], filings[1]),
        _ => {
            let last = filings.pop().unwrap_or_default();
            format!("{}, and {last}", filings.join(", "))
        }
    }
}

/// The part of `current` to print after `previous`: from the first heading that
/// differs. An identical trail prints nothing; a trail that only drops levels prints
/// its last heading again, so the reader knows where the comment stands.
fn changed_headings<'a>(previous: &[String], current: &'a [String]) -> &'a [String] {
    let common = previous
        .iter()
        .zip(current)
        .take_while(|(a, b)| a == b)
        .count();
    if common < current.len() {
        &current[common..]
    } else if current.len() < previous.len() {
        &current[current.len().saturating_sub(1)..]
    } else {
        &[]
    }
}

/// Puts "N." in front of the comment's first paragraph (or alone before a list).
fn numbered(number: &str, mut flows: Vec<Flow>) -> Vec<Flow> {
    let prefix = format!("{number}.");
    match flows.first_mut() {
        Some(Flow::Paragraph(lines)) if !lines.is_empty() => {
            lines[0] = format!("{prefix} {}", lines[0]);
        }
        _ => flows.insert(0, Flow::Paragraph(vec![prefix])),
    }
    flows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Comment, Person, Subject};

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headings_print_from_the_first_change() {
        let a = strings(&["A", "B", "C"]);
        let b = strings(&["A", "B", "D"]);
        assert_eq!(changed_headings(&[], &a), &a[..]);
        assert_eq!(changed_headings(&a, &a), &[] as &[String]);
        assert_eq!(changed_headings(&a, &b), &b[2..]);
        let shorter = strings(&["A", "B"]);
        assert_eq!(changed_headings(&a, &shorter), &shorter[1..]);
        assert_eq!(changed_headings(&a, &[]), &[] as &[String]);
    }

    #[test]
    fn subject_phrase_joins_filed_lines() {
        let letter = Letter {
            subject: Subject {
                lines: strings(&[
                    "Form 10-K for the Fiscal Year Ended April 29, 2023",
                    "Filed June 27, 2023",
                    "Form 8-K Furnished June 1, 2023",
                    "File No. 001-39418",
                ]),
                ..Subject::default()
            },
            ..Letter::default()
        };
        assert_eq!(
            subject_phrase(&letter),
            "Form 10-K for the Fiscal Year Ended April 29, 2023, filed June 27, 2023 and Form 8-K Furnished June 1, 2023"
        );
    }

    #[test]
    fn office_signoff_goes_into_the_address() {
        let letter = Letter {
            signatory: Person {
                name: Some("Division of Corporation Finance".into()),
                title: Some("Office of Life Sciences".into()),
            },
            ..Letter::default()
        };
        assert!(address(&letter).contains(&"Office of Life Sciences".to_owned()));
        assert_eq!(attention(&letter), None);
        let letter = Letter {
            signatory: Person {
                name: Some("Leonard F. Ashby".into()),
                title: Some("Branch Chief".into()),
            },
            ..Letter::default()
        };
        assert_eq!(
            attention(&letter).as_deref(),
            Some("Attention: Leonard F. Ashby, Branch Chief")
        );
        assert_eq!(address(&letter).len(), 4);
    }

    #[test]
    fn tally_and_number_prefix() {
        let letter = Letter {
            company: Some("Acme \u{1b}Corp".into()),
            comments: vec![
                Comment {
                    number: "1".into(),
                    text: "Tell us more.".into(),
                    ..Comment::default()
                },
                Comment {
                    number: "2".into(),
                    text: "- a list first".into(),
                    ..Comment::default()
                },
                Comment {
                    number: "3".into(),
                    text: "Third.".into(),
                    ..Comment::default()
                },
            ],
            ..Letter::default()
        };
        let mut drafts = Drafts::for_comments(&strings(&["1", "2", "3"]));
        drafts.set_response("1", "Done.");
        drafts.set_response("2", "Also done.");
        drafts.toggle_resolved("2");
        drafts.set_response("9", "stale");
        // Marked resolved with no text ("no response required"): listed as well.
        drafts.set_response("12", "");
        drafts.toggle_resolved("12");
        let (doc, tally) = build(&letter, Some(&drafts), &ExportSettings::default());
        assert_eq!(tally.missing, ["3"]);
        assert_eq!(tally.unresolved, ["1"]);
        assert!(
            tally.warnings.iter().any(|w| w.ends_with(": 9, 12")),
            "{:?}",
            tally.warnings
        );
        let comments: Vec<&Vec<Flow>> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Comment { flows, .. } => Some(flows),
                _ => None,
            })
            .collect();
        assert_eq!(
            comments[0][0],
            Flow::Paragraph(strings(&["1. Tell us more."]))
        );
        assert_eq!(comments[1][0], Flow::Paragraph(strings(&["2."])));
        assert!(doc.title.starts_with("Acme \u{fffd}Corp"));
    }

    #[test]
    fn long_dates() {
        assert_eq!(
            long_iso_date("2014-11-07").as_deref(),
            Some("November 7, 2014")
        );
        assert_eq!(long_iso_date("nope"), None);
    }
}
