//! Finding letter files under folders.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The letter files under `paths`, in a fixed order: each path in turn, a folder's
/// files sorted by path; each file once.
///
/// Folders are searched recursively for `.txt` and `.md` files (any case), skipping
/// hidden files and folders (name starting with `.`) and drafts files
/// (`*.responses.toml`). Symlinks are followed, but a folder already searched is not
/// searched again, so symlink loops end. A path given directly is taken as it is,
/// even when it does not exist (the summary then reports why it cannot be read).
pub fn find_letters(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    find_letters_each(paths, |path| found.push(path));
    found
}

/// [`find_letters`], handing each file to `found` as the walk finds it (in the same
/// order: a folder's entries are walked sorted, which is the files' path order).
pub fn find_letters_each(paths: &[PathBuf], mut found: impl FnMut(PathBuf)) {
    let mut seen_files = HashSet::new();
    let mut seen_dirs = HashSet::new();
    let mut once = |path: PathBuf, id: Identity| {
        if seen_files.insert(id) {
            found(path);
        }
    };
    for path in paths {
        let meta = fs::metadata(path).ok();
        if meta.as_ref().is_some_and(fs::Metadata::is_dir) {
            walk(path, meta.as_ref(), &mut seen_dirs, &mut once);
        } else {
            once(path.clone(), Identity::of(path, meta.as_ref()));
        }
    }
}

/// What makes two paths the same file or folder: its device and inode number where
/// the system has them (read with the metadata the walk needs anyway), else its
/// canonical path.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Identity {
    Inode(u64, u64),
    Path(PathBuf),
}

impl Identity {
    fn of(path: &Path, meta: Option<&fs::Metadata>) -> Identity {
        #[cfg(unix)]
        if let Some(meta) = meta {
            use std::os::unix::fs::MetadataExt;
            return Identity::Inode(meta.dev(), meta.ino());
        }
        #[cfg(not(unix))]
        let _ = meta;
        Identity::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
    }

    /// A regular file listed in a folder whose metadata is `dir`: the folder's device
    /// and the inode number the listing gives, so no look at the file is needed.
    fn of_entry(entry: &fs::DirEntry, dir: Option<&fs::Metadata>) -> Identity {
        #[cfg(unix)]
        if let Some(dir) = dir {
            use std::os::unix::fs::{DirEntryExt, MetadataExt};
            return Identity::Inode(dir.dev(), entry.ino());
        }
        let path = entry.path();
        Identity::of(&path, fs::metadata(&path).ok().as_ref())
    }
}

fn walk(
    dir: &Path,
    meta: Option<&fs::Metadata>,
    seen_dirs: &mut HashSet<Identity>,
    found: &mut impl FnMut(PathBuf, Identity),
) {
    if !seen_dirs.insert(Identity::of(dir, meta)) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    // Sorted, so which of two paths to the same folder is searched is fixed.
    let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        // The entry's type comes with the folder listing; only a symlink (followed,
        // a dangling one skipped) or a folder needs a look at its metadata.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_file() {
            if is_letter_name(&name) {
                let id = Identity::of_entry(&entry, meta);
                found(entry.path(), id);
            }
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, Some(&meta), seen_dirs, found);
        } else if meta.is_file() && is_letter_name(&name) {
            let id = Identity::of(&path, Some(&meta));
            found(path, id);
        }
    }
}

/// A file name a folder search takes as a letter: `.txt` or `.md`, any case, but not a
/// response letter letterdesk exported (`NAME.response.md`, see
/// [`is_export_file`](crate::export::is_export_file)).
pub fn is_letter_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".txt") || lower.ends_with(".md"))
        && !crate::export::is_export_file(Path::new(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_letters_recursively_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/b")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for file in [
            "one.txt",
            "one.response.md",
            "a/two.MD",
            "a/b/three.txt",
            ".git/x.txt",
            ".hidden.txt",
            "one.responses.toml",
            "notes.pdf",
        ] {
            fs::write(root.join(file), "x").unwrap();
        }
        assert_eq!(
            find_letters(&[root.to_path_buf()]),
            [
                root.join("a/b/three.txt"),
                root.join("a/two.MD"),
                root.join("one.txt")
            ]
        );
    }

    #[test]
    fn named_paths_keep_their_order_and_appear_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("f")).unwrap();
        fs::write(root.join("f/b.txt"), "x").unwrap();
        fs::write(root.join("z.txt"), "x").unwrap();
        let missing = root.join("gone.txt");
        let found = find_letters(&[
            root.join("z.txt"),
            missing.clone(),
            root.join("f"),
            root.join("f/b.txt"),
            root.join("z.txt"),
        ]);
        assert_eq!(found, [root.join("z.txt"), missing, root.join("f/b.txt")]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("a")).unwrap();
        fs::write(root.join("a/l.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
        std::os::unix::fs::symlink(root.join("a/nowhere"), root.join("a/dangling.txt")).unwrap();
        assert_eq!(find_letters(&[root.to_path_buf()]), [root.join("a/l.txt")]);
    }
}
