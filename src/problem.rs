//! A problem with a file, as a value: which file, which line, what is wrong. The
//! workers send it to the workspace instead of a sentence already written, so that each
//! screen says it the way it has room for (the whole path, or the file's name only).

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, where. Shown as `path:line: message`, `path: message`, or the
/// message alone when no file is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file concerned, if any.
    pub path: Option<PathBuf>,
    /// The 1-based line the problem is on, where there is one.
    pub line: Option<usize>,
    /// What is wrong, in words (without the file and the line).
    pub message: String,
}

impl Problem {
    /// A problem that concerns no file in particular.
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            path: None,
            line: None,
            message: message.into(),
        }
    }

    /// A problem with the file at `path`.
    pub fn in_file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Problem {
            path: Some(path.into()),
            line: None,
            message: message.into(),
        }
    }

    /// The same problem, on 1-based `line` of its file.
    pub fn on_line(self, line: Option<usize>) -> Self {
        Problem { line, ..self }
    }

    /// The problem naming its file without the folder, so that the line number fits
    /// on a status bar: `northwind.responses.toml:12: unresolved git conflict marker`.
    pub fn named(&self) -> String {
        self.written(|path| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            )
        })
    }

    /// The problem in words, its file named by `name`.
    fn written(&self, name: impl Fn(&Path) -> String) -> String {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => format!("{}:{line}: {}", name(path), self.message),
            (Some(path), None) => format!("{}: {}", name(path), self.message),
            (None, _) => self.message.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written(|path| path.display().to_string()))
    }
}

impl std::error::Error for Problem {}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem::new(message)
    }
}

impl From<&str> for Problem {
    fn from(message: &str) -> Self {
        Problem::new(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_names_the_file_and_line_or_only_the_file_name() {
        let p = Problem::in_file(
            "/letters/a.responses.toml",
            "unresolved git conflict marker",
        )
        .on_line(Some(12));
        assert_eq!(
            p.to_string(),
            "/letters/a.responses.toml:12: unresolved git conflict marker"
        );
        assert_eq!(
            p.named(),
            "a.responses.toml:12: unresolved git conflict marker"
        );
        let p = Problem::in_file("/letters/a.txt", "permission denied");
        assert_eq!(p.to_string(), "/letters/a.txt: permission denied");
        assert_eq!(p.named(), "a.txt: permission denied");
        assert_eq!(Problem::from("disk full").to_string(), "disk full");
        assert_eq!(Problem::from("disk full").named(), "disk full");
    }
}
