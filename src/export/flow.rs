//! Running text as blocks: paragraphs (lines kept as typed) and lists (items with
//! their markers as typed). Responses and restated comments are both read this way.

use std::sync::LazyLock;

use regex::Regex;

use super::escape::sanitize;

/// One block of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// A paragraph: its lines, each trimmed, shown with line breaks between them.
    Paragraph(Vec<String>),
    /// A list: its items, in order.
    List(Vec<Item>),
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The marker as typed: `-`, `•`, `1.`, `2)`, `(a)`, `iv.`.
    pub marker: String,
    /// What kind of marker it is.
    pub kind: Marker,
    /// The item's text: the rest of its first line, then any indented continuation
    /// lines, each trimmed.
    pub lines: Vec<String>,
}

/// The kind of a list marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A bullet: `-`, `*`, `+`, `•` and the like.
    Bullet,
    /// A number with `.` or `)`: `1.`, `12)`.
    Number(u32),
    /// Anything else: `(a)`, `a.`, `iv)`, `(3)`, and the sub-item of a comment,
    /// `1.a`, `1(a)`, `2.b.`, `(a)(i)`.
    Other,
}

/// The bullet characters that start a list item when followed by whitespace.
const BULLETS: &[char] = &[
    '-', '*', '+', '•', '◦', '▪', '▫', '‣', '⁃', '·', '–', '—', '\u{f0b7}', '\u{f0a7}',
];

/// Splits `text` into paragraphs and lists. Blank lines separate blocks; a line that
/// starts with a list marker followed by whitespace and text is an item; an indented
/// line after an item continues it; other lines are paragraph lines. Lines are
/// trimmed; the text is [`sanitize`]d first.
pub fn parse(text: &str) -> Vec<Flow> {
    let text = sanitize(text);
    let mut flows: Vec<Flow> = Vec::new();
    // Whether the last flow may still take lines (false after a blank line).
    let mut open = false;
    for line in text.split('\n') {
        let content = line.trim();
        if content.is_empty() {
            open = false;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if let Some((marker, kind, rest)) = split_marker(content) {
            let item = Item {
                marker: marker.to_owned(),
                kind,
                lines: vec![rest.to_owned()],
            };
            match flows.last_mut() {
                Some(Flow::List(items)) if open => items.push(item),
                _ => flows.push(Flow::List(vec![item])),
            }
        } else {
            match flows.last_mut() {
                Some(Flow::List(items)) if open && indented => {
                    if let Some(item) = items.last_mut() {
                        item.lines.push(content.to_owned());
                    }
                }
                Some(Flow::Paragraph(lines)) if open => lines.push(content.to_owned()),
                _ => flows.push(Flow::Paragraph(vec![content.to_owned()])),
            }
        }
        open = true;
    }
    flows
}

/// The marker at the start of a trimmed line, its kind and the text after it, when
/// the marker is followed by whitespace and some text.
fn split_marker(line: &str) -> Option<(&str, Marker, &str)> {
    let end = marker_end(line)?;
    let (marker, rest) = line.split_at(end);
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    let kind = if marker.chars().count() == 1 && marker.starts_with(BULLETS) {
        Marker::Bullet
    } else if let Some(number) = marker
        .strip_suffix(['.', ')'])
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse().ok())
    {
        Marker::Number(number)
    } else {
        Marker::Other
    };
    Some((marker, kind, rest))
}

/// A comment's sub-item as a draft names it: `1.a`, `1.a.`, `1(a)`, `1(a)(ii)`,
/// `(a)(i)`.
static SUB_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}(?:\.[a-z]|\([a-z]\))(?:\([ivx]{1,5}\))?\.?|\([a-z]\)\([ivx]{1,5}\))")
        .expect("sub-item regex")
});

/// The byte length of a list marker at the start of `line`, if it has one.
fn marker_end(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    if BULLETS.contains(&first) {
        return Some(first.len_utf8());
    }
    if let Some(found) = SUB_ITEM.find(line) {
        return Some(found.end());
    }
    // "(a)", "(12)", "(iv)", "(A)"
    if let Some(inner) = line.strip_prefix('(') {
        let len = inner
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let label = &inner[..len];
        if inner.as_bytes().get(len) == Some(&b')') && is_label(label, true) {
            return Some(len + 2);
        }
        return None;
    }
    // "1.", "12)", "a.", "iv)"
    let len = line
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let label = &line[..len];
    if matches!(line.as_bytes().get(len), Some(b'.' | b')')) && is_label(label, false) {
        return Some(len + 1);
    }
    None
}

/// Whether `label` can number a list item: up to 9 digits, one lowercase letter, or a
/// lowercase roman numeral up to 3999; inside parentheses also one uppercase letter
/// or an uppercase roman numeral.
fn is_label(label: &str, parenthesized: bool) -> bool {
    if label.is_empty() {
        return false;
    }
    if label.len() <= 9 && label.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let lower = label.bytes().all(|b| b.is_ascii_lowercase());
    let upper = label.bytes().all(|b| b.is_ascii_uppercase());
    if !(lower || (parenthesized && upper)) {
        return false;
    }
    label.len() == 1 || is_roman(&label.to_ascii_lowercase())
}

/// Whether `s` (lowercase) is a well-formed roman numeral.
fn is_roman(s: &str) -> bool {
    let mut rest = s;
    for group in [
        &["mmm", "mm", "m"][..],
        &["cm", "dccc", "dcc", "dc", "d", "cd", "ccc", "cc", "c"],
        &["xc", "lxxx", "lxx", "lx", "l", "xl", "xxx", "xx", "x"],
        &["ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i"],
    ] {
        if let Some(found) = group.iter().find(|g| rest.starts_with(**g)) {
            rest = &rest[found.len()..];
        }
    }
    rest.is_empty() && !s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: &[&str]) -> Flow {
        Flow::Paragraph(lines.iter().map(|s| s.to_string()).collect())
    }

    fn item(marker: &str, kind: Marker, lines: &[&str]) -> Item {
        Item {
            marker: marker.to_owned(),
            kind,
            lines: lines.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_keep_their_lines() {
        let flows = parse("One\ntwo  \n\n \n  Three\r\n");
        assert_eq!(flows, [para(&["One", "two"]), para(&["Three"])]);
        assert!(parse(" \n\n").is_empty());
    }

    #[test]
    fn lists_after_a_paragraph_line_and_continuations() {
        let flows =
            parse("We will:\n- revise the table;\n  and the notes\n- add a column.\nThanks.");
        assert_eq!(
            flows,
            [
                para(&["We will:"]),
                Flow::List(vec![
                    item("-", Marker::Bullet, &["revise the table;", "and the notes"]),
                    item("-", Marker::Bullet, &["add a column."]),
                ]),
                para(&["Thanks."]),
            ]
        );
    }

    #[test]
    fn markers_of_every_kind() {
        let flows = parse("1. one\n2) two\n(a) a\nb. b\niv. four\n(B) B\n• dot\n\u{f0b7} pua");
        let Flow::List(items) = &flows[0] else {
            panic!("{flows:?}")
        };
        let got: Vec<_> = items.iter().map(|i| (i.marker.as_str(), i.kind)).collect();
        assert_eq!(
            got,
            [
                ("1.", Marker::Number(1)),
                ("2)", Marker::Number(2)),
                ("(a)", Marker::Other),
                ("b.", Marker::Other),
                ("iv.", Marker::Other),
                ("(B)", Marker::Other),
                ("•", Marker::Bullet),
                ("\u{f0b7}", Marker::Bullet),
            ]
        );
    }

    #[test]
    fn sub_items_of_a_comment_as_drafts_name_them() {
        let flows = parse(
            "1.a The fleet grew.\n1.b. It shrank.\n2(a) Costs rose.\n2(a)(ii) Fuel.\n(a)(i) Crew.",
        );
        let Flow::List(items) = &flows[0] else {
            panic!("{flows:?}")
        };
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.marker.as_str(), i.kind, i.lines[0].as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("1.a", Marker::Other, "The fleet grew."),
                ("1.b.", Marker::Other, "It shrank."),
                ("2(a)", Marker::Other, "Costs rose."),
                ("2(a)(ii)", Marker::Other, "Fuel."),
                ("(a)(i)", Marker::Other, "Crew."),
            ]
        );
        for line in ["1.ab no", "1.5 million", "1(ab) no", "12.a.b no"] {
            assert_eq!(parse(line), [para(&[line])], "{line:?}");
        }
    }

    #[test]
    fn not_markers() {
        for line in [
            "-5% change",
            "1.5 million",
            "A. Smith said",
            "ab. no",
            "(ab) no",
            "---",
            "- ",
            "1.",
            "iiii. no",
            "(x",
            "*bold*",
        ] {
            assert_eq!(parse(line), [para(&[line.trim()])], "{line:?}");
        }
    }

    #[test]
    fn sanitizes() {
        assert_eq!(parse("a\u{1b}b"), [para(&["a\u{fffd}b"])]);
    }
}
