//! The first stage of reading a body: where its numbered comments stand, what they
//! are numbered, the headings' reach, and where the closing boilerplate begins.

use super::captions::{at_paragraph_start, closing_from, is_caption};
use super::heading_block::HeadingBlock;
use super::model::Comment;
use super::numbers::{is_comment_label, leading_number, number_at};
use super::order::spilled_from_above;
use super::phrases::{
    STRONG_CLOSING, contains_ignore_ascii_case, is_acknowledgment, is_sign_off, starts_with_any,
};
use super::unnumbered::unnumbered;
use regex::Regex;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A company's label before its answer: "Response:", "Company Response 3.", "Response
/// to Comment #2", or one run into its answer after its number ("Response to Comment
/// No. 1 We acknowledge…", a bold label on the answer's line).
static RESPONSE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:company(?:'s)?\s+)?response(?:\s+to\s+(?:the\s+)?(?:staff(?:'s|’s)?\s+)?comments?)?(?:(?:\s*(?:no\.?\s*|\#\s*)?\d{1,3})?\s*(?:[:.]|$)|\s*(?:no\.?\s*|\#\s*)?\d{1,3}\s+(?-i:\p{Lu}))")
        .expect("response regex")
});

/// A label that names who answers, ended by a colon: "Caterpillar Response:", "OUR
/// RESPONSE:", "Acme Corp. Response to Comment 2:" (up to three words, each with a
/// capital).
static NAMED_RESPONSE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w&.'’-]*\s+){1,3}(?i:response(?:\s+to\s+(?:the\s+)?(?:staff(?:'s|’s)?\s+)?comments?)?(?:\s*(?:no\.?\s*)?\d{1,3})?)\s*:")
        .expect("named response regex")
});

/// Line positions of one comment.
#[derive(Debug)]
pub(super) struct Found<'t> {
    /// The number as printed (borrowed from its line).
    pub(super) number: &'t str,
    pub(super) line: usize,
    /// The comment's text on the number's line, if any (borrowed from the line).
    pub(super) first_text: Option<&'t str>,
    pub(super) heading_start: usize,
    /// The block of headings directly above the number (not reaching above the comment
    /// before).
    pub(super) heading: HeadingBlock,
    /// Lines after the number that belong to the comment above (see
    /// [`spilled_from_above`]).
    pub(super) spill: Option<(usize, usize)>,
}

/// A response whose numbered lines (those that may start a comment:
/// [`comment_number_at`]) come in two styles, with emphasis and without: its
/// restatements are in the style of the first of them (most responses set them in bold
/// or italics; some set them plain and their footnotes in italics, "*(1) All amounts are
/// in thousands*"), at least two in it. A numbered line
/// in the other style is a restatement only where it goes on from the last comment (the
/// next number) and no line in the restatements' style further on bears its number:
/// else it is a list or a footnote in an answer ("1) The units are subject to a
/// recall", "2) Unexpected volume" before the bold restatement "2. We note…").
struct Styled<'e> {
    /// Each line's emphasis.
    lines: &'e [bool],
    /// Whether the restatements are set with emphasis.
    emphasized: bool,
    /// The numbered lines in the restatements' style: line index and leading number.
    numbered: Vec<(usize, u32)>,
}

impl<'e> Styled<'e> {
    /// The styles of a response's numbered lines (before `end`), when they come in two.
    fn of(lines: &[&str], end: usize, emphasis: &'e [bool]) -> Option<Styled<'e>> {
        let mut style = None;
        let mut numbered = Vec::new();
        let mut other = 0;
        for (i, &emphasized) in emphasis.iter().enumerate().take(end) {
            if let Some((number, _)) = comment_number_at(lines, i, true) {
                if *style.get_or_insert(emphasized) == emphasized {
                    numbered.push((i, leading_number(number)));
                } else {
                    other += 1;
                }
            }
        }
        (numbered.len() >= 2 && other >= 1).then_some(Styled {
            lines: emphasis,
            emphasized: style?,
            numbered,
        })
    }

    /// Whether the numbered line `i`, numbered `n`, may be a restatement after the
    /// comments `found`.
    fn may_restate(&self, i: usize, n: u32, found: &[Found]) -> bool {
        if self.lines.get(i).copied().unwrap_or(false) == self.emphasized {
            return true;
        }
        let next = found.last().map_or(1, |f| leading_number(f.number) + 1);
        n == next && !self.numbered.iter().any(|&(l, m)| l > i && m == n)
    }
}

/// The comment number line `i` of `lines` starts with, and the comment's text on it,
/// when it may start a comment: a number alone on its line wherever it stands, else at
/// a paragraph's start, and not a caption of the filing ("1. Organization and
/// Summary…" over the comment number).
fn comment_number_at<'t>(
    lines: &[&'t str],
    i: usize,
    response: bool,
) -> Option<(&'t str, Option<&'t str>)> {
    let (number, first_text) = number_at(lines[i], response)?;
    if first_text.is_some() && !at_paragraph_start(lines, i) {
        return None;
    }
    if first_text.is_some_and(|rest| is_caption(lines, i, rest)) {
        return None;
    }
    Some((number, first_text))
}

/// Find the numbered comments of a letter body (blank lines as empty strings); in a
/// response whose numbered lines come in two styles, see [`Styled`].
fn find_numbered<'t>(
    lines: &[&'t str],
    end: usize,
    response: bool,
    styled: Option<&Styled>,
    warnings: &mut Vec<String>,
) -> Vec<Found<'t>> {
    let mut found: Vec<Found> = Vec::new();
    // A response letter that labels its restated comments ("Comment 1") numbers them only so.
    let labelled = response && lines[..end].iter().any(|l| is_comment_label(l));
    for i in 0..end {
        // A blank line starts no closing (no phrase is empty) and holds no number.
        if lines[i].is_empty() {
            continue;
        }
        if !found.is_empty()
            && (starts_with_any(lines[i], STRONG_CLOSING) || is_acknowledgment(lines, i, response))
            && at_paragraph_start(lines, i)
        {
            break;
        }
        if labelled && !is_comment_label(lines[i]) {
            continue;
        }
        let Some((number, first_text)) = comment_number_at(lines, i, response) else {
            continue;
        };
        let n = leading_number(number);
        if styled.is_some_and(|s| !s.may_restate(i, n, &found)) {
            continue;
        }
        let floor = found.last().map_or(0, |f| f.line + 1);
        // The heading block above: read only once the number is accepted, or when a
        // restart at 1 needs a heading to be accepted.
        let mut block = None;
        let accept = match found.last() {
            None => true,
            Some(last) => {
                let m = leading_number(last.number);
                let same_base_sub = n == m && number != last.number && number.contains('(');
                n == m + 1
                    || same_base_sub
                    || (n > m + 1 && n <= m + 3)
                    || (n == 1
                        && block
                            .insert(HeadingBlock::above(lines, i, floor))
                            .start()
                            .is_some())
            }
        };
        if !accept {
            continue;
        }
        let heading = block.unwrap_or_else(|| HeadingBlock::above(lines, i, floor));
        let heading_start = heading.first_line().unwrap_or(i);
        if let Some(last) = found.last() {
            let m = leading_number(last.number);
            if n > m + 1 {
                warnings.push(format!(
                    "comment numbers skip from {} to {}",
                    last.number, number
                ));
            }
        } else if n != 1 {
            warnings.push(format!("the first comment is numbered {number}"));
        }
        found.push(Found {
            number,
            line: i,
            first_text,
            heading_start,
            heading,
            spill: None,
        });
    }
    found
}

/// Typical line width of the body (90th percentile of non-blank line lengths).
pub(super) fn typical_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.len()).filter(|&n| n > 0).collect();
    if lens.is_empty() {
        return 80;
    }
    let at = lens.len() * 9 / 10;
    let (_, nth, _) = lens.select_nth_unstable(at);
    (*nth).max(40)
}

impl<'t> Outline<'t> {
    /// The outline of a company's request to the staff, which answers no comments: its
    /// numbered paragraphs are not comments.
    pub fn without_comments(mut self) -> Outline<'t> {
        self.found.clear();
        self.numbers.clear();
        self.unnumbered = None;
        self.warnings.clear();
        self
    }

    /// The text of a letter's one unnumbered request, if that is what it holds.
    pub fn unnumbered_text(&self) -> Option<&str> {
        self.unnumbered.as_ref().map(|c| c.text.as_str())
    }
}

/// Where a body's comments stand and what they are numbered, without their text: the
/// first stage of reading a body, and all that a [`Brief`](super::Brief) needs of a body.
#[derive(Debug, Default)]
pub struct Outline<'t> {
    /// The numbered comments found, in order.
    pub(super) found: Vec<Found<'t>>,
    /// The number each comment is shown with (restarted numbering made unique), or the
    /// one number of an unnumbered request.
    pub numbers: Vec<String>,
    /// The comment of a letter whose one request is not numbered.
    pub(super) unnumbered: Option<Comment>,
    /// Where the body ends: the complimentary close, or the last line.
    pub(super) end: usize,
    /// Index (into the body lines) where the closing boilerplate starts.
    pub closing_start: usize,
    /// Index where the opening paragraphs end: the first heading or comment.
    pub intro_end: usize,
    /// Things noticed while reading.
    pub warnings: Vec<String>,
}

/// Whether a company's letter labels its answers ("Response:", "Response 1"): then it
/// answers comments.
pub fn labels_responses(lines: &[&str]) -> bool {
    lines.iter().any(|l| is_response_label(l))
}

/// Whether `line` is a company's label before its answer ([`RESPONSE_LABEL`], or
/// [`NAMED_RESPONSE_LABEL`]), after a look at its first byte, which must start "company"
/// or "response" (neither `c` nor `r` has a case form outside ASCII) or a name (an ASCII
/// capital), and for a name at whether it says "response" at all.
pub(super) fn is_response_label(line: &str) -> bool {
    let Some(first) = line.bytes().next() else {
        return false;
    };
    (matches!(first, b'C' | b'c' | b'R' | b'r') && RESPONSE_LABEL.is_match(line))
        || (first.is_ascii_uppercase()
            && contains_ignore_ascii_case(line, "response")
            && NAMED_RESPONSE_LABEL.is_match(line))
}

/// Find the comments of a body and their numbers. `response` marks a company response
/// letter, whose comments are restated with "Comment"/"Response" labels;
/// `want_unnumbered` tells whether to look for one unnumbered request when nothing is
/// numbered (asked only then).
pub fn outline<'t>(
    lines: &[&'t str],
    response: bool,
    emphasis: &[bool],
    want_unnumbered: impl FnOnce() -> bool,
) -> Outline<'t> {
    let mut outline = Outline::default();
    let end = lines
        .iter()
        .position(|l| is_sign_off(l))
        .unwrap_or(lines.len());
    outline.end = end;
    let styled = response.then(|| Styled::of(lines, end, emphasis)).flatten();
    outline.found = find_numbered(lines, end, response, styled.as_ref(), &mut outline.warnings);

    if outline.found.is_empty() {
        outline.closing_start = closing_from(lines, 0, end);
        outline.intro_end = outline.closing_start;
        if want_unnumbered()
            && let Some((comment, closing_start, intro_end)) =
                unnumbered(lines, end, typical_width(&lines[..end]))
        {
            outline.closing_start = closing_start;
            outline.intro_end = intro_end;
            outline.numbers.push(comment.number.clone());
            outline.unnumbered = Some(comment);
            outline
                .warnings
                .push("the letter's request is not numbered: it is read as comment 1".to_string());
        }
        return outline;
    }

    outline.intro_end = outline.found.first().map_or(0, |f| f.heading_start);
    let last_line = outline.found.last().map_or(0, |f| f.line);
    outline.closing_start = closing_from(lines, last_line + 1, end);
    outline.numbers = shown_numbers(&outline.found, &mut outline.warnings);
    find_spills(lines, &mut outline);
    outline
}

/// Mark the comments whose first lines belong to the comment above (reading-order
/// damage), with a warning for each.
fn find_spills(lines: &[&str], outline: &mut Outline) {
    for k in 1..outline.found.len() {
        let f = &outline.found[k];
        if f.first_text.is_some() {
            continue;
        }
        let end = text_end(outline, k);
        if let Some(spill) = spilled_from_above(lines, f.line + 1, end) {
            outline.warnings.push(format!(
                "the text printed under comment {} after the number begins mid-sentence: it is read as the end of comment {}",
                outline.numbers[k],
                outline.numbers[k - 1]
            ));
            outline.found[k].spill = Some(spill);
        }
    }
}

/// Where the text of comment `k` ends: at the next comment's headings, or the closing.
pub(super) fn text_end(outline: &Outline, k: usize) -> usize {
    outline
        .found
        .get(k + 1)
        .map_or(outline.closing_start, |next| next.heading_start)
}

/// The number each found comment is shown with: as printed, and with " (2)", " (3)"…
/// from where the numbering restarts at 1 (a second filing reviewed in the same letter).
fn shown_numbers(found: &[Found], warnings: &mut Vec<String>) -> Vec<String> {
    // (Short keys from the letter, hashed once each: a fast hash, not a keyed one.)
    let mut seen: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(found.len(), Default::default());
    let mut round = 1;
    let mut numbers = Vec::with_capacity(found.len());
    for f in found {
        let number = if !seen.insert(f.number) {
            if leading_number(f.number) == 1 {
                round += 1;
                warnings.push(format!(
                    "comment numbering restarts at 1 under \"{}\"; those comments are numbered \"1 ({round})\" and on",
                    f.heading
                        .headings()
                        .last()
                        .map_or("a new heading", String::as_str)
                ));
            }
            format!("{} ({round})", f.number)
        } else if round > 1 {
            format!("{} ({round})", f.number)
        } else {
            f.number.to_string()
        };
        numbers.push(number);
    }
    numbers
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
