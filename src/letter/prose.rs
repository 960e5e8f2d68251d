//! The sentences of a letter's prose and the dates they name: what reading a company
//! letter that restates no comment for what it asks of the staff needs (more time, a
//! filing declared effective).

use chrono::NaiveDate;

use super::dates::find_date;

/// The sentences of `text`: cut after every full stop, question or exclamation mark
/// (an abbreviation's stop, "U.S.", cuts too, which at worst splits a sentence in two).
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '?', '!'])
}

/// Every date `text` names, in order, with where it starts.
pub(super) fn dates(text: &str) -> impl Iterator<Item = (NaiveDate, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = find_date(&text[at..])?;
        let start = at + found.start;
        at += found.end;
        Some((found.date, start))
    })
}
