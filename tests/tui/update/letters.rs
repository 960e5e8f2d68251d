//! Letters listed and opened, panes, typing in a draft, and the autosave.

use super::*;

#[test]
fn letters_are_listed_newest_first() {
    let s = state();
    let companies: Vec<_> = s
        .listings()
        .iter()
        .map(|l| l.unwrap().brief.company.clone().unwrap())
        .collect();
    assert_eq!(
        companies,
        [
            "Northwind Kettle Works, Inc.",
            "Harbor Lantern Co.",
            "Bramblewood Foods Corp."
        ]
    );
}

#[test]
fn letters_arriving_keep_the_cursor_where_the_user_put_it() {
    let mut s = State::new(Config::builtin(true), today(), None);
    update(&mut s, Action::Resize(180, 45));
    update(&mut s, Action::FilesFound { total: 3 });
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/a.txt".into(),
            listing: Box::new(Ok(Listing::of(&northwind(), Default::default()))),
        },
    );
    assert!(
        fx.is_empty(),
        "drafts are read when a letter is opened: {fx:?}"
    );
    let old = letter(
        "/l/b.txt",
        "Bramblewood Foods Corp.",
        Some("2020-01-01"),
        "10-K",
        Kind::Comments,
        vec![],
    );
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/b.txt".into(),
            listing: Box::new(Ok(Listing::of(&old, Default::default()))),
        },
    );
    update(&mut s, Action::Run(Command::Down));
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Bramblewood Foods Corp.")
    );
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/c.txt".into(),
            listing: Box::new(Err("c.txt: binary".into())),
        },
    );
    assert!(fx.is_empty(), "no drafts for an unreadable file");
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Bramblewood Foods Corp.")
    );
    assert_eq!(s.listings().len(), 3);
    assert!(s.listings()[2].is_err(), "unreadable files go last");
}

#[test]
fn opening_a_letter_focuses_comments_on_the_first_comment_and_loads_drafts() {
    let mut s = state();
    let fx = update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.focus(), Pane::Comments);
    assert_eq!(s.selected_comment().unwrap().number, "1");
    assert!(matches!(&fx[..], [Effect::LoadDrafts { letter, .. }] if *letter == LetterId(1)));
}

#[test]
fn opening_an_unreadable_file_says_why() {
    let mut s = state();
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/z.txt".into(),
            listing: Box::new(Err("z.txt: binary".into())),
        },
    );
    run_all(&mut s, &[Command::Last, Command::Open]);
    assert_eq!(s.focus(), Pane::Letters);
    assert!(s.message().unwrap().contains("z.txt: binary"));
}

#[test]
fn tab_cycles_panes_both_ways() {
    let mut s = state();
    for expected in [Pane::Comments, Pane::Draft, Pane::Letters] {
        update(&mut s, Action::Run(Command::NextPane));
        assert_eq!(s.focus(), expected);
    }
    update(&mut s, Action::Run(Command::PrevPane));
    assert_eq!(s.focus(), Pane::Draft);
}

#[test]
fn esc_steps_back_from_editor_to_comments_to_letters() {
    let mut s = opened();
    press(&mut s, ch('i'));
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.focus(), Pane::Comments);
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.focus(), Pane::Letters);
}

#[test]
fn moving_through_comments() {
    let mut s = opened();
    typing(&mut s, "jj");
    assert_eq!(s.selected_comment().unwrap().number, "3");
    press(&mut s, ch('k'));
    assert_eq!(s.selected_comment().unwrap().number, "2");
    press(&mut s, ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch('j'));
    assert_eq!(
        s.selected_comment().unwrap().number,
        "4",
        "stays on the last"
    );
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    assert_eq!(s.selected_comment().unwrap().number, "1");
}

#[test]
fn editing_a_draft_updates_text_and_status() {
    let mut s = opened();
    press(&mut s, ch('i'));
    assert_eq!(s.focus(), Pane::Draft);
    typing(&mut s, "We revised it.");
    assert_eq!(s.editor_text(), "We revised it.");
    let draft = s.draft("1").unwrap();
    assert_eq!(
        (draft.status, draft.response.as_str()),
        (Status::Drafted, "We revised it.")
    );
    assert_eq!(s.save_state(), SaveState::Unsaved);
}

#[test]
fn leaving_the_editor_saves_at_once() {
    let mut s = opened();
    press(&mut s, key(KeyCode::Enter));
    typing(&mut s, "Done.");
    let fx = press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.focus(), Pane::Comments);
    match &fx[..] {
        [
            Effect::Save {
                letter,
                path,
                drafts,
                generation,
                ..
            },
        ] => {
            assert_eq!(*letter, LetterId(1));
            assert_eq!(path, &PathBuf::from("/letters/northwind.responses.toml"));
            assert_eq!(drafts.get("1").unwrap().response, "Done.");
            assert_eq!(*generation, 5);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.save_state(), SaveState::Saving);
    let w = written(&s);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 5,
            result: w,
        },
    );
    assert_eq!(s.save_state(), SaveState::Saved);
}

#[test]
fn autosave_after_a_pause_and_during_long_typing() {
    let mut s = opened();
    let t0 = clock_started(&mut s);
    drafting(&mut s, "abc");
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(500))
        )),
        0
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(1100))
        )),
        1
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(5000))
        )),
        0,
        "one save at a time"
    );
    let w = written(&s);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 3,
            result: w,
        },
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(6000))
        )),
        0,
        "nothing new"
    );
    // Steady typing: saved within 2 s of the first unsaved key even without a pause.
    let t1 = t0 + Duration::from_secs(10);
    for i in 0..7u64 {
        assert_eq!(
            saves(&update(
                &mut s,
                Action::Tick(t1 + Duration::from_millis(300 * i))
            )),
            0
        );
        press(&mut s, ch('x'));
    }
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t1 + Duration::from_millis(2100))
        )),
        1
    );
}

#[test]
fn changing_comment_or_letter_saves() {
    let mut s = opened();
    press(&mut s, ch('r'));
    assert_eq!(saves(&press(&mut s, ch('j'))), 1, "changing comment");
    press(&mut s, ch('r'));
    press(&mut s, ev(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(s.focus(), Pane::Letters);
    press(&mut s, ch('j'));
    let fx = press(&mut s, key(KeyCode::Enter));
    assert!(
        matches!(
            &fx[..],
            [
                Effect::Save {
                    letter: LetterId(1),
                    ..
                },
                ..
            ]
        ),
        "{fx:?}"
    );
}
