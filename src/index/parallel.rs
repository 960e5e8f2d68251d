//! Summarizing many letters on worker threads.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::sync::{Mutex, PoisonError};

use super::found::Found;
use super::split::{summarize_all, summarize_walked};
use super::summary::LetterSummary;

/// Summarizes each of `found` (as from [`find_letters`](super::find_letters)) with
/// [`LetterSummary::of_found`] (letters larger than `max_letter_bytes` are listed
/// unread), on up to `threads` threads (`summarize_all`; `0`: one per available
/// core), and returns the summaries in the order of `found`, leaving out files that
/// are not listed ([`LetterSummary::is_listed`]: a folder's README.md).
///
/// `on_progress(done, total)` is called from the threads after each file (in no
/// particular order of files).
pub fn index<F>(
    found: &[Found],
    threads: usize,
    max_letter_bytes: u64,
    on_progress: F,
) -> Vec<LetterSummary>
where
    F: Fn(usize, usize) + Sync,
{
    let total = found.len();
    let done = AtomicUsize::new(0);
    let each = || on_progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
    let mut letters = summarize_all(found, threads, max_letter_bytes, &each);
    super::save_cache();
    letters.retain(LetterSummary::is_listed);
    letters
}

/// The letters under `paths` ([`find_letters`](super::find_letters)) summarized as
/// [`index`] does, in the same order: the folders walked first, then the letters summed
/// up on a few threads (`summarize_all`: each letter the cache knows as it is now is
/// summed up without reading it, the others read).
pub fn index_under(paths: &[PathBuf], threads: usize, max_letter_bytes: u64) -> Indexed {
    let mut letters = Vec::new();
    let then = |_: &[LetterSummary]| ();
    let lone_drafts = index_under_then(paths, threads, max_letter_bytes, &then, |block, ()| {
        letters.extend(block.into_iter().filter(LetterSummary::is_listed));
    });
    Indexed {
        letters,
        lone_drafts,
    }
}

/// [`index_under`] block by block (`summarize_walked`: the letters summed up while
/// the folders are walked): `then` called on the
/// summaries of each block of letters (listed or not: see [`LetterSummary::is_listed`])
/// by the thread that summed them up, and the block with what `then` made of it handed
/// to `sink` on the calling thread, in the order of the letters. Returns the drafts
/// files whose letter is gone, by folder (see [`Indexed::lone_drafts`]).
pub fn index_under_then<T: Send>(
    paths: &[PathBuf],
    threads: usize,
    max_letter_bytes: u64,
    then: &(dyn Fn(&[LetterSummary]) -> T + Sync),
    sink: impl FnMut(Vec<LetterSummary>, T),
) -> BTreeMap<PathBuf, Vec<PathBuf>> {
    let mut lone_drafts = BTreeMap::new();
    summarize_walked(
        paths,
        threads,
        max_letter_bytes,
        then,
        sink,
        |folder, lone| {
            lone_drafts.insert(folder.to_owned(), lone);
        },
    );
    super::save_cache();
    lone_drafts
}

/// What [`index_under`] found.
#[derive(Debug, Default)]
pub struct Indexed {
    /// The letters summed up, in the order of the walk.
    pub letters: Vec<LetterSummary>,
    /// The drafts files whose letter is gone, of each folder the walk listed (by the
    /// folder's path as walked).
    pub lone_drafts: BTreeMap<PathBuf, Vec<PathBuf>>,
}

/// Runs `work` on each item `produce` hands over, on `threads` worker threads (`0`: one
/// per available core), while `produce` goes on (it runs on the calling thread, e.g.
/// walking folders); each result goes to `sink` with the item's number in the order
/// handed over, as soon as it is ready (so in no fixed order). Returns how many items
/// there were, when every one is done.
///
/// Workers start with the first item and take the next as they become free, so a slow
/// item does not hold up the others. A panic in `work` or `sink` is passed on once the other workers stop.
pub fn for_each_streamed<T, R, P, W, S>(threads: usize, produce: P, work: W, sink: S) -> usize
where
    T: Send,
    P: FnOnce(&mut dyn FnMut(T)),
    W: Fn(T) -> R + Sync,
    S: Fn(usize, R) + Sync,
{
    let threads = || match threads {
        0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        n => n,
    };
    let (give, queue) = channel::<(usize, T)>();
    let queue = Mutex::new(queue);
    let next = || {
        queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv()
            .ok()
    };
    std::thread::scope(|scope| {
        // Started with the first item: a producer that hands over nothing starts none.
        let mut workers = Vec::new();
        let mut count = 0;
        produce(&mut |item| {
            if workers.is_empty() {
                workers = (0..threads())
                    .map(|_| {
                        scope.spawn(|| {
                            while let Some((i, item)) = next() {
                                sink(i, work(item));
                            }
                        })
                    })
                    .collect();
            }
            let _ = give.send((count, item));
            count += 1;
        });
        drop(give);
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        count
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_in_input_order_with_progress() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..25)
            .map(|i| {
                let p = dir.path().join(format!("{i:02}.txt"));
                if i % 3 != 0 {
                    std::fs::write(&p, format!("Letter {i}\n")).unwrap();
                }
                p
            })
            .collect();
        let calls = AtomicUsize::new(0);
        let max_done = AtomicUsize::new(0);
        let found = crate::index::find_letters(&paths);
        let got = index(&found, 4, crate::index::MB, |done, total| {
            assert_eq!(total, 25);
            calls.fetch_add(1, Ordering::Relaxed);
            max_done.fetch_max(done, Ordering::Relaxed);
        });
        let order: Vec<_> = got.iter().map(|s| s.path.clone()).collect();
        assert_eq!(order, paths);
        assert_eq!(calls.into_inner(), 25);
        assert_eq!(max_done.into_inner(), 25);
        for (i, s) in got.iter().enumerate() {
            assert_eq!(s.problem.is_some(), i % 3 == 0, "{s:?}");
            if i % 3 == 0 {
                assert!(
                    s.problem.as_ref().unwrap().ends_with(".txt: no such file"),
                    "{s:?}"
                );
            }
        }
        assert!(index(&[], 0, crate::index::MB, |_, _| panic!("no files")).is_empty());
    }
}

#[cfg(test)]
mod listing {
    use super::*;

    #[test]
    fn a_readme_is_not_a_letter_but_an_empty_txt_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("README.md"),
            "# Letters\n\nWhat each file shows.\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        std::fs::write(
            dir.path().join("letter.md"),
            "March 3, 2025\n\nDana Fenwick\nCFO\nFenwick Orchards, Inc.\n\nRe: Fenwick Orchards, Inc.\nForm 10-K\nFile No. 001-55555\n\nDear Ms. Fenwick:\n\n1. Please explain.\n\nSincerely,\n",
        )
        .unwrap();
        let found = crate::index::find_letters(&[dir.path().to_path_buf()]);
        let files: Vec<String> = index(&found, 1, crate::index::MB, |_, _| {})
            .into_iter()
            .map(|s| s.file)
            .collect();
        assert_eq!(files, ["empty.txt", "letter.md"]);
    }
}
