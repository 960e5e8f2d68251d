//! The drafts worker: the one thread that reads and writes drafts files and the crash
//! journal, in the order asked, so typing never waits on the disk. It keeps what each
//! drafts file held when last read or written; before a save it compares the file on
//! disk with that (by content, not only mtime) and, when someone else changed it, reads
//! it again and reports it for merging instead of writing. A file it could not read is
//! never written.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::drafts::{self, Drafts, DraftsError, Expect, Loaded, TextFingerprints};
use crate::index::panic_message;
use crate::journal::{Journal, Typed};
use crate::problem::Problem;
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::ids::LetterId;

/// The worker thread's name (its panics are caught and reported as failed jobs).
pub(crate) const THREAD: &str = "letterdesk-drafts";

/// Handle on the worker thread.
pub(crate) struct Saver {
    jobs: Sender<Effect>,
    thread: JoinHandle<()>,
}

impl Saver {
    /// Start the worker; it reports on `report` and journals into `journal`.
    pub(crate) fn spawn(report: Sender<Action>, journal: Option<Journal>) -> std::io::Result<Self> {
        let (jobs, queue) = channel::<Effect>();
        let thread = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(move || {
                let mut worker = Worker {
                    journal,
                    ..Worker::default()
                };
                for job in queue {
                    let failed = failure(&job);
                    let run = std::panic::catch_unwind(AssertUnwindSafe(|| worker.run(job)));
                    let action = run.unwrap_or_else(|panic| failed(panic_message(panic.as_ref())));
                    if let Some(action) = action {
                        let _ = report.send(action);
                    }
                    let more = [
                        worker.fingerprints.take(),
                        worker.journal_error.take(),
                        worker.renamed.take(),
                    ];
                    for action in more.into_iter().flatten() {
                        let _ = report.send(action);
                    }
                }
            })?;
        Ok(Self { jobs, thread })
    }

    /// Queue a drafts or journal job.
    pub(crate) fn send(&self, effect: Effect) {
        let _ = self.jobs.send(effect);
    }

    /// Finish every queued job, then stop; gives up waiting after `limit` (the disk may
    /// hang; the program must still exit). Returns whether the worker finished.
    pub(crate) fn finish(self, limit: Duration) -> bool {
        drop(self.jobs);
        let deadline = Instant::now() + limit;
        while !self.thread.is_finished() {
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.thread.join();
        true
    }
}

/// What to report if `job` panics.
fn failure(job: &Effect) -> impl FnOnce(&str) -> Option<Action> + use<> {
    let job = match job {
        Effect::LoadDrafts {
            letter,
            path,
            generation,
        } => Some((true, *letter, path.clone(), *generation)),
        Effect::Save {
            letter,
            path,
            generation,
            ..
        } => Some((false, *letter, path.clone(), *generation)),
        _ => None,
    };
    move |message| {
        let Some((load, letter, path, generation)) = job else {
            return Some(Action::JournalFailed(Problem::new(format!(
                "failed ({message})"
            ))));
        };
        // Named by the file alone: a failure inside the worker is not about the folder.
        let file = path.file_name().map_or(path.clone(), PathBuf::from);
        let error = Problem::in_file(file, format!("failed ({message})"));
        Some(if load {
            Action::DraftsLoaded {
                letter,
                generation,
                result: Err(error),
            }
        } else {
            Action::Saved {
                letter,
                generation,
                result: Err(error),
            }
        })
    }
}

#[derive(Default)]
struct Worker {
    /// What each drafts file held when last read or written (`None`: no file).
    baselines: HashMap<PathBuf, Option<Loaded>>,
    /// Files that could not be read: never written.
    unreadable: HashSet<PathBuf>,
    /// The crash journal, when it could be opened.
    journal: Option<Journal>,
    /// The fingerprints of the comment texts of the letter each drafts file belongs
    /// to (not the letters: the workspace keeps only a few of those).
    letters: HashMap<PathBuf, (LetterId, TextFingerprints)>,
    /// A [`Action::CommentsChanged`] to report after the job's own report.
    fingerprints: Option<Action>,
    /// The letter file of each drafts file this worker has journalled for.
    journalled: HashMap<PathBuf, PathBuf>,
    /// A [`Action::JournalFailed`] to report after a save's own report.
    journal_error: Option<Action>,
    /// How many reads of each drafts file were reported (see [`Effect::Save`]).
    reads: HashMap<PathBuf, u64>,
    /// A [`Action::DraftsOfRenamed`] to report after the job's own report.
    renamed: Option<Action>,
    /// The drafts files already looked for among the files renamed letters left
    /// behind (each is looked for once).
    looked_for: HashSet<PathBuf>,
}

impl Worker {
    fn run(&mut self, job: Effect) -> Option<Action> {
        match job {
            Effect::LoadDrafts {
                letter,
                path,
                generation,
            } => Some(Action::DraftsLoaded {
                letter,
                generation,
                result: self.load(path),
            }),
            Effect::CheckDrafts { letter, path } => {
                let changed = if self.unreadable.contains(&path) {
                    true
                } else {
                    self.changed(&path)
                };
                changed.then(|| Action::DraftsLoaded {
                    letter,
                    generation: 0,
                    result: self.load(path),
                })
            }
            Effect::Save {
                letter,
                path,
                drafts,
                generation,
                reads,
            } => {
                let stale = reads < self.reads.get(&path).copied().unwrap_or(0);
                if !self.unreadable.contains(&path) && (stale || self.changed(&path)) {
                    // Someone else wrote the file: read it for merging, write nothing.
                    return Some(Action::DiskChanged {
                        letter,
                        generation,
                        result: self.load(path),
                    });
                }
                let result = match self.save(path.clone(), &drafts) {
                    Err(DraftsError::Changed { .. }) => {
                        // Someone wrote it while the save was being written.
                        return Some(Action::DiskChanged {
                            letter,
                            generation,
                            result: self.load(path),
                        });
                    }
                    Err(e) => Err(Problem::from(&e)),
                    Ok(saved) => {
                        self.journal_error = self.clear_journal(&path, &saved);
                        Ok(Box::new(saved))
                    }
                };
                Some(Action::Saved {
                    letter,
                    generation,
                    result,
                })
            }
            Effect::Journal(typed) => self.journal(&typed),
            Effect::DiscardJournal(entry) => {
                let journal = self.journal.as_ref()?;
                journal
                    .discard(&entry)
                    .err()
                    .map(|e| Action::JournalFailed(Problem::new(e.to_string())))
            }
            Effect::Letter { letter, path, text } => {
                let fingerprints = TextFingerprints::of(&text);
                drop(text);
                self.letters.insert(path.clone(), (letter, fingerprints));
                self.compare_fingerprints(&path);
                self.fingerprints.take()
            }
            Effect::Reattach { letter, from, to } => {
                let result = match drafts::reattach(&from, &to) {
                    Ok(()) => self.load(to),
                    Err(e) => Err(Problem::in_file(&from, e.to_string())),
                };
                Some(Action::Reattached {
                    letter,
                    from,
                    result,
                })
            }
            Effect::LayOut { .. }
            | Effect::BuildReviews(_)
            | Effect::Reparse(_)
            | Effect::ReadLetter(_)
            | Effect::Export { .. }
            | Effect::Clipboard(_)
            | Effect::EditOutside { .. }
            | Effect::AddWord(_)
            | Effect::FindPrecedent { .. }
            | Effect::Quit => None,
        }
    }

    /// Journal typed text, noting for each what its drafts file holds for the comment
    /// as last read or written here (so an entry a later save makes obsolete is known
    /// to be older than the file, even after a crash).
    fn journal(&mut self, typed: &[Typed]) -> Option<Action> {
        let journal = self.journal.as_ref()?;
        let mut failed = None;
        for t in typed {
            let path = drafts::drafts_path(&t.letter);
            let saved = match self.baselines.get(&path) {
                _ if self.unreadable.contains(&path) => None,
                Some(Some(loaded)) => Some(
                    loaded
                        .drafts
                        .get(&t.number)
                        .map_or("", |d| d.response.as_str()),
                ),
                Some(None) => Some(""),
                None => None,
            };
            match journal.record_over(&t.letter, &t.number, &t.text, saved) {
                Ok(_) => {
                    self.journalled.insert(path, t.letter.clone());
                }
                Err(e) => failed = failed.or(Some(e.to_string())),
            }
        }
        failed.map(|e| Action::JournalFailed(Problem::in_file(journal.dir(), e)))
    }

    /// Right after a save, before any later job: remove the journal entries it made
    /// obsolete (see [`Journal::clear_saved`]).
    fn clear_journal(&self, path: &Path, saved: &Drafts) -> Option<Action> {
        let journal = self.journal.as_ref()?;
        let letter = self.journalled.get(path)?;
        journal
            .clear_saved(letter, saved)
            .err()
            .map(|e| Action::JournalFailed(Problem::in_file(journal.dir(), e.to_string())))
    }

    /// Compare the fingerprints stored in the drafts file with the letter's text; when
    /// there is no drafts file, look (once) for one the letter left behind under its
    /// old name.
    fn compare_fingerprints(&mut self, path: &Path) {
        let (Some((letter, text)), Some(Some(loaded))) =
            (self.letters.get(path), self.baselines.get(path))
        else {
            if let (Some((letter, text)), Some(None)) =
                (self.letters.get(path), self.baselines.get(path))
                && self.looked_for.insert(path.to_path_buf())
            {
                self.renamed =
                    drafts::find_renamed(path, text).map(|found| Action::DraftsOfRenamed {
                        letter: *letter,
                        found,
                    });
            }
            return;
        };
        self.fingerprints = Some(Action::CommentsChanged {
            letter: *letter,
            numbers: drafts::changed_comments(loaded, text),
        });
    }

    fn load(&mut self, path: PathBuf) -> Result<Option<Drafts>, Problem> {
        *self.reads.entry(path.clone()).or_default() += 1;
        match drafts::load(&path) {
            Ok(found) => {
                self.unreadable.remove(&path);
                let drafts = found.as_ref().map(|l| l.drafts.clone());
                self.baselines.insert(path.clone(), found);
                self.compare_fingerprints(&path);
                Ok(drafts)
            }
            Err(e) => {
                self.unreadable.insert(path);
                Err(Problem::from(&e))
            }
        }
    }

    /// Whether the file differs from what was last read or written here.
    fn changed(&self, path: &Path) -> bool {
        match self.baselines.get(path) {
            Some(Some(seen)) => drafts::on_disk_changed(path, &seen.fingerprint).unwrap_or(true),
            Some(None) | None => path.exists(),
        }
    }

    /// Write `drafts` unless the file could not be read (or changed meanwhile:
    /// [`DraftsError::Changed`]).
    fn save(&mut self, path: PathBuf, drafts: &Drafts) -> Result<Drafts, DraftsError> {
        if self.unreadable.contains(&path) {
            return Err(DraftsError::Io {
                source: std::io::Error::other("not written: it could not be read"),
                path,
            });
        }
        let previous = self.baselines.get(&path).and_then(Option::as_ref);
        // Replaced only if it is still what was last read or written here.
        let expect = Expect::AsSeen(previous.map(|p| &p.fingerprint));
        let saved = match self.letters.get(&path) {
            Some((_, letter)) => {
                drafts::save_stamped_expecting(&path, drafts, previous, letter, &[], expect)
            }
            None => drafts::save_expecting(&path, drafts, previous, expect),
        }?;
        let written = saved.drafts.clone();
        self.baselines.insert(path, Some(saved));
        Ok(written)
    }
}

#[cfg(test)]
#[path = "saver_tests.rs"]
mod tests;
