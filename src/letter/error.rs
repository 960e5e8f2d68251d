//! Why a file could not be read as a letter.

/// Why a file could not be read as a letter at all.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// The file holds NUL bytes: it is binary, not a letter.
    #[error("{file}: not a letter (binary content)")]
    Binary {
        /// The file, as given.
        file: String,
    },
    /// The file could not be read as a letter: too large, not a regular file, a PDF
    /// without text, … ([`read`](super::source::read)'s words).
    #[error("{file}: {message}")]
    Unreadable {
        /// The file, as given.
        file: String,
        /// Why, in words.
        message: String,
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
