//! The draft editor through keys and `update`, without a terminal: selection, the
//! clipboard (register and OSC 52 effect), copying from the Comments pane.

use std::path::Path;

use crate::support::{ev, press, response_of, run_all, typing};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyModifiers};
use letterdesk::letter::{Comment, Kind, Letter};
use letterdesk::tui::{Action, Command, Config, Effect, Pane, State, update};

fn letter() -> Letter {
    let comment = |number: &str, text: &str| Comment {
        number: number.into(),
        headings: vec!["Liquidity".into()],
        text: text.into(),
        pages: vec![],
    };
    Letter {
        file: "/letters/quillfeather.txt".into(),
        kind: Kind::Comments,
        company: Some("Quillfeather Loom Company".into()),
        comments: vec![
            comment(
                "1",
                "Please expand the discussion of Quillfeather's liquidity.",
            ),
            comment("2", "Tell us about the loom leases."),
        ],
        ..Letter::default()
    }
}

/// The letter open, comment 1's draft in the editor, under `config`.
fn editing(config: Config) -> State {
    let mut s = State::from_letters(
        vec![letter()],
        NaiveDate::from_ymd_opt(2024, 3, 20).unwrap(),
    );
    s.set_config(config);
    update(&mut s, Action::Resize(160, 40));
    run_all(&mut s, &[Command::Open, Command::Edit]);
    assert_eq!(s.focus(), Pane::Draft);
    s
}

const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL_SHIFT: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::SHIFT);

fn clipboard(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Clipboard(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn shift_keys_select_and_typing_replaces_the_selection() {
    let mut s = editing(Config::builtin(true));
    typing(&mut s, "The Company advises the Staff");
    press(&mut s, ev(KeyCode::Left, CTRL_SHIFT));
    typing(&mut s, "SEC");
    assert_eq!(s.editor_text(), "The Company advises the SEC");
    press(&mut s, ev(KeyCode::Home, SHIFT));
    press(&mut s, ev(KeyCode::Backspace, KeyModifiers::NONE));
    assert_eq!(s.editor_text(), "");
    press(&mut s, ev(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(s.editor_text(), "The Company advises the SEC");
    press(&mut s, ev(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(
        s.editor_text(),
        "The Company advises the Staff",
        "the replaced selection comes back in one step"
    );
    assert_eq!(response_of(&s, "1"), "The Company advises the Staff");
}

#[test]
fn cut_copy_and_paste_go_through_the_register_and_the_clipboard() {
    let mut s = editing(Config::builtin(true));
    typing(&mut s, "The Company advises the Staff");
    press(&mut s, ev(KeyCode::Left, CTRL_SHIFT));
    press(&mut s, ev(KeyCode::Left, CTRL_SHIFT));
    let fx = press(&mut s, ev(KeyCode::Char('x'), KeyModifiers::CONTROL));
    assert_eq!(clipboard(&fx), ["the Staff"]);
    assert_eq!(s.editor_text(), "The Company advises ");
    assert_eq!(response_of(&s, "1"), "The Company advises ");
    press(&mut s, ev(KeyCode::Home, KeyModifiers::NONE));
    press(&mut s, ev(KeyCode::Char('v'), KeyModifiers::CONTROL));
    assert_eq!(s.editor_text(), "the StaffThe Company advises ");
    press(&mut s, ev(KeyCode::Char('a'), KeyModifiers::ALT));
    let fx = press(&mut s, ev(KeyCode::Char('c'), KeyModifiers::ALT));
    assert_eq!(clipboard(&fx), ["the StaffThe Company advises "]);
    assert_eq!(s.editor_text(), "the StaffThe Company advises ");
    // Ctrl-c keeps its meaning: save and quit.
    press(&mut s, ev(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(s.should_quit());
}

#[test]
fn osc52_can_be_turned_off() {
    let config =
        Config::with_user("[clipboard]\nosc52 = false\n", Path::new("c.toml"), true).unwrap();
    let mut s = editing(config);
    typing(&mut s, "Our answer.");
    press(&mut s, ev(KeyCode::Char('a'), KeyModifiers::ALT));
    let fx = press(&mut s, ev(KeyCode::Char('x'), KeyModifiers::CONTROL));
    assert!(clipboard(&fx).is_empty());
    press(&mut s, ev(KeyCode::Char('v'), KeyModifiers::CONTROL));
    press(&mut s, ev(KeyCode::Char('v'), KeyModifiers::CONTROL));
    assert_eq!(
        s.editor_text(),
        "Our answer.Our answer.",
        "the register still works"
    );
}

#[test]
fn the_comments_pane_copies_the_comment_or_its_response() {
    let mut s = editing(Config::builtin(true));
    typing(&mut s, "Our answer.");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Comments);
    let fx = press(&mut s, ev(KeyCode::Char('Y'), SHIFT));
    assert_eq!(clipboard(&fx), ["Our answer."]);
    let fx = press(&mut s, ev(KeyCode::Char('y'), KeyModifiers::NONE));
    assert_eq!(
        clipboard(&fx),
        ["Please expand the discussion of Quillfeather's liquidity."]
    );
    press(&mut s, ev(KeyCode::Char('j'), KeyModifiers::NONE));
    let fx = press(&mut s, ev(KeyCode::Char('Y'), SHIFT));
    assert!(clipboard(&fx).is_empty(), "comment 2 has no response");
    assert!(s.message().unwrap().contains("no response"));
}

#[test]
fn e_hands_the_draft_to_the_users_editor_and_takes_it_back_as_one_step() {
    let mut s = editing(Config::builtin(true));
    typing(&mut s, "Draft.");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    let fx = press(&mut s, ev(KeyCode::Char('e'), KeyModifiers::NONE));
    let (letter, number) = fx
        .iter()
        .find_map(|e| match e {
            Effect::EditOutside {
                letter,
                number,
                text,
            } if text == "Draft." => Some((*letter, number.clone())),
            _ => None,
        })
        .expect("the draft goes to the editor");
    let back = |result| Action::EditedOutside {
        letter,
        number: number.clone(),
        result,
    };
    update(&mut s, back(Ok(None)));
    assert!(s.message().unwrap().contains("unchanged"));
    update(
        &mut s,
        back(Err("the editor `ed` ended with exit status: 1".into())),
    );
    assert_eq!(s.editor_text(), "Draft.");
    update(
        &mut s,
        back(Ok(Some("Draft.\nA line from the editor.".into()))),
    );
    assert_eq!(response_of(&s, "1"), "Draft.\nA line from the editor.");
    assert_eq!(s.focus(), Pane::Comments);
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    press(&mut s, ev(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(
        s.editor_text(),
        "Draft.",
        "the editor's change is one undo step"
    );
}
