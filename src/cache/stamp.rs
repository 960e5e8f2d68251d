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

    /// The bytes of the regular file `name` in the folder, appended to `into`, and its
    /// stamp as opened, when it is a regular file no larger than `max_bytes` and no
    /// link: opened without following a link and without waiting (a FIFO swapped in
    /// since the listing opens at once), then looked at through the open file and read
    /// to its end (`read_to_end`: one read for a file that did not grow).
    /// `None` for anything else, `into` cleared: the caller reads by path, which says why.
    pub fn read(
        &self,
        name: &std::ffi::OsStr,
        max_bytes: u64,
        into: &mut Vec<u8>,
    ) -> Option<Stamp> {
        into.clear();
        #[cfg(unix)]
        {
            use rustix::fs::{FileType, Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
            let fd = rustix::fs::openat(self.fd.as_ref()?, name, flags, Mode::empty()).ok()?;
            let stat = rustix::fs::fstat(&fd).ok()?;
            let stamp = Stamp::of_stat(&stat);
            if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile
                || stamp.size > max_bytes
            {
                return None;
            }
            if read_to_end(&fd, stamp.size, max_bytes, into).is_err() {
                into.clear();
                return None;
            }
            Some(stamp)
        }
        #[cfg(not(unix))]
        {
            let _ = (name, max_bytes);
            None
        }
    }
}

/// Reads the open regular file `fd`, of `size` bytes as `fstat` said, to its end into
/// `into`: room for the whole file and one byte more made at once, and reads until one
/// comes back short once `size` bytes are in (the end: a file of 4 KB takes one read,
/// not a second one that reads nothing). A file that grew since is read on, up to one
/// byte past `max_bytes`, which is an error, as a read that fails is.
#[cfg(unix)]
fn read_to_end(
    fd: &rustix::fd::OwnedFd,
    size: u64,
    max_bytes: u64,
    into: &mut Vec<u8>,
) -> Result<(), ()> {
    let size = usize::try_from(size).map_err(|_| ())?;
    let cap = usize::try_from(max_bytes.saturating_add(1)).unwrap_or(usize::MAX);
    into.reserve(size + 1);
    loop {
        if into.spare_capacity_mut().is_empty() {
            into.reserve_exact(into.len().max(4096).min(cap - into.len()));
        }
        let room = into.spare_capacity_mut().len();
        let read = match rustix::io::read(fd, rustix::buffer::spare_capacity(into)) {
            Ok(read) => read,
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return Err(()),
        };
        if into.len() as u64 > max_bytes {
            return Err(());
        }
        if read == 0 || (read < room && into.len() >= size) {
            return Ok(());
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

    #[cfg(unix)]
    #[test]
    fn a_file_is_read_in_its_folder_only_when_it_is_a_plain_regular_file() {
        use std::ffi::OsStr;
        let (dir, _fifo) = crate::testing::fifo("fifo.txt");
        let file = dir.path().join("l.txt");
        std::fs::write(&file, "letter").unwrap();
        let folder = Folder::open(dir.path(), true);
        let mut bytes = b"left over".to_vec();
        let stamp = folder.read(OsStr::new("l.txt"), 100, &mut bytes);
        assert_eq!(stamp, Some(Stamp::of(&std::fs::metadata(&file).unwrap())));
        assert_eq!(bytes, b"letter");
        std::os::unix::fs::symlink("l.txt", dir.path().join("link.txt")).unwrap();
        std::fs::create_dir(dir.path().join("sub.txt")).unwrap();
        // A link, a FIFO (opened without waiting for a writer), a folder, a missing
        // file, a file over the cap: each left to the read by path, which says why.
        for (name, cap) in [
            ("link.txt", 100),
            ("fifo.txt", 100),
            ("sub.txt", 100),
            ("gone.txt", 100),
            ("l.txt", 5),
        ] {
            assert_eq!(
                folder.read(OsStr::new(name), cap, &mut bytes),
                None,
                "{name}"
            );
            assert!(bytes.is_empty(), "{name}");
        }
        let closed = Folder::open(&dir.path().join("nowhere"), true);
        assert_eq!(closed.read(OsStr::new("l.txt"), 100, &mut bytes), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_larger_than_its_stat_said_is_read_whole_up_to_the_cap() {
        let text: Vec<u8> = (0..10_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let (_dir, file) = crate::testing::file("l.txt", text.clone());
        let open = || std::fs::File::open(&file).unwrap().into();
        // As if the file had 2 bytes when looked at, then grew; the buffer reused.
        let mut into = b"left over".to_vec();
        into.clear();
        for said in [0, 2, 4_096, 10_000] {
            assert_eq!(read_to_end(&open(), said, 10_000, &mut into), Ok(()));
            assert_eq!(into, text, "{said}");
            into.clear();
        }
        assert_eq!(read_to_end(&open(), 2, 9_999, &mut into), Err(()));
        assert!(into.len() <= 10_000);
    }
}
