use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, Key};

use super::*;

mod properties;
mod selection;

fn editor(text: &str) -> Editor {
    Editor::new(text.split('\n').map(str::to_string).collect())
}

/// The cursor after moving it by `m`.
fn moved(e: &mut Editor, m: Move) -> (usize, usize) {
    e.move_cursor(m);
    e.cursor()
}

fn key(key: Key) -> Input {
    Input {
        key,
        ..Input::default()
    }
}

fn typing(e: &mut Editor, text: &str) {
    for c in text.chars() {
        assert!(e.input_without_shortcuts(key(Key::Char(c))));
    }
}

/// The editor fitted to `width` × `height` and drawn.
fn rendered(e: &mut Editor, width: u16, height: u16) -> ratatui::buffer::Buffer {
    e.fit(width, height);
    let e = &*e;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(e, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen, the cursor's cell marked with `█` (the cell's own text replaced).
fn screen(e: &mut Editor, width: u16, height: u16) -> Vec<String> {
    let buf = rendered(e, width, height);
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..width {
                let cell = &buf[(x, y)];
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if cell.modifier.contains(Modifier::REVERSED) {
                    row.push('█');
                } else {
                    row.push_str(cell.symbol());
                }
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            row.trim_end().to_string()
        })
        .collect()
}

/// The selected cells of each screen row, as text (a selected line break is a space).
fn selected(e: &mut Editor, width: u16, height: u16) -> Vec<String> {
    let buf = rendered(e, width, height);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| &buf[(x, y)])
                .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
                .map(|cell| cell.symbol())
                .collect()
        })
        .collect()
}

fn focused(text: &str) -> Editor {
    let mut e = editor(text);
    e.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    e
}

#[test]
fn typing_enter_backspace_delete() {
    let mut e = editor("");
    typing(&mut e, "ab");
    e.input_without_shortcuts(key(Key::Enter));
    typing(&mut e, "cd");
    assert_eq!(e.lines(), ["ab", "cd"]);
    e.move_cursor(Move::Head);
    assert!(e.input_without_shortcuts(key(Key::Backspace)));
    assert_eq!((e.lines(), e.cursor()), (&["abcd".to_string()][..], (0, 2)));
    assert!(e.input_without_shortcuts(key(Key::Delete)));
    assert_eq!(e.lines(), ["abd"]);
    e.move_cursor(Move::End);
    assert!(!e.input_without_shortcuts(key(Key::Delete)));
    e.move_cursor(Move::Top);
    assert!(!e.input_without_shortcuts(key(Key::Backspace)));
    assert!(!e.input_without_shortcuts(Input {
        key: Key::Char('z'),
        ctrl: true,
        ..Input::default()
    }));
}

#[test]
fn undo_and_redo_step_by_edit() {
    let mut e = editor("x");
    e.move_cursor(Move::End);
    typing(&mut e, "ab");
    e.insert_str("1\n2\r\n3");
    assert_eq!(e.lines(), ["xab1", "2", "3"]);
    assert_eq!(e.cursor(), (2, 1));
    assert!(e.undo());
    assert_eq!((e.lines(), e.cursor()), (&["xab".to_string()][..], (0, 3)));
    assert!(e.undo(), "the typed word is one step");
    assert_eq!(e.lines(), ["x"]);
    assert!(!e.undo());
    assert!(e.redo());
    assert_eq!(e.lines(), ["xab"]);
    typing(&mut e, "!");
    assert!(!e.redo(), "an edit drops what was undone");
    e.set_max_histories(1);
    assert!(e.undo());
    assert!(!e.undo());
}

#[test]
fn typing_is_undone_a_word_at_a_time() {
    let mut e = editor("");
    typing(&mut e, "The Company respectfully advises the Staff");
    assert!(e.undo());
    assert_eq!(e.lines(), ["The Company respectfully advises the "]);
    assert!(e.undo());
    assert_eq!(e.lines(), ["The Company respectfully advises "]);
    assert!(e.redo());
    assert!(e.redo());
    assert_eq!(e.lines(), ["The Company respectfully advises the Staff"]);
    // Each deletion is a step of its own; typing after a move starts a new step.
    e.input_without_shortcuts(key(Key::Backspace));
    e.input_without_shortcuts(key(Key::Backspace));
    assert!(e.undo());
    assert_eq!(e.lines(), ["The Company respectfully advises the Staf"]);
    e.move_cursor(Move::Head);
    typing(&mut e, "So");
    e.move_cursor(Move::End);
    typing(&mut e, "f");
    assert!(e.undo());
    assert_eq!(e.lines(), ["SoThe Company respectfully advises the Staf"]);
    assert!(e.undo());
    assert_eq!(e.lines(), ["The Company respectfully advises the Staf"]);
}

#[test]
fn a_paste_is_one_step() {
    let mut e = editor("a");
    e.move_cursor(Move::End);
    e.insert_str(" pasted words\nand a line");
    typing(&mut e, "!");
    assert!(e.undo());
    assert!(e.undo());
    assert_eq!(e.lines(), ["a"]);
}

#[test]
fn words_as_textarea_finds_them() {
    let mut e = editor("aaa bbb.ccc");
    assert_eq!(moved(&mut e, Move::WordForward), (0, 4));
    assert_eq!(moved(&mut e, Move::WordForward), (0, 7));
    e.move_cursor(Move::End);
    assert!(e.delete_word());
    assert_eq!(e.lines(), ["aaa bbb."]);
    assert_eq!(moved(&mut e, Move::WordBack), (0, 7));
    assert_eq!(moved(&mut e, Move::WordBack), (0, 4));
}

#[test]
fn cursor_moves_over_wrapped_rows() {
    let mut e = focused("the quick brown fox jumps\nover");
    e.move_cursor(Move::Forward);
    e.move_cursor(Move::Forward);
    assert_eq!(
        screen(&mut e, 10, 4),
        ["th█ quick", "brown fox", "jumps", "over"]
    );
    assert_eq!(moved(&mut e, Move::Down), (0, 12));
    e.move_cursor(Move::Down);
    assert_eq!(moved(&mut e, Move::Down), (1, 2));
    assert_eq!(
        screen(&mut e, 10, 4),
        ["the quick", "brown fox", "jumps", "ov█r"]
    );
    e.move_cursor(Move::Up);
    e.move_cursor(Move::Up);
    assert_eq!(e.cursor(), (0, 12), "back to the column it started from");
    e.move_cursor(Move::End);
    e.move_cursor(Move::Up);
    assert_eq!(e.cursor(), (0, 15), "in the row above");
    e.move_cursor(Move::Top);
    assert_eq!(moved(&mut e, Move::Up), (0, 0));
    e.move_cursor(Move::Bottom);
    assert_eq!(moved(&mut e, Move::Down), (1, 4));
    let mut e = focused("aaaa bbbbbbbbb");
    screen(&mut e, 10, 2);
    e.move_cursor(Move::End);
    e.move_cursor(Move::Up);
    assert_eq!(screen(&mut e, 10, 2), ["aaaa█", "bbbbbbbbb"]);
    assert_eq!(e.cursor(), (0, 4), "a row's end is its last char");
}

#[test]
fn the_view_follows_the_cursor_and_pages() {
    let text: Vec<String> = (0..30).map(|i| format!("line {i}")).collect();
    let mut e = focused(&text.join("\n"));
    e.move_cursor(Move::Bottom);
    assert_eq!(screen(&mut e, 10, 3), ["line 27", "line 28", "line 29█"]);
    assert_eq!(moved(&mut e, Move::PageUp), (26, 7));
    assert_eq!(screen(&mut e, 10, 3), ["line 24", "line 25", "line 26█"]);
    e.move_cursor(Move::Top);
    assert_eq!(screen(&mut e, 10, 3)[0], "█ine 0");
    assert_eq!(moved(&mut e, Move::PageDown), (3, 0));
    assert_eq!(screen(&mut e, 10, 3), ["█ine 3", "line 4", "line 5"]);
}

#[test]
fn wide_characters_and_long_words() {
    let mut e = focused("日本語の文章 abcdefghijkl");
    assert_eq!(
        screen(&mut e, 6, 5),
        ["█本語", "の文", "章", "abcdef", "ghijkl"],
        "no row starts with the space"
    );
    assert_eq!(moved(&mut e, Move::Down), (0, 3));
    e.move_cursor(Move::Forward);
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (0, 6), "the space after 章, on its row");
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (0, 9), "column 2, where it started");
    // A full last row: the cursor at the end gets a row of its own.
    e.move_cursor(Move::End);
    assert_eq!(
        screen(&mut e, 6, 5),
        ["の文", "章", "abcdef", "ghijkl", "█"]
    );
}

#[test]
fn combining_marks_are_stepped_over() {
    let mut e = editor("e\u{301}x");
    assert_eq!(moved(&mut e, Move::Forward), (0, 2));
    assert_eq!(moved(&mut e, Move::Back), (0, 0));
}

#[test]
fn the_placeholder_shows_when_empty() {
    let mut e = focused("");
    e.set_placeholder_text("Type here");
    assert_eq!(screen(&mut e, 12, 2), ["█Type here", ""]);
    typing(&mut e, "a");
    assert_eq!(screen(&mut e, 12, 2), ["a█", ""]);
}

#[test]
fn only_the_edited_lines_are_wrapped_again() {
    let mut e = focused("one two three\nfour five");
    screen(&mut e, 8, 6);
    e.move_cursor(Move::End);
    typing(&mut e, " seven");
    {
        let layout = &e.layout;
        assert!(
            layout.rows(0).is_empty(),
            "the edited line waits for a frame"
        );
        assert_eq!(layout.rows(1).len(), 2, "the other keeps its rows");
    }
    assert_eq!(
        screen(&mut e, 8, 6),
        ["one two ", "three ", "seven█", "four ", "five", ""].map(str::trim_end)
    );
}

#[test]
fn wrapped_rows_start_with_their_first_word() {
    let mut e = focused("the quick brown fox");
    assert_eq!(
        screen(&mut e, 9, 3),
        ["█he ", "quick ", "brown fox"].map(str::trim_end)
    );
    // The cursor still stops on every character, the spaces at the ends of rows too.
    let mut seen = vec![e.cursor()];
    for _ in 0..19 {
        e.move_cursor(Move::Forward);
        seen.push(e.cursor());
    }
    assert_eq!(seen, (0..=19).map(|c| (0, c)).collect::<Vec<_>>());
    e.move_cursor(Move::Top);
    for _ in 0..9 {
        e.move_cursor(Move::Forward);
    }
    assert_eq!(e.cursor(), (0, 9));
    assert_eq!(screen(&mut e, 9, 3), ["the", "quick█", "brown fox"]);
}

#[test]
fn invisible_and_control_characters_are_drawn_as_placeholders() {
    let text = "a\u{1b}b\tc\u{202e}d\u{200b}e\rf";
    let mut e = focused(text);
    e.move_cursor(Move::End);
    assert_eq!(screen(&mut e, 30, 1), ["a␛b c⟪RLO⟫d⟪ZWSP⟫e␍f█"]);
    assert_eq!(e.lines(), [text], "the text itself is untouched");
    // Every character is a cursor stop, at the column where it is drawn.
    e.move_cursor(Move::Head);
    for _ in 0..5 {
        e.move_cursor(Move::Forward);
    }
    assert_eq!(e.cursor(), (0, 5));
    assert_eq!(screen(&mut e, 30, 1), ["a␛b c█RLO⟫d⟪ZWSP⟫e␍f"]);
    typing(&mut e, "\u{200b}");
    assert_eq!(screen(&mut e, 30, 1), ["a␛b c⟪ZWSP⟫█RLO⟫d⟪ZWSP⟫e␍f"]);
}

#[test]
fn counts_words_and_characters() {
    assert_eq!(editor("").counts(), (0, 0));
    assert_eq!(editor("The Company  advises\nthe Staff.").counts(), (5, 31));
}

#[test]
fn misspelled_words_are_underlined_where_they_are_drawn() {
    let dictionary = spellbook::Dictionary::new("SET UTF-8\n", "3\nthe\nStaff\nadvises\n").unwrap();
    let spelling = Spelling::new(SpellDictionary(std::sync::Arc::new(dictionary)), []);
    let mut e = editor("the Staff advsies the Staf");
    e.select(Move::End);
    let mut terminal = Terminal::new(TestBackend::new(12, 3)).unwrap();
    terminal
        .draw(|f| f.render_widget(e.spelled(&spelling, None), f.area()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let underlined: Vec<String> = (0..3)
        .map(|y| {
            (0..12)
                .map(|x| &buf[(x, y)])
                .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
                .map(|c| c.symbol())
                .collect()
        })
        .collect();
    // Rows "the Staff ", "advsies the ", "Staf": the word at the cursor is being typed
    // (the cursor's cell is underlined as the end of the selection).
    assert_eq!(underlined, ["", "advsies", " "]);
    assert_eq!(
        selected(&mut e, 12, 3),
        ["the Staff ", "advsies the ", "Staf"]
    );
}
