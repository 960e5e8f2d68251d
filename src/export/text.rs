//! Plain text wrapped at 80 columns: blocks separated by blank lines, list items with
//! a hanging indent under their text, nothing escaped (plain text has no syntax). Plain
//! text cannot show bold, so the staff's restated comments are indented by
//! [`QUOTE`], and the company's text starts at the margin.

use unicode_width::UnicodeWidthStr;

use crate::text::may_begin_row;

use super::flow::Flow;
use super::model::{Block, Document, MISSING_MARKER, REDACTED_MARKER};

/// The widest line, in terminal columns.
pub const WIDTH: usize = 80;

/// What a restated comment's lines start with: the staff's words set in.
pub const QUOTE: &str = "    ";

/// Renders the document as plain text.
pub fn render(doc: &Document) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Lines(lines) | Block::Headings(lines) => {
                blocks.push(lines.iter().flat_map(|l| wrap(l, "", "")).collect());
            }
            Block::Re(lines) => blocks.push(prefixed("Re: ", lines)),
            Block::Cc(lines) => blocks.push(prefixed("cc: ", lines)),
            Block::Paragraph(text) => blocks.push(wrap(text, "", "")),
            Block::Opening { before, after } => {
                blocks.push(wrap(&format!("{before}indented{after}"), "", ""));
            }
            Block::Letterhead(lines) => {
                blocks.push(lines.iter().map(String::as_str).map(centered).collect())
            }
            Block::Comment { flows, .. } => {
                for flow in flows {
                    blocks.push(flow_lines(flow, QUOTE));
                }
            }
            Block::Response { flows, .. } | Block::Statement(flows) => {
                for flow in flows {
                    blocks.push(flow_lines(flow, ""));
                }
            }
            Block::Label(label) | Block::Legend(label) => blocks.push(wrap(label, "", "")),
            Block::Missing { .. } => blocks.push(vec![MISSING_MARKER.to_owned()]),
            Block::Redacted { number } => {
                blocks.push(wrap(&format!("{number}. {REDACTED_MARKER}"), QUOTE, QUOTE));
            }
        }
    }
    let mut out = blocks
        .iter()
        .map(|b| b.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// The first line after `label`, the rest indented under it.
fn prefixed(label: &str, lines: &[String]) -> Vec<String> {
    let indent = " ".repeat(label.len());
    lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let first = if i == 0 { label } else { &indent };
            wrap(l, first, &indent)
        })
        .collect()
}

/// A line centered in [`WIDTH`] columns (a wider one is left as it is).
fn centered(line: &str) -> String {
    let width = line.width();
    if width >= WIDTH {
        return line.to_owned();
    }
    format!("{}{line}", " ".repeat((WIDTH - width) / 2))
}

/// The wrapped lines of a paragraph or list, each after `margin`.
fn flow_lines(flow: &Flow, margin: &str) -> Vec<String> {
    match flow {
        Flow::Paragraph(lines) => lines.iter().flat_map(|l| wrap(l, margin, margin)).collect(),
        Flow::List(items) => {
            // Item text starts in one column for the whole list.
            let width = items.iter().map(|i| i.marker.width()).max().unwrap_or(0) + 1;
            let indent = format!("{margin}{}", " ".repeat(width));
            items
                .iter()
                .flat_map(|item| {
                    let pad = width - item.marker.width();
                    let head = format!("{margin}{}{}", item.marker, " ".repeat(pad));
                    let indent = indent.clone();
                    item.lines
                        .iter()
                        .enumerate()
                        .flat_map(move |(i, l)| {
                            let first = if i == 0 {
                                head.as_str()
                            } else {
                                indent.as_str()
                            };
                            wrap(l, first, &indent)
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        }
    }
}

/// Greedy word wrap of one line at [`WIDTH`]: `first` starts the first line, `rest`
/// the others. Spaces between words on a line are kept as typed; a word wider than
/// the line stands alone; a word that reads as a list item's mark takes the word before
/// it down with it ([`may_begin_row`]). Tabs count as one column.
pub fn wrap(line: &str, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = first.to_owned();
    let mut current_width = first.width();
    let mut has_word = false;
    let mut gap = "";
    // Where the line's last word starts, and whether another word stands before it.
    let mut last = (current.len(), false);
    for (word, next_gap) in words(line) {
        let word_width = word.width();
        let gap_width = gap.chars().count();
        if has_word && current_width + gap_width + word_width > WIDTH {
            let carried = current[last.0..].to_owned();
            let carry = last.1
                && !may_begin_row(word)
                && may_begin_row(carried.trim_end())
                && rest.width() + carried.width() + gap_width + word_width <= WIDTH;
            if carry {
                // "…prior comment" over "2. We note" reads as comment 2.
                current.truncate(last.0);
            }
            out.push(current.trim_end().to_owned());
            current = rest.to_owned();
            current_width = rest.width();
            if carry {
                current.push_str(&carried);
                current.push_str(gap);
                current_width += carried.width() + gap_width;
            }
            last = (current.len(), carry);
        } else if has_word {
            current.push_str(gap);
            current_width += gap_width;
            last = (current.len(), true);
        }
        current.push_str(word);
        current_width += word_width;
        has_word = true;
        gap = next_gap;
    }
    out.push(current.trim_end().to_owned());
    out
}

/// The words of a line, each with the whitespace after it.
fn words(line: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = line.trim_start_matches([' ', '\t']);
    while !rest.is_empty() {
        let end = rest.find([' ', '\t']).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let gap_end = after.find(|c| c != ' ' && c != '\t').unwrap_or(after.len());
        let (gap, next) = after.split_at(gap_end);
        out.push((word, gap));
        rest = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_80_and_keeps_inner_spacing() {
        let line = "word ".repeat(30);
        let lines = wrap(line.trim(), "", "");
        assert!(lines.iter().all(|l| l.width() <= WIDTH));
        assert_eq!(lines[0].len(), 79);
        assert_eq!(wrap("a  b", "", ""), ["a  b"]);
        assert_eq!(wrap("", "x ", "  "), ["x"]);
    }

    #[test]
    fn a_number_after_a_wrap_takes_its_word_along() {
        let line = format!("{} prior comment 2. We note", "x".repeat(66));
        let lines = wrap(&line, "", "    ");
        assert_eq!(lines[1], "    comment 2. We note", "{lines:?}");
        assert_eq!(lines[0], format!("{} prior", "x".repeat(66)));
    }

    #[test]
    fn long_word_stands_alone() {
        let long = "x".repeat(100);
        let lines = wrap(&format!("a {long} b"), "", "");
        assert_eq!(lines, ["a".to_owned(), long, "b".to_owned()]);
    }

    #[test]
    fn hanging_indent() {
        let lines = wrap(&"word ".repeat(20), "- ", "  ");
        assert!(lines[0].starts_with("- word"));
        assert!(lines[1].starts_with("  word"));
    }

    #[test]
    fn wide_characters_count_double() {
        let lines = wrap(&"中文 ".repeat(30), "", "");
        assert!(lines.iter().all(|l| l.width() <= WIDTH), "{lines:?}");
    }
}
