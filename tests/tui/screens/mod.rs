//! Whole screens drawn on a `TestBackend`, checked with insta snapshots (tests/snapshots/).
//! The letters are built in code (fictional companies), so these do not depend on the parser.

use crate::support::{
    assert_shows, buffer, comment, drafts_of, letter, northwind_letter, run_all, screen,
    set_user_config,
};
use chrono::NaiveDate;
use letterdesk::drafts::Status;
use letterdesk::letter::{Kind, Letter};
use letterdesk::tui::{Action, Command, Config, LetterId, Listing, State, update};
use ratatui::style::{Color, Modifier};

const FORM: &str = "Form 10-K for the Fiscal Year Ended December 31, 2023";
const MDA: &str = "Management's Discussion and Analysis";

fn northwind() -> Letter {
    northwind_letter(
        "/letters/northwind_2024-03-01.txt",
        vec![
            comment(
                "1",
                &[FORM, "Risk Factors"],
                "We note your disclosure that a single supplier provides most of your heating elements. \
                 Please revise to quantify the portion of components purchased from this supplier.",
            ),
            comment(
                "2",
                &[FORM, MDA],
                "Please tell us how you estimated inventory reserves for discontinued kettle models.\n\n\
                 In your response, describe the assumptions that changed during the year.",
            ),
            comment(
                "3",
                &[FORM, MDA],
                "Explain the change in gross margin \u{1b}[31mbetween periods\u{202e} and the effect of \
                 freight costs.\n(a) Quantify each factor.\n(b) Discuss known trends.",
            ),
            comment(
                "4",
                &[FORM, "Financial Statements", "Note 7 – Revenue"],
                "Tell us how you account for extended warranties sold with kettles.",
            ),
            comment(
                "5",
                &[FORM, "Exhibits"],
                "Please file the supply agreement as an exhibit.",
            ),
        ],
    )
}

fn letters() -> Vec<Letter> {
    let mut bramblewood = letter(
        "/letters/bramblewood_2023-11-20.txt",
        "Bramblewood Foods Corp.",
        Some("2023-11-20"),
        "20-F",
        Kind::Comments,
        vec![
            comment(
                "1",
                &["General"],
                "Please update your financial statements.",
            ),
            comment("2", &[], "Revise the cover page."),
        ],
    );
    bramblewood.response_due = Some("2024-04-02".into());
    vec![
        bramblewood,
        northwind(),
        letter(
            "/letters/northwind_response.txt",
            "Northwind Kettle Works, Inc.",
            Some("2024-03-12"),
            "10-K",
            Kind::Response,
            vec![],
        ),
        letter(
            "/letters/harbor_2024-02-10.txt",
            "Harbor Lantern Co.",
            Some("2024-02-10"),
            "S-1",
            Kind::Completion,
            vec![],
        ),
        letter(
            "/letters/quillfeather.txt",
            "Quillfeather Analytics Ltd.",
            Some("2023-09-05"),
            "S-3",
            Kind::NoReview,
            vec![],
        ),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 20).unwrap()
}

/// All letters plus an unreadable file, Letters pane focused.
fn desk() -> State {
    let mut s = State::from_letters(letters(), today());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/scan-0042.txt".into(),
            listing: Box::new(Err(
                "/letters/scan-0042.txt: not a letter (binary content)".into()
            )),
        },
    );
    s
}

/// Northwind open with drafts: 1 resolved, 2 drafted.
fn northwind_open() -> State {
    let mut s = desk();
    run_all(&mut s, &[Command::Down, Command::Open]);
    assert_eq!(s.open_letter().unwrap().kind, Kind::Comments);
    let drafts = drafts_of(&[
        ("1", Status::Resolved, "We have revised the risk factor."),
        (
            "2",
            Status::Drafted,
            "Reserves are estimated from sell-through by model.\nWe will expand the disclosure.",
        ),
    ]);
    let id = LetterId(1);
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: id,
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    s
}

/// The workspace on a demo folder, before any letter is found.
fn demo_desk() -> State {
    let demo = Some("/tmp/letterdesk-demo-x1".into());
    State::new(Config::builtin(false), today(), demo)
}

/// `letter` alone in the workspace at 180×45, opened.
fn opened_alone(letter: Letter) -> State {
    let mut s = State::from_letters(vec![letter], today());
    update(&mut s, Action::Resize(180, 45));
    apply(&mut s, Action::Run(Command::Open));
    s
}

/// Twenty of what was timed since `start` took under 50 ms each.
fn assert_quick(start: std::time::Instant, each: &str) {
    let per = start.elapsed() / 20;
    assert!(
        per < std::time::Duration::from_millis(50),
        "{per:?} per {each}"
    );
}

/// Update, running layout work (large letters are laid out off the UI thread) at once.
fn apply(s: &mut State, action: Action) {
    for effect in update(s, action) {
        if let Some(action) = letterdesk::tui::lay_out(effect) {
            apply(s, action);
        }
    }
}

mod dialogs;
mod panes;
mod safety;
mod truth;
