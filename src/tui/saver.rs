//! The drafts worker: the one thread that reads and writes drafts files, in the order
//! asked, so typing never waits on the disk. It keeps what each file held when last read
//! or written, for the drafts store's conflict check, and refuses to write a file it
//! could not read.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::action::{Action, Effect};
use crate::drafts::{self, Drafts, DraftsError, Loaded};

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
            .name("letterdesk-drafts".into())
            .spawn(move || {
                let mut worker = Worker::default();
                for job in queue {
                    if let Some(action) = worker.run(job) {
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
}
