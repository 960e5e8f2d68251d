//! Atomic replacement of a drafts file through the shared writer
//! ([`crate::disk::write_file`]), and the clean-up of temp files a crashed save left.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::disk::{self, NonRegular};

/// What every temp file name contains after `.` + the target's stem.
const TEMP_MARK: &str = ".responses.toml.tmp";
/// How many random characters the writer appends after the prefix.
const RAND_LEN: usize = disk::TEMP_RANDOM_LEN;

/// How old a temp file must be before [`remove_stale_temp_files`] removes it, so a
/// save in progress in another process is left alone.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Where to write for `path`: the file a symlink points to, else `path` itself. A
/// drafts file kept elsewhere through a link (a synced folder) stays a link.
fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

/// Replaces the drafts file at `path` with `bytes`, atomically, with
/// [`disk::write_file`] (permissions kept; never over a folder, device or FIFO). A
/// symlink at `path` is followed to the file it names, which is replaced. Returns the
/// path actually written (the target of a symlink) so callers can stat it.
///
/// `check` is called with the target just before the rename (see
/// [`disk::write_file_checked`]): an error from it leaves the target untouched.
pub(crate) fn write_atomic<T>(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&Path) -> io::Result<T>,
) -> io::Result<PathBuf> {
    let target = resolve_target(path)?;
    disk::write_file_checked(&target, bytes, NonRegular::Refuse, check)?;
    Ok(target)
}

/// Whether `name` is one of our temp file names: `.NAME.responses.toml.tmpXXXXXX`.
/// A real drafts file (`NAME.responses.toml`) never matches.
pub(crate) fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some(at) = rest.rfind(TEMP_MARK) else {
        return false;
    };
    let random = &rest[at + TEMP_MARK.len()..];
    at > 0 && random.len() == RAND_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes drafts temp files (`.NAME.responses.toml.tmpXXXXXX`) in `dir` that are at
/// least [`STALE_TEMP_AGE`] old, as a crashed save may leave. Never touches a real
/// `.responses.toml` or anything else. Returns how many were removed.
pub fn remove_stale_temp_files(dir: &Path) -> io::Result<usize> {
    remove_temp_files_older_than(dir, STALE_TEMP_AGE)
}

/// Like [`remove_stale_temp_files`] with a chosen minimum age (`Duration::ZERO`
/// removes every temp file, for when no other save can be running).
pub fn remove_temp_files_older_than(dir: &Path, age: Duration) -> io::Result<usize> {
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) {
            continue;
        }
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        if !disk::is_stale(&meta, now, age) {
            continue;
        }
        match fs::remove_file(entry.path()) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn temp_names() {
        assert!(is_temp_name(".letter.responses.toml.tmpAb12Cd"));
        assert!(!is_temp_name("letter.responses.toml"));
        assert!(!is_temp_name(".letter.responses.toml"));
        assert!(!is_temp_name(".responses.toml.tmpAb12Cd"));
        assert!(!is_temp_name(".letter.responses.toml.tmpAb12Cd.bak"));
        assert!(!is_temp_name(".letter.responses.toml.tmp"));
    }

    #[cfg(unix)]
    #[test]
    fn never_replaces_a_fifo() {
        let (_dir, path) = crate::testing::fifo("l.responses.toml");
        assert!(write_atomic(&path, b"x", |_| Ok(())).is_err());
        assert!(!fs::symlink_metadata(&path).unwrap().is_file());
    }

    #[test]
    fn writes_replace_and_leave_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        write_atomic(&path, b"one\n", |_| Ok(())).unwrap();
        write_atomic(&path, b"two\n", |_| Ok(())).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two\n");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [OsStr::new("l.responses.toml")]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use crate::testing::{file, mode_of, set_mode};
        let (_dir, path) = file("l.responses.toml", "x");
        set_mode(&path, 0o640);
        write_atomic(&path, b"y", |_| Ok(())).unwrap();
        assert_eq!(mode_of(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink() {
        let (_dir, real, link) =
            crate::testing::linked("real.responses.toml", "old", "l.responses.toml");
        write_atomic(&link, b"new", |_| Ok(())).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
