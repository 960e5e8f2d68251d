//! The extraction cache, in `$XDG_CACHE_HOME/letterdesk/` (else `~/.cache/letterdesk/`):
//! what reading a letter file costs, kept so the next run need not pay it again.
//!
//! - **Briefs** (what a list row needs of a letter, any source) and the counts read from
//!   drafts files, in one binary index file (`briefs.bin`, laid out in `table.rs`),
//!   read with one read and looked up in place, keyed by the file's path and stamp
//!   (size, modification and change times, device and inode), with a hash of the text
//!   they were read from. A file whose stamp differs is read again: the cache is never
//!   trusted over a changed file.
//! - **Extracted text** of PDF and HTML letters, one file each, keyed by the source and
//!   a hash of the file's bytes (a copy or a touched file reuses it).
//!
//! Everything is written atomically (a temp file renamed into place); two letterdesk
//! processes at once each merge the index on disk with theirs before writing, and the
//! worst a race can do is drop an entry. Both parts are bounded ([`MAX_BRIEFS`],
//! [`MAX_TEXT_BYTES`]). The folder is harmless to delete. Entries are kept apart by
//! program build and index format, so a new parser never reads an old one's briefs
//! (the index is then rebuilt). `--no-cache`, or `LETTERDESK_NO_CACHE=1` in the
//! environment, turns it off.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::letter::Brief;

mod key;
mod payload;
mod stamp;
mod table;
mod texts;

use key::{brief_key, counts_key};
pub use payload::Counts;
pub use stamp::{Folder, Stamp};
use table::{Row, Table};
pub use texts::Text;
use texts::{trim_texts, write_atomic};

/// Entries (briefs and drafts counts) kept at most; past it, the ones this run did not
/// use are dropped.
pub const MAX_BRIEFS: usize = 200_000;

/// Bytes of extracted text kept at most; past it, the least recently written go.
pub const MAX_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// The environment variable that turns the cache off when set to anything but "0".
pub const NO_CACHE_ENV: &str = "LETTERDESK_NO_CACHE";

/// The briefs index's file name in the cache folder.
const INDEX: &str = "briefs.bin";

/// The JSON index of earlier versions, removed when the new one is written.
const OLD_INDEX: &str = "briefs.json";

/// An entry learnt by this run.
#[derive(Debug)]
struct Fresh {
    stamp: Stamp,
    hash: u64,
    payload: Vec<u8>,
}

/// A cache folder in use.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    generation: String,
    /// The index as read when the cache was opened, looked up in place.
    table: Table,
    /// Which of its records this run used (kept first when the index is trimmed).
    used: Vec<AtomicBool>,
    /// What this run learnt, by key; looked up before `table`.
    fresh: Mutex<HashMap<u64, Fresh>>,
    /// Whether `fresh` holds anything: a run that learns nothing (every letter known)
    /// looks up without taking its lock, which the threads would pass to and fro.
    learnt: AtomicBool,
    dirty: AtomicBool,
}

static OFF: AtomicBool = AtomicBool::new(false);
static GLOBAL: OnceLock<Option<Cache>> = OnceLock::new();

/// Turn the cache off for this process (`--no-cache`); call before any letter is read.
pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

/// Whether the cache is turned off ([`turn_off`], or [`NO_CACHE_ENV`]), known without
/// opening it.
pub fn is_turned_off() -> bool {
    OFF.load(Ordering::Relaxed)
        || std::env::var(NO_CACHE_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The process's cache, unless it is off or its folder cannot be made.
pub fn global() -> Option<&'static Cache> {
    GLOBAL
        .get_or_init(|| {
            if is_turned_off() {
                return None;
            }
            Cache::open(&default_dir()?)
        })
        .as_ref()
}

/// `$XDG_CACHE_HOME/letterdesk`, else `~/.cache/letterdesk`.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("letterdesk"))
}

/// What sets this build of the program apart: its version and its executable's stamp.
fn generation() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| Stamp::of(&m))
        .map_or_else(|_| "?".to_owned(), |s| format!("{}-{}", s.size, s.modified));
    format!("{}-{exe}", env!("CARGO_PKG_VERSION"))
}

impl Cache {
    /// The text `source` extracted from bytes hashing to `hash`, if kept.
    pub fn text(&self, source: &str, hash: u64) -> Option<Text> {
        texts::read(&self.dir, source, hash)
    }

    /// Keep the text `source` extracted from bytes hashing to `hash`.
    pub fn put_text(&self, source: &str, hash: u64, text: &Text) {
        texts::write(&self.dir, source, hash, text);
    }

    /// The cache in `dir` (made if missing), its briefs index read.
    pub fn open(dir: &Path) -> Option<Cache> {
        std::fs::create_dir_all(dir.join("text")).ok()?;
        let generation = generation();
        let table = Table::read(&dir.join(INDEX), &generation);
        Some(Cache {
            dir: dir.to_owned(),
            used: (0..table.len()).map(|_| AtomicBool::new(false)).collect(),
            generation,
            table,
            fresh: Mutex::new(HashMap::new()),
            learnt: AtomicBool::new(false),
            dirty: AtomicBool::new(false),
        })
    }

    /// The brief kept for `path` as stamped, if it was read from that very version.
    pub fn brief(&self, path: &Path, stamp: &Stamp) -> Option<Brief> {
        self.get(brief_key(path), stamp, payload::read_brief)
    }

    /// [`Cache::brief`] and how many comment numbers it has; with `numbers` false they
    /// are not kept ([`Brief::numbers`] is empty).
    pub fn brief_counted(
        &self,
        path: &Path,
        stamp: &Stamp,
        numbers: bool,
    ) -> Option<(Brief, usize)> {
        self.get(brief_key(path), stamp, |bytes| {
            payload::read_brief_counted(bytes, numbers)
        })
    }

    /// Keep the brief of `path` as stamped, read from text hashing to `hash`.
    pub fn put_brief(&self, path: &Path, stamp: Stamp, hash: u64, brief: &Brief) {
        if let Some(bytes) = payload::brief(brief) {
            self.put(brief_key(path), stamp, hash, bytes);
        }
    }

    /// What the drafts file at `drafts` as stamped says of the comments `numbers`
    /// (drafted, resolved, owners), if it was read from that very version.
    pub fn counts(&self, drafts: &Path, numbers: &[String], stamp: &Stamp) -> Option<Counts> {
        self.get(counts_key(drafts, numbers), stamp, payload::read_progress)
    }

    /// Keep what the drafts file at `drafts` as stamped says of the comments `numbers`.
    pub fn put_counts(&self, drafts: &Path, numbers: &[String], stamp: Stamp, counts: &Counts) {
        if let Some(bytes) = payload::progress(counts) {
            self.put(counts_key(drafts, numbers), stamp, 0, bytes);
        }
    }

    /// The entry of `key` as `read` reads it, if it was learnt from the version stamped.
    fn get<T>(&self, key: u64, stamp: &Stamp, read: impl Fn(&[u8]) -> Option<T>) -> Option<T> {
        if self.learnt.load(Ordering::Acquire)
            && let Ok(fresh) = self.fresh.lock()
            && let Some(entry) = fresh.get(&key)
            && entry.stamp == *stamp
        {
            return read(&entry.payload);
        }
        let i = self.table.find(key)?;
        let row = self.table.row(i).filter(|row| row.stamp == *stamp)?;
        let found = read(row.payload)?;
        self.used[i].store(true, Ordering::Relaxed);
        Some(found)
    }

    fn put(&self, key: u64, stamp: Stamp, hash: u64, payload: Vec<u8>) {
        if let Ok(mut fresh) = self.fresh.lock() {
            let entry = Fresh {
                stamp,
                hash,
                payload,
            };
            fresh.insert(key, entry);
            self.learnt.store(true, Ordering::Release);
            self.dirty.store(true, Ordering::Relaxed);
        }
    }

    /// Write the entries learnt by this run, merged with what other processes wrote
    /// meanwhile, and trim both parts to their bounds: what this run learnt or used is
    /// kept first. Best effort.
    pub fn save(&self) {
        if !self.dirty.swap(false, Ordering::Relaxed) {
            return;
        }
        let Ok(fresh) = self.fresh.lock() else {
            return;
        };
        let path = self.dir.join(INDEX);
        let on_disk = Table::read(&path, &self.generation);
        let learnt = fresh.iter().map(|(key, f)| Row {
            key: *key,
            stamp: f.stamp,
            hash: f.hash,
            payload: &f.payload,
        });
        let used = (0..self.table.len())
            .filter(|i| self.used[*i].load(Ordering::Relaxed))
            .filter_map(|i| self.table.row(i));
        let mut seen = HashSet::new();
        let mut rows: Vec<Row> = learnt
            .chain(used)
            .chain(on_disk.rows())
            .filter(|row| seen.len() < MAX_BRIEFS && seen.insert(row.key))
            .collect();
        if write_atomic(&path, &table::encode(&self.generation, &mut rows)).is_ok() {
            let _ = std::fs::remove_file(self.dir.join(OLD_INDEX));
        }
        trim_texts(&self.dir.join("text"), MAX_TEXT_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_is_kept_until_its_file_changes() {
        let (dir, letter) = crate::testing::file("l.txt", "one");
        let stamp = Stamp::of(&std::fs::metadata(&letter).unwrap());
        let cache = Cache::open(&dir.path().join("cache")).unwrap();
        let brief = Brief {
            company: Some("Quarry Lane".into()),
            ..Brief::default()
        };
        assert_eq!(cache.brief(&letter, &stamp), None);
        cache.put_brief(&letter, stamp, 1, &brief);
        assert_eq!(cache.brief(&letter, &stamp), Some(brief.clone()), "learnt");
        cache.save();
        let again = Cache::open(&dir.path().join("cache")).unwrap();
        assert_eq!(again.brief(&letter, &stamp), Some(brief));
        std::fs::write(&letter, "two!").unwrap();
        let changed = Stamp::of(&std::fs::metadata(&letter).unwrap());
        assert_eq!(again.brief(&letter, &changed), None);
        let text = Text {
            text: "Dear Sir:".into(),
            warnings: vec!["w".into()],
            declared: None,
        };
        again.put_text("PDF", 7, &text);
        assert_eq!(again.text("PDF", 7).unwrap().text, "Dear Sir:");
        assert!(again.text("PDF", 8).is_none());
        std::fs::remove_dir_all(dir.path().join("cache")).unwrap();
        assert!(again.text("PDF", 7).is_none(), "a deleted cache is a miss");
    }

    #[test]
    fn two_processes_keep_both_their_entries() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("cache");
        let stamp_of = |path: &Path| {
            std::fs::write(path, path.to_string_lossy().as_bytes()).unwrap();
            Stamp::of(&std::fs::metadata(path).unwrap())
        };
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        let (stamp_a, stamp_b) = (stamp_of(&a), stamp_of(&b));
        let numbers = ["1".to_owned(), "2".to_owned()];
        let first = Cache::open(&folder).unwrap();
        let second = Cache::open(&folder).unwrap();
        first.put_brief(&a, stamp_a, 1, &Brief::default());
        second.put_counts(&b, &numbers, stamp_b, &(1, 1, vec![]));
        first.save();
        second.save();
        let third = Cache::open(&folder).unwrap();
        assert_eq!(third.brief(&a, &stamp_a), Some(Brief::default()));
        assert_eq!(third.counts(&b, &numbers, &stamp_b), Some((1, 1, vec![])));
        assert_eq!(
            third.counts(&b, &numbers[..1], &stamp_b),
            None,
            "other numbers"
        );
        assert_eq!(third.brief(&b, &stamp_b), None, "a brief is not a count");
        assert!(!folder.join(OLD_INDEX).exists());
    }
}
