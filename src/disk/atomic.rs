//! The atomic writer: write a temp file in the same folder, sync it, rename it over the
//! target, sync the folder. Readers see the old file or the new one, never a torn
//! one; a symbolic link, folder, device or FIFO at the target is never replaced.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use super::node::Node;

/// How many random characters follow `.NAME.tmp` in a temp file's name.
pub const TEMP_RANDOM_LEN: usize = 6;

/// What [`write_file`] does when the path names a device, FIFO or socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonRegular {
    /// Refuse: an error, nothing written (drafts, exports to a default path).
    Refuse,
    /// Open it and write straight into it: no temp file and no rename (an export the
    /// user sent to `/dev/null`, a FIFO or a terminal by naming it).
    WriteInto,
}

/// Writes `bytes` to `path`. A regular file there is replaced atomically (temp file
/// `.NAME.tmpXXXXXX` in the same folder, synced, renamed over it, the folder synced)
/// and keeps its permissions; a missing file is created the same way with the usual
/// umask-based ones.
///
/// Never writes through a symbolic link: a link at `path` is an error naming its
/// target (callers that mean to follow one resolve it first). A folder is an error; a
/// device, FIFO or socket is an error unless `non_regular` is
/// [`NonRegular::WriteInto`]. The look is repeated just before the rename, so a
/// link or special file put there meanwhile is not replaced either.
pub fn write_file(path: &Path, bytes: &[u8], non_regular: NonRegular) -> io::Result<()> {
    write_file_checked(path, bytes, non_regular, |_| Ok(()))
}

/// [`write_file`], calling `check` with the path once the temp file is written and
/// synced, just before the rename: an error from it leaves the target untouched (and
/// no temp file); what it returns (a lock on the target) is held until the rename is
/// done. Not called when writing straight into a device or FIFO.
pub fn write_file_checked<T>(
    path: &Path,
    bytes: &[u8],
    non_regular: NonRegular,
    check: impl FnOnce(&Path) -> io::Result<T>,
) -> io::Result<()> {
    match Node::at(path)? {
        Node::Missing | Node::Regular => replace(path, bytes, check),
        Node::Special(_) if non_regular == NonRegular::WriteInto => write_into(path, bytes),
        other => Err(refusal(&other)),
    }
}

/// The error for a path that is not to be replaced, in words (without the path, which
/// the caller names).
fn refusal(node: &Node) -> io::Error {
    let message = match node {
        Node::Symlink(target) => format!(
            "is a symbolic link (to {}); not written through",
            target.display()
        ),
        Node::Folder => "is a folder, not a file".to_owned(),
        Node::Special(what) => format!("is {what}, not a regular file; not replaced"),
        Node::Missing | Node::Regular => "changed while it was being written".to_owned(),
    };
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// The atomic replacement of a regular file (or creation of a missing one).
fn replace<T>(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&Path) -> io::Result<T>,
) -> io::Result<()> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_owned());
    let prefix = format!(".{name}.tmp");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM_LEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(meta) = fs::symlink_metadata(path)
        && meta.is_file()
    {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let held = check(path)?;
    match Node::at(path)? {
        Node::Missing | Node::Regular => {}
        other => return Err(refusal(&other)),
    }
    tmp.persist(path).map_err(|e| e.error)?;
    drop(held);
    sync_folder(dir)
}

/// Writes straight into a device or FIFO: opened for writing without creating,
/// truncating or following a link, and refused if it turned into a regular file.
fn write_into(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let mut file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() || kind.is_dir() {
        return Err(refusal(&Node::Missing));
    }
    file.write_all(bytes)?;
    file.flush()
}

/// The folder of `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_file(&path, b"one", NonRegular::Refuse).unwrap();
        write_file(&path, b"two", NonRegular::Refuse).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use crate::testing::{file, mode_of, set_mode};
        let (_dir, path) = file("a.md", "old");
        set_mode(&path, 0o640);
        write_file(&path, b"new", NonRegular::Refuse).unwrap();
        assert_eq!(mode_of(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_symlink() {
        let (dir, victim, link) = crate::testing::linked("victim", "precious", "a.md");
        for mode in [NonRegular::Refuse, NonRegular::WriteInto] {
            let error = write_file(&link, b"new", mode).unwrap_err();
            assert!(error.to_string().contains("victim"), "{error}");
        }
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(names(dir.path()), ["a.md", "victim"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_or_written_into_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let (dir, fifo) = crate::testing::fifo("pipe");
        let error = write_file(&fifo, b"x", NonRegular::Refuse).unwrap_err();
        assert!(error.to_string().contains("a FIFO"), "{error}");
        let reader = fifo.clone();
        let read = std::thread::spawn(move || fs::read(reader).unwrap());
        write_file(&fifo, b"streamed", NonRegular::WriteInto).unwrap();
        assert_eq!(read.join().unwrap(), b"streamed");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), ["pipe"]);
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_file(dir.path(), b"x", NonRegular::WriteInto).unwrap_err();
        assert!(error.to_string().contains("folder"), "{error}");
    }
}
