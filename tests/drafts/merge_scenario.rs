//! Issue #4's scenario at the library level: the drafts file changes on disk while
//! the workspace has unsaved edits; merging before the save keeps both sides.

use crate::common::outside;

use letterdesk::drafts::{
    Drafts, Resolution, Status, load, merge, on_disk_changed, resolve, save_loaded,
};

fn nums(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

#[test]
fn another_programs_comment_and_my_new_text_both_end_up_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.responses.toml");

    // The workspace saves a draft of comment 1.
    let mut mine = Drafts::for_comments(&nums(&["1", "2", "3"]));
    mine.set_response("1", "First draft of one.");
    let base = save_loaded(&path, &mine, None).unwrap();

    // Another program writes a response to comment 3, in its own formatting.
    outside::write_comment(&path, "3", "drafted", "Their response to three.");

    // The user edits comment 1 again and quits: the save first checks the disk.
    mine.set_response("1", "Second draft of one.");
    assert!(on_disk_changed(&path, &base.fingerprint).unwrap());
    let theirs = load(&path).unwrap().unwrap();
    let merged = merge(&base.drafts, &mine, &theirs.drafts);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.taken_from_disk, ["3"]);
    save_loaded(&path, &merged.to_write(), Some(&theirs)).unwrap();

    let back = load(&path).unwrap().unwrap().drafts;
    assert_eq!(back.get("1").unwrap().response, "Second draft of one.");
    assert_eq!(back.get("3").unwrap().response, "Their response to three.");
    assert_eq!(back.get("3").unwrap().status, Status::Drafted);
    assert_eq!(back.get("2").unwrap().status, Status::Open);
}

#[test]
fn a_comment_changed_on_both_sides_is_not_overwritten_until_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.responses.toml");
    let mut mine = Drafts::for_comments(&nums(&["1", "2"]));
    mine.set_response("1", "Original.");
    let base = save_loaded(&path, &mine, None).unwrap();

    outside::write_comment(&path, "1", "resolved", "Theirs.");
    outside::write_comment(&path, "2", "drafted", "Their two.");
    mine.set_response("1", "Mine.");

    let theirs = load(&path).unwrap().unwrap();
    let merged = merge(&base.drafts, &mine, &theirs.drafts);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(
        (
            conflict.mine.response.as_str(),
            conflict.theirs.response.as_str()
        ),
        ("Mine.", "Theirs.")
    );
    // The workspace keeps showing mine...
    assert_eq!(merged.drafts.get("1").unwrap().response, "Mine.");
    // ...but what is written before the choice leaves theirs in place.
    let saved = save_loaded(&path, &merged.to_write(), Some(&theirs)).unwrap();
    let back = load(&path).unwrap().unwrap().drafts;
    assert_eq!(back.get("1").unwrap().response, "Theirs.");
    assert_eq!(back.get("2").unwrap().response, "Their two.");

    // The user keeps both texts.
    let mut resolved = merged.drafts.clone();
    *resolved.get_mut("1").unwrap() = resolve(conflict, Resolution::KeepBoth);
    save_loaded(&path, &resolved, Some(&saved)).unwrap();
    let back = load(&path).unwrap().unwrap().drafts;
    assert_eq!(back.get("1").unwrap().response, "Mine.\n\nTheirs.");
    assert_eq!(back.get("1").unwrap().status, Status::Resolved);
}
