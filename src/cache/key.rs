//! The briefs index's keys: a hash of what an entry is about (a letter's brief, a drafts
//! file's counts of some comments) and of the file's path made absolute, so that one
//! file has one key however it was named (`letterdesk status .` or by its full path).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

/// The index key of a letter's brief: a hash of its absolute path.
pub(super) fn brief_key(path: &Path) -> u64 {
    key(b"brief\0", path, &[])
}

/// The index key of a drafts file's counts: a hash of its absolute path and of the
/// comment numbers counted.
pub(super) fn counts_key(drafts: &Path, numbers: &[String]) -> u64 {
    key(b"counts\0", drafts, numbers)
}

/// The hash of `kind`, `path` made absolute, and each of `numbers` after a `\0`: the
/// bytes laid end to end in a buffer each thread keeps and hashed at once (a
/// streaming hasher costs more than the hash of a short key).
fn key(kind: &[u8], path: &Path, numbers: &[String]) -> u64 {
    thread_local! {
        static KEY: std::cell::RefCell<Key> = const {
            std::cell::RefCell::new(Key { bytes: Vec::new(), folder: None })
        };
    }
    KEY.with_borrow_mut(|key| {
        key.bytes.clear();
        key.bytes.extend_from_slice(kind);
        key.push_absolute(path);
        for number in numbers {
            key.bytes.push(0);
            key.bytes.extend_from_slice(number.as_bytes());
        }
        xxh3_64(&key.bytes)
    })
}

/// A thread's buffer for [`key`], and the last relative folder it made absolute.
struct Key {
    bytes: Vec<u8>,
    /// A relative folder as given, and the same made absolute.
    folder: Option<(PathBuf, PathBuf)>,
}

impl Key {
    /// Appends `path` made absolute ([`absolute`]). The letters of a relative folder
    /// (`letterdesk status .`) come one after another: the folder is made absolute once
    /// for them all, and each file's name appended to it.
    fn push_absolute(&mut self, path: &Path) {
        let relative = (!path.is_absolute())
            .then(|| Some((path.parent()?, path.file_name()?)))
            .flatten();
        let Some((parent, name)) = relative else {
            let path = absolute(path);
            return self
                .bytes
                .extend_from_slice(path.as_os_str().as_encoded_bytes());
        };
        if self
            .folder
            .as_ref()
            .is_none_or(|(was, _)| was.as_os_str() != parent.as_os_str())
        {
            self.folder = Some((parent.to_owned(), absolute(parent).into_owned()));
        }
        // As `Path::join` puts them together.
        let folder = self.folder.as_ref().expect("set above").1.as_os_str();
        let folder = folder.as_encoded_bytes();
        self.bytes.extend_from_slice(folder);
        if !folder
            .last()
            .is_some_and(|&b| std::path::is_separator(char::from(b)))
        {
            self.bytes
                .extend_from_slice(std::path::MAIN_SEPARATOR_STR.as_bytes());
        }
        self.bytes.extend_from_slice(name.as_encoded_bytes());
    }
}

/// `path` made absolute (against the current folder), borrowed when it is already. The
/// current folder is asked once per process (the program never changes it), not once
/// for each letter of a list.
fn absolute(path: &Path) -> std::borrow::Cow<'_, Path> {
    static HERE: OnceLock<Option<PathBuf>> = OnceLock::new();
    if path.is_absolute() {
        return path.into();
    }
    let made = match HERE.get_or_init(|| std::env::current_dir().ok()) {
        Some(here) => std::path::absolute(here.join(path)),
        None => std::path::absolute(path),
    };
    made.map_or_else(|_| path.into(), Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_path_has_the_key_of_the_same_path_made_absolute() {
        let here = std::env::current_dir().unwrap();
        let paths = [
            "a.txt",
            "./a.txt",
            "d/a.txt",
            "d//a.txt",
            "d/./a.txt",
            "./d/a.txt",
            "d/../a.txt",
            "../a.txt",
            "d/e/a.txt",
            "d/a.txt",
            "a.txt",
        ];
        for path in paths {
            let made = std::path::absolute(here.join(path)).unwrap();
            assert_eq!(brief_key(Path::new(path)), brief_key(&made), "{path}");
            assert_ne!(
                brief_key(Path::new(path)),
                brief_key(&here.join("other.txt"))
            );
        }
    }
}
