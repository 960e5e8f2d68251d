//! Reading a letter file safely for a list: only a regular file, never more than the
//! size cap ([`crate::disk::read_regular_file`], as every letter read), and a parser
//! panic or an unreadable file turned into words for that file's row.

use std::path::Path;

pub use crate::disk::MB;
pub(crate) use crate::disk::io_message;
use crate::disk::read_regular_file;
pub use crate::letter::DEFAULT_MAX_LETTER_BYTES;
use crate::letter::LetterError;

/// Read a letter file with [`read_regular_file`] and run `parse` (e.g.
/// [`parse_bytes`](crate::letter::parse_bytes) or
/// [`brief_bytes`](crate::letter::brief_bytes)) on its name and bytes; a parser panic
/// becomes an error for that file, not a crash. Errors do not repeat the file's path
/// (a list shows its name).
pub fn read_guarded<T>(
    path: &Path,
    max_bytes: u64,
    parse: fn(&str, &[u8]) -> Result<T, LetterError>,
) -> Result<T, String> {
    let bytes = read_regular_file(path, max_bytes).map_err(|e| e.to_string())?;
    let name = path.display().to_string();
    match std::panic::catch_unwind(|| parse(&name, &bytes)) {
        Ok(Ok(parsed)) => Ok(parsed),
        Ok(Err(LetterError::Binary { .. })) => Err("not a letter (binary content)".into()),
        Ok(Err(LetterError::Io { error, .. })) => Err(io_message(&error)),
        Err(panic) => Err(format!(
            "the parser failed on this file ({})",
            panic_message(panic.as_ref())
        )),
    }
}

/// The message a panic carried.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::parse_bytes;

    #[test]
    fn too_large_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.txt");
        std::fs::write(&file, vec![b'a'; 3 * 1024 * 1024 + 1]).unwrap();
        let limits = 2 * MB;
        assert_eq!(
            read_guarded(&file, limits, parse_bytes).unwrap_err(),
            "too large to open (4 MB; limit 2 MB)"
        );
        let binary = dir.path().join("bin.txt");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
        assert_eq!(
            read_guarded(&binary, limits, parse_bytes).unwrap_err(),
            "not a letter (binary content)"
        );
    }
}
