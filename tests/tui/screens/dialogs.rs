//! The dialogs drawn, long comments scrolled, and rows that say what is wrong with them.

use super::*;

#[test]
fn recovery_dialog() {
    use letterdesk::journal::{Entry, Offer};
    let mut s = desk();
    let written = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_710_000_000);
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![Offer {
                entry: Entry {
                    letter: "/letters/northwind_2024-03-01.txt".into(),
                    number: "2".into(),
                    text:
                        "Reserves are estimated by model.\nWe will expand the \u{1b}[31mdisclosure."
                            .into(),
                    written,
                    file: "/state/journal/x.json".into(),
                    session: None,
                    base: None,
                },
                saved: Some("Reserves are estimated.".into()),
                newer_than_file: true,
            }],
            here: 1,
        },
    );
    let text = screen(&mut s, 120, 30);
    assert!(
        text.contains("Unsaved text found") && text.contains("␛[31m"),
        "{text}"
    );
    // The time is local: leave it out of the snapshot.
    let text: String = text
        .lines()
        .map(|l| {
            if l.contains("Typed:") {
                "<typed line>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);
}

#[test]
fn conflict_dialog() {
    let mut s = northwind_open();
    // Comment 2 edited here, then changed on disk differently.
    run_all(&mut s, &[Command::Down, Command::Edit]);
    update(&mut s, Action::Paste(" Mine.".into()));
    update(&mut s, Action::Run(Command::Leave));
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts_of(&[(
                "2",
                Status::Resolved,
                "Theirs: reserves follow the policy in Note 4.",
            )]))),
        },
    );
    update(&mut s, Action::Run(Command::ShowConflict));
    insta::assert_snapshot!(screen(&mut s, 150, 36));
}

#[test]
fn a_comment_of_100000_lines_scrolls_without_rewrapping() {
    let mut big = northwind();
    big.comments[1].text = (0..100_000)
        .map(|i| format!("line {i} of the schedule"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut s = opened_alone(big);
    apply(&mut s, Action::Run(Command::Down));
    let start = std::time::Instant::now();
    for _ in 0..20 {
        apply(&mut s, Action::Run(Command::PageDown));
        buffer(&s, 180, 45);
    }
    assert_quick(start, "page and frame");
    apply(&mut s, Action::Run(Command::Last));
    let text = screen(&mut s, 180, 45);
    assert!(
        text.contains("5. Please file the supply agreement"),
        "{text}"
    );
}

/// Move the Letters pane's cursor to `path`.
fn cursor_to(s: &mut State, path: &str) {
    update(s, Action::Run(Command::First));
    while s.cursor_path() != Some(std::path::Path::new(path)) {
        let before = s.cursor_path().map(std::path::Path::to_owned);
        update(s, Action::Run(Command::Down));
        assert_ne!(s.cursor_path(), before.as_deref(), "{path} is not listed");
    }
}

#[test]
fn the_comments_pane_says_what_is_wrong_with_the_row_under_the_cursor() {
    let mut s = State::from_letters(letters(), today());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/scan-0042.txt".into(),
            listing: Box::new(Err("not a letter (binary content)".into())),
        },
    );
    let mut listing = Listing::of(&northwind(), Default::default());
    listing.progress.problem =
        Some("/letters/merged.responses.toml:3: unresolved git conflict marker".into());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/merged.txt".into(),
            listing: Box::new(Ok(listing)),
        },
    );

    cursor_to(&mut s, "/letters/scan-0042.txt");
    let text = screen(&mut s, 180, 12);
    assert!(
        text.contains("│scan-0042.txt: not a letter (binary content)"),
        "{text}"
    );
    assert!(!text.contains("Enter opens the letter"), "{text}");

    cursor_to(&mut s, "/letters/merged.txt");
    insta::assert_snapshot!(screen(&mut s, 180, 12));

    update(&mut s, Action::Run(Command::First));
    let text = screen(&mut s, 180, 12);
    assert!(text.contains("Choose a letter and press Enter."), "{text}");
}
