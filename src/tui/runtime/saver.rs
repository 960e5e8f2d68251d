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
                    let more = [worker.fingerprints.take(), worker.journal_error.take()];
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
            return Some(Action::JournalFailed(format!("failed ({message})")));
        };
        let error = format!("{}: failed ({message})", name(&path));
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
                    Err(e) => Err(full(&e)),
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
                    .map(|e| Action::JournalFailed(e.to_string()))
            }
            Effect::Letter { letter, path, text } => {
                let fingerprints = TextFingerprints::of(&text);
                drop(text);
                self.letters.insert(path.clone(), (letter, fingerprints));
                self.compare_fingerprints(&path);
                self.fingerprints.take()
            }
            Effect::LayOut { .. }
            | Effect::Reparse(_)
            | Effect::ReadLetter(_)
            | Effect::Export { .. }
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
        failed.map(|e| Action::JournalFailed(format!("{}: {e}", journal.dir().display())))
    }

    /// Right after a save, before any later job: remove the journal entries it made
    /// obsolete (see [`Journal::clear_saved`]).
    fn clear_journal(&self, path: &Path, saved: &Drafts) -> Option<Action> {
        let journal = self.journal.as_ref()?;
        let letter = self.journalled.get(path)?;
        journal
            .clear_saved(letter, saved)
            .err()
            .map(|e| Action::JournalFailed(format!("{}: {e}", journal.dir().display())))
    }

    /// Compare the fingerprints stored in the drafts file with the letter's text.
    fn compare_fingerprints(&mut self, path: &Path) {
        let (Some((letter, text)), Some(Some(loaded))) =
            (self.letters.get(path), self.baselines.get(path))
        else {
            return;
        };
        self.fingerprints = Some(Action::CommentsChanged {
            letter: *letter,
            numbers: drafts::changed_comments(loaded, text),
        });
    }

    fn load(&mut self, path: PathBuf) -> Result<Option<Drafts>, String> {
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
                Err(short(&e))
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

/// A drafts error naming the file without its folder, so the line number fits on screen.
fn short(error: &DraftsError) -> String {
    let full = error.path().display().to_string();
    error.to_string().replacen(&full, &name(error.path()), 1)
}

/// A drafts error with the full path (a failed save: the user needs to know where).
fn full(error: &DraftsError) -> String {
    error.to_string()
}

/// A file's name, for messages.
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::Status;
    use crate::tui::model::ids::LetterId;

    fn drafts(response: &str) -> Drafts {
        let mut d = Drafts::for_comments(&["1".into(), "2".into()]);
        d.set_response("1", response);
        d
    }

    fn load(worker: &mut Worker, path: &Path) -> Result<Option<Drafts>, String> {
        let job = Effect::LoadDrafts {
            letter: LetterId(0),
            path: path.into(),
            generation: 0,
        };
        match worker.run(job) {
            Some(Action::DraftsLoaded { result, .. }) => result,
            other => panic!("{other:?}"),
        }
    }

    fn save(worker: &mut Worker, path: &Path, d: Drafts) -> Result<(), String> {
        let job = Effect::Save {
            letter: LetterId(0),
            path: path.into(),
            drafts: d,
            generation: 1,
            reads: worker.reads.get(path).copied().unwrap_or(0),
        };
        match worker.run(job) {
            Some(Action::Saved { result, .. }) => result.map(|_| ()),
            Some(Action::DiskChanged { .. }) => Err("changed on disk".into()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let mut worker = Worker::default();
        assert_eq!(load(&mut worker, &path), Ok(None));
        save(&mut worker, &path, drafts("First.")).unwrap();
        save(&mut worker, &path, drafts("Second.")).unwrap();
        let read = load(&mut Worker::default(), &path).unwrap().unwrap();
        assert_eq!(read.get("1").unwrap().response, "Second.");
        assert_eq!(read.get("1").unwrap().status, Status::Drafted);
    }

    #[test]
    fn never_overwrites_a_file_changed_by_someone_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let mut worker = Worker::default();
        assert_eq!(load(&mut worker, &path), Ok(None));
        std::fs::write(&path, "# someone else's\n").unwrap();
        let job = Effect::Save {
            letter: LetterId(0),
            path: path.clone(),
            drafts: drafts("Mine."),
            generation: 3,
            reads: 1,
        };
        // Nothing is written: the file is read again and handed back for merging.
        assert_eq!(
            worker.run(job),
            Some(Action::DiskChanged {
                letter: LetterId(0),
                generation: 3,
                result: Ok(Some(Drafts::default())),
            })
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# someone else's\n"
        );
        // Now that it has been read, the merged drafts go on top of it.
        save(&mut worker, &path, drafts("Mine.")).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# someone else's") && text.contains("Mine."),
            "{text}"
        );
    }

    #[test]
    fn a_save_made_before_an_outside_change_was_read_never_undoes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let mut worker = Worker::default();
        assert_eq!(load(&mut worker, &path), Ok(None));
        save(&mut worker, &path, drafts("Mine.")).unwrap();
        let theirs = "[comments.\"2\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n";
        std::fs::write(&path, theirs).unwrap();
        // The watcher's check reads it (the workspace has not merged it yet)...
        let check = Effect::CheckDrafts {
            letter: LetterId(0),
            path: path.clone(),
        };
        assert!(matches!(
            worker.run(check),
            Some(Action::DraftsLoaded { .. })
        ));
        // ...while a save made from the earlier read is on its way: not written.
        let job = Effect::Save {
            letter: LetterId(0),
            path: path.clone(),
            drafts: drafts("Mine, more."),
            generation: 2,
            reads: 1,
        };
        assert!(matches!(worker.run(job), Some(Action::DiskChanged { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    }

    #[test]
    fn own_saves_and_touches_are_not_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let mut worker = Worker::default();
        assert_eq!(load(&mut worker, &path), Ok(None));
        save(&mut worker, &path, drafts("One.")).unwrap();
        let check = || Effect::CheckDrafts {
            letter: LetterId(0),
            path: path.clone(),
        };
        assert_eq!(worker.run(check()), None, "own save is no change");
        // Same bytes, new mtime: not a change either.
        let bytes = std::fs::read(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(worker.run(check()), None);
        save(&mut worker, &path, drafts("Two.")).unwrap();
        std::fs::write(
            &path,
            "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n",
        )
        .unwrap();
        assert!(matches!(
            worker.run(check()),
            Some(Action::DraftsLoaded {
                result: Ok(Some(_)),
                ..
            })
        ));
    }

    #[test]
    fn saves_record_fingerprints_and_a_changed_letter_is_reported() {
        use crate::letter::{Comment, Letter};
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let letter = |two: &str| {
            Arc::new(Letter {
                comments: ["One.", two]
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Comment {
                        number: (i + 1).to_string(),
                        text: t.to_string(),
                        ..Comment::default()
                    })
                    .collect(),
                ..Letter::default()
            })
        };
        let mut worker = Worker::default();
        let tell = |worker: &mut Worker, text| {
            worker.run(Effect::Letter {
                letter: LetterId(0),
                path: path.clone(),
                text,
            })
        };
        assert_eq!(tell(&mut worker, letter("Two.")), None, "nothing read yet");
        assert_eq!(load(&mut worker, &path), Ok(None));
        worker.fingerprints = None;
        let mut d = drafts("Answer one.");
        d.set_response("2", "Answer two.");
        save(&mut worker, &path, d).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("fingerprint")
        );
        // A corrected letter: comment 2's text changed.
        assert_eq!(
            tell(&mut worker, letter("Two, corrected.")),
            Some(Action::CommentsChanged {
                letter: LetterId(0),
                numbers: vec!["2".into()],
            })
        );
    }

    fn journalled(worker: &mut Worker, letter: &Path, text: &str) {
        let typed = Typed {
            letter: letter.to_owned(),
            number: "1".into(),
            text: text.into(),
        };
        assert_eq!(worker.run(Effect::Journal(vec![typed])), None);
    }

    fn with_journal(dir: &Path) -> (Worker, PathBuf, PathBuf) {
        let letter = dir.join("a.txt");
        std::fs::write(&letter, "1. Explain.\n").unwrap();
        let worker = Worker {
            journal: Some(Journal::open_session(dir.join("journal")).unwrap()),
            ..Worker::default()
        };
        (worker, letter.clone(), drafts::drafts_path(&letter))
    }

    #[test]
    fn a_saved_draft_is_never_offered_again() {
        let dir = tempfile::tempdir().unwrap();
        let (mut worker, letter, path) = with_journal(dir.path());
        assert_eq!(load(&mut worker, &path), Ok(None));
        // Part of the typing is journalled; the whole of it is saved.
        journalled(&mut worker, &letter, "We will");
        save(&mut worker, &path, drafts("We will revise.")).unwrap();
        let journal = worker.journal.clone().unwrap();
        assert_eq!(
            journal.pending().unwrap(),
            [],
            "the older prefix is cleared"
        );
        // Typing after the save stays until it is saved in turn.
        journalled(&mut worker, &letter, "We will revise it.");
        assert_eq!(journal.pending().unwrap().len(), 1);
        drop(worker);
        let next = Journal::open_session(journal.dir()).unwrap();
        drop(journal);
        assert_eq!(next.offers().unwrap().len(), 1);
    }

    #[test]
    fn text_discarded_by_taking_theirs_is_not_offered_again() {
        let dir = tempfile::tempdir().unwrap();
        let (mut worker, letter, path) = with_journal(dir.path());
        assert_eq!(load(&mut worker, &path), Ok(None));
        save(&mut worker, &path, drafts("Ours.")).unwrap();
        journalled(&mut worker, &letter, "Ours, longer.");
        std::fs::write(
            &path,
            "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n",
        )
        .unwrap();
        assert!(save(&mut worker, &path, drafts("Ours, longer.")).is_err());
        // The user takes theirs: that is what is saved.
        save(&mut worker, &path, drafts("Theirs.")).unwrap();
        let journal = worker.journal.clone().unwrap();
        drop(worker);
        let next = Journal::open_session(journal.dir()).unwrap();
        drop(journal);
        assert_eq!(next.offers().unwrap(), []);
    }

    #[test]
    fn never_writes_a_file_it_could_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.responses.toml");
        let text = "<<<<<<< HEAD\n[comments.\"1\"]\n=======\n>>>>>>> other\n";
        std::fs::write(&path, text).unwrap();
        let mut worker = Worker::default();
        let error = load(&mut worker, &path).unwrap_err();
        assert_eq!(error, "a.responses.toml:1: unresolved git conflict marker");
        assert!(save(&mut worker, &path, drafts("Mine.")).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn a_panicking_job_is_reported_as_failed() {
        let path = PathBuf::from("/x/a.responses.toml");
        let save = Effect::Save {
            letter: LetterId(2),
            path: path.clone(),
            drafts: drafts(""),
            generation: 7,
            reads: 0,
        };
        let Some(Action::Saved {
            letter,
            generation,
            result,
        }) = failure(&save)("boom")
        else {
            panic!()
        };
        assert_eq!((letter, generation), (LetterId(2), 7));
        assert_eq!(result, Err("a.responses.toml: failed (boom)".to_string()));
        let load = Effect::LoadDrafts {
            letter: LetterId(2),
            path,
            generation: 1,
        };
        assert!(matches!(
            failure(&load)("boom"),
            Some(Action::DraftsLoaded { result: Err(_), .. })
        ));
        assert!(matches!(
            failure(&Effect::Quit)("boom"),
            Some(Action::JournalFailed(_))
        ));
    }
}
