//! Reading staff comment letters: decoding, cleaning converter residue, and parsing
//! the header, comments and closing into a [`Letter`]. No terminal code lives here.

mod answers;
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
mod pagebreak;
mod paragraphs;
mod parse;
mod phrases;
mod requests;
pub mod sections;

pub use brief::{Brief, brief_bytes};
pub use model::{
    Comment, Contact, Kind, Letter, Person, Subject, listed_when_not_a_letter, looks_like_a_letter,
};
pub use requests::{Request, RequestKind};

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

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_LETTER_BYTES: u64 = 64 * crate::disk::MB;

/// Read and parse a letter file, under the built-in size cap
/// ([`DEFAULT_MAX_LETTER_BYTES`]; [`parse_file_capped`] takes the user's).
pub fn parse_file(path: &Path) -> Result<Letter, LetterError> {
    parse_file_capped(path, DEFAULT_MAX_LETTER_BYTES)
}

/// Read and parse a letter file of at most `max_bytes`: only a regular file is read
/// ([`crate::disk::read_regular_file`]), so a FIFO or a link to a device is refused
/// without waiting. Errors name the file.
pub fn parse_file_capped(path: &Path, max_bytes: u64) -> Result<Letter, LetterError> {
    let file = path.display().to_string();
    let bytes = crate::disk::read_regular_file(path, max_bytes).map_err(|e| LetterError::Io {
        file: file.clone(),
        error: match e {
            crate::disk::ReadError::Io(error) => error,
            other => std::io::Error::other(other),
        },
    })?;
    parse_bytes(&file, &bytes)
}
