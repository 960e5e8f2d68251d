//! Where `letterdesk export` writes, and what it never destroys: a planted symlink at
//! the default output path, the letter and its drafts file behind an explicit `-o`,
//! devices and FIFOs (written into, never replaced), and `--strict` on a letter whose
//! comments changed under their drafts.

#![cfg(unix)]

use crate::common;

use common::bin::{arg, letterdesk, stderr};

use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use letterdesk::drafts::{self, Drafts, TextFingerprints};

/// A staff letter of Saltmarsh Ferries plc with the given comments.
fn letter_text(comments: &[&str]) -> String {
    let mut text = String::from(
        "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\nSaltmarsh Ferries plc\n1 Quay Road\n\n\
         Re: Saltmarsh Ferries plc\nForm 20-F for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\n\
         File No. 001-55555\n\nDear Ms. Fenwick:\n\nWe have reviewed your filing and have the following comments.\n\n\
         Please respond to this letter within ten business days.\n\nOperations, page 40\n\n",
    );
    for (i, comment) in comments.iter().enumerate() {
        text.push_str(&format!("{}. {comment}\n\n", i + 1));
    }
    text.push_str(
        "You may contact Lee Park, Staff Accountant, at (202) 551-0001 with any questions.\n\n\
         Sincerely,\n\nDivision of Corporation Finance\nOffice of Energy & Transportation\n",
    );
    text
}

const COMMENTS: [&str; 3] = [
    "Please explain the growth in crossings.",
    "Please tell us about the fuel hedges.",
    "Please file the charter agreements.",
];

/// A letter `s.txt` with three comments, all answered and resolved, saved with the
/// text fingerprints of its comments (as the workspace saves them).
fn answered_letter() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("s.txt");
    std::fs::write(&letter, letter_text(&COMMENTS)).unwrap();
    let parsed = letterdesk::letter::parse_file(&letter).unwrap();
    assert_eq!(parsed.comments.len(), 3);
    let mut d = Drafts::default();
    for c in &parsed.comments {
        d.set_response(&c.number, format!("Response to comment {}.", c.number));
        d.toggle_resolved(&c.number);
    }
    drafts::save_stamped(
        &drafts::drafts_path(&letter),
        &d,
        None,
        &TextFingerprints::of(&parsed),
        &[],
    )
    .unwrap();
    (dir, letter)
}

#[test]
fn a_planted_symlink_at_the_default_output_is_refused_and_names_its_target() {
    let (dir, letter) = answered_letter();
    let drafts_file = drafts::drafts_path(&letter);
    let saved = std::fs::read(&drafts_file).unwrap();
    let link = dir.path().join("s.response.md");
    symlink(&drafts_file, &link).unwrap();

    let out = letterdesk(&["export", arg(&letter)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(arg(&link))
            && err.contains(arg(&drafts_file))
            && err.contains("symbolic link"),
        "names the link and its target: {err}"
    );
    assert_eq!(std::fs::read(&drafts_file).unwrap(), saved, "drafts kept");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());

    // A link to a file outside: refused too, the file untouched.
    let victim = dir.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    let bashrc = victim.join(".bashrc");
    std::fs::write(&bashrc, "alias ll='ls -l'\n").unwrap();
    let link = dir.path().join("s.response.txt");
    symlink("victim/.bashrc", &link).unwrap();
    let out = letterdesk(&["export", arg(&letter), "--format", "txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("victim/.bashrc"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&bashrc).unwrap(),
        "alias ll='ls -l'\n"
    );
}

#[test]
fn an_explicit_output_may_be_a_symlink_but_never_to_the_letter_or_its_drafts() {
    let (dir, letter) = answered_letter();
    let drafts_file = drafts::drafts_path(&letter);
    let saved = std::fs::read(&drafts_file).unwrap();
    for target in [&drafts_file, &letter] {
        let link = dir.path().join("out.md");
        let _ = std::fs::remove_file(&link);
        symlink(target, &link).unwrap();
        let before = std::fs::read(target).unwrap();
        let out = letterdesk(&["export", arg(&letter), "-o", arg(&link)]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(std::fs::read(target).unwrap(), before);
    }
    assert_eq!(std::fs::read(&drafts_file).unwrap(), saved);

    // A link the user names to an ordinary file: written (the file behind it).
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("named.md");
    symlink(&real, &link).unwrap();
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&link)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("Saltmarsh")
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());

    // A folder is not a file to write.
    let folder = dir.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&folder)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(folder.is_dir());
}

#[test]
fn export_into_a_fifo_writes_into_it_and_keeps_the_node() {
    let (dir, letter) = answered_letter();
    let fifo = dir.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read(&reader));
    });
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&fifo)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO was replaced by a file"
    );
    let read = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the reader got the export")
        .unwrap();
    assert!(String::from_utf8_lossy(&read).contains("**Re: Saltmarsh Ferries plc"));
}

#[test]
fn strict_into_dev_null_is_a_check_that_keeps_the_device() {
    let (_dir, letter) = answered_letter();
    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());

    std::fs::remove_file(drafts::drafts_path(&letter)).unwrap();
    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not ready to file"),
        "{}",
        stderr(&out)
    );
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
}

#[test]
fn strict_refuses_drafts_whose_comment_changed_and_lists_removed_ones() {
    let (dir, letter) = answered_letter();
    // The staff's corrected letter: comment 2 reworded, comment 3 gone.
    std::fs::write(
        &letter,
        letter_text(&[
            COMMENTS[0],
            "Please tell us about the fuel hedges and swaps.",
        ]),
    )
    .unwrap();

    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", "-"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("1 comment changed since its response was written: 2"),
        "{err}"
    );
    assert!(err.contains("the letter does not have: 3"), "{err}");

    let out = letterdesk(&["export", arg(&letter)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning: 1 comment changed since its response was written: 2"),
        "{err}"
    );
    assert!(err.contains("the letter does not have: 3"), "{err}");
    assert!(dir.path().join("s.response.md").exists());
}

#[test]
fn export_refuses_special_letter_files_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let [fifo, zero] = crate::common::special::fifo_and_device(dir.path());
    for letter in [&fifo, &zero] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
            .args(["export", arg(letter), "-o", "-"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("export of {} hangs", letter.display());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(1));
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(err.contains("not a regular file"), "{err}");
    }
}
