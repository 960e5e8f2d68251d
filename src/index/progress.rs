//! How far a letter's drafts have come, read from its drafts file.

use std::path::{Path, PathBuf};

use crate::cache::Stamp;
use crate::drafts::{self, Status};

/// What a letter's drafts file says of the letter's comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Comments with a drafted (not yet resolved) response.
    pub drafted: usize,
    /// Resolved comments.
    pub resolved: usize,
    /// Who answers which comment (`owner = "…"`), as `(comment, owner)` in the order
    /// the file gives them.
    pub owners: Vec<(String, String)>,
    /// Why the drafts file could not be read (the message names the file, and the line
    /// where there is one); the counts are then zero.
    pub problem: Option<String>,
}

/// Reads the drafts file of the letter at `letter` (`NAME.responses.toml`) and counts
/// the drafted and resolved comments among `numbers` (drafts of comments the letter no
/// longer has are not counted), and the comments' owners. No drafts file: nothing drafted.
///
/// With the cache on ([`crate::cache`]), the counts and owners of a drafts file that has
/// not changed since they were read come from the cache without reading it.
pub fn progress(letter: &Path, numbers: &[String]) -> Progress {
    progress_if_listed(letter, numbers, true)
}

/// [`progress`], told by a folder listing whether the letter may have a drafts file
/// ([`Found::drafts`](super::Found::drafts)): when it may not, nothing is drafted, and
/// the disk is not asked again.
pub fn progress_if_listed(letter: &Path, numbers: &[String], may_have_drafts: bool) -> Progress {
    let (path, stamp) = match look(letter, numbers, may_have_drafts) {
        Looked::Known(progress) => return progress,
        Looked::Unknown { path, stamp } => (path, stamp),
    };
    let progress = read_progress(&path, numbers);
    if let (Some(cache), Some(stamp), None) = (crate::cache::global(), stamp, &progress.problem) {
        let counts = (progress.drafted, progress.resolved, progress.owners.clone());
        cache.put_counts(&path, numbers, stamp, &counts);
    }
    progress
}

/// [`progress_if_listed`] when it needs no file read: there is no drafts file, or the
/// cache holds what it says as it is now; `None` when the drafts file must be read.
pub fn cached_progress(
    letter: &Path,
    numbers: &[String],
    may_have_drafts: bool,
) -> Option<Progress> {
    match look(letter, numbers, may_have_drafts) {
        Looked::Known(progress) => Some(progress),
        Looked::Unknown { .. } => None,
    }
}

/// What is known of a letter's drafts without reading its drafts file.
enum Looked {
    /// No drafts file, or what the cache keeps of it as it is now.
    Known(Progress),
    /// The drafts file must be read: its path, and its stamp when the cache is on.
    Unknown { path: PathBuf, stamp: Option<Stamp> },
}

fn look(letter: &Path, numbers: &[String], may_have_drafts: bool) -> Looked {
    if !may_have_drafts {
        return Looked::Known(Progress::default());
    }
    let path = drafts::drafts_path(letter);
    let cache = crate::cache::global();
    let stamp = match cache.map(|_| std::fs::metadata(&path)) {
        Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Looked::Known(Progress::default());
        }
        Some(Ok(meta)) => Some(Stamp::of(&meta)),
        _ => None,
    };
    if let (Some(cache), Some(stamp)) = (cache, &stamp)
        && let Some((drafted, resolved, owners)) = cache.counts(&path, numbers, stamp)
    {
        return Looked::Known(Progress {
            drafted,
            resolved,
            owners,
            problem: None,
        });
    }
    Looked::Unknown { path, stamp }
}

/// The owners named in the drafts file `bytes`. Only a file that mentions `owner` is
/// read in full, so a folder without owners costs one search per drafts file.
fn owners(path: &Path, bytes: &[u8]) -> Vec<(String, String)> {
    if memchr::memmem::find(bytes, b"owner").is_none() {
        return Vec::new();
    }
    let Ok(drafts) = drafts::parse_bytes(path, bytes) else {
        return Vec::new();
    };
    drafts
        .comments
        .into_iter()
        .filter_map(|d| Some((d.number, d.owner?)))
        .collect()
}

/// What the drafts file at `path` says of the comments `numbers`, read afresh.
fn read_progress(path: &Path, numbers: &[String]) -> Progress {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Progress::default(),
        Err(e) => {
            return Progress {
                problem: Some(drafts::DraftsError::io(path, e).to_string()),
                ..Progress::default()
            };
        }
    };
    match drafts::read_statuses(path, &bytes) {
        Ok(found) => {
            let count = |status: Status| {
                numbers
                    .iter()
                    .filter(|n| found.get(n.as_str()) == Some(&status))
                    .count()
            };
            Progress {
                drafted: count(Status::Drafted),
                resolved: count(Status::Resolved),
                owners: owners(path, &bytes),
                problem: None,
            }
        }
        Err(e) => Progress {
            problem: Some(e.to_string()),
            ..Progress::default()
        },
    }
}
