//! The body of a letter: numbered comments, the headings above them, and where the
//! closing boilerplate begins.

use super::headings::{
    Trail, continues_heading, ends_sentence, has_page_ref, is_page_number, looks_like_heading,
    pages_cited,
};
use super::model::Comment;
use super::numbers::{COMMENT_LABEL, NUMBER, is_number_line, leading_number, number_at};
use super::order::{spilled_from_above, with_spill};
use super::paragraphs::join_paragraphs;
use super::phrases::{CLOSING, INTRO, STRONG_CLOSING, is_sign_off, starts_with_any};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Whether numbered line `i` is a caption (see [`is_caption`]).
fn number_is_caption(lines: &[&str], i: usize) -> bool {
    NUMBER.find(lines[i]).is_some_and(|m| {
        let rest = lines[i][m.end()..].trim();
        !rest.is_empty() && is_caption(lines, i, rest)
    })
}
static RESPONSE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:company(?:'s)?\s+)?response(?:\s*(?:no\.?\s*)?\d{1,3})?\s*(?:[:.]|$)")
        .expect("response regex")
});
/// The words of a request, at word boundaries (see [`asks`]).
static REQUEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{REQUEST_WORDS})\b")).expect("request regex"));
/// The same words anywhere: a search that never leaves the regex engine's fast path,
/// where a Unicode word boundary in text that is not ASCII makes it read the text again
/// far more slowly.
static REQUEST_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){REQUEST_WORDS}")).expect("request words regex"));
const REQUEST_WORDS: &str =
    "please|tell us|explain|revise|provide|disclose|advise|clarify|describe";

/// Whether `text` asks for something: a request word at word boundaries. Text without
/// the words anywhere is told by the fast search alone.
fn asks(text: &str) -> bool {
    REQUEST_ANYWHERE.is_match(text) && REQUEST.is_match(text)
}

/// Line positions of one comment.
#[derive(Debug)]
struct Found {
    number: String,
    line: usize,
    first_text: Option<String>,
    heading_start: usize,
    /// The line above which its heading block cannot reach (see [`headings_above`]).
    floor: usize,
    /// Lines after the number that belong to the comment above (see
    /// [`spilled_from_above`]).
    spill: Option<(usize, usize)>,
}

/// Whether line `i` starts a paragraph: first line, after a blank, or after a line
/// that ends a sentence or is a heading.
fn at_paragraph_start(lines: &[&str], i: usize) -> bool {
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
fn is_caption(lines: &[&str], i: usize, rest: &str) -> bool {
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

/// The heading block directly above line `at`, not reaching above `floor`: fills `buf`
/// with the headings (wrapped lines joined) and `spans` with (first line, byte range in
/// `buf`) of each, and returns the index in `spans` of the first heading kept (the
/// longest run at the bottom that reads as headings).
fn heading_block(
    lines: &[&str],
    at: usize,
    floor: usize,
    buf: &mut String,
    spans: &mut Vec<(usize, usize)>,
) -> usize {
    let mut picked = [0usize; 12];
    let mut n = 0;
    let mut j = at;
    while j > floor && n < 12 {
        j -= 1;
        let line = &lines[j];
        if line.is_empty() {
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
    keep_from
}

fn span_text<'a>(buf: &'a str, spans: &[(usize, usize)], k: usize) -> &'a str {
    let end = spans.get(k + 1).map_or(buf.len(), |&(_, e)| e);
    &buf[spans[k].1..end]
}

/// Where the heading block directly above line `at` starts (`at` when there is none),
/// not reaching above `floor`.
fn heading_start(lines: &[&str], at: usize, floor: usize) -> usize {
    let mut buf = String::new();
    let mut spans = Vec::new();
    let keep_from = heading_block(lines, at, floor, &mut buf, &mut spans);
    spans.get(keep_from).map_or(at, |&(start, _)| start)
}

/// The heading block directly above line `at`, not reaching above `floor`:
/// (index of its first line, the headings with wrapped lines joined).
fn headings_above(lines: &[&str], at: usize, floor: usize) -> (usize, Vec<String>) {
    let mut buf = String::new();
    let mut spans = Vec::new();
    let keep_from = heading_block(lines, at, floor, &mut buf, &mut spans);
    match spans.get(keep_from) {
        Some(&(start, _)) => (
            start,
            (keep_from..spans.len())
                .map(|k| tidy_heading(span_text(&buf, &spans, k)))
                .collect(),
        ),
        None => (at, Vec::new()),
    }
}

fn tidy_heading(h: &str) -> String {
    h.replace(" , page", ", page").trim().to_string()
}

/// Find the numbered comments of a letter body (blank lines as empty strings).
fn find_numbered(
    lines: &[&str],
    end: usize,
    response: bool,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // A response letter that labels its restated comments ("Comment 1") numbers them only so.
    let labelled = response && lines[..end].iter().any(|l| COMMENT_LABEL.is_match(l));
    for i in 0..end {
        if !found.is_empty()
            && starts_with_any(lines[i], STRONG_CLOSING)
            && at_paragraph_start(lines, i)
        {
            break;
        }
        if labelled && !COMMENT_LABEL.is_match(lines[i]) {
            continue;
        }
        let Some((number, first_text)) = number_at(lines[i], response) else {
            continue;
        };
        // A number alone on its line is a comment wherever it stands.
        if first_text.is_some() && !at_paragraph_start(lines, i) {
            continue;
        }
        if let Some(rest) = first_text.as_deref()
            && is_caption(lines, i, rest)
        {
            continue;
        }
        let n = leading_number(&number);
        let floor = found.last().map_or(0, |f| f.line + 1);
        // Where the heading block above starts: looked for only once the number is
        // accepted, or when a restart at 1 needs a heading to be accepted.
        let mut block_start = None;
        let accept = match found.last() {
            None => true,
            Some(last) => {
                let m = leading_number(&last.number);
                let same_base_sub = n == m && number != last.number && number.contains('(');
                n == m + 1
                    || same_base_sub
                    || (n > m + 1 && n <= m + 3)
                    || (n == 1 && *block_start.insert(heading_start(lines, i, floor)) < i)
            }
        };
        if !accept {
            continue;
        }
        let heading_start = block_start.unwrap_or_else(|| heading_start(lines, i, floor));
        if let Some(last) = found.last() {
            let m = leading_number(&last.number);
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
            floor,
            spill: None,
        });
    }
    found
}

/// Index of the first closing-boilerplate paragraph at or after `from`, before `end`.
fn closing_from(lines: &[&str], from: usize, end: usize) -> usize {
    (from..end)
        .find(|&i| starts_with_any(lines[i], CLOSING) && at_paragraph_start(lines, i))
        .unwrap_or(end)
}

/// Typical line width of the body (90th percentile of non-blank line lengths).
fn typical_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.len()).filter(|&n| n > 0).collect();
    if lens.is_empty() {
        return 80;
    }
    let at = lens.len() * 9 / 10;
    let (_, nth, _) = lens.select_nth_unstable(at);
    (*nth).max(40)
}

impl Outline {
    /// The outline of a company's request to the staff, which answers no comments: its
    /// numbered paragraphs are not comments.
    pub fn without_comments(mut self) -> Outline {
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
pub struct Outline {
    /// The numbered comments found, in order.
    found: Vec<Found>,
    /// The number each comment is shown with (restarted numbering made unique), or the
    /// one number of an unnumbered request.
    pub numbers: Vec<String>,
    /// The comment of a letter whose one request is not numbered.
    unnumbered: Option<Comment>,
    /// Where the body ends: the complimentary close, or the last line.
    end: usize,
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
    lines.iter().any(|l| RESPONSE_LABEL.is_match(l))
}

/// Find the comments of a body and their numbers. `response` marks a company response
/// letter, whose comments are restated with "Comment"/"Response" labels;
/// `want_unnumbered` looks for one unnumbered request when nothing is numbered.
pub fn outline(lines: &[&str], response: bool, want_unnumbered: bool) -> Outline {
    let mut outline = Outline::default();
    let end = lines
        .iter()
        .position(|l| is_sign_off(l))
        .unwrap_or(lines.len());
    outline.end = end;
    outline.found = find_numbered(lines, end, response, &mut outline.warnings);

    if outline.found.is_empty() {
        outline.closing_start = closing_from(lines, 0, end);
        outline.intro_end = outline.closing_start;
        if want_unnumbered
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
    outline.numbers = shown_numbers(lines, &outline.found, &mut outline.warnings);
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
fn text_end(outline: &Outline, k: usize) -> usize {
    outline
        .found
        .get(k + 1)
        .map_or(outline.closing_start, |next| next.heading_start)
}

/// The number each found comment is shown with: as printed, and with " (2)", " (3)"…
/// from where the numbering restarts at 1 (a second filing reviewed in the same letter).
fn shown_numbers(lines: &[&str], found: &[Found], warnings: &mut Vec<String>) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(found.len());
    let mut round = 1;
    let mut numbers = Vec::with_capacity(found.len());
    for f in found {
        let number = if seen.contains(f.number.as_str()) {
            if leading_number(&f.number) == 1 {
                round += 1;
                warnings.push(format!(
                    "comment numbering restarts at 1 under \"{}\"; those comments are numbered \"1 ({round})\" and on",
                    headings_above(lines, f.line, f.floor)
                        .1
                        .last()
                        .map_or("a new heading", String::as_str)
                ));
            }
            format!("{} ({round})", f.number)
        } else if round > 1 {
            format!("{} ({round})", f.number)
        } else {
            f.number.clone()
        };
        seen.insert(&f.number);
        numbers.push(number);
    }
    numbers
}

/// The second stage of reading a body: the comments of an [`Outline`] with their
/// heading trails, text and page citations.
pub fn comments(lines: &[&str], response: bool, outline: &Outline) -> Vec<Comment> {
    if let Some(comment) = &outline.unnumbered {
        return vec![comment.clone()];
    }
    let found = &outline.found;
    // Only the comments' text needs the typical line width: a brief does without.
    let width = typical_width(&lines[..outline.end.min(lines.len())]);
    let mut comments = Vec::with_capacity(found.len());
    let mut trail = Trail::default();
    for (k, (f, number)) in found.iter().zip(&outline.numbers).enumerate() {
        let text_end = text_end(outline, k);
        trail.apply(&headings_above(lines, f.line, f.floor).1);
        let mut text_lines: Vec<&str> = Vec::new();
        if let Some(first) = &f.first_text {
            text_lines.push(first);
        }
        let text_start = f.spill.map_or(f.line + 1, |(_, to)| to);
        for line in &lines[text_start..text_end.max(text_start)] {
            if response && RESPONSE_LABEL.is_match(line) {
                break;
            }
            text_lines.push(line);
        }
        if let Some((from, to)) = found.get(k + 1).and_then(|next| next.spill) {
            text_lines = with_spill(text_lines, &lines[from..to]);
        }
        let text = strip_comment_label(&join_paragraphs(&text_lines, width));
        let headings = trail.headings();
        let mut pages: Vec<String> = Vec::new();
        if let Some(nearest) = headings.iter().rev().find(|h| has_page_ref(h)) {
            pages.extend(pages_cited(nearest));
        }
        pages.extend(pages_cited(&text));
        let mut unique: Vec<String> = Vec::new();
        for p in pages {
            if !unique.contains(&p) {
                unique.push(p);
            }
        }
        comments.push(Comment {
            number: number.clone(),
            headings,
            text,
            pages: unique,
        });
    }
    comments
}

fn strip_comment_label(text: &str) -> String {
    for label in ["Comment:", "Staff Comment:", "Comment."] {
        if let Some(rest) = text.strip_prefix(label) {
            return rest.trim_start().to_string();
        }
    }
    text.to_string()
}

/// A letter whose one request is not numbered: the text between the intro (or the
/// first heading block) and the closing. Returns the comment, where the closing starts
/// and where the intro ends.
fn unnumbered(lines: &[&str], end: usize, width: usize) -> Option<(Comment, usize, usize)> {
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
            let (_, hs) = headings_above(lines, j, h);
            (j, hs)
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

#[cfg(test)]
#[path = "body_tests.rs"]
mod tests;
