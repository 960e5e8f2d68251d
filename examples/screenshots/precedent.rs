//! The precedent overlay: a fictional company's staff letter open on its comment about
//! non-GAAP measures, and the ten most similar comments of a generated research
//! library (fictional companies, with their answers), found by the real index.

use chrono::NaiveDate;
use letterdesk::precedent::{Library, Probe};
use letterdesk::review::Filed;
use letterdesk::tui::{Action, Command, State, update};
use std::path::Path;

#[path = "../../tests/common/precedent.rs"]
mod synthetic;

/// The overlay, its hits found in a library of 60 reviews indexed under `dir`.
pub fn overlay(dir: &Path) -> State {
    let library = dir.join("library");
    synthetic::write_library(&library, 60).expect("library written");
    let review = synthetic::non_gaap_review("Quillfeather Analytics Inc.");
    let letter = dir.join("upload_quillfeather_2025-04-02.txt");
    std::fs::write(&letter, synthetic::staff_letter(99_999, &review)).expect("letter");
    let mut index = Library::open(&dir.join("index")).expect("index");
    index.update(&[library]).expect("indexed");
    let filed = Filed::read(&letter).expect("reads");
    let today = NaiveDate::from_ymd_opt(2025, 4, 7).expect("date");
    let mut state = State::from_filed(vec![filed.clone()], today);
    update(&mut state, Action::Run(Command::Open));
    update(&mut state, Action::Run(Command::Down));
    update(&mut state, Action::Run(Command::Precedent));
    let comment = state.selected_comment().expect("comment 2").clone();
    let probe = Probe {
        text: &comment.text,
        heading: comment.headings.last().map(String::as_str),
        path: Some(&letter),
        company: filed.letter.company.as_deref(),
    };
    let found = index.similar(probe, 10).expect("found");
    update(&mut state, Action::PrecedentIndexed(Ok(index.comments())));
    update(
        &mut state,
        Action::PrecedentFound {
            text: comment.text,
            result: Ok(found),
        },
    );
    state
}
