//! End to end in tmux, as a new user would: a letter open beside a research library
//! named in the config, the comment about non-GAAP measures selected, the precedent key:
//! ten comments of other companies with their answers; Enter reads one in full; the
//! quote key puts its answer into the draft as an editable quotation; Esc closes.
//! And the workspace killed (SIGKILL), with the process building its index, while it
//! indexes (the overlay saying how far it has read): the next start finds precedent
//! all the same. And another letterdesk writing the index: the overlay says the
//! workspace waits for it, and the results come once it is done.

use crate::common;

use common::precedent::{non_gaap_review, staff_letter, write_library};
use common::tmux::{self, Tmux};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn precedent_for_a_non_gaap_comment_quoted_into_the_draft() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let (mine, config) = non_gaap_letter_and_library(dir.path(), 60);
    let cache = dir.path().join("cache");
    let cache = cache.to_str().unwrap();
    let script = format!("exec \"$LETTERDESK\" --config '{}' .", config.display());
    let t = Tmux::start_shell(&mine, &script, &[("XDG_CACHE_HOME", cache)], 160, 48);
    precedent_for_comment_2(&t);
    let screen = t.wait_until_for("ten results", std::time::Duration::from_secs(60), |s| {
        s.contains("10. ")
    });
    // One line per hit names its company, the letter's date and form.
    let results = screen
        .matches(" Inc. · 2025-03-03 · 10-K · comment ")
        .count();
    assert_eq!(results, 10, "{screen}");
    let answers = screen.matches("↳").count();
    assert_eq!(answers, 10, "an answer line under each:\n{screen}");
    assert!(screen.contains("answered on non-GAAP"), "{screen}");
    // Enter: the first in full, with its whole answer.
    let full = t.press("Enter", "Answer (");
    assert!(full.contains("we will revise the disclosure"), "{full}");
    // The quote key: the answer in the draft, as a quotation, in the editor.
    let drafted = t.press("a", "quoted into the draft");
    assert!(!drafted.contains("Precedent for comment"), "{drafted}");
    t.type_text("We will add the reconciliation.");
    t.wait_for("reconciliation.");
    t.keys(&["Escape"]);
    // Esc closes the overlay and returns to the comments.
    t.press("p", "Precedent for comment 2");
    t.keys(&["Escape"]);
    t.wait_until("the overlay closed", |s| {
        !s.contains("Precedent for comment")
    });
    t.quit();
    let drafts =
        std::fs::read_to_string(mine.join("upload_quillfeather_2025-04-02.responses.toml"))
            .expect("drafts saved");
    assert!(drafts.contains("> "), "{drafts}");
    assert!(drafts.contains("answered on non-GAAP"), "{drafts}");
    assert!(
        drafts.contains("We will add the reconciliation."),
        "{drafts}"
    );
}

/// As a user would: the letter opened, its second comment selected, the precedent key.
fn precedent_for_comment_2(t: &Tmux) {
    t.wait_for("Quillfeather");
    t.press("Enter", "bylaws");
    t.keys(&["j"]);
    t.press("p", "Precedent for comment 2");
}

/// In `dir`: a folder `mine` with one staff letter whose second comment is on non-GAAP
/// measures, a research library of `reviews` synthetic reviews, and a config naming
/// it; the folder and the config's path.
fn non_gaap_letter_and_library(dir: &Path, reviews: usize) -> (PathBuf, PathBuf) {
    let library = dir.join("library");
    write_library(&library, reviews).unwrap();
    let mine = dir.join("mine");
    std::fs::create_dir(&mine).unwrap();
    let review = non_gaap_review("Quillfeather Analytics Inc.");
    let letter = mine.join("upload_quillfeather_2025-04-02.txt");
    std::fs::write(&letter, staff_letter(99_999, &review)).unwrap();
    let config = dir.join("config.toml");
    let libraries = format!(
        "[precedent]\nlibraries = [{:?}]\n",
        library.display().to_string()
    );
    std::fs::write(&config, libraries).unwrap();
    (mine, config)
}

/// The workspace in tmux on the folder of [`non_gaap_letter_and_library`] with a library
/// of `reviews` reviews, and what it takes to start it again: the temporary folder
/// (kept while the test runs), the letter's folder and the arguments. `None` without
/// tmux.
fn started_on_library(reviews: usize) -> Option<(tempfile::TempDir, Tmux, PathBuf, [String; 3])> {
    let dir = tmux::folder()?;
    let (mine, config) = non_gaap_letter_and_library(dir.path(), reviews);
    let args = [
        "--config".to_owned(),
        config.display().to_string(),
        ".".to_owned(),
    ];
    let t = Tmux::start(&mine, &args.each_ref().map(String::as_str), 160, 48);
    Some((dir, t, mine, args))
}

#[test]
fn killed_while_indexing_the_next_start_finds_precedent() {
    let Some((_dir, t, mine, args)) = started_on_library(2_000) else {
        return;
    };
    precedent_for_comment_2(&t);
    // Killed once the index exists and letters are being read into it: the workspace
    // and the process building the index, both at once (as a crash or the OOM killer).
    let meta = letterdesk::precedent::folder(&t.cache_dir()).join("index/meta.json");
    let start = Instant::now();
    while !meta.exists() {
        assert!(start.elapsed() < Duration::from_secs(60), "no index made");
        std::thread::sleep(Duration::from_millis(10));
    }
    // The overlay says how far the indexing process has read.
    let screen = t.wait_until_for("the progress shown", Duration::from_secs(60), |s| {
        s.contains("reading the letters for the precedent index: ")
    });
    assert!(screen.contains("Building the precedent index"), "{screen}");
    let indexer = t
        .pane_child()
        .expect("the index was built before the kill: give the library more letters");
    Command::new("kill")
        .args(["-KILL", &indexer])
        .status()
        .unwrap();
    t.signal("KILL");
    t.wait_exit();
    t.restart(&mine, &args.each_ref().map(String::as_str), 160, 48);
    precedent_for_comment_2(&t);
    let screen = t.wait_until_for("ten results", Duration::from_secs(120), |s| {
        s.contains("10. ")
    });
    assert_eq!(screen.matches("↳").count(), 10, "{screen}");
    assert!(screen.contains("answered on non-GAAP"), "{screen}");
}

#[test]
fn while_another_letterdesk_writes_the_index_the_overlay_says_so() {
    let Some((_dir, t, _, _)) = started_on_library(60) else {
        return;
    };
    // Another process holds the index's writer lock (as a long `letterdesk index`).
    let index = letterdesk::precedent::folder(&t.cache_dir());
    let writing = letterdesk::precedent::Library::open(&index).unwrap();
    assert!(writing.is_writer());
    precedent_for_comment_2(&t);
    let screen = t.wait_until_for("the wait named", Duration::from_secs(30), |s| {
        s.contains("another letterdesk is writing the precedent index")
    });
    assert!(screen.contains("waiting"), "{screen}");
    assert!(!screen.contains("10. "), "{screen}");
    drop(writing);
    let screen = t.wait_until_for("ten results", Duration::from_secs(60), |s| {
        s.contains("10. ")
    });
    assert_eq!(screen.matches("↳").count(), 10, "{screen}");
    assert!(!screen.contains("another letterdesk"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_until("the overlay closed", |s| {
        !s.contains("Precedent for comment")
    });
    t.quit();
}
