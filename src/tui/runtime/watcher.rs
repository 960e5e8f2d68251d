//! The folder watcher: changes to files under the folders given (a teammate's `git pull`,
//! a script rewriting a drafts file, a corrected letter dropped in) reach `update` as
//! [`Action::FileChanged`], a burst of events for one file as one report.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::tui::model::action::Action;

/// Events for the same file closer together than this are reported once.
const SETTLE: Duration = Duration::from_millis(150);

/// How often the watcher looks whether it should end.
const STOP_CHECK: Duration = Duration::from_millis(500);

/// Watch `paths` (folders recursively; for a file, its folder) in the background. When
/// watching is not possible (no inotify left, say), the program works without it:
/// outside changes are then found before each save. Ends once `stop` is set.
pub(crate) fn spawn(paths: Vec<PathBuf>, report: Sender<Action>, stop: Arc<AtomicBool>) {
    let _ = std::thread::Builder::new()
        .name("letterdesk-watcher".into())
        .spawn(move || {
            let (events, queue) = channel::<PathBuf>();
            let watcher =
                notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                    let Ok(event) = event else { return };
                    if matches!(event.kind, EventKind::Access(_)) {
                        return;
                    }
                    for path in event.paths {
                        let _ = events.send(path);
                    }
                });
            let Ok(mut watcher) = watcher else { return };
            for path in &paths {
                let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                let (target, mode) = if path.is_dir() {
                    (path, RecursiveMode::Recursive)
                } else {
                    match path.parent() {
                        Some(parent) => (parent.to_path_buf(), RecursiveMode::NonRecursive),
                        None => continue,
                    }
                };
                let _ = watcher.watch(&target, mode);
            }
            while !stop.load(Ordering::Relaxed) {
                let first = match queue.recv_timeout(STOP_CHECK) {
                    Ok(first) => first,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return,
                };
                let mut changed = BTreeSet::from([first]);
                while let Ok(path) = queue.recv_timeout(SETTLE) {
                    changed.insert(path);
                }
                for path in changed {
                    if report.send(Action::FileChanged(path)).is_err() {
                        return;
                    }
                }
            }
        });
}
