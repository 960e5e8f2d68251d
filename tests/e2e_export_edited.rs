//! End to end in tmux: export a `.docx` from the workspace, change the file on disk (a
//! partner's redline), press the export key again: the workspace says the file was
//! edited since and writes nothing over it.

mod common;

use common::tmux::{self, Tmux};

#[test]
fn exporting_again_over_an_edited_docx_is_refused() {
    if !tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let name = "upload_brackwater-ferries_2024-03-01.txt";
    let comments = ["Please revise the fleet table on page 22.".to_owned()];
    std::fs::write(
        dir.path().join(name),
        common::letters::letter_text("Brackwater Ferries Inc.", &comments),
    )
    .unwrap();
    let docx = dir
        .path()
        .join("upload_brackwater-ferries_2024-03-01.response.docx");

    let t = Tmux::start(dir.path(), &["."], 140, 40);
    t.wait_for("Brackwater");
    t.keys(&["x"]);
    t.wait_for("Word (.docx)");
    t.keys(&["d"]);
    t.wait_for("Exported to");
    let ours = std::fs::read(&docx).expect("the .docx was written");

    std::fs::write(&docx, b"REDLINED BY PARTNER").unwrap();
    t.keys(&["x"]);
    t.wait_for("Word (.docx)");
    t.keys(&["d"]);
    let screen = t.wait_for("Not exported");
    assert!(
        screen.contains("edited since letterdesk wrote it"),
        "{screen}"
    );
    assert_eq!(std::fs::read(&docx).unwrap(), b"REDLINED BY PARTNER");
    assert_ne!(ours, b"REDLINED BY PARTNER");
    t.keys(&["q"]);
    t.wait_exit();
}
