//! Reading-order damage of converted PDFs: list items of one comment printed after the
//! next comment's number. pdftotext puts a page's bullet glyphs ("•" alone on their
//! lines) above the next number and the items' text below it, so that comment seems to
//! start mid-sentence ("how you assessed…") and the one above ends in bare bullets.

use super::headings::ends_sentence;

/// Where the text after a comment number alone belongs to the comment above: the first
/// text line starts in lowercase (mid-sentence), and a paragraph break further down,
/// before `end`, is where the comment's own text starts. Returns the range of lines
/// (from `from`, the line after the number) that belong above.
pub fn spilled_from_above(lines: &[&str], from: usize, end: usize) -> Option<(usize, usize)> {
    let first = (from..end).find(|&i| !lines[i].is_empty())?;
    if !lines[first].starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let blank = (first..end).find(|&i| lines[i].is_empty())?;
    let own = (blank..end).any(|i| !lines[i].is_empty());
    own.then_some((from, blank))
}

/// Whether a line ends a list item: a sentence, or "…; and", "…; or".
fn ends_item(line: &str) -> bool {
    ends_sentence(line) || line.ends_with("; and") || line.ends_with("; or")
}

/// The lines of the comment above with the `spill` put back where it was printed: its
/// first lines finish the sentence the comment broke off (if it did), and each item
/// after takes one of the bare bullets at the comment's end.
pub fn with_spill<'t>(mut own: Vec<&'t str>, spill: &[&'t str]) -> Vec<&'t str> {
    let mut bullets = 0;
    while let Some(&last) = own.last() {
        match last {
            "" => {}
            "•" => bullets += 1,
            _ => break,
        }
        own.pop();
    }
    let mut rest = spill.iter().copied().filter(|l| !l.is_empty());
    if own.last().is_some_and(|l| !ends_sentence(l)) {
        // The sentence broken off above goes on to its end.
        for line in rest.by_ref() {
            own.push(line);
            if ends_item(line) {
                break;
            }
        }
    }
    let mut item_start = true;
    for line in rest {
        if item_start && bullets > 0 {
            own.push("•");
            bullets -= 1;
        }
        own.push(line);
        item_start = ends_item(line);
    }
    own
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_printed_after_the_next_number_go_back() {
        let lines = [
            "3.",
            "Please explain:",
            "",
            "•",
            "",
            "•",
            "4.",
            "",
            "how you assessed it; and",
            "your plans to fix it.",
            "",
            "We note your revenue.",
        ];
        let (from, to) = spilled_from_above(&lines, 7, lines.len()).expect("spilled");
        assert_eq!((from, to), (7, 10));
        let own = with_spill(lines[1..6].to_vec(), &lines[from..to]);
        assert_eq!(
            own,
            [
                "Please explain:",
                "•",
                "how you assessed it; and",
                "•",
                "your plans to fix it."
            ]
        );
    }

    #[test]
    fn a_broken_sentence_is_finished_first() {
        let own = with_spill(
            vec!["• the revenue in the sentences that", "", "•"],
            &["begin with Revenue.", "For the other lines, the terms."],
        );
        assert_eq!(
            own,
            [
                "• the revenue in the sentences that",
                "begin with Revenue.",
                "•",
                "For the other lines, the terms."
            ]
        );
    }

    #[test]
    fn text_that_starts_a_sentence_stays() {
        assert_eq!(
            spilled_from_above(&["", "Please tell us.", "", "More."], 0, 4),
            None
        );
        // No paragraph of its own below: nothing to move.
        assert_eq!(spilled_from_above(&["and more text."], 0, 1), None);
    }
}
