//! End to end in tmux: an outside script changes comment 6 of the drafts file every
//! 100 ms for over a minute while a person types in comment 1. No update is lost on
//! either side: every change of the script is still in the file when it looks again,
//! and every word typed is saved. The script locks the file as cooperating tools do
//! (`flock`), writing in place.

#![cfg(unix)]

use crate::common;

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::outside;
use common::tmux::{self, Tmux};
use rustix::fs::{FlockOperation, flock};

/// How long the script writes while the person types.
const RUN: Duration = Duration::from_secs(62);
/// How often the script changes comment 6.
const EVERY: Duration = Duration::from_millis(100);

/// The response to comment `number` in the text of a drafts file.
fn response(text: &str, number: &str) -> Option<String> {
    let value: toml::Table = toml::from_str(text).ok()?;
    Some(
        value
            .get("comments")?
            .get(number)?
            .get("response")?
            .as_str()?
            .to_owned(),
    )
}

/// One change of the script: lock the file (the one still at the path), check that
/// its previous change is there, set comment 6, write in place. Returns whether its
/// previous change was lost, or `None` when the file is not there yet.
fn change(path: &Path, previous: Option<&str>, next: &str) -> Option<bool> {
    let mut file = loop {
        let file = File::options().read(true).write(true).open(path).ok()?;
        flock(&file, FlockOperation::LockExclusive).unwrap();
        let (locked, now) = (file.metadata().unwrap(), std::fs::metadata(path).ok()?);
        if locked.ino() == now.ino() && locked.dev() == now.dev() {
            break file;
        }
    };
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    let lost = previous.is_some_and(|p| response(&text, "6").as_deref() != Some(p));
    if lost {
        eprintln!("lost: expected {previous:?} in comment 6:\n{text}");
    }
    let new = outside::set_comment(&text, "6", "drafted", next);
    file.set_len(0).unwrap();
    file.rewind().unwrap();
    file.write_all(new.as_bytes()).unwrap();
    file.sync_all().unwrap();
    Some(lost)
}

#[test]
fn an_outside_writer_every_100ms_loses_no_update_while_a_person_types() {
    let comments: Vec<String> = (1..=8).map(|n| format!("Explain item {n}.")).collect();
    let Some(dir) = tmux::folder_with_letter("Concurrent Orchards Co.", &comments) else {
        return;
    };
    let path = dir.path().join("a.responses.toml");
    let t = Tmux::start(dir.path(), &["."], 180, 45);
    t.wait_for("Concurrent Orchards");
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.type_text("Start.");
    let deadline = Instant::now() + Duration::from_secs(15);
    while !path.exists() {
        assert!(Instant::now() < deadline, "the first save never came");
        std::thread::sleep(Duration::from_millis(50));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let script = {
        let (stop, path) = (stop.clone(), path.clone());
        std::thread::spawn(move || {
            let (mut changes, mut lost, mut last) = (0usize, 0usize, None::<String>);
            while !stop.load(Ordering::SeqCst) {
                let next = format!("Outside change {changes}.");
                if let Some(was_lost) = change(&path, last.as_deref(), &next) {
                    lost += usize::from(was_lost);
                    changes += 1;
                    last = Some(next);
                }
                std::thread::sleep(EVERY);
            }
            (changes, lost, last)
        })
    };

    let started = Instant::now();
    let mut typed = String::from("Start.");
    let mut word = 0;
    while started.elapsed() < RUN {
        let text = format!(" w{word}");
        t.type_text(&text);
        typed.push_str(&text);
        word += 1;
        std::thread::sleep(Duration::from_millis(40));
    }
    stop.store(true, Ordering::SeqCst);
    let (changes, lost, last) = script.join().unwrap();
    t.keys(&["Escape"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut text = std::fs::read_to_string(&path).unwrap();
    while response(&text, "1").as_deref() != Some(typed.as_str()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        text = std::fs::read_to_string(&path).unwrap();
    }
    t.quit();
    let text = std::fs::read_to_string(&path).unwrap();
    eprintln!(
        "{changes} outside changes in {:.1?} while {word} words were typed; {lost} lost",
        started.elapsed()
    );
    assert!(changes >= 400, "only {changes} outside changes");
    assert_eq!(lost, 0, "outside changes overwritten");
    assert_eq!(response(&text, "6"), last, "the last outside change");
    assert_eq!(
        response(&text, "1").as_deref(),
        Some(typed.as_str()),
        "{text}"
    );
}
