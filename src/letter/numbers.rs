//! Comment numbers at the start of a line (`1.`, `1)`, `(1)`, `4(a).`, and in response
//! letters `Comment 3:`), read cheaply: a byte test before each regex.

use regex::Regex;
use std::sync::LazyLock;

/// A comment number at the start of a line, alone or followed by white space; the
/// comment's text is the rest of the line. (Not captured: a capture of the rest makes
/// the regex engine walk the whole line.)
pub(super) static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\((\d{1,6})\)|(\d{1,6}(?:\([a-z]\))?)[.)])(?:\s+|$)").expect("number regex")
});

/// Whether `line` can start with a comment number (`\d` takes any Unicode digit, so
/// any non-ASCII first byte may): a cheap test before [`NUMBER`].
fn may_start_number(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'(' || !b.is_ascii())
}

/// Whether `line` starts with a comment number.
pub(super) fn is_number_line(line: &str) -> bool {
    may_start_number(line) && NUMBER.is_match(line)
}

/// A response letter's label before a restated comment: `Comment 3:`, `Staff comment
/// No. 3.`
pub(super) static COMMENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:staff\s+)?comment\s*(?:no\.?\s*)?(\d{1,3})\s*[.:]?\s*(.*)$")
        .expect("label regex")
});

/// The comment number a line starts with and the rest of the line (lowercase rest: not
/// a comment start); in a response letter also a `Comment N:` label.
pub(super) fn number_at(line: &str, response: bool) -> Option<(String, Option<String>)> {
    let first = line.bytes().next()?;
    if !(first.is_ascii_digit()
        || first == b'('
        || (response && matches!(first, b'C' | b'c' | b'S' | b's')))
    {
        return None;
    }
    if let Some(c) = NUMBER.captures(line) {
        let number = c.get(1).or(c.get(2))?.as_str().to_string();
        let rest = c
            .get(0)
            .map(|m| line[m.end()..].trim().to_string())
            .filter(|s| !s.is_empty());
        if rest
            .as_deref()
            .is_some_and(|r| r.starts_with(|ch: char| ch.is_lowercase()))
        {
            return None;
        }
        return Some((number, rest));
    }
    if response && let Some(c) = COMMENT_LABEL.captures(line) {
        let rest = Some(c[2].trim().to_string()).filter(|s| !s.is_empty());
        return Some((c[1].to_string(), rest));
    }
    None
}

/// The leading digits of a comment number (`4` of `4(a)`), 0 when there are none.
pub(super) fn leading_number(number: &str) -> u32 {
    number
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}
