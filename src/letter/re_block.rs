//! The "Re:" block of a letter's header: the line that opens it ("Re:", "Subject:", a
//! law firm's "Re" with no colon), and what each of its items says of the filing: the
//! form, the file number (or the registration statement's number), a date filed, and
//! the company named before them.

use super::keyed::{AfterKey, AtKeys};
use super::model::Subject;
use super::phrases::{contains_ignore_ascii_case, find_ignore_ascii_case, starts_with_any};
use regex::Regex;
use std::sync::LazyLock;

/// "Filed", "Submitted", "Furnished": a date that dates the filing, not the letter.
pub(super) static FILED: LazyLock<AtKeys> = LazyLock::new(|| {
    AtKeys::new(
        r"(?i)\b(?:filed|submitted|furnished)\b",
        &["filed", "submitted", "furnished"],
        AfterKey::WordEnd,
    )
});
static RE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:re|subject)\s*:\s*(.*)$").expect("re regex"));

/// "Re: …", "Subject: …" (a look at the first byte and for the colon first: `s` has a
/// non-ASCII case form), or "Re" with no colon before a capital or a digit ("Re Meta
/// Platforms, Inc.", as some law firms set it, the word in a column of its own).
pub(super) fn is_re_line(line: &str) -> bool {
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
pub(super) static FILE_NO: LazyLock<AtKeys> =
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

/// What a line of a "Re:" block says of the filing, each pattern run once on it.
pub(super) struct SubjectLine {
    /// It names a filing (a form, a date filed, a file number…), not a company.
    pub filing: bool,
    /// It starts with a form's code and no "Form" before it ("10-K for Fiscal Year
    /// Ended…").
    pub bare_form: bool,
}

/// Read a line of a "Re:" block as [`SubjectLine`] says.
pub(super) fn subject_line(line: &str) -> SubjectLine {
    let item = Item::read(line);
    SubjectLine {
        filing: item.filing,
        bare_form: item.code.is_some() && item.form.is_none(),
    }
}

/// What a "Re:" block says of the letter.
#[derive(Debug, Default)]
pub(super) struct ReBlock {
    /// The company it names first.
    pub company: Option<String>,
    /// Every company it names.
    pub companies: Vec<String>,
    /// The filing: form and lines (period and date filed are read later).
    pub subject: Subject,
    /// The file number.
    pub file_number: Option<String>,
}

/// `name` without the term a company's letter defines for it after its name ("BB&T
/// Corporation (the “Company”)", "Lark Widgets, Inc. (“Lark” or the “Company”)").
fn without_defined_term(name: &str) -> &str {
    let trimmed = name.trim_end();
    if let Some(open) = trimmed.rfind('(')
        && trimmed.ends_with(')')
        && trimmed[open..].contains(['"', '“', '”'])
        && open > 0
    {
        return trimmed[..open].trim_end();
    }
    name
}

/// Read the "Re:" block of `lines` (from its "Re:" line to the salutation).
pub(super) fn read_re_block(lines: &[&str]) -> ReBlock {
    let mut block = ReBlock::default();
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
        if let Some(company) = company.map(without_defined_term) {
            block.company = Some(company.to_string());
            block.companies.push(company.to_string());
        }
    }
    for item in rest {
        if !item.filing && !block.companies.iter().any(|c| c == item.text) {
            block.companies.push(item.text.to_string());
        }
    }
    let subject = &mut block.subject;
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
    block.file_number = rest
        .iter()
        .find_map(|item| item.file_number)
        .map(|found| file_number_in(found).to_string());
    block
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

/// Whether a line of the "Re:" block only numbers the filing or the filer: "File No.
/// 001-35126", "SEC File No. 5-42000", "File Nos. 333-1 and 333-2", "001-04797",
/// "CIK 0001811074" (a draft registration statement's, which has no file number yet).
/// A sentence naming the filing in words leaves such a line out.
pub(super) fn only_numbers_the_filing(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "sec",
        "commission",
        "file",
        "no",
        "nos",
        "number",
        "numbers",
        "cik",
        "and",
        "#",
    ];
    let mut numbers = 0;
    let mut keyed = false;
    for token in line.split_whitespace() {
        let token = token.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':' | '(' | ')'));
        let lower = token.to_ascii_lowercase();
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            numbers += usize::from(token.bytes().any(|b| b.is_ascii_digit()));
        } else if WORDS.contains(&lower.as_str()) {
            keyed |= matches!(lower.as_str(), "file" | "cik");
        } else if !token.is_empty() {
            return false;
        }
    }
    numbers > 0
        && (keyed
            || BARE
                .captures(line.trim())
                .is_some_and(|c| c.name("number").is_some()))
}

/// The file number a match of [`FILE_NO`] holds (its group): from its first ASCII digit
/// on, as the words and marks before the number hold none.
pub(super) fn file_number_in(found: &str) -> &str {
    let start = found
        .bytes()
        .position(|b| b.is_ascii_digit())
        .unwrap_or(found.len());
    &found[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_company_is_named_without_the_term_its_letter_defines() {
        let block = read_re_block(&[
            "Re: Lark Widgets Corporation (the “Company”)",
            "Registration Statement on Form S-3",
        ]);
        assert_eq!(block.company.as_deref(), Some("Lark Widgets Corporation"));
        for (name, company) in [
            (
                "Lark Widgets, Inc. (\"Lark\" or the \"Company\")",
                "Lark Widgets, Inc.",
            ),
            (
                "Ostrava Holdings (Bermuda) Ltd.",
                "Ostrava Holdings (Bermuda) Ltd.",
            ),
            ("Harlow Trust (Series A)", "Harlow Trust (Series A)"),
        ] {
            assert_eq!(without_defined_term(name), company);
        }
    }

    #[test]
    fn lines_that_only_number_the_filing() {
        for line in [
            "File No. 001-35126",
            "SEC File No. 5-42000",
            "File Nos. 333-216489 and 333-216489-01",
            "001-04797",
            "CIK 0001811074",
            "Commission File Number: 1-16407",
        ] {
            assert!(only_numbers_the_filing(line), "{line:?}");
        }
        for line in [
            "Form 10-K for the Fiscal Year Ended December 31, 2024",
            "Filed February 13, 2025",
            "Registration Statement on Form S-4, File No. 333-278812",
            "Exhibit Nos. 10.4, 10.9 and 10.10",
            "2024",
            "No. 5",
        ] {
            assert!(!only_numbers_the_filing(line), "{line:?}");
        }
    }

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
}
