//! The parser's warnings in the workspace: a mark on the letter's row in the Letters
//! pane, and the warnings in the Comments pane's header once the letter is open
//! (`TestBackend` snapshots; letters built in code, fictional companies).

use crate::support::{assert_shows, run_all, screen};
use chrono::NaiveDate;
use letterdesk::letter::{Comment, Kind, Letter, Subject};
use letterdesk::tui::{Command, State};

fn letter(file: &str, company: &str, warnings: &[&str]) -> Letter {
    Letter {
        file: file.into(),
        kind: Kind::Comments,
        date: Some("2024-03-01".into()),
        company: Some(company.into()),
        subject: Subject {
            form: Some("10-K".into()),
            ..Subject::default()
        },
        comments: vec![
            Comment {
                number: "1".into(),
                headings: vec!["Revenue, page 40".into()],
                text: "Please tell us how you recognize revenue.".into(),
                pages: vec!["40".into()],
            },
            Comment {
                number: "2".into(),
                headings: vec!["Revenue, page 40".into()],
                text: "Please revise the segment table.".into(),
                pages: vec![],
            },
        ],
        warnings: warnings.iter().map(|w| w.to_string()).collect(),
        ..Letter::default()
    }
}

#[test]
fn warnings_mark_the_row_and_head_the_comments_pane() {
    let letters = vec![
        letter("/letters/alder_2024-03-01.txt", "Alder Pumps, Inc.", &[]),
        letter(
            "/letters/birch_2024-03-01.txt",
            "Birch Lane Foods Corp.",
            &[
                "the text printed under comment 2 after the number begins mid-sentence: it is read as the end of comment 1",
            ],
        ),
    ];
    let mut s = State::from_letters(letters, NaiveDate::from_ymd_opt(2024, 3, 5).unwrap());
    let closed = screen(&mut s, 180, 12);
    let rows: Vec<&str> = closed.lines().collect();
    let birch = rows.iter().find(|r| r.contains("Birch Lane")).unwrap();
    let alder = rows.iter().find(|r| r.contains("Alder Pumps")).unwrap();
    assert!(birch.contains("!Birch Lane"), "{birch}");
    assert!(!alder.contains("!Alder"), "{alder}");

    // Open the letter with warnings.
    while s
        .open_letter()
        .is_none_or(|l| l.company.as_deref() != Some("Birch Lane Foods Corp."))
    {
        run_all(&mut s, &[Command::Down, Command::Open]);
    }
    let open = screen(&mut s, 180, 12);
    assert_shows(
        &open,
        &["! the text printed under comment 2 after the number"],
    );
    insta::assert_snapshot!(open);
}
