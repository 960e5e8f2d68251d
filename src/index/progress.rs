//! How far a letter's drafts have come, read from its drafts file.

use std::path::Path;

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
pub fn progress(letter: &Path, numbers: &[String]) -> Progress {
    let path = drafts::drafts_path(letter);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Progress::default(),
        Err(e) => {
            return Progress {
                problem: Some(drafts::DraftsError::io(&path, e).to_string()),
                ..Progress::default()
            };
        }
    };
    match drafts::read_statuses(&path, &bytes) {
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
