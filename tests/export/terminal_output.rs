//! Every command-line output of a letter that holds every Unicode control, format
//! (Cf) and bidirectional character carries none of them raw (tab and newline are
//! layout and may appear), and JSON keeps the data exactly (as `\uXXXX` escapes).
//! Special files named on the command line are refused without hanging.

use crate::common;

use common::bin::letterdesk;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// General category Cc, from the Unicode Character Database.
const CC: [(u32, u32); 2] = [(0x00, 0x1F), (0x7F, 0x9F)];

/// General category Cf (every bidirectional control is one), from the Unicode
/// Character Database (`extracted/DerivedGeneralCategory.txt`, 16.0).
const CF: [(u32, u32); 21] = [
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// Line and paragraph separators (Zl, Zp): line breaks a terminal does not make.
const SEPARATORS: [(u32, u32); 1] = [(0x2028, 0x2029)];

/// Every character that must not reach a terminal raw.
fn hidden() -> Vec<char> {
    CC.iter()
        .chain(&CF)
        .chain(&SEPARATORS)
        .flat_map(|&(a, b)| a..=b)
        .filter_map(char::from_u32)
        .collect()
}

/// Whether `c` may appear raw in output: newline and tab are layout.
fn allowed(c: char) -> bool {
    matches!(c, '\n' | '\t')
}

/// The hidden characters of `bytes` (as UTF-8, invalid bytes skipped), with where.
fn raw_hidden(bytes: &[u8]) -> Vec<String> {
    let set = hidden();
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !allowed(*c) && set.contains(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

/// A staff letter whose company, heading and first comment hold `hidden`.
fn hostile_letter(hidden: &str) -> String {
    format!(
        "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\nSaltmarsh \u{202E}Ferries\u{202C} plc\n1 Quay Road\n\n\
         Re: Saltmarsh \u{202E}Ferries\u{202C} plc\nForm 20-F for the Fiscal Year Ended December 31, 2024\n\
         Filed February 20, 2025\nFile No. 001-55555\n\nDear Ms. Fenwick:\n\n\
         We have reviewed your filing and have the following comments.\n\n\
         Please respond to this letter within ten business days.\n\nOperations{hidden}, page 40\n\n\
         1. Please explain {hidden} the growth.\n\n2. Please tell us about the fuel hedges.\n\n\
         You may contact Lee Park, Staff Accountant, at (202) 551-0001 with any questions.\n\n\
         Sincerely,\n\nDivision of Corporation Finance\nOffice of Energy & Transportation\n"
    )
}

#[test]
fn no_cli_output_carries_a_control_format_or_bidi_character_raw() {
    let all: String = hidden().into_iter().collect();
    // In the letter: all but NUL (binary) and the line breaks that shape it.
    let in_letter: String = all
        .chars()
        .filter(|c| !matches!(c, '\0' | '\n' | '\r'))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let name = "s\u{202E}fdp\u{200F}\u{061C}\u{2060}\u{180E}\u{7f}\u{1b}[31m.txt";
    let letter = dir.path().join(name);
    std::fs::write(&letter, hostile_letter(&in_letter)).unwrap();
    let mut drafts = letterdesk::drafts::Drafts::default();
    drafts.set_response("1", format!("We will{all} revise it."));
    drafts.set_response("2", "Noted \u{200E}\u{200F}\u{061C}.");
    letterdesk::drafts::save(&letterdesk::drafts::drafts_path(&letter), &drafts, None).unwrap();
    let path = letter.to_str().unwrap();
    let folder = dir.path().to_str().unwrap();

    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("parse", vec!["parse", path]),
        ("parse --json", vec!["parse", "--json", path]),
        ("status", vec!["status", folder]),
        ("status --json", vec!["status", "--json", folder]),
        (
            "export md",
            vec!["export", path, "-o", "-", "--format", "md"],
        ),
        (
            "export txt",
            vec!["export", path, "-o", "-", "--format", "txt"],
        ),
        (
            "export html",
            vec!["export", path, "-o", "-", "--format", "html"],
        ),
        ("export to a file", vec!["export", path]),
        (
            "export --strict",
            vec!["export", path, "--strict", "-o", "-"],
        ),
    ];
    let mut found = Vec::new();
    for (what, args) in &runs {
        let out = letterdesk(args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let raw = raw_hidden(bytes);
            if !raw.is_empty() {
                found.push(format!("{what} ({stream}): {}", raw.join(" ")));
            }
        }
    }
    assert!(found.is_empty(), "raw characters:\n{}", found.join("\n"));

    // JSON keeps the data: the escapes decode to the letter's characters.
    let out = letterdesk(&["parse", "--json", path]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = value["comments"][0]["text"].as_str().unwrap();
    for c in ['\u{202E}', '\u{061C}', '\u{7f}', '\u{2060}', '\u{180E}'] {
        assert!(text.contains(c), "U+{:04X} kept in {text:?}", c as u32);
    }
    assert_eq!(value["file"].as_str().unwrap(), path);
    let out = letterdesk(&["status", "--json", folder]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["letters"][0]["path"].as_str().unwrap(), path);
}

/// Runs `letterdesk ARGS`; fails the test if it has not ended after 10 s.
fn run_bounded(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(args)
        .env("HOME", "/nonexistent-home-for-tests")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("letterdesk {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    (status.code(), err)
}

#[cfg(unix)]
#[test]
fn special_files_named_on_the_command_line_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let [fifo, zero] = crate::common::special::fifo_and_device(dir.path());
    for file in [&fifo, &zero] {
        let file = file.to_str().unwrap();
        for args in [vec!["parse", file], vec!["parse", "--json", file]] {
            let (code, err) = run_bounded(&args);
            assert_eq!(code, Some(1), "{args:?}: {err}");
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
        }
        let (code, err) = run_bounded(&["status", "--json", file]);
        assert_eq!(code, Some(0), "{err}");
    }
}

#[test]
fn parse_applies_the_letter_size_limit_of_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("big.txt");
    let mut text = hostile_letter("");
    text.push_str(&"Exhibit index line.\n".repeat(80_000));
    std::fs::write(&letter, text).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[limits]\nmax_letter_mb = 1\n").unwrap();
    let path = letter.to_str().unwrap();
    let config = config.to_str().unwrap();
    for args in [
        vec!["parse", path, "--config", config],
        vec!["export", path, "-o", "-", "--config", config],
    ] {
        let out = letterdesk(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("big.txt: too large to open (2 MB; limit 1 MB)"),
            "{args:?}: {err}"
        );
    }
    assert!(letterdesk(&["parse", path]).status.success());
    assert!(Path::new(path).exists());
}
