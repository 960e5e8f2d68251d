//! Copies: one letter filed twice among the folders read, such as the staff's PDF and
//! the text made of it with `pdftotext`, or a response as EDGAR's HTML and as text.
//! Of each set, the original format is the letter and the others are its copies: a
//! response answers the letter and its copies alike, a reference leads to the letter,
//! and precedent holds its comments once.

use std::collections::HashSet;
use std::path::Path;

use super::filed::Filed;
use super::party::file_number_key;
use super::similar::{overlap, words};

/// The share of the shorter letter's words the other must say for the two to be one
/// letter (given the same kind, date, file number and comment numbers): the words of a
/// PDF and of its `pdftotext` text differ only where a line break split one. Two
/// letters of one day on one filing that differ (a second completion letter, a
/// corrected comment letter) differ by more.
const SAME_LETTER: f64 = 0.9;

/// A letter of a review that is a copy of another of its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterCopy {
    /// The copy, by index in the review's letters.
    pub letter: usize,
    /// The letter it is a copy of, by index.
    pub of: usize,
}

/// The copies among `letters` (one review): each with the letter it copies, the one
/// of its set in the original format (PDF or HTML before text; then the first by path).
pub fn find(letters: &[Filed]) -> Vec<LetterCopy> {
    let mut order: Vec<usize> = (0..letters.len()).collect();
    order.sort_by_key(|&i| (!is_original_format(&letters[i].path), &letters[i].path));
    let mut prints: Vec<Option<HashSet<String>>> = vec![None; letters.len()];
    let mut copies = Vec::new();
    let mut taken = vec![false; letters.len()];
    for (n, &of) in order.iter().enumerate() {
        if taken[of] {
            continue;
        }
        for &letter in &order[n + 1..] {
            if taken[letter] || !alike(&letters[of], &letters[letter]) {
                continue;
            }
            read_words(&mut prints, letters, of);
            read_words(&mut prints, letters, letter);
            if let (Some(a), Some(b)) = (&prints[of], &prints[letter])
                && overlap(a, b) >= SAME_LETTER
            {
                taken[letter] = true;
                copies.push(LetterCopy { letter, of });
            }
        }
    }
    copies.sort_by_key(|c| c.letter);
    copies
}

/// The letter that letter `letter` is a copy of, among `copies`, when it is one.
pub fn copy_of(copies: &[LetterCopy], letter: usize) -> Option<usize> {
    copies.iter().find(|c| c.letter == letter).map(|c| c.of)
}

/// Whether the file is in a format EDGAR files originals in (the staff's PDF, the
/// company's HTML), not text made from one.
fn is_original_format(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["pdf", "htm", "html"].contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether two letters say they are the same letter: the same kind, date, file
/// number and comment numbers.
fn alike(a: &Filed, b: &Filed) -> bool {
    let file_number = |f: &Filed| f.letter.file_number.as_deref().and_then(file_number_key);
    let (x, y) = (&a.letter.comments, &b.letter.comments);
    a.letter.kind == b.letter.kind
        && a.letter.date == b.letter.date
        && file_number(a) == file_number(b)
        && x.len() == y.len()
        && x.iter().zip(y).all(|(x, y)| x.number == y.number)
}

/// The words of letter `i` (its "Re:" block, opening, comments, answers and closing)
/// into `prints[i]`, unless they are there already.
fn read_words(prints: &mut [Option<HashSet<String>>], letters: &[Filed], i: usize) {
    prints[i].get_or_insert_with(|| {
        let filed = &letters[i];
        let sections = &filed.sections;
        let mut text = filed.letter.subject.lines.join("\n");
        for part in sections.opening.iter().chain(&sections.closing) {
            text.push('\n');
            text.push_str(part);
        }
        for comment in &filed.letter.comments {
            text.push('\n');
            text.push_str(&comment.text);
        }
        for answer in sections.answers.iter().flatten() {
            text.push('\n');
            text.push_str(answer);
        }
        words(&text)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::osprey_letter;

    /// The letter: two comments under a heading.
    fn letter() -> String {
        osprey_letter(
            "Management's Discussion and Analysis\n\n\
             1. Please quantify the effect of lower aggregate prices on revenue for each \
             period presented and discuss the reasons for the decline.\n\n\
             2. Tell us how you considered disclosing the remaining useful lives of the \
             quarries you operate and the reserves each holds.",
        )
    }

    fn filed(name: &str, text: &str) -> Filed {
        Filed::from_bytes(name, text.as_bytes()).unwrap()
    }

    #[test]
    fn the_same_letter_as_pdf_text_is_a_copy_of_the_pdf() {
        // The text made of the PDF wraps its lines elsewhere; the PDF, listed second,
        // is the original.
        let rewrapped = letter().replace("on revenue for each", "on revenue\nfor each");
        let letters = [
            filed("a/letter.txt", &rewrapped),
            filed("b/letter.pdf", &letter()),
        ];
        assert_eq!(find(&letters), [LetterCopy { letter: 0, of: 1 }]);
    }

    #[test]
    fn letters_of_one_day_that_differ_are_not_copies() {
        let other_filing = letter().replace("001-57777", "333-28801");
        let other_comment = letter().replace(
            "the remaining useful lives of the quarries you operate and the reserves each holds",
            "the segment information of your three operating segments under ASC 280 and why",
        );
        let fewer = letter().replace("2. Tell us", "Tell us");
        for text in [other_filing, other_comment, fewer] {
            let letters = [filed("a.txt", &letter()), filed("b.txt", &text)];
            assert_eq!(find(&letters), [], "{text}");
        }
    }

    #[test]
    fn of_three_copies_the_original_format_is_the_letter() {
        let letters = [
            filed("x/letter.txt", &letter()),
            filed("y/letter.txt", &letter()),
            filed("z/letter.pdf", &letter()),
        ];
        assert_eq!(
            find(&letters),
            [
                LetterCopy { letter: 0, of: 2 },
                LetterCopy { letter: 1, of: 2 }
            ]
        );
    }
}
