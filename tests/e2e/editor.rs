//! End to end in tmux, the draft editor as a new user meets it: undo by word, a cut
//! selection, undo kept across comments, Tab that types, the draft handed to `$EDITOR`
//! and back (and saved), a misspelled word underlined when a dictionary is installed.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use common::tmux::{self, Tmux};

/// The dictionary the default config reads.
const DICTIONARY: &str = "/usr/share/hunspell/en_US.dic";

fn drafts(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("a.responses.toml")).unwrap_or_default()
}

/// The draft's text as the Draft pane shows it: the pane is the right-hand part of the
/// screen, so look at the whole screen for the words.
fn shows(screen: &str, text: &str) -> bool {
    screen.lines().any(|l| l.contains(text))
}

#[test]
fn a_new_user_edits_a_draft() {
    let comments = ["Explain the kettle recall.", "Explain the leases."];
    let Some(dir) = tmux::folder_with_letter("Wrenfield Kettle Co.", &comments) else {
        return;
    };
    let editor = dir.path().join("append-line.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\necho 'Appended by the editor.' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let t = Tmux::start_shell(
        dir.path(),
        "exec \"$LETTERDESK\" .",
        &[("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")],
        180,
        45,
    );
    t.wait_for("Wrenfield Kettle");
    t.press("Enter", "kettle recall");
    t.keys(&["Enter"]);
    t.type_text("The Company respectfully advises the Staff");
    t.wait_for("advises the Staff");

    // Ctrl-z once takes the last word, not a letter.
    t.keys(&["C-z"]);
    t.wait_until("Staff undone", |s| {
        shows(s, "respectfully advises the") && !shows(s, "the Staff")
    });

    // Shift+Ctrl+Left twice and Ctrl-x cut the last two words.
    t.keys(&["C-S-Left"]);
    t.keys(&["C-S-Left"]);
    t.keys(&["C-x"]);
    t.wait_until("two words cut", |s| {
        shows(s, "The Company respectfully") && !shows(s, "advises")
    });

    // To the next comment and back: Ctrl-z still undoes the cut.
    t.keys(&["Escape"]);
    t.press("j", "comment 2");
    t.keys(&["k"]);
    t.keys(&["Enter"]);
    t.press("C-z", "respectfully advises the");

    // Tab types spaces (it does not leave the editor), then q types a q.
    t.keys(&["End"]);
    t.keys(&["Tab"]);
    t.keys(&["q"]);
    t.wait_until("spaces and a q typed", |s| {
        s.lines().any(|l| {
            l.split_once("advises the")
                .is_some_and(|(_, rest)| rest.trim_start_matches(' ').starts_with('q'))
        })
    });
    assert!(!t.exited(), "q typed in the editor does not quit");

    // A misspelled word is underlined once typed (when a dictionary is installed).
    t.type_text(" Recieved ");
    t.wait_for("Recieved");
    if Path::new(DICTIONARY).exists() {
        let escaped = t.screen_with_escapes();
        let at = escaped.find("Recieved").expect("the word on screen");
        let sgr = &escaped[escaped[..at].rfind("\x1b[").expect("styled")..at];
        let params = sgr.trim_start_matches("\x1b[").trim_end_matches('m');
        assert!(
            params.split(';').any(|p| p == "4"),
            "the misspelled word is underlined: {sgr:?}"
        );
    } else {
        eprintln!("skipped the underline check: no dictionary at {DICTIONARY}");
    }
    t.keys(&["C-w"]);

    // Esc then e: the draft goes to $EDITOR, which appends a line; it comes back, saved.
    t.keys(&["Escape"]);
    t.press("e", "Appended by the editor.");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !drafts(dir.path()).contains("Appended by the editor.") {
        assert!(
            std::time::Instant::now() < deadline,
            "the line from the editor is saved:\n{}",
            drafts(dir.path())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    t.quit();
    let text = drafts(dir.path());
    assert!(
        text.contains("respectfully advises the") && text.contains("Appended by the editor."),
        "{text}"
    );
}
