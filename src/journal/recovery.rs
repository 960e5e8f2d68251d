//! Which journal entries to offer for recovery at start-up.

use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use super::entry::Entry;
use super::store::Journal;
use crate::drafts::{self, Drafts};

/// A journal entry to offer the user: recover (put the text back in the workspace)
/// or discard. Declining keeps the entry until it is discarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The unsaved text and where it belongs.
    pub entry: Entry,
    /// What the drafts file holds for that comment (`None`: no file, no such comment,
    /// or a file that cannot be read), to show beside the journalled text.
    pub saved: Option<String>,
    /// Whether the entry is newer than the drafts file (or there is no drafts file):
    /// typing after the last save.
    pub newer_than_file: bool,
}

/// Whether to offer `entry`, given the drafts file of its letter as read (`saved`:
/// `None` when missing or unreadable) and its modification time.
///
/// An entry is offered when the drafts file does not hold exactly its text for that
/// comment; `newer_than_file` then tells whether it was written after the file. An
/// entry whose text is already saved is not offered (it is stale: remove it with
/// [`Journal::clear_saved`]).
pub fn offer(
    entry: &Entry,
    saved: Option<&Drafts>,
    file_modified: Option<SystemTime>,
) -> Option<Offer> {
    let saved_text = saved
        .and_then(|d| d.get(&entry.number))
        .map(|c| c.response.clone());
    if saved_text.as_deref() == Some(entry.text.as_str()) {
        return None;
    }
    Some(Offer {
        entry: entry.clone(),
        saved: saved_text,
        newer_than_file: file_modified.is_none_or(|m| entry.written > m),
    })
}

impl Journal {
    /// The entries to offer for recovery, by letter then comment: [`Journal::pending`]
    /// filtered with [`offer`] against each letter's drafts file
    /// (`NAME.responses.toml` next to the letter).
    pub fn offers(&self) -> io::Result<Vec<Offer>> {
        let mut files: HashMap<PathBuf, (Option<Drafts>, Option<SystemTime>)> = HashMap::new();
        let mut offers = Vec::new();
        for entry in self.pending()? {
            let (saved, modified) = files.entry(entry.letter.clone()).or_insert_with(|| {
                let path = drafts::drafts_path(&entry.letter);
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                let saved = drafts::load(&path).ok().flatten().map(|l| l.drafts);
                (saved, modified)
            });
            offers.extend(offer(&entry, saved.as_ref(), *modified));
        }
        Ok(offers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn entry(text: &str, written: SystemTime) -> Entry {
        Entry {
            letter: PathBuf::from("/l/a.txt"),
            number: "1".into(),
            text: text.into(),
            written,
            file: PathBuf::from("/j/x.json"),
        }
    }

    #[test]
    fn offered_unless_the_text_is_saved() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let mut saved = Drafts::for_comments(&["1".into()]);
        saved.set_response("1", "saved");
        assert_eq!(offer(&entry("saved", t), Some(&saved), Some(t)), None);
        let o = offer(
            &entry("more", t),
            Some(&saved),
            Some(t - Duration::from_secs(1)),
        )
        .unwrap();
        assert_eq!(o.saved.as_deref(), Some("saved"));
        assert!(o.newer_than_file);
        let o = offer(
            &entry("more", t),
            Some(&saved),
            Some(t + Duration::from_secs(1)),
        )
        .unwrap();
        assert!(!o.newer_than_file);
        let o = offer(&entry("x", t), None, None).unwrap();
        assert_eq!(o.saved, None);
        assert!(o.newer_than_file);
    }

    #[test]
    fn offers_read_the_drafts_files() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path().join("journal")).unwrap();
        let letter = dir.path().join("a.txt");
        std::fs::write(&letter, "letter").unwrap();
        let mut saved = Drafts::for_comments(&["1".into(), "2".into()]);
        saved.set_response("1", "saved one");
        drafts::save(&drafts::drafts_path(&letter), &saved, None).unwrap();
        journal.record(&letter, "1", "saved one").unwrap();
        journal.record(&letter, "2", "unsaved two").unwrap();
        let offers = journal.offers().unwrap();
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].entry.text, "unsaved two");
        assert_eq!(offers[0].saved.as_deref(), Some(""));
        assert!(offers[0].newer_than_file);
    }
}
