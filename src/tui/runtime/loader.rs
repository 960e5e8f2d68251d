//! The indexer and the reader. The indexer finds letter files and sums each up for the
//! Letters pane (its [`Listing`]: the letter in brief and its drafts' progress) on one
//! thread per core, reporting each as an [`Action`] so the first frame never waits for
//! the disk and the list fills in while the user works. The reader parses a letter in
//! full when it is opened, on a thread of its own so that an open is never queued
//! behind the indexing, and indexes again files that changed on disk.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use crate::config::Limits;
use crate::index::{Found, find_letters_each, read_guarded};
use crate::problem::Problem;
use crate::review::Filed;
use crate::tui::model::action::Action;
use crate::tui::model::listing::Listing;

/// The indexer threads' name (their panics are caught and reported as unreadable files).
pub(crate) const THREAD: &str = "letterdesk-indexer";

/// The reader thread's name.
pub(crate) const READER: &str = "letterdesk-reader";

/// What the reader is asked to do.
enum Job {
    /// Parse a letter in full: [`Action::LetterRead`].
    Read(PathBuf),
    /// Index a letter again: [`Action::LetterIndexed`].
    Reindex(PathBuf),
}

/// Handle on the indexer and the reader.
pub(crate) struct Loader {
    jobs: Sender<Job>,
}

impl Loader {
    /// Ask for a letter file to be parsed in full (it is being opened).
    pub(crate) fn read(&self, path: PathBuf) {
        let _ = self.jobs.send(Job::Read(path));
    }

    /// Ask for a letter file to be indexed again (it changed on disk).
    pub(crate) fn reindex(&self, path: PathBuf) {
        let _ = self.jobs.send(Job::Reindex(path));
    }
}

/// Start indexing `paths` (folders or letter files) in the background, and the reader.
/// Each worker takes the next file as it becomes free, so one huge letter holds up only
/// the worker reading it. Returns the handle and the indexer's thread (it ends when the
/// index is done).
pub(crate) fn spawn(
    paths: Vec<PathBuf>,
    limits: Limits,
    report: Sender<Action>,
) -> std::io::Result<(Loader, JoinHandle<()>)> {
    let (jobs, queue) = channel::<Job>();
    let reader_report = report.clone();
    std::thread::Builder::new()
        .name(READER.into())
        .spawn(move || {
            for job in queue {
                let action = match job {
                    Job::Read(path) => Action::LetterRead {
                        letter: Box::new(
                            read_guarded(&path, limits.max_letter_bytes, Filed::from_bytes)
                                .map_err(|why| Problem::in_file(&path, why)),
                        ),
                        path,
                    },
                    Job::Reindex(path) => Action::LetterIndexed {
                        listing: Box::new(listing(
                            &path,
                            limits,
                            crate::index::passed_over(&path),
                            (true, None),
                        )),
                        path,
                    },
                };
                if reader_report.send(action).is_err() {
                    return;
                }
            }
        })?;
    let indexer = std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || index(&paths, limits, &report))?;
    Ok((Loader { jobs }, indexer))
}

/// Find the letters under `paths` and report each one's listing, on one thread per core.
/// Files are indexed as the folder walk finds them, so the first letters show while the
/// walk goes on; the count is reported once the walk is done.
fn index(paths: &[PathBuf], limits: Limits, report: &Sender<Action>) {
    in_background();
    let gone = AtomicBool::new(false);
    let produce = |give: &mut dyn FnMut(Found)| {
        let total = find_letters_each(paths, give);
        if report.send(Action::FilesFound { total }).is_err() {
            gone.store(true, Ordering::Relaxed);
        }
    };
    let work = |found: Found| {
        in_background();
        (!gone.load(Ordering::Relaxed))
            .then(|| index_one(paths, found, limits))
            .flatten()
    };
    let send = |_, action: Option<Action>| {
        if let Some(action) = action
            && report.send(action).is_err()
        {
            gone.store(true, Ordering::Relaxed);
        }
    };
    crate::index::for_each_streamed(0, produce, work, send);
    crate::index::save_cache();
    if !gone.load(Ordering::Relaxed) {
        let _ = report.send(Action::IndexFinished);
    }
}

/// Lower the calling thread's scheduling priority, once (on Linux, `nice` applies to
/// the thread): when the cores are busy, keys, drawing and opening a letter go before
/// indexing. Best effort.
pub(super) fn in_background() {
    thread_local! {
        static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !LOWERED.replace(true) {
        let _ = rustix::process::nice(10);
    }
}

/// Index one file found (or say why it cannot be read); `None` for a file that is not
/// listed (a folder's README.md and the like are not letters).
fn index_one(paths: &[PathBuf], found: Found, limits: Limits) -> Option<Action> {
    let Found {
        path,
        problem,
        also,
        drafts,
        stamp,
    } = found;
    let (path, listing) = match problem {
        Some(problem) => {
            let problem = Problem::in_file(&path, problem);
            (path, Err(problem))
        }
        None => {
            let listing = listing(&path, limits, also, (drafts, stamp));
            let named = paths.contains(&path);
            if let Ok(l) = &listing
                && !named
                && !l.brief.looks_like_a_letter()
                && !crate::letter::listed_when_not_a_letter(&path)
            {
                return None;
            }
            (crate::disk::real_path(&path), listing)
        }
    };
    Some(Action::LetterIndexed {
        path,
        listing: Box::new(listing),
    })
}

/// The listing of a letter file: the letter in brief, its drafts' progress, and the
/// files of its name not read (`also`); `drafts`: whether the folder listing may hold
/// its drafts file, and the letter's stamp if the search read it ([`Found::stamp`]).
fn listing(
    path: &Path,
    limits: Limits,
    also: Vec<PathBuf>,
    (drafts, stamp): (bool, Option<crate::cache::Stamp>),
) -> Result<Listing, Problem> {
    let brief = crate::index::read_brief_stamped(path, limits.max_letter_bytes, stamp)
        .map_err(|why| Problem::in_file(path, why))?;
    let progress = crate::index::progress_if_listed(path, &brief.numbers, drafts);
    Ok(Listing {
        brief,
        progress,
        also,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folders_readme_is_not_listed_but_an_empty_txt_is() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("README.md"),
            "# Notes\n\nHow we answer letters.\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let (report, reports) = std::sync::mpsc::channel();
        let limits = Limits {
            max_letter_bytes: crate::index::MB,
        };
        let (_loader, thread) = spawn(vec![dir.path().to_path_buf()], limits, report).unwrap();
        let mut listed = Vec::new();
        for action in reports.iter() {
            match action {
                Action::LetterIndexed { path, .. } => listed.push(path),
                Action::IndexFinished => break,
                _ => {}
            }
        }
        drop(_loader);
        thread.join().unwrap();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].ends_with("empty.txt"), "{listed:?}");
    }
}
