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

/// Whether `line` can start with a comment number, as `\d` reads digits (any Unicode
/// decimal digit, and so a numeric character): a cheap test before a regex.
pub(super) fn may_start_number(line: &str) -> bool {
    line.bytes().next().is_some_and(|b| {
        b.is_ascii_digit()
            || b == b'('
            || (!b.is_ascii() && line.chars().next().is_some_and(char::is_numeric))
    })
}

/// Whether `line` starts with a comment number.
pub(super) fn is_number_line(line: &str) -> bool {
    may_start_number(line) && number_prefix(line).is_some()
}

/// How many bytes at the start of a line [`number_prefix`] reads by hand when all of
/// them are ASCII: a match's number (at most `(123456)` or `123456(a).`) and the
/// character after it.
const ASCII_HEAD: usize = 12;

/// A match of [`NUMBER`] at the start of `line`: the number it holds (its group) and
/// where the number ends (before the white space the match takes after it). A line
/// whose first bytes are ASCII, where `\d` is `[0-9]`, is read by hand (the regex
/// engine's set-up costs more than the few bytes it reads); others by the regex.
pub(super) fn number_prefix(line: &str) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if !bytes[..bytes.len().min(ASCII_HEAD)].is_ascii() {
        let found = NUMBER.find(line)?.as_str().trim_end();
        return Some((number_in(found), found.len()));
    }
    let digits = |from: usize| {
        let run = bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=6).contains(&run).then_some(run)
    };
    let (number, end) = match bytes.first() {
        Some(b'(') => {
            let run = digits(1)?;
            (bytes.get(1 + run) == Some(&b')')).then_some((1..1 + run, 2 + run))?
        }
        _ => {
            let mut at = digits(0)?;
            if let [b'(', b'a'..=b'z', b')', ..] = bytes[at..] {
                at += 3;
            }
            matches!(bytes.get(at), Some(b'.' | b')')).then_some((0..at, at + 1))?
        }
    };
    // `\s+` or the end of the line: the next character is white space, or none.
    let spaced = line[end..].chars().next().is_none_or(char::is_whitespace);
    spaced.then(|| (&line[number], end))
}

/// A response letter's label before a restated comment: `Comment 3:`, `Staff comment
/// No. 3.`, `Comment #3:`
pub(super) static COMMENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:staff\s+)?comment\s*(?:no\.?\s*|\#\s*)?(\d{1,3})\s*[.:]?\s*(.*)$")
        .expect("label regex")
});

/// A label that stands before a restated comment's own number, on its line: `COMMENT:
/// 3. We note…`, `SEC Comment – 3.`. Not a [`COMMENT_LABEL`], which numbers the
/// comment itself (a letter that numbers its restatements so numbers them only so): a
/// letter that puts `COMMENT:` on a line of its own over its other restatements'
/// numbers puts it here on one.
static LABEL_BEFORE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sec\s+)?(?:staff(?:'s|’s)?\s+)?comments?\s*[:\-–—]\s*")
        .expect("label regex")
});

/// Whether `line` is a response letter's comment label (see [`COMMENT_LABEL`]), after
/// a look at its first byte, which must start "comment" or "staff" (a byte outside ASCII
/// may start `ſ`, a case form of `s`).
pub(super) fn is_comment_label(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| matches!(b, b'C' | b'c' | b'S' | b's') || !b.is_ascii())
        && COMMENT_LABEL.is_match(line)
}

/// The comment number a line starts with and the rest of the line, both borrowed from
/// it (lowercase rest: not a comment start); in a response letter also a `Comment N:`
/// label. Most lines are told by their first byte here, without a call.
#[inline]
pub(super) fn number_at(line: &str, response: bool) -> Option<(&str, Option<&str>)> {
    let first = *line.as_bytes().first()?;
    let numbered = first.is_ascii_digit() || first == b'(';
    if !(numbered || (response && matches!(first, b'C' | b'c' | b'S' | b's'))) {
        return None;
    }
    read_number(line, numbered, response)
}

/// [`number_at`] past the look at the first byte (`numbered`: it is a digit or `(`,
/// with which every match of [`NUMBER`] starts).
fn read_number(line: &str, numbered: bool, response: bool) -> Option<(&str, Option<&str>)> {
    if numbered && let Some((number, end)) = number_prefix(line) {
        let rest = Some(line[end..].trim()).filter(|s| !s.is_empty());
        if rest.is_some_and(|r| r.starts_with(|ch: char| ch.is_lowercase())) {
            return None;
        }
        return Some((number, rest));
    }
    if response
        && let Some(label) = LABEL_BEFORE_NUMBER.find(line)
        && let Some((number, end)) = number_prefix(&line[label.end()..])
    {
        let rest = Some(line[label.end() + end..].trim()).filter(|s| !s.is_empty());
        if rest.is_some_and(|r| r.starts_with(|ch: char| ch.is_lowercase())) {
            return None;
        }
        return Some((number, rest));
    }
    if response && let Some(c) = COMMENT_LABEL.captures(line) {
        let rest = c
            .get(2)
            .map(|m| m.as_str().trim())
            .filter(|s| !s.is_empty());
        return Some((c.get(1).map_or("", |m| m.as_str()), rest));
    }
    None
}

/// The number a match of [`NUMBER`] holds (its first or second group, read without
/// the regex engine's captures): the digits of `(12)`, else what stands before the
/// closing `.` or `)` (`4(a)` of `4(a).`). Only the first form starts with `(`.
fn number_in(found: &str) -> &str {
    let found = found.trim_end();
    match found.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')').unwrap_or(inner),
        // The closing `.` or `)` is one byte.
        None => &found[..found.len() - 1],
    }
}

/// The leading digits of a comment number (`4` of `4(a)`), 0 when there are none (or
/// too many for a `u32`).
pub(super) fn leading_number(number: &str) -> u32 {
    let mut n: Option<u32> = None;
    for b in number.bytes().take_while(u8::is_ascii_digit) {
        let digit = u32::from(b - b'0');
        match n
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|n| n.checked_add(digit))
        {
            Some(next) => n = Some(next),
            None => return 0,
        }
    }
    n.unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_is_the_regex_group() {
        for line in [
            "1.",
            "12. Please",
            "(3) Tell us",
            "(45)",
            "4(a). Revise",
            "7) Provide",
            "8.\u{A0} x",
            "\u{663}. Arabic-Indic",
            "999999.\tTab",
        ] {
            let c = NUMBER.captures(line).expect(line);
            let group = c.get(1).or(c.get(2)).expect(line).as_str();
            assert_eq!(number_in(&c[0]), group, "{line}");
        }
    }

    #[test]
    fn the_number_prefix_is_the_regex_match() {
        // Every join of a few pieces: digits, brackets, marks, letters, white space
        // (ASCII and not), and digits outside ASCII, early and late in the line.
        let pieces = [
            "1", "12", "1234567", "(", ")", ".", "(a)", "(A)", "a", " ", "\t", "\u{B}", "\u{A0}",
            "\u{663}", "\u{2003}", "x", "\u{e9}",
        ];
        let mut lines = vec![String::new(), "12345678901(a). x".to_string()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", " ", "). tail", "\u{663}"] {
                        lines.push(format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
        for line in &lines {
            let expected = NUMBER.find(line).map(|m| {
                let found = m.as_str();
                (number_in(found), found.trim_end().len())
            });
            assert_eq!(number_prefix(line), expected, "{line:?}");
        }
    }

    #[test]
    fn a_label_before_a_restated_comments_number_is_read_past_in_responses() {
        assert_eq!(
            number_at("COMMENT: 3. We note your ratios.", true),
            Some(("3", Some("We note your ratios.")))
        );
        assert_eq!(
            number_at("Staff Comment – 12. Please revise.", true),
            Some(("12", Some("Please revise.")))
        );
        assert_eq!(
            number_at("SEC COMMENT: 5. We note the measure.", true),
            Some(("5", Some("We note the measure.")))
        );
        assert_eq!(number_at("Comment: 3. we note", true), None);
        assert_eq!(number_at("COMMENT: 3. We note your ratios.", false), None);
        // A label that numbers the comment itself is read as before.
        assert_eq!(
            number_at("Comment 4: Please revise.", true),
            Some(("4", Some("Please revise.")))
        );
        assert_eq!(number_at("Comment #4:", true), Some(("4", None)));
    }

    #[test]
    fn leading_numbers_parse_as_before() {
        for number in [
            "4(a)",
            "12",
            "",
            "x1",
            "0007",
            "4294967295",
            "4294967296",
            "99999999999",
        ] {
            let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
            assert_eq!(
                leading_number(number),
                digits.parse().unwrap_or(0),
                "{number}"
            );
        }
    }
}
