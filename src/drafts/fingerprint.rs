//! What a drafts file looked like when it was read or written, to tell whether
//! someone else changed it since.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

use super::lock::{Lock, lock};

/// Size, modification time and content hash of the bytes of a drafts file, as read
/// or written by this program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// Modification time, when the file system reports one.
    pub mtime: Option<SystemTime>,
    /// XXH3-128 hash of the content.
    pub hash: u128,
}

impl Fingerprint {
    /// The fingerprint of `bytes` with the given modification time.
    pub fn of_bytes(bytes: &[u8], mtime: Option<SystemTime>) -> Self {
        Fingerprint {
            len: bytes.len() as u64,
            mtime,
            hash: content_hash(bytes),
        }
    }

    /// Reads the file at `path` and fingerprints it. The modification time is taken
    /// before reading, so a change racing the read makes the fingerprint look stale
    /// (and trigger a content check) rather than look current.
    pub fn of_file(path: &Path) -> io::Result<Self> {
        read_with_fingerprint(path).map(|(_, fp)| fp)
    }
}

/// The content hash used in fingerprints.
pub(crate) fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Reads the whole file and fingerprints the bytes read.
pub(crate) fn read_with_fingerprint(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let mut file = File::open(path)?;
    // A writer holding the lock (see `save_expecting`) finishes first; best effort.
    let _ = lock(&file, Lock::Shared);
    let mtime = file.metadata()?.modified().ok();
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let fp = Fingerprint::of_bytes(&bytes, mtime);
    Ok((bytes, fp))
}

/// Whether the file at `path` differs from what `seen` describes.
///
/// A different size means changed; the same size and the same modification time
/// mean unchanged; otherwise the content hash decides, so a file that was touched or
/// rewritten with the same bytes (a `git checkout` back and forth) is not a change.
/// A file that no longer exists counts as changed.
pub fn on_disk_changed(path: &Path, seen: &Fingerprint) -> io::Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    if meta.len() != seen.len {
        return Ok(true);
    }
    let mtime = meta.modified().ok();
    if mtime.is_some() && mtime == seen.mtime {
        return Ok(false);
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    Ok(bytes.len() as u64 != seen.len || content_hash(&bytes) != seen.hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn unchanged_file_is_not_changed() {
        let (_dir, path) = crate::testing::file("a.responses.toml", "x = 1\n");
        let fp = Fingerprint::of_file(&path).unwrap();
        assert!(!on_disk_changed(&path, &fp).unwrap());
    }

    #[test]
    fn same_bytes_with_new_mtime_is_not_changed() {
        let (_dir, path) = crate::testing::file("a.responses.toml", "x = 1\n");
        let fp = Fingerprint::of_file(&path).unwrap();
        let file = File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() + Duration::from_secs(5))
            .unwrap();
        assert!(!on_disk_changed(&path, &fp).unwrap());
    }

    #[test]
    fn same_size_different_content_is_changed() {
        let (_dir, path) = crate::testing::file("a.responses.toml", "x = 1\n");
        let fp = Fingerprint::of_file(&path).unwrap();
        fs::write(&path, "x = 2\n").unwrap();
        let file = File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() + Duration::from_secs(5))
            .unwrap();
        assert!(on_disk_changed(&path, &fp).unwrap());
    }

    #[test]
    fn size_change_and_removal_are_changes() {
        let (_dir, path) = crate::testing::file("a.responses.toml", "x = 1\n");
        let fp = Fingerprint::of_file(&path).unwrap();
        fs::write(&path, "x = 10\n").unwrap();
        assert!(on_disk_changed(&path, &fp).unwrap());
        fs::remove_file(&path).unwrap();
        assert!(on_disk_changed(&path, &fp).unwrap());
    }
}
