//! Putting the pieces together: bytes → [`Letter`].

use super::brief::Brief;
use super::clean::CleanText;
use super::closing::{parse_closing, signed_by_office};
use super::comment_text::comments;
use super::dates::{add_business_days, iso};
use super::decode::decode;
use super::error::LetterError;
use super::header::{Header, parse_header, read_period_and_filed};
use super::keyed::may_hold;
use super::kind::Signals;
use super::model::{Asks, Effectiveness, Extension, Kind, Letter, Person, warns_windows_1252};
use super::named_company::{client_named, signing_company};
use super::outline::{Outline, labels_responses, outline};
use super::page_header_vocabulary::HeaderVocabulary;
use super::pagebreak::remove_page_headers;
use super::running_heads::{WINDOW, remove_repeated_letterhead, remove_running_heads};
use super::subject_filings::solicited_by_another;
use super::{effectiveness, extension};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// A deadline: "within ten business days" (its count read by [`due_count`]).
const DUE_PATTERN: &str = r"(?i)\bwithin\s+([a-z]+|\d{1,2})(?:\s+\(\d{1,2}\))?\s+business\s+days\b";
static DUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(DUE_PATTERN).expect("due regex"));

/// The count of a match of [`DUE_PATTERN`] (its group, read without the regex engine's
/// captures): the word after "within" (six ASCII bytes) and white space.
fn due_count(found: &str) -> &str {
    let rest = found["within".len()..].trim_start();
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..end]
}

/// What every reading of a letter needs, for a full parse as for a brief: the header,
/// the body lines without page headers, the kind, the comments' places and numbers, and
/// the deadline. The lines are borrowed from the [`Cleaned`] text.
pub(super) struct Reading<'t> {
    /// The bytes were not UTF-8 and were read as Windows-1252.
    windows_1252: bool,
    /// The top of the letter.
    pub(super) header: Header,
    /// The lines after the salutation, page headers blanked.
    pub(super) body_lines: Vec<&'t str>,
    /// The letter's kind.
    pub(super) kind: Kind,
    /// Where the comments stand and what they are numbered.
    pub(super) outline: Outline<'t>,
    /// The response letter's restated comments are labelled ("Comment 1").
    response: bool,
    /// When the response is due, ISO.
    response_due: Option<String>,
}

/// The text of a letter that is not empty, decoded and cleaned.
pub(super) struct Cleaned<'t> {
    /// The bytes were not UTF-8 and were read as Windows-1252.
    windows_1252: bool,
    /// The cleaned lines.
    text: CleanText<'t>,
}

/// The text of a letter, decoded (`Err` for binary content).
pub(super) enum Text<'t> {
    /// Nothing but white space.
    Empty { windows_1252: bool },
    /// Something to read.
    Read(Cleaned<'t>),
}

/// Stage one, first half: decode and clean.
pub(super) fn clean<'t>(file: &str, bytes: &'t [u8]) -> Result<Text<'t>, LetterError> {
    let decoded = decode(bytes).ok_or_else(|| LetterError::Binary {
        file: file.to_string(),
    })?;
    if decoded.text.trim().is_empty() {
        return Ok(Text::Empty {
            windows_1252: decoded.windows_1252,
        });
    }
    Ok(Text::Read(Cleaned {
        windows_1252: decoded.windows_1252,
        text: CleanText::of(decoded.text),
    }))
}

/// Stage one, second half: read the header, drop page headers, tell the kind and find
/// the comments and the deadline.
pub(super) fn read<'r>(cleaned: &'r Cleaned) -> Reading<'r> {
    let mut body_lines = cleaned.text.lines();
    let header = parse_header(&body_lines);
    let body_start = header.body_start.min(body_lines.len());
    // The letterhead: the first lines of the header.
    let top: Vec<&str> = body_lines[..body_start]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(WINDOW)
        .copied()
        .collect();
    body_lines.drain(..body_start);
    remove_page_headers(&mut body_lines, &vocabulary(&header));
    let page_starts: Vec<usize> = cleaned
        .text
        .page_starts()
        .iter()
        .filter_map(|s| s.checked_sub(body_start))
        .collect();
    remove_running_heads(&mut body_lines, &page_starts);
    if page_starts.is_empty() {
        remove_repeated_letterhead(&top, &mut body_lines);
    }
    let mut header = header;
    if header.company.is_none() {
        header.company = signing_company(&body_lines).or_else(|| client_named(&body_lines));
    }

    let signals = Signals::read(header.addressed_to_sec, &body_lines);
    let response = signals.response;
    // A letter of no known kind without numbered comments may hold one unnumbered request.
    // Which lines open with emphasis: only a response's restatements are told by it.
    let emphasis = if response {
        cleaned.text.emphasis()
    } else {
        Vec::new()
    };
    let emphasis = emphasis.get(body_start..).unwrap_or_default();
    let mut outline = outline(&body_lines, response, emphasis, || {
        signals.kind(false) == Kind::Unknown
    });
    if response && signals.request && !labels_responses(&body_lines) {
        outline = outline.without_comments();
    }
    let kind = signals.kind(!outline.numbers.is_empty());
    let response_due = match header.date {
        Some(date) if kind != Kind::Response => due_date(date, &body_lines, &outline),
        _ => None,
    };
    Reading {
        windows_1252: cleaned.windows_1252,
        header,
        body_lines,
        kind,
        outline,
        response,
        response_due,
    }
}

/// The words of the page headers a letter's body repeats: the companies and addressee
/// of its header, and its date.
fn vocabulary(header: &Header) -> HeaderVocabulary<'_> {
    // Room for the companies, the addressee's name and title and the Commission's two.
    let mut names: Vec<&str> = Vec::with_capacity(header.companies.len() + 4);
    names.extend(header.companies.iter().map(String::as_str));
    if let Some(name) = header.addressee.name.as_deref() {
        names.push(name);
    }
    // Older page headers give the addressee's title under the name.
    if let Some(title) = header.addressee.title.as_deref() {
        names.push(title);
    }
    if header.addressed_to_sec {
        // A company's own page headers name the Commission.
        names.extend([
            "U.S. Securities and Exchange Commission",
            "Division of Corporation Finance",
        ]);
    }
    HeaderVocabulary::new(&names, header.date_text.as_deref())
}

/// The deadline "within ten business days" sets, counted from the letter's `date`. It
/// is set in the opening paragraphs (or, in older letters, the closing ones), never by
/// a comment that quotes one. Paragraphs without the word "business" on any line are
/// neither joined nor searched (the word holds no space, so it never spans two lines).
fn due_date(date: NaiveDate, body_lines: &[&str], outline: &Outline) -> Option<String> {
    let closing_start = outline.closing_start.min(body_lines.len());
    let joined = |lines: &[&str]| {
        lines
            .iter()
            .any(|l| may_hold(l, "business"))
            .then(|| lines.join(" "))
    };
    let intro = joined(&body_lines[..outline.intro_end.min(body_lines.len())]);
    let outro = joined(&body_lines[closing_start..]);
    // A letter whose one request is not numbered sets the deadline in the request.
    let found = intro
        .as_deref()
        .and_then(|t| DUE.find(t))
        .or_else(|| DUE.find(outro.as_deref()?))
        .or_else(|| DUE.find(outline.unnumbered_text()?))?;
    let n = crate::text::count_value(due_count(found.as_str()))?;
    Some(iso(add_business_days(date, n)))
}

/// The warnings of a letter whose text is empty or was read: decoding, the body's, and
/// what is missing.
fn warnings(windows_1252: bool, reading: Option<&Reading>) -> Vec<String> {
    let mut warnings = Vec::new();
    if windows_1252 {
        warnings.push("not UTF-8: read as Windows-1252".to_string());
    }
    let Some(r) = reading else {
        warnings.push("empty file: no comments found".to_string());
        return warnings;
    };
    warnings.extend(r.outline.warnings.iter().cloned());
    if r.header.date.is_none() {
        warnings.push("no letter date found".to_string());
    }
    if r.outline.numbers.is_empty() && matches!(r.kind, Kind::Unknown) {
        warnings.push("no numbered comments found".to_string());
    }
    warnings
}

/// What a company letter restating no comment asks of the staff: more time to
/// respond, else a registration statement declared effective (neither for other
/// letters).
fn requests_of(r: &Reading) -> (Option<Extension>, Option<Effectiveness>) {
    if r.kind != Kind::Response || !r.outline.numbers.is_empty() {
        return (None, None);
    }
    let body = r.body_lines.join(" ");
    match extension::asked(&body, r.header.date) {
        Some(extension) => (Some(extension), None),
        None => (None, effectiveness::asked(&body, r.header.date)),
    }
}

/// Parse a letter from raw bytes.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Letter, LetterError> {
    let cleaned = match clean(file, bytes)? {
        Text::Empty { windows_1252 } => {
            return Ok(Letter {
                file: file.to_string(),
                warnings: warnings(windows_1252, None),
                ..Letter::default()
            });
        }
        Text::Read(cleaned) => cleaned,
    };
    let r = read(&cleaned);
    let warnings = warnings(r.windows_1252, Some(&r));
    let comments = comments(&r.body_lines, r.response, &r.outline);
    let closing_start = r.outline.closing_start.min(r.body_lines.len());
    let mut closing = parse_closing(&r.body_lines[closing_start..]);
    if closing.signatory == Person::default()
        && let Some(office) = signed_by_office(&r.body_lines)
    {
        closing.signatory = office;
    }
    let (extension, effectiveness) = requests_of(&r);
    let mut header = r.header;
    read_period_and_filed(&mut header.subject);
    let respondent = header
        .organisation
        .filter(|_| solicited_by_another(&header.subject));
    Ok(Letter {
        file: file.to_string(),
        kind: r.kind,
        date: header.date.map(iso),
        addressee: header.addressee,
        company: header.company,
        respondent,
        address: header.address,
        subject: header.subject,
        file_number: header.file_number,
        comments,
        signatory: closing.signatory,
        contacts: closing.contacts,
        cc: closing.cc,
        response_due: r.response_due,
        extension,
        effectiveness,
        greeted: header.greeted,
        warnings,
    })
}

/// The brief of a letter from raw bytes: stage one of `parse` without the comments'
/// text, headings and pages, nor the closing. Equal to `Brief::of(&parse(file, bytes)?)`.
pub fn brief(file: &str, bytes: &[u8]) -> Result<Brief, LetterError> {
    let cleaned = match clean(file, bytes)? {
        Text::Empty { windows_1252 } => {
            let warnings = warnings(windows_1252, None);
            return Ok(Brief {
                windows_1252: warns_windows_1252(&warnings),
                warnings: warnings.len(),
                ..Brief::default()
            });
        }
        Text::Read(cleaned) => cleaned,
    };
    let r = read(&cleaned);
    // As `Letter::is_windows_1252`, which reads the warnings (and a restart warning
    // quotes a heading, which might say anything).
    let warnings = warnings(r.windows_1252, Some(&r));
    let windows_1252 = warns_windows_1252(&warnings);
    let (extension, effectiveness) = requests_of(&r);
    let asks = Asks::of(extension.is_some(), effectiveness.is_some());
    let header = r.header;
    Ok(Brief {
        kind: r.kind,
        date: header.date.map(iso),
        company: header.company,
        form: header.subject.form,
        file_number: header.file_number,
        response_due: r.response_due,
        numbers: r.outline.numbers,
        asks,
        windows_1252,
        warnings: warnings.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_due_count_is_the_regex_group() {
        let whole = regex::Regex::new(DUE_PATTERN).unwrap();
        let text = "within ten business days, WITHIN\u{A0}10 (10) business days, \
                    within \u{17F}ix\u{2003}business days, within 5\tbusiness days";
        let groups: Vec<&str> = whole
            .captures_iter(text)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        let counts: Vec<&str> = DUE.find_iter(text).map(|m| due_count(m.as_str())).collect();
        assert_eq!(groups.len(), 4);
        assert_eq!(counts, groups);
    }
}
