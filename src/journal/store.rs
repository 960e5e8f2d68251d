//! The journal folder: one small JSON file per (letter, comment), each replaced
//! atomically (temp file, fsync, rename, fsync of the folder); `history/` holds
//! entries found older than their drafts file (kept, never offered); `sessions/` holds
//! one lock file per running instance, locked while it runs.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::entry::{Entry, file_name, letter_key, text_hash};
use crate::disk::{is_stale, real_path};
use crate::drafts::Drafts;
use crate::drafts::lock::{self, Lock};

/// The folder of entries older than their drafts file.
const HISTORY: &str = "history";
/// The folder of the running instances' lock files.
const SESSIONS: &str = "sessions";

/// The name prefix of temp files of a write in progress.
const TEMP_PREFIX: &str = ".tmp-";
/// How old a temp file must be before [`Journal::open`] removes it.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);
/// How old the lock file of an ended instance must be before it is removed.
const STALE_SESSION_AGE: Duration = Duration::from_secs(3600);

/// The crash journal in one folder.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
    /// This instance's session, when opened with [`Journal::open_session`].
    session: Option<Arc<Session>>,
}

/// A running instance: its id and its lock file, locked for as long as it runs (the
/// operating system releases the lock however the process ends).
#[derive(Debug)]
struct Session {
    id: String,
    _lock: fs::File,
}

impl PartialEq for Journal {
    fn eq(&self, other: &Journal) -> bool {
        self.dir == other.dir && self.session_id() == other.session_id()
    }
}

impl Eq for Journal {}

impl Journal {
    /// Opens the journal in `dir`, creating the folder (private to the user on Unix)
    /// and removing temp files that crashed writes left behind.
    pub fn open(dir: impl Into<PathBuf>) -> io::Result<Journal> {
        let dir = dir.into();
        create_private_dir(&dir)?;
        let journal = Journal { dir, session: None };
        journal.remove_stale_temps()?;
        Ok(journal)
    }

    /// Opens the journal in `dir` for a running instance: its entries carry the
    /// session's id, and while it runs other instances do not offer them (they are
    /// live typing, not lost text). Lock files of instances that ended are removed.
    pub fn open_session(dir: impl Into<PathBuf>) -> io::Result<Journal> {
        let mut journal = Journal::open(dir)?;
        let sessions = journal.dir.join(SESSIONS);
        create_private_dir(&sessions)?;
        journal.remove_ended_sessions()?;
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let id = format!("{}-{nanos:x}", std::process::id());
        let lock = fs::File::create(sessions.join(format!("{id}.lock")))?;
        lock::lock(&lock, Lock::Exclusive)?;
        journal.session = Some(Arc::new(Session { id, _lock: lock }));
        Ok(journal)
    }

    /// This instance's session id (see [`Journal::open_session`]).
    pub fn session_id(&self) -> Option<&str> {
        self.session.as_deref().map(|s| s.id.as_str())
    }

    /// Whether the instance that wrote entries with session `id` is still running
    /// (this one included).
    pub fn session_running(&self, id: &str) -> bool {
        let path = self.dir.join(SESSIONS).join(format!("{id}.lock"));
        match fs::File::open(path) {
            Ok(file) => lock::held_elsewhere(&file),
            Err(_) => false,
        }
    }

    /// Waits (up to five seconds) until session `id` is no longer running. For tests
    /// that end a session and look at once: a process that another test thread forks
    /// shares the session's lock until it executes its program (the lock file is
    /// closed on exec), so the lock can outlive the session by that moment.
    #[cfg(test)]
    pub(crate) fn await_ended(&self, id: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while self.session_running(id) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Opens the journal in [`default_dir`](super::default_dir).
    pub fn open_default() -> io::Result<Journal> {
        let dir = super::default_dir().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "no state folder: neither XDG_STATE_HOME nor HOME is set",
            )
        })?;
        Journal::open_session(dir)
    }

    /// The journal folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Journals `text` as the unsaved response to comment `number` of `letter`,
    /// replacing that comment's previous entry. Returns the entry written. Prefer
    /// [`Journal::record_over`] when what the drafts file holds is known.
    pub fn record(&self, letter: &Path, number: &str, text: &str) -> io::Result<Entry> {
        self.record_over(letter, number, text, None)
    }

    /// [`Journal::record`], noting `saved`: what the drafts file holds for the comment
    /// as far as the caller knows (`Some("")` when the file or the comment is missing).
    /// A later save changes that, so at start-up the entry is known to be older than
    /// the file and is never offered.
    pub fn record_over(
        &self,
        letter: &Path,
        number: &str,
        text: &str,
        saved: Option<&str>,
    ) -> io::Result<Entry> {
        let letter = real_path(letter);
        let entry = Entry {
            file: self.dir.join(file_name(&letter, number)),
            letter,
            number: number.to_owned(),
            text: text.to_owned(),
            written: SystemTime::now(),
            session: self.session_id().map(str::to_owned),
            base: saved.map(text_hash),
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
        remove(&self.dir.join(file_name(&real_path(letter), number)))
    }

    /// Right after a successful save of `saved` for `letter` (before anything else is
    /// journalled): removes the letter's entries the save made obsolete, those whose
    /// text is what was saved for their comment and, for comments in `saved`, those
    /// this session wrote (journalled before the save, so older than what it wrote,
    /// even when the text differs: a prefix of the typing, or text discarded in a
    /// conflict). Other instances' entries holding other text stay. Returns how many
    /// were removed.
    pub fn clear_saved(&self, letter: &Path, saved: &Drafts) -> io::Result<usize> {
        let mut removed = 0;
        for entry in self.entries_for(letter)? {
            let Some(draft) = saved.get(&entry.number) else {
                continue;
            };
            let ours = entry.session.is_some() && entry.session.as_deref() == self.session_id();
            if ours || draft.response == entry.text {
                remove(&entry.file)?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// The entries of `letter`, by comment number.
    pub fn entries_for(&self, letter: &Path) -> io::Result<Vec<Entry>> {
        let prefix = format!("{}-", letter_key(&real_path(letter)));
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

    /// Moves `entry` to the journal's `history` folder: it is older than what its
    /// drafts file holds, so it is never offered, but its text is not destroyed (the
    /// next older entry of the same comment replaces it there).
    pub fn retire(&self, entry: &Entry) -> io::Result<()> {
        let history = self.dir.join(HISTORY);
        create_private_dir(&history)?;
        let Some(name) = entry.file.file_name() else {
            return Ok(());
        };
        match fs::rename(&entry.file, history.join(name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Removes the lock files of instances that are no longer running (an hour old at
    /// least, so an instance that is just starting is left alone).
    fn remove_ended_sessions(&self) -> io::Result<()> {
        let now = SystemTime::now();
        for dirent in fs::read_dir(self.dir.join(SESSIONS))? {
            let dirent = dirent?;
            let name = dirent.file_name();
            let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".lock")) else {
                continue;
            };
            let old = is_stale(&dirent.metadata()?, now, STALE_SESSION_AGE);
            if old && !self.session_running(id) {
                remove(&dirent.path())?;
            }
        }
        Ok(())
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
            let stale = is_stale(&dirent.metadata()?, now, STALE_TEMP_AGE);
            if is_temp && stale {
                remove(&dirent.path())?;
            }
        }
        Ok(())
    }
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
#[path = "store_tests.rs"]
mod tests;
