//! `letterdesk export` never destroys an edited export: it records what it wrote (in
//! the state folder, not the letters' folder); when the file changed since, it refuses
//! and says so, `--new-name` writes `NAME.response (2).EXT` beside it, and `--force`
//! overwrites. Same for every format.

use crate::common;

use common::bin::arg;

use std::path::Path;
use std::process::{Command, Output};

fn letterdesk(state: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(args)
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", "/nonexistent-home-for-tests")
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs")
}

#[test]
fn an_edited_export_is_never_overwritten_without_force() {
    let letters = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let letter = letters
        .path()
        .join("upload_fernhollow-mills_2024-03-01.txt");
    let comments = ["Please revise the segment table on page 40.".to_owned()];
    std::fs::write(
        &letter,
        common::letters::letter_text("Fernhollow Mills Inc.", &comments),
    )
    .unwrap();
    for format in ["md", "txt", "html", "docx"] {
        let out = letterdesk(state.path(), &["export", arg(&letter), "--format", format]);
        assert!(out.status.success(), "{format}: {out:?}");
        let ext = if format == "html" { "htm" } else { format };
        let written = letters
            .path()
            .join(format!("upload_fernhollow-mills_2024-03-01.response.{ext}"));
        // Unchanged: exporting again is fine.
        let out = letterdesk(state.path(), &["export", arg(&letter), "--format", format]);
        assert!(out.status.success(), "{format}: {out:?}");

        // A partner's redline.
        std::fs::write(&written, b"REDLINED BY PARTNER").unwrap();
        let out = letterdesk(state.path(), &["export", arg(&letter), "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("edited since letterdesk wrote it"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&written).unwrap(), b"REDLINED BY PARTNER");

        let out = letterdesk(
            state.path(),
            &["export", arg(&letter), "--format", format, "--new-name"],
        );
        assert!(out.status.success(), "{format}: {out:?}");
        let beside = letters.path().join(format!(
            "upload_fernhollow-mills_2024-03-01.response (2).{ext}"
        ));
        assert!(beside.exists(), "{format}: {beside:?}");
        assert_eq!(std::fs::read(&written).unwrap(), b"REDLINED BY PARTNER");

        let out = letterdesk(
            state.path(),
            &["export", arg(&letter), "--format", format, "--force"],
        );
        assert!(out.status.success(), "{format}: {out:?}");
        assert_ne!(std::fs::read(&written).unwrap(), b"REDLINED BY PARTNER");
    }
    // The records are in the state folder, not beside the letters.
    assert!(state.path().join("letterdesk/exports").is_dir());
    let stray: Vec<String> = std::fs::read_dir(letters.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains(".response"))
        .collect();
    assert_eq!(stray, ["upload_fernhollow-mills_2024-03-01.txt"]);
}
