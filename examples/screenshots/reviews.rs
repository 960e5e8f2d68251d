//! The review screens: the synthetic review of `tests/fixtures/review` (a fictional
//! company) grouped as the workspace's worker groups it.

use chrono::NaiveDate;
use letterdesk::review::{Filed, Review, build};
use letterdesk::tui::{Action, Command, State, update};
use std::path::Path;
use std::sync::Arc;

/// The review's letters with the Letters pane showing the review tree.
pub fn tree() -> State {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let filed: Vec<Filed> = paths
        .iter()
        .map(|p| Filed::read(p).expect("reads"))
        .collect();
    let today = NaiveDate::from_ymd_opt(2025, 6, 2).expect("date");
    let mut state = State::from_filed(filed.clone(), today);
    // Kept in outline, as the workspace keeps them.
    let mut reviews = build(filed);
    reviews.iter_mut().for_each(Review::outline);
    update(&mut state, Action::ReviewsBuilt(Arc::new(reviews)));
    update(&mut state, Action::Run(Command::ReviewTree));
    state
}

/// The tree with the letter at `row` of it open.
pub fn opened(row: usize) -> State {
    let mut state = tree();
    update(&mut state, Action::Run(Command::First));
    for _ in 0..row {
        update(&mut state, Action::Run(Command::Down));
    }
    update(&mut state, Action::Run(Command::Open));
    state
}

/// The follow-up open, its "prior comment 2" followed.
pub fn reference() -> State {
    let mut state = opened(3);
    update(&mut state, Action::Run(Command::FollowReference));
    state
}

/// The first letter open in the reader view, its last comment selected.
pub fn reader() -> State {
    let mut state = opened(1);
    update(&mut state, Action::Run(Command::Last));
    update(&mut state, Action::Run(Command::Reader));
    state
}
