//! Tests of `store`.

use super::*;
use crate::drafts::Status;
use crate::testing::{file, strings as nums};

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
    let text = "# top\n[comments.\"1\"]  # one\nstatus   = 'open' # s\nresponse = \"\"\n";
    let (_dir, path) = file("l.responses.toml", text);
    let loaded = load(&path).unwrap().unwrap();
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn changed_value_keeps_trailing_comment() {
    let (_dir, path) = file(
        "l.responses.toml",
        "[comments.\"1\"]\nstatus = \"open\"   # who: ana\nresponse = \"\"\n",
    );
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
    let (_dir, path) = file(
        "l.responses.toml",
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"old\"\n",
    );
    let loaded = load(&path).unwrap().unwrap();
    let drafts = Drafts::for_comments(&nums(&["2", "3"]));
    save(&path, &drafts, Some(&loaded)).unwrap();
    let back = load(&path).unwrap().unwrap().drafts;
    let order: Vec<_> = back.comments.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(order, ["1", "2", "3"]);
    assert_eq!(back.get("1").unwrap().response, "old");
}

#[cfg(unix)]
#[test]
fn a_read_only_drafts_file_is_never_replaced() {
    let text = "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Kept.\"\n";
    let (_dir, path) = file("l.responses.toml", text);
    crate::testing::set_mode(&path, 0o444);
    let loaded = load(&path).unwrap().unwrap();
    let mut drafts = loaded.drafts.clone();
    drafts.set_response("1", "Mine.");
    let error = save_loaded(&path, &drafts, Some(&loaded)).unwrap_err();
    assert!(matches!(error, DraftsError::ReadOnly { .. }), "{error}");
    assert!(error.to_string().contains("the drafts file is read-only"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_change_while_the_save_is_written_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.responses.toml");
    let mine = Drafts::for_comments(&nums(&["1", "6"]));
    let seen = save_loaded(&path, &mine, None).unwrap();
    let theirs = "[comments.\"6\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n";
    let mut next = mine.clone();
    next.set_response("1", "Typed.");
    // The outside write lands after the temp file is written, before the rename.
    let error = save_replacing(
        &path,
        &next,
        Some(&seen),
        Expect::AsSeen(Some(&seen.fingerprint)),
        || std::fs::write(&path, theirs).unwrap(),
    )
    .unwrap_err();
    assert!(matches!(error, DraftsError::Changed { .. }), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // A file that appeared meanwhile counts too.
    let fresh = dir.path().join("n.responses.toml");
    let error = save_replacing(&fresh, &next, None, Expect::AsSeen(None), || {
        std::fs::write(&fresh, theirs).unwrap()
    })
    .unwrap_err();
    assert!(matches!(error, DraftsError::Changed { .. }), "{error}");
    assert_eq!(std::fs::read_to_string(&fresh).unwrap(), theirs);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temp file left");
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
    let text =
        "[comments]\n\"1\" = { status = \"open\", response = \"\" }\n\"2\".status = \"open\"\n";
    let (_dir, path) = file("l.responses.toml", text);
    let mut loaded = load(&path).unwrap().unwrap();
    loaded.drafts.set_response("1", "a\nb");
    loaded.drafts.set_response("2", "c");
    loaded.drafts.merge_letter(&nums(&["1", "2", "3"]));
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    assert_eq!(load(&path).unwrap().unwrap().drafts, loaded.drafts);
}
