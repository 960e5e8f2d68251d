//! End to end in tmux, issue #4: outside changes to a drafts file are merged, two-sided
//! changes are settled by the user, a drafts file with git conflict markers is never
//! written, and typing survives a SIGKILL in the crash journal.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::letters::write_letter;
use common::outside;
use common::tmux::{self, Tmux};

/// The scenario letter, `a.txt` with three comments, written into `dir`.
fn letter(dir: &Path) {
    let comments = ["Explain one.", "Explain two.", "Explain three."];
    write_letter(&dir.join("a.txt"), "Scenario Bells Co.", &comments);
}

/// The workspace started on the scenario letter in `dir`, the letter opened.
fn opened(dir: &Path, args: &[&str]) -> Tmux {
    let t = Tmux::start(dir, args, 180, 45);
    t.wait_for("Scenario Bells");
    t.keys(&["Enter"]);
    t
}

fn drafts_file(dir: &Path) -> std::path::PathBuf {
    dir.join("a.responses.toml")
}

fn read(dir: &Path) -> String {
    std::fs::read_to_string(drafts_file(dir)).unwrap_or_default()
}

fn wait_file(dir: &Path, what: &str, predicate: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let text = read(dir);
        if predicate(&text) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn response(text: &str, number: &str) -> String {
    let value: toml::Table = toml::from_str(text).unwrap();
    value["comments"][number]["response"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_outside_rewrite_is_merged_with_the_users_edits() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let t = editing_first_comment(dir.path());
    t.type_text("First answer.");
    t.keys(&["Escape"]);
    wait_file(dir.path(), "comment 1 saved", |s| {
        s.contains("First answer.")
    });

    std::fs::write(
        drafts_file(dir.path()),
        outside::set_comment(&read(dir.path()), "3", "drafted", "Their answer to three."),
    )
    .unwrap();
    // The watcher brings it in without a restart.
    t.wait_for("changed on disk");

    t.keys(&["Enter"]);
    t.type_text(" And more.");
    t.keys(&["Escape"]);
    t.quit();
    let text = read(dir.path());
    assert_eq!(response(&text, "1"), "First answer. And more.", "{text}");
    assert_eq!(response(&text, "3"), "Their answer to three.", "{text}");
    // Everything was saved: nothing is left in the journal.
    assert_eq!(t.journal().pending().unwrap(), []);
}

#[test]
fn a_two_sided_change_is_a_conflict_the_user_settles() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    letter(dir.path());
    std::fs::write(
        drafts_file(dir.path()),
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Base.\"\n",
    )
    .unwrap();
    let t = opened(dir.path(), &["."]);
    t.wait_for("Base.");
    t.keys(&["Enter"]);
    t.type_text(" Mine.");
    // While the edit is unsaved, another program changes the same comment.
    std::fs::write(
        drafts_file(dir.path()),
        outside::set_comment(&read(dir.path()), "1", "drafted", "Theirs."),
    )
    .unwrap();
    t.wait_for("changed here and on disk");
    // The file keeps theirs until the user chooses.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(response(&read(dir.path()), "1"), "Theirs.");
    t.keys(&["Escape"]);
    let screen = t.press("c", "Mine (this workspace");
    assert!(
        screen.contains("Base. Mine.") && screen.contains("Theirs."),
        "{screen}"
    );
    t.keys(&["b"]);
    t.quit();
    let text = read(dir.path());
    assert_eq!(response(&text, "1"), "Base. Mine.\n\nTheirs.", "{text}");
}

#[test]
fn a_drafts_file_with_conflict_markers_is_never_written() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    letter(dir.path());
    let marked = "[comments.\"1\"]\nstatus = \"drafted\"\n<<<<<<< HEAD\nresponse = \"ours\"\n=======\nresponse = \"theirs\"\n>>>>>>> branch\n";
    std::fs::write(drafts_file(dir.path()), marked).unwrap();
    let t = opened(dir.path(), &["."]);
    t.wait_for("unresolved git conflict marker");
    let screen = t.screen();
    let named = screen.contains("a.responses.toml:3");
    assert!(named, "names file and line:\n{screen}");
    t.keys(&["Enter"]);
    t.type_text("Typed while the file is broken.");
    t.keys(&["Escape"]);
    t.keys(&["C-s"]);
    std::thread::sleep(Duration::from_millis(2000));
    t.press("q", "Press q again");
    t.quit();
    assert_eq!(read(dir.path()), marked, "byte-identical");
    let pending = t.journal().pending().unwrap();
    assert!(
        pending
            .iter()
            .any(|e| e.text == "Typed while the file is broken."),
        "{pending:?}"
    );
}

#[test]
fn typing_survives_sigkill_in_the_journal_and_is_offered_at_start_up() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let t = editing_first_comment(dir.path());
    // Keep typing (no pause long enough to save) past the journal's delay, then kill.
    for word in "Recovered words typed before the kill came. ".split_inclusive(' ') {
        t.type_text(word);
        std::thread::sleep(Duration::from_millis(70));
    }
    t.signal("KILL");
    t.wait_exit();
    assert!(!read(dir.path()).contains("Recovered"), "not saved yet");
    let journal = t.journal();
    let journalled = journal
        .pending()
        .unwrap()
        .iter()
        .find(|e| e.number == "1")
        .map(|e| e.text.clone())
        .expect("journalled");
    assert!(journalled.starts_with("Recovered"), "{journalled}");

    t.restart(dir.path(), &["."], 180, 45);
    let screen = t.wait_for("Unsaved text found");
    assert!(screen.contains(&journalled), "shows the text:\n{screen}");
    t.keys(&["y"]);
    wait_file(dir.path(), "recovered text saved", |s| {
        s.contains(journalled.trim_end())
    });
    // Saved: the journal entry is gone.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !journal.pending().unwrap().is_empty() {
        assert!(std::time::Instant::now() < deadline, "journal cleared");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.quit();
}

#[test]
fn a_failed_save_shows_the_path_and_reason_and_keeps_the_draft() {
    let Some(root) = tmux::folder() else {
        return;
    };
    let dir = root.path().join("letters");
    std::fs::create_dir(&dir).unwrap();
    letter(&dir);
    let t = opened(&dir, &["a.txt"]);
    t.keys(&["Enter"]);
    // The folder goes away under the program (an unmounted share, say).
    let moved = root.path().join("moved");
    std::fs::rename(&dir, &moved).unwrap();
    t.type_text("Nowhere to go.");
    let screen = t.wait_for("Save failed");
    assert!(screen.contains("a.responses.toml"), "{screen}");
    assert!(
        screen.contains("unsaved") || screen.contains("save failed"),
        "{screen}"
    );
    // The folder comes back: the next change saves.
    std::fs::rename(&moved, &dir).unwrap();
    t.type_text(" Back.");
    wait_file(&dir, "saved after the retry", |s| {
        s.contains("Nowhere to go. Back.")
    });
    t.keys(&["Escape"]);
    t.quit();
}

#[test]
fn a_read_only_folder_as_a_non_root_user_fails_the_save_visibly() {
    if !tmux::available() {
        return;
    }
    let root = unsafe_is_root();
    if root && !Path::new("/usr/bin/setpriv").exists() {
        eprintln!("skipped: running as root and setpriv is not installed to drop privileges");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let base = tempfile::tempdir().unwrap();
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = base.path().join("letters");
    std::fs::create_dir(&dir).unwrap();
    letter(&dir);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let binary = env!("CARGO_BIN_EXE_letterdesk");
    let readable = Path::new(binary)
        .ancestors()
        .skip(1)
        .all(|p| std::fs::metadata(p).is_ok_and(|m| m.permissions().mode() & 0o001 != 0));
    if root && !readable {
        eprintln!("skipped: the test binary's folders are not open to an unprivileged user");
        return;
    }
    let script = if root {
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$LETTERDESK\" ."
    } else {
        "exec \"$LETTERDESK\" ."
    };
    // The unprivileged user needs a state folder of its own for the journal.
    let state = base.path().join("state");
    std::fs::create_dir(&state).unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o777)).unwrap();
    let state_var = state.display().to_string();
    let t = Tmux::start_shell(&dir, script, &[("XDG_STATE_HOME", &state_var)], 180, 45);
    t.wait_for("Scenario Bells");
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.type_text("Cannot be written here.");
    let screen = t.wait_for("Save failed");
    assert!(
        screen.contains("a.responses.toml") && screen.contains("ermission denied"),
        "path and reason:\n{screen}"
    );
    t.keys(&["Escape"]);
    t.press("q", "Press q again");
    let journal = letterdesk::journal::Journal::open(state.join("letterdesk/journal")).unwrap();
    let pending = journal.pending().unwrap();
    assert!(
        pending.iter().any(|e| e.text == "Cannot be written here."),
        "{pending:?}"
    );
    t.quit();
    assert!(!drafts_file(&dir).exists());
}

/// Whether the tests run as root (chmod does not stop root).
fn unsafe_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The scenario letter in `dir`, the workspace started on it, its first comment's
/// draft being edited.
fn editing_first_comment(dir: &Path) -> Tmux {
    letter(dir);
    let t = opened(dir, &["."]);
    t.keys(&["Enter"]);
    t
}

/// `text` typed as the first comment's response, back in the Comments pane.
fn answer_first_comment(dir: &Path, text: &str) -> Tmux {
    let t = editing_first_comment(dir);
    t.type_text(text);
    t.keys(&["Escape"]);
    t
}

#[test]
fn a_corrected_letter_flags_changed_comments_and_keeps_orphaned_drafts() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let t = answer_first_comment(dir.path(), "Answer one.");
    t.keys(&["G"]);
    t.keys(&["Enter"]);
    t.type_text("Answer three.");
    t.keys(&["Escape"]);
    wait_file(dir.path(), "both saved with fingerprints", |s| {
        s.contains("Answer three.") && s.matches("fingerprint").count() >= 3
    });
    // A corrected letter is dropped in: comment 1 reworded, comment 3 gone.
    let corrected = ["Explain one, corrected.", "Explain two."];
    write_letter(&dir.path().join("a.txt"), "Scenario Bells Co.", &corrected);
    let screen = t.wait_for("Δ 1.");
    assert!(screen.contains("corrected"), "{screen}");
    t.keys(&["Escape"]);
    t.press("Enter", "no longer in this letter: 3");
    t.quit();
    let text = read(dir.path());
    assert_eq!(response(&text, "3"), "Answer three.", "kept: {text}");
}

/// `mv a.txt renamed.txt`: the drafts file left behind is found by its comments' text
/// and re-attached when the user says yes; `git mv` of both files needs no question.
#[test]
fn a_renamed_letter_gets_its_drafts_back() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let t = answer_first_comment(dir.path(), "Kept across the rename.");
    t.quit();
    assert!(
        read(dir.path()).contains("fingerprint"),
        "{}",
        read(dir.path())
    );

    // Both renamed together (`git mv`-style): the names still match, nothing is asked.
    let moved = dir.path().join("moved");
    std::fs::create_dir(&moved).unwrap();
    std::fs::rename(dir.path().join("a.txt"), moved.join("b.txt")).unwrap();
    std::fs::rename(drafts_file(dir.path()), moved.join("b.responses.toml")).unwrap();
    t.restart(&moved, &["."], 180, 45);
    t.wait_for("Scenario Bells");
    t.press("Enter", "Kept across the rename.");
    assert!(!t.screen().contains("renamed letter"));
    t.quit();

    // Only the letter renamed: its drafts file is left behind and offered back.
    std::fs::rename(moved.join("b.txt"), moved.join("renamed.txt")).unwrap();
    t.restart(&moved, &["."], 180, 45);
    t.wait_for("Scenario Bells");
    let screen = t.press("Enter", "Drafts of a renamed letter?");
    assert!(screen.contains("b.responses.toml"), "{screen}");
    assert!(screen.contains("3 of 3 match"), "{screen}");
    t.press("y", "Kept across the rename.");
    t.wait_for("Re-attached b.responses.toml");
    assert!(moved.join("renamed.responses.toml").exists());
    assert!(!moved.join("b.responses.toml").exists());
    t.quit();
}
