//! The precedent worker: opens the precedent index the first time precedent is asked
//! for, brings it up to date with the workspace's folders and the research libraries,
//! answers searches, and brings it up to date again when a letter changes (the folder
//! watcher). On a thread of its own, at a lower priority: never in `update` or `draw`.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::precedent::{Library, Probe, default_folder};
use crate::tui::model::action::Action;

/// How many hits a search asks for.
const HITS: usize = 10;

/// What the worker is asked to do.
enum Job {
    /// Find precedent for a comment's text in its letter.
    Find {
        text: String,
        heading: Option<String>,
        path: PathBuf,
        company: Option<String>,
    },
    /// A letter changed: bring the index up to date.
    Update,
}

/// The worker, started on first use.
pub(super) struct Precedent {
    roots: Vec<PathBuf>,
    report: Sender<Action>,
    jobs: OnceLock<Option<Sender<Job>>>,
}

impl Precedent {
    /// The worker over `roots` (the workspace's paths and the research libraries),
    /// reporting on `report`; nothing runs until it is first asked.
    pub(super) fn new(roots: Vec<PathBuf>, report: Sender<Action>) -> Self {
        Self {
            roots,
            report,
            jobs: OnceLock::new(),
        }
    }

    /// Find precedent for `text`, a comment under `heading` of the letter at `path` to
    /// `company`.
    pub(super) fn find(
        &self,
        text: String,
        heading: Option<String>,
        path: PathBuf,
        company: Option<String>,
    ) {
        let jobs = self.jobs.get_or_init(|| self.spawn());
        let job = Job::Find {
            text: text.clone(),
            heading,
            path,
            company,
        };
        let sent = jobs.as_ref().is_some_and(|jobs| jobs.send(job).is_ok());
        if !sent {
            let result = Err("the precedent worker could not start".to_owned());
            let _ = self.report.send(Action::PrecedentFound { text, result });
        }
    }

    /// A letter changed: bring the index up to date, if it is in use.
    pub(super) fn changed(&self) {
        if let Some(Some(jobs)) = self.jobs.get() {
            let _ = jobs.send(Job::Update);
        }
    }

    fn spawn(&self) -> Option<Sender<Job>> {
        let (jobs, queue) = channel();
        let roots = self.roots.clone();
        let report = self.report.clone();
        std::thread::Builder::new()
            .name("letterdesk-precedent".into())
            .spawn(move || {
                super::loader::in_background();
                let run = std::panic::AssertUnwindSafe(|| serve(&roots, &queue, &report));
                if std::panic::catch_unwind(run).is_err() {
                    let error = "the precedent index failed (internal error)".to_owned();
                    let _ = report.send(Action::PrecedentIndexed(Err(error)));
                }
            })
            .ok()?;
        Some(jobs)
    }
}

/// Open the index, bring it up to date, then answer jobs until the workspace ends.
fn serve(roots: &[PathBuf], queue: &Receiver<Job>, report: &Sender<Action>) {
    let opened = default_folder()
        .ok_or_else(|| "no cache folder (neither XDG_CACHE_HOME nor HOME is set)".to_owned())
        .and_then(|dir| Library::open(&dir));
    let mut library = match opened {
        Ok(library) => library,
        Err(error) => {
            let _ = report.send(Action::PrecedentIndexed(Err(error.clone())));
            for job in queue {
                if let Job::Find { text, .. } = job {
                    let result = Err(error.clone());
                    let _ = report.send(Action::PrecedentFound { text, result });
                }
            }
            return;
        }
    };
    let mut stale = true;
    for job in queue {
        if stale {
            let result = library.update(roots).map(|_| library.comments());
            stale = false;
            if report.send(Action::PrecedentIndexed(result)).is_err() {
                return;
            }
        }
        match job {
            Job::Update => stale = true,
            Job::Find {
                text,
                heading,
                path,
                company,
            } => {
                let probe = Probe {
                    text: &text,
                    heading: heading.as_deref(),
                    path: Some(&path),
                    company: company.as_deref(),
                };
                let result = library.similar(probe, HITS);
                if report
                    .send(Action::PrecedentFound { text, result })
                    .is_err()
                {
                    return;
                }
            }
        }
    }
}
