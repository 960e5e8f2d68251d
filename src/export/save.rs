//! Writing an export without destroying a person's edits: the [`Target`] is checked
//! against the [`Records`] first; a file edited since letterdesk wrote it is refused,
//! written beside ([`free_name`]) or overwritten, as the caller says; what was written
//! is recorded. The command line and the workspace both write through [`save`].

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

use super::record::{Edited, Records, free_name};
use super::target::Target;

/// What to do when the file at the export path was edited since letterdesk wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WhenEdited {
    /// Write nothing and say so.
    #[default]
    Refuse,
    /// Write beside it: `NAME.response (2).docx`.
    NewName,
    /// Write over it.
    Overwrite,
}

/// Why an export was not written.
#[derive(Debug)]
pub enum SaveError {
    /// The file was edited since letterdesk wrote it (with [`WhenEdited::Refuse`]).
    Edited(Edited),
    /// The write failed; `path` is `None` for standard output.
    Write {
        /// The file that could not be written.
        path: Option<PathBuf>,
        /// Why.
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Edited(edited) => write!(f, "{edited}; nothing written"),
            SaveError::Write {
                path: Some(path),
                error,
            } => write!(f, "{}: cannot write: {error}", path.display()),
            SaveError::Write { path: None, error } => {
                write!(f, "cannot write to standard output: {error}")
            }
        }
    }
}

impl std::error::Error for SaveError {}

/// What [`save`] wrote.
#[derive(Debug)]
pub struct Saved {
    /// The file written; `None` for standard output.
    pub path: Option<PathBuf>,
    /// Said when what was written could not be recorded (an edit to it will then go
    /// unnoticed).
    pub warning: Option<String>,
}

/// Writes `bytes` to `target` (`stdout` for [`Target::Stdout`]). A file that `records`
/// say was edited since letterdesk wrote it is handled as `when_edited` says; what is
/// written to a file is recorded. `records` of `None` (no state folder) checks and
/// records nothing.
pub fn save(
    target: &Target,
    bytes: &[u8],
    records: Option<&Records>,
    when_edited: WhenEdited,
    stdout: &mut dyn Write,
) -> Result<Saved, SaveError> {
    let mut target = target.clone();
    if let (Target::File(path), Some(records)) = (&target, records)
        && let Err(edited) = records.check(path)
    {
        match when_edited {
            WhenEdited::Refuse => return Err(SaveError::Edited(edited)),
            WhenEdited::NewName => target = Target::File(free_name(path)),
            WhenEdited::Overwrite => {}
        }
    }
    let path = target.path().map(|p| p.to_owned());
    target
        .write(bytes, stdout)
        .map_err(|error| SaveError::Write {
            path: path.clone(),
            error,
        })?;
    let warning = match (&target, records) {
        (Target::File(path), Some(records)) => records.remember(path, bytes).err().map(|e| {
            format!("cannot record what was written (an edit to it will not be noticed): {e}")
        }),
        _ => None,
    };
    Ok(Saved { path, warning })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_file_is_refused_written_beside_or_overwritten() {
        let letters = tempfile::tempdir().unwrap();
        let (_state, records) = Records::in_temp_state();
        let path = letters.path().join("a.response.docx");
        let target = Target::File(path.clone());
        let mut sink = io::sink();
        // Each step saves `bytes` to the one target, recorded, doing `when_edited`.
        let mut save_as = |bytes: &[u8], when_edited| {
            save(&target, bytes, Some(&records), when_edited, &mut sink)
        };
        let saved = save_as(b"one", WhenEdited::Refuse);
        assert_eq!(saved.unwrap().path.as_ref(), Some(&path));
        std::fs::write(&path, b"redlined").unwrap();

        let refused = save_as(b"two", WhenEdited::Refuse);
        assert!(matches!(refused, Err(SaveError::Edited(_))), "{refused:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"redlined");

        let beside = save_as(b"two", WhenEdited::NewName);
        let beside = beside.unwrap().path.unwrap();
        assert_eq!(beside, letters.path().join("a.response (2).docx"));
        assert_eq!(std::fs::read(&beside).unwrap(), b"two");
        assert_eq!(std::fs::read(&path).unwrap(), b"redlined");

        let over = save_as(b"three", WhenEdited::Overwrite);
        assert_eq!(over.unwrap().path, Some(path.clone()));
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        // Recorded: exporting again over it is fine.
        assert!(save_as(b"four", WhenEdited::Refuse).is_ok());
    }
}
