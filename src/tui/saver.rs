//! The drafts worker: the one thread that reads and writes drafts files, in the order
//! asked, so typing never waits on the disk. It keeps what each file held when last read
//! or written, for the drafts store's conflict check, and refuses to write a file it
//! could not read.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::action::{Action, Effect};
use super::loader::panic_message;
use crate::drafts::{self, Drafts, DraftsError, Loaded};

/// The worker thread's name (its panics are caught and reported as failed jobs).
pub(crate) const THREAD: &str = "letterdesk-drafts";

/// Handle on the worker thread.
pub(crate) struct Saver {
    jobs: Sender<Effect>,
    thread: JoinHandle<()>,
}

impl Saver {
    /// Start the worker; it reports on `report`.
    pub(crate) fn spawn(report: Sender<Action>) -> std::io::Result<Self> {
        let (jobs, queue) = channel::<Effect>();
        let thread = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(move || {
                let mut worker = Worker::default();
                for job in queue {
                    let failed = failure(&job);
                    let run = std::panic::catch_unwind(AssertUnwindSafe(|| worker.run(job)));
                    let action = run.unwrap_or_else(|panic| failed(panic_message(panic.as_ref())));
                    if let Some(action) = action {
                        let _ = report.send(action);
                    }
                }
            })?;
        Ok(Self { jobs, thread })
    }

    /// Queue a [`Effect::LoadDrafts`] or [`Effect::Save`].
    pub(crate) fn send(&self, effect: Effect) {
        let _ = self.jobs.send(effect);
    }

    /// Finish every queued job, then stop.
    pub(crate) fn finish(self) {
        drop(self.jobs);
        let _ = self.thread.join();
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
        Effect::Quit => None,
    };
    move |message| {
        let (load, letter, path, generation) = job?;
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
}

impl Worker {
    fn run(&mut self, job: Effect) -> Option<Action> {
        match job {
            Effect::LoadDrafts {
                letter,
                path,
                generation,
            } => {
                let result = match drafts::load(&path) {
                    Ok(found) => {
                        self.unreadable.remove(&path);
                        let drafts = found.as_ref().map(|l| l.drafts.clone());
                        self.baselines.insert(path, found);
                        Ok(drafts)
                    }
                    Err(e) => {
                        self.unreadable.insert(path);
                        Err(short(&e))
                    }
                };
                Some(Action::DraftsLoaded {
                    letter,
                    generation,
                    result,
                })
            }
            Effect::Save {
                letter,
                path,
                drafts,
                generation,
            } => Some(Action::Saved {
                letter,
                generation,
                result: self.save(path, &drafts),
            }),
            Effect::Quit => None,
        }
    }

    /// Write `drafts` unless the file could not be read or changed on disk since we last
    /// read or wrote it (someone else's edits are never overwritten).
    fn save(&mut self, path: PathBuf, drafts: &Drafts) -> Result<(), String> {
        if self.unreadable.contains(&path) {
            return Err(format!(
                "{}: not written: it could not be read",
                path.display()
            ));
        }
        let previous = self.baselines.get(&path).and_then(Option::as_ref);
        let changed = match previous {
            Some(seen) => drafts::on_disk_changed(&path, &seen.fingerprint).unwrap_or(true),
            None => path.exists(),
        };
        if changed {
            return Err(format!(
                "{}: not written: it changed on disk since it was read",
                name(&path)
            ));
        }
        let saved = drafts::save_loaded(&path, drafts, previous).map_err(|e| short(&e))?;
        self.baselines.insert(path, Some(saved));
        Ok(())
    }
}

/// A drafts error naming the file without its folder, so the line number fits on screen.
fn short(error: &DraftsError) -> String {
    let full = error.path().display().to_string();
    error.to_string().replacen(&full, &name(error.path()), 1)
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
    use crate::tui::action::LetterId;

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
            Some(Action::Saved { result, .. }) => result,
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
        let error = save(&mut worker, &path, drafts("Mine.")).unwrap_err();
        assert_eq!(
            error,
            "a.responses.toml: not written: it changed on disk since it was read"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# someone else's\n"
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
        assert_eq!(failure(&Effect::Quit)("boom"), None);
    }
}
