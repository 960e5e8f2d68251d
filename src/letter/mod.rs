//! Reading staff comment letters: decoding, cleaning converter residue, and parsing
//! the header, comments and closing into a [`Letter`]. No terminal code lives here.

mod addressee;
mod answers;
mod brief;
mod captions;
mod clean;
mod clean_line;
mod closing;
mod comment_text;
mod commission_order;
pub mod dates;
mod decode;
mod effectiveness;
mod error;
mod extension;
mod folded;
mod greeted;
mod header;
mod header_tokens;
mod heading_block;
mod heading_trail;
mod headings;
#[cfg(test)]
mod joins;
mod keyed;
mod kind;
mod labels;
mod marked_phrases;
mod model;
mod name_run;
mod named_company;
mod numbers;
mod order;
mod outline;
mod page_header_vocabulary;
mod page_numbers;
mod pagebreak;
mod paragraphs;
mod parse;
mod phrases;
mod prose;
mod re_block;
mod requests;
mod restated;
mod running_heads;
pub mod sections;
pub mod source;
mod subject_filings;
mod unnumbered;
mod warm;

pub(crate) use answers::{answer_after, answer_part, quoted_answers};
pub use brief::Brief;
pub use error::LetterError;
pub use greeted::{Greeted, oldest_first};
pub use model::{
    Asks, Comment, Contact, Effectiveness, Extension, Kind, Letter, Person, Subject,
    listed_when_not_a_letter, looks_like_a_letter,
};
pub use named_company::LEGAL_FORMS;
pub use parse::brief as brief_bytes;
pub use requests::{Request, RequestKind};
pub use restated::words;
pub use subject_filings::{Filings, filed_by_another, subject_filings};
pub use warm::compile_patterns;

use std::path::Path;

/// Parse a letter from raw bytes. `file` is recorded in the result and used in errors.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Letter, LetterError> {
    parse::parse(file, bytes)
}

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_LETTER_BYTES: u64 = source::DEFAULT_MAX_BYTES;

/// Read and parse a letter file of any source (text, PDF, HTML) under the default
/// [`source::Limits`].
pub fn parse_file(path: &Path) -> Result<Letter, LetterError> {
    read_file(path, &source::Limits::default())
}

/// Read and parse a letter file of at most `max_bytes` (the user's `max_letter_mb`).
pub fn parse_file_capped(path: &Path, max_bytes: u64) -> Result<Letter, LetterError> {
    read_file(path, &source::Limits::new(max_bytes))
}

/// Read and parse a letter file of any source under `limits` (see [`source::read`]):
/// only a regular file is read ([`crate::disk::read_regular_file`]), so a FIFO or a
/// link to a device is refused without waiting. Errors name the file.
pub fn read_file(path: &Path, limits: &source::Limits) -> Result<Letter, LetterError> {
    let file = path.display().to_string();
    let read = source::read(path, limits).map_err(|message| LetterError::Unreadable {
        file: file.clone(),
        message,
    })?;
    read.parse(parse_bytes)
}
