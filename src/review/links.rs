//! References in staff comments resolved to the comments of earlier letters of the
//! review: a dated reference to the letter of that date, "prior comment N" to the
//! latest earlier staff letter that has comment N.

use super::copies::{LetterCopy, copy_of};
use super::filed::Filed;
use super::references::{Reference, find_references};
use crate::letter::{Comment, Kind};

/// The comment a reference leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The letter, by index in the review's letters.
    pub letter: usize,
    /// The comment's number as the letter prints it.
    pub comment: String,
}

/// A reference in a staff comment, resolved or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The letter the reference stands in, by index.
    pub letter: usize,
    /// The comment it stands in.
    pub comment: String,
    /// What it cites.
    pub reference: Reference,
    /// The comment it leads to, or why none: which letter is missing.
    pub to: Result<Target, String>,
}

/// Resolve every reference in the staff comments of `letters` (one review, in date
/// order), to letters that are not `copies` of another.
pub fn resolve(letters: &[Filed], copies: &[LetterCopy]) -> Vec<Link> {
    let mut links = Vec::new();
    for (i, filed) in letters.iter().enumerate() {
        if filed.letter.kind != Kind::Comments {
            continue;
        }
        for comment in &filed.letter.comments {
            for reference in find_references(&comment.text) {
                links.push(Link {
                    letter: i,
                    comment: comment.number.clone(),
                    to: target(letters, copies, i, &reference),
                    reference,
                });
            }
        }
    }
    links
}

/// The comment of `comments` numbered `number`: printed so, else the first whose
/// number starts so ("4" finds "4(a)" or "4 (2)" when there is no "4").
fn numbered<'c>(comments: &'c [Comment], number: &str) -> Option<&'c Comment> {
    comments.iter().find(|c| c.number == number).or_else(|| {
        comments.iter().find(|c| {
            c.number
                .strip_prefix(number)
                .is_some_and(|rest| rest.starts_with([' ', '(']))
        })
    })
}

/// Where `reference`, in letter `from`, leads: to a letter that is not a `copy`.
fn target(
    letters: &[Filed],
    copies: &[LetterCopy],
    from: usize,
    reference: &Reference,
) -> Result<Target, String> {
    let number = &reference.comment;
    let earlier_staff = || {
        (0..from)
            .rev()
            .filter(|&j| letters[j].letter.kind == Kind::Comments && copy_of(copies, j).is_none())
    };
    let found = |j: usize| {
        numbered(&letters[j].letter.comments, number).map(|c| Target {
            letter: j,
            comment: c.number.clone(),
        })
    };
    if let Some(date) = reference.letter_date {
        let dated = (0..letters.len()).find(|&j| {
            j != from && copy_of(copies, j).is_none() && letters[j].date() == Some(date)
        });
        let printed = date.format("%B %-d, %Y");
        return match dated {
            Some(j) => found(j)
                .ok_or_else(|| format!("the letter dated {printed} has no comment {number}")),
            None => Err(format!("the letter dated {printed} is not in the folder")),
        };
    }
    if let Some(t) = earlier_staff().find_map(found) {
        return Ok(t);
    }
    match earlier_staff().next() {
        Some(j) => Err(format!(
            "no earlier letter has comment {number} (the letter of {} has {} comments)",
            letters[j].letter.date.as_deref().unwrap_or("unknown date"),
            letters[j].letter.comments.len()
        )),
        None => Err(format!(
            "the earlier letter with comment {number} is not in the folder"
        )),
    }
}
