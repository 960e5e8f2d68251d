//! The precedent worker: the first time precedent is asked for, it has the index
//! brought up to date with the workspace's folders and the research libraries by
//! `letterdesk index`, run as a process of its own (reading thousands of letters and
//! writing the index weighs on that process, and its memory goes back to the system
//! when it ends), then opens the index to read, answers searches, and has the index
//! brought up to date again when a letter changes (the folder watcher). On a thread of
//! its own, at a lower priority, which the indexing process inherits: never in
//! `update` or `draw`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::allocator::PURGE_DELAY_VAR;
use crate::precedent::{Library, Probe, READING, default_folder};
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

/// How the index is brought up to date: `PROGRAM index --progress [--config FILE]
/// [--no-cache] -- PATH...`.
#[derive(Debug, Clone)]
pub(super) struct Indexer {
    /// The letterdesk program (`None`: it could not be found).
    pub(super) program: Option<PathBuf>,
    /// The config file in effect, from which it reads the research libraries.
    pub(super) config: Option<PathBuf>,
    /// The workspace's folders and files.
    pub(super) paths: Vec<PathBuf>,
}

/// The worker, started on first use.
pub(super) struct Precedent {
    indexer: Indexer,
    report: Sender<Action>,
    jobs: OnceLock<Option<Sender<Job>>>,
    /// The indexing process while it runs, ended with the workspace.
    running: Arc<Mutex<Option<Child>>>,
}

impl Precedent {
    /// The worker, indexing with `indexer` and reporting on `report`; nothing runs
    /// until it is first asked.
    pub(super) fn new(indexer: Indexer, report: Sender<Action>) -> Self {
        Self {
            indexer,
            report,
            jobs: OnceLock::new(),
            running: Arc::default(),
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
        let indexer = self.indexer.clone();
        let report = self.report.clone();
        let running = self.running.clone();
        std::thread::Builder::new()
            .name("letterdesk-precedent".into())
            .spawn(move || {
                super::loader::in_background();
                let run =
                    std::panic::AssertUnwindSafe(|| serve(&indexer, &running, &queue, &report));
                if std::panic::catch_unwind(run).is_err() {
                    let error = "the precedent index failed (internal error)".to_owned();
                    let _ = report.send(Action::PrecedentIndexed(Err(error)));
                }
            })
            .ok()?;
        Some(jobs)
    }
}

impl Drop for Precedent {
    /// The workspace ends: so does the indexing process (what it committed stays; the
    /// next start goes on from there).
    fn drop(&mut self) {
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(mut child) = running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Indexer {
    /// Run `letterdesk index` and wait for it, each line it writes handed to `said`
    /// as it comes (how far it has read, or that it waits for another letterdesk
    /// writing the index); its error, when it fails, is the last line it wrote that
    /// is not a progress line. The process is kept in `running` while it runs.
    fn run(
        &self,
        running: &Mutex<Option<Child>>,
        mut said: impl FnMut(&str),
    ) -> Result<(), String> {
        let program = self
            .program
            .as_ref()
            .ok_or("cannot find the letterdesk program to index the letters with")?;
        let mut command = Command::new(program);
        command.arg("index").arg("--progress");
        if let Some(config) = &self.config {
            command.arg("--config").arg(config);
        }
        if crate::cache::is_turned_off() {
            command.arg("--no-cache");
        }
        // The program has mimalloc give freed memory back after 10 ms
        // ([`crate::allocator`], unless this variable is set); the indexing process
        // frees most of each letter as soon as it has read it, beside the workspace,
        // and gives it back at once (mimalloc reads the variable when it starts).
        if std::env::var_os(PURGE_DELAY_VAR).is_none() {
            command.env(PURGE_DELAY_VAR, "0");
        }
        command
            .arg("--")
            .args(&self.paths)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start {} index: {e}", program.display()))?;
        let mut stderr = child.stderr.take();
        *running.lock().unwrap_or_else(PoisonError::into_inner) = Some(child);
        let mut last = String::new();
        if let Some(stderr) = stderr.take() {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let line = line.trim().trim_start_matches("letterdesk: ");
                if !line.is_empty() {
                    said(line);
                    if !line.starts_with(READING) {
                        line.clone_into(&mut last);
                    }
                }
            }
        }
        let Some(mut child) = running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return Err("the indexing was stopped".to_owned());
        };
        let status = child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            return Ok(());
        }
        // Killed, the signal says more than what it said before.
        Err(if last.is_empty() || status.code().is_none() {
            format!("indexing the letters failed ({status})")
        } else {
            last
        })
    }
}

/// Have the index brought up to date, open it, then answer jobs until the workspace
/// ends, bringing it up to date again after a letter changed.
fn serve(
    indexer: &Indexer,
    running: &Mutex<Option<Child>>,
    queue: &Receiver<Job>,
    report: &Sender<Action>,
) {
    let dir = default_folder()
        .ok_or_else(|| "no cache folder (neither XDG_CACHE_HOME nor HOME is set)".to_owned());
    let mut library: Option<Library> = None;
    let mut failed = String::new();
    let mut stale = true;
    for job in queue {
        if stale {
            stale = false;
            let result = dir.clone().and_then(|dir| {
                let indexed = indexer.run(running, |line| {
                    let _ = report.send(Action::PrecedentIndexing(line.to_owned()));
                });
                let opened = match &library {
                    Some(library) => library.reload(),
                    None => Library::open_reader(&dir).map(|opened| library = Some(opened)),
                };
                indexed.and(opened)
            });
            if let Err(error) = &result {
                failed.clone_from(error);
            }
            let result = result.map(|()| library.as_ref().map_or(0, Library::comments));
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
                let result = match &library {
                    Some(library) => library.similar(probe, HITS),
                    None => Err(failed.clone()),
                };
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    /// The worker with a shell script standing in for `letterdesk index`.
    fn worker(dir: &std::path::Path, script: &str) -> (Precedent, Receiver<Action>) {
        let program = dir.join("indexer");
        let script = format!(
            "#!/bin/sh\n[ \"$1\" = index ] || exit 0\n[ \"$2\" = --progress ] || exit 3\n{script}\n"
        );
        std::fs::write(&program, script).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        // A process another test forks may hold the script open for writing until it
        // runs its own program ("text file busy"): run it once first.
        let start = Instant::now();
        while let Err(error) = Command::new(&program).status() {
            assert!(start.elapsed() < Duration::from_secs(10), "{error}");
            std::thread::sleep(Duration::from_millis(10));
        }
        let indexer = Indexer {
            program: Some(program),
            config: None,
            paths: vec![dir.to_owned()],
        };
        let (report, reports) = channel();
        (Precedent::new(indexer, report), reports)
    }

    fn find(worker: &Precedent) {
        worker.find("Non-GAAP measures".into(), None, "/x/a.txt".into(), None);
    }

    #[test]
    fn the_indexers_last_words_are_the_error_shown() {
        let dir = tempfile::tempdir().unwrap();
        // A progress line after the error is not taken for it.
        let script = format!(
            "echo 'letterdesk: warning: a' >&2\necho 'letterdesk: /c: disk full' >&2\n\
             echo 'letterdesk: {READING}: 40%' >&2\nexit 1"
        );
        let (worker, reports) = worker(dir.path(), &script);
        find(&worker);
        // What it says as it runs comes first, then the result.
        let indexed = loop {
            if let Action::PrecedentIndexed(result) =
                reports.recv_timeout(Duration::from_secs(20)).unwrap()
            {
                break result;
            }
        };
        assert_eq!(indexed, Err("/c: disk full".into()));
    }

    #[test]
    fn what_the_indexer_says_while_it_runs_is_reported_as_it_comes() {
        let dir = tempfile::tempdir().unwrap();
        let gate = dir.path().join("gate");
        let said = "another letterdesk is writing the precedent index (/c); waiting";
        let script = format!(
            "echo 'letterdesk: {said}' >&2\nwhile [ ! -e {} ]; do sleep 0.01; done\nexit 1",
            gate.display()
        );
        let (worker, reports) = worker(dir.path(), &script);
        find(&worker);
        // Reported while the process still runs (it waits for the gate).
        match reports.recv_timeout(Duration::from_secs(20)).unwrap() {
            Action::PrecedentIndexing(line) => assert_eq!(line, said),
            other => panic!("{other:?}"),
        }
        assert!(worker.running.lock().unwrap().is_some());
        std::fs::write(&gate, "").unwrap();
        match reports.recv_timeout(Duration::from_secs(20)).unwrap() {
            Action::PrecedentIndexed(result) => assert_eq!(result, Err(said.into())),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_indexing_process_ends_with_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("echo $$ > {}\nexec sleep 60", pid_file.display());
        let (worker, _reports) = worker(dir.path(), &script);
        find(&worker);
        let start = Instant::now();
        let pid = loop {
            let pid = std::fs::read_to_string(&pid_file).unwrap_or_default();
            if !pid.trim().is_empty() && worker.running.lock().unwrap().is_some() {
                break pid.trim().to_owned();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no indexer started"
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
        drop(worker);
        assert!(!std::path::Path::new(&format!("/proc/{pid}")).exists());
    }
}
