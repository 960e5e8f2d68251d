//! The extraction cache, in `$XDG_CACHE_HOME/letterdesk/` (else `~/.cache/letterdesk/`):
//! what reading a letter file costs, kept so the next run need not pay it again.
//!
//! - **Briefs** (what a list row needs of a letter, any source), in one index file,
//!   keyed by the file's path and stamp (size, modification and change times, device and
//!   inode), with a hash of the text they were read from. A file whose stamp differs is
//!   read again: the cache is never trusted over a changed file.
//! - **Extracted text** of PDF and HTML letters, one file each, keyed by the source and
//!   a hash of the file's bytes (a copy or a touched file reuses it).
//!
//! Everything is written atomically (a temp file renamed into place); two letterdesk
//! processes at once each merge the index on disk with theirs before writing, and the
//! worst a race can do is drop an entry. Both parts are bounded ([`MAX_BRIEFS`],
//! [`MAX_TEXT_BYTES`]). The folder is harmless to delete. Entries are kept apart by
//! program build, so a new parser never reads an old one's briefs. `--no-cache`, or
//! `LETTERDESK_NO_CACHE=1` in the environment, turns it off.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::letter::Brief;

/// Briefs kept at most; past it, the ones not used by this run are dropped.
pub const MAX_BRIEFS: usize = 200_000;

/// Bytes of extracted text kept at most; past it, the least recently written go.
pub const MAX_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// The environment variable that turns the cache off when set to anything but "0".
pub const NO_CACHE_ENV: &str = "LETTERDESK_NO_CACHE";

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    modified: i128,
    changed: i128,
    device: u64,
    inode: u64,
}

impl Stamp {
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

/// One brief kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    /// xxh3 of the text the brief was read from.
    hash: u64,
    brief: Brief,
    /// Looked up or stored by this run (not written).
    #[serde(skip)]
    used: bool,
}

/// The briefs index as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    generation: String,
    entries: HashMap<String, Entry>,
}

/// Extracted text as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct Text {
    /// The text the parser reads.
    pub text: String,
    /// The source's warnings.
    pub warnings: Vec<String>,
    /// The kind the file declares.
    pub declared: Option<crate::letter::Kind>,
}

/// A cache folder in use.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    generation: String,
    index: Mutex<Index>,
    dirty: AtomicBool,
}

static OFF: AtomicBool = AtomicBool::new(false);
static GLOBAL: OnceLock<Option<Cache>> = OnceLock::new();

/// Turn the cache off for this process (`--no-cache`); call before any letter is read.
pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

/// The process's cache, unless it is off or its folder cannot be made.
pub fn global() -> Option<&'static Cache> {
    GLOBAL
        .get_or_init(|| {
            let off = OFF.load(Ordering::Relaxed)
                || std::env::var(NO_CACHE_ENV).is_ok_and(|v| !v.is_empty() && v != "0");
            if off {
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
    /// The cache in `dir` (made if missing), its briefs index loaded.
    pub fn open(dir: &Path) -> Option<Cache> {
        std::fs::create_dir_all(dir.join("text")).ok()?;
        let generation = generation();
        let index = load_index(dir, &generation);
        Some(Cache {
            dir: dir.to_owned(),
            generation,
            index: Mutex::new(index),
            dirty: AtomicBool::new(false),
        })
    }

    /// The brief kept for `path` as stamped, if it was read from that very version.
    pub fn brief(&self, path: &Path, stamp: &Stamp) -> Option<Brief> {
        let mut index = self.index.lock().ok()?;
        let entry = index.entries.get_mut(&key(path))?;
        if entry.stamp != *stamp {
            return None;
        }
        entry.used = true;
        Some(entry.brief.clone())
    }

    /// Keep the brief of `path` as stamped, read from text hashing to `hash`.
    pub fn put_brief(&self, path: &Path, stamp: Stamp, hash: u64, brief: &Brief) {
        if let Ok(mut index) = self.index.lock() {
            let entry = Entry {
                stamp,
                hash,
                brief: brief.clone(),
                used: true,
            };
            index.entries.insert(key(path), entry);
            self.dirty.store(true, Ordering::Relaxed);
        }
    }

    /// The text `source` extracted from bytes hashing to `hash`, if kept.
    pub fn text(&self, source: &str, hash: u64) -> Option<Text> {
        let bytes = std::fs::read(self.text_path(source, hash)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Keep the text `source` extracted from bytes hashing to `hash`.
    pub fn put_text(&self, source: &str, hash: u64, text: &Text) {
        if let Ok(json) = serde_json::to_vec(text) {
            let _ = write_atomic(&self.text_path(source, hash), &json);
        }
    }

    fn text_path(&self, source: &str, hash: u64) -> PathBuf {
        let source = source.to_ascii_lowercase();
        self.dir
            .join("text")
            .join(format!("{source}-{hash:016x}.json"))
    }

    /// Write the briefs learnt by this run, merged with what other processes wrote
    /// meanwhile, and trim both parts to their bounds. Best effort.
    pub fn save(&self) {
        if !self.dirty.swap(false, Ordering::Relaxed) {
            return;
        }
        let Ok(index) = self.index.lock() else {
            return;
        };
        let mut merged = load_index(&self.dir, &self.generation);
        let mut kept: Vec<(&String, &Entry)> =
            index.entries.iter().filter(|(_, e)| e.used).collect();
        kept.truncate(MAX_BRIEFS);
        let room = MAX_BRIEFS.saturating_sub(kept.len());
        if merged.entries.len() > room {
            let drop: Vec<String> = merged.entries.keys().skip(room).cloned().collect();
            drop.iter().for_each(|k| {
                merged.entries.remove(k);
            });
        }
        for (k, e) in kept {
            merged.entries.insert(k.clone(), e.clone());
        }
        merged.generation = self.generation.clone();
        if let Ok(json) = serde_json::to_vec(&merged) {
            let _ = write_atomic(&self.dir.join("briefs.json"), &json);
        }
        trim_texts(&self.dir.join("text"), MAX_TEXT_BYTES);
    }
}

/// The index key of a path.
fn key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// The briefs index in `dir` if it is of this generation, else an empty one.
fn load_index(dir: &Path, generation: &str) -> Index {
    std::fs::read(dir.join("briefs.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
        .filter(|index| index.generation == generation)
        .unwrap_or_default()
}

/// Write `bytes` to `path` through a temp file in its folder, renamed into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Remove the oldest files of `dir` until they hold at most `max` bytes.
fn trim_texts(dir: &Path, max: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    files.sort();
    for (_, len, path) in files {
        if total <= max {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_is_kept_until_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join("l.txt");
        std::fs::write(&letter, "one").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(&letter).unwrap());
        let cache = Cache::open(&dir.path().join("cache")).unwrap();
        let brief = Brief {
            company: Some("Quarry Lane".into()),
            ..Brief::default()
        };
        cache.put_brief(&letter, stamp, 1, &brief);
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
    fn texts_are_trimmed_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        for (i, name) in ["a", "b", "c"].iter().enumerate() {
            std::fs::write(dir.path().join(name), vec![b'x'; 100]).unwrap();
            let when =
                std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + i as u64);
            std::fs::File::options()
                .write(true)
                .open(dir.path().join(name))
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        trim_texts(dir.path(), 200);
        assert!(!dir.path().join("a").exists());
        assert!(dir.path().join("b").exists() && dir.path().join("c").exists());
    }
}
