//! Loading and saving a drafts file: conflict scan, parse, shape check; apply the
//! drafts onto the previous document, check the text reads back, write atomically.

use std::io;
use std::path::Path;

use toml_edit::DocumentMut;

use super::atomic::write_atomic;
use super::error::DraftsError;
use super::fingerprint::{Fingerprint, read_with_fingerprint};
use super::format::{apply_drafts, line_of, read_drafts};
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

    let written = write_atomic(path, text.as_bytes()).map_err(|e| DraftsError::io(path, e))?;
    let mtime = std::fs::metadata(&written).and_then(|m| m.modified()).ok();
    let fingerprint = Fingerprint::of_bytes(text.as_bytes(), mtime);
    Ok(Loaded {
        drafts: read_back,
        fingerprint,
        document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::Status;

    fn nums(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            load(&dir.path().join("nope.responses.toml"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn save_then_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        let mut drafts = Drafts::for_comments(&nums(&["1", "2", "3(a)"]));
        drafts.set_response("2", "Two.\n=======\nmore");
        drafts.toggle_resolved("3(a)");
        let fp = save(&path, &drafts, None).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded.drafts, drafts);
        assert_eq!(loaded.fingerprint.hash, fp.hash);
        assert_eq!(loaded.fingerprint.len, fp.len);
        assert!(!crate::drafts::on_disk_changed(&path, &fp).unwrap());
    }

    #[test]
    fn resave_with_previous_is_byte_identical_when_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        let text = "# top\n[comments.\"1\"]  # one\nstatus   = 'open' # s\nresponse = \"\"\n";
        std::fs::write(&path, text).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        save(&path, &loaded.drafts, Some(&loaded)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn changed_value_keeps_trailing_comment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        std::fs::write(
            &path,
            "[comments.\"1\"]\nstatus = \"open\"   # who: ana\nresponse = \"\"\n",
        )
        .unwrap();
        let mut loaded = load(&path).unwrap().unwrap();
        loaded.drafts.toggle_resolved("1");
        let new = save_loaded(&path, &loaded.drafts, Some(&loaded)).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[comments.\"1\"]\nstatus = \"resolved\"   # who: ana\nresponse = \"\"\n"
        );
        assert_eq!(new.drafts.get("1").unwrap().status, Status::Resolved);
    }

    #[test]
    fn entries_missing_from_drafts_are_kept_and_new_ones_appended() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        std::fs::write(
            &path,
            "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"old\"\n",
        )
        .unwrap();
        let loaded = load(&path).unwrap().unwrap();
        let drafts = Drafts::for_comments(&nums(&["2", "3"]));
        save(&path, &drafts, Some(&loaded)).unwrap();
        let back = load(&path).unwrap().unwrap().drafts;
        let order: Vec<_> = back.comments.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(order, ["1", "2", "3"]);
        assert_eq!(back.get("1").unwrap().response, "old");
    }

    #[test]
    fn bom_and_invalid_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        std::fs::write(&path, "\u{feff}[comments.\"1\"]\nstatus = \"open\"\n").unwrap();
        assert_eq!(load(&path).unwrap().unwrap().drafts.comments.len(), 1);
        std::fs::write(&path, b"[comments.\"1\"]\nstatus = \"op\xffen\"\n").unwrap();
        match load(&path) {
            Err(DraftsError::Parse { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_and_dotted_shapes_are_edited_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        let text =
            "[comments]\n\"1\" = { status = \"open\", response = \"\" }\n\"2\".status = \"open\"\n";
        std::fs::write(&path, text).unwrap();
        let mut loaded = load(&path).unwrap().unwrap();
        loaded.drafts.set_response("1", "a\nb");
        loaded.drafts.set_response("2", "c");
        loaded.drafts.merge_letter(&nums(&["1", "2", "3"]));
        save(&path, &loaded.drafts, Some(&loaded)).unwrap();
        assert_eq!(load(&path).unwrap().unwrap().drafts, loaded.drafts);
    }
}
