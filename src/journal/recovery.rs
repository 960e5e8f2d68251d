//! Which journal entries to offer for recovery at start-up.

use std::collections::HashMap;
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use super::entry::{Entry, text_hash};
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

/// What to do with a journal entry at start-up, given its drafts file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Offer it: its text is not in the drafts file and nothing was saved since it was
    /// written.
    Offer(Offer),
    /// Its text is what the drafts file holds: it is obsolete (remove it).
    Saved,
    /// The drafts file was saved after it was written: it is older than what the file
    /// holds (a prefix of the typing, or text discarded since). Never offered: kept as
    /// history ([`Journal::retire`]).
    Older,
}

/// What to do with `entry`, given the drafts file of its letter as read (`saved`:
/// `None` when missing or unreadable) and its modification time.
///
/// An entry holding what the file holds for its comment is [`Verdict::Saved`]. An
/// entry that knows what the file held when it was written ([`Entry::base`]) is
/// [`Verdict::Older`] when the file now holds something else for that comment: it was
/// saved after the entry. One that does not know is older when it was written before
/// the file. Otherwise it is offered.
pub fn offer(entry: &Entry, saved: Option<&Drafts>, file_modified: Option<SystemTime>) -> Verdict {
    let saved_text = saved
        .and_then(|d| d.get(&entry.number))
        .map(|c| c.response.clone());
    if saved_text.as_deref() == Some(entry.text.as_str()) {
        return Verdict::Saved;
    }
    let newer_than_file = file_modified.is_none_or(|m| entry.written > m);
    let older = match &entry.base {
        // A file that cannot be read is not known to have changed.
        Some(base) => saved.is_some() && *base != text_hash(saved_text.as_deref().unwrap_or("")),
        None => !newer_than_file,
    };
    if older {
        return Verdict::Older;
    }
    Verdict::Offer(Offer {
        entry: entry.clone(),
        saved: saved_text,
        newer_than_file,
    })
}

impl Journal {
    /// The entries to offer for recovery, by letter then comment: [`Journal::pending`]
    /// judged with [`offer`] against each letter's drafts file (`NAME.responses.toml`
    /// next to the letter). Entries of running instances are left alone; obsolete ones
    /// are removed, older ones moved to the history folder.
    pub fn offers(&self) -> io::Result<Vec<Offer>> {
        let mut files: HashMap<PathBuf, (Option<Drafts>, Option<SystemTime>)> = HashMap::new();
        let mut offers = Vec::new();
        for entry in self.pending()? {
            if entry
                .session
                .as_deref()
                .is_some_and(|id| self.session_running(id))
            {
                continue;
            }
            let (saved, modified) = files.entry(entry.letter.clone()).or_insert_with(|| {
                let path = drafts::drafts_path(&entry.letter);
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                let saved = match drafts::load(&path) {
                    Ok(found) => Some(found.map(|l| l.drafts).unwrap_or_default()),
                    Err(_) => None,
                };
                (saved, modified)
            });
            match offer(&entry, saved.as_ref(), *modified) {
                Verdict::Offer(offer) => offers.push(offer),
                Verdict::Saved => self.discard(&entry)?,
                Verdict::Older => self.retire(&entry)?,
            }
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
            session: None,
            base: None,
        }
    }

    fn offered(verdict: Verdict) -> Offer {
        match verdict {
            Verdict::Offer(offer) => offer,
            other => panic!("not offered: {other:?}"),
        }
    }

    #[test]
    fn offered_unless_saved_or_older_than_the_file() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let second = Duration::from_secs(1);
        let mut saved = Drafts::for_comments(&["1".into()]);
        saved.set_response("1", "saved");
        assert_eq!(
            offer(&entry("saved", t), Some(&saved), Some(t)),
            Verdict::Saved
        );
        let o = offered(offer(&entry("more", t), Some(&saved), Some(t - second)));
        assert_eq!(o.saved.as_deref(), Some("saved"));
        assert!(o.newer_than_file);
        // Written before the file, not knowing what the file held: older.
        assert_eq!(
            offer(&entry("more", t), Some(&saved), Some(t + second)),
            Verdict::Older
        );
        let o = offered(offer(&entry("x", t), None, None));
        assert_eq!(o.saved, None);
        assert!(o.newer_than_file);
    }

    #[test]
    fn an_entry_knows_whether_the_file_was_saved_after_it() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let mut saved = Drafts::for_comments(&["1".into()]);
        saved.set_response("1", "We will revise the");
        // Typed over what the file still holds: offered, whatever the clocks say.
        let typing = Entry {
            base: Some(text_hash("We will")),
            ..entry("We will rev", t)
        };
        let mut before = saved.clone();
        before.set_response("1", "We will");
        let later = Some(t + Duration::from_secs(5));
        assert!(matches!(
            offer(&typing, Some(&before), later),
            Verdict::Offer(_)
        ));
        // The file was saved since (a longer text): the entry is older than it.
        assert_eq!(offer(&typing, Some(&saved), later), Verdict::Older);
        // Nothing saved yet: the base is the empty text.
        let first = Entry {
            base: Some(text_hash("")),
            ..entry("We", t)
        };
        assert!(matches!(
            offer(&first, Some(&Drafts::default()), None),
            Verdict::Offer(_)
        ));
        // A file that cannot be read is not known to have changed.
        assert!(matches!(offer(&typing, None, later), Verdict::Offer(_)));
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
        // The saved one is gone from the journal.
        assert_eq!(journal.pending().unwrap().len(), 1);
    }

    #[test]
    fn a_saved_draft_and_older_typing_are_never_offered_again() {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join("a.txt");
        std::fs::write(&letter, "letter").unwrap();
        let path = drafts::drafts_path(&letter);
        let journal = Journal::open_session(dir.path().join("journal")).unwrap();
        // The typing is journalled part-way, then the whole of it is saved.
        journal
            .record_over(&letter, "1", "We will", Some(""))
            .unwrap();
        let mut saved = Drafts::for_comments(&["1".into()]);
        saved.set_response("1", "We will revise.");
        drafts::save(&path, &saved, None).unwrap();
        // The save clears what this session journalled before it.
        journal.clear_saved(&letter, &saved).unwrap();
        assert!(journal.pending().unwrap().is_empty());
        // Killed between the save and the clearing: the prefix is older than the file.
        journal
            .record_over(&letter, "1", "We will", Some(""))
            .unwrap();
        drop(journal);
        let next = Journal::open_session(dir.path().join("journal")).unwrap();
        assert_eq!(next.offers().unwrap(), []);
        assert!(next.pending().unwrap().is_empty());
        let history = next.dir().join("history");
        assert_eq!(
            std::fs::read_dir(history).unwrap().count(),
            1,
            "kept as history"
        );
    }

    #[test]
    fn a_running_instances_typing_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join("a.txt");
        std::fs::write(&letter, "letter").unwrap();
        let first = Journal::open_session(dir.path().join("journal")).unwrap();
        first
            .record_over(&letter, "1", "Live typing", Some(""))
            .unwrap();
        let second = Journal::open_session(dir.path().join("journal")).unwrap();
        assert_eq!(second.offers().unwrap(), []);
        assert_eq!(second.pending().unwrap().len(), 1, "left alone");
        // Once the first instance has ended (or crashed), its text is offered.
        let ended = first.session_id().unwrap().to_owned();
        drop(first);
        second.await_ended(&ended);
        assert_eq!(second.offers().unwrap().len(), 1);
    }
}
