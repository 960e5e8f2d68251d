//! Keys to actions: what each key means in each pane and mode, and user keymaps.

use super::*;

#[test]
fn movement_keys_in_lists() {
    for mode in [LETTERS, COMMENTS] {
        assert_maps(&[
            (mode, ch('j'), run(Command::Down)),
            (mode, key(KeyCode::Down), run(Command::Down)),
            (mode, ch('k'), run(Command::Up)),
            (mode, key(KeyCode::Up), run(Command::Up)),
            (mode, key(KeyCode::Home), run(Command::First)),
            (mode, shift('G'), run(Command::Last)),
            (mode, key(KeyCode::End), run(Command::Last)),
        ]);
        // `gg`: the first g waits for the second.
        assert!(matches!(map(mode, ch('g')), Some(Action::Pending(_))));
    }
}

#[test]
fn enter_opens_edits_or_types_by_pane() {
    let enter = key(KeyCode::Enter);
    assert_maps(&[
        (LETTERS, enter, run(Command::Open)),
        (COMMENTS, enter, run(Command::Edit)),
        (COMMENTS, ch('i'), run(Command::Edit)),
    ]);
    assert!(matches!(map(DRAFT, enter), Some(Action::Type(_))));
}

#[test]
fn pane_switching_works_outside_the_editor() {
    let back_tab = ev(KeyCode::BackTab, KeyModifiers::SHIFT);
    for mode in [LETTERS, COMMENTS] {
        assert_maps(&[
            (mode, key(KeyCode::Tab), run(Command::NextPane)),
            (mode, back_tab, run(Command::PrevPane)),
        ]);
    }
    for mode in [LETTERS, COMMENTS, DRAFT] {
        assert_maps(&[
            (mode, ctrl('s'), run(Command::Save)),
            (mode, ctrl('c'), run(Command::ForceQuit)),
        ]);
    }
}

#[test]
fn printable_global_keys_type_in_the_editor() {
    for c in ['q', '?', 'j', 'r', '/', 'n'] {
        assert!(matches!(map(DRAFT, ch(c)), Some(Action::Type(_))), "{c}");
    }
    assert_maps(&[
        (LETTERS, ch('q'), run(Command::Quit)),
        (COMMENTS, ch('?'), run(Command::Help)),
        (DRAFT, key(KeyCode::Esc), run(Command::Leave)),
        (DRAFT, key(KeyCode::F(1)), run(Command::Help)),
    ]);
}

#[test]
fn comment_commands() {
    assert_maps(&[
        (COMMENTS, ch('r'), run(Command::ToggleResolved)),
        (COMMENTS, ch(']'), run(Command::NextOpen)),
        (COMMENTS, ch('['), run(Command::PrevOpen)),
        (COMMENTS, ch('f'), run(Command::Filter)),
        (COMMENTS, ch('/'), run(Command::Search)),
        (COMMENTS, ch('n'), run(Command::SearchNext)),
        (COMMENTS, shift('N'), run(Command::SearchPrev)),
        (LETTERS, ch('r'), None),
    ]);
}

#[test]
fn editor_commands() {
    let ctrl_shift_z = ev(
        KeyCode::Char('Z'),
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    );
    let ctrl_right = ev(KeyCode::Right, KeyModifiers::CONTROL);
    let alt_backspace = ev(KeyCode::Backspace, KeyModifiers::ALT);
    assert_maps(&[
        (DRAFT, ctrl('z'), run(Command::Undo)),
        (DRAFT, ctrl('y'), run(Command::Redo)),
        (DRAFT, ctrl_shift_z, run(Command::Redo)),
        (DRAFT, key(KeyCode::Left), run(Command::Left)),
        (DRAFT, ctrl_right, run(Command::WordRight)),
        (DRAFT, alt_backspace, run(Command::DeleteWord)),
        (DRAFT, ctrl('a'), run(Command::LineStart)),
        (DRAFT, ctrl('e'), run(Command::LineEnd)),
        (DRAFT, ctrl('k'), run(Command::DeleteToLineEnd)),
        // Ctrl-d / Ctrl-u move half a page in the editor as in every pane; deleting to
        // the start of the line is Alt-u.
        (DRAFT, ctrl('u'), run(Command::HalfPageUp)),
        (DRAFT, ctrl('d'), run(Command::HalfPageDown)),
        (DRAFT, alt('u'), run(Command::DeleteToLineStart)),
        (DRAFT, alt('d'), run(Command::DeleteWordForward)),
    ]);
    let backspace = map(DRAFT, key(KeyCode::Backspace));
    assert!(matches!(backspace, Some(Action::Type(_))), "{backspace:?}");
}

#[test]
fn search_prompt_keys() {
    let search = Mode::Search;
    let backspace = key(KeyCode::Backspace);
    assert_maps(&[
        (search, ch('q'), Some(Action::SearchInput('q'))),
        (search, key(KeyCode::Enter), Some(Action::SearchSubmit)),
        (search, key(KeyCode::Esc), Some(Action::SearchCancel)),
        (search, backspace, Some(Action::SearchBackspace)),
        (search, ctrl('c'), run(Command::ForceQuit)),
    ]);
}

#[test]
fn help_keys_scroll_or_close() {
    assert_maps(&[
        (Mode::Help, ch('j'), run(Command::Down)),
        (Mode::Help, ch('x'), run(Command::Help)),
        (Mode::Help, key(KeyCode::Esc), run(Command::Help)),
        (Mode::Help, ctrl('c'), run(Command::ForceQuit)),
    ]);
}

#[test]
fn releases_and_unbound_keys_map_to_nothing() {
    let mut release = ch('j');
    release.kind = KeyEventKind::Release;
    assert_maps(&[
        (LETTERS, release, None),
        (LETTERS, ch('z'), None),
        (DRAFT, key(KeyCode::Insert), None),
    ]);
}

#[test]
fn user_keymap_overrides() {
    let text = "[keymap]\nglobal = [{ on = [\"ctrl-q\"], run = \"quit\", desc = \"quit\" }]\nletters = [{ on = [\"j\"], run = \"open\", desc = \"open\" }]\n";
    let config = user_config(text, true);
    let rows = [
        (LETTERS, ch('j'), run(Command::Open)),
        (DRAFT, ctrl('q'), run(Command::Quit)),
        (COMMENTS, ch('j'), run(Command::Down)),
    ];
    for (mode, key, expected) in rows {
        assert_eq!(
            map_key(&config.keymap, mode, key),
            expected,
            "{key:?} in {mode:?}"
        );
    }
}
