//! End to end in tmux: export a `.docx` from the workspace, change the file on disk (a
//! partner's redline), press the export key again: the prompt says the file was edited
//! since and offers a new name or overwrite; nothing is written over it without a yes.

use crate::common;

use common::letters::write_letter;
use common::tmux::{self, Tmux};

#[test]
fn exporting_again_over_an_edited_docx_is_refused() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let name = "upload_brackwater-ferries_2024-03-01.txt";
    let comments = ["Please revise the fleet table on page 22."];
    write_letter(&dir.path().join(name), "Brackwater Ferries Inc.", &comments);
    let docx = dir
        .path()
        .join("upload_brackwater-ferries_2024-03-01.response.docx");

    let t = Tmux::start(dir.path(), &["."], 140, 40);
    t.wait_for("Brackwater");
    t.press("x", "Word (.docx)");
    t.press("d", "Exported to");
    let ours = std::fs::read(&docx).expect("the .docx was written");

    std::fs::write(&docx, b"REDLINED BY PARTNER").unwrap();
    t.press("x", "Word (.docx)");
    t.keys(&["d"]);
    // The prompt says the file was edited since and offers overwrite or a new name.
    let screen = t.wait_for("Export edited since");
    assert!(
        screen.contains("was edited since letterdesk wrote it"),
        "{screen}"
    );
    assert!(screen.contains("overwrite"), "{screen}");
    assert!(
        screen.contains("write upload_brackwater-ferries_2024-03-01.response (2).docx"),
        "{screen}"
    );
    assert_eq!(std::fs::read(&docx).unwrap(), b"REDLINED BY PARTNER");

    // Esc: nothing written.
    t.keys(&["Escape"]);
    t.wait_until("the prompt closed", |screen| {
        !screen.contains("Export edited since")
    });
    assert_eq!(std::fs::read(&docx).unwrap(), b"REDLINED BY PARTNER");

    // n: written beside it under a new name.
    t.press("x", "Word (.docx)");
    t.press("d", "Export edited since");
    t.press("n", "(2).docx.");
    let beside = dir
        .path()
        .join("upload_brackwater-ferries_2024-03-01.response (2).docx");
    assert!(std::fs::read(&beside).unwrap().starts_with(b"PK"));
    assert_eq!(std::fs::read(&docx).unwrap(), b"REDLINED BY PARTNER");

    // y: overwritten, only now.
    t.press("x", "Word (.docx)");
    t.press("d", "Export edited since");
    t.press("y", "Exported to");
    t.wait_until("the new export written", |_| {
        std::fs::read(&docx).is_ok_and(|b| b != b"REDLINED BY PARTNER")
    });
    let over = std::fs::read(&docx).unwrap();
    assert!(over.starts_with(b"PK"), "a .docx again");
    assert_ne!(ours, b"REDLINED BY PARTNER");
    t.quit();
}
