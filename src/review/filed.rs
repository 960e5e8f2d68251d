//! A letter file as a review sees it.

use crate::letter::sections::{Sections, sections};
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
    /// Read and parse the letter file at `path`.
    pub fn read(path: &Path) -> Result<Filed, LetterError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| LetterError::Io {
            file: file.clone(),
            error,
        })?;
        let mut filed = Filed::from_bytes(&file, &bytes)?;
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
}
