//! Summing up letters on a few threads: the letters split into small blocks that each
//! thread takes in turn (one lock per block, none per letter; the blocks shrink towards
//! the end of the list, so that no thread is left with a long last one), each letter
//! stamped and looked up in the cache, or read, by the thread that takes it
//! (`worker.rs`), and every block's summaries handed on in the list's order. What is to
//! be made of each block (its JSON) is made by the thread that summed it up.
//!
//! The letters come as a list known whole ([`summarize_blocks`]), or from a folder walk
//! while it goes on ([`summarize_walked`]): the threads start on the first letters while
//! the walk lists the rest, so no core waits for the walk.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::found::{Found, Sink};
use super::summary::LetterSummary;
use super::worker::Worker;

/// Letters a thread takes at once: enough that taking them costs nothing next to their
/// work, few enough that slow letters (PDFs to extract) spread over the threads. The
/// walk hands its letters on in batches of this size too.
const BLOCK: usize = 16;

/// Fewer letters than this are summed up on the calling thread alone: starting a
/// thread would cost more than it saves (one more thread for each this many letters).
const MIN_SPLIT: usize = 256;

/// Threads used at most, whatever the number of cores: a warm run's work per letter is
/// a few microseconds, which more threads (each starting with fresh memory of its own)
/// would not share out any better.
const MAX_THREADS: usize = 4;

/// What is to be made of each block of summaries, by the thread that summed it up.
type Then<'a, T> = &'a (dyn Fn(&[LetterSummary]) -> T + Sync);

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
    then: Then<T>,
    mut sink: impl FnMut(Vec<LetterSummary>, T),
) {
    let threads = cores(threads).min(found.len().div_ceil(MIN_SPLIT)).max(1);
    let shared = Shared::new(
        Letters::Listed(found),
        true,
        threads,
        max_letter_bytes,
        each,
    );
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .map(|_| scope.spawn(|| shared.work(then, &mut || {})))
            .collect();
        shared.work(then, &mut || shared.hand_over(&mut sink));
        join(others);
    });
    shared.hand_over(&mut sink);
}

/// The letters under `paths` summed up as [`summarize_blocks`] does, while the folders
/// are walked ([`find_letters_and_lone`](super::find::find_letters_and_lone), on the calling
/// thread, which hands the walk's letters on in batches and what is summed up to `sink`
/// between them): one more thread is started for each [`MIN_SPLIT`] letters the walk
/// has found, up to `threads`, and the calling thread joins them when the walk is done.
/// The drafts files whose letter is gone go to `lone`, folder by folder.
pub fn summarize_walked<T: Send>(
    paths: &[PathBuf],
    threads: usize,
    max_letter_bytes: u64,
    then: Then<T>,
    mut sink: impl FnMut(Vec<LetterSummary>, T),
    lone: impl FnMut(&Path, Vec<PathBuf>),
) {
    let threads = cores(threads);
    let letters = Letters::Walked(VecDeque::new());
    let shared = Shared::new(letters, false, threads, max_letter_bytes, &|| {});
    std::thread::scope(|scope| {
        // The cache's index is read while the folders are listed; without a cache,
        // every letter is read, and the parser's patterns are compiled meanwhile (on a
        // thread nothing waits for at the end: a folder without letters needs none).
        if crate::cache::is_turned_off() {
            std::thread::spawn(crate::letter::compile_patterns);
        } else {
            scope.spawn(crate::cache::global);
        }
        let mut others = Vec::new();
        // A batch of letters, and how many the walk has listed so far: the threads
        // start as soon as a folder listing says there will be letters enough for
        // them, while the walk sorts and groups its names.
        let mut feed = |batch: Vec<Found>, listed: usize| {
            if !batch.is_empty() {
                shared.push(batch);
            }
            while others.len() + 1 < threads && listed >= (others.len() + 1) * MIN_SPLIT {
                others.push(scope.spawn(|| shared.work(then, &mut || {})));
            }
            shared.hand_over(&mut sink);
        };
        {
            // Set at the end of the walk, or if it panics: no thread waits for more.
            let _done = Done(&shared);
            let mut batches = Batches {
                batch: Vec::with_capacity(BLOCK),
                taken: 0,
                listed: 0,
                feed: &mut feed,
            };
            super::find::find_letters_and_lone(paths, &mut batches, lone);
            batches.hand_on();
        }
        shared.work(then, &mut || shared.hand_over(&mut sink));
        join(others);
    });
    shared.hand_over(&mut sink);
}

/// The threads to use when asked for `threads` (`0`: one per available core), at most
/// [`MAX_THREADS`].
fn cores(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        n => n,
    }
    .min(MAX_THREADS)
}

/// Waits for `threads` to end; a panic in one is passed on.
fn join(threads: Vec<std::thread::ScopedJoinHandle<'_, ()>>) {
    for thread in threads {
        if let Err(panic) = thread.join() {
            std::panic::resume_unwind(panic);
        }
    }
}

/// A walk's letters gathered into batches of [`BLOCK`], each handed to `feed` with how
/// many letters there will be at least: those handed over, or the entries of the folder
/// listings so far (letters and others), whichever is more.
struct Batches<'f> {
    batch: Vec<Found>,
    taken: usize,
    listed: usize,
    feed: &'f mut dyn FnMut(Vec<Found>, usize),
}

impl Batches<'_> {
    fn hand_on(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BLOCK));
        (self.feed)(batch, self.listed.max(self.taken));
    }
}

impl Sink for Batches<'_> {
    fn take(&mut self, found: Found) {
        self.batch.push(found);
        self.taken += 1;
        if self.batch.len() >= BLOCK {
            self.hand_on();
        }
    }

    fn expect(&mut self, entries: usize) {
        self.listed += entries;
        self.hand_on();
    }
}

/// Marks the walk done when dropped.
struct Done<'s, 'a, T>(&'s Shared<'a, T>);

impl<T> Drop for Done<'_, '_, T> {
    fn drop(&mut self) {
        self.0.lock_feed().done = true;
        self.0.more.notify_all();
    }
}

/// What the threads share: the letters not yet taken, and the blocks summed up and
/// not yet handed on.
struct Shared<'a, T> {
    feed: Mutex<Feed<'a>>,
    /// Signalled when letters are added to the feed or the walk is done.
    more: Condvar,
    ready: Mutex<Ready<T>>,
    threads: usize,
    max_letter_bytes: u64,
    each: &'a (dyn Fn() + Sync),
}

/// The letters not yet taken by a thread, how many were taken before them, whether
/// more may come, and how many threads wait for them.
struct Feed<'a> {
    taken: usize,
    letters: Letters<'a>,
    done: bool,
    waiting: usize,
}

/// Letters to sum up: a list known whole, or what a walk has found so far.
enum Letters<'a> {
    Listed(&'a [Found]),
    Walked(VecDeque<Found>),
}

impl<'a> Letters<'a> {
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn len(&self) -> usize {
        match self {
            Letters::Listed(found) => found.len(),
            Letters::Walked(found) => found.len(),
        }
    }

    /// The first `count` letters, taken off.
    fn take(&mut self, count: usize) -> Cow<'a, [Found]> {
        match self {
            Letters::Listed(found) => {
                let (block, rest) = found.split_at(count);
                *found = rest;
                Cow::Borrowed(block)
            }
            Letters::Walked(found) => Cow::Owned(found.drain(..count).collect()),
        }
    }
}

impl<'a, T> Shared<'a, T> {
    fn new(
        letters: Letters<'a>,
        done: bool,
        threads: usize,
        max: u64,
        each: &'a (dyn Fn() + Sync),
    ) -> Shared<'a, T> {
        Shared {
            feed: Mutex::new(Feed {
                taken: 0,
                letters,
                done,
                waiting: 0,
            }),
            more: Condvar::new(),
            ready: Mutex::new(Ready {
                next: 0,
                done: BTreeMap::new(),
            }),
            threads,
            max_letter_bytes: max,
            each,
        }
    }

    fn lock_feed(&self) -> MutexGuard<'_, Feed<'a>> {
        self.feed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a walk's letters to the feed, waking a thread only if one waits (a wake
    /// is a system call; threads that keep up with the walk would make one per batch).
    fn push(&self, batch: Vec<Found>) {
        let mut feed = self.lock_feed();
        if let Letters::Walked(found) = &mut feed.letters {
            found.extend(batch);
        }
        let waiting = feed.waiting > 0;
        drop(feed);
        if waiting {
            self.more.notify_one();
        }
    }

    /// Sums up blocks of letters until none is left, `then` made of each, calling
    /// `after_block` after each.
    fn work(&self, then: Then<T>, after_block: &mut dyn FnMut()) {
        let mut worker = Worker::new(self.max_letter_bytes);
        while let Some((at, block)) = self.next_block() {
            let summaries: Vec<LetterSummary> = block
                .iter()
                .map(|found| {
                    let summary = worker.summary(found);
                    (self.each)();
                    summary
                })
                .collect();
            drop(block);
            let made = then(&summaries);
            let mut ready = self.ready.lock().unwrap_or_else(PoisonError::into_inner);
            ready.done.insert(at, (summaries, made));
            drop(ready);
            after_block();
        }
    }

    /// The next letters to sum up (waiting for the walk to find some), and where they
    /// start in the list; `None` when all are taken and no more will come: [`BLOCK`]
    /// letters, fewer near the end of the list (a share of what is left for each of the
    /// threads, down to one letter).
    fn next_block(&self) -> Option<(usize, Cow<'a, [Found]>)> {
        let mut feed = self.lock_feed();
        while feed.letters.is_empty() && !feed.done {
            feed.waiting += 1;
            feed = self.more.wait(feed).unwrap_or_else(PoisonError::into_inner);
            feed.waiting -= 1;
        }
        let left = feed.letters.len();
        if left == 0 {
            return None;
        }
        let take = if feed.done {
            (left / (self.threads * 4)).clamp(1, BLOCK)
        } else {
            BLOCK
        }
        .min(left);
        let at = feed.taken;
        feed.taken += take;
        Some((at, feed.letters.take(take)))
    }

    /// Hands what is ready to `sink`, block after block in the list's order, up to the
    /// first block not yet summed up.
    fn hand_over(&self, sink: &mut impl FnMut(Vec<LetterSummary>, T)) {
        loop {
            let (block, made) = {
                let mut ready = self.ready.lock().unwrap_or_else(PoisonError::into_inner);
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
}

/// The blocks summed up and not yet handed over, with what `then` made of each, by
/// where each starts in the list; and where the next block to hand over starts.
struct Ready<T> {
    next: usize,
    done: BTreeMap<usize, (Vec<LetterSummary>, T)>,
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;
