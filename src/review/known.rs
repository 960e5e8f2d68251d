//! What the other letters of a letter's folder tell the response written to it: whether
//! a reply was filed or more time asked for (its review's standing), how the company
//! writes its own name, and how the companies' letters to the staff greet them ("Dear
//! Ms. Donahue:").

use std::path::Path;

use super::build::build_read_one;
use super::model::Standing;
use crate::letter::{Greeted, oldest_first};

/// What the letters of a letter's folder say for its response.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// What they say of the answer it awaits ([`Review::standings`](super::Review::standings));
    /// `None` when the letter is not found there.
    pub standing: Option<Standing>,
    /// The company's name as its own letters in the review write it, the latest of
    /// them in capitals and small letters ("Lennar Corporation", where the staff's
    /// letters give EDGAR's "LENNAR CORP").
    pub company: Option<String>,
    /// The staff the companies' letters there greet with an honorific, oldest letter
    /// first (a later letter's honorific for the same person counts over an earlier's).
    pub greeted: Vec<Greeted>,
}

/// What the letters under the folder of the letter at `letter` say for its response.
pub fn known_for(letter: &Path) -> Known {
    let mut known = Known::default();
    let Some(target) = std::fs::canonicalize(letter).ok() else {
        return known;
    };
    let Some(folder) = target.parent().map(Path::to_owned) else {
        return known;
    };
    let is_target = |path: &Path| {
        path.file_name() == target.file_name()
            && std::fs::canonicalize(path).is_ok_and(|p| p == target)
    };
    // Whom every letter there greets, with its date; the letter's own review read again
    // in full for its standing and the company's name.
    let (review, greeted) = build_read_one(&[folder], is_target, |filed| {
        let date = filed.letter.date.clone().unwrap_or_default();
        (date, filed.letter.greeted.clone())
    });
    if let Some(review) = review
        && let Some(at) = review.letters.iter().position(|f| is_target(&f.path))
    {
        known.standing = review.standings().nth(at);
        known.company = review
            .letters
            .iter()
            .filter(|f| !f.is_staff())
            .filter_map(|f| f.letter.company.clone())
            .rfind(|name| name.chars().any(char::is_lowercase));
    }
    known.greeted = oldest_first(greeted);
    known
}
