//! The block of headings directly above a comment number: found, wrapped lines joined,
//! and kept from where it reads as headings.

use super::captions::number_is_caption;
use super::headings::{continues_heading, ends_sentence, looks_like_heading};
use super::labels::is_bare_comment_label;
use super::numbers::is_number_line;
use super::phrases::{CLOSING, starts_with_any};

/// The heading block directly above line `at`, not reaching above `floor`: fills `buf`
/// with the headings (wrapped lines joined) and `spans` with (first line, byte range in
/// `buf`) of each, and returns the index in `spans` of the first heading kept (the
/// longest run at the bottom that reads as headings) and the topmost line of a
/// response's label over the restatement ("Comment") found among or below them.
fn heading_block(
    lines: &[&str],
    at: usize,
    floor: usize,
    buf: &mut String,
    spans: &mut Vec<(usize, usize)>,
) -> (usize, Option<usize>) {
    let mut picked = [0usize; 12];
    let mut n = 0;
    let mut label = None;
    let mut j = at;
    while j > floor && n < 12 {
        j -= 1;
        let line = &lines[j];
        if line.is_empty() {
            continue;
        }
        // A response's label over a restatement ("Comment") is none of its headings.
        if is_bare_comment_label(line) {
            label = Some(j);
            continue;
        }
        // "…Financial Information," with "page 131" below is one wrapped caption.
        let comma_before_page =
            line.ends_with(',') && n > 0 && lines[picked[n - 1]].starts_with("page");
        if ends_sentence(line)
            || (line.ends_with(',') && !comma_before_page)
            || line.len() > 250
            || (is_number_line(line) && !number_is_caption(lines, j))
            || starts_with_any(line, CLOSING)
        {
            break;
        }
        picked[n] = j;
        n += 1;
    }
    // Join wrapped heading lines: each span runs from its offset to the next one's.
    buf.clear();
    spans.clear();
    for &i in picked[..n].iter().rev() {
        let line = lines[i];
        match spans.last() {
            Some(&(_, from)) if continues_heading(&buf[from..], line) => {
                buf.push(' ');
                buf.push_str(line);
            }
            _ => {
                spans.push((i, buf.len()));
                buf.push_str(line);
            }
        }
    }
    // Keep the longest run at the bottom that reads as headings.
    let mut keep_from = 0;
    for k in (0..spans.len()).rev() {
        if !looks_like_heading(span_text(buf, spans, k)) {
            keep_from = k + 1;
            break;
        }
    }
    // A label above the lines that are not headings is not this restatement's.
    let label = label.filter(|&l| keep_from == 0 || l > spans[keep_from - 1].0);
    (keep_from, label)
}

fn span_text<'a>(buf: &'a str, spans: &[(usize, usize)], k: usize) -> &'a str {
    let end = spans.get(k + 1).map_or(buf.len(), |&(_, e)| e);
    &buf[spans[k].1..end]
}

/// The heading block directly above a line (see [`HeadingBlock::above`]): read once
/// when a comment number is accepted, its start used at once and its headings when the
/// comment's text is read.
#[derive(Debug, Default)]
pub(super) struct HeadingBlock {
    /// The headings, wrapped lines joined, one after the other.
    buf: String,
    /// (first line, byte offset in `buf`) of each heading.
    spans: Vec<(usize, usize)>,
    /// The index in `spans` of the first heading kept.
    keep_from: usize,
    /// The topmost line of a label over the restatement among or below the headings.
    label: Option<usize>,
}

impl HeadingBlock {
    /// The heading block directly above line `at`, not reaching above `floor`.
    pub(super) fn above(lines: &[&str], at: usize, floor: usize) -> HeadingBlock {
        let mut block = HeadingBlock::default();
        (block.keep_from, block.label) =
            heading_block(lines, at, floor, &mut block.buf, &mut block.spans);
        block
    }

    /// The index of the first heading's first line, if there is a heading.
    pub(super) fn start(&self) -> Option<usize> {
        self.spans.get(self.keep_from).map(|&(start, _)| start)
    }

    /// The index of the block's first line, a label's over the restatement included
    /// (neither is the text of the comment above), if it has any.
    pub(super) fn first_line(&self) -> Option<usize> {
        match (self.start(), self.label) {
            (Some(heading), Some(label)) => Some(heading.min(label)),
            (heading, label) => heading.or(label),
        }
    }

    /// The headings kept, outermost first, tidied.
    pub(super) fn headings(&self) -> Vec<String> {
        (self.keep_from..self.spans.len())
            .map(|k| tidy_heading(span_text(&self.buf, &self.spans, k)))
            .collect()
    }
}

/// The heading block directly above line `at`, not reaching above `floor`: its
/// headings with wrapped lines joined.
pub(super) fn headings_above(lines: &[&str], at: usize, floor: usize) -> Vec<String> {
    HeadingBlock::above(lines, at, floor).headings()
}

fn tidy_heading(h: &str) -> String {
    // (Most headings hold no " , page": copied once, not searched and copied twice.)
    if h.contains(" , page") {
        h.replace(" , page", ", page").trim().to_string()
    } else {
        h.trim().to_string()
    }
}
