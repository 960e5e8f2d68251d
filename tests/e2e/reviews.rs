//! End to end in tmux: the review scenario of issue #16, as a new user would, on the
//! synthetic review in `tests/fixtures/review` (a staff letter, the company's response,
//! a follow-up citing "prior comment 2", a closing letter; a fictional company).

use crate::common;

use common::tmux::{self, Tmux};
use std::path::Path;

fn review_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn one_review_a_reference_followed_and_back_and_the_whole_letter() {
    if !tmux::available() {
        return;
    }
    let dir = review_folder();
    let t = Tmux::start(dir.path(), &["."], 160, 45);
    t.wait_for("Harrowgate");

    // The Letters pane as a tree: one review, four rounds in date order, its state.
    let screen = t.press("t", "closing letter");
    assert!(screen.contains("Reviews (1 review)"), "{screen}");
    let review_line = screen
        .lines()
        .find(|l| l.contains("Harrowgate Ferries") && l.contains("001-41234"))
        .unwrap_or_else(|| panic!("the review's row:\n{screen}"));
    assert!(review_line.contains("closed"), "{review_line}");
    let rounds: Vec<usize> = [
        "staff letter",
        "company response",
        "follow-up",
        "closing letter",
    ]
    .iter()
    .map(|kind| {
        screen
            .lines()
            .position(|l| l.contains(kind))
            .unwrap_or_else(|| panic!("round {kind}:\n{screen}"))
    })
    .collect();
    assert!(
        rounds.windows(2).all(|w| w[0] < w[1]),
        "date order:\n{screen}"
    );

    // The follow-up: its comment 1 cites "prior comment 2".
    t.keys(&["g", "g", "j", "j", "j", "Enter"]);
    t.wait_for("We note your response to prior");
    let screen = t.press("o", "cites comment 2");
    assert!(
        screen.contains("You state that the vessel"),
        "comment 2 of the first letter:\n{screen}"
    );
    assert!(
        screen.contains("Answer filed in the response of"),
        "the answer the response gave:\n{screen}"
    );
    assert!(screen.contains("expected to cost $84"), "{screen}");

    // Back to where we were: the follow-up's comment 1, selected.
    t.keys(&["Escape"]);
    let screen = t.wait_until("the reference closed", |s| !s.contains("cites comment 2"));
    assert!(
        screen.contains("We note your response to prior"),
        "{screen}"
    );
    assert!(screen.contains("Draft · comment 1"), "{screen}");

    // The reader view of the first letter shows its acknowledgment request.
    t.keys(&["Escape"]);
    t.keys(&["g", "g", "j", "Enter"]);
    t.wait_for("ferry ticket");
    t.keys(&["G", "v"]);
    let screen = t.wait_for("The letter as written");
    assert!(
        screen.contains("acknowledging"),
        "the acknowledgment request:\n{screen}"
    );
    assert!(screen.contains("Requests of the letter"), "{screen}");
    t.quit();
}

#[test]
fn import_fills_the_empty_drafts_in_the_workspace_and_names_a_differing_one() {
    if !tmux::available() {
        return;
    }
    let dir = review_folder();
    std::fs::write(
        dir.path()
            .join("upload_harrowgate-ferries_2025-03-10.responses.toml"),
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Our own answer.\"\n",
    )
    .unwrap();
    let t = Tmux::start(dir.path(), &["."], 160, 45);
    t.wait_for("Harrowgate");
    t.press("t", "closing letter");
    t.keys(&["g", "g", "j", "Enter"]);
    t.wait_for("ferry ticket");
    let screen = t.press("I", "filled with the answers filed");
    assert!(screen.contains("2 empty draft(s) filled"), "{screen}");
    assert!(screen.contains("comment(s) 1"), "{screen}");
    t.quit();
    let saved = std::fs::read_to_string(
        dir.path()
            .join("upload_harrowgate-ferries_2025-03-10.responses.toml"),
    )
    .unwrap();
    assert!(saved.contains("Our own answer."), "{saved}");
    assert!(saved.contains("expected to cost $84"), "{saved}");
}

#[test]
fn a_company_response_is_read_with_its_answers_and_never_drafted() {
    if !tmux::available() {
        return;
    }
    let dir = review_folder();
    let t = Tmux::start(dir.path(), &["."], 160, 45);
    t.wait_for("Harrowgate");
    t.press("t", "closing letter");
    // The tree's third row: the company's response.
    t.keys(&["g", "g", "j", "j", "Enter"]);
    t.wait_for("Answer to comment 1 · filed 2025-03-24");
    let screen = t.press("j", "Answer to comment 2");
    assert!(screen.contains("expected to cost $84"), "{screen}");
    assert!(!screen.contains("edit draft"), "no key to draft:\n{screen}");
    // Enter, i and resolve say why; nothing is written beside the response.
    let screen = t.press("Enter", "read here, not answered");
    assert!(screen.contains("Answer to comment 2"), "{screen}");
    // Tab passes over the answer to the Letters pane (a tree here: "Reviews").
    t.keys(&["i", "r", "Tab"]);
    let screen = t.wait_for("┏ Reviews");
    assert!(!screen.contains("Draft · comment"), "{screen}");
    assert!(!screen.contains("resolved"), "{screen}");
    t.quit();
    let beside = dir
        .path()
        .join("corresp_harrowgate-ferries_2025-03-24.responses.toml");
    assert!(!beside.exists(), "a drafts file beside the response");
}
