//! Tests of `store`.

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
