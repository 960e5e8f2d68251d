//! The top of a letter: date, addressee block, the "Re:" block and the salutation.

use super::addressee::{Addressed, read_addressee};
use super::commission_order::{Caption, caption};
use super::dates::find_date;
use super::keyed::{AfterKey, AtKeys, KeyedRegex};
use super::model::{Person, Subject};
use super::phrases::{contains_ignore_ascii_case, find_ignore_ascii_case, starts_with_any};
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
    /// Index of the first line after the salutation.
    pub body_start: usize,
}

static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(dear\s.{1,80}|ladies and gentlemen|gentlemen|to whom it may concern|sir or madam)\s*[:,;.]?$")
        .expect("salutation regex")
});
static RE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:re|subject)\s*:\s*(.*)$").expect("re regex"));

/// "Re: …", "Subject: …" (a look at the first byte and for the colon first: `s` has a
/// non-ASCII case form), or "Re" with no colon before a capital or a digit ("Re Meta
/// Platforms, Inc.", as some law firms set it, the word in a column of its own).
fn is_re_line(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'r' | b's') || !b.is_ascii())
        && (line.contains(':') && RE_LINE.is_match(line) || bare_re(line).is_some())
}

/// The text after a "Re" with no colon: "Re" or "RE", white space, then a capital or a
/// digit.
fn bare_re(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("Re")
        .or_else(|| line.strip_prefix("RE"))?;
    let text = rest.trim_start();
    let spaced = text.len() < rest.len();
    let starts = text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (spaced && starts).then_some(text.trim_end())
}

/// The trimmed text after the colon of a line [`is_re_line`] accepts (the words before
/// it hold none): the regex's group, read without the regex engine's captures; after
/// the "Re" of a line with no colon after it.
fn re_line_text(line: &str) -> &str {
    match bare_re(line) {
        Some(text) if !RE_LINE.is_match(line) => text,
        _ => line.split_once(':').map_or("", |(_, text)| text.trim()),
    }
}
/// "File No. 001-35126" (its group: the number).
const FILE_NO_PATTERN: &str =
    r"(?i)\bFile\s+(?:No|Number)s?\.?\s*:?\s*([0-9]{1,4}-[0-9]{3,8}(?:-[0-9]+)?)";
static FILE_NO: LazyLock<AtKeys> =
    LazyLock::new(|| AtKeys::new(FILE_NO_PATTERN, &["file"], AfterKey::Space));
/// A registration statement's number, which is its file number: "Registration Statement
/// No. 333-216489", "Registration No. 333-…", "Form S-3 (No. 333-224495)" (from its "No"
/// on: the words before it hold no digit).
static REGISTRATION_NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bRegistration(?:\s+Statement)?\s+|\()No\.?\s*:?\s*[0-9]{1,4}-[0-9]{3,8}\b")
        .expect("registration number regex")
});
/// "Form 10-K", "Forms 10-K", "Schedule 13D/A" (its group: the form).
const FORM_PATTERN: &str =
    r"(?i)\b(?:Forms?|Schedule)\s+([0-9A-Z]{1,5}(?:-[0-9A-Z]{1,4})?(?:/A)?)\b";
static FORM: LazyLock<AtKeys> = LazyLock::new(|| {
    AtKeys::new(
        FORM_PATTERN,
        &["form", "forms", "schedule"],
        AfterKey::Space,
    )
});
/// A "Re:" item that starts with the form's code and no "Form" before it ("10-K for
/// Fiscal Year Ended…", "20-F/A"), or that is the file number alone ("001-04797").
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<form>(?:\d{1,2}-[A-Z]{1,2}|[SF]-\d{1,2})(?:/A)?)(?:\s|$)|(?P<number>\d{1,4}-\d{3,8}(?:-\d+)?)$)")
        .expect("bare form or file number regex")
});
static PERIOD: LazyLock<KeyedRegex> = LazyLock::new(|| {
    KeyedRegex::new(
        r"(?i)\bfor\s+(?:the\s+)?((?:fiscal\s+)?(?:year|quarter|period|transition period)\s+ended\s+[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})",
        &["ended"],
    )
});
static FILED: LazyLock<AtKeys> = LazyLock::new(|| {
    AtKeys::new(
        r"(?i)\b(?:filed|submitted|furnished)\b",
        &["filed", "submitted", "furnished"],
        AfterKey::WordEnd,
    )
});

/// "Dear Mr. Chen:", "Ladies and Gentlemen:" (a cheap look at the first letters first).
fn is_salutation(line: &str) -> bool {
    line.as_bytes().get(..4).is_some_and(|head| {
        [b"dear", b"ladi", b"gent", b"to w", b"sir "]
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
    let mut header = Header {
        body_start: salutation.map_or(0, |s| s + 1),
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
    let address_end = salutation.unwrap_or(top_end).max(top_end);
    header.addressed_to_sec = match date_line {
        Some(d) => lines[d + 1..address_end].iter().any(|l| is_sec_line(l)),
        None => false,
    };

    if let Some(re) = re_line {
        read_re_block(&lines[re..salutation.unwrap_or(limit)], &mut header);
    }
    let to = Addressed {
        addressee: &mut header.addressee,
        company: &mut header.company,
        companies: &mut header.companies,
        address: &mut header.address,
    };
    read_addressee(&block, header.addressed_to_sec, to);
    header
}

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

/// One item of the "Re:" block: its text, and what it says of the filing (each
/// regex run once on it).
struct Item<'l> {
    text: &'l str,
    /// A match of [`FORM`].
    form: Option<&'l str>,
    /// The form's code the item starts with, with no "Form" before it ([`BARE`]).
    code: Option<&'l str>,
    /// A match of [`FILE_NO`], or the file number alone ([`BARE`]).
    file_number: Option<&'l str>,
    /// It names the filing (a form, a date filed, a file number…), not a company.
    filing: bool,
}

impl<'l> Item<'l> {
    fn read(text: &'l str) -> Item<'l> {
        let form = FORM.find(text);
        let bare = text
            .starts_with(|c: char| c.is_ascii_digit() || c == 'S' || c == 'F')
            .then(|| BARE.captures(text))
            .flatten();
        let part = |name| Some(bare.as_ref()?.name(name)?.as_str());
        let code = part("form");
        let file_number = FILE_NO
            .find(text)
            .or_else(|| part("number"))
            .or_else(|| Some(REGISTRATION_NO.find(text)?.as_str()));
        let filing = form.is_some()
            || code.is_some()
            || FILED.is_match(text)
            || file_number.is_some()
            || starts_with_any(text, &["cik", "amendment"])
            || contains_ignore_ascii_case(text, "registration statement");
        Item {
            text,
            form,
            code,
            file_number,
            filing,
        }
    }
}

fn read_re_block(lines: &[&str], header: &mut Header) {
    let mut items: Vec<Item> = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        let text = if i == 0 { re_line_text(line) } else { line };
        if !text.is_empty() {
            items.push(Item::read(text));
        }
    }
    let mut rest = items.as_slice();
    if let Some(first) = items.first() {
        let company = if first.filing {
            company_before_filing(first.text)
        } else {
            rest = &items[1..];
            Some(first.text)
        };
        if let Some(company) = company {
            header.company = Some(company.to_string());
            header.companies.push(company.to_string());
        }
    }
    for item in rest {
        if !item.filing && !header.companies.iter().any(|c| c == item.text) {
            header.companies.push(item.text.to_string());
        }
    }
    let subject = &mut header.subject;
    subject.lines = rest.iter().map(|item| item.text.to_string()).collect();
    subject.form = rest
        .iter()
        .find_map(|item| item.form)
        .map(|found| {
            let schedule = found
                .as_bytes()
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"schedule"));
            let word = if schedule { "Schedule " } else { "" };
            format!("{word}{}", form_in(found))
        })
        .or_else(|| rest.iter().find_map(|item| item.code).map(str::to_string));
    header.file_number = rest
        .iter()
        .find_map(|item| item.file_number)
        .map(|found| file_number_in(found).to_string());
}

/// The company a "Re:" line names before the filing on the same line ("Aon plc Form
/// 10-K", "Square, Inc. Form 10-Q for…", "Huntington Bancshares Incorporated (File No.
/// 001-34073)"): the words before the form, "Registration Statement" or the file
/// number, when they read as a name: capitalised words, but "and", "of", "the", "&" and
/// a legal form in lower case ("plc") inside. A subject in words ("Annual Report on
/// Form 10-K", "Request for Acceleration of…", "SEC Comment Letter Form 10-K") names no
/// company.
fn company_before_filing(text: &str) -> Option<&str> {
    let form = FORM
        .find(text)
        .map(|found| found.as_ptr() as usize - text.as_ptr() as usize);
    let cut = [
        form,
        find_ignore_ascii_case(text, "registration statement"),
        find_ignore_ascii_case(text, "(file no"),
        find_ignore_ascii_case(text, "file no"),
    ]
    .into_iter()
    .flatten()
    .min()?;
    let name = text[..cut].trim_end_matches([' ', ',', ';', ':', '-', '–', '(']);
    let words: Vec<&str> = name.split_whitespace().collect();
    let inside = |w: &&str| matches!(*w, "and" | "of" | "the" | "&" | "plc" | "de");
    let named = words
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.last().is_some_and(|w| !inside(w) || *w == "plc")
        && words
            .iter()
            .all(|w| !w.starts_with(char::is_lowercase) || inside(w))
        && !words.iter().any(|w| {
            ["letter", "comment", "comments", "response", "staff", "sec"]
                .iter()
                .any(|subject| w.eq_ignore_ascii_case(subject))
        });
    named.then_some(name)
}

/// The form a match of [`FORM`] names (its group, read without the regex engine's
/// captures): what follows the white space after "Form" or "Schedule".
fn form_in(found: &str) -> &str {
    let word_end = found.find(char::is_whitespace).unwrap_or(found.len());
    found[word_end..].trim_start()
}

/// The file number a match of [`FILE_NO`] holds (its group): from its first ASCII digit
/// on, as the words and marks before the number hold none.
fn file_number_in(found: &str) -> &str {
    let start = found
        .bytes()
        .position(|b| b.is_ascii_digit())
        .unwrap_or(found.len());
    &found[start..]
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

    #[test]
    fn the_re_line_text_is_the_regex_group() {
        for line in [
            "Re: Acme Corp",
            "RE:Acme: Form 10-K",
            "Subject :  Lark Widgets, Inc. ",
            "\u{17F}ubject:\u{A0}Zed Co.\r",
            "re\t:",
            "Re: a: b",
        ] {
            assert!(is_re_line(line), "{line:?}");
            let group = RE_LINE.captures(line).unwrap().get(1).unwrap().as_str();
            assert_eq!(re_line_text(line), group.trim(), "{line:?}");
        }
        for (line, text) in [
            ("Re Lark Widgets, Inc.", "Lark Widgets, Inc."),
            ("RE\tForm 10-K: Lark Widgets", "Form 10-K: Lark Widgets"),
            ("Re 333-271234 ", "333-271234"),
        ] {
            assert!(is_re_line(line), "{line:?}");
            assert_eq!(re_line_text(line), text, "{line:?}");
        }
        for line in [
            "Regarding the filing",
            "Re: ",
            "Reston, Virginia",
            "Re the filing",
            "Re",
        ] {
            assert!(bare_re(line).is_none(), "{line:?}");
        }
    }

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

    #[test]
    fn a_company_named_before_the_filing_on_the_re_line() {
        let cases = [
            ("Quarry Lane plc Form 10-K", Some("Quarry Lane plc")),
            (
                "Osprey Quarries, Inc. Form 10-Q for the Quarter Ended March 31, 2018",
                Some("Osprey Quarries, Inc."),
            ),
            (
                "Bank of Harrowgate Corporation (File No. 001-34073)",
                Some("Bank of Harrowgate Corporation"),
            ),
            (
                "Kittiwake Inc., Kittiwake Finance LLC and Guarantors Registration Statement \
                 on Form S-4",
                Some("Kittiwake Inc., Kittiwake Finance LLC and Guarantors"),
            ),
            ("Annual Report on Form 10-K", None),
            ("SEC Comment Letter Form 10-K", None),
            ("Response to Staff Comments Form 10-Q", None),
            (
                "Request for Acceleration of Effectiveness of Registration Statement on Form S-4",
                None,
            ),
            (
                "Form 10-K for the Fiscal Year Ended December 31, 2024",
                None,
            ),
        ];
        for (line, company) in cases {
            assert_eq!(company_before_filing(line), company, "{line}");
        }
    }

    #[test]
    fn groups_are_read_as_the_regex_captures_them() {
        let lines = [
            "Form 10-K for the Fiscal Year Ended December 31, 2013",
            "Amendment No. 2 to SCHEDULE 13D/A",
            "Form\u{A0}\u{2003}20-F",
            "\u{17F}chedule TO-T",
            "Form s-4/A",
            "File No. 001-35126",
            "File Numbers: 333-12345-01",
            "file\u{2003}number 0-1234 and File No. 2-3456",
        ];
        let (form, file_no) = (
            Regex::new(FORM_PATTERN).unwrap(),
            Regex::new(FILE_NO_PATTERN).unwrap(),
        );
        let mut seen = 0;
        for line in lines {
            if let Some(m) = FORM.find(line) {
                let c = form.captures(line).expect(line);
                assert_eq!(form_in(m), &c[1], "{line}");
                seen += 1;
            }
            if let Some(m) = FILE_NO.find(line) {
                let c = file_no.captures(line).expect(line);
                assert_eq!(file_number_in(m), &c[1], "{line}");
                seen += 1;
            }
        }
        assert_eq!(seen, lines.len());
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
