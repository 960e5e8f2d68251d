//! Reading the letters under folders for reviews, on every core.

use super::filed::Filed;
use crate::index::{DEFAULT_MAX_LETTER_BYTES, find_letters_each, for_each_streamed, read_guarded};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

/// The letters under `paths` (found as the workspace finds them), read in full, in
/// the walk's order, and the files that could not be read, with why (binary, larger
/// than the workspace opens, unreadable). Files that do not look like correspondence
/// (a folder's README.md) are left out.
pub fn read_under(paths: &[PathBuf]) -> (Vec<Filed>, Vec<String>) {
    read_each(paths, |filed| filed)
}

/// [`read_under`], each letter handed to `keep` as soon as it is read: what `keep`
/// makes of each, in the walk's order, so that the letters need not all be in memory
/// at once.
pub fn read_each<T: Send>(
    paths: &[PathBuf],
    keep: impl Fn(Filed) -> T + Sync,
) -> (Vec<T>, Vec<String>) {
    let results = Mutex::new(Vec::new());
    for_each_streamed(
        0,
        |give| {
            find_letters_each(paths, give);
        },
        |found| match found.problem {
            Some(problem) => Err(format!("{}: {problem}", found.path.display())),
            None => read_guarded(&found.path, DEFAULT_MAX_LETTER_BYTES, Filed::from_bytes)
                .map(|mut filed| {
                    filed.path = found.path.clone();
                    filed.letter.looks_like_a_letter().then(|| keep(filed))
                })
                .map_err(|why| format!("{}: {why}", found.path.display())),
        },
        |i, result| {
            results
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((i, result));
        },
    );
    let mut results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    results.sort_unstable_by_key(|(i, _)| *i);
    let mut kept = Vec::new();
    let mut problems = Vec::new();
    for (_, result) in results {
        match result {
            Ok(Some(t)) => kept.push(t),
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    (kept, problems)
}
