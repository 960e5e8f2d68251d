//! The Draft pane's keys and mouse: Ctrl-d / Ctrl-u move the editor's cursor by half
//! the rows shown, as in every other pane; a click puts the cursor on the character
//! under the pointer (wrapped rows, wide characters and the scroll accounted for).

use crate::support::{lines, response_of};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::*;

/// Kittiwake open at `width` × `height`, its first comment's draft in the editor
/// holding `text`, the cursor at its end.
fn editing(text: &str, width: u16, height: u16) -> State {
    let mut s = kittiwake();
    update(&mut s, Action::Resize(width, height));
    typed(&mut s, "\n");
    assert_eq!(s.focus(), Pane::Draft);
    update(&mut s, Action::Paste(text.into()));
    s
}

/// "row 1", "row 2", … on `count` lines.
fn numbered(count: usize) -> String {
    lines(count, |n| format!("row {n}"))
}

#[test]
fn ctrl_d_and_ctrl_u_move_the_cursor_half_the_rows_shown() {
    // 40 rows: 38 above the status bar, 36 inside the Draft pane's border.
    let mut s = editing(&numbered(80), 160, 40);
    key(&mut s, KeyCode::Home, KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    typed(&mut s, "X");
    assert!(response_of(&s, "1").contains("\nXrow 19\n"), "18 rows down");
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Home, KeyModifiers::NONE);
    typed(&mut s, "Y");
    assert!(response_of(&s, "1").contains("\nYrow 37\n"), "18 more");
    let shown = screen(&mut s, 160, 40);
    assert!(
        !shown.contains("row 1 ") && shown.contains("Yrow 37"),
        "the view scrolled with the cursor\n{shown}"
    );
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    key(&mut s, KeyCode::Home, KeyModifiers::NONE);
    typed(&mut s, "Z");
    assert!(
        response_of(&s, "1").starts_with("Zrow 1\n"),
        "back to the top"
    );
    assert_eq!(
        response_of(&s, "1").lines().count(),
        80,
        "Ctrl-u deletes nothing in the editor"
    );
    key(&mut s, KeyCode::End, KeyModifiers::NONE);
    key(&mut s, KeyCode::Char('u'), KeyModifiers::ALT);
    assert!(
        response_of(&s, "1").starts_with("\nrow 2\n"),
        "Alt-u deletes to the line's start"
    );
}

fn click(s: &mut State, column: u16, row: u16) {
    update(
        s,
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

/// The cell where `needle` is drawn first (its column and row), at `width` × `height`.
fn cell_of(s: &mut State, needle: &str, width: u16, height: u16) -> (u16, u16) {
    update(s, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(frame, s)).unwrap();
    let buffer = terminal.backend().buffer();
    for y in 0..height {
        // The row's text, and the column each of its bytes was drawn in.
        let (mut text, mut columns) = (String::new(), Vec::new());
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            columns.extend(std::iter::repeat_n(x, symbol.len()));
            text.push_str(symbol);
        }
        if let Some(at) = text.find(needle) {
            return (columns[at], y);
        }
    }
    panic!("{needle} is not on the screen");
}

/// Clicks `dx` columns right of the first cell showing `needle` at 160 × 30 and types
/// `key`: comment 1's response after.
fn click_and_type<'a>(s: &'a mut State, needle: &str, dx: u16, key: &str) -> &'a str {
    let (x, y) = cell_of(s, needle, 160, 30);
    click(s, x + dx, y);
    typed(s, key);
    response_of(s, "1")
}

#[test]
fn a_click_in_the_draft_puts_the_cursor_on_the_character_under_it() {
    // Sixty rows (the view scrolled to the end), one line wrapped over several rows
    // with wide characters before the words clicked.
    let long = format!(
        "{} 漢字の説明 wide 鷗 then MARK here",
        "padding words to wrap the line ".repeat(6)
    );
    let text = format!("{}\n{long}\n{}", numbered(50), "tail line\n".repeat(8));
    let mut s = editing(&text, 160, 30);
    let shown = screen(&mut s, 160, 30);
    assert!(
        !shown.contains("row 30 ") && shown.contains("row 48 "),
        "scrolled: the first rows are hidden\n{shown}"
    );
    let after = click_and_type(&mut s, "MARK", 0, "X");
    assert!(after.contains(" then XMARK here"), "on the M");
    // The right half of a wide character: the cursor goes before it.
    let after = click_and_type(&mut s, "鷗", 1, "Y");
    assert!(after.contains(" wide Y鷗 "), "{after}");
    // Past the end of a line: its end.
    let after = click_and_type(&mut s, "row 48", 30, "Z");
    assert!(after.contains("\nrow 48Z\n"));
}

#[test]
fn a_click_in_the_draft_from_the_comments_pane_edits_it_there() {
    let mut s = editing("first words\nsecond line", 160, 30);
    typed(&mut s, "\x1b");
    assert_eq!(s.focus(), Pane::Comments);
    let (x, y) = cell_of(&mut s, "second", 160, 30);
    click(&mut s, x + 3, y);
    assert_eq!(s.focus(), Pane::Draft);
    typed(&mut s, "_");
    assert_eq!(response_of(&s, "1"), "first words\nsec_ond line");
}

#[test]
fn a_click_lands_on_the_character_under_it_above_the_answer_filed() {
    // The first letter of the synthetic review: its response's answer to comment 1
    // shows under the draft, which takes the pane's upper part.
    let filed = super::answered::review("no file is named so");
    let mut s = super::answered::workspace(&filed);
    update(
        &mut s,
        Action::ReviewsBuilt(std::sync::Arc::new(letterdesk::review::build(filed))),
    );
    typed(&mut s, ":sort date\nG\n\n");
    assert_eq!(s.focus(), Pane::Draft);
    update(&mut s, Action::Paste(numbered(40)));
    let shown = screen(&mut s, 160, 30);
    assert!(shown.contains("Answer filed in the response"), "{shown}");
    assert!(!shown.contains("row 12 "), "scrolled\n{shown}");
    let after = click_and_type(&mut s, "row 30", 2, "X");
    assert!(after.contains("\nroXw 30\n"), "{after}");
}
