//! One journal entry: the unsaved text of one comment of one letter, and how it is
//! named and written on disk.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The unsaved text of one comment, as journalled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The letter file, absolute.
    pub letter: PathBuf,
    /// The comment number.
    pub number: String,
    /// The response text as typed.
    pub text: String,
    /// When it was journalled.
    pub written: SystemTime,
    /// The journal file that holds it.
    pub file: PathBuf,
    /// The program instance that wrote it (see [`Journal::open_session`]); `None` for
    /// entries written without one.
    ///
    /// [`Journal::open_session`]: super::Journal::open_session
    pub session: Option<String>,
    /// The hash ([`text_hash`]) of what the drafts file held for the comment when the
    /// text was journalled, as far as the writer knew: when the file holds something
    /// else now, it was saved after the entry and the entry is older than the file.
    pub base: Option<String>,
}

/// What a journal file holds (JSON).
#[derive(Serialize, Deserialize)]
struct Record {
    letter: String,
    number: String,
    text: String,
    written: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<String>,
}

impl Entry {
    /// The JSON text of the entry's file.
    pub(crate) fn to_json(&self) -> String {
        let record = Record {
            letter: self.letter.to_string_lossy().into_owned(),
            number: self.number.clone(),
            text: self.text.clone(),
            written: DateTime::<Utc>::from(self.written),
            session: self.session.clone(),
            base: self.base.clone(),
        };
        serde_json::to_string_pretty(&record).expect("a record serializes") + "\n"
    }

    /// Reads an entry back from the JSON text of the journal file `file`.
    pub(crate) fn from_json(file: &Path, json: &str) -> Option<Entry> {
        let record: Record = serde_json::from_str(json).ok()?;
        Some(Entry {
            letter: PathBuf::from(record.letter),
            number: record.number,
            text: record.text,
            written: record.written.into(),
            file: file.to_owned(),
            session: record.session,
            base: record.base,
        })
    }
}

/// The hash of a saved response recorded as an entry's [`Entry::base`]: `xxh3:` and 32
/// hex digits of the XXH3-128 hash of the text.
pub fn text_hash(text: &str) -> String {
    format!("xxh3:{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// The part of a journal file name that names the letter: 16 hex digits of the hash
/// of its absolute path.
pub(crate) fn letter_key(letter: &Path) -> String {
    format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64(letter.as_os_str().as_encoded_bytes())
    )
}

/// The journal file name of comment `number` of `letter` (absolute):
/// `LETTERHASH-NUMBERHASH.json`.
pub(crate) fn file_name(letter: &Path, number: &str) -> String {
    format!(
        "{}-{:016x}.json",
        letter_key(letter),
        xxhash_rust::xxh3::xxh3_64(number.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn json_round_trips() {
        let entry = Entry {
            letter: PathBuf::from("/letters/a.txt"),
            number: "3(a)".into(),
            text: "Line one\n\"quoted\"\u{0}".into(),
            written: SystemTime::UNIX_EPOCH + Duration::from_nanos(1_700_000_000_123_456_789),
            file: PathBuf::from("/j/x.json"),
            session: Some("12-34".into()),
            base: Some(text_hash("Line")),
        };
        let back = Entry::from_json(Path::new("/j/x.json"), &entry.to_json()).unwrap();
        assert_eq!(back, entry);
        assert!(Entry::from_json(Path::new("/j/x.json"), "{").is_none());
    }

    #[test]
    fn names_are_per_letter_and_comment() {
        let a = Path::new("/l/a.txt");
        let name = file_name(a, "1");
        assert!(name.starts_with(&letter_key(a)) && name.ends_with(".json"));
        assert_ne!(name, file_name(a, "2"));
        assert_ne!(name, file_name(Path::new("/l/b.txt"), "1"));
        assert_eq!(name.len(), 16 + 1 + 16 + 5);
    }
}
