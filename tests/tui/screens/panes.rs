//! Whole screens of the panes at several sizes: wide, narrow, tiny, empty, filtered.

use super::*;

#[test]
fn wide_letters() {
    let mut s = desk();
    insta::assert_snapshot!(screen(&mut s, 180, 45));
}

#[test]
fn wide_editing_a_draft() {
    let mut s = northwind_open();
    run_all(&mut s, &[Command::Down, Command::Edit]);
    for c in " Trend data attached.".chars() {
        update(
            &mut s,
            Action::Type(ratatui_textarea::Input {
                key: ratatui_textarea::Key::Char(c),
                ..Default::default()
            }),
        );
    }
    insta::assert_snapshot!(screen(&mut s, 180, 45));
}

#[test]
fn narrow_comments() {
    let mut s = northwind_open();
    update(&mut s, Action::Resize(100, 30));
    run_all(&mut s, &[Command::Down, Command::Down]);
    insta::assert_snapshot!(screen(&mut s, 100, 30));
}

#[test]
fn narrow_letters() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::PrevPane));
    insta::assert_snapshot!(screen(&mut s, 100, 30));
}

#[test]
fn help_overlay() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Help));
    insta::assert_snapshot!(screen(&mut s, 120, 48));
}

#[test]
fn export_prompt() {
    let mut s = northwind_open();
    run_all(&mut s, &[Command::Export, Command::Down]);
    insta::assert_snapshot!(screen(&mut s, 100, 30));
}

#[test]
fn empty_folder() {
    let mut s = demo_desk();
    update(&mut s, Action::FilesFound { total: 0 });
    update(&mut s, Action::IndexFinished);
    insta::assert_snapshot!(screen(&mut s, 100, 30));
}

#[test]
fn letter_without_comments() {
    let mut s = desk();
    for _ in 0..2 {
        update(&mut s, Action::Run(Command::Down));
    }
    update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.open_letter().unwrap().kind, Kind::Completion);
    insta::assert_snapshot!(screen(&mut s, 180, 45));
}

#[test]
fn filtered_and_searched() {
    let mut s = northwind_open();
    run_all(&mut s, &[Command::Filter, Command::Search]);
    for c in "kettle".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchSubmit);
    insta::assert_snapshot!(screen(&mut s, 180, 45));
}

#[test]
fn tiny() {
    let mut s = northwind_open();
    insta::assert_snapshot!(screen(&mut s, 20, 6));
}
