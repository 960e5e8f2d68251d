//! Summarizing many letters on worker threads.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::summary::{LetterSummary, summarize};

/// Summarizes each of `paths` (letter files, as from
/// [`find_letters`](super::find_letters)) with [`summarize`], on `threads` worker
/// threads (`0`: one per available core), and returns the summaries in the order of
/// `paths`, leaving out files that are not listed ([`LetterSummary::is_listed`]: a
/// folder's README.md).
///
/// `on_progress(done, total)` is called from the workers after each file (in no
/// particular order of files).
pub fn index<F>(paths: &[PathBuf], threads: usize, on_progress: F) -> Vec<LetterSummary>
where
    F: Fn(usize, usize) + Sync,
{
    let total = paths.len();
    let done = AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(total));
    for_each(
        paths,
        threads,
        |path| summarize(path),
        |i, summary| {
            results
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((i, summary));
            on_progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
        },
    );
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_unstable_by_key(|(i, _)| *i);
    results
        .into_iter()
        .map(|(_, summary)| summary)
        .filter(LetterSummary::is_listed)
        .collect()
}

/// Runs `work` on each of `items` on `threads` worker threads (`0`: one per available
/// core) and hands each result to `sink` with the item's index, as soon as it is
/// ready (so in no fixed order). Returns when every item is done.
///
/// Workers take the next item from a shared counter, so a slow item does not hold up
/// the others. A panic in `work` or `sink` is passed on once the other workers stop.
pub fn for_each<T, R, W, S>(items: &[T], threads: usize, work: W, sink: S)
where
    T: Sync,
    W: Fn(&T) -> R + Sync,
    S: Fn(usize, R) + Sync,
{
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        n => n,
    }
    .min(items.len())
    .max(1);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        sink(i, work(item));
                    }
                })
            })
            .collect();
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
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
        let got = index(&paths, 4, |done, total| {
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
        }
        assert!(index(&[], 0, |_, _| panic!("no files")).is_empty());
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
        let paths = crate::index::find_letters(&[dir.path().to_path_buf()]);
        let files: Vec<String> = index(&paths, 1, |_, _| {})
            .into_iter()
            .map(|s| s.file)
            .collect();
        assert_eq!(files, ["empty.txt", "letter.md"]);
    }
}
