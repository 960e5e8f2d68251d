//! The journal folder: one small JSON file per (letter, comment), each replaced
//! atomically (temp file, fsync, rename, fsync of the folder).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::entry::{Entry, file_name, letter_key};
use crate::drafts::Drafts;

/// The name prefix of temp files of a write in progress.
const TEMP_PREFIX: &str = ".tmp-";
/// How old a temp file must be before [`Journal::open`] removes it.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// The crash journal in one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    /// Opens the journal in `dir`, creating the folder (private to the user on Unix)
    /// and removing temp files that crashed writes left behind.
    pub fn open(dir: impl Into<PathBuf>) -> io::Result<Journal> {
        let dir = dir.into();
        create_private_dir(&dir)?;
        let journal = Journal { dir };
        journal.remove_stale_temps()?;
        Ok(journal)
    }

    /// Opens the journal in [`default_dir`](super::default_dir).
    pub fn open_default() -> io::Result<Journal> {
        let dir = super::default_dir().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "no state folder: neither XDG_STATE_HOME nor HOME is set",
            )
        })?;
        Journal::open(dir)
    }

    /// The journal folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Journals `text` as the unsaved response to comment `number` of `letter`,
    /// replacing that comment's previous entry. Returns the entry written.
    pub fn record(&self, letter: &Path, number: &str, text: &str) -> io::Result<Entry> {
        let letter = absolute(letter);
        let entry = Entry {
            file: self.dir.join(file_name(&letter, number)),
            letter,
            number: number.to_owned(),
            text: text.to_owned(),
            written: SystemTime::now(),
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&self.dir)?;
        tmp.write_all(entry.to_json().as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(&entry.file).map_err(|e| e.error)?;
        sync_dir(&self.dir);
        Ok(entry)
    }

    /// Removes the entry of comment `number` of `letter`, if any (after a successful
    /// save). Prefer [`Journal::clear_saved`], which keeps text typed after the save
    /// began.
    pub fn clear(&self, letter: &Path, number: &str) -> io::Result<()> {
        remove(&self.dir.join(file_name(&absolute(letter), number)))
    }

    /// After a successful save of `saved` for `letter`: removes the letter's entries
    /// whose text is what was saved for their comment. Entries holding other text
    /// (typed after the save started) stay. Returns how many were removed.
    pub fn clear_saved(&self, letter: &Path, saved: &Drafts) -> io::Result<usize> {
        let mut removed = 0;
        for entry in self.entries_for(letter)? {
            if saved
                .get(&entry.number)
                .is_some_and(|d| d.response == entry.text)
            {
                remove(&entry.file)?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// The entries of `letter`, by comment number.
    pub fn entries_for(&self, letter: &Path) -> io::Result<Vec<Entry>> {
        let prefix = format!("{}-", letter_key(&absolute(letter)));
        self.read_entries(|name| name.starts_with(&prefix))
    }

    /// Every entry, by letter then comment number (to offer recovery at start-up;
    /// see [`Journal::offers`]). Files that cannot be read as entries are skipped.
    pub fn pending(&self) -> io::Result<Vec<Entry>> {
        self.read_entries(|_| true)
    }

    /// Removes `entry` (the user discarded it, or it was recovered and saved).
    pub fn discard(&self, entry: &Entry) -> io::Result<()> {
        if entry.file.parent() != Some(self.dir.as_path()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not in the journal", entry.file.display()),
            ));
        }
        remove(&entry.file)
    }

    fn read_entries(&self, wanted: impl Fn(&str) -> bool) -> io::Result<Vec<Entry>> {
        let mut entries = Vec::new();
        for dirent in fs::read_dir(&self.dir)? {
            let dirent = dirent?;
            let name = dirent.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') || !name.ends_with(".json") || !wanted(name) {
                continue;
            }
            let path = dirent.path();
            let json = match fs::read_to_string(&path) {
                Ok(json) => json,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => continue,
                Err(e) => return Err(e),
            };
            entries.extend(Entry::from_json(&path, &json));
        }
        entries.sort_by(|a, b| {
            (&a.letter, &a.number, a.written).cmp(&(&b.letter, &b.number, b.written))
        });
        Ok(entries)
    }

    fn remove_stale_temps(&self) -> io::Result<()> {
        let now = SystemTime::now();
        for dirent in fs::read_dir(&self.dir)? {
            let dirent = dirent?;
            let is_temp = dirent
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(TEMP_PREFIX));
            let stale = dirent
                .metadata()?
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_none_or(|age| age >= STALE_TEMP_AGE);
            if is_temp && stale {
                remove(&dirent.path())?;
            }
        }
        Ok(())
    }
}

/// The absolute form of a letter path: symlinks resolved when the file exists.
fn absolute(letter: &Path) -> PathBuf {
    fs::canonicalize(letter)
        .or_else(|_| std::path::absolute(letter))
        .unwrap_or_else(|_| letter.to_owned())
}

/// Removes a file; one that is already gone is fine.
fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates `dir` and its parents; on Unix a new journal folder is readable only by
/// the user (it holds what they type).
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Flushes a rename in `dir` to disk where the platform allows (best effort: the
/// entry itself is already synced).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, Journal, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path().join("state/journal")).unwrap();
        let letters = dir.path().join("letters");
        fs::create_dir(&letters).unwrap();
        let letter = letters.join("a.txt");
        fs::write(&letter, "letter").unwrap();
        (dir, journal, letter)
    }

    #[test]
    fn record_replaces_and_lists_per_letter() {
        let (dir, journal, letter) = setup();
        let other = dir.path().join("letters/b.txt");
        journal.record(&letter, "1", "first").unwrap();
        journal.record(&letter, "1", "second").unwrap();
        journal.record(&letter, "2", "two").unwrap();
        journal.record(&other, "1", "b one").unwrap();
        let entries = journal.entries_for(&letter).unwrap();
        let got: Vec<_> = entries
            .iter()
            .map(|e| (e.number.as_str(), e.text.as_str()))
            .collect();
        assert_eq!(got, [("1", "second"), ("2", "two")]);
        assert_eq!(entries[0].letter, fs::canonicalize(&letter).unwrap());
        assert_eq!(journal.pending().unwrap().len(), 3);
        // Nothing is written next to the letters.
        let names: Vec<_> = fs::read_dir(dir.path().join("letters"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"]);
    }

    #[test]
    fn relative_and_absolute_paths_name_the_same_entry() {
        let (_dir, journal, letter) = setup();
        journal.record(&letter, "1", "x").unwrap();
        let dotted = letter.parent().unwrap().join("./a.txt");
        assert_eq!(journal.entries_for(&dotted).unwrap().len(), 1);
    }

    #[test]
    fn clear_and_clear_saved_and_discard() {
        let (_dir, journal, letter) = setup();
        journal.record(&letter, "1", "saved text").unwrap();
        journal
            .record(&letter, "2", "typed after the save began")
            .unwrap();
        journal.record(&letter, "3", "three").unwrap();
        let mut saved = Drafts::for_comments(&["1".into(), "2".into()]);
        saved.set_response("1", "saved text");
        saved.set_response("2", "older text");
        assert_eq!(journal.clear_saved(&letter, &saved).unwrap(), 1);
        let left: Vec<_> = journal
            .entries_for(&letter)
            .unwrap()
            .into_iter()
            .map(|e| e.number)
            .collect();
        assert_eq!(left, ["2", "3"]);
        journal.clear(&letter, "2").unwrap();
        journal.clear(&letter, "2").unwrap();
        let three = journal.entries_for(&letter).unwrap().remove(0);
        journal.discard(&three).unwrap();
        assert!(journal.pending().unwrap().is_empty());
    }

    #[test]
    fn open_removes_stale_temps_and_pending_skips_junk() {
        let (_dir, journal, letter) = setup();
        let stale = journal.dir().join(".tmp-abc123");
        fs::write(&stale, "partial").unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let fresh = journal.dir().join(".tmp-def456");
        fs::write(&fresh, "in progress").unwrap();
        fs::write(journal.dir().join("junk.json"), "{ not json").unwrap();
        journal.record(&letter, "1", "x").unwrap();
        let journal = Journal::open(journal.dir()).unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists());
        assert_eq!(journal.pending().unwrap().len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn folder_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, journal, _) = setup();
        let mode = fs::metadata(journal.dir()).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0);
    }
}
