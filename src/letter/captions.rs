//! Where a paragraph of the body starts (and the first paragraph of the closing), and
//! the numbered captions of the filing ("(16) Income Taxes, page 72", "1.
//! Organization…") that are headings, not comments.

use super::headings::{
    continues_heading, ends_sentence, has_page_ref, is_page_number, looks_like_heading,
};
use super::numbers::{is_number_line, number_prefix};
use super::phrases::{CLOSING, asks, starts_with_any};

/// Whether numbered line `i` is a caption (see [`is_caption`]).
pub(super) fn number_is_caption(lines: &[&str], i: usize) -> bool {
    number_prefix(lines[i]).is_some_and(|(_, end)| {
        let rest = lines[i][end..].trim();
        !rest.is_empty() && is_caption(lines, i, rest)
    })
}

/// Whether line `i` starts a paragraph: first line, after a blank, or after a line
/// that ends a sentence or is a heading.
pub(super) fn at_paragraph_start(lines: &[&str], i: usize) -> bool {
    if i == 0 || lines[i - 1].is_empty() {
        return true;
    }
    let prev = &lines[i - 1];
    ends_sentence(prev)
        // A question ends a sentence too ("…did the parties discuss other options?").
        || prev.ends_with('?')
        || looks_like_heading(prev)
        || has_page_ref(prev)
        || (i > 1 && ends_wrapped_heading(lines[i - 2], prev))
}

/// Whether `line` ends a heading wrapped from the line `above`: a page number alone
/// under "…, page", or the lowercase rest of a heading ("…Giving Effect to" / "the
/// Mergers").
fn ends_wrapped_heading(above: &str, line: &str) -> bool {
    (is_page_number(line) && has_page_ref(above))
        || (line.starts_with(|c: char| c.is_lowercase())
            && !ends_sentence(line)
            && looks_like_heading(above)
            && continues_heading(above, line))
}

/// Whether the numbered line `i` (its text after the number: `rest`) is a caption of
/// the filing rather than a comment: notes to financial statements are numbered too
/// ("(16) Income Taxes, page 72", "1. Organization and Summary…"). A caption does not
/// end a sentence nor ask anything, and only headings stand between it and the next
/// numbered line, a few lines below.
pub(super) fn is_caption(lines: &[&str], i: usize, rest: &str) -> bool {
    if ends_sentence(rest) || asks(rest) {
        return false;
    }
    let mut seen = 0;
    for (j, line) in lines.iter().enumerate().skip(i + 1) {
        if line.is_empty() {
            continue;
        }
        if is_number_line(line) {
            return at_paragraph_start(lines, j);
        }
        seen += 1;
        if seen > 4 || !(looks_like_heading(line) || has_page_ref(line) || is_page_number(line)) {
            return false;
        }
    }
    false
}

/// Index of the first closing-boilerplate paragraph at or after `from`, before `end`.
pub(super) fn closing_from(lines: &[&str], from: usize, end: usize) -> usize {
    // (A blank line is passed over at once: no closing phrase is empty.)
    (from..end)
        .find(|&i| {
            !lines[i].is_empty()
                && starts_with_any(lines[i], CLOSING)
                && at_paragraph_start(lines, i)
        })
        .unwrap_or(end)
}
