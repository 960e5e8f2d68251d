//! The answers of a company response letter: the text under each restated comment,
//! from the end of the restatement to the start of the next one.
//!
//! The comments of a response are its restatements (the parser reads them as
//! comments). Each is found again in the body by its words, so the answer is what
//! stands between one restatement and the next, whatever labels ("Response:") or
//! markup the letter uses.

use super::folded::{Folded, fold, head, tail};
use super::labels::{NEXT_LABEL, answer_label_end};
use super::model::Comment;
use super::paragraphs::join_paragraphs;
use super::phrases::is_acknowledgment;
use super::restated::{restated_in_other_words, restated_in_part};
use regex::Regex;
use std::sync::LazyLock;

/// How the paragraphs after a response's last answer begin: its closing.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*•_\-]*(?:(?:if|should)\s+you\s+have\s+(?:any\s+)?(?:further\s+)?(?:questions|comments)|please\s+(?:do\s+not\s+hesitate|direct\s+(?:any|your)|contact)|(?:we|the\s+company)\s+(?:hope|trust|believe)s?\s+(?:that\s+)?(?:the\s+foregoing|(?:this|these|our)\s+(?:letter|responses?|answers?|repl(?:y|ies)|information|explanations?|clarifications?|submission))|thank\s+you\s+for|we\s+appreciate)")
        .expect("closing regex")
});

/// The longest line (in bytes) taken for a heading over the next restatement's label.
const MAX_HEADING: usize = 150;

/// The most lines above the next restatement's label taken for its headings.
const MAX_HEADINGS: usize = 3;

/// Whether `line` looks like a heading of the filing: short, ending no sentence, and
/// more words than figures ("Construction Industries, page 33", not a table's last row,
/// "Total revenues $ 7,259 $ 1,721").
fn looks_like_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(char::is_ascii_digit).count();
    line.len() <= MAX_HEADING
        && !line.ends_with(['.', ':', ';', '?', '!', '"', '”'])
        && letters > 2 * digits
}

/// The letter's typical line width as its longest line tells it (at least 40), for
/// [`join_paragraphs`]: a sentence ending well short of it ends its paragraph.
fn width(lines: &[&str]) -> usize {
    lines.iter().map(|l| l.len()).max().unwrap_or(80).max(40)
}

/// Where one restatement stands: the folded index of its first character and the
/// folded index just past its end.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// Find each restatement in order, starting after the previous one.
fn spans(folded: &Folded, comments: &[Comment]) -> Vec<Option<Span>> {
    let mut cursor = 0;
    comments
        .iter()
        .map(|comment| {
            let text = fold(&comment.text);
            if text.is_empty() {
                return None;
            }
            let start = folded.find(head(&text), cursor)?;
            let end = folded.find(tail(&text), start)? + tail(&text).len();
            cursor = end;
            Some(Span { start, end })
        })
        .collect()
}

/// The answer given under each of `comments` (the restatements of a response letter,
/// in order) in `lines` (the body between the opening and the closing, blank lines as
/// empty strings): `None` where the restatement was not found or nothing follows it.
pub fn answers(lines: &[&str], comments: &[Comment]) -> Vec<Option<String>> {
    let folded = Folded::of(lines);
    let spans = spans(&folded, comments);
    let width = width(lines);
    (0..comments.len())
        .map(|k| {
            let span = spans[k]?;
            let (line, byte) = *folded.at.get(span.end.checked_sub(1)?)?;
            // The answer runs to the next restatement that was found, or to the end.
            let next = spans[k + 1..].iter().flatten().next();
            let stop = match next {
                Some(n) => folded.at.get(n.start).map_or(lines.len(), |&(l, _)| l),
                None => closing_start(lines, line + 1),
            };
            let next_headings = comments.get(k + 1).map_or(&[][..], |c| &c.headings[..]);
            answer_text(lines, (line, byte), stop, next_headings, width)
        })
        .collect()
}

/// The answers of a response that quotes the staff's `comments` with no number the
/// parser reads (so that it has no restatements), from its body's `paragraphs`: each
/// comment found again by its words, in order, and its answer what stands between its
/// quote and the next one found (or the letter's closing); `None` for a comment not
/// quoted, or with nothing after its quote.
pub fn quoted_answers(paragraphs: &[String], comments: &[Comment]) -> Vec<Option<String>> {
    let lines: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| p.lines().chain([""]))
        .collect();
    answers(&lines, comments)
}

/// The answer inside a restatement that runs on into it. A response that quotes a
/// staff comment and answers below it with no label ("Response:") or number between
/// the two is read as one comment: the staff's words, then the answer. Given the staff
/// comment's text, the answer is what follows its last words in `restated`, up to the
/// response's closing; `None` when `restated` does not hold the comment's last words
/// or nothing follows them.
pub fn answer_after(restated: &str, comment: &str) -> Option<String> {
    let lines: Vec<&str> = restated.lines().collect();
    let folded = Folded::of(&lines);
    let text = fold(comment);
    let end = match folded.find(tail(&text), 0) {
        Some(at) => at + tail(&text).len(),
        None => restated_in_part(&folded, &lines, comment)
            .or_else(|| restated_in_other_words(&folded, &lines, comment))?,
    };
    let (line, byte) = *folded.at.get(end.checked_sub(1)?)?;
    let width = width(&lines);
    // The answer's first paragraph is not the closing, whatever its first words ("We
    // believe that our disclosure…").
    let first = (line + 1..lines.len())
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(lines.len());
    let stop = closing_start(&lines, first + 1);
    answer_text(&lines, (line, byte), stop, &[], width)
}

/// A numbered item of a response that restates no comment (an item of a list inside
/// an answer, a footnote), read as a part of the answer it stands in: its text up to
/// the response's closing, which the last item runs on into; `None` when nothing but
/// the closing is left.
pub fn answer_part(item: &str) -> Option<String> {
    let lines: Vec<&str> = item.lines().collect();
    let stop = closing_start(&lines, 1);
    answer_text(&lines, (0, 0), stop, &[], width(&lines))
}

/// Where the letter's closing starts in the text of its last answer, which can hold it
/// inside a paragraph: the start of the first sentence with a sign-off ([`SIGN_OFF`])
/// after which no more than [`MAX_SIGN_OFF`] bytes follow (a closing is short, and a
/// "thank you for" early in a long text is the answer's own); else the text's end.
fn sign_off_start(text: &str) -> usize {
    SIGN_OFF
        .find_iter(text)
        .map(|m| {
            text[..m.start()]
                .rfind(['.', ':', '*', '\n', '?', '!'])
                .map_or(0, |at| at + 1)
        })
        .find(|&at| text.len() - at <= MAX_SIGN_OFF)
        .unwrap_or(text.len())
}

/// The most bytes a letter's closing runs to after its first sign-off sentence: an
/// invitation to call, the acknowledgment once asked for, a signature.
const MAX_SIGN_OFF: usize = 800;

/// Sentences that only close a letter, wherever they start: an invitation to call or
/// to discuss, a thanks, the acknowledgment the staff once asked for. Stricter than
/// [`CLOSING`], whose "we believe that our …" also opens answers.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:if|should)\s+you\s+have\s+(?:any\s+)?(?:further\s+|additional\s+|other\s+)?(?:questions|comments)|(?:please\s+)?do\s+not\s+hesitate\s+to\s+(?:contact|call)|please\s+direct\s+(?:any\s+|your\s+)?(?:further\s+|additional\s+|other\s+)?(?:questions|comments)|(?:if|should)\s+you\s+would\s+like\s+to\s+discuss|(?:we|i)\s+can\s+be\s+(?:contacted|reached)\s+at|(?:(?:we|i)\s+)?thank\s+you\s+(?:for|in\s+advance)|(?:we\s+are|i\s+am)\s+available\s+to\s+discuss|please\s+(?:also\s+)?feel\s+free\s+to\s+(?:contact|call)|is\s+available\s+to\s+discuss|please\s+(?:call|contact|telephone)\b|express\s+our\s+appreciation|(?:would\s+)?welcome\s+the\s+opportunity\s+to\s+discuss|acknowledges?\s+that:?\s*•?\s*(?:[\w&.,'’]+\s+){1,8}?(?:is|are)\s+responsible\s+for\s+the\s+(?:accuracy|adequacy))")
        .expect("sign-off regex")
});

/// Where the closing paragraphs of a response begin, looked for from line `from`.
fn closing_start(lines: &[&str], from: usize) -> usize {
    (from..lines.len())
        .find(|&i| {
            let after = lines[i.saturating_sub(1)].trim_end();
            (after.is_empty() || after.ends_with(['.', ':']))
                && (CLOSING.is_match(lines[i]) || is_acknowledgment(lines, i, true))
        })
        .unwrap_or(lines.len())
}

/// The answer from byte `byte` of line `line` to line `stop`: the rest of the line the
/// restatement ends on, then whole lines, without the answer's label, and without the
/// next restatement's number label and headings at the end.
fn answer_text(
    lines: &[&str],
    (line, byte): (usize, usize),
    stop: usize,
    next_headings: &[String],
    width: usize,
) -> Option<String> {
    let rest = lines[line].get(byte..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(');
    let mut taken: Vec<&str> = Vec::new();
    if !rest.is_empty() {
        taken.push(rest);
    }
    if line + 1 < stop {
        taken.extend(&lines[line + 1..stop]);
    }
    // What stands before the next restatement: its label, its headings (those the parser
    // gave it, and, once a label is cut, up to [`MAX_HEADINGS`] lines above it that look
    // like one: "Construction Industries, page 33" over "COMMENT:" is a heading the
    // parser did not give the comment under the label), and marks.
    let mut labelled = false;
    let mut headings = 0;
    while let Some(last) = taken.last() {
        // (Bold and italics as the HTML source marks them: "**SEC COMMENT:**".)
        let trimmed = last.trim().trim_matches(['*', '_']).trim();
        let given = next_headings.iter().any(|h| h.trim() == trimmed);
        let heading = labelled && headings < MAX_HEADINGS && looks_like_heading(trimmed);
        let marks = !trimmed.contains(char::is_alphanumeric);
        let label = NEXT_LABEL.is_match(trimmed) || section_label(trimmed);
        if marks || given || heading || label {
            labelled |= label;
            headings += usize::from(heading && !given && !marks && !label);
            taken.pop();
        } else {
            break;
        }
    }
    let first = taken.iter().position(|l| !l.trim().is_empty())?;
    let taken = &mut taken[first..];
    let opening: &str = taken[0];
    if let Some(end) = answer_label_end(opening) {
        taken[0] = opening[end..].trim_start();
    }
    let text = join_paragraphs(taken, width);
    // Without the closing, and the marks that stood before it ("* * *").
    let ornament = |c: char| c.is_whitespace() || matches!(c, '*' | '•' | '_' | '-');
    let mut text = text[..sign_off_start(&text)]
        .trim_end_matches(ornament)
        .trim();
    while let Some((rest, last)) = text.rsplit_once('\n')
        && !last.contains(char::is_alphanumeric)
    {
        text = rest.trim_end();
    }
    // Marks alone ("* * *", a bracket left of the restatement) are no answer.
    text.contains(char::is_alphanumeric)
        .then(|| text.to_string())
}

/// Whether `line` is the label of a section of the letter after the answers, left at
/// the end of the last answer when the closing starts below it ("Harris
/// Acknowledgement:" over "Harris acknowledges the following:"): a few words, each
/// with a capital, ending with a colon. "The revised disclosure will read as follows:"
/// is the answer's.
fn section_label(line: &str) -> bool {
    let Some(words) = line.strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(number: &str, text: &str) -> Comment {
        Comment {
            number: number.into(),
            text: text.into(),
            ..Comment::default()
        }
    }

    #[test]
    fn answers_after_labels_and_before_the_next_restatement() {
        let lines = [
            "1.",
            "Comment: Please tell us why revenue fell.",
            "",
            "Response: Revenue fell because a contract ended.",
            "It will not recur.",
            "",
            "Segment Note, page 9",
            "2.",
            "Comment: Revise the segment note.",
            "",
            "We will revise it in future filings.",
            "",
            "The Company acknowledges that it is responsible for its disclosure.",
            "",
            "If you have any questions, please call me.",
        ];
        let comments = [
            comment("1", "Please tell us why revenue fell."),
            Comment {
                headings: vec!["Segment Note, page 9".into()],
                ..comment("2", "Revise the segment note.")
            },
        ];
        let got = answers(&lines, &comments);
        assert_eq!(
            got,
            vec![
                Some("Revenue fell because a contract ended.\n\nIt will not recur.".to_string()),
                Some("We will revise it in future filings.".to_string()),
            ]
        );
    }

    #[test]
    fn an_answer_on_the_line_the_restatement_ends_is_kept() {
        let lines = ["Comment 1: Tell us more. Response: Here is more."];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(got, vec![Some("Here is more.".to_string())]);
    }

    #[test]
    fn an_answer_run_on_into_its_restatement_follows_the_comments_last_words() {
        let staff = "Please describe your contacts with Syria and Sudan, \
                     whether through subsidiaries or distributors.";
        let restated = "Please describe your contacts with Syria and Sudan, whether through\n\
                        subsidiaries or distributors.\n\n\
                        The Company has no contacts with\nSyria or Sudan.\n\n\
                        * * * * * Please direct your questions to\nAlan Smith.\n\n\
                        Quarry Tools, Inc.";
        let thanks = "Please describe your contacts with Syria and Sudan, whether through \
                      subsidiaries or distributors. We have none. If you have any further \
                      questions, please call me. Thank you.";
        assert_eq!(
            answer_after(restated, staff).as_deref(),
            Some("The Company has no contacts with Syria or Sudan.")
        );
        assert_eq!(
            answer_after(thanks, staff).as_deref(),
            Some("We have none.")
        );
        // Nothing after the comment's words, or a restatement that does not hold them.
        assert_eq!(answer_after(staff, staff), None);
        assert_eq!(answer_after("The Company has no contacts.", staff), None);
    }

    /// A response that restates the question and leaves out the list of examples
    /// under it: its answer follows the last of the comment's sentences it restates.
    /// A restatement that goes on with the list, in other words, ends with the
    /// paragraph that says the comment's words.
    #[test]
    fn an_answer_follows_a_restatement_that_leaves_out_the_comments_list() {
        let staff = "Your tables appear to exclude loans granted relief. Please tell us \
                     whether you will add a table for those loans. Examples of what would \
                     help readers:\n\
                     • The number of customers that have made a payment since.\n\
                     • A distribution by most recent credit score.";
        let restated = "Your tables appear to exclude loans granted relief. Please tell us\n\
                        whether you will add a table for those loans. Examples of what\n\
                        would help readers:\n\n\
                        The relief lasted one or two months, so we will not add a table.\n\n\
                        We will say so in future filings.";
        assert_eq!(
            answer_after(restated, staff).as_deref(),
            Some(
                "The relief lasted one or two months, so we will not add a table.\n\n\
                 We will say so in future filings."
            )
        );
        // The list restated, its last item in other words ("the latest" for "most
        // recent"): the restatement is the paragraph that says nearly all the comment's
        // words, and the answer the paragraph after it.
        let changed = "Your tables appear to exclude loans granted relief. Please tell us \
                       whether you will add a table for those loans. Examples of what \
                       would help readers:\n\
                       • The number of customers that have made a payment since.\n\
                       • A distribution by the latest credit score.\n\n\
                       We will not add a table.";
        assert_eq!(
            answer_after(changed, staff).as_deref(),
            Some("We will not add a table.")
        );
        // Only the first sentence restated is not enough to tell.
        let opening = "Your tables appear to exclude loans granted relief.\n\nWe agree.";
        assert_eq!(answer_after(opening, staff), None);
    }

    #[test]
    fn labels_naming_the_company_or_the_comment_are_not_the_answer() {
        for label in [
            "Caterpillar Response:",
            "Response to Comment 1:",
            "Response to Comment #1:",
            "Our Response.",
        ] {
            let lines = ["1. Tell us more.", "", label, "Here is more."];
            let got = answers(&lines, &[comment("1", "Tell us more.")]);
            assert_eq!(got, vec![Some("Here is more.".to_string())], "{label}");
        }
        // A label run into the answer after its number, and one not followed by a
        // capital, which is a sentence.
        let got = answers(
            &[
                "1. Tell us more.",
                "",
                "Response to Comment No. 1 Here is more.",
            ],
            &[comment("1", "Tell us more.")],
        );
        assert_eq!(got, vec![Some("Here is more.".to_string())]);
        let sentence = "Response to comment 1 was sent in May.";
        let got = answers(
            &["1. Tell us more.", "", sentence],
            &[comment("1", "Tell us more.")],
        );
        assert_eq!(got, vec![Some(sentence.to_string())]);
        // Words before "response" that are a sentence are the answer.
        let lines = [
            "1. Tell us more.",
            "",
            "In response to the comment, here is more.",
        ];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(
            got,
            vec![Some(
                "In response to the comment, here is more.".to_string()
            )]
        );
    }

    #[test]
    fn the_closing_inside_the_last_answer_is_left_out_but_a_thanks_early_is_kept() {
        let lines = [
            "1. Tell us more.",
            "",
            "Here is more. * * * We are available to discuss any of our responses. \
             Should the Staff have questions, please do not hesitate to call me.",
        ];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(got, vec![Some("Here is more.".to_string())]);
        let long = format!(
            "We thank you for the comment. {}",
            "We have revised the segment note accordingly. ".repeat(20)
        );
        let lines = ["1. Tell us more.", "", long.as_str()];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(got, vec![Some(long.trim().to_string())]);
        // Invitations to call in other words.
        for closing in [
            "Please direct any further questions or comments you may have to the undersigned.",
            "If you would like to discuss or have any additional questions, I can be contacted at 555-0100.",
            "Should you need more, I can be reached at 555-0100.",
        ] {
            let text = format!("Here is more. {closing}");
            let lines = ["1. Tell us more.", "", text.as_str()];
            let got = answers(&lines, &[comment("1", "Tell us more.")]);
            assert_eq!(got, vec![Some("Here is more.".to_string())], "{closing}");
        }
    }

    /// An answer that begins "We believe our disclosure…" is an answer, not the letter's
    /// closing ("We believe that our responses…"); the label over the acknowledgment
    /// after it is neither.
    #[test]
    fn we_believe_our_disclosure_is_an_answer_and_the_acknowledgment_label_no_part_of_it() {
        let lines = [
            "1. Tell us more.",
            "",
            "Lark Response:",
            "",
            "We believe our disclosure complies with Item 303.",
            "",
            "Lark Acknowledgement:",
            "",
            "Lark acknowledges the following:",
            "• Lark is responsible for the adequacy and accuracy of the disclosure in the filing;",
            "",
            "We believe that our responses address the Staff's comments.",
        ];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(
            got,
            vec![Some(
                "We believe our disclosure complies with Item 303.".to_string()
            )]
        );
        assert!(section_label("Harris Acknowledgement:"));
        assert!(!section_label(
            "The revised disclosure will read as follows:"
        ));
        assert!(!section_label("Acknowledgement"));
    }

    /// Above the next restatement's label ("COMMENT:"), its heading is cut, not the
    /// answer's last table row.
    #[test]
    fn the_heading_over_the_next_label_is_cut_but_not_a_table_row() {
        let lines = [
            "1. Tell us more.",
            "",
            "Response: The figures:",
            "",
            "Total revenues $ 7,259 $ 1,721",
            "",
            "Segment Results, page 52",
            "",
            "COMMENT:",
            "",
            "2. Tell us the rest.",
            "",
            "Response: Here it is.",
        ];
        let comments = [
            comment("1", "Tell us more."),
            comment("2", "Tell us the rest."),
        ];
        let got = answers(&lines, &comments);
        assert_eq!(
            got[0].as_deref(),
            Some("The figures:\n\nTotal revenues $ 7,259 $ 1,721")
        );
    }

    /// "The Company acknowledges the Staff's comment" opens answers; only "acknowledges
    /// that" (it is responsible for its disclosure) closes the letter. An answer with no
    /// label may start with any closing's words.
    #[test]
    fn an_acknowledged_comment_is_an_answer_and_the_acknowledgment_that_closes_is_not() {
        let lines = [
            "1. Tell us more.",
            "",
            "Response: Here is more.",
            "",
            "The Company acknowledges the Staff's comment and will say more.",
            "",
            "The Company acknowledges that it is responsible for its disclosure.",
        ];
        let got = answers(&lines, &[comment("1", "Tell us more.")]);
        assert_eq!(
            got,
            vec![Some(
                "Here is more.\n\nThe Company acknowledges the Staff's comment and will \
                 say more."
                    .to_string()
            )]
        );
        let restated = "Tell us more.\n\nWe believe that our disclosure says enough.\n\n\
                        We hope that this letter answers your comments.";
        assert_eq!(
            answer_after(restated, "Tell us more.").as_deref(),
            Some("We believe that our disclosure says enough.")
        );
    }

    #[test]
    fn a_restatement_not_in_the_body_has_no_answer() {
        let lines = ["Something else entirely."];
        assert_eq!(
            answers(&lines, &[comment("1", "Tell us more.")]),
            vec![None]
        );
    }
}
