//! The body of a letter: numbered comments, the headings above them, and where the
//! closing boilerplate begins.

use super::headings::{
    Trail, continues_heading, ends_sentence, has_page_ref, looks_like_heading, pages_cited,
};
use super::model::Comment;
use super::paragraphs::join_paragraphs;
use super::phrases::{CLOSING, INTRO, STRONG_CLOSING, is_sign_off, starts_with_any};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A comment number at the start of a line, alone or followed by white space; the
/// comment's text is the rest of the line. (Not captured: a capture of the rest makes
/// the regex engine walk the whole line.)
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
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
fn is_number_line(line: &str) -> bool {
    may_start_number(line) && NUMBER.is_match(line)
}
static COMMENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:staff\s+)?comment\s*(?:no\.?\s*)?(\d{1,3})\s*[.:]?\s*(.*)$")
        .expect("label regex")
});
static RESPONSE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:company(?:'s)?\s+)?response(?:\s*(?:no\.?\s*)?\d{1,3})?\s*(?:[:.]|$)")
        .expect("response regex")
});
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(please|tell us|explain|revise|provide|disclose|advise|clarify|describe)\b")
        .expect("request regex")
});

/// Line positions of one comment.
#[derive(Debug)]
struct Found {
    number: String,
    line: usize,
    first_text: Option<String>,
    heading_start: usize,
    /// The line above which its heading block cannot reach (see [`headings_above`]).
    floor: usize,
}

/// Whether line `i` starts a paragraph: first line, after a blank, or after a line
/// that ends a sentence or is a heading.
fn at_paragraph_start(lines: &[&str], i: usize) -> bool {
    if i == 0 || lines[i - 1].is_empty() {
        return true;
    }
    let prev = &lines[i - 1];
    ends_sentence(prev) || looks_like_heading(prev) || has_page_ref(prev)
}

fn number_at(line: &str, response: bool) -> Option<(String, Option<String>)> {
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

fn leading_number(number: &str) -> u32 {
    number
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
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
            || is_number_line(line)
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
    /// Typical line width of the body, for joining paragraphs.
    width: usize,
    /// Index (into the body lines) where the closing boilerplate starts.
    pub closing_start: usize,
    /// Index where the opening paragraphs end: the first heading or comment.
    pub intro_end: usize,
    /// Things noticed while reading.
    pub warnings: Vec<String>,
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
    outline.width = typical_width(&lines[..end]);
    outline.found = find_numbered(lines, end, response, &mut outline.warnings);

    if outline.found.is_empty() {
        outline.closing_start = closing_from(lines, 0, end);
        outline.intro_end = outline.closing_start;
        if want_unnumbered
            && let Some((comment, closing_start, intro_end)) = unnumbered(lines, end, outline.width)
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
    outline
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
    let mut comments = Vec::with_capacity(found.len());
    let mut trail = Trail::default();
    for (k, (f, number)) in found.iter().zip(&outline.numbers).enumerate() {
        let text_end = found
            .get(k + 1)
            .map_or(outline.closing_start, |next| next.heading_start);
        trail.apply(&headings_above(lines, f.line, f.floor).1);
        let mut text_lines: Vec<&str> = Vec::new();
        if let Some(first) = &f.first_text {
            text_lines.push(first);
        }
        for line in &lines[f.line + 1..text_end.max(f.line + 1)] {
            if response && RESPONSE_LABEL.is_match(line) {
                break;
            }
            text_lines.push(line);
        }
        let text = strip_comment_label(&join_paragraphs(&text_lines, outline.width));
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
    if text.is_empty() || !REQUEST.is_match(&text) {
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

/// A body read in both stages (for tests).
#[cfg(test)]
struct Body {
    comments: Vec<Comment>,
}

#[cfg(test)]
fn parse_body(lines: &[&str], response: bool, want_unnumbered: bool) -> Body {
    let outline = outline(lines, response, want_unnumbered);
    Body {
        comments: comments(lines, response, &outline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn numbered_comments_with_headings() {
        let b = parse_body(
            &lines(
                "After reviewing, we may have comments.\n\nRisk Factors\n\nOur leases may end, page 9\n\n1. Tell us about leases.\n2. Tell us more.\n\nLiquidity, page 76\n\n3. Explain cash.\n\nYou may contact Jo Doe at (202) 551-0000.\n\nSincerely,",
            ),
            false,
            true,
        );
        let numbers: Vec<&str> = b.comments.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        assert_eq!(
            b.comments[0].headings,
            ["Risk Factors", "Our leases may end, page 9"]
        );
        assert_eq!(
            b.comments[1].headings,
            ["Risk Factors", "Our leases may end, page 9"]
        );
        assert_eq!(
            b.comments[2].headings,
            ["Risk Factors", "Liquidity, page 76"]
        );
        assert_eq!(b.comments[2].text, "Explain cash.");
        assert_eq!(b.comments[0].pages, ["9"]);
    }

    #[test]
    fn number_alone_on_its_line() {
        let b = parse_body(
            &lines(
                "Cover Page\n1.\n\nPlease revise\nthe cover.\n2.\n\nPlease file it.\nPlease contact Jo.",
            ),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 2);
        assert_eq!(b.comments[0].text, "Please revise the cover.");
        assert_eq!(b.comments[1].text, "Please file it.");
    }

    #[test]
    fn restarted_numbering_stays_unique() {
        let b = parse_body(
            &lines("Form S-4\n1. Do a.\n2. Do b.\nForm 10-K\n1. Do c.\nSincerely,"),
            false,
            true,
        );
        let numbers: Vec<&str> = b.comments.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "1 (2)"]);
        assert_eq!(b.comments[2].headings, ["Form 10-K"]);
    }

    #[test]
    fn unnumbered_request() {
        let b = parse_body(
            &lines(
                "We have reviewed your response.\nNote 3. Revenue, page 10\nWe note your segments. Please tell us more.\nYou may contact Jo at 202-551-0000.",
            ),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 1);
        assert_eq!(b.comments[0].headings, ["Note 3. Revenue, page 10"]);
        assert_eq!(
            b.comments[0].text,
            "We note your segments. Please tell us more."
        );
    }

    #[test]
    fn wrapped_number_mid_sentence_is_not_a_comment() {
        let b = parse_body(
            &lines("1. We note the amounts in Note\n2. Please explain them.\nSincerely,"),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 1);
    }
}

#[cfg(test)]
mod long_letters {
    use super::*;

    #[test]
    fn thousands_of_comments_keep_their_numbers() {
        let mut text = String::from("Risk Factors\n\n");
        for n in 1..=1200 {
            text.push_str(&format!("{n}. Please explain item {n}.\n\n"));
        }
        text.push_str("Sincerely,\n");
        let lines: Vec<&str> = text.lines().collect();
        let body = parse_body(&lines, false, true);
        assert_eq!(body.comments.len(), 1200);
        assert_eq!(body.comments[1199].number, "1200");
        assert_eq!(body.comments[1199].text, "Please explain item 1200.");
    }
}
