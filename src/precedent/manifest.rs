//! What the index holds, by letter file: its stamp (size and modification time) when
//! it was read, and the keys its review is found by. Written beside the index after
//! each commit, so it is never ahead of it; one that is behind or missing only costs
//! letters read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::letter::{Greeted, oldest_first};
use crate::review::Filed;

/// One letter file as indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its size when read.
    pub size: u64,
    /// Its modification time when read (nanoseconds since the epoch).
    pub modified: i128,
    /// The keys of its review: file number and company, normalised.
    pub keys: Vec<String>,
    /// Its date (ISO), when it is a company's letter that greets the staff with an
    /// honorific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whom it greets with an honorific, when it is a company's letter to the staff
    /// ([`Letter::greeted`](crate::letter::Letter::greeted)): the export greets the staff
    /// as the letters indexed do ([`greeted_in`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub greeted: Vec<Greeted>,
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
            date: None,
            greeted: Vec::new(),
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

impl Entry {
    /// What an entry keeps of `filed` as read, with no stamp: the keys of its review,
    /// and whom it greets with an honorific, with its date.
    pub fn read(filed: &Filed) -> Entry {
        let letter = &filed.letter;
        Entry {
            size: 0,
            modified: 0,
            keys: keys(letter.file_number.as_deref(), letter.company.as_deref()),
            date: letter.date.clone().filter(|_| !letter.greeted.is_empty()),
            greeted: letter.greeted.clone(),
        }
    }

    /// Keep, with this entry's stamp, what `read` ([`Entry::read`]) keeps of its letter.
    pub fn keep_read(&mut self, read: Entry) {
        self.keys = read.keys;
        self.date = read.date;
        self.greeted = read.greeted;
    }
}

/// The staff the company letters of the index in `dir` greet with an honorific, the
/// oldest letter first, so that a later letter's honorific for a person counts over an
/// earlier's (as the export reads them); none when there is no index there.
pub fn greeted_in(dir: &Path) -> Vec<Greeted> {
    let manifest = Manifest::load(&dir.join("manifest.json"));
    // By path first: letters of one date always in the same order.
    let mut files: Vec<(PathBuf, Entry)> = manifest.files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    oldest_first(
        files
            .into_iter()
            .filter(|(_, e)| !e.greeted.is_empty())
            .map(|(_, e)| (e.date.unwrap_or_default(), e.greeted)),
    )
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
                date: None,
                greeted: Vec::new(),
            },
        );
        m.save(&path).unwrap();
        assert_eq!(Manifest::load(&path).files, m.files);
        std::fs::write(&path, "{").unwrap();
        assert!(Manifest::load(&path).files.is_empty());
    }

    #[test]
    fn the_people_greeted_come_oldest_letter_first() {
        let dir = tempfile::tempdir().unwrap();
        assert!(greeted_in(dir.path()).is_empty(), "no index, no one");
        let greeted = |honorific: &str| Greeted {
            name: "Sam Lowry".into(),
            honorific: honorific.into(),
        };
        let entry = |date: &str, honorific: &str| Entry {
            size: 1,
            modified: 1,
            keys: Vec::new(),
            date: Some(date.into()),
            greeted: vec![greeted(honorific)],
        };
        let mut m = Manifest::default();
        m.files
            .insert("later.htm".into(), entry("2024-05-02", "Mr."));
        m.files
            .insert("earlier.htm".into(), entry("2023-01-10", "Dr."));
        m.files.insert(
            "staff.pdf".into(),
            Entry::stamp(&dir.path().join(".")).unwrap(),
        );
        m.save(&dir.path().join("manifest.json")).unwrap();
        assert_eq!(greeted_in(dir.path()), [greeted("Dr."), greeted("Mr.")]);
    }
}
