//! Whole screens drawn on a `TestBackend`, checked with insta snapshots (tests/snapshots/).
//! The letters are built in code (fictional companies), so these do not depend on the parser.

use crate::support::{buffer, comment, letter, screen};
use chrono::NaiveDate;
use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::letter::{Kind, Letter};
use letterdesk::tui::{Action, Command, Config, LetterId, Listing, State, update};
use ratatui::style::{Color, Modifier};

const FORM: &str = "Form 10-K for the Fiscal Year Ended December 31, 2023";
const MDA: &str = "Management's Discussion and Analysis";

fn northwind() -> Letter {
    let mut l = letter(
        "/letters/northwind_2024-03-01.txt",
        "Northwind Kettle Works, Inc.",
        Some("2024-03-01"),
        "10-K",
        Kind::Comments,
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
    );
    l.response_due = Some("2024-03-15".into());
    l
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
    update(&mut s, Action::Run(Command::Down));
    update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.open_letter().unwrap().kind, Kind::Comments);
    let drafts = Drafts {
        comments: vec![
            CommentDraft {
                number: "1".into(),
                status: Status::Resolved,
                response: "We have revised the risk factor.".into(),
                marks: Default::default(),
                owner: None,
            },
            CommentDraft {
                number: "2".into(),
                status: Status::Drafted,
                response: "Reserves are estimated from sell-through by model.\nWe will expand the disclosure.".into(),
                marks: Default::default(),
                owner: None,
            },
        ],
    };
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
