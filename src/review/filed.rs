//! A letter file as a review sees it.

use crate::letter::sections::{Sections, sections};
use crate::letter::source;
use crate::letter::{Kind, Letter, LetterError, parse_bytes};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A letter file as a review sees it: where it is, the letter, and its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filed {
    /// The file.
    pub path: PathBuf,
    /// The parsed letter.
    pub letter: Letter,
    /// Its opening, closing, requests and (for a response) answers.
    pub sections: Sections,
}

impl Filed {
    /// The letter named by the path it was read from, as a list of letters shows it.
    pub fn listed(&self) -> Letter {
        let mut letter = self.letter.clone();
        letter.file = self.path.display().to_string();
        letter
    }

    /// Read and parse the letter file at `path`, of any source (text, PDF, EDGAR HTML),
    /// as every letter is read: a regular file no larger than the default size cap
    /// ([`DEFAULT_MAX_LETTER_BYTES`](crate::letter::DEFAULT_MAX_LETTER_BYTES)).
    pub fn read(path: &Path) -> Result<Filed, LetterError> {
        let limits = source::Limits::default();
        let read = source::read(path, &limits).map_err(|message| LetterError::Unreadable {
            file: path.display().to_string(),
            message,
        })?;
        let mut filed = read.parse(Filed::from_bytes)?;
        filed.path = path.to_path_buf();
        Ok(filed)
    }

    /// Parse a letter from the bytes of file `file` (its path, as given).
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Filed, LetterError> {
        let letter = parse_bytes(file, bytes)?;
        Ok(Filed {
            path: PathBuf::from(file),
            sections: sections(file, &letter, bytes),
            letter,
        })
    }

    /// The letter's date.
    pub fn date(&self) -> Option<NaiveDate> {
        self.letter.date.as_deref()?.parse().ok()
    }

    /// Whether the staff wrote it (comments, a completion or a no-review letter).
    pub fn is_staff(&self) -> bool {
        matches!(
            self.letter.kind,
            Kind::Comments | Kind::Completion | Kind::NoReview
        )
    }

    /// Whether it is the company's response to a staff letter: a company letter that is
    /// not a request for more time (which answers nothing).
    pub fn is_response(&self) -> bool {
        self.letter.kind == Kind::Response && self.letter.extension.is_none()
    }
}

impl source::Declared for Filed {
    /// An EDGAR file that declares its form (`<TYPE>CORRESP`) is read as that kind.
    fn declare(&mut self, kind: crate::letter::Kind) {
        self.letter.kind = kind;
    }

    fn warn(&mut self, warnings: &[String]) {
        source::Declared::warn(&mut self.letter, warnings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_size_cap_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(crate::letter::DEFAULT_MAX_LETTER_BYTES + 1)
            .unwrap();
        let error = Filed::read(&path).unwrap_err().to_string();
        assert!(error.contains("too large to open"), "{error}");
    }
}
