//! Reading a letter file safely for a list: the size cap looked at before reading, and
//! a parser panic or an unreadable file turned into words for that file's row.

use crate::letter::LetterError;
pub use crate::letter::source::MB;
use crate::letter::source::{self, Declared, Read};
pub(crate) use crate::letter::source::{io_message, panic_message};

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_LETTER_BYTES: u64 = source::DEFAULT_MAX_BYTES;

/// Run `parse` on a letter file's text, a panic or an error turned into words.
pub fn parse_guarded<T: Declared>(
    read: &Read,
    parse: fn(&str, &[u8]) -> Result<T, LetterError>,
) -> Result<T, String> {
    match std::panic::catch_unwind(|| read.parse(parse)) {
        Ok(Ok(parsed)) => Ok(parsed),
        Ok(Err(LetterError::Binary { .. })) => Err("not a letter (binary content)".into()),
        Ok(Err(LetterError::Unreadable { message, .. })) => Err(message),
        Ok(Err(LetterError::Io { error, .. })) => Err(io_message(&error)),
        Err(panic) => Err(format!(
            "the parser failed on this file ({})",
            panic_message(panic.as_ref())
        )),
    }
}
