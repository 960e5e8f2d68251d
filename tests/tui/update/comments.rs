//! Resolving, filters, search, quitting, drafts read from disk, undo, paste and help.

use super::*;

#[test]
fn resolving_toggles_and_counts() {
    let mut s = opened();
    press(&mut s, ch('r'));
    assert_eq!(s.draft("1").unwrap().status, Status::Resolved);
    assert_eq!(
        s.message(),
        Some(
            "Comment 1 resolved with no response: the export lists it as unanswered \
             ([Response to come])."
        )
    );
    press(&mut s, ch('r'));
    assert_eq!(s.draft("1").unwrap().status, Status::Open);
    assert_eq!(s.message(), Some("Comment 1 reopened."));
}

#[test]
fn brackets_skip_resolved_comments() {
    let mut s = opened();
    typing(&mut s, "jrjr");
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    press(&mut s, ch(']'));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch(']'));
    assert_eq!(s.message(), Some("No unresolved comment below."));
    press(&mut s, ch('['));
    assert_eq!(s.selected_comment().unwrap().number, "1");
}

#[test]
fn filter_cycles_and_moves_the_selection() {
    let mut s = opened();
    typing(&mut s, "rji");
    typing(&mut s, "Draft.");
    press(&mut s, key(KeyCode::Esc));
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Open);
    assert_eq!(s.selected_comment().unwrap().number, "3");
    assert_eq!(s.visible_comments(), [2, 3]);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Drafted);
    assert_eq!(s.visible_comments(), [1]);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Resolved);
    assert_eq!(s.selected_comment().unwrap().number, "1");
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::All);
    assert_eq!(s.visible_comments(), [0, 1, 2, 3]);
}

#[test]
fn search_finds_comments_and_drafts() {
    let mut s = opened();
    press(&mut s, ch('/'));
    assert_eq!(s.mode(), Mode::Search);
    for c in "KETTLE".chars() {
        press(&mut s, ch(c));
    }
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    assert_eq!(s.message(), Some("“KETTLE”: match 1 of 1."));
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    drafting(&mut s, "kettles were sold");
    press(&mut s, key(KeyCode::Esc));
    press(&mut s, ch('n'));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch('n'));
    assert_eq!(
        s.selected_comment().unwrap().number,
        "1",
        "wraps around to the draft hit"
    );
    press(&mut s, ev(KeyCode::Char('N'), KeyModifiers::SHIFT));
    assert_eq!(s.selected_comment().unwrap().number, "4");
}

#[test]
fn search_without_match_or_query() {
    let mut s = opened();
    press(&mut s, ch('n'));
    assert_eq!(s.message(), Some("No search yet: press / to search."));
    typing(&mut s, "/zq");
    press(&mut s, key(KeyCode::Backspace));
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.message(), Some("No match for “z”."));
    press(&mut s, ch('/'));
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.mode(), COMMENTS);
}

#[test]
fn ctrl_s_saves_or_says_there_is_nothing() {
    let mut s = opened();
    assert_eq!(saves(&press(&mut s, ctrl('s'))), 0);
    assert_eq!(s.message(), Some("Nothing to save."));
    press(&mut s, ch('r'));
    assert_eq!(saves(&press(&mut s, ctrl('s'))), 1);
}

#[test]
fn quitting_saves_first() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let fx = press(&mut s, ch('q'));
    assert!(
        matches!(&fx[..], [Effect::Save { .. }, Effect::Quit]),
        "{fx:?}"
    );
    assert!(s.should_quit());
}

#[test]
fn ctrl_c_quits_from_the_editor_after_saving() {
    let mut s = opened();
    drafting(&mut s, "q");
    assert!(!s.should_quit(), "q types in the editor");
    let fx = press(&mut s, ctrl('c'));
    assert!(
        matches!(&fx[..], [Effect::Save { .. }, Effect::Quit]),
        "{fx:?}"
    );
}

#[test]
fn loaded_drafts_show_and_fill_the_editor() {
    let mut s = opened();
    let drafts = drafts_of(&[
        ("1", Status::Drafted, "We will revise."),
        ("2", Status::Resolved, ""),
    ]);
    drafts_read(&mut s, Ok(Some(drafts)));
    assert_eq!(s.editor_text(), "We will revise.");
    assert_eq!(s.draft("2").unwrap().status, Status::Resolved);
    assert_eq!(
        s.draft("4").unwrap().status,
        Status::Open,
        "merged with the letter"
    );
    assert_eq!(s.save_state(), SaveState::Saved);
}

#[test]
fn edits_made_while_loading_win() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let drafts = Drafts::for_comments(&["1".into()]);
    drafts_read(&mut s, Ok(Some(drafts)));
    assert_eq!(s.draft("1").unwrap().status, Status::Resolved);
}

#[test]
fn an_unreadable_drafts_file_is_never_written() {
    let mut s = opened();
    let error = "/letters/northwind.responses.toml:7: unresolved git conflict marker".to_string();
    drafts_read(&mut s, Err(error.clone().into()));
    assert_eq!(s.save_state(), SaveState::Blocked(error.clone()));
    press(&mut s, ch('i'));
    let mut fx = typing(&mut s, "kept in memory");
    fx.extend(press(&mut s, key(KeyCode::Esc)));
    fx.extend(press(&mut s, ctrl('s')));
    fx.extend(update(
        &mut s,
        Action::Tick(Instant::now() + Duration::from_secs(60)),
    ));
    assert_eq!(saves(&fx), 0);
    assert_eq!(response_of(&s, "1"), "kept in memory");
    let fx = press(&mut s, ch('q'));
    assert!(saves(&fx) == 0 && !s.should_quit(), "first q warns");
    assert!(
        matches!(&fx[..], [Effect::Journal(t)] if t[0].text == "kept in memory"),
        "{fx:?}"
    );
    assert!(s.message().unwrap().contains("Press q again"));
    let fx = press(&mut s, ch('q'));
    assert_eq!(saves(&fx), 0);
    assert_eq!(fx.last(), Some(&Effect::Quit));
}

#[test]
fn a_failed_save_is_shown_and_retried_after_the_next_edit() {
    let mut s = opened();
    let t0 = clock_started(&mut s);
    press(&mut s, ch('r'));
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_secs(3)));
    assert_eq!(saves(&fx), 1);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 1,
            result: Err("disk full".into()),
        },
    );
    assert_eq!(s.save_state(), SaveState::Failed("disk full".into()));
    assert!(s.message().unwrap().starts_with("Save failed: disk full"));
    assert_eq!(
        saves(&update(&mut s, Action::Tick(t0 + Duration::from_secs(9)))),
        0
    );
    press(&mut s, ch('r'));
    assert_eq!(
        saves(&update(&mut s, Action::Tick(t0 + Duration::from_secs(12)))),
        1
    );
}

#[test]
fn undo_and_redo_in_the_editor() {
    let mut s = opened();
    drafting(&mut s, "ab cd");
    press(&mut s, ctrl('z'));
    assert_eq!(s.editor_text(), "ab ", "a word at a time");
    press(&mut s, ctrl('z'));
    assert_eq!(s.editor_text(), "");
    assert_eq!(s.draft("1").unwrap().status, Status::Open);
    press(&mut s, ctrl('y'));
    assert_eq!(response_of(&s, "1"), "ab ");
}

#[test]
fn pasted_text_is_kept_exactly() {
    let mut s = opened();
    press(&mut s, ch('i'));
    update(
        &mut s,
        Action::Paste("line one\r\nline\u{1b}two\u{202e}\tthree\u{200b}".into()),
    );
    assert_eq!(
        response_of(&s, "1"),
        "line one\nline\u{1b}two\u{202e}\tthree\u{200b}",
        "line endings become \\n, nothing else changes: placeholders are only drawn"
    );
    press(&mut s, key(KeyCode::Esc));
    press(&mut s, ch('/'));
    update(&mut s, Action::Paste("gross\nmargin".into()));
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.selected_comment().unwrap().number, "3");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = opened();
    update(&mut s, Action::Resize(100, 10));
    press(&mut s, ch('?'));
    assert_eq!(s.mode(), Mode::Help);
    typing(&mut s, "jr");
    assert_eq!(s.mode(), COMMENTS, "any other key closes");
    assert_eq!(
        s.draft("1").unwrap().status,
        Status::Open,
        "and does nothing else"
    );
}

#[test]
fn letters_without_comments_cannot_be_edited() {
    let mut s = state();
    press(&mut s, ch('j'));
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.open_letter().unwrap().kind, Kind::Completion);
    press(&mut s, ch('i'));
    assert_eq!(s.focus(), Pane::Comments);
    assert_eq!(s.message(), Some("This letter has no comments to answer."));
    typing(&mut s, "rj");
}

#[test]
fn empty_folder_says_so() {
    let mut s = State::new(Config::builtin(true), today(), None);
    update(&mut s, Action::FilesFound { total: 0 });
    update(&mut s, Action::IndexFinished);
    assert!(s.message().unwrap().starts_with("No letters found"));
    for c in ['j', 'k', 'g', 'G'] {
        press(&mut s, ch(c));
    }
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.focus(), Pane::Letters);
}

#[test]
fn reopening_shows_drafts_as_left() {
    let mut s = opened();
    typing(&mut s, "rji");
    typing(&mut s, "Answer two.");
    let mut fx = press(&mut s, key(KeyCode::Esc));
    fx.extend(press(&mut s, ch('q')));
    let saved = fx
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::Save { drafts, .. } => Some(drafts.clone()),
            _ => None,
        })
        .unwrap();
    let mut again = state();
    update(&mut again, Action::Run(Command::Open));
    update(
        &mut again,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(saved)),
        },
    );
    assert_eq!(again.draft("1").unwrap().status, Status::Resolved);
    assert_eq!(response_of(&again, "2"), "Answer two.");
    assert_eq!(again.draft("2").unwrap().status, Status::Drafted);
}
