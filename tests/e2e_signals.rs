//! End to end in tmux: every terminating signal sent from outside (INT, TERM, HUP, QUIT)
//! leaves the pane in the main screen with the cursor shown, mouse and paste modes off,
//! `stty -a` in cooked mode, and the typed text saved or journalled.

mod common;

use std::process::Command;

use common::letters::letter_text;
use common::tmux::{self, Tmux};

/// `stty -a` flags that a usable (cooked) terminal has on.
fn assert_cooked(screen: &str, signal: &str) {
    let words: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&flag) && !words.contains(&format!("-{flag}").as_str()),
            "SIG{signal}: terminal not restored ({flag}):\n{screen}"
        );
    }
}

/// The pid of the program the pane's shell started.
fn program_pid(t: &Tmux) -> String {
    let child = Command::new("pgrep")
        .args(["-P", &t.display("#{pane_pid}")])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&child.stdout).trim().to_string();
    assert!(!pid.is_empty(), "letterdesk's pid");
    pid
}

#[test]
fn every_terminating_signal_restores_the_terminal_with_the_cursor_shown_and_keeps_the_text() {
    if !tmux::available() {
        return;
    }
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129), ("QUIT", 131)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            letter_text("Signal Lamps Inc.", &["Explain the lamps.".into()]),
        )
        .unwrap();
        let t = Tmux::start_shell(
            dir.path(),
            "\"$LETTERDESK\" .; echo \"exit=$?\"; stty -a; sleep 600",
            &[],
            160,
            45,
        );
        t.wait_for("Signal Lamps");
        t.keys(&["Enter"]);
        t.keys(&["Enter"]);
        let text = format!("Answer before SIG{signal}.");
        t.type_text(&text);
        t.wait_for(&text);
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &program_pid(&t)])
            .status()
            .unwrap();
        assert!(status.success());
        let screen = t.wait_for("iexten");
        assert!(
            screen.contains(&format!("exit={code}")),
            "SIG{signal}: exit code {code}:\n{screen}"
        );
        assert_cooked(&screen, signal);
        assert_eq!(
            t.display("#{alternate_on}"),
            "0",
            "SIG{signal}: main screen"
        );
        assert_eq!(
            t.display("#{cursor_flag}"),
            "1",
            "SIG{signal}: cursor shown"
        );
        assert_eq!(
            t.display("#{mouse_any_flag}"),
            "0",
            "SIG{signal}: mouse off"
        );
        let saved =
            std::fs::read_to_string(dir.path().join("a.responses.toml")).unwrap_or_default();
        let journal = letterdesk::journal::Journal::open(t.journal_dir())
            .and_then(|j| j.pending())
            .unwrap_or_default();
        assert!(
            saved.contains(&text) || journal.iter().any(|e| e.text.contains(&text)),
            "SIG{signal}: the typed text is saved or journalled:\n{saved}\n{journal:?}"
        );
    }
}
