//! Finding letter files under folders: the one folder walk `status` and the workspace
//! share.

use std::fs;
use std::path::{Path, PathBuf};

use super::found::{Each, Found, Sink};
use super::listing::Listing;
use super::names::{DraftsFiles, Names, is_letter_name};
use super::read::io_message;
use rustc_hash::FxHashSet;

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
/// from the same listing; the letters go to `found` (e.g. threads that read them while
/// the walk goes on), in the walk's order. They are unstamped ([`Found::stamp`] is
/// `None`): the caller stamps them, e.g. on several threads.
pub(super) fn find_letters_and_lone(
    paths: &[PathBuf],
    found: &mut impl Sink,
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
        seen_files: FxHashSet::default(),
        seen_dirs: FxHashSet::default(),
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

    /// A regular file at `path` listed in a folder whose metadata is `dir`: the
    /// folder's device and the inode number the listing gives, so no look at the file is
    /// needed.
    fn of_entry(path: &Path, inode: u64, dir: &fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            Identity::Inode(dir.dev(), inode)
        }
        #[cfg(not(unix))]
        {
            let _ = (inode, dir);
            Identity::of(path, None)
        }
    }
}

/// One search under way.
struct Search<'f, S: Sink, L: FnMut(&Path, Vec<PathBuf>)> {
    /// Whether letters are handed over with their stamp ([`Found::stamp`]).
    stamps: bool,
    /// The files and folders met (a fast hash: inode numbers are not chosen by the
    /// folder's authors).
    seen_files: FxHashSet<Identity>,
    seen_dirs: FxHashSet<Identity>,
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
        let entries = match Listing::read(dir) {
            Ok(entries) => entries,
            Err(e) => return self.problem(dir.to_owned(), io_message(&e)),
        };
        self.found.expect(entries.len());
        self.seen_files.reserve(entries.len());
        let names = Names::of(entries.names());
        let drafts = DraftsFiles::of(entries.names());
        if let Some(lone) = &mut self.lone {
            lone(dir, crate::drafts::lone_drafts_among(dir, entries.names()));
        }
        let folder = Folder::open(dir, self.stamps);
        self.ancestors.push(id);
        for (os_name, file, inode) in entries.entries() {
            let name = os_name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            // The entry's type comes with the folder listing: a plain file needs no
            // look at its metadata, only folders, symlinks (and entries of a type the
            // listing does not tell) do.
            if file {
                if let Some(also) = names.read(&name) {
                    let also = also.iter().map(|n| dir.join(n)).collect();
                    let path = dir.join(os_name);
                    let id = Identity::of_entry(&path, inode, meta);
                    let stamp = folder.stamp(os_name);
                    self.file(path, id, also, drafts.may_have(&name), stamp);
                }
                continue;
            }
            let path = dir.join(os_name);
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
#[path = "find_tests.rs"]
mod tests;
