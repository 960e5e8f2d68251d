//! The drafts worker: the one thread that reads and writes drafts files, in the order
//! asked, so typing never waits on the disk. It keeps what each file held when last read
//! or written, for the drafts store's conflict check, and refuses to write a file it
//! could not read.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use super::action::{Action, Effect};
use crate::drafts::{self, Drafts, Loaded};

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
                        Err(e.to_string())
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
                path.display()
            ));
        }
        let saved = drafts::save_loaded(&path, drafts, previous).map_err(|e| e.to_string())?;
        self.baselines.insert(path, Some(saved));
        Ok(())
    }
}
