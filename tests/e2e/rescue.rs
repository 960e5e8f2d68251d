//! End to end in tmux: the drafts file is read-only and the journal cannot be written
//! (its folder replaced by a file, as a full or broken disk would fail it). The
//! program never claims the text was kept; quitting asks where to write it, and the
//! text lands in the file the user names.

#![cfg(unix)]

use crate::common;

use std::os::unix::fs::PermissionsExt;

use common::tmux::{self, Tmux};

#[test]
fn when_neither_save_nor_journal_work_quitting_asks_where_to_write_the_drafts() {
    let comments = ["Explain one.", "Explain two."];
    let Some(dir) = tmux::folder_with_letter("Rescue Lantern Co.", &comments) else {
        return;
    };
    let drafts = dir.path().join("a.responses.toml");
    let saved = "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Saved.\"\n";
    std::fs::write(&drafts, saved).unwrap();
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o444)).unwrap();

    let t = Tmux::start(dir.path(), &["."], 160, 40);
    t.wait_for("Rescue Lantern");
    let journal = t.journal_dir();
    std::fs::remove_dir_all(&journal).unwrap();
    std::fs::write(&journal, "not a folder").unwrap();

    t.press("Enter", "Saved.");
    t.keys(&["Enter"]);
    t.type_text(" Words nowhere else.");
    t.press("Escape", "read-only");
    t.wait_for("Journal not written");
    let screen = t.press("q", "Press q again");
    assert!(!screen.contains("kept in the journal"), "{screen}");
    assert!(screen.contains("asks where to write"), "{screen}");
    let screen = t.press("q", "Write them to");
    assert!(!screen.contains("kept in the journal"), "{screen}");
    assert!(
        screen.contains("could not be saved nor journalled"),
        "{screen}"
    );
    t.type_text("rescued.md");
    t.keys(&["Enter"]);
    t.wait_exit();
    let rescued = std::fs::read_to_string(dir.path().join("rescued.md")).unwrap();
    assert!(
        rescued.contains("## Comment 1") && rescued.contains("Saved. Words nowhere else."),
        "{rescued}"
    );
    assert_eq!(
        std::fs::read_to_string(&drafts).unwrap(),
        saved,
        "read-only file kept"
    );
}
