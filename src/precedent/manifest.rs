//! What the index holds, by letter file: its stamp (size and modification time) when
//! it was read, and the keys its review is found by. Written beside the index after
//! each commit, so it is never ahead of it; one that is behind or missing only costs
//! letters read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One letter file as indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its size when read.
    pub size: u64,
    /// Its modification time when read (nanoseconds since the epoch).
    pub modified: i128,
    /// The keys of its review: file number and company, normalised.
    pub keys: Vec<String>,
}

impl Entry {
    /// The stamp of `path` now, with no keys, or `None` when it cannot be read.
    pub fn stamp(path: &Path) -> Option<Entry> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        Some(Entry {
            size: meta.len(),
            modified,
            keys: Vec::new(),
        })
    }

    /// Whether `other` stamps the same version of the file.
    pub fn same_version(&self, other: &Entry) -> bool {
        self.size == other.size && self.modified == other.modified
    }
}

/// The letter files the index holds.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Each file by path.
    pub files: HashMap<PathBuf, Entry>,
}

impl Manifest {
    /// The manifest at `path`; an empty one when it is missing or unreadable.
    pub fn load(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Write it to `path` atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut file, &json)?;
        file.as_file().sync_all()?;
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The keys a letter's review is found by: its file number (its parts as numbers:
/// "001-03950" and "1-03950" are one) and its company (lower-case words without their
/// legal form: "Ford Motor Co." and "Ford Motor Company" are one), as reviews compare
/// them ([`crate::review::company_words`]).
pub fn keys(file_number: Option<&str>, company: Option<&str>) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(n) = file_number.and_then(crate::review::file_number_key) {
        keys.push(format!("n:{n}"));
    }
    let words = company
        .map(crate::review::company_words)
        .unwrap_or_default();
    if !words.is_empty() {
        keys.push(format!("c:{}", words.join(" ")));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_punctuation_and_suffixes() {
        assert_eq!(
            keys(Some("File No. 001-12345"), Some("Harrowgate Ferries, Inc.")),
            ["n:1-12345", "c:harrowgate ferries"]
        );
        // The names and numbers one company's letters give it are one key.
        assert_eq!(
            keys(Some("1-12345"), Some("Harrowgate Ferries Company")),
            keys(Some("001-12345"), Some("HARROWGATE FERRIES CO."))
        );
        assert_eq!(keys(None, Some("Inc.")), Vec::<String>::new());
    }

    #[test]
    fn a_manifest_round_trips_and_a_bad_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.json");
        let mut m = Manifest::default();
        let entry = Entry::stamp(&path.with_file_name("missing"));
        assert!(entry.is_none());
        m.files.insert(
            "a.txt".into(),
            Entry {
                size: 3,
                modified: 1_700_000_000_000_000_000,
                keys: vec!["n:1".into()],
            },
        );
        m.save(&path).unwrap();
        assert_eq!(Manifest::load(&path).files, m.files);
        std::fs::write(&path, "{").unwrap();
        assert!(Manifest::load(&path).files.is_empty());
    }
}
