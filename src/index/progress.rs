//! How far a letter's drafts have come, read from its drafts file.

use std::path::Path;

use crate::cache::Stamp;
use crate::drafts::{self, Status};

/// What a letter's drafts file says of the letter's comments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Comments with a drafted (not yet resolved) response.
    pub drafted: usize,
    /// Resolved comments.
    pub resolved: usize,
    /// Why the drafts file could not be read (the message names the file, and the line
    /// where there is one); the counts are then zero.
    pub problem: Option<String>,
}

/// Reads the drafts file of the letter at `letter` (`NAME.responses.toml`) and counts
/// the drafted and resolved comments among `numbers` (drafts of comments the letter no
/// longer has are not counted). No drafts file: nothing drafted.
///
/// With the cache on ([`crate::cache`]), the counts of a drafts file that has not
/// changed since they were read come from the cache without reading it.
pub fn progress(letter: &Path, numbers: &[String]) -> Progress {
    let path = drafts::drafts_path(letter);
    let cache = crate::cache::global();
    let stamp = match cache.map(|_| std::fs::metadata(&path)) {
        Some(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => return Progress::default(),
        Some(Ok(meta)) => Some(Stamp::of(&meta)),
        _ => None,
    };
    if let (Some(cache), Some(stamp)) = (cache, &stamp)
        && let Some((drafted, resolved)) = cache.counts(&path, numbers, stamp)
    {
        return Progress {
            drafted,
            resolved,
            problem: None,
        };
    }
    let progress = read_progress(&path, numbers);
    if let (Some(cache), Some(stamp), None) = (cache, stamp, &progress.problem) {
        cache.put_counts(&path, numbers, stamp, (progress.drafted, progress.resolved));
    }
    progress
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
                problem: None,
            }
        }
        Err(e) => Progress {
            problem: Some(e.to_string()),
            ..Progress::default()
        },
    }
}
