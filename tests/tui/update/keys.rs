//! Keys to actions: what each key means in each pane and mode, and user keymaps.

use super::*;

#[test]
fn movement_keys_in_lists() {
    for mode in [LETTERS, COMMENTS] {
        assert_eq!(map(mode, ch('j')), run(Command::Down));
        assert_eq!(
            map(mode, ev(KeyCode::Down, KeyModifiers::NONE)),
            run(Command::Down)
        );
        assert_eq!(map(mode, ch('k')), run(Command::Up));
        assert_eq!(
            map(mode, ev(KeyCode::Up, KeyModifiers::NONE)),
            run(Command::Up)
        );
        // `gg`: the first g waits for the second.
        assert!(matches!(map(mode, ch('g')), Some(Action::Pending(_))));
        assert_eq!(
            map(mode, ev(KeyCode::Home, KeyModifiers::NONE)),
            run(Command::First)
        );
        assert_eq!(
            map(mode, ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            run(Command::Last)
        );
        assert_eq!(
            map(mode, ev(KeyCode::End, KeyModifiers::NONE)),
            run(Command::Last)
        );
    }
}

#[test]
fn enter_opens_edits_or_types_by_pane() {
    let enter = ev(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(map(LETTERS, enter), run(Command::Open));
    assert_eq!(map(COMMENTS, enter), run(Command::Edit));
    assert_eq!(map(COMMENTS, ch('i')), run(Command::Edit));
    assert!(matches!(map(DRAFT, enter), Some(Action::Type(_))));
}

#[test]
fn pane_switching_works_outside_the_editor() {
    for mode in [LETTERS, COMMENTS] {
        assert_eq!(
            map(mode, ev(KeyCode::Tab, KeyModifiers::NONE)),
            run(Command::NextPane)
        );
        assert_eq!(
            map(mode, ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            run(Command::PrevPane)
        );
    }
    for mode in [LETTERS, COMMENTS, DRAFT] {
        assert_eq!(map(mode, ctrl('s')), run(Command::Save));
        assert_eq!(map(mode, ctrl('c')), run(Command::ForceQuit));
    }
}

#[test]
fn printable_global_keys_type_in_the_editor() {
    assert_eq!(map(LETTERS, ch('q')), run(Command::Quit));
    assert_eq!(map(COMMENTS, ch('?')), run(Command::Help));
    for c in ['q', '?', 'j', 'r', '/', 'n'] {
        assert!(matches!(map(DRAFT, ch(c)), Some(Action::Type(_))), "{c}");
    }
    assert_eq!(
        map(DRAFT, ev(KeyCode::Esc, KeyModifiers::NONE)),
        run(Command::Leave)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::F(1), KeyModifiers::NONE)),
        run(Command::Help)
    );
}

#[test]
fn comment_commands() {
    assert_eq!(map(COMMENTS, ch('r')), run(Command::ToggleResolved));
    assert_eq!(map(COMMENTS, ch(']')), run(Command::NextOpen));
    assert_eq!(map(COMMENTS, ch('[')), run(Command::PrevOpen));
    assert_eq!(map(COMMENTS, ch('f')), run(Command::Filter));
    assert_eq!(map(COMMENTS, ch('/')), run(Command::Search));
    assert_eq!(map(COMMENTS, ch('n')), run(Command::SearchNext));
    assert_eq!(
        map(COMMENTS, ev(KeyCode::Char('N'), KeyModifiers::SHIFT)),
        run(Command::SearchPrev)
    );
    assert_eq!(map(LETTERS, ch('r')), None);
}

#[test]
fn editor_commands() {
    assert_eq!(map(DRAFT, ctrl('z')), run(Command::Undo));
    assert_eq!(map(DRAFT, ctrl('y')), run(Command::Redo));
    assert_eq!(
        map(
            DRAFT,
            ev(
                KeyCode::Char('Z'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        ),
        run(Command::Redo)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Left, KeyModifiers::NONE)),
        run(Command::Left)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Right, KeyModifiers::CONTROL)),
        run(Command::WordRight)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Backspace, KeyModifiers::ALT)),
        run(Command::DeleteWord)
    );
    assert!(matches!(
        map(DRAFT, ev(KeyCode::Backspace, KeyModifiers::NONE)),
        Some(Action::Type(_))
    ));
    assert_eq!(map(DRAFT, ctrl('a')), run(Command::LineStart));
    assert_eq!(map(DRAFT, ctrl('e')), run(Command::LineEnd));
    assert_eq!(map(DRAFT, ctrl('k')), run(Command::DeleteToLineEnd));
    // Ctrl-d / Ctrl-u move half a page in the editor as in every pane; deleting to
    // the start of the line is Alt-u.
    assert_eq!(map(DRAFT, ctrl('u')), run(Command::HalfPageUp));
    assert_eq!(map(DRAFT, ctrl('d')), run(Command::HalfPageDown));
    assert_eq!(
        map(DRAFT, ev(KeyCode::Char('u'), KeyModifiers::ALT)),
        run(Command::DeleteToLineStart)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Char('d'), KeyModifiers::ALT)),
        run(Command::DeleteWordForward)
    );
}

#[test]
fn search_prompt_keys() {
    assert_eq!(map(Mode::Search, ch('q')), Some(Action::SearchInput('q')));
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::SearchSubmit)
    );
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Backspace, KeyModifiers::NONE)),
        Some(Action::SearchBackspace)
    );
    assert_eq!(map(Mode::Search, ctrl('c')), run(Command::ForceQuit));
}

#[test]
fn help_keys_scroll_or_close() {
    assert_eq!(map(Mode::Help, ch('j')), run(Command::Down));
    assert_eq!(map(Mode::Help, ch('x')), run(Command::Help));
    assert_eq!(
        map(Mode::Help, ev(KeyCode::Esc, KeyModifiers::NONE)),
        run(Command::Help)
    );
    assert_eq!(map(Mode::Help, ctrl('c')), run(Command::ForceQuit));
}

#[test]
fn releases_and_unbound_keys_map_to_nothing() {
    let mut release = ch('j');
    release.kind = KeyEventKind::Release;
    assert_eq!(map(LETTERS, release), None);
    assert_eq!(map(LETTERS, ch('z')), None);
    assert_eq!(map(DRAFT, ev(KeyCode::Insert, KeyModifiers::NONE)), None);
}

#[test]
fn user_keymap_overrides() {
    let text = "[keymap]\nglobal = [{ on = [\"ctrl-q\"], run = \"quit\", desc = \"quit\" }]\nletters = [{ on = [\"j\"], run = \"open\", desc = \"open\" }]\n";
    let config = Config::with_user(text, std::path::Path::new("c.toml"), true).unwrap();
    assert_eq!(
        map_key(&config.keymap, LETTERS, ch('j')),
        run(Command::Open)
    );
    assert_eq!(
        map_key(&config.keymap, DRAFT, ctrl('q')),
        run(Command::Quit)
    );
    assert_eq!(
        map_key(&config.keymap, COMMENTS, ch('j')),
        run(Command::Down)
    );
}
