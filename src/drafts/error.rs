//! Errors of reading and writing a drafts file.

use std::io;
use std::path::{Path, PathBuf};

use crate::problem::Problem;

/// What went wrong with a drafts file. Every message names the file, and the 1-based
/// line where there is one: `drafts.responses.toml:12: unresolved git conflict marker`.
#[derive(Debug)]
#[non_exhaustive]
pub enum DraftsError {
    /// The file could not be read or written.
    Io {
        /// The drafts file (or its folder) concerned.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The file still holds git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).
    Conflict {
        /// The drafts file.
        path: PathBuf,
        /// The 1-based line of the `<<<<<<<` marker that opens the first conflict.
        line: usize,
    },
    /// The file is not valid TOML, or not the shape of a drafts file.
    Parse {
        /// The drafts file.
        path: PathBuf,
        /// The 1-based line of the problem.
        line: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file is read-only: it is never replaced (its permissions are the owner's
    /// choice), so nothing was written.
    ReadOnly {
        /// The drafts file.
        path: PathBuf,
    },
    /// Someone else changed the file while the save was being written, so nothing was
    /// written (read it again and merge).
    Changed {
        /// The drafts file.
        path: PathBuf,
    },
    /// The text about to be written did not read back as the drafts being saved, so
    /// nothing was written (a safety net; it signals a bug).
    Roundtrip {
        /// The drafts file that was not written.
        path: PathBuf,
        /// What did not read back.
        message: String,
    },
}

impl DraftsError {
    /// The drafts file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DraftsError::Io { path, .. }
            | DraftsError::Conflict { path, .. }
            | DraftsError::Parse { path, .. }
            | DraftsError::ReadOnly { path }
            | DraftsError::Changed { path }
            | DraftsError::Roundtrip { path, .. } => path,
        }
    }

    /// The 1-based line the error points at, if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            DraftsError::Conflict { line, .. } | DraftsError::Parse { line, .. } => Some(*line),
            DraftsError::Io { .. }
            | DraftsError::ReadOnly { .. }
            | DraftsError::Changed { .. }
            | DraftsError::Roundtrip { .. } => None,
        }
    }

    /// What is wrong, without the file and the line.
    pub fn message(&self) -> String {
        match self {
            DraftsError::Io { source, .. } => source.to_string(),
            DraftsError::Conflict { .. } => "unresolved git conflict marker".into(),
            DraftsError::Parse { message, .. } => message.clone(),
            DraftsError::ReadOnly { .. } => "not saved: the drafts file is read-only".into(),
            DraftsError::Changed { .. } => "not saved: it changed on disk meanwhile".into(),
            DraftsError::Roundtrip { message, .. } => format!("not saved: {message}"),
        }
    }

    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        DraftsError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

impl From<&DraftsError> for Problem {
    fn from(error: &DraftsError) -> Self {
        Problem::in_file(error.path(), error.message()).on_line(error.line())
    }
}

impl std::fmt::Display for DraftsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Problem::from(self).fmt(f)
    }
}

impl std::error::Error for DraftsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DraftsError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_and_line() {
        let e = DraftsError::Conflict {
            path: "drafts.responses.toml".into(),
            line: 12,
        };
        assert_eq!(
            e.to_string(),
            "drafts.responses.toml:12: unresolved git conflict marker"
        );
        assert_eq!(e.line(), Some(12));
        let e = DraftsError::Parse {
            path: "x.responses.toml".into(),
            line: 3,
            message: "invalid string".into(),
        };
        assert_eq!(e.to_string(), "x.responses.toml:3: invalid string");
        assert_eq!(e.path(), Path::new("x.responses.toml"));
    }
}
