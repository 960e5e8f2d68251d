//! Loading and saving a drafts file: conflict scan, parse, shape check; apply the
//! drafts onto the previous document, check the text reads back, write atomically.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use toml_edit::DocumentMut;

use super::atomic::write_atomic;
use super::error::DraftsError;
use super::fingerprint::{Fingerprint, content_hash, read_with_fingerprint};
use super::format::{apply_drafts, line_of, read_drafts};
use super::lock::{Lock, lock};
use super::markers::find_conflict_marker;
use super::model::Drafts;

/// A drafts file as read from disk: the drafts, the fingerprint of the bytes read, and
/// the parsed document, so a later [`save`] keeps the file's comments and formatting.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The drafts, in the file's order (call [`Drafts::merge_letter`] to bring them in
    /// line with the letter).
    pub drafts: Drafts,
    /// Size, modification time and hash of the bytes read (see
    /// [`on_disk_changed`](super::on_disk_changed)).
    pub fingerprint: Fingerprint,
    pub(super) document: DocumentMut,
}

impl Loaded {
    /// The parsed document, with its formatting and comments.
    pub fn document(&self) -> &DocumentMut {
        &self.document
    }
}

/// Reads the drafts file at `path`; `Ok(None)` when it does not exist.
///
/// Git conflict markers are looked for before parsing ([`DraftsError::Conflict`]);
/// a file that is not TOML or not shaped like a drafts file gives
/// [`DraftsError::Parse`] with the line. A leading UTF-8 byte order mark is allowed.
pub fn load(path: &Path) -> Result<Option<Loaded>, DraftsError> {
    let (bytes, fingerprint) = match read_with_fingerprint(path) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(DraftsError::io(path, e)),
    };
    let (drafts, document) = parse(path, &bytes)?;
    Ok(Some(Loaded {
        drafts,
        fingerprint,
        document,
    }))
}

/// Reads drafts from the bytes of a drafts file, with the same checks as [`load`]
/// (`path` only names the file in errors). Never panics, whatever the bytes.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Drafts, DraftsError> {
    parse(path, bytes).map(|(drafts, _)| drafts)
}

/// Parses the bytes of a drafts file.
fn parse(path: &Path, bytes: &[u8]) -> Result<(Drafts, DocumentMut), DraftsError> {
    let parse_error = |line, message: String| DraftsError::Parse {
        path: path.to_owned(),
        line,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        parse_error(line_of(valid, valid.len()), "not valid UTF-8".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = find_conflict_marker(text) {
        return Err(DraftsError::Conflict {
            path: path.to_owned(),
            line,
        });
    }
    let spanned = toml_edit::Document::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |span| line_of(text, span.start));
        parse_error(line, e.message().trim_end().to_owned())
    })?;
    let drafts = read_drafts(spanned.as_table()).map_err(|e| {
        let line = e.span.map_or(1, |span| line_of(text, span.start));
        parse_error(line, e.message)
    })?;
    Ok((drafts, spanned.into_mut()))
}

/// Saves `drafts` to `path` atomically and returns the fingerprint of what was
/// written. See [`save_loaded`], which also hands back the new document.
pub fn save(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
) -> Result<Fingerprint, DraftsError> {
    save_loaded(path, drafts, previous).map(|loaded| loaded.fingerprint)
}

/// Saves `drafts` to `path` atomically and returns the new state as a [`Loaded`]
/// (pass it as `previous` next time).
///
/// With `previous`, its document is the starting point and only values that differ
/// are changed: hand-written comments, key order and formatting stay, a replaced
/// value keeps its trailing `# comment`, and comments missing from the file are
/// appended as new tables in the drafts' order. Comments in the file but not in
/// `drafts` are kept as they are. Without `previous`, a fresh file is written with a
/// table for every comment.
///
/// The text is checked to read back as `drafts` before anything is written. The
/// write goes to a temp file in the same folder (synced, with the old file's
/// permissions) that is renamed over the target, then the folder is synced.
pub fn save_loaded(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
) -> Result<Loaded, DraftsError> {
    save_expecting(path, drafts, previous, Expect::Anything)
}

/// What the file at the path must still be for a save to replace it.
#[derive(Debug, Clone, Copy)]
pub enum Expect<'a> {
    /// Whatever it is.
    Anything,
    /// Missing (`None`), or holding the bytes fingerprinted (compared by content), as
    /// last read or written by the caller: anything else is someone else's change,
    /// never overwritten ([`DraftsError::Changed`]).
    AsSeen(Option<&'a Fingerprint>),
}

/// [`save_loaded`], replacing the file only if it is still what `expect` says.
///
/// The check is made after the new text is written to the temp file and synced, just
/// before the rename, under an exclusive advisory lock (`flock`) on the file: a writer
/// that takes that lock (`flock FILE command`) can never slip a change in between; any
/// other writer only within the instant between the check and the rename. A read-only
/// file is never replaced ([`DraftsError::ReadOnly`]).
pub fn save_expecting(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
    expect: Expect<'_>,
) -> Result<Loaded, DraftsError> {
    save_replacing(path, drafts, previous, expect, || {})
}

/// [`save_expecting`], calling `meanwhile` between writing the temp file and the check.
fn save_replacing(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
    expect: Expect<'_>,
    meanwhile: impl FnOnce(),
) -> Result<Loaded, DraftsError> {
    let roundtrip = |message: String| DraftsError::Roundtrip {
        path: path.to_owned(),
        message,
    };
    let mut document = previous.map(|p| p.document.clone()).unwrap_or_default();
    apply_drafts(&mut document, drafts).map_err(roundtrip)?;
    let text = document.to_string();

    let (read_back, document) = match parse(path, text.as_bytes()) {
        Ok(parsed) => parsed,
        Err(e) => return Err(roundtrip(format!("the new text does not read back ({e})"))),
    };
    for draft in &drafts.comments {
        if read_back.get(&draft.number) != Some(draft) {
            return Err(roundtrip(format!(
                "comment {:?} does not read back",
                draft.number
            )));
        }
    }

    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(DraftsError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let changed = Cell::new(false);
    let written = write_atomic(path, text.as_bytes(), |target| {
        meanwhile();
        let Expect::AsSeen(seen) = expect else {
            return Ok(None);
        };
        let held = still_as_seen(target, seen)?;
        if held.is_none() {
            changed.set(true);
            return Err(io::Error::other("changed on disk"));
        }
        Ok(held)
    });
    let written = match written {
        Err(_) if changed.get() => {
            return Err(DraftsError::Changed {
                path: path.to_owned(),
            });
        }
        other => other.map_err(|e| DraftsError::io(path, e))?,
    };
    let mtime = std::fs::metadata(&written).and_then(|m| m.modified()).ok();
    let fingerprint = Fingerprint::of_bytes(text.as_bytes(), mtime);
    Ok(Loaded {
        drafts: read_back,
        fingerprint,
        document,
    })
}

/// Whether the file at `target` is still what `seen` describes (missing for `None`),
/// checked under an exclusive lock on it: `Some` holds the lock (and the file, when
/// there is one) until dropped; `None` means it changed.
fn still_as_seen(target: &Path, seen: Option<&Fingerprint>) -> io::Result<Option<Option<File>>> {
    let mut file = match File::open(target) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(seen.is_none().then_some(None));
        }
        Err(e) => return Err(e),
    };
    let Some(seen) = seen else {
        return Ok(None);
    };
    // Best effort: a file system without locks still gets the check.
    let _ = lock(&file, Lock::Exclusive);
    // The file locked must still be the one at the path (not replaced meanwhile).
    if !same_file(&file, target)? {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let same = bytes.len() as u64 == seen.len && content_hash(&bytes) == seen.hash;
    Ok(same.then_some(Some(file)))
}

/// Whether the open `file` is the file now at `path`.
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (open, now) = (file.metadata()?, std::fs::metadata(path)?);
        Ok(open.dev() == now.dev() && open.ino() == now.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
