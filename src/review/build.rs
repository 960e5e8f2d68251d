//! Building reviews from letters: grouped, answered, linked and sorted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::filed::Filed;
use super::group::{self, GroupKey};
use super::model::Review;
use super::read::read_each;
use super::state::State;
use super::{answered, copies, links};
use crate::letter::Letter;

/// How many letters [`build_read`] reads at a time, its second time: enough for every
/// core to be busy, few enough to weigh little.
const BATCH: usize = 256;

/// Group `filed` into reviews, each with its rounds in date order, its copies of
/// letters found, the responses matched and the references resolved. Reviews that await
/// our response come first, soonest due first; then the others, most recent first.
pub fn build(filed: Vec<Filed>) -> Vec<Review> {
    let mut reviews: Vec<Review> = build_each(filed).collect();
    sort(&mut reviews);
    reviews
}

/// The reviews of `filed`, as [`build`] makes them but unsorted, each made when it is
/// taken: a caller that handles them one at a time holds one review's letters at
/// once, not every review's.
pub fn build_each(filed: Vec<Filed>) -> impl Iterator<Item = Review> {
    group::group(filed).into_iter().map(review_of)
}

/// The reviews of the letters under `paths` (read as [`read_under`](super::read_under)
/// reads them), as [`build_each`] makes them, handed to `each` one at a time. Every
/// letter is read twice: first for what grouping needs of it (its [`GroupKey`], far
/// smaller than the letter), then with the other letters of its review, a few hundred
/// letters at a time. So only those letters are in memory at once, not every letter
/// (10,000 letters take more than 150 MB). A letter that cannot be read the second
/// time is left out of its review.
pub fn build_read(paths: &[PathBuf], each: impl FnMut(Review)) {
    build_read_counted(paths, &AtomicUsize::new(0), each);
}

/// [`build_read`], adding one to `read` for each letter read (each is read twice), on
/// whichever thread reads it: another thread can tell how far it has come.
pub fn build_read_counted(paths: &[PathBuf], read: &AtomicUsize, mut each: impl FnMut(Review)) {
    let count = || read.fetch_add(1, Ordering::Relaxed);
    let (keys, _) = read_each(paths, |filed| {
        count();
        GroupKey::of(&filed)
    });
    let mut batch: Vec<Vec<PathBuf>> = Vec::new();
    let mut flush = |batch: &mut Vec<Vec<PathBuf>>| {
        let wanted: Vec<PathBuf> = batch.iter().flatten().cloned().collect();
        let (filed, _) = read_each(&wanted, |filed| {
            count();
            filed
        });
        let mut read: HashMap<PathBuf, Filed> =
            filed.into_iter().map(|f| (f.path.clone(), f)).collect();
        for members in batch.drain(..) {
            let letters: Vec<Filed> = members.iter().filter_map(|p| read.remove(p)).collect();
            if !letters.is_empty() {
                each(review_of(letters));
            }
        }
    };
    let mut held = 0;
    for members in group::plan_keys(keys) {
        held += members.len();
        batch.push(members);
        if held >= BATCH {
            flush(&mut batch);
            held = 0;
        }
    }
    flush(&mut batch);
}

/// The review of the letter that `is_target` picks among the letters under `paths`,
/// as [`build_read`] makes it, each letter read once to group them and only its
/// review's letters a second time; with what `keep` makes of every letter read the
/// first time (in the walk's order). `None` when no letter there is the target.
pub(super) fn build_read_one<T: Send>(
    paths: &[PathBuf],
    is_target: impl Fn(&Path) -> bool,
    keep: impl Fn(&Filed) -> T + Sync,
) -> (Option<Review>, Vec<T>) {
    let (read, _) = read_each(paths, |filed| (GroupKey::of(&filed), keep(&filed)));
    let (keys, kept): (Vec<GroupKey>, Vec<T>) = read.into_iter().unzip();
    let Some(members) = group::plan_keys(keys)
        .into_iter()
        .find(|members| members.iter().any(|p| is_target(p)))
    else {
        return (None, kept);
    };
    let (letters, _) = read_each(&members, |filed| filed);
    let review = (!letters.is_empty()).then(|| review_of(letters));
    (review, kept)
}

/// Order `reviews` as [`build`] does.
pub fn sort(reviews: &mut [Review]) {
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
}

/// The review of one group of `letters`, in date order.
fn review_of(letters: Vec<Filed>) -> Review {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two companies' reviews in one folder: the target's review comes back whole, the
    /// other's letters only through `keep`.
    #[test]
    fn one_review_is_read_in_full_and_every_letter_kept() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let dir = tempfile::tempdir().unwrap();
        for folder in ["review", "effectiveness"] {
            for entry in std::fs::read_dir(fixtures.join(folder)).unwrap().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "txt") {
                    std::fs::copy(&path, dir.path().join(entry.file_name())).unwrap();
                }
            }
        }
        let target = dir.path().join("upload_harrowgate-ferries_2025-04-21.txt");
        let folder = [dir.path().to_path_buf()];
        let (review, kept) = build_read_one(&folder, |p| p == target, |f| f.path.clone());
        let review = review.expect("the target's review");
        let paths: Vec<&PathBuf> = review.letters.iter().map(|f| &f.path).collect();
        assert_eq!(paths.len(), 4, "{paths:?}");
        assert!(
            review
                .letters
                .iter()
                .all(|f| { f.path.to_string_lossy().contains("harrowgate-ferries") })
        );
        assert_eq!(kept.len(), 6, "{kept:?}");
        let (none, kept) = build_read_one(&folder, |_| false, |_| ());
        assert!(none.is_none());
        assert_eq!(kept.len(), 6);
    }
}
