//! Summing up a walk's letters on a few threads: the list split into small blocks that
//! each thread takes in turn (one lock per block, none per letter; the blocks shrink
//! towards the end of the list, so that no thread is left with a long last one), each
//! letter stamped and looked up in the cache, or read, by the thread that takes it, and
//! every summary written into its own place of one list, so the order is the walk's.
//! What is to be made of each block (its JSON) is made by the thread that summed it up
//! and handed on in the list's order.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use super::found::Found;
use super::summary::LetterSummary;
use crate::cache::Folder;

/// Letters a thread takes at once: enough that taking them costs nothing next to their
/// work, few enough that slow letters (PDFs to extract) spread over the threads.
const BLOCK: usize = 16;

/// Fewer letters than this are summed up on the calling thread alone: starting a
/// thread would cost more than it saves.
const MIN_SPLIT: usize = 256;

/// Threads used at most, whatever the number of cores: a warm run's work per letter is
/// a few microseconds, which more threads (each starting with fresh memory of its own)
/// would not share out any better.
const MAX_THREADS: usize = 4;

/// The summary of each of `found` ([`LetterSummary::of_found`]), in the same order, on
/// up to `threads` threads (`0`: one per available core, at most [`MAX_THREADS`]).
/// Each letter is stamped in its folder, opened once per run of letters of one folder
/// (`fstatat`, when the cache is on), and summed up from the cache when it keeps the
/// letter as stamped; else it is read, opened in its folder too. `each` is called after
/// each letter, from the thread that summed it up.
pub fn summarize_all(
    found: &[Found],
    threads: usize,
    max_letter_bytes: u64,
    each: &(dyn Fn() + Sync),
) -> Vec<LetterSummary> {
    let mut all = Vec::with_capacity(found.len());
    let then = |_: &[LetterSummary]| ();
    summarize_blocks(
        found,
        threads,
        max_letter_bytes,
        each,
        &then,
        |block, ()| {
            all.extend(block);
        },
    );
    all
}

/// [`summarize_all`] block by block: `then` called on the summaries of each block of
/// letters by the thread that summed them up (e.g. to format them), and the block with
/// what `then` made of it handed to `sink` on the calling thread in the order of the
/// list, as soon as the blocks before are handed over (between the calling thread's own
/// blocks, and the rest at the end). A block is held only until it can go on: no list
/// of every summary is made unless `sink` makes one.
pub fn summarize_blocks<T: Send>(
    found: &[Found],
    threads: usize,
    max_letter_bytes: u64,
    each: &(dyn Fn() + Sync),
    then: &(dyn Fn(&[LetterSummary]) -> T + Sync),
    mut sink: impl FnMut(Vec<LetterSummary>, T),
) {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        n => n,
    }
    .min(MAX_THREADS)
    .min(found.len().div_ceil(MIN_SPLIT))
    .max(1);
    let left = Mutex::new(Left { taken: 0, found });
    let ready = Mutex::new(Ready {
        next: 0,
        done: BTreeMap::new(),
    });
    let work = |after_block: &mut dyn FnMut()| {
        let mut worker = Worker::new(max_letter_bytes);
        loop {
            let (at, found) = next_block(&left, threads);
            if found.is_empty() {
                return;
            }
            let summaries: Vec<LetterSummary> = found
                .iter()
                .map(|found| {
                    let summary = worker.summary(found);
                    each();
                    summary
                })
                .collect();
            let made = then(&summaries);
            let mut ready = ready.lock().unwrap_or_else(PoisonError::into_inner);
            ready.done.insert(at, (summaries, made));
            drop(ready);
            after_block();
        }
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .map(|_| scope.spawn(|| work(&mut || {})))
            .collect();
        work(&mut || hand_over(&ready, &mut sink));
        for other in others {
            if let Err(panic) = other.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    hand_over(&ready, &mut sink);
}

/// The blocks summed up and not yet handed over, with what `then` made of each, by
/// where each starts in the list; and where the next block to hand over starts.
struct Ready<T> {
    next: usize,
    done: BTreeMap<usize, (Vec<LetterSummary>, T)>,
}

/// Hands what is ready to `sink`, block after block in the list's order, up to the
/// first block not yet summed up.
fn hand_over<T>(ready: &Mutex<Ready<T>>, sink: &mut impl FnMut(Vec<LetterSummary>, T)) {
    loop {
        let (block, made) = {
            let mut ready = ready.lock().unwrap_or_else(PoisonError::into_inner);
            let next = ready.next;
            match ready.done.first_entry() {
                Some(first) if *first.key() == next => {
                    let (block, made) = first.remove();
                    ready.next += block.len();
                    (block, made)
                }
                _ => return,
            }
        };
        sink(block, made);
    }
}

/// The letters not yet taken by a thread, and how many were taken before them.
struct Left<'a> {
    taken: usize,
    found: &'a [Found],
}

/// The next letters to sum up of those `left` (none when all are taken), and where they
/// start in the list: [`BLOCK`] letters, fewer near the end of the list (a share of
/// what is left for each of the `threads`, down to one letter).
fn next_block<'a>(left: &Mutex<Left<'a>>, threads: usize) -> (usize, &'a [Found]) {
    let mut left = left.lock().unwrap_or_else(PoisonError::into_inner);
    let at = left.taken;
    let take = (left.found.len() / (threads * 4))
        .clamp(1, BLOCK)
        .min(left.found.len());
    let (block, rest) = left.found.split_at(take);
    left.found = rest;
    left.taken += take;
    (at, block)
}

/// What one thread keeps from letter to letter: the folder of the last letter, open,
/// and the memory of the last file read.
struct Worker<'a> {
    folder: Option<(&'a Path, Folder)>,
    buffer: Vec<u8>,
    max_letter_bytes: u64,
    cache: bool,
}

impl<'a> Worker<'a> {
    fn new(max_letter_bytes: u64) -> Worker<'a> {
        Worker {
            folder: None,
            buffer: Vec::new(),
            max_letter_bytes,
            cache: crate::cache::global().is_some(),
        }
    }

    /// The summary of one letter found.
    fn summary(&mut self, found: &'a Found) -> LetterSummary {
        let max = self.max_letter_bytes;
        let (Some(dir), Some(name), None) =
            (found.path.parent(), found.path.file_name(), &found.problem)
        else {
            return LetterSummary::of_found(found, max);
        };
        let folder = open(&mut self.folder, dir);
        let stamp = found
            .stamp
            .or_else(|| self.cache.then(|| folder.stamp(name)).flatten());
        if let Some(stamp) = &stamp
            && let Some(summary) = LetterSummary::cached_as(found, stamp, max)
        {
            return summary;
        }
        LetterSummary::of_found_at(found, stamp, Some((folder, name)), &mut self.buffer, max)
    }
}

/// The folder `dir`, opened unless it is the one `open` holds (the last letter's).
fn open<'o, 'a>(open: &'o mut Option<(&'a Path, Folder)>, dir: &'a Path) -> &'o Folder {
    if open.as_ref().is_none_or(|(was, _)| *was != dir) {
        let listed = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        *open = Some((dir, Folder::open(listed, true)));
    }
    &open.as_ref().expect("opened above").1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{MB, find_letters};

    #[test]
    fn many_letters_on_several_threads_keep_the_walks_order() {
        let (dir, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let count = MIN_SPLIT * 2 + BLOCK / 2;
        for i in 0..count {
            let text = format!("Letter {i}\n\n1. Please explain item {i}.\n");
            std::fs::write(dir.path().join(format!("l{i:04}.txt")), text).unwrap();
        }
        #[cfg(unix)]
        {
            let target = elsewhere.path().join("x.txt");
            std::fs::write(&target, "Letter\n\n1. Please explain.\n").unwrap();
            std::os::unix::fs::symlink(&target, dir.path().join("l0003a.txt")).unwrap();
        }
        let found = find_letters(&[dir.path().to_path_buf()]);
        let one = summarize_all(&found, 1, MB, &|| {});
        let done = std::sync::atomic::AtomicUsize::new(0);
        let each = || {
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        let (mut blocks, mut three) = (Vec::new(), Vec::new());
        let copy = |block: &[LetterSummary]| block.to_vec();
        summarize_blocks(&found, 3, MB, &each, &copy, |block, copied| {
            assert_eq!(block, copied);
            three.extend(block);
            blocks.push(copied);
        });
        assert_eq!(done.into_inner(), found.len());
        assert_eq!(one, three);
        assert!(blocks.len() > 3 && blocks.iter().all(|b| b.len() <= BLOCK));
        assert_eq!(blocks.concat(), three, "the blocks in the list's order");
        let paths: Vec<_> = three.iter().map(|s| s.path.clone()).collect();
        let walked: Vec<_> = found.iter().map(|f| f.path.clone()).collect();
        assert_eq!(paths, walked);
        assert!(
            three
                .iter()
                .filter(|s| s.problem.is_none())
                .all(|s| s.comments == 1)
        );
        #[cfg(unix)]
        {
            let link = three.iter().find(|s| s.file == "l0003a.txt").unwrap();
            assert_eq!(link.comments, 1, "a link is read by its path");
        }
    }
}
