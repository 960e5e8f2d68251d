//! Errors of reading and writing a drafts file.

use std::io;
use std::path::{Path, PathBuf};

/// What went wrong with a drafts file. Every message names the file, and the 1-based
/// line where there is one: `drafts.responses.toml:12: unresolved git conflict marker`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DraftsError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The drafts file (or its folder) concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The file still holds git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`).
    #[error("{}:{line}: unresolved git conflict marker", path.display())]
    Conflict {
        /// The drafts file.
        path: PathBuf,
        /// The 1-based line of the `<<<<<<<` marker that opens the first conflict.
        line: usize,
    },
    /// The file is not valid TOML, or not the shape of a drafts file.
    #[error("{}:{line}: {message}", path.display())]
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
    #[error("{}: not saved: the drafts file is read-only", path.display())]
    ReadOnly {
        /// The drafts file.
        path: PathBuf,
    },
    /// Someone else changed the file while the save was being written, so nothing was
    /// written (read it again and merge).
    #[error("{}: not saved: it changed on disk meanwhile", path.display())]
    Changed {
        /// The drafts file.
        path: PathBuf,
    },
    /// The text about to be written did not read back as the drafts being saved, so
    /// nothing was written (a safety net; it signals a bug).
    #[error("{}: not saved: {message}", path.display())]
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

    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        DraftsError::Io {
            path: path.to_owned(),
            source,
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
