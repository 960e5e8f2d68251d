//! One folder's entries as a search needs them, read with little memory: the names one
//! after another in one buffer (no string of its own for each of 10,000 entries), the
//! entries sorted by name.

use std::ffi::OsStr;
use std::path::Path;

/// One folder's entries but `.` and `..`, sorted by name.
#[derive(Debug, Default)]
pub(super) struct Listing {
    /// The names, one after another.
    names: Vec<u8>,
    entries: Vec<Entry>,
}

/// One entry: where its name lies in [`Listing::names`], and what the listing says of it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    /// A regular file (not a link): no look at its metadata is needed to tell.
    file: bool,
    inode: u64,
}

impl Listing {
    /// The entries of the folder `dir`, sorted by name.
    pub(super) fn read(dir: &Path) -> std::io::Result<Listing> {
        let mut listing = Listing::default();
        listing.fill(dir)?;
        let names = &listing.names;
        listing
            .entries
            .sort_unstable_by(|a, b| names[a.start..a.end].cmp(&names[b.start..b.end]));
        Ok(listing)
    }

    /// The entries read from the system's listing of `dir` with a buffer of 64 KB.
    #[cfg(target_os = "linux")]
    fn fill(&mut self, dir: &Path) -> std::io::Result<()> {
        use rustix::fs::{FileType, Mode, OFlags, RawDir};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(dir, flags, Mode::empty())?;
        // Room made at once from the folder's size (on most file systems about the
        // bytes of its entries): lists grown step by step take fresh memory at each.
        if let Ok(stat) = rustix::fs::fstat(&fd) {
            let size = usize::try_from(stat.st_size).unwrap_or(0).min(1 << 24);
            self.names.reserve(size);
            self.entries.reserve(size / 16);
        }
        let mut buffer = Vec::with_capacity(64 * 1024);
        let mut raw = RawDir::new(&fd, buffer.spare_capacity_mut());
        // An entry that cannot be read ends the listing, as the standard library's does.
        while let Some(Ok(entry)) = raw.next() {
            let name = entry.file_name().to_bytes();
            if name != b"." && name != b".." {
                let file = entry.file_type() == FileType::RegularFile;
                self.push(name, file, entry.ino());
            }
        }
        Ok(())
    }

    /// The entries as the standard library lists them.
    #[cfg(not(target_os = "linux"))]
    fn fill(&mut self, dir: &Path) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)?.flatten() {
            let file = entry.file_type().is_ok_and(|t| t.is_file());
            #[cfg(unix)]
            let inode = std::os::unix::fs::DirEntryExt::ino(&entry);
            #[cfg(not(unix))]
            let inode = 0;
            let name = entry.file_name();
            self.push(name.to_string_lossy().as_bytes(), file, inode);
        }
        Ok(())
    }

    fn push(&mut self, name: &[u8], file: bool, inode: u64) {
        let start = self.names.len();
        self.names.extend_from_slice(name);
        let end = self.names.len();
        self.entries.push(Entry {
            start,
            end,
            file,
            inode,
        });
    }

    /// How many entries there are.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries' names, in order.
    pub(super) fn names(&self) -> impl Iterator<Item = &OsStr> + Clone {
        self.entries.iter().map(|e| self.name(e))
    }

    /// Each entry's name, whether the listing says it is a regular file (not a link),
    /// and its inode number (0 where the system has none), in order.
    pub(super) fn entries(&self) -> impl Iterator<Item = (&OsStr, bool, u64)> {
        self.entries.iter().map(|e| (self.name(e), e.file, e.inode))
    }

    fn name(&self, entry: &Entry) -> &OsStr {
        let bytes = &self.names[entry.start..entry.end];
        #[cfg(unix)]
        {
            std::os::unix::ffi::OsStrExt::from_bytes(bytes)
        }
        // Elsewhere the names were written as UTF-8.
        #[cfg(not(unix))]
        {
            OsStr::new(std::str::from_utf8(bytes).unwrap_or_default())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_listed_sorted_with_what_each_entry_is() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.PDF", "é.txt", "B.txt", ".hidden"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("c")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("b.txt", dir.path().join("link.txt")).unwrap();
        let listing = Listing::read(dir.path()).unwrap();
        let mut expected: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| (e.file_name(), e.file_type().unwrap().is_file()))
            .collect();
        expected.sort();
        let got: Vec<_> = listing
            .entries()
            .map(|(name, file, _)| (name.to_owned(), file))
            .collect();
        assert_eq!(got, expected);
        assert_eq!(listing.len(), expected.len());
        assert!(
            listing
                .names()
                .eq(expected.iter().map(|(n, _)| n.as_os_str()))
        );
        #[cfg(unix)]
        for (name, _, inode) in listing.entries() {
            use std::os::unix::fs::MetadataExt;
            let meta = std::fs::symlink_metadata(dir.path().join(name)).unwrap();
            assert_eq!(inode, meta.ino(), "{name:?}");
        }
        assert!(Listing::read(&dir.path().join("nowhere")).is_err());
    }
}
