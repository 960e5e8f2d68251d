//! The index on disk: `$XDG_CACHE_HOME/letterdesk/precedent-vN/`, opened, created, or
//! (when it does not open, or is of another version) built again. One process at a
//! time writes (it holds `writer.lock`); the others read what it commits.

use std::fs::File;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};

use super::manifest::Manifest;
use super::schema::{self, Fields, VERSION};

/// The memory the writer may buffer before it writes a segment: tantivy's least (15 MB)
/// and a little more. 40 MB built the index of 20,000 letters no faster.
const WRITER_BUDGET: usize = 16 * 1024 * 1024;

/// The precedent index: a reader always, a writer when this process holds the lock.
pub struct Library {
    pub(super) dir: PathBuf,
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    pub(super) writer: Option<Writer>,
}

/// The writing side: tantivy's writer, our lock file and what the index holds.
pub(super) struct Writer {
    pub(super) index: IndexWriter,
    pub(super) manifest: Manifest,
    _lock: File,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("dir", &self.dir)
            .field("writer", &self.writer.is_some())
            .finish()
    }
}

/// The folder of this version's index in the cache folder `cache`.
pub fn folder(cache: &Path) -> PathBuf {
    cache.join(format!("precedent-v{VERSION}"))
}

/// The index's folder in the user's cache (`$XDG_CACHE_HOME/letterdesk/precedent-vN`).
pub fn default_folder() -> Option<PathBuf> {
    crate::cache::default_dir().map(|d| folder(&d))
}

/// The staff the company letters of the index in the user's cache greet with an
/// honorific ([`greeted_in`](super::manifest::greeted_in)), the oldest letter first:
/// the research libraries' letters and those of the folders opened. None when there is
/// no index yet (the export does not build one).
pub fn greeted_indexed() -> Vec<crate::letter::Greeted> {
    default_folder().map_or_else(Vec::new, |dir| super::manifest::greeted_in(&dir))
}

impl Library {
    /// Open the index in `dir`, made when missing. The first process to open it writes;
    /// another reads. An index that does not open, in a process that can write, is
    /// deleted and started afresh (it is built again by [`Library::update`]);
    /// indexes of other versions beside it are deleted.
    pub fn open(dir: &Path) -> Result<Library, String> {
        make_folder(dir)?;
        let lock = take_lock(&dir.join("writer.lock"), false);
        Library::open_with(dir, lock, true)
    }

    /// Open the index in `dir` to write it, as [`Library::open`] does, but when
    /// another process writes it, call `waiting` and wait until it is done.
    pub fn open_writer(dir: &Path, waiting: impl FnOnce()) -> Result<Library, String> {
        make_folder(dir)?;
        let path = dir.join("writer.lock");
        let lock = match take_lock(&path, false) {
            Some(lock) => lock,
            None => {
                waiting();
                take_lock(&path, true)
                    .ok_or_else(|| format!("{}: cannot take the lock", path.display()))?
            }
        };
        Library::open_with(dir, Some(lock), true)
    }

    /// Open the index in `dir` to read only: what the process that writes it has
    /// committed. Fails when there is no index there that opens.
    pub fn open_reader(dir: &Path) -> Result<Library, String> {
        Library::open_with(dir, None, false)
    }

    /// Read what has been committed since the index was opened or last reloaded.
    pub fn reload(&self) -> Result<(), String> {
        self.reader.reload().map_err(|e| e.to_string())
    }

    /// Open the index in `dir`: to write it when this process holds `lock`; made when
    /// missing, if `make`.
    fn open_with(dir: &Path, lock: Option<File>, make: bool) -> Result<Library, String> {
        let say = |what: &str, e: &dyn std::fmt::Display| format!("{}: {what}: {e}", dir.display());
        let index_dir = dir.join("index");
        let index = match (open_index(&index_dir, make), &lock) {
            (Ok(index), _) => index,
            (Err(_), Some(_)) => {
                let _ = std::fs::remove_dir_all(&index_dir);
                let _ = std::fs::remove_file(dir.join("manifest.json"));
                open_index(&index_dir, true).map_err(|e| say("cannot make the index", &e))?
            }
            (Err(e), None) => return Err(say("the index does not open", &e)),
        };
        let (_, fields) = Fields::schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| say("cannot read the index", &e))?;
        let writer = match lock {
            Some(lock) => {
                remove_other_versions(dir);
                let index = index
                    .writer_with_num_threads(1, WRITER_BUDGET)
                    .map_err(|e| say("cannot write the index", &e))?;
                Some(Writer {
                    index,
                    manifest: Manifest::load(&dir.join("manifest.json")),
                    _lock: lock,
                })
            }
            None => None,
        };
        Ok(Library {
            dir: dir.to_owned(),
            reader,
            fields,
            writer,
        })
    }

    /// Whether this process writes the index (another one does when not).
    pub fn is_writer(&self) -> bool {
        self.writer.is_some()
    }

    /// How many comments the index holds.
    pub fn comments(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The bytes the index takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        fn walk(path: &Path) -> u64 {
            match std::fs::symlink_metadata(path) {
                Ok(m) if m.is_dir() => std::fs::read_dir(path)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| walk(&e.path()))
                    .sum(),
                Ok(m) => m.len(),
                Err(_) => 0,
            }
        }
        walk(&self.dir)
    }
}

/// Make the folder `dir` (and those above it) when missing.
fn make_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot make the folder: {e}", dir.display()))
}

/// Open the index in `dir` with the analyzer registered; made when missing, if `make`.
fn open_index(dir: &Path, make: bool) -> tantivy::Result<Index> {
    let (schema, _) = Fields::schema();
    let index = if make {
        std::fs::create_dir_all(dir)?;
        Index::open_or_create(MmapDirectory::open(dir)?, schema)?
    } else {
        Index::open(MmapDirectory::open(dir)?)?
    };
    schema::register(&index);
    Ok(index)
}

/// The writer's lock at `path` (held until dropped): if no other process holds it, or,
/// with `wait`, once the process that holds it lets it go.
fn take_lock(path: &Path, wait: bool) -> Option<File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .ok()?;
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        let operation = if wait {
            FlockOperation::LockExclusive
        } else {
            FlockOperation::NonBlockingLockExclusive
        };
        flock(&file, operation).ok()?;
    }
    Some(file)
}

/// Delete the indexes of other versions in the cache folder around `dir`.
fn remove_other_versions(dir: &Path) {
    let (Some(parent), Some(own)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let is_other = name != own
            && name
                .to_str()
                .and_then(|n| n.strip_prefix("precedent-v"))
                .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
        if is_other {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
