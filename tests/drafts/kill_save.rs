//! The real binary, killed with SIGKILL at random moments while saving (hundreds of
//! times), always leaves a drafts file that parses and holds one complete saved
//! version; temp files of torn saves do not pile up. It journals typing as the
//! workspace does, and after each kill every recovery offer is accepted: none is ever
//! older than the saved text, so accepting them never loses saved text.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use letterdesk::cli::save_loop::{version_in, version_of};
use letterdesk::drafts::{load, remove_temp_files_older_than, save_loaded};
use letterdesk::journal::Journal;

const ROUNDS: usize = 200;

/// A small seeded generator (xorshift64*), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// The names of drafts temp files in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with('.') && name.contains(".responses.toml.tmp"))
        .collect()
}

#[test]
fn killed_saves_leave_one_complete_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.responses.toml");
    let letter = dir.path().join("letter.txt");
    std::fs::write(&letter, "1. Please explain.\n").unwrap();
    let state = tempfile::tempdir().unwrap();
    let journal_dir = state.path().join("journal");
    let (mut stale_offers, mut saved_lost, mut recovered) = (0, 0, 0);
    let seed = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_u64);
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let mut last_version = 0;
    let mut torn_temps = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
            .arg("__save-loop")
            .arg(&path)
            .arg("--journal")
            .arg(&journal_dir)
            .arg("--letter")
            .arg(&letter)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line.parse::<u64>().expect("a version number"));
            }
        });
        // Once saving is under way, kill it at a random moment.
        let first = rx.recv_timeout(Duration::from_secs(20));
        assert!(
            first.is_ok(),
            "round {round}: no save reported (seed {seed})"
        );
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(9),
            "round {round}: exited by itself (seed {seed})"
        );
        reader.join().unwrap();
        let printed = rx.try_iter().last().or(first.ok()).unwrap();

        let loaded = load(&path)
            .unwrap_or_else(|e| panic!("round {round}: does not parse: {e} (seed {seed})"))
            .expect("the file exists");
        let version = version_of(&loaded.drafts)
            .unwrap_or_else(|| panic!("round {round}: not one complete version (seed {seed})"));
        // The file holds the last version reported, or the next one if the kill came
        // between its rename and its report.
        assert!(
            version == printed || version == printed + 1,
            "round {round}: file has version {version}, last reported {printed} (seed {seed})"
        );
        assert!(
            version > last_version,
            "round {round}: went back (seed {seed})"
        );
        last_version = version;

        // At the next start, every offer is accepted, as `y` in the recovery dialog.
        let journal = Journal::open(&journal_dir).unwrap();
        for offer in journal.offers().unwrap() {
            let typed = version_in(&offer.entry.text).expect("journalled typing");
            if typed <= version {
                stale_offers += 1;
                eprintln!("round {round}: offered version {typed} over saved {version}");
            }
            let loaded = load(&path).unwrap().unwrap();
            let mut drafts = loaded.drafts.clone();
            drafts.set_response(&offer.entry.number, offer.entry.text.clone());
            let saved = save_loaded(&path, &drafts, Some(&loaded)).unwrap();
            journal.clear_saved(&letter, &saved.drafts).unwrap();
            recovered += 1;
        }
        // The saved response is still there, or replaced by typing of a later version.
        let now = load(&path).unwrap().unwrap().drafts;
        let kept = now.comments[0] == loaded.drafts.comments[0]
            || version_in(&now.comments[0].response).is_some_and(|v| v > version);
        if !kept {
            saved_lost += 1;
        }
        last_version = last_version.max(version_in(&now.comments[0].response).unwrap_or(0));

        let temps = temp_files(dir.path());
        assert!(
            temps.len() <= 1,
            "round {round}: temp files pile up: {temps:?}"
        );
        torn_temps += temps.len();
        // As the app does at start-up.
        remove_temp_files_older_than(dir.path(), Duration::ZERO).unwrap();
        assert!(temp_files(dir.path()).is_empty());
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["letter.responses.toml", "letter.txt"]);
    eprintln!(
        "{ROUNDS} kills in {:.1?}, {torn_temps} torn temp files cleaned, last version {last_version}, \
         {recovered} offers accepted, {stale_offers} stale offers, {saved_lost} rounds lost saved text",
        started.elapsed()
    );
    assert_eq!(
        stale_offers, 0,
        "offers older than the saved text (seed {seed})"
    );
    assert_eq!(
        saved_lost, 0,
        "accepting offers lost saved text (seed {seed})"
    );
}
