//! Company responses matched to the staff letter they answer (the date they cite,
//! then how many of its comments they restate), and each restated comment to the
//! staff comment (by number when the words agree, else by the words alone).

use super::copies::{LetterCopy, copy_of};
use super::filed::Filed;
use super::party::filing_of;
use super::references::cited_dates;
use super::similar::{overlap, words};
use crate::letter::{Comment, Kind, Letter, answer_after, answer_part, quoted_answers};
use std::collections::HashSet;

/// Words in common above which a restatement is taken to be the comment.
const SAME_TEXT: f64 = 0.6;
/// Words in common above which a restatement with the comment's number is taken to be
/// it: half. Below, an item numbered as a comment is another text: an item of a list
/// inside an answer ("2. The fourth transaction…" under the answer to comment 1), a
/// footnote, or a comment of a letter not in the folder (at a quarter, 4 such items
/// of the corpus's responses were taken for the comment of their number; the lowest
/// true restatement under its number shares 0.75).
const SAME_NUMBER_TEXT: f64 = 0.5;

/// The answer a response gave to one staff comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The staff comment's number.
    pub comment: String,
    /// The number the response restates it under; empty when it quotes the comment
    /// with no number the parser reads.
    pub restated: String,
    /// The answer's text, when it was found.
    pub text: Option<String>,
    /// The numbers of the response's items after the restatement that restate no
    /// comment and go on with this answer (a list in it, its footnotes).
    pub parts: Vec<String>,
}

/// A response letter matched to the staff letter it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// The response, by index in the review's letters.
    pub response: usize,
    /// The staff letter it answers, by index.
    pub letter: usize,
    /// Its answers, in the response's order.
    pub answers: Vec<Answer>,
    /// Numbers of the restatements that match no comment of the staff letter: items
    /// numbered as a comment of the staff letter that no restatement answers.
    pub unmatched: Vec<String>,
    /// Numbers of the response's other numbered items, which restate no comment: the
    /// footnotes and lists inside its answers ("(1) All amounts are in thousands").
    pub others: Vec<String>,
}

/// Match every response of `letters` (one review, in date order) that is not one of
/// the `copies` (nor a request for more time or for effectiveness) to the staff letter
/// it answers, and to that letter's copies too.
pub fn match_responses(letters: &[Filed], copies: &[LetterCopy]) -> Vec<Answered> {
    let is_copy = |i: usize| copy_of(copies, i).is_some();
    let staff_words: Vec<Vec<HashSet<String>>> = letters
        .iter()
        .map(|f| match f.letter.kind {
            Kind::Comments => comment_words(&f.letter),
            _ => Vec::new(),
        })
        .collect();
    let mut all = Vec::new();
    for (r, response) in letters.iter().enumerate() {
        // A request (for effectiveness; one for more time is no response at all)
        // restates and answers no comment: paired with the staff's last letter, it
        // read as a response that answered none of its comments.
        if !response.is_response() || response.letter.asks().is_some() || is_copy(r) {
            continue;
        }
        let restated = comment_words(&response.letter);
        let Some(letter) = answered_letter(letters, r, &restated, &staff_words, is_copy) else {
            continue;
        };
        let its_copies = copies.iter().filter(|c| c.of == letter).map(|c| c.letter);
        for letter in std::iter::once(letter).chain(its_copies) {
            let words = &staff_words[letter];
            all.push(pair(
                r,
                response,
                letter,
                &letters[letter],
                &restated,
                words,
            ));
        }
    }
    all
}

/// The staff letter response `r` answers: among the comment letters not after it, not
/// on another filing (by file number, when both give one) and not a copy, the one it
/// cites by date, then the one whose comments it restates most, then the latest.
fn answered_letter(
    letters: &[Filed],
    r: usize,
    restated: &[HashSet<String>],
    staff_words: &[Vec<HashSet<String>>],
    is_copy: impl Fn(usize) -> bool,
) -> Option<usize> {
    let response = &letters[r];
    let mut text = response.letter.subject.lines.join("\n");
    text.push('\n');
    text.push_str(&response.sections.opening.join("\n"));
    let cited = cited_dates(&text);
    let date = response.date();
    let filing = filing_of(response);
    (0..letters.len())
        .filter(|&j| letters[j].letter.kind == Kind::Comments && !is_copy(j))
        .filter(|&j| match (&filing, filing_of(&letters[j])) {
            (Some(a), Some(b)) => *a == b,
            _ => true,
        })
        .filter(|&j| match (letters[j].date(), date) {
            (Some(d), Some(r)) => d <= r,
            _ => j < r,
        })
        .max_by(|&a, &b| {
            let score = |j: usize| {
                let cites = letters[j].date().is_some_and(|d| cited.contains(&d));
                let restates = restated
                    .iter()
                    .filter(|w| staff_words[j].iter().any(|s| overlap(w, s) >= SAME_TEXT))
                    .count();
                (cites, restates, j)
            };
            score(a).cmp(&score(b))
        })
}

/// Whether `text` holds all of `piece`, compared by their letters and digits (the
/// answer found under a restatement that ran on into its answer is the restatement's
/// own end, its paragraphs joined otherwise).
fn holds(text: &str, piece: &str) -> bool {
    let piece = letters(piece);
    !piece.is_empty() && letters(text).contains(&piece)
}

/// The letters and digits of `text`.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Letters and digits at the start of an answer that, found in the staff comment, show
/// that the answer begins with the comment's own words: about ten words.
const OPENING: usize = 60;

/// Whether `answer` begins with words of `comment` ([`OPENING`] letters and digits of
/// it): the end of a restatement read as the start of its answer (a restatement's last
/// sentence set apart, "including the impact of the adoption of ASC 606. Please
/// explain…", before the answer).
fn begins_with_comment(answer: &str, comment: &str) -> bool {
    let opening: String = letters(answer).chars().take(OPENING).collect();
    opening.chars().count() == OPENING && letters(comment).contains(&opening)
}

/// Pair the restatements of `response` with the comments of `staff`.
fn pair(
    r: usize,
    response: &Filed,
    letter: usize,
    staff: &Filed,
    restated: &[HashSet<String>],
    staff_words: &[HashSet<String>],
) -> Answered {
    let comments = &staff.letter.comments;
    let mut used = vec![false; comments.len()];
    let mut answered = Answered {
        response: r,
        letter,
        answers: Vec::new(),
        unmatched: Vec::new(),
        others: Vec::new(),
    };
    let mut missed = Vec::new();
    // The answer last found, and the headings its restatement stands under.
    let mut last: Option<(usize, &[String])> = None;
    for (k, rc) in response.letter.comments.iter().enumerate() {
        let same_number = comments
            .iter()
            .position(|c| c.number == rc.number)
            .filter(|&j| !used[j]);
        let by_number = same_number.filter(|&j| {
            let o = overlap(&restated[k], &staff_words[j]);
            o >= SAME_NUMBER_TEXT || restated[k].len() < 4
        });
        let by_text = || {
            (0..comments.len())
                .filter(|&j| !used[j])
                .map(|j| (j, overlap(&restated[k], &staff_words[j])))
                .filter(|&(_, o)| o >= SAME_TEXT)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(j, _)| j)
        };
        match by_number.or_else(by_text) {
            Some(j) => {
                used[j] = true;
                // Found under the restatement, else inside it: a restatement and its
                // answer with no label between them read as one comment. What is found
                // under it is then a piece of the answer inside it when the restatement
                // holds it whole, and the answer inside holds it too: that begins it.
                let under = response.sections.answers.get(k).cloned().flatten();
                let inside = || answer_after(&rc.text, &comments[j].text);
                let text = match under {
                    Some(under) if holds(&rc.text, &under) => match inside() {
                        Some(inside) if holds(&inside, &under) => Some(inside),
                        _ => Some(under),
                    },
                    Some(under) => Some(under),
                    None => inside(),
                };
                // An answer that begins with the comment's words begins after them.
                let comment = &comments[j].text;
                let text = text.map(|t| {
                    if begins_with_comment(&t, comment) {
                        answer_after(&t, comment).unwrap_or(t)
                    } else {
                        t
                    }
                });
                last = Some((answered.answers.len(), &rc.headings));
                answered.answers.push(Answer {
                    comment: comments[j].number.clone(),
                    restated: rc.number.clone(),
                    text,
                    parts: Vec::new(),
                });
            }
            None => {
                // An item that restates no comment, under the same headings as the
                // restatement before it, is a numbered part of that answer (a list,
                // footnotes): it and what stands under it go on with the answer, once
                // its start was found.
                let part_of = last.filter(|&(i, h)| {
                    h == rc.headings.as_slice() && answered.answers[i].text.is_some()
                });
                if let Some((i, _)) = part_of {
                    let under = response.sections.answers.get(k).cloned().flatten();
                    let answer = &mut answered.answers[i];
                    if let Some(text) = &mut answer.text {
                        continue_answer(text, rc, under);
                        answer.parts.push(rc.number.clone());
                    }
                }
                missed.push(rc.number.clone());
            }
        }
    }
    // A response with no restatement the parser reads may quote the comments all the
    // same, with no number: each is found by its words in the response's body (which,
    // with no comments, is all opening).
    if response.letter.comments.is_empty() {
        let quoted = quoted_answers(&response.sections.opening, comments);
        for (comment, text) in comments.iter().zip(quoted) {
            if text.is_some() {
                answered.answers.push(Answer {
                    comment: comment.number.clone(),
                    restated: String::new(),
                    text,
                    parts: Vec::new(),
                });
            }
        }
    }
    // An item numbered as a comment no restatement answers was meant to restate it.
    for number in missed {
        let restates = comments
            .iter()
            .zip(&used)
            .any(|(c, &used)| !used && c.number == number);
        if restates {
            answered.unmatched.push(number);
        } else {
            answered.others.push(number);
        }
    }
    answered
}

/// Add the numbered item `item` of a response (up to the closing its text may run on
/// into) and the text found under it to the end of the answer it is a part of.
fn continue_answer(answer: &mut String, item: &Comment, under: Option<String>) {
    let part = answer_part(&item.text).map(|t| format!("{}. {t}", item.number));
    for part in [part, under].into_iter().flatten() {
        answer.push_str("\n\n");
        answer.push_str(&part);
    }
}

/// Match the restatements of `response` with the comments of `staff`, the letter it
/// is known to answer (named by the user, so neither date nor party is checked).
pub fn answers_between(staff: &Filed, response: &Filed) -> Answered {
    let staff_words = comment_words(&staff.letter);
    let restated = comment_words(&response.letter);
    pair(1, response, 0, staff, &restated, &staff_words)
}

/// The words of each comment of `letter`, in its order.
fn comment_words(letter: &Letter) -> Vec<HashSet<String>> {
    letter.comments.iter().map(|c| words(&c.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::osprey_letter;

    /// The response restates the comment and answers below it with no label, so the
    /// parser reads both as one restatement.
    const RESPONSE: &str = "Osprey Quarries, Inc.\n\nMarch 20, 2025\n\n\
        Securities and Exchange Commission\nDivision of Corporation Finance\n\
        Washington, D.C. 20549\n\n\
        Re: Osprey Quarries, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\n\
        File No. 001-57777\n\nDear Ms. Quill:\n\n\
        We respond to your letter dated March 10, 2025.\n\n\
        1. Please tell us how you complied with the disclosure of significant payment \
        terms.\n\n\
        Our customers pay on delivery, as we receive cash when we ship.\n\n\
        We will state that we have no significant payment terms.\n\n\
        Sincerely,\n\n/s/ Ada Quill\n";

    /// A response to comment 1 alone whose answer goes on with an item numbered 2.
    const LISTED: &str = "Osprey Quarries, Inc.\n\nMarch 20, 2025\n\n\
        Securities and Exchange Commission\nDivision of Corporation Finance\n\
        Washington, D.C. 20549\n\n\
        Re: Osprey Quarries, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\n\
        File No. 001-57777\n\nDear Ms. Quill:\n\n\
        We respond to comment 1 of your letter dated March 10, 2025.\n\n\
        1. Please tell us how you complied with the disclosure of significant payment \
        terms.\n\n\
        Response: Our customers pay on delivery, with one exception.\n\n\
        2. Deliveries to the Harbor Authority are invoiced monthly and paid within thirty \
        days of each invoice; that revenue is recognized on delivery.\n\n\
        We will state these terms in future filings.\n\n\
        If you have any questions, please call me at (555) 010-0000.\n\n\
        Sincerely,\n\n/s/ Ada Quill\n";

    /// An item of a response numbered as the staff's comment 2 but in other words (it
    /// shares "Harbor Authority", "revenue", "each", "that": a third of the comment's
    /// words) is no restatement of it: it goes on with the answer to comment 1, under
    /// the same headings, up to the closing. The same item under a heading of its own
    /// is left out of that answer.
    #[test]
    fn a_numbered_item_in_other_words_goes_on_with_the_answer_before_it() {
        let staff = osprey_letter(
            "1. Please tell us how you complied with the disclosure of significant \
             payment terms.\n\n\
             2. Please tell us the revenue from the Harbor Authority in each period \
             presented, and how you concluded that it is not a major customer.",
        );
        let staff = Filed::from_bytes("letter.txt", staff.as_bytes()).unwrap();
        let response = Filed::from_bytes("response.txt", LISTED.as_bytes()).unwrap();
        assert_eq!(response.letter.comments.len(), 2);
        let answered = answers_between(&staff, &response);
        assert_eq!(answered.answers.len(), 1, "{answered:#?}");
        assert_eq!(answered.answers[0].comment, "1");
        assert_eq!(
            answered.answers[0].text.as_deref(),
            Some(
                "Our customers pay on delivery, with one exception.\n\n\
                 2. Deliveries to the Harbor Authority are invoiced monthly and paid \
                 within thirty days of each invoice; that revenue is recognized on \
                 delivery.\n\nWe will state these terms in future filings."
            )
        );
        assert_eq!(answered.unmatched, ["2"]);
        assert_eq!(answered.answers[0].parts, ["2"]);

        let headed = LISTED.replace(
            "2. Deliveries",
            "Harbor Authority, page 12\n\n2. Deliveries",
        );
        let response = Filed::from_bytes("response.txt", headed.as_bytes()).unwrap();
        let answered = answers_between(&staff, &response);
        assert_eq!(
            answered.answers[0].text.as_deref(),
            Some("Our customers pay on delivery, with one exception.")
        );
    }

    /// What is found under a restatement that ran on into its answer is a piece of the
    /// restatement (where its words were found again): the answer is the one inside
    /// the restatement, after the staff comment's last words, not that piece.
    #[test]
    fn a_piece_of_the_restatement_found_under_it_is_not_its_answer() {
        let staff = osprey_letter(
            "1. Please tell us how you complied with the disclosure of significant \
             payment terms.",
        );
        let staff = Filed::from_bytes("letter.txt", staff.as_bytes()).unwrap();
        let mut response = Filed::from_bytes("response.txt", RESPONSE.as_bytes()).unwrap();
        assert!(response.letter.comments[0].text.contains("pay on delivery"));
        let whole = "Our customers pay on delivery, as we receive cash when we ship.\n\n\
                     We will state that we have no significant payment terms.";
        let answer = |response: &Filed| answers_between(&staff, response).answers[0].text.clone();
        response.sections.answers = vec![Some("as we receive cash when we ship.".into())];
        assert_eq!(answer(&response).as_deref(), Some(whole));
        // An answer found under it that the restatement does not hold is the answer.
        response.sections.answers = vec![Some("We have none.".into())];
        assert_eq!(answer(&response).as_deref(), Some("We have none."));
    }

    /// A restatement whose last sentence stands apart ends before it, and the answer
    /// found under it begins with that sentence: the answer begins after the comment's
    /// last words. An answer that only echoes the comment's first words is left whole.
    #[test]
    fn an_answer_that_begins_with_the_comments_words_begins_after_them() {
        let staff = osprey_letter(
            "1. Please tell us how you complied with the disclosure of significant \
             payment terms, including the terms of the contracts you signed with the \
             Harbor Authority in the fourth quarter.",
        );
        let staff = Filed::from_bytes("letter.txt", staff.as_bytes()).unwrap();
        let mut response = Filed::from_bytes("response.txt", RESPONSE.as_bytes()).unwrap();
        let answer = |response: &Filed| answers_between(&staff, response).answers[0].text.clone();
        response.sections.answers = vec![Some(
            "including the terms of the contracts you signed with the Harbor Authority in \
             the fourth quarter.\n\nThose contracts call for payment on delivery."
                .into(),
        )];
        assert_eq!(
            answer(&response).as_deref(),
            Some("Those contracts call for payment on delivery.")
        );
        let echo = "The terms of the contracts you signed with the Harbor Authority in the \
                    fourth quarter call for payment on delivery.";
        response.sections.answers = vec![Some(echo.into())];
        assert_eq!(answer(&response).as_deref(), Some(echo));
    }
}
