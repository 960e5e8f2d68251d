//! Atomic replacement of a drafts file: write a temp file in the same folder, sync
//! it, rename it over the target, sync the folder. Readers see the old file or the
//! new one, never a torn one.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What every temp file name contains after `.` + the target's stem.
const TEMP_MARK: &str = ".responses.toml.tmp";
/// How many random characters `tempfile` appends after the prefix.
const RAND_LEN: usize = 6;

/// How old a temp file must be before [`remove_stale_temp_files`] removes it, so a
/// save in progress in another process is left alone.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// The folder of `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Where to write for `path`: the file a symlink points to, else `path` itself.
fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

/// Replaces the file at `path` with `bytes`, atomically. The new file keeps the old
/// one's permissions (a new file gets the usual umask-based ones). Returns the path
/// actually written (the target of a symlink) so callers can stat it.
///
/// `check` is called with the target once the temp file is written and synced, just
/// before the rename: an error from it leaves the target untouched (and no temp file);
/// what it returns (a lock) is held until the rename is done.
pub(crate) fn write_atomic<T>(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&Path) -> io::Result<T>,
) -> io::Result<PathBuf> {
    let target = resolve_target(path)?;
    let dir = folder_of(&target);
    let name = target
        .file_name()
        .unwrap_or(OsStr::new("drafts"))
        .to_string_lossy();
    let prefix = format!(".{name}.tmp");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(RAND_LEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(meta) = fs::metadata(&target) {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let held = check(&target)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    drop(held);
    sync_folder(dir)?;
    Ok(target)
}

/// Flushes the folder entry of a rename to disk (Unix; a no-op elsewhere). File
/// systems that cannot sync a folder are not an error.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|f| f.sync_all()) {
            Ok(()) => Ok(()),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
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
        let old_enough = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_none_or(|elapsed| elapsed >= age);
        if !old_enough {
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

    #[test]
    fn temp_names() {
        assert!(is_temp_name(".letter.responses.toml.tmpAb12Cd"));
        assert!(!is_temp_name("letter.responses.toml"));
        assert!(!is_temp_name(".letter.responses.toml"));
        assert!(!is_temp_name(".responses.toml.tmpAb12Cd"));
        assert!(!is_temp_name(".letter.responses.toml.tmpAb12Cd.bak"));
        assert!(!is_temp_name(".letter.responses.toml.tmp"));
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
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        fs::write(&path, "x").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y", |_| Ok(())).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.responses.toml");
        let link = dir.path().join("l.responses.toml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
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
