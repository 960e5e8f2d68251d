//! Building reviews from letters: grouped, answered, linked and sorted.

use super::filed::Filed;
use super::model::Review;
use super::state::State;
use super::{answered, copies, group, links};
use crate::letter::Letter;

/// Group `filed` into reviews, each with its rounds in date order, its copies of
/// letters found, the responses matched and the references resolved. Reviews that await our response come first,
/// soonest due first; then the others, most recent first.
pub fn build(filed: Vec<Filed>) -> Vec<Review> {
    let mut reviews: Vec<Review> = build_each(filed).collect();
    reviews.sort_by(|a, b| {
        let latest = |r: &Review| r.letters.iter().filter_map(Filed::date).max();
        let due_key = |r: &Review| match &r.state {
            State::AwaitingResponse { due } => (0, due.is_none(), due.clone()),
            _ => (1, true, None),
        };
        due_key(a)
            .cmp(&due_key(b))
            .then_with(|| latest(b).cmp(&latest(a)))
            .then_with(|| a.letters[0].path.cmp(&b.letters[0].path))
    });
    reviews
}

/// The reviews of `filed`, as [`build`] makes them but unsorted, each made when it is
/// taken: a caller that handles them one at a time holds one review's letters at
/// once, not every review's.
pub fn build_each(filed: Vec<Filed>) -> impl Iterator<Item = Review> {
    group::group(filed).into_iter().map(|letters| {
        let first =
            |f: fn(&Letter) -> Option<&String>| letters.iter().find_map(|l| f(&l.letter)).cloned();
        let company = letters
            .iter()
            .filter(|l| l.is_staff())
            .find_map(|l| l.letter.company.clone())
            .or_else(|| first(|l| l.company.as_ref()));
        let copies = copies::find(&letters);
        let answered = answered::match_responses(&letters, &copies);
        let links = links::resolve(&letters, &copies);
        Review {
            file_number: first(|l| l.file_number.as_ref()),
            company,
            form: first(|l| l.subject.form.as_ref()),
            state: State::of(&letters),
            answered,
            links,
            copies,
            letters,
        }
    })
}
