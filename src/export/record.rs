//! What letterdesk wrote last at each export path, so an export never destroys a
//! person's edits: before writing over a file, [`Records::check`] compares the file
//! with the content hash recorded when letterdesk wrote it; a file changed since (a
//! partner's redline in the `.docx`) is [`Edited`], and the caller refuses, asks, or
//! writes beside it ([`free_name`]: `NAME.response (2).docx`).
//!
//! The records live in the user's state folder (`$XDG_STATE_HOME/letterdesk/exports/`,
//! next to the journal), never in the letters' folder: one small file per export path,
//! named by the hash of the path, holding the content hash and the path.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

/// The folder of the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    dir: PathBuf,
}

/// The file at an export path changed since letterdesk wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The export path.
    pub path: PathBuf,
}

impl fmt::Display for Edited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was edited since letterdesk wrote it",
            self.path.display()
        )
    }
}

impl std::error::Error for Edited {}

/// A content hash as recorded: `xxh3:` and 16 hex digits.
fn content_hash(bytes: &[u8]) -> String {
    format!("xxh3:{:016x}", xxh3_64(bytes))
}

/// The path as recorded: absolute, its folder resolved (the file itself need not exist).
fn absolute(path: &Path) -> PathBuf {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    match folder.canonicalize() {
        Ok(folder) => folder.join(name),
        Err(_) => path.to_owned(),
    }
}

impl Records {
    /// The records in the user's state folder, or `None` when there is none (neither
    /// `XDG_STATE_HOME` nor `HOME` is set).
    pub fn default_location() -> Option<Records> {
        let journal = crate::journal::default_dir()?;
        Some(Records::in_dir(journal.with_file_name("exports")))
    }

    /// The records in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Records {
        Records { dir: dir.into() }
    }

    /// Records in an `exports` folder of a new temporary state folder, which goes
    /// when the returned guard is dropped (for tests).
    #[cfg(test)]
    pub(crate) fn in_temp_state() -> (tempfile::TempDir, Records) {
        let state = tempfile::tempdir().expect("a temporary folder");
        let records = Records::in_dir(state.path().join("exports"));
        (state, records)
    }

    /// The record file of an export path.
    fn record_file(&self, path: &Path) -> PathBuf {
        let key = absolute(path);
        self.dir.join(format!(
            "{:016x}",
            xxh3_64(key.as_os_str().as_encoded_bytes())
        ))
    }

    /// Whether writing over `path` could destroy edits: `Err(Edited)` when a record
    /// says what letterdesk wrote there and the file now holds something else. A path
    /// with no file, or no record (a file letterdesk never wrote, or wrote before it
    /// kept records), is fine.
    pub fn check(&self, path: &Path) -> Result<(), Edited> {
        let Ok(recorded) = std::fs::read_to_string(self.record_file(path)) else {
            return Ok(());
        };
        let Some(hash) = recorded.lines().next() else {
            return Ok(());
        };
        match std::fs::read(path) {
            Ok(bytes) if content_hash(&bytes) != hash => Err(Edited {
                path: path.to_owned(),
            }),
            _ => Ok(()),
        }
    }

    /// Records that letterdesk just wrote `bytes` at `path` (atomically, with
    /// [`crate::disk::write_file`]).
    pub fn remember(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let text = format!("{}\n{}\n", content_hash(bytes), absolute(path).display());
        crate::disk::write_file(
            &self.record_file(path),
            text.as_bytes(),
            crate::disk::NonRegular::Refuse,
        )
    }
}

/// The first name beside `path` that no file has: `NAME.response (2).docx`,
/// `(3)`, … (the part before the first dot of the extension keeps its name).
pub fn free_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name.as_str(), ""),
    };
    (2..)
        .map(|n| path.with_file_name(format!("{stem} ({n}){ext}")))
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_since_the_last_write_is_caught() {
        let letters = tempfile::tempdir().unwrap();
        let (_state, records) = Records::in_temp_state();
        let path = letters.path().join("a.response.docx");
        assert_eq!(records.check(&path), Ok(()), "no file yet");
        std::fs::write(&path, b"ours").unwrap();
        assert_eq!(records.check(&path), Ok(()), "no record: not ours to judge");
        records.remember(&path, b"ours").unwrap();
        assert_eq!(records.check(&path), Ok(()), "as written");
        std::fs::write(&path, b"redlined").unwrap();
        assert_eq!(records.check(&path), Err(Edited { path: path.clone() }));
        // Nothing was written in the letters' folder.
        let names: Vec<_> = std::fs::read_dir(letters.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn free_names_count_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.response.docx");
        assert_eq!(free_name(&path), dir.path().join("x.response (2).docx"));
        std::fs::write(dir.path().join("x.response (2).docx"), "").unwrap();
        assert_eq!(free_name(&path), dir.path().join("x.response (3).docx"));
    }
}
