//! End to end in tmux at scale (issue #6): a generated folder of 10,000 letters. The
//! first screen shows letters within the first-frame goal (2× the time for a folder of
//! one letter), `j` held for two seconds moves the cursor smoothly while the indexer
//! goes on, and a letter opens with its comments at once.
//!
//! It compares two timings, so it is a test binary of its own: the other tmux tests
//! (`tests/e2e/`) would share the two cores with it.

mod common;

// The benchmarks' generator of synthetic letters (fictional companies), written at run
// time: the folder is never committed.
#[allow(dead_code)]
#[path = "../benches/support/letters/mod.rs"]
mod letters;

use std::path::Path;
use std::time::{Duration, Instant};

use common::tmux::{self, Tmux};

/// Letters in the generated folder.
const LETTERS: usize = 10_000;

/// Starts of each folder compared for the time to the first letters (the best counts):
/// enough that a second or two of a shared machine running slow (all five of a run once
/// took twice their usual time) does not decide it.
const ROUNDS: usize = 9;

/// How often the screen is read while waiting (tmux's capture-pane takes a few ms).
const SAMPLE: Duration = Duration::from_millis(10);

/// The Letters pane title's position and total, "Letters (38/10,000)" → (38, 10000).
fn position(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find("Letters (")? + "Letters (".len();
    let rest = &screen[at..];
    let (pos, rest) = rest.split_once('/')?;
    let total = rest.split_once(')')?.0;
    let number = |s: &str| s.replace(',', "").parse().ok();
    Some((number(pos)?, number(total)?))
}

/// "indexed 3,200/10,000" (or "indexed 3,200…" while the folder walk goes on) in the
/// status bar → 3200, while the indexer works.
fn indexed(screen: &str) -> Option<usize> {
    let at = screen.find("indexed ")? + "indexed ".len();
    let digits: String = screen[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Read the screen every [`SAMPLE`] until `predicate` holds for it; panics with the
/// last screen after `limit`.
fn until(t: &Tmux, what: &str, limit: Duration, predicate: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + limit;
    loop {
        let screen = t.screen();
        if predicate(&screen) {
            return screen;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; screen:\n{screen}"
        );
        std::thread::sleep(SAMPLE);
    }
}

/// Start the program on `dir` and wait until the Letters pane lists a letter; returns
/// the session, how long that took from the start, and that screen.
fn until_letters(dir: &Path) -> (Tmux, Duration, String) {
    let start = Instant::now();
    let t = Tmux::start(dir, &["."], 200, 60);
    let screen = until(&t, "letters listed", Duration::from_secs(30), |s| {
        position(s).is_some()
    });
    let took = start.elapsed();
    (t, took, screen)
}

#[test]
fn ten_thousand_letters_open_at_once_and_move_smoothly() {
    let Some(root) = tmux::folder() else {
        return;
    };
    let all = root.path().join("all");
    let corpus = letters::generate(&all, LETTERS, 0x6c65_7474_6572).unwrap();
    let one = root.path().join("one");
    std::fs::create_dir(&one).unwrap();
    let first = &corpus.letters[0];
    std::fs::copy(&first.path, one.join(first.path.file_name().unwrap())).unwrap();

    // The first screen with letters: the big folder against the one-letter folder, the
    // best of nine each (tmux and the machine add noise to both).
    let mut small = Vec::new();
    let mut big = Vec::new();
    for _ in 0..ROUNDS {
        let (t, took, _) = until_letters(&one);
        small.push(took);
        t.quit();
        let (t, took, screen) = until_letters(&all);
        big.push(took);
        if big.len() < ROUNDS {
            t.quit();
            continue;
        }
        let (small, big) = (*small.iter().min().unwrap(), *big.iter().min().unwrap());
        let ratio = big.as_secs_f64() / small.as_secs_f64();
        eprintln!("letters on screen: 1 letter {small:?}, {LETTERS} letters {big:?} ({ratio:.2}x)");
        assert!(
            ratio <= 2.0,
            "{LETTERS} letters took {big:?} to show, 1 letter {small:?}:\n{screen}"
        );
        // "indexing…" (the folder walk goes on; a capture can also catch the status
        // line of the frame before) or "indexed N/10,000": not finished either way.
        assert!(
            screen.contains("indexing…") || indexed(&screen).is_some_and(|n| n < LETTERS),
            "the first letters show while indexing goes on:\n{screen}"
        );
        hold_j_then_open(&t);
        t.quit();
    }
}

/// Hold `j` for two seconds (a key every 33 ms, a keyboard's repeat rate) while the
/// indexer works: the cursor keeps up with the keys; then open letters, which show their
/// comments at once.
fn hold_j_then_open(t: &Tmux) {
    let presses: usize = 60;
    // Letters arriving above the cursor move it down the list with its letter, so its
    // position only grows: at least one row per key, and never behind the keys by more
    // than `LAG` (a frame and the time the key takes through tmux).
    const LAG: usize = 4;
    let before = position(&t.screen()).expect("letters listed").0;
    let start = Instant::now();
    let mut seen = Vec::new();
    let mut still_indexing = false;
    for i in 1..=presses {
        t.send_key("j");
        if i % 6 == 0 {
            let screen = t.screen();
            let pos = position(&screen).expect("letters listed").0;
            assert!(
                pos + LAG >= before + i,
                "after {i} presses of j the cursor is at {pos} (from {before}): the keys wait\n{screen}"
            );
            seen.push(pos);
            still_indexing |= indexed(&screen).is_some();
        }
        let next = Duration::from_millis(33) * i as u32;
        std::thread::sleep(next.saturating_sub(start.elapsed()));
    }
    let held = start.elapsed();
    assert!(
        seen.windows(2).all(|w| w[1] > w[0]),
        "the cursor moved steadily while j was held ({held:?}): {seen:?}"
    );
    // Every key is applied promptly.
    until(t, "every j applied", Duration::from_millis(500), |s| {
        position(s).is_some_and(|(pos, _)| pos >= before + presses)
    });
    eprintln!(
        "j held {held:?}: cursor from {before} seen at {seen:?}; indexing {}",
        if still_indexing {
            "went on meanwhile"
        } else {
            "had finished"
        }
    );

    // Open the letter under the cursor, then one far down the list.
    for keys in [&[][..], &["Escape", "G"][..]] {
        for key in keys {
            t.keys(&[key]);
        }
        let before = comments_title(&t.screen());
        let start = Instant::now();
        t.send_key("Enter");
        let screen = until(t, "comments shown", Duration::from_secs(5), |s| {
            let title = comments_title(s);
            title != before && title != "Comments" && !s.contains("Reading ")
        });
        let took = start.elapsed();
        eprintln!("opened {:?} in {took:?}", comments_title(&screen));
        assert!(
            took < Duration::from_millis(500),
            "opening took {took:?}:\n{screen}"
        );
    }
}

/// The Comments pane's title (the open letter's company, form and comment count, or
/// "Comments"), from the screen's top line: the text after the second pane's corner.
fn comments_title(screen: &str) -> String {
    let top = screen.lines().next().unwrap_or_default();
    let mut corners = top.match_indices(['┌', '┏']);
    let Some((at, corner)) = corners.nth(1) else {
        return String::new();
    };
    top[at + corner.len()..]
        .split(['─', '━', '┐', '┓'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}
