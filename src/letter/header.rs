//! The top of a letter: date, addressee block, the "Re:" block and the salutation.

use super::addressee::{Addressed, read_addressee};
use super::commission_order::{Caption, caption};
use super::dates::find_date;
use super::greeted::{Greeted, greeted};
use super::keyed::KeyedRegex;
use super::model::{Person, Subject};
use super::phrases::{contains_ignore_ascii_case, starts_with_any};
use super::re_block::{FILE_NO, FILED, file_number_in, is_re_line, read_re_block};
use regex::Regex;
use std::sync::LazyLock;

/// What the top of a letter says, and where its body begins.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The letter's date.
    pub date: Option<chrono::NaiveDate>,
    /// The date exactly as printed (used to recognise page headers).
    pub date_text: Option<String>,
    /// The addressee.
    pub addressee: Person,
    /// The company the letter concerns.
    pub company: Option<String>,
    /// The addressee's organisation, when the addressee block names one that is not
    /// the company the "Re:" block names: a shareholder's investment firm over "Re:
    /// Ventas, Inc.", a parent company over its subsidiary's registration statement.
    pub organisation: Option<String>,
    /// Address lines of the addressee.
    pub address: Vec<String>,
    /// The "Re:" block.
    pub subject: Subject,
    /// The first file number in the "Re:" block.
    pub file_number: Option<String>,
    /// Every company named in the header (addressee block and "Re:" block).
    pub companies: Vec<String>,
    /// The letter is addressed to the Commission: a company's response.
    pub addressed_to_sec: bool,
    /// For a letter to the Commission, the staff its salutation greets with an
    /// honorific, named in full.
    pub greeted: Vec<Greeted>,
    /// Index of the first line after the salutation.
    pub body_start: usize,
}

/// The salutation, as the staff and companies write it, and as they mistype it
/// ("Ladies and Gentleman:", "Ladies & Gentlemen:"): it ends the header. Without one,
/// the body starts at the first prose after the "Re:" block ([`opening_after`]).
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(dear\s.{1,80}|ladies\s+(?:and|&)\s+gentlem[ae]n|gentlem[ae]n|to whom it may concern|sirs?(?:\s*(?:or|/)\s*madam)?)\s*[:,;.]?$")
        .expect("salutation regex")
});
static PERIOD: LazyLock<KeyedRegex> = LazyLock::new(|| {
    KeyedRegex::new(
        r"(?i)\bfor\s+(?:the\s+)?((?:fiscal\s+)?(?:year|quarter|period|transition period)\s+ended\s+[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})",
        &["ended"],
    )
});

/// "Dear Mr. Chen:", "Ladies and Gentlemen:" (a cheap look at the first letters first).
fn is_salutation(line: &str) -> bool {
    line.as_bytes().get(..4).is_some_and(|head| {
        [
            b"dear", b"ladi", b"gent", b"to w", b"sir ", b"sir:", b"sirs", b"sir/",
        ]
        .iter()
        .any(|start| head.eq_ignore_ascii_case(*start))
    }) && SALUTATION.is_match(line)
}

/// Letterhead and routing lines that are not part of the addressee block. (Compared
/// in any ASCII case without a lowercase copy: this runs on every line of the top.)
fn is_letterhead(line: &str) -> bool {
    let ends_logo =
        line.len() >= 5 && line.as_bytes()[line.len() - 5..].eq_ignore_ascii_case(b" logo");
    ends_logo
        || line.eq_ignore_ascii_case("logo")
        || starts_with_any(
            line,
            &[
                "mail stop",
                "mailstop",
                "via e-mail",
                "via email",
                "via edgar",
                "by edgar",
                "via facsimile",
                "delivered via",
                "by electronic",
                "confidential",
                "washington, d.c.",
                "washington, dc",
            ],
        )
        || (starts_with_any(line, &["by ", "via "])
            && [
                "mail",
                "facsimile",
                "fax",
                "e-mail",
                "email",
                "edgar",
                "courier",
                "delivery",
                "overnight",
            ]
            .iter()
            .any(|w| contains_ignore_ascii_case(line, w)))
        || [
            "division of",
            "corporation finance",
            "division of corporation finance",
            "united states",
        ]
        .iter()
        .any(|w| line.eq_ignore_ascii_case(w))
        || (line.len() < 60
            && contains_ignore_ascii_case(line, "securities and exchange commission"))
}

fn is_sec_line(line: &str) -> bool {
    contains_ignore_ascii_case(line, "securities and exchange commission")
        || contains_ignore_ascii_case(line, "division of corporation finance")
}

/// Read the header of `lines` (already cleaned).
pub fn parse_header(lines: &[&str]) -> Header {
    let limit = lines.len().min(120);
    let salutation = lines[..limit].iter().position(|l| is_salutation(l));
    let re_line = lines[..salutation.unwrap_or(limit)]
        .iter()
        .position(|l| is_re_line(l));
    if re_line.is_none()
        && salutation.is_none()
        && let Some(caption) = caption(&lines[..limit])
    {
        return order_header(lines, caption);
    }
    let top_end = re_line.or(salutation).unwrap_or(0);
    // With no salutation read, the body starts with the first paragraph of prose after
    // the "Re:" block (else the letterhead and the "Re:" block were read as body).
    let body = match (salutation, re_line) {
        (Some(s), _) => Some(s + 1),
        (None, Some(re)) => opening_after(lines, re + 1, limit),
        (None, None) => None,
    };
    let header_end = salutation.or(body);
    let mut header = Header {
        body_start: body.unwrap_or(0),
        ..Header::default()
    };

    let date_line = read_date(&lines[..top_end], &mut header);

    let block: Vec<&str> = lines[..top_end]
        .iter()
        .enumerate()
        .filter(|(i, l)| !l.is_empty() && Some(*i) != date_line && !is_letterhead(l))
        .map(|(_, l)| *l)
        .collect();
    // The Commission's address stands after the date, above the "Re:" block or below it.
    let address_end = header_end.unwrap_or(top_end).max(top_end);
    header.addressed_to_sec = match date_line {
        Some(d) => lines[d + 1..address_end].iter().any(|l| is_sec_line(l)),
        None => false,
    };

    if let Some(re) = re_line {
        let block = read_re_block(&lines[re..header_end.unwrap_or(limit)]);
        header.company = block.company;
        header.companies = block.companies;
        header.subject = block.subject;
        header.file_number = block.file_number;
    }
    let to = Addressed {
        addressee: &mut header.addressee,
        company: &mut header.company,
        organisation: &mut header.organisation,
        companies: &mut header.companies,
        address: &mut header.address,
    };
    read_addressee(&block, header.addressed_to_sec, to);
    if header.addressed_to_sec
        && let Some(at) = salutation
    {
        header.greeted = greeted(&lines[..at], lines[at]);
    }
    header
}

/// The first line of the first paragraph of prose in `lines[from..limit]`: a line of
/// at least [`PROSE_WORDS`] words, most of them in lower case ("This letter responds
/// to…", "On behalf of Lark Widgets, Inc. (the “Company”), we…"), where the lines of a
/// "Re:" block are set in capitals ("Form 10-K for the Fiscal Year Ended…").
fn opening_after(lines: &[&str], from: usize, limit: usize) -> Option<usize> {
    let prose = |line: &str| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let small = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .count();
        words.len() >= PROSE_WORDS && 2 * small > words.len()
    };
    let mut at = (from..limit).find(|&i| prose(lines[i]))?;
    while at > from && !lines[at - 1].trim().is_empty() {
        at -= 1;
    }
    Some(at)
}

/// Words a line must have to be taken for prose by [`opening_after`].
const PROSE_WORDS: usize = 8;

/// The date of the top `lines`: the first that is not part of a "Filed ..." line, and
/// the index of its line.
fn read_date(lines: &[&str], header: &mut Header) -> Option<usize> {
    lines.iter().enumerate().find_map(|(i, line)| {
        let found = find_date(line).filter(|_| !FILED.is_match(line))?;
        header.date = Some(found.date);
        header.date_text = Some(line[found.start..found.end].to_string());
        Some(i)
    })
}

/// The header of a Commission order, read from its caption: the date above it, the
/// company it is in the matter of, its file number; the body starts after it.
fn order_header(lines: &[&str], caption: Caption<'_>) -> Header {
    let mut header = Header {
        body_start: caption.end,
        company: Some(caption.company.to_string()),
        companies: vec![caption.company.to_string()],
        ..Header::default()
    };
    read_date(&lines[..caption.end], &mut header);
    header.file_number = caption
        .filing
        .iter()
        .find_map(|l| FILE_NO.find(l))
        .map(|found| file_number_in(found).to_string());
    header.subject.lines = caption.filing.iter().map(|l| l.to_string()).collect();
    header
}

/// The period the filing covers and the date it was filed, from the "Re:" block's lines
/// after the company (`subject.lines`): what the full reading of a letter shows and a
/// brief does without.
pub fn read_period_and_filed(subject: &mut Subject) {
    for line in &subject.lines {
        if subject.period.is_none()
            && let Some(c) = PERIOD.captures(line)
        {
            subject.period = Some(title_case_period(&c[1]));
        }
        if subject.filed.is_none()
            && FILED.is_match(line)
            && let Some(found) = find_date(line)
        {
            subject.filed = Some(found.date.to_string());
        }
    }
}

/// "fiscal year ended December 31, 2015" → "Fiscal Year Ended December 31, 2015".
fn title_case_period(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn classic_header() {
        let mut h = parse_header(&lines(
            "DIVISION OF\nCORPORATION FINANCE\n\nNovember 17, 2014\n\nVia E-mail\n\nAda Lark\nChief Executive Officer\nLark Widgets, Inc.\n1 Main Street\nSpringfield\n\nRe: Lark Widgets, Inc.\nForm 20-F for the Fiscal Year Ended December 31, 2013\nFiled April 9, 2014\nFile No. 001-35126\n\nDear Ms. Lark:\nbody",
        ));
        assert_eq!(h.date.unwrap().to_string(), "2014-11-17");
        assert_eq!(h.addressee.name.as_deref(), Some("Ada Lark"));
        assert_eq!(
            h.addressee.title.as_deref(),
            Some("Chief Executive Officer")
        );
        assert_eq!(h.company.as_deref(), Some("Lark Widgets, Inc."));
        assert_eq!(h.address, vec!["1 Main Street", "Springfield"]);
        assert_eq!(h.subject.form.as_deref(), Some("20-F"));
        // The period and filing date are read in the full parse's second stage.
        assert_eq!(h.subject.period, None);
        read_period_and_filed(&mut h.subject);
        assert_eq!(
            h.subject.period.as_deref(),
            Some("Fiscal Year Ended December 31, 2013")
        );
        assert_eq!(h.subject.filed.as_deref(), Some("2014-04-09"));
        assert_eq!(h.file_number.as_deref(), Some("001-35126"));
        assert!(!h.addressed_to_sec);
        assert_eq!(h.body_start, 19);
    }

    #[test]
    fn forms_and_file_numbers_written_without_their_words() {
        let re = |block: &str| {
            parse_header(&lines(&format!(
                "May 2, 2019\n\nAda Lark\nLark Widgets, Inc.\n\nRe: Lark Widgets, Inc.\n\
                 {block}\n\nDear Ms. Lark:\nbody"
            )))
        };
        let cases = [
            (
                "Forms 10-K for the Fiscal Year Ended December 31, 2018\nFile Nos. 1-15891 and 1-36002",
                Some("10-K"),
                Some("1-15891"),
            ),
            (
                "10-K for Fiscal Year Ended December 31, 2018\nFiled February 22, 2019\nFile No. 1-09924",
                Some("10-K"),
                Some("1-09924"),
            ),
            (
                "Form 10-K for the Year Ended December 31, 2020\nFiled February 12, 2021\n001-04797",
                Some("10-K"),
                Some("001-04797"),
            ),
            // A registration statement's number is its file number.
            (
                "Registration Statement on Form S-3 (No. 333-224495)",
                Some("S-3"),
                Some("333-224495"),
            ),
            (
                "Request for Acceleration of Effectiveness of Registration Statement on Form S-4\n\
                 (Registration Statement No. 333-216489)",
                Some("S-4"),
                Some("333-216489"),
            ),
            // "No." before a number of another shape is none.
            ("Amendment No. 2 to Form S-1", Some("S-1"), None),
            // A filing date alone is neither.
            ("Filed February 12, 2021", None, None),
        ];
        for (block, form, number) in cases {
            let h = re(block);
            assert_eq!(h.company.as_deref(), Some("Lark Widgets, Inc."), "{block}");
            assert_eq!(h.subject.form.as_deref(), form, "{block}");
            assert_eq!(h.file_number.as_deref(), number, "{block}");
        }
    }

    /// Salutations as written and as mistyped end the header; a line that only starts
    /// like one does not.
    #[test]
    fn salutations_as_written_and_as_mistyped_are_read() {
        for line in [
            "Dear Mr. Chen:",
            "Ladies and Gentlemen:",
            "Ladies and Gentleman:",
            "Ladies & Gentlemen:",
            "Gentlemen:",
            "Sir or Madam:",
            "Dear Sir/Madam:",
            "Sirs:",
        ] {
            assert!(is_salutation(line), "{line}");
        }
        for line in [
            "Dearborn, Michigan 48126",
            "Sir Walter Holdings plc",
            "Gentle Giant Moving",
        ] {
            assert!(!is_salutation(line), "{line}");
        }
        // The body starts after a mistyped salutation, not at the letterhead.
        let h = parse_header(&lines(
            "Lark Widgets\nMay 27, 2016\nSecurities and Exchange Commission\nRe: Lark Widgets, Inc.\nForm 10-K\nLadies and Gentleman:\nWe respond.",
        ));
        assert_eq!(h.body_start, 6);
    }

    /// A letter with no salutation: its body starts with the first paragraph of prose
    /// after the "Re:" block, which holds the lines above it only.
    #[test]
    fn without_a_salutation_the_body_starts_with_the_first_prose() {
        let h = parse_header(&lines(
            "Lark Widgets\nMay 27, 2016\nSecurities and Exchange Commission\nRe: Lark Widgets, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2015\nFile No. 001-12345\n\nOn behalf of Lark Widgets, Inc. (the Company), we respond\nto the comments of the staff in its letter dated May 13, 2016.\n\n1. Please tell us more.",
        ));
        assert_eq!(h.body_start, 7);
        assert_eq!(h.company.as_deref(), Some("Lark Widgets, Inc."));
        assert_eq!(h.subject.form.as_deref(), Some("10-K"));
        assert_eq!(h.file_number.as_deref(), Some("001-12345"));
        // With neither a salutation nor prose after it, the body is the whole letter.
        let h = parse_header(&lines(
            "Re: Lark Widgets, Inc.\nForm 10-K\n\n1. Tell us more.",
        ));
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn response_letter_is_addressed_to_the_commission() {
        let h = parse_header(&lines(
            "Lark Widgets\nMay 27, 2016\nSecurities and Exchange Commission\nDivision of Corporation Finance\nAttn: Jim Rook, Staff Accountant\nRe: Lark Widgets, Inc.\nForm 10-K\nLadies and Gentlemen:",
        ));
        assert!(h.addressed_to_sec);
        assert_eq!(h.addressee.name.as_deref(), Some("Jim Rook"));
    }
}
