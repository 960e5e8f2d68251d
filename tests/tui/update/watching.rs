//! Signals, the folder watcher, corrected letters, large letters and fixed drafts files.

use super::*;

#[test]
fn a_terminating_signal_saves_journals_and_quits() {
    let mut s = loaded();
    drafting(&mut s, " y");
    let fx = update(&mut s, Action::Terminate(15));
    assert!(fx.iter().any(|e| matches!(e, Effect::Journal(_))));
    assert_eq!(saves(&fx), 1);
    assert_eq!(fx.last(), Some(&Effect::Quit));
    assert_eq!(s.signal(), Some(15));
    assert!(s.should_quit());
}

#[test]
fn watched_changes_check_drafts_or_reparse_letters() {
    let mut s = loaded();
    let fx = update(
        &mut s,
        Action::FileChanged("/letters/northwind.responses.toml".into()),
    );
    assert_eq!(
        fx,
        [Effect::CheckDrafts {
            letter: LetterId(1),
            path: "/letters/northwind.responses.toml".into()
        }]
    );
    let fx = update(&mut s, Action::FileChanged("/letters/northwind.txt".into()));
    assert_eq!(fx, [Effect::Reparse("/letters/northwind.txt".into())]);
    let fx = update(&mut s, Action::FileChanged("/letters/.tmp123".into()));
    assert!(fx.is_empty());
}

#[test]
fn a_corrected_letter_keeps_the_drafts() {
    let mut s = loaded();
    let mut corrected = northwind();
    corrected.comments.truncate(2);
    // The indexer sums the changed file up again; the open letter is read again in full.
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/northwind.txt".into(),
            listing: Box::new(Ok(Listing::of(&corrected, Default::default()))),
        },
    );
    assert_eq!(fx, [Effect::ReadLetter("/letters/northwind.txt".into())]);
    assert_eq!(
        s.open_letter().unwrap().comments.len(),
        4,
        "the open letter stays on screen (and takes keys) until it is read again"
    );
    update(
        &mut s,
        Action::LetterRead {
            path: "/letters/northwind.txt".into(),
            letter: Box::new(Ok(letterdesk::review::Filed {
                path: "/letters/northwind.txt".into(),
                letter: corrected,
                sections: Default::default(),
            })),
        },
    );
    assert!(
        s.message()
            .unwrap()
            .contains("changed on disk and was read again")
    );
    assert_eq!(s.listings().len(), 3, "replaced, not added");
    assert_eq!(s.open_letter().unwrap().comments.len(), 2);
    assert_eq!(response_of(&s, "1"), "Saved one.");
}

#[test]
fn a_large_letter_is_laid_out_off_the_ui_thread() {
    let mut big = northwind();
    big.comments[0].text = "word ".repeat(100_000);
    let mut s = State::from_letters(vec![big], today());
    update(&mut s, Action::Resize(180, 45));
    let fx = update(&mut s, Action::Run(Command::Open));
    let layout = fx
        .into_iter()
        .find(|e| matches!(e, Effect::LayOut { .. }))
        .expect("layout asked for");
    let action = letterdesk::tui::lay_out(layout).unwrap();
    update(&mut s, action);
    let fx = update(&mut s, Action::Resize(160, 45));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::LayOut { width, .. } if *width < 80))
    );
}

#[test]
fn a_fixed_drafts_file_is_merged_and_saving_resumes() {
    let mut s = opened();
    drafts_read(
        &mut s,
        Err("northwind.responses.toml:3: unresolved git conflict marker".into()),
    );
    press(&mut s, ch('i'));
    let fx = typing(&mut s, "Typed meanwhile.");
    assert_eq!(saves(&fx), 0);
    // Someone fixes the file: the watcher has it read again.
    let fx = drafts_read(
        &mut s,
        Ok(Some(drafts_of(&[("2", Status::Drafted, "Fixed two.")]))),
    );
    let sent = saved_drafts(&fx).expect("saving resumes");
    assert_eq!(sent.get("1").unwrap().response, "Typed meanwhile.");
    assert_eq!(sent.get("2").unwrap().response, "Fixed two.");
    assert!(!matches!(s.save_state(), SaveState::Blocked(_)));
}

#[test]
fn comments_whose_letter_text_changed_are_flagged() {
    let mut s = loaded();
    update(
        &mut s,
        Action::CommentsChanged {
            letter: LetterId(1),
            numbers: vec!["1".into()],
        },
    );
    assert_eq!(s.changed_comments(), ["1"]);
    drafting(&mut s, "!");
    assert!(
        s.changed_comments().is_empty(),
        "drafted with the new text in view"
    );
}
