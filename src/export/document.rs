//! The format-neutral response letter: blocks built from a [`Letter`], its [`Drafts`]
//! and the [`ExportSettings`]. Every renderer walks the same blocks, so the formats
//! never disagree about content. All text in a [`Document`] is already sanitized.

use chrono::NaiveDate;

use super::addressees::{address, attention, re_lines, salutation};
use super::escape::{clean, sanitize};
use super::flow::{self, Flow};
use super::model::{Block, Document, NO_RESPONSE, Page, Properties, Tally, long_date};
use super::opening::opening;
use super::requests::{acknowledgment, asks_nothing, past_due, request_blocks};
use super::settings::ExportSettings;
use crate::drafts::{CommentDraft, Drafts, Status};
use crate::letter::{Comment, Kind, Letter};

/// The company's name: as the letter gives it, or, when the letter gives it in capitals
/// only, as the company's own letters write it ([`ExportSettings::company`]).
fn company_name<'a>(letter: &'a Letter, settings: &'a ExportSettings) -> Option<&'a str> {
    let given = letter.company.as_deref();
    match (given, settings.company.as_deref()) {
        (Some(given), Some(own)) if in_capitals(given) => Some(own),
        _ => given,
    }
}

/// Whether `name` is written in capitals only ("LENNAR CORP").
pub(super) fn in_capitals(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// An ISO date (`2014-11-17`) as letters print it, or `None` when it is not one.
fn long_iso_date(iso: &str) -> Option<String> {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .ok()
        .map(long_date)
}

/// Builds the response letter and tallies missing and unresolved comments.
pub fn build(
    letter: &Letter,
    drafts: Option<&Drafts>,
    settings: &ExportSettings,
) -> (Document, Tally) {
    let mut tally = Tally::default();
    let mut blocks = Vec::new();
    let company = clean(company_name(letter, settings));
    let company_or = company.clone().unwrap_or_else(|| "[Company]".to_owned());
    // Who answers: the company, or the shareholders whose proxy statement about it the
    // letter is on.
    let respondent = clean(letter.respondent.as_deref()).or_else(|| company.clone());
    let respondent_or = respondent.clone().unwrap_or_else(|| "[Company]".to_owned());
    let letter_date = letter.date.as_deref().and_then(long_iso_date);

    // Head: letterhead, date, delivery, the staff's address, the "Re:" block.
    let letterhead: Vec<String> = settings
        .letterhead
        .iter()
        .filter_map(|l| clean(Some(l)))
        .collect();
    if !letterhead.is_empty() {
        blocks.push(Block::Letterhead(letterhead));
    }
    let date = clean(settings.date.as_deref()).unwrap_or_else(|| "[Date]".to_owned());
    blocks.push(Block::Lines(vec![date.clone()]));
    blocks.push(Block::Lines(vec!["Via EDGAR".to_owned()]));
    blocks.push(Block::Lines(address(letter)));
    if let Some(attention) = attention(letter) {
        blocks.push(Block::Paragraph(attention));
    }
    blocks.push(Block::Re(re_lines(letter, &company_or)));
    let (greeting, unaddressed) = salutation(letter, &settings.honorifics, &settings.greeted);
    blocks.push(Block::Paragraph(greeting));
    if !unaddressed.is_empty() {
        tally.warnings.push(format!(
            "no honorific for {} ([export] honorifics in the config file; no company letter in the folder greets them with one): addressed by full name",
            unaddressed.join(", ")
        ));
    }
    let (before, after) = opening(letter, &respondent_or, letter_date.as_deref());
    blocks.push(Block::Opening { before, after });

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
        let draft = drafts.and_then(|d| d.get(&comment.number));
        comment_blocks(
            &mut blocks,
            &mut tally,
            comment,
            draft,
            &label,
            settings.public,
            &respondent_or,
        );
    }
    if !settings.asked.requests.is_empty() {
        blocks.push(Block::Headings(vec![
            "Other Requests of the Staff".to_owned(),
        ]));
    }
    for request in &settings.asked.requests {
        request_blocks(&mut blocks, &mut tally, request, &label);
    }
    if settings.asked.acknowledgment {
        blocks.push(Block::Statement(acknowledgment()));
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
    signature.extend(respondent.clone());
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
    if let Some(late) = past_due(letter, settings) {
        tally.warnings.push(late);
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
        Some(date) => format!("{respondent_or}: response to the staff's letter dated {date}"),
        None => format!("{respondent_or}: response to the staff's comments"),
    };
    let author = signer
        .or_else(|| clean(settings.firm.as_deref()))
        .or(respondent)
        .unwrap_or_default();
    let properties = Properties {
        title: match &letter_date {
            Some(date) => format!("Response to SEC comment letter dated {date}"),
            None => "Response to SEC comment letter".to_owned(),
        },
        author,
        created: settings.now,
    };
    let page = Page {
        size: settings.paper.twips(),
        margin: settings.margin.0,
        font: clean(Some(&settings.font)).unwrap_or_else(|| "Times New Roman".to_owned()),
        font_size: settings.font_size.0,
    };
    let document = Document {
        title,
        restatement: settings.restatement,
        blocks,
        page,
        properties,
        continuation: vec!["Securities and Exchange Commission".to_owned(), date],
    };
    (document, tally)
}

/// The blocks of one comment: restated, then its label and response. A comment that
/// needs no response gets [`NO_RESPONSE`] when the draft says nothing; one marked
/// confidential gets the Rule 83 legend, or in the public version is left out for
/// [`REDACTED_MARKER`].
fn comment_blocks(
    blocks: &mut Vec<Block>,
    tally: &mut Tally,
    comment: &Comment,
    draft: Option<&CommentDraft>,
    label: &str,
    public: bool,
    company: &str,
) {
    let number = clean(Some(&comment.number)).unwrap_or_default();
    let marks = draft.map(|d| d.marks).unwrap_or_default();
    if marks.confidential && public {
        blocks.push(Block::Redacted { number });
        return;
    }
    blocks.push(Block::Comment {
        number: number.clone(),
        flows: numbered(&number, flow::parse(&comment.text)),
    });
    if !label.is_empty() {
        blocks.push(Block::Label(label.to_owned()));
    }
    if marks.confidential {
        blocks.push(Block::Legend(format!(
            "Confidential treatment requested by {company} pursuant to Rule 83"
        )));
    }
    let no_response = marks
        .no_response
        .unwrap_or_else(|| asks_nothing(&comment.text));
    match draft.filter(|d| d.has_response()) {
        Some(draft) => {
            if draft.status != Status::Resolved && !no_response {
                tally.unresolved.push(comment.number.clone());
            }
            blocks.push(Block::Response {
                number,
                flows: flow::parse(&draft.response),
            });
        }
        None if no_response => blocks.push(Block::Response {
            number,
            flows: vec![Flow::Paragraph(vec![NO_RESPONSE.to_owned()])],
        }),
        None => {
            tally.missing.push(comment.number.clone());
            blocks.push(Block::Missing { number });
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
    use crate::letter::Comment;
    use crate::testing::strings;

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
