//! The labels of a response letter: those that open an answer ("Response:", "Response
//! to Comment #3:") and those that open the next restatement ("Comment 4", "3.").

use regex::Regex;
use std::sync::LazyLock;

/// A label that opens an answer: "Response:", "Company Response 3.", "Answer:",
/// "Caterpillar Response:", "Response to Comment 1:", "Response to Comment #3", or one
/// that ends in its number run into the answer ("Response to Comment No. 1 We
/// acknowledge…", a bold label on the answer's line), whose `run_in` group is then the
/// space after the number.
static ANSWER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:the\s+)?(?:company(?:'s)?\s+|our\s+|[a-z][\w&.'’-]*\s+){0,3}?(?:response|answer)(?:\s+to\s+(?:the\s+)?(?:staff(?:'s)?\s+)?comment)?(?:(?:\s*(?:no\.?\s*|\#\s*)?\d{1,3})?\s*(?:[:.\-–—]\s*|$)|\s*(?:no\.?\s*|\#\s*)?\d{1,3}(?<run_in>\s+))")
        .expect("answer label regex")
});

/// Where the answer label `line` opens with ends ([`ANSWER_LABEL`]), if it opens with
/// one. A label run into its answer must be followed by a capital ("Response to
/// Comment 3 The Company…"): a small letter continues a sentence.
pub(super) fn answer_label_end(line: &str) -> Option<usize> {
    let found = ANSWER_LABEL.captures(line)?;
    let end = found.get(0)?.end();
    let capital = line[end..].starts_with(|c: char| c.is_uppercase());
    (found.name("run_in").is_none() || capital).then_some(end)
}

/// The longest answer label, in bytes ("Company Response to the Staff's Comment No. 12:").
const MAX_LABEL: usize = 60;

/// Whether `line` is an answer label and nothing else ("Response", "Response to Comment
/// #3:"): a paragraph of its own, never run on into the answer below it.
pub(super) fn is_answer_label(line: &str) -> bool {
    line.len() <= MAX_LABEL
        && answer_label_end(line).is_some_and(|end| line[end..].trim().is_empty())
}

/// A line that only opens the next restatement: its number, "Comment 4", "Comment #4:",
/// "Staff Comment:", "SEC Comment:".
pub(super) static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:sec\s+)?(?:staff(?:'s|’s)?\s+)?comments?\s*(?:no\.?\s*|\#\s*)?\d{0,3}\s*[.:]?|\(?\d{1,3}[.)]?)\s*$",
    )
    .expect("next label regex")
});

/// Whether `line` is a label of a response's restatements or answers ("Response",
/// "Comment No. 1", "3."), which may stand at the top of several pages, unlike a
/// running head. A line of digits alone is a page number, not a label.
pub(super) fn is_label(line: &str) -> bool {
    answer_label_end(line).is_some()
        || (NEXT_LABEL.is_match(line) && !line.trim().bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `line` is a label over a restatement that does not number it ("Comment",
/// "Staff Comment:", "SEC Comments"): a [`NEXT_LABEL`] with no number. It stands
/// between the restatement's headings and its number, and is none of them.
pub(super) fn is_bare_comment_label(line: &str) -> bool {
    line.len() <= MAX_LABEL
        && !line.bytes().any(|b| b.is_ascii_digit())
        && NEXT_LABEL.is_match(line)
}
