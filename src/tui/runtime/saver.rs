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

use crate::drafts::{self, Drafts, DraftsError, Loaded, TextFingerprints};
use crate::index::panic_message;
use crate::journal::Journal;
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
                    if let Some(action) = worker.fingerprints.take() {
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
            } => {
                if !self.unreadable.contains(&path) && self.changed(&path) {
                    // Someone else wrote the file: read it for merging, write nothing.
                    return Some(Action::DiskChanged {
                        letter,
                        generation,
                        result: self.load(path),
                    });
                }
                Some(Action::Saved {
                    letter,
                    generation,
                    result: self.save(path, &drafts).map(Box::new),
                })
            }
            Effect::Journal(typed) => {
                let journal = self.journal.as_ref()?;
                let failed: Vec<String> = typed
                    .iter()
                    .filter_map(|t| journal.record(&t.letter, &t.number, &t.text).err())
                    .map(|e| e.to_string())
                    .collect();
                failed
                    .first()
                    .map(|e| Action::JournalFailed(format!("{}: {e}", journal.dir().display())))
            }
            Effect::ClearJournal { letter, saved } => {
                let journal = self.journal.as_ref()?;
                journal
                    .clear_saved(&letter, &saved)
                    .err()
                    .map(|e| Action::JournalFailed(format!("{}: {e}", journal.dir().display())))
            }
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

    /// Write `drafts` unless the file could not be read.
    fn save(&mut self, path: PathBuf, drafts: &Drafts) -> Result<Drafts, String> {
        if self.unreadable.contains(&path) {
            return Err(format!(
                "{}: not written: it could not be read",
                path.display()
            ));
        }
        let previous = self.baselines.get(&path).and_then(Option::as_ref);
        let saved = match self.letters.get(&path) {
            Some((_, letter)) => drafts::save_stamped(&path, drafts, previous, letter, &[]),
            None => drafts::save_loaded(&path, drafts, previous),
        }
        .map_err(|e| full(&e))?;
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
