//! What identifies one version of a file without reading it.

/// A file's size, modification and change times, device and inode: two reads of a file
/// with the same stamp read the same bytes (a write changes the times, a replacement
/// the inode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub(super) size: u64,
    pub(super) modified: i128,
    pub(super) changed: i128,
    pub(super) device: u64,
    pub(super) inode: u64,
}

impl Stamp {
    /// The stamp of what `stat` says of a file (read relative to a folder, e.g.
    /// [`rustix::fs::statat`]); the same as [`Stamp::of`] the file's metadata.
    #[cfg(unix)]
    pub fn of_stat(stat: &rustix::fs::Stat) -> Stamp {
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
        Stamp {
            size: stat.st_size as u64,
            modified: ns(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
            changed: ns(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
            device: stat.st_dev as u64,
            inode: stat.st_ino as u64,
        }
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The stamp of a file's metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Stamp {
                size: meta.len(),
                modified: ns(meta.mtime(), meta.mtime_nsec()),
                changed: ns(meta.ctime(), meta.ctime_nsec()),
                device: meta.dev(),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            Stamp {
                size: meta.len(),
                modified,
                changed: modified,
                device: 0,
                inode: 0,
            }
        }
    }
}

/// A folder opened to stamp its files by name (`fstatat` relative to the folder: no
/// path to resolve again for each file); stamps nothing where it could not be opened.
#[derive(Debug)]
pub struct Folder {
    #[cfg(unix)]
    fd: Option<rustix::fd::OwnedFd>,
}

impl Folder {
    /// `dir` opened to stamp its files, when `wanted`.
    pub fn open(dir: &std::path::Path, wanted: bool) -> Folder {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = wanted.then(|| rustix::fs::open(dir, flags, Mode::empty()).ok());
            Folder { fd: fd.flatten() }
        }
        #[cfg(not(unix))]
        {
            let _ = (dir, wanted);
            Folder {}
        }
    }

    /// The stamp of the regular file `name` in the folder (links followed), if it is one.
    pub fn stamp(&self, name: &std::ffi::OsStr) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use rustix::fs::{AtFlags, FileType};
            let stat = rustix::fs::statat(self.fd.as_ref()?, name, AtFlags::empty()).ok()?;
            (FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile)
                .then(|| Stamp::of_stat(&stat))
        }
        #[cfg(not(unix))]
        {
            let _ = name;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_by_name_is_the_stamp_of_the_metadata() {
        let (dir, file) = crate::testing::file("l.txt", "letter");
        let folder = Folder::open(dir.path(), true);
        let by_name = folder.stamp(std::ffi::OsStr::new("l.txt"));
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(by_name, cfg!(unix).then(|| Stamp::of(&meta)));
        assert_eq!(folder.stamp(std::ffi::OsStr::new("gone.txt")), None);
        std::fs::create_dir(dir.path().join("sub.txt")).unwrap();
        assert_eq!(
            folder.stamp(std::ffi::OsStr::new("sub.txt")),
            None,
            "a folder"
        );
        let unwanted = Folder::open(dir.path(), false);
        assert_eq!(unwanted.stamp(std::ffi::OsStr::new("l.txt")), None);
    }
}
