//! Selecting: Shift moves, edits that replace the selection, and how it is drawn.

use super::*;

#[test]
fn shift_moves_select_from_where_the_cursor_was() {
    let mut e = editor("alpha beta\ngamma");
    e.move_cursor(Move::WordForward);
    e.select(Move::Forward);
    e.select(Move::Forward);
    assert_eq!(e.selected_text().as_deref(), Some("be"));
    e.select(Move::Back);
    e.select(Move::Back);
    e.select(Move::Back);
    assert_eq!(
        e.selected_text().as_deref(),
        Some(" "),
        "back past the anchor"
    );
    e.select(Move::WordForward);
    e.select(Move::WordForward);
    assert_eq!(e.selected_text().as_deref(), Some("beta\n"));
    e.select(Move::End);
    assert_eq!(e.selected_text().as_deref(), Some("beta\ngamma"));
    e.select(Move::Head);
    assert_eq!(e.selected_text().as_deref(), Some("beta\n"));
    e.move_cursor(Move::End);
    assert_eq!(e.selection(), None, "a plain move ends the selection");
    e.select(Move::WordBack);
    assert_eq!(e.selected_text().as_deref(), Some("gamma"));
    e.select_all();
    assert_eq!(e.selected_text().as_deref(), Some("alpha beta\ngamma"));
    let mut e = editor("a\n\nb");
    e.select(Move::Down);
    e.select(Move::Down);
    assert_eq!(e.selected_text().as_deref(), Some("a\n\n"));
}

#[test]
fn typing_pasting_and_deleting_replace_the_selection_in_one_step() {
    let mut e = editor("The Company advises the Staff");
    e.move_cursor(Move::End);
    e.select(Move::WordBack);
    typing(&mut e, "SEC");
    assert_eq!(e.lines(), ["The Company advises the SEC"]);
    assert!(e.undo(), "the selection's text comes back in one step");
    assert_eq!(e.lines(), ["The Company advises the Staff"]);
    assert!(e.redo());
    assert_eq!(e.lines(), ["The Company advises the SEC"]);
    e.select_all();
    e.insert_str("One\nTwo");
    assert_eq!(e.lines(), ["One", "Two"]);
    assert_eq!(e.cursor(), (1, 3));
    e.move_cursor(Move::Top);
    e.move_cursor(Move::Forward);
    e.select(Move::Down);
    for delete in [
        Editor::delete_char as fn(&mut Editor) -> bool,
        Editor::delete_next_char,
        Editor::delete_word,
        Editor::delete_to_line_end,
        Editor::delete_to_line_start,
        Editor::delete_word_forward,
    ] {
        let mut e = e.clone();
        assert!(delete(&mut e));
        assert_eq!(e.lines(), ["Owo"], "only the selection goes");
    }
    let mut e = e.clone();
    assert_eq!(e.cut().as_deref(), Some("ne\nT"));
    assert_eq!(e.lines(), ["Owo"]);
    assert_eq!(e.cut(), None);
    assert!(e.undo());
    assert_eq!(e.lines(), ["One", "Two"]);
}

#[test]
fn the_selection_is_drawn_in_reverse_video() {
    let mut e = editor("the quick brown fox\n\nend");
    selected(&mut e, 10, 4);
    e.move_cursor(Move::WordForward);
    e.select(Move::Down);
    e.select(Move::Down);
    // Wrapped at 10: "the quick " / "brown fox" / "" / "end".
    assert_eq!(
        selected(&mut e, 10, 4),
        ["quick ", "brown fox ", "", ""],
        "a selected line break shows as a cell after the line"
    );
    e.select(Move::Down);
    assert_eq!(
        selected(&mut e, 10, 4),
        ["quick ", "brown fox ", " ", "end"]
    );
    e.move_cursor(Move::Top);
    assert_eq!(selected(&mut e, 10, 4), ["", "", "", ""]);
    let mut e = focused("ab\tc");
    e.select(Move::Forward);
    e.select(Move::Forward);
    e.select(Move::Forward);
    assert_eq!(
        selected(&mut e, 10, 1),
        ["ab  "],
        "a tab selected over its columns"
    );
}
