//! A letter whose one request is not numbered (the redacted-exhibit letter): that
//! request read as comment 1, with its headings and pages.

use super::captions::{at_paragraph_start, closing_from};
use super::heading_block::headings_above;
use super::heading_trail::Trail;
use super::headings::{continues_heading, looks_like_heading, pages_cited};
use super::model::Comment;
use super::paragraphs::join_paragraphs;
use super::phrases::{INTRO, asks, starts_with_any};

/// A letter whose one request is not numbered: the text between the intro (or the
/// first heading block) and the closing. Returns the comment, where the closing starts
/// and where the intro ends.
pub(super) fn unnumbered(
    lines: &[&str],
    end: usize,
    width: usize,
) -> Option<(Comment, usize, usize)> {
    // The first heading block at a paragraph start, after which the request begins.
    let heading_line = (0..end).find(|&i| {
        !lines[i].is_empty()
            && at_paragraph_start(lines, i)
            && looks_like_heading(lines[i])
            && !starts_with_any(lines[i], INTRO)
    });
    // A request above the first heading-like line (an address to send things to)
    // is read from the end of the intro.
    heading_line
        .and_then(|h| unnumbered_after(lines, end, width, Some(h)))
        .or_else(|| unnumbered_after(lines, end, width, None))
}

/// [`unnumbered`], the request read after the heading block at `heading_line`, or
/// after the intro.
fn unnumbered_after(
    lines: &[&str],
    end: usize,
    width: usize,
    heading_line: Option<usize>,
) -> Option<(Comment, usize, usize)> {
    let intro_end = heading_line.unwrap_or(0);
    let (start, headings) = match heading_line {
        Some(h) => {
            let mut j = h;
            while j < end
                && (lines[j].is_empty()
                    || looks_like_heading(lines[j])
                    || continues_after(lines, j))
            {
                j += 1;
            }
            (j, headings_above(lines, j, h))
        }
        None => {
            // Skip the intro paragraphs.
            let mut j = 0;
            while j < end
                && (lines[j].is_empty()
                    || !at_paragraph_start(lines, j)
                    || starts_with_any(lines[j], INTRO))
            {
                j += 1;
            }
            (j, Vec::new())
        }
    };
    let intro_end = if heading_line.is_some() {
        intro_end
    } else {
        start
    };
    let closing = closing_from(lines, start, end);
    let text = join_paragraphs(&lines[start..closing], width);
    if text.is_empty() || !asks(&text) {
        return None;
    }
    let mut trail = Trail::default();
    trail.apply(&headings);
    let headings = trail.headings();
    let mut pages: Vec<String> = headings.last().map(|h| pages_cited(h)).unwrap_or_default();
    for p in pages_cited(&text) {
        if !pages.contains(&p) {
            pages.push(p);
        }
    }
    Some((
        Comment {
            number: "1".to_string(),
            headings,
            text,
            pages,
        },
        closing,
        intro_end,
    ))
}

fn continues_after(lines: &[&str], j: usize) -> bool {
    j > 0
        && !lines[j - 1].is_empty()
        && continues_heading(lines[j - 1], lines[j])
        && looks_like_heading(lines[j - 1])
}
