//! Finding letter files under folders: the one folder walk `status` and the workspace
//! share.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::found::{Each, Found, Sink};
use super::names::{DraftsFiles, Names, is_letter_name};
use super::read::io_message;
use crate::cache::{Folder, Stamp};

/// Folders nested deeper than this below a path given are not searched.
pub const MAX_DEPTH: usize = 64;

/// The letter files under `paths` (and the paths that could not be searched, with
/// why), in a fixed order: each path in turn, a folder's entries sorted by name; each
/// file once.
///
/// Folders are searched recursively for the files a letter source reads (`.txt`, `.md`,
/// `.pdf`, `.htm`, `.html`, any case), skipping hidden files and folders (name starting
/// with `.`), drafts files (`*.responses.toml`) and exports. Files of one name in one
/// folder (`NAME.pdf`, `NAME.txt`) are one letter: the one the preferred source reads
/// is handed over, with the others in [`Found::also`]. Symlinks are followed; a folder reached again by another path
/// is not searched again, and a link back into a folder being searched is handed over
/// as a symlink loop. A path given directly is taken as it is.
pub fn find_letters(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    find_letters_each(paths, |f| found.push(f));
    found
}

/// [`find_letters`], handing each to `found` as the walk finds it (in the same order);
/// returns how many were handed over.
pub fn find_letters_each(paths: &[PathBuf], found: impl FnMut(Found)) -> usize {
    let stamps = crate::cache::global().is_some();
    search(
        paths,
        &mut Each(found),
        None::<fn(&Path, Vec<PathBuf>)>,
        stamps,
    )
}

/// [`find_letters_each`], and for each folder the walk lists, its drafts files whose
/// letter is gone ([`lone_drafts_among`](crate::drafts::lone_drafts_among)) to `lone`,
/// from the same listing; the letters go into `found`, in the walk's order. They are
/// unstamped ([`Found::stamp`] is `None`): the caller stamps them, e.g. on several
/// threads.
pub fn find_letters_and_lone(
    paths: &[PathBuf],
    found: &mut Vec<Found>,
    lone: impl FnMut(&Path, Vec<PathBuf>),
) -> usize {
    search(paths, found, Some(lone), false)
}

fn search<S, L>(paths: &[PathBuf], found: &mut S, lone: Option<L>, stamps: bool) -> usize
where
    S: Sink,
    L: FnMut(&Path, Vec<PathBuf>),
{
    let mut search = Search {
        stamps,
        seen_files: HashSet::new(),
        seen_dirs: HashSet::new(),
        ancestors: Vec::new(),
        count: 0,
        found,
        lone,
    };
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => search.walk(path, &meta, 0),
            Ok(meta) => {
                let id = Identity::of(path, Some(&meta));
                let stamp = search.stamp_of(&meta);
                search.file(path.clone(), id, Vec::new(), true, stamp);
            }
            Err(e) => search.problem(path.clone(), io_message(&e)),
        }
    }
    search.count
}

/// What makes two paths the same file or folder: its device and inode number where
/// the system has them (read with the metadata the walk needs anyway), else its
/// canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    fn of_entry(entry: &fs::DirEntry, dir: &fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirEntryExt, MetadataExt};
            Identity::Inode(dir.dev(), entry.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Identity::of(&entry.path(), None)
        }
    }
}

/// One search under way.
struct Search<'f, S: Sink, L: FnMut(&Path, Vec<PathBuf>)> {
    /// Whether letters are handed over with their stamp ([`Found::stamp`]).
    stamps: bool,
    seen_files: HashSet<Identity>,
    seen_dirs: HashSet<Identity>,
    /// The folders being searched, from the top down to the current one.
    ancestors: Vec<Identity>,
    count: usize,
    found: &'f mut S,
    /// Where the drafts files whose letter is gone go, folder by folder, if wanted.
    lone: Option<L>,
}

impl<S: Sink, L: FnMut(&Path, Vec<PathBuf>)> Search<'_, S, L> {
    /// A letter file, unless it was found before by another path.
    fn file(
        &mut self,
        path: PathBuf,
        id: Identity,
        also: Vec<PathBuf>,
        drafts: bool,
        stamp: Option<Stamp>,
    ) {
        if self.seen_files.insert(id) {
            self.count += 1;
            self.found.take(Found {
                path,
                problem: None,
                also,
                drafts,
                stamp,
            });
        }
    }

    /// The stamp of a letter file whose metadata the search read anyway, if wanted.
    fn stamp_of(&self, meta: &fs::Metadata) -> Option<Stamp> {
        (self.stamps && meta.is_file()).then(|| Stamp::of(meta))
    }

    /// A path that cannot be searched or read, once.
    fn problem(&mut self, path: PathBuf, why: String) {
        if self.seen_files.insert(Identity::Path(path.clone())) {
            self.count += 1;
            self.found.take(Found {
                path,
                problem: Some(why),
                also: Vec::new(),
                drafts: true,
                stamp: None,
            });
        }
    }

    fn walk(&mut self, dir: &Path, meta: &fs::Metadata, depth: usize) {
        let id = Identity::of(dir, Some(meta));
        if self.ancestors.contains(&id) {
            let why = "symlink loop: points back into a folder being searched";
            return self.problem(dir.to_owned(), why.into());
        }
        // The same folder by another path: its letters are handed over already.
        if !self.seen_dirs.insert(id.clone()) {
            return;
        }
        if depth > MAX_DEPTH {
            let why = format!("folder nested too deep (over {MAX_DEPTH} levels): not searched");
            return self.problem(dir.to_owned(), why);
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.problem(dir.to_owned(), io_message(&e)),
        };
        // Each name read once (`DirEntry::file_name` makes a copy at every call).
        let mut entries: Vec<(OsString, fs::DirEntry)> =
            entries.flatten().map(|e| (e.file_name(), e)).collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.found.expect(entries.len());
        self.seen_files.reserve(entries.len());
        let names = Names::of(entries.iter().map(|(name, _)| name.as_os_str()));
        let drafts = DraftsFiles::of(entries.iter().map(|(name, _)| name.as_os_str()));
        if let Some(lone) = &mut self.lone {
            let names = entries.iter().map(|(name, _)| name.as_os_str());
            lone(dir, crate::drafts::lone_drafts_among(dir, names));
        }
        let folder = Folder::open(dir, self.stamps);
        self.ancestors.push(id);
        for (os_name, entry) in &entries {
            let name = os_name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            // The entry's type comes with the folder listing: a plain file needs no
            // look at its metadata, only folders and symlinks do.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_file() {
                if let Some(also) = names.read(&name) {
                    let also = also.iter().map(|n| dir.join(n)).collect();
                    let id = Identity::of_entry(entry, meta);
                    let stamp = folder.stamp(os_name);
                    self.file(entry.path(), id, also, drafts.may_have(&name), stamp);
                }
                continue;
            }
            let path = entry.path();
            match fs::metadata(&path) {
                Ok(target) if target.is_dir() => self.walk(&path, &target, depth + 1),
                Ok(target) if target.is_file() && is_letter_name(&name) => {
                    if let Some(also) = names.read(&name) {
                        let also = also.iter().map(|n| dir.join(n)).collect();
                        let id = Identity::of(&path, Some(&target));
                        let has = drafts.may_have(&name);
                        let stamp = self.stamp_of(&target);
                        self.file(path, id, also, has, stamp);
                    }
                }
                Ok(_) => {}
                // A link that cannot be followed: said when it names a letter or loops.
                Err(e) if is_letter_name(&name) || e.raw_os_error() == Some(40) => {
                    self.problem(path, io_message(&e));
                }
                Err(_) => {}
            }
        }
        self.ancestors.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::passed_over;

    /// The paths found, each with its problem if any.
    fn found(paths: &[PathBuf]) -> Vec<(PathBuf, Option<String>)> {
        let mut all = Vec::new();
        let count = find_letters_each(paths, |f| {
            assert!(f.also.is_empty() || f.path.ends_with("one.txt"), "{f:?}");
            all.push((f.path, f.problem))
        });
        assert_eq!(count, all.len());
        all
    }

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
            "one.pdf",
            "notes.pdf",
            "notes.docx",
            "reply.htm",
        ] {
            fs::write(root.join(file), "x").unwrap();
        }
        assert_eq!(
            found(&[root.to_path_buf()]),
            [
                (root.join("a/b/three.txt"), None),
                (root.join("a/two.MD"), None),
                (root.join("notes.pdf"), None),
                (root.join("one.txt"), None),
                (root.join("reply.htm"), None)
            ]
        );
        let one = find_letters(&[root.to_path_buf()])
            .into_iter()
            .find(|f| f.path.ends_with("one.txt"))
            .unwrap();
        assert_eq!(one.also, [root.join("one.pdf")]);
        assert_eq!(passed_over(&root.join("one.txt")), [root.join("one.pdf")]);
        assert_eq!(passed_over(&root.join("notes.pdf")), Vec::<PathBuf>::new());
        assert_eq!(passed_over(&root.join("one.pdf")), Vec::<PathBuf>::new());
    }

    #[test]
    fn named_paths_keep_their_order_and_appear_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("f")).unwrap();
        fs::write(root.join("f/b.txt"), "x").unwrap();
        fs::write(root.join("z.txt"), "x").unwrap();
        let missing = root.join("gone.txt");
        let found = found(&[
            root.join("z.txt"),
            missing.clone(),
            root.join("f"),
            root.join("f/b.txt"),
            root.join("z.txt"),
            missing.clone(),
        ]);
        assert_eq!(
            found,
            [
                (root.join("z.txt"), None),
                (missing, Some("no such file".into())),
                (root.join("f/b.txt"), None)
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn odd_folders_are_handed_over_with_why() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/l.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
        std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("a/nowhere"), root.join("a/dangling.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("a/nowhere"), root.join("a/dangling.docx")).unwrap();
        // The same folder by a second path is searched once.
        std::os::unix::fs::symlink(root.join("a"), root.join("b")).unwrap();
        let mut deep = root.join("deep");
        for i in 0..MAX_DEPTH + 2 {
            deep.push(format!("d{i}"));
            if i == 49 {
                fs::create_dir_all(&deep).unwrap();
                fs::write(deep.join("bottom.txt"), "x").unwrap();
            }
        }
        fs::create_dir_all(&deep).unwrap();
        fs::write(deep.join("too-deep.txt"), "x").unwrap();
        let found = found(&[root.to_path_buf()]);
        let why = |p: &Path| {
            found
                .iter()
                .find(|(f, _)| f == p)
                .map(|(_, w)| w.clone().unwrap_or_default())
        };
        assert_eq!(why(&root.join("a/l.txt")).as_deref(), Some(""));
        assert_eq!(
            why(&root.join("a/up")).as_deref(),
            Some("symlink loop: points back into a folder being searched")
        );
        assert_eq!(
            why(&root.join("self.txt")).as_deref(),
            Some("symlink loop: cannot be followed")
        );
        assert_eq!(
            why(&root.join("a/dangling.txt")).as_deref(),
            Some("no such file")
        );
        assert_eq!(why(&root.join("a/dangling.docx")), None);
        assert_eq!(why(&root.join("b/l.txt")), None);
        let mut bottom = root.join("deep");
        (0..50).for_each(|i| bottom.push(format!("d{i}")));
        assert_eq!(why(&bottom.join("bottom.txt")).as_deref(), Some(""));
        let too_deep: Vec<_> = found
            .iter()
            .filter(|(_, w)| w.as_deref().is_some_and(|w| w.contains("nested too deep")))
            .collect();
        assert_eq!(too_deep.len(), 1, "{found:?}");
        assert_eq!(found.len(), 6, "{found:?}");
    }
}
