//! End to end in tmux, issue #5: a folder of hostile and odd files is browsed without
//! the terminal being taken over, and a panic leaves a usable terminal and the draft in
//! the journal.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::letters::{HOSTILE, big_letter, letter_text, long_line_letter, write_letter};
use common::tmux::{self, Tmux};

/// The folder of the issue: the hostile letter next to a Latin-1 letter, a binary file,
/// an empty file, a 50 MB letter with 3,000 comments and a letter with one 1 MB line.
fn hostile_folder(dir: &Path) {
    let comments = [
        HOSTILE,
        "Wide text 日本語の開示 and combining e\u{301}\u{301} marks.",
    ];
    write_letter(&dir.join("hostile.txt"), "Hostile Widgets Inc.", &comments);
    let latin1 = letter_text(
        "Caf\u{e9} Latin Inc.",
        &["Explain the caf\u{e9} revenue.".into()],
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin1);
    std::fs::write(dir.join("latin1.txt"), &bytes).unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        b"PK\x03\x04\x00\x00\x00binary\x00junk",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("big.txt"), big_letter(50 * 1024 * 1024, 3000)).unwrap();
    std::fs::write(dir.join("longline.txt"), long_line_letter(1024 * 1024)).unwrap();
}

/// Whether a real escape sequence (not the visible `␛[38;5;201m` placeholder text)
/// sets foreground colour 201.
fn sgr_has_colour_201(styled: &str) -> bool {
    styled.split('\u{1b}').skip(1).any(|seq| {
        let Some(params) = seq.strip_prefix('[') else {
            return false;
        };
        let end = params.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        let params: Vec<&str> = params[..end.unwrap_or(params.len())].split(';').collect();
        params.windows(3).any(|w| w == ["38", "5", "201"])
    })
}

/// Nothing escaped: the title is not PWNED, no cell is colour 201, the program runs.
fn assert_safe(t: &Tmux, when: &str) {
    let title = t.display("#{pane_title}");
    assert!(
        !title.contains("PWNED"),
        "pane title changed {when}: {title}"
    );
    let styled = t.screen_with_escapes();
    assert!(
        !sgr_has_colour_201(&styled),
        "colour 201 reached the screen {when}"
    );
    assert!(!t.exited(), "letterdesk exited {when}:\n{}", t.screen());
}

/// Puts the Letters pane's cursor on its `row`th letter (from 0), counting from the top.
fn to_row(t: &Tmux, row: usize) {
    t.keys(&["g", "g"]);
    if row > 0 {
        t.repeat("j", row);
    }
}

/// Puts the Letters pane's cursor on the first letter whose row shows `name`.
fn to_letter(t: &Tmux, name: &str) {
    t.keys(&["g", "g"]);
    let row = t
        .screen()
        .lines()
        .skip(1)
        .position(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} listed"));
    to_row(t, row);
}

#[test]
fn a_hostile_folder_is_browsed_safely() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    hostile_folder(dir.path());
    let t = Tmux::start(dir.path(), &["."], 180, 45);
    // Every file is listed; the big letter is parsed off the UI thread.
    t.wait_until_for("the whole folder", Duration::from_secs(120), |s| {
        s.contains("Letters (1/6)") && !s.contains("indexed")
    });
    let screen = t.screen();
    assert!(screen.contains("not a letter"), "{screen}");
    assert!(screen.contains("no comments found"), "{screen}");
    assert_safe(&t, "after indexing");

    // Open each letter in turn and walk through its comments.
    for row in 0..6 {
        to_row(&t, row);
        t.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(300));
        let screen = t.screen();

        if screen.contains("Comments ") || screen.contains(" comments ") {
            t.wait_until_for("the comments", Duration::from_secs(60), |s| {
                !s.contains("Laying out")
            });
        }
        t.repeat("j", 40);
        t.keys(&["G"]);
        t.keys(&["PPage"]);
        t.keys(&["g", "g"]);
        t.keys(&["Escape"]);
        letters_focused(&t);
        assert_safe(&t, &format!("browsing letter {row}"));
    }

    // The Windows-1252 letter says so when opened.
    to_letter(&t, "Café Latin");
    t.press("Enter", "latin1.txt is not UTF-8");
    t.keys(&["Escape"]);
    letters_focused(&t);

    // The hostile comment: every control is a visible placeholder, a stray CR included.
    to_letter(&t, "Hostile");
    let screen = t.press("Enter", "Hostile Widgets");
    for placeholder in [
        "␛]0;PWNED␇",
        "␛[2J",
        "␛[38;5;201m",
        "␈␈",
        "cr␍ret",
        "⟪U+009B⟫",
        "⟪RLO⟫",
    ] {
        assert!(
            screen.contains(placeholder),
            "{placeholder} not shown:\n{screen}"
        );
    }
    // Wide and combining text keeps the borders where they belong.
    for line in screen.lines().filter(|l| l.contains("日本語")) {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(line),
            180,
            "row is not 180 columns: {line}"
        );
    }
    assert_safe(&t, "showing the hostile comment");
    t.quit();

    // The command line: each file parses or fails with a clear error, never a panic.
    for name in [
        "hostile.txt",
        "latin1.txt",
        "binary.txt",
        "empty.txt",
        "big.txt",
        "longline.txt",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
            .args(["parse", "--json"])
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        match out.status.code() {
            Some(0) => {}
            Some(1) => assert!(stderr.contains(name), "{name}: unclear error: {stderr}"),
            other => panic!("{name}: exit {other:?}: {stderr}"),
        }
    }
}

/// Wait until the Letters pane has the focus (its border is the thick one). A lone Esc
/// followed too closely by another key reads as Alt-key, so this also paces the keys.
fn letters_focused(t: &Tmux) {
    std::thread::sleep(Duration::from_millis(150));
    t.wait_until_for("the Letters pane focused", Duration::from_secs(30), |s| {
        s.starts_with("┏ Letters")
    });
}

/// `stty -a` flags that a usable terminal has on.
fn assert_sane_stty(screen: &str) {
    let words: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&flag) && !words.contains(&format!("-{flag}").as_str()),
            "terminal not restored ({flag}):\n{screen}"
        );
    }
}

#[test]
fn a_panic_mid_edit_leaves_a_usable_terminal_and_the_draft_in_the_journal() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let letter = ("Panicky Pumps Corp.", "Explain the pumps.");
    let panic = [(letterdesk::tui::DEBUG_PANIC_ENV, "BOOM")];
    let t = editing_in_a_shell(dir.path(), letter, "Panicky", &panic);
    t.type_text("We will revise the pump disclosure. ");
    t.type_text("BOOM");
    let screen = t.wait_for("iexten");
    assert!(screen.contains("exit=101"), "{screen}");
    assert!(
        screen.contains("debug panic"),
        "panic message shown:\n{screen}"
    );
    assert_sane_stty(&screen);
    assert_eq!(t.display("#{alternate_on}"), "0", "main screen");
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor shown");
    assert_eq!(t.display("#{mouse_any_flag}"), "0", "mouse off");

    let pending = t.journal().pending().unwrap();
    assert!(
        pending
            .iter()
            .any(|e| e.number == "1" && e.text.contains("We will revise the pump disclosure.")),
        "{pending:?}"
    );
    // The letter file is never written; no drafts file holds the half-typed text.
    let drafts = std::fs::read_to_string(dir.path().join("a.responses.toml")).unwrap_or_default();
    assert!(!drafts.contains("BOOM"), "{drafts}");
}

/// `a.txt` in `dir`, a letter from `company` with one `comment`, opened (once the list
/// shows `shown`) by the program run with `env` from a shell that prints its exit code
/// and `stty -a` when it ends; the comment's draft being edited.
fn editing_in_a_shell(
    dir: &Path,
    (company, comment): (&str, &str),
    shown: &str,
    env: &[(&str, &str)],
) -> Tmux {
    write_letter(&dir.join("a.txt"), company, &[comment]);
    let script = "\"$LETTERDESK\" .; echo \"exit=$?\"; stty -a; sleep 600";
    let t = Tmux::start_shell(dir, script, env, 160, 45);
    t.wait_for(shown);
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t
}

/// The pid of the program the pane's shell started.
fn program_pid(t: &Tmux) -> String {
    t.pane_child().expect("letterdesk's pid")
}

/// Every terminating signal sent from outside (INT, TERM, HUP, QUIT) leaves the pane in
/// the main screen with the cursor shown, mouse off, `stty -a` cooked, the exit code
/// 128 + the signal, and the typed text saved or journalled.
#[test]
fn every_terminating_signal_restores_the_terminal_with_the_cursor_shown_and_keeps_the_text() {
    if !tmux::available() {
        return;
    }
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129), ("QUIT", 131)] {
        let dir = tempfile::tempdir().unwrap();
        let letter = ("Signal Lamps Inc.", "Explain the lamps.");
        let t = editing_in_a_shell(dir.path(), letter, "Signal Lamps", &[]);
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
        assert_sane_stty(&screen);
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

#[test]
fn error_messages_quoting_a_hostile_file_name_are_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\u{1b}]0;PWNED\u{7}\u{202e}.txt";
    std::fs::write(dir.path().join(name), b"PK\x03\x04\x00\x00").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["parse", "--json"])
        .arg(dir.path().join(name))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad␛]0;PWNED␇⟪RLO⟫.txt"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
}

#[test]
fn a_letter_above_the_size_cap_is_listed_not_opened() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    std::fs::write(dir.path().join("huge.txt"), long_line_letter(1536 * 1024)).unwrap();
    write_letter(
        &dir.path().join("small.txt"),
        "Small Print Co.",
        &["Explain."],
    );
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[limits]\nmax_letter_mb = 1\n").unwrap();
    let config = config.display().to_string();
    let t = Tmux::start(dir.path(), &["--config", &config, "."], 160, 30);
    // Both rows, in whichever order the readers finish.
    let screen = t.wait_until("too large and Small Print", |s| {
        s.contains("too large") && s.contains("Small Print")
    });
    assert!(
        screen.contains("huge.txt  too large to open (2 MB; limit 1 MB)"),
        "{screen}"
    );
    assert!(screen.contains("Small Print"), "the rest works:\n{screen}");
    t.quit();
}
