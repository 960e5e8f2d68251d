//! Reading a letter file safely: only a regular file, never more than the size cap,
//! and for a list a parser panic or an unreadable file turned into words for that
//! file's row. Every place that reads a letter goes through [`read_letter_file`].

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

use crate::letter::{Letter, LetterError};

/// A megabyte, for the size cap.
pub const MB: u64 = 1024 * 1024;

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_LETTER_BYTES: u64 = 64 * MB;

/// Why a letter file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A FIFO, device, socket or folder (named in words): reading it could hang or
    /// never end.
    #[error("not a regular file ({0}); not read")]
    NotRegular(&'static str),
    /// Larger than the cap.
    #[error("too large to open ({} MB; limit {} MB)", .len.div_ceil(MB), .max / MB)]
    TooLarge {
        /// The file's size in bytes (at least).
        len: u64,
        /// The cap in bytes.
        max: u64,
    },
    /// The system's error.
    #[error("{}", io_message(.0))]
    Io(#[from] std::io::Error),
}

/// Reads the bytes of the letter file at `path` (a symbolic link is followed). Only a
/// regular file is read: a FIFO, device, socket or folder is refused before it is
/// opened, and the file is opened non-blocking and looked at again, so one swapped in
/// meanwhile cannot make the read wait. A file larger than `max_bytes` is refused
/// before reading, and never more than `max_bytes` are read should it grow.
pub fn read_letter_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    check_regular(&std::fs::metadata(path)?)?;
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    check_regular(&meta)?;
    if meta.len() > max_bytes {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            max: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
            max: max_bytes,
        });
    }
    Ok(bytes)
}

/// Reads the letter at `path` with [`read_letter_file`] and parses it. Errors name the
/// file.
pub fn parse_letter_file(path: &Path, max_bytes: u64) -> Result<Letter, LetterError> {
    let file = path.display().to_string();
    let bytes = read_letter_file(path, max_bytes).map_err(|e| LetterError::Io {
        file: file.clone(),
        error: match e {
            ReadError::Io(error) => error,
            other => std::io::Error::other(other),
        },
    })?;
    crate::letter::parse_bytes(&file, &bytes)
}

/// Refuses anything but a regular file.
fn check_regular(meta: &Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_file() {
        Ok(())
    } else if kind.is_dir() {
        Err(ReadError::NotRegular("a folder"))
    } else {
        Err(ReadError::NotRegular(crate::disk::special_name(&kind)))
    }
}

/// Opens `path` for reading without waiting for a writer (a FIFO opens at once).
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Read a letter file with [`read_letter_file`] and run `parse` (e.g.
/// [`parse_bytes`](crate::letter::parse_bytes) or
/// [`brief_bytes`](crate::letter::brief_bytes)) on its name and bytes; a parser panic
/// becomes an error for that file, not a crash. Errors do not repeat the file's path
/// (a list shows its name).
pub fn read_guarded<T>(
    path: &Path,
    max_bytes: u64,
    parse: fn(&str, &[u8]) -> Result<T, LetterError>,
) -> Result<T, String> {
    let bytes = read_letter_file(path, max_bytes).map_err(|e| e.to_string())?;
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

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.txt");
        let mode = rustix::fs::Mode::from_raw_mode(0o600);
        rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, mode).unwrap();
        let zero = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (path, what) in [
            (&fifo, "a FIFO"),
            (&zero, "a character device"),
            (&dir.path().to_owned(), "a folder"),
        ] {
            let error = read_letter_file(path, MB).unwrap_err().to_string();
            assert_eq!(error, format!("not a regular file ({what}); not read"));
        }
        let error = parse_letter_file(&fifo, MB).unwrap_err().to_string();
        assert!(error.starts_with(&fifo.display().to_string()), "{error}");
    }
}
