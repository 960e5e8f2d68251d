//! Reading a letter file safely for a list: the size cap looked at before reading, and
//! a parser panic or an unreadable file turned into words for that file's row.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::letter::LetterError;

/// A megabyte, for the size cap.
pub const MB: u64 = 1024 * 1024;

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_LETTER_BYTES: u64 = 64 * MB;

/// Read a letter file and run `parse` (e.g. [`parse_bytes`](crate::letter::parse_bytes)
/// or [`brief_bytes`](crate::letter::brief_bytes)) on its name and bytes, unless it is
/// larger than `max_bytes` (looked at before reading, on the open file); a parser panic
/// becomes an error for that file, not a crash. Errors do not repeat the file's path (a
/// list shows its name).
pub fn read_guarded<T>(
    path: &Path,
    max_bytes: u64,
    parse: fn(&str, &[u8]) -> Result<T, LetterError>,
) -> Result<T, String> {
    let file = File::open(path).map_err(|e| io_message(&e))?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err("not a file".into());
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    // The file may grow after the look at its size: never read past the cap.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
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

/// The message for a file above the size cap.
fn too_large(len: u64, max_bytes: u64) -> String {
    format!(
        "too large to open ({} MB; limit {} MB)",
        len.div_ceil(MB),
        max_bytes / MB
    )
}

/// A system error in words, without the "(os error N)" tail.
pub(crate) fn io_message(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "cannot read: permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file".into(),
        _ if error.raw_os_error() == Some(40) => "symlink loop: cannot be followed".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => format!("cannot read: {}", &text[..at]),
                None => format!("cannot read: {text}"),
            }
        }
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
