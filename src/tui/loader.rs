//! The indexer and the reader. The indexer finds letter files and sums each up for the
//! Letters pane (its [`Listing`]: the letter in brief and its drafts' progress) on one
//! thread per core, reporting each as an [`Action`] so the first frame never waits for
//! the disk and the list fills in while the user works. The reader parses a letter in
//! full when it is opened, on a thread of its own so that an open is never queued
//! behind the indexing, and indexes again files that changed on disk.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::action::Action;
use super::config::Limits;
use super::listing::Listing;
use crate::index::{io_message, read_guarded};
use crate::letter::{brief_bytes, parse_bytes};

/// The indexer threads' name (their panics are caught and reported as unreadable files).
pub(crate) const THREAD: &str = "letterdesk-indexer";

/// The reader thread's name.
pub(crate) const READER: &str = "letterdesk-reader";

/// Folders nested deeper than this below a path given are not searched.
const MAX_DEPTH: usize = 64;

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
/// Small files are indexed first, so one huge letter does not hold up the rest. Returns
/// the handle and the indexer's thread (it ends when the index is done).
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
                        letter: Box::new(read_guarded(&path, limits.max_letter_bytes, parse_bytes)),
                        path,
                    },
                    Job::Reindex(path) => Action::LetterIndexed {
                        listing: Box::new(listing(&path, limits)),
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
    let produce = |give: &mut dyn FnMut((PathBuf, Option<String>))| {
        let total = find_letters(paths, |path, problem| give((path, problem)));
        if report.send(Action::FilesFound { total }).is_err() {
            gone.store(true, Ordering::Relaxed);
        }
    };
    let work = |(path, problem): (PathBuf, Option<String>)| {
        in_background();
        (!gone.load(Ordering::Relaxed))
            .then(|| index_one(paths, path, problem, limits))
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
    if !gone.load(Ordering::Relaxed) {
        let _ = report.send(Action::IndexFinished);
    }
}

/// Lower the calling thread's scheduling priority, once (on Linux, `nice` applies to
/// the thread): when the cores are busy, keys, drawing and opening a letter go before
/// indexing. Best effort.
fn in_background() {
    thread_local! {
        static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !LOWERED.replace(true) {
        let _ = rustix::process::nice(10);
    }
}

/// Index one file found (or say why it cannot be read); `None` for a file that is not
/// listed (a folder's README.md and the like are not letters).
fn index_one(
    paths: &[PathBuf],
    path: PathBuf,
    problem: Option<String>,
    limits: Limits,
) -> Option<Action> {
    let (path, listing) = match problem {
        Some(problem) => (path, Err(problem)),
        None => {
            let listing = listing(&path, limits);
            let named = paths.contains(&path);
            if let Ok(l) = &listing
                && !named
                && !l.brief.looks_like_a_letter()
                && !crate::letter::listed_when_not_a_letter(&path)
            {
                return None;
            }
            (real(&path), listing)
        }
    };
    Some(Action::LetterIndexed {
        path,
        listing: Box::new(listing),
    })
}

/// The listing of a letter file: the letter in brief and its drafts' progress.
fn listing(path: &Path, limits: Limits) -> Result<Listing, String> {
    let brief = read_guarded(path, limits.max_letter_bytes, brief_bytes)?;
    let progress = crate::index::progress(path, &brief.numbers);
    Ok(Listing { brief, progress })
}

/// The path a letter is known by: canonical, as the journal and the watcher see it.
fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Hand each letter file under `paths` to `found`, with the reason it cannot be read
/// if known already, as the walk finds it; returns how many. Folders are searched
/// recursively (each folder's entries in sorted order) for `.txt` and `.md` files,
/// skipping hidden files and folders and drafts files; files named directly are taken
/// as they are; each file once. Symlinks are followed; a link back into a folder being
/// searched, a link that cannot be followed, an unreadable folder and a folder nested
/// too deep are handed over with why.
pub(crate) fn find_letters(
    paths: &[PathBuf],
    mut found: impl FnMut(PathBuf, Option<String>),
) -> usize {
    let mut seen = HashSet::new();
    let mut once = |path: PathBuf, problem: Option<String>| {
        if seen.insert(path.clone()) {
            found(path, problem);
        }
    };
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut ancestors = HashSet::new();
                walk(path, 0, &mut ancestors, &mut once);
            }
            Ok(_) => once(path.clone(), None),
            Err(e) => once(path.clone(), Some(io_message(&e))),
        }
    }
    seen.len()
}

fn walk(
    dir: &Path,
    depth: usize,
    ancestors: &mut HashSet<PathBuf>,
    found: &mut impl FnMut(PathBuf, Option<String>),
) {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !ancestors.insert(real.clone()) {
        found(
            dir.to_path_buf(),
            Some("symlink loop: points back into a folder being searched".into()),
        );
        return;
    }
    if depth > MAX_DEPTH {
        found(
            dir.to_path_buf(),
            Some(format!(
                "folder nested too deep (over {MAX_DEPTH} levels): not searched"
            )),
        );
        ancestors.remove(&real);
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found(dir.to_path_buf(), Some(io_message(&e)));
            ancestors.remove(&real);
            return;
        }
    };
    let mut paths: Vec<(PathBuf, String)> = entries
        .flatten()
        .map(|e| (e.path(), e.file_name().to_string_lossy().into_owned()))
        .collect();
    paths.sort();
    for (path, name) in paths {
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, depth + 1, ancestors, found),
            Ok(meta) if meta.is_file() && crate::index::is_letter_name(&name) => found(path, None),
            Ok(_) => {}
            // A link that cannot be followed: say so when it names a letter or loops.
            Err(e) if crate::index::is_letter_name(&name) || e.raw_os_error() == Some(40) => {
                found(path, Some(io_message(&e)))
            }
            Err(_) => {}
        }
    }
    ancestors.remove(&real);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`find_letters`] hands over, sorted.
    fn found(paths: &[PathBuf]) -> Vec<(PathBuf, Option<String>)> {
        let mut all = Vec::new();
        let total = find_letters(paths, |path, problem| all.push((path, problem)));
        assert_eq!(total, all.len());
        all.sort();
        all
    }

    #[test]
    fn finds_letters_recursively_skipping_hidden_and_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for file in [
            "one.txt",
            "a/two.MD",
            "a/b/three.txt",
            ".git/x.txt",
            ".hidden.txt",
            "one.responses.toml",
            "notes.pdf",
        ] {
            std::fs::write(root.join(file), "x").unwrap();
        }
        let found: Vec<PathBuf> = found(&[root.to_path_buf()])
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            found,
            [
                root.join("a/b/three.txt"),
                root.join("a/two.MD"),
                root.join("one.txt")
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn odd_folders_are_listed_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
        std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
        let mut deep = root.join("deep");
        for i in 0..50 {
            deep.push(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("bottom.txt"), "x").unwrap();
        let found = found(&[root.to_path_buf()]);
        let why = |p: &Path| found.iter().find(|(f, _)| f == p).map(|(_, w)| w.clone());
        assert!(
            why(&root.join("a/up"))
                .unwrap()
                .unwrap()
                .contains("symlink loop")
        );
        assert!(
            why(&root.join("self.txt"))
                .unwrap()
                .unwrap()
                .contains("symlink loop")
        );
        assert_eq!(why(&deep.join("bottom.txt")), Some(None));
    }

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

    #[test]
    fn named_files_are_taken_and_missing_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("letter.pdf.txt2");
        std::fs::write(&file, "x").unwrap();
        let missing = dir.path().join("gone.txt");
        let found = found(&[file.clone(), missing.clone(), file.clone()]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, missing);
        assert!(found[0].1.is_some());
        assert_eq!(found[1], (file, None));
    }
}
