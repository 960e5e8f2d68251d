//! Putting the pieces together: bytes → [`Letter`].

use super::LetterError;
use super::body::parse_body;
use super::clean::clean_lines;
use super::closing::parse_closing;
use super::dates::add_business_days;
use super::decode::decode;
use super::header::parse_header;
use super::kind::Signals;
use super::model::{Kind, Letter};
use super::pagebreak::{HeaderVocabulary, remove_page_headers};
use regex::Regex;
use std::sync::LazyLock;

static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwithin\s+([a-z]+|\d{1,2})(?:\s+\(\d{1,2}\))?\s+business\s+days\b")
        .expect("due regex")
});

fn count_word(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    let words = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    words
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// Parse a letter from raw bytes.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Letter, LetterError> {
    let decoded = decode(bytes).ok_or_else(|| LetterError::Binary {
        file: file.to_string(),
    })?;
    let mut letter = Letter {
        file: file.to_string(),
        ..Letter::default()
    };
    if decoded.windows_1252 {
        letter
            .warnings
            .push("not UTF-8: read as Windows-1252".to_string());
    }
    if decoded.text.trim().is_empty() {
        letter
            .warnings
            .push("empty file: no comments found".to_string());
        return Ok(letter);
    }
    let mut lines = clean_lines(&decoded.text);
    let header = parse_header(&lines);
    letter.date = header.date.map(|d| d.to_string());
    letter.addressee = header.addressee.clone();
    letter.company = header.company.clone();
    letter.address = header.address.clone();
    letter.subject = header.subject.clone();
    letter.file_number = header.file_number.clone();

    let mut body_lines: Vec<String> = lines.split_off(header.body_start.min(lines.len()));
    let mut names: Vec<&str> = header.companies.iter().map(String::as_str).collect();
    if let Some(name) = header.addressee.name.as_deref() {
        names.push(name);
    }
    if header.addressed_to_sec {
        // A company's own page headers name the Commission.
        names.extend([
            "U.S. Securities and Exchange Commission",
            "Division of Corporation Finance",
        ]);
    }
    let vocab = HeaderVocabulary::new(&names, header.date_text.as_deref());
    remove_page_headers(&mut body_lines, &vocab);

    let prose: String = body_lines
        .iter()
        .filter(|l| !l.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let signals = Signals::read(header.addressed_to_sec, &prose);
    let early_kind = signals.kind(false);
    let response = early_kind == Kind::Response;
    let want_unnumbered = early_kind == Kind::Unknown;
    let body = parse_body(&body_lines, response, want_unnumbered);
    letter.kind = signals.kind(!body.comments.is_empty());
    letter.comments = body.comments;
    letter.warnings.extend(body.warnings);

    // The deadline is set in the opening paragraphs (or, in older letters, the closing
    // ones), never by a comment that quotes one.
    let closing_start = body.closing_start.min(body_lines.len());
    let intro = body_lines[..body.intro_end.min(body_lines.len())].join(" ");
    let outro = body_lines[closing_start..].join(" ");
    let closing = parse_closing(&body_lines[closing_start..]);
    letter.signatory = closing.signatory;
    letter.contacts = closing.contacts;
    letter.cc = closing.cc;

    if letter.kind != Kind::Response
        && let (Some(date), Some(c)) = (
            header.date,
            DUE.captures(&intro).or_else(|| DUE.captures(&outro)),
        )
        && let Some(n) = count_word(&c[1])
    {
        letter.response_due = Some(add_business_days(date, n).to_string());
    }
    if header.date.is_none() {
        letter.warnings.push("no letter date found".to_string());
    }
    if letter.comments.is_empty() && matches!(letter.kind, Kind::Unknown) {
        letter
            .warnings
            .push("no numbered comments found".to_string());
    }
    Ok(letter)
}
