//! `letterdesk index [PATH...] [--json]`: bring the precedent index up to date with the
//! letters under the paths and the config's research libraries, as `similar` and the
//! workspace's precedent key do first. The workspace runs it as a process of its own,
//! so that reading thousands of letters weighs on that process, not on the workspace.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde::Serialize;

use super::json::write_json;
use crate::precedent::{Library, Progress, READING, Updated, default_folder};
use crate::text::sanitize;

/// Arguments of `letterdesk index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Letter files or folders to index (folders are searched recursively), besides the
    /// config's `[precedent]` libraries. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of a line.
    #[arg(long)]
    pub json: bool,
    /// Read the `[precedent]` libraries from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say how far it has come on stderr while it reads the letters, a line each time
    /// the percentage changes (the workspace shows them while the index is built).
    #[arg(long)]
    pub progress: bool,
}

/// How often the progress is looked at.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// What an update did, as scripts see it.
#[derive(Serialize)]
struct IndexJson {
    index: String,
    comments: u64,
    read: usize,
    removed: usize,
    written: usize,
}

/// Runs `index`: waits while another letterdesk writes the index, then brings it up to
/// date with the paths and the libraries.
pub fn run(args: &IndexArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let config = super::config_or_warn(args.config.as_deref());
    let mut roots = super::paths_or_here(&args.paths)?;
    roots.extend(config.precedent.libraries);
    let Some(dir) = default_folder() else {
        anyhow::bail!(
            "no cache folder for the precedent index (neither XDG_CACHE_HOME nor HOME is set)"
        );
    };
    let shown = sanitize(&dir.display().to_string()).into_owned();
    let mut library = Library::open_writer(&dir, || {
        eprintln!(
            "letterdesk: another letterdesk is writing the precedent index ({shown}); waiting"
        );
    })
    .map_err(anyhow::Error::msg)?;
    let updated = update(&mut library, &roots, args.progress).map_err(anyhow::Error::msg)?;
    let json = IndexJson {
        index: dir.display().to_string(),
        comments: library.comments(),
        read: updated.read,
        removed: updated.removed,
        written: updated.comments,
    };
    if args.json {
        write_json(out, &json)?;
    } else {
        writeln!(
            out,
            "{shown}: {} comments; {} letter files read, {} removed, {} comments written",
            json.comments, json.read, json.removed, json.written
        )?;
    }
    Ok(())
}

/// Bring `library` up to date with `roots`, saying how far it has come on stderr when
/// `progress` is asked for.
fn update(library: &mut Library, roots: &[PathBuf], progress: bool) -> Result<Updated, String> {
    let counted = Progress::default();
    let (done, finished) = channel::<()>();
    std::thread::scope(|scope| {
        if progress {
            let counted = &counted;
            scope.spawn(move || say_progress(counted, &finished, &mut std::io::stderr()));
        }
        let updated = library.update_counted(roots, &counted);
        drop(done);
        updated
    })
}

/// Every [`PROGRESS_EVERY`] until `finished` says so, the share of the readings done,
/// when it changed, on `out`.
fn say_progress(progress: &Progress, finished: &Receiver<()>, out: &mut dyn Write) {
    let mut said = None;
    while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(PROGRESS_EVERY) {
        let total = progress.total.load(Ordering::Relaxed);
        if total == 0 {
            continue;
        }
        let done = progress.done.load(Ordering::Relaxed);
        let percent = (done * 100 / total).min(99);
        if said != Some(percent) {
            let _ = writeln!(out, "letterdesk: {READING}: {percent}%");
            said = Some(percent);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line each time the share changes, 99% at most while the update runs (it ends
    /// with the summary), and nothing once it is done.
    #[test]
    fn progress_is_said_as_it_changes() {
        let progress = Progress::default();
        progress.total.store(200, Ordering::Relaxed);
        progress.done.store(50, Ordering::Relaxed);
        let (done, finished) = channel::<()>();
        let said = std::thread::scope(|scope| {
            let progress = &progress;
            let saying = scope.spawn(move || {
                let mut out = Vec::new();
                say_progress(progress, &finished, &mut out);
                String::from_utf8(out).unwrap()
            });
            // Long enough for it to look at least once at each share.
            std::thread::sleep(PROGRESS_EVERY * 4);
            progress.done.store(200, Ordering::Relaxed);
            std::thread::sleep(PROGRESS_EVERY * 4);
            drop(done);
            saying.join().unwrap()
        });
        let line =
            |percent| format!("letterdesk: reading the letters for the precedent index: {percent}");
        let lines: Vec<&str> = said.lines().collect();
        assert_eq!(lines, [line("25%"), line("99%")], "{said}");
    }
}
