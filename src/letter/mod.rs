//! Reading staff comment letters: decoding, cleaning converter residue, and parsing
//! the header, comments and closing into a [`Letter`]. No terminal code lives here.

mod body;
mod brief;
mod clean;
mod closing;
pub mod dates;
mod decode;
mod header;
mod headings;
mod kind;
mod model;
mod order;
mod pagebreak;
mod paragraphs;
mod parse;
mod phrases;

pub use brief::{Brief, brief_bytes};
pub use model::{
    Comment, Contact, Kind, Letter, Person, Subject, listed_when_not_a_letter, looks_like_a_letter,
};

use std::path::Path;

/// Why a file could not be read as a letter at all.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// The file holds NUL bytes: it is binary, not a letter.
    #[error("{file}: not a letter (binary content)")]
    Binary {
        /// The file, as given.
        file: String,
    },
    /// The file could not be read.
    #[error("{file}: {error}")]
    Io {
        /// The file, as given.
        file: String,
        /// What the system said.
        error: std::io::Error,
    },
}

/// Parse a letter from raw bytes. `file` is recorded in the result and used in errors.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Letter, LetterError> {
    parse::parse(file, bytes)
}

/// Read and parse a letter file.
pub fn parse_file(path: &Path) -> Result<Letter, LetterError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| LetterError::Io {
        file: file.clone(),
        error,
    })?;
    parse_bytes(&file, &bytes)
}
