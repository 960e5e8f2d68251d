//! Joining a comment's lines into text: wrapped lines into paragraphs, paragraphs
//! split by a page break back into one, list items kept on their own lines.

use super::headings::ends_sentence;
use super::labels::is_answer_label;
use regex::Regex;
use std::sync::LazyLock;

static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•\-–—▪◦·*]|\(?[a-z]\)|[a-z]\.|\([ivx]{1,5}\)|[ivx]{1,5}\.|\(\d{1,2}\))\s+\S")
        .expect("list item regex")
});

/// Whether a line starts a list item: `a.`, `(a)`, `(i)`, `•`, `-`.
/// Most lines start with a capital letter and are told at once: a list item starts with a
/// lowercase ASCII letter, `(`, `-`, `*` or a non-ASCII bullet or dash.
pub fn is_list_item(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || matches!(b, b'(' | b'-' | b'*') || !b.is_ascii())
        && LIST_ITEM.is_match(line)
}

fn is_lone_bullet(line: &str) -> bool {
    matches!(line, "•" | "-" | "–" | "▪" | "◦" | "·" | "*")
}

#[derive(Debug)]
struct Block {
    item: bool,
    text: String,
    last_line_len: usize,
}

/// Join `lines` (blank lines as empty strings) into text. `width` is the letter's
/// typical line width: a sentence that ends well short of it ends its paragraph.
pub fn join_paragraphs(lines: &[&str], width: usize) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    let mut after_blank = false;
    let mut pending_bullet = false;
    for &line in lines {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        if is_lone_bullet(line) {
            pending_bullet = true;
            after_blank = true;
            continue;
        }
        let item = pending_bullet || is_list_item(line);
        let new_block = match blocks.last() {
            None => true,
            Some(_) if item => true,
            Some(b) if after_blank => ends_sentence(&b.text) || is_answer_label(&b.text),
            Some(b) => {
                ends_sentence(&b.text)
                    && b.last_line_len * 4 < width * 3
                    && line.chars().next().is_some_and(|c| !c.is_lowercase())
            }
        };
        if new_block {
            let text = if pending_bullet {
                format!("• {line}")
            } else {
                line.to_string()
            };
            blocks.push(Block {
                item,
                text,
                last_line_len: line.len(),
            });
        } else if let Some(b) = blocks.last_mut() {
            if !continues_hyphenated(&b.text, line) {
                b.text.push(' ');
            }
            b.text.push_str(line);
            b.last_line_len = line.len();
        }
        pending_bullet = false;
        after_blank = false;
    }
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(if b.item { "\n" } else { "\n\n" });
        }
        out.push_str(&b.text);
    }
    out
}

/// Whether `line` carries on the word `text` ends with, wrapped after its hyphen:
/// "forward-" and "looking", "ASC 606-" and "10-50-1", "Form 10-" and "K", "U.S.-" and
/// "designated". The hyphen stays (letters are not hyphenated by syllable). A hyphen
/// after a blank is a dash, and one followed by "and", "or" or "nor" is suspended:
/// "pre- and post-merger", "short- or long-term".
fn continues_hyphenated(text: &str, line: &str) -> bool {
    let Some(word) = text.strip_suffix('-') else {
        return false;
    };
    let next = line.split_whitespace().next().unwrap_or("");
    word.ends_with(|c: char| c.is_alphanumeric() || c == '.')
        && !matches!(next, "and" | "or" | "nor" | "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_and_page_break_joins() {
        let lines = [
            "Tell us whether this should be",
            "",
            "",
            "identified. Refer to",
            "",
            "FRC 501.03(a) please.",
        ];
        assert_eq!(
            join_paragraphs(&lines, 90),
            "Tell us whether this should be identified. Refer to FRC 501.03(a) please."
        );
    }

    #[test]
    fn blank_after_sentence_is_a_paragraph_break() {
        assert_eq!(join_paragraphs(&["One.", "", "Two."], 90), "One.\n\nTwo.");
    }

    #[test]
    fn an_answer_label_alone_is_a_paragraph_of_its_own() {
        let lines = ["Response", "", "Harlow confirms it will revise."];
        assert_eq!(
            join_paragraphs(&lines, 90),
            "Response\n\nHarlow confirms it will revise."
        );
        // A line that ends no sentence still runs on into the next after a blank.
        let lines = ["We will revise the", "", "disclosure."];
        assert_eq!(
            join_paragraphs(&lines, 90),
            "We will revise the disclosure."
        );
    }

    #[test]
    fn short_sentence_line_ends_paragraph_without_blank() {
        let long = "x".repeat(85);
        let lines = [long.as_str(), "the end of it.", "Next paragraph starts."];
        assert_eq!(
            join_paragraphs(&lines, 90),
            format!("{long} the end of it.\n\nNext paragraph starts.")
        );
    }

    #[test]
    fn list_items_keep_their_lines() {
        let lines = [
            "We note your response.",
            "a. Please tell us this",
            "and that;",
            "b. Please provide more.",
        ];
        assert_eq!(
            join_paragraphs(&lines, 40),
            "We note your response.\na. Please tell us this and that;\nb. Please provide more."
        );
    }

    #[test]
    fn lone_bullets_attach_to_the_next_line() {
        assert_eq!(
            join_paragraphs(&["limited to:", "•", "", "Monthly sales reports."], 90),
            "limited to:\n• Monthly sales reports."
        );
    }

    #[test]
    fn hyphenated_wrap_is_glued() {
        for (lines, joined) in [
            (["forward-", "looking data"], "forward-looking data"),
            (
                ["Refer to ASC 606-", "10-50-1."],
                "Refer to ASC 606-10-50-1.",
            ),
            (
                ["in your Form 10-", "K for 2016"],
                "in your Form 10-K for 2016",
            ),
            (
                ["Rule 3-", "09 of Regulation S-X"],
                "Rule 3-09 of Regulation S-X",
            ),
            (
                ["with U.S.-", "designated sponsors"],
                "with U.S.-designated sponsors",
            ),
            (
                ["the pre-", "and post-merger charts"],
                "the pre- and post-merger charts",
            ),
            (["short-", "or long-term"], "short- or long-term"),
            (["revenue -", "net"], "revenue - net"),
        ] {
            assert_eq!(join_paragraphs(&lines, 90), joined);
        }
    }
}
