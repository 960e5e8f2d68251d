//! Reading a file that must be a regular one, under a size cap: what every letter read
//! goes through, so a FIFO, a device or a huge file named as a letter can neither hang
//! the program nor fill its memory.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

/// A megabyte, for size caps.
pub const MB: u64 = 1024 * 1024;

/// Why a file was not read by [`read_regular_file`].
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

/// Reads the bytes of the file at `path` (a symbolic link is followed). Only a regular
/// file is read: a FIFO, device, socket or folder is refused before it is
/// opened, and the file is opened non-blocking and looked at again, so one swapped in
/// meanwhile cannot make the read wait. A file larger than `max_bytes` is refused
/// before reading, and never more than `max_bytes` are read should it grow.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
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

/// Refuses anything but a regular file.
fn check_regular(meta: &Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_file() {
        Ok(())
    } else if kind.is_dir() {
        Err(ReadError::NotRegular("a folder"))
    } else {
        Err(ReadError::NotRegular(super::node::special_name(&kind)))
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

/// A system error in words, without the "(os error N)" tail.
pub fn io_message(error: &std::io::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let (dir, fifo) = crate::testing::fifo("fifo.txt");
        let zero = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for (path, what) in [
            (&fifo, "a FIFO"),
            (&zero, "a character device"),
            (&dir.path().to_owned(), "a folder"),
        ] {
            let error = read_regular_file(path, MB).unwrap_err().to_string();
            assert_eq!(error, format!("not a regular file ({what}); not read"));
        }
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 2 * MB as usize + 1]).unwrap();
        let error = read_regular_file(&big, MB).unwrap_err().to_string();
        assert_eq!(error, "too large to open (3 MB; limit 1 MB)");
    }
}
