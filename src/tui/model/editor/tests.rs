use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, Key};

use super::*;

fn editor(text: &str) -> Editor {
    Editor::new(text.split('\n').map(str::to_string).collect())
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

/// The screen, the cursor's cell marked with `█` (the cell's own text replaced).
fn screen(e: &mut Editor, width: u16, height: u16) -> Vec<String> {
    e.fit(width, height);
    let e = &*e;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(e, f.area())).unwrap();
    let buf = terminal.backend().buffer();
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
    e.move_cursor(Move::WordForward);
    assert_eq!(e.cursor(), (0, 4));
    e.move_cursor(Move::WordForward);
    assert_eq!(e.cursor(), (0, 7));
    e.move_cursor(Move::End);
    assert!(e.delete_word());
    assert_eq!(e.lines(), ["aaa bbb."]);
    e.move_cursor(Move::WordBack);
    assert_eq!(e.cursor(), (0, 7));
    e.move_cursor(Move::WordBack);
    assert_eq!(e.cursor(), (0, 4));
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
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (0, 12));
    e.move_cursor(Move::Down);
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (1, 2));
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
    e.move_cursor(Move::Up);
    assert_eq!(e.cursor(), (0, 0));
    e.move_cursor(Move::Bottom);
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (1, 4));
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
    e.move_cursor(Move::PageUp);
    assert_eq!(e.cursor(), (26, 7));
    assert_eq!(screen(&mut e, 10, 3), ["line 24", "line 25", "line 26█"]);
    e.move_cursor(Move::Top);
    assert_eq!(screen(&mut e, 10, 3)[0], "█ine 0");
    e.move_cursor(Move::PageDown);
    assert_eq!(e.cursor(), (3, 0));
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
    e.move_cursor(Move::Down);
    assert_eq!(e.cursor(), (0, 3));
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
    e.move_cursor(Move::Forward);
    assert_eq!(e.cursor(), (0, 2));
    e.move_cursor(Move::Back);
    assert_eq!(e.cursor(), (0, 0));
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

/// The selected cells of each screen row, as text (a selected line break is a space).
fn selected(e: &mut Editor, width: u16, height: u16) -> Vec<String> {
    e.fit(width, height);
    let e = &*e;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(e, f.area())).unwrap();
    let buf = terminal.backend().buffer();
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

#[derive(Debug, Clone)]
enum Op {
    Type(char),
    Paste(String),
    Key(Key),
    Move(Move),
    Select(Move),
    SelectAll,
    Cut,
    DeleteWord,
    Outdent,
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    prop_oneof![
        4 => proptest::sample::select(vec!['a', 'b', ' ', '\t', '\u{1b}', '\u{200b}', 'é', '日']).prop_map(Op::Type),
        1 => "[a \\n\\r\\t]{0,8}".prop_map(Op::Paste),
        2 => proptest::sample::select(vec![Key::Enter, Key::Backspace, Key::Delete, Key::Tab]).prop_map(Op::Key),
        2 => proptest::sample::select(vec![Move::Back, Move::Forward, Move::Up, Move::Down, Move::WordBack, Move::Head, Move::End, Move::Top]).prop_map(Op::Move),
        2 => proptest::sample::select(vec![Move::Back, Move::Forward, Move::Up, Move::WordForward, Move::WordBack, Move::Head, Move::End]).prop_map(Op::Select),
        1 => Just(Op::SelectAll),
        1 => Just(Op::Cut),
        1 => Just(Op::DeleteWord),
        1 => Just(Op::Outdent),
    ]
}

proptest::proptest! {
    /// Any edits followed by undo-all give the original text back; redo-all the edited.
    #[test]
    fn undo_all_and_redo_all_return_both_texts(
        start in "[ab \\n\\t]{0,20}",
        ops in proptest::collection::vec(op(), 0..60),
        width in 3u16..20,
    ) {
        let mut e = Editor::open(&start);
        e.set_max_histories(10_000);
        let original = e.lines().to_vec();
        for op in ops {
            match op {
                Op::Type(c) => e.insert_char(c),
                Op::Paste(text) => { e.insert_str(text); }
                Op::Key(k) => { e.input_without_shortcuts(key(k)); }
                Op::Move(m) => e.move_cursor(m),
                Op::Select(m) => e.select(m),
                Op::SelectAll => e.select_all(),
                Op::Cut => { e.cut(); }
                Op::DeleteWord => { e.delete_word(); }
                Op::Outdent => { e.outdent(); }
            }
            screen(&mut e, width, 3);
        }
        let edited = e.lines().to_vec();
        while e.undo() {}
        proptest::prop_assert_eq!(e.lines(), &original[..]);
        while e.redo() {}
        proptest::prop_assert_eq!(e.lines(), &edited[..]);
    }
}

#[test]
fn readline_deletions() {
    let mut e = editor("alpha beta gamma\ndelta");
    for _ in 0..6 {
        e.move_cursor(Move::Forward);
    }
    assert!(e.delete_word_forward());
    assert_eq!(e.lines(), ["alpha gamma", "delta"]);
    assert!(e.delete_to_line_end());
    assert_eq!(
        (e.lines(), e.cursor()),
        (&["alpha ".to_string(), "delta".to_string()][..], (0, 6))
    );
    assert!(e.delete_to_line_end(), "at the end: the line break");
    assert_eq!(e.lines(), ["alpha delta"]);
    assert!(e.delete_to_line_start());
    assert_eq!(
        (e.lines(), e.cursor()),
        (&["delta".to_string()][..], (0, 0))
    );
    assert!(!e.delete_to_line_start());
    e.move_cursor(Move::End);
    assert!(!e.delete_word_forward());
    assert!(e.undo() && e.undo() && e.undo() && e.undo());
    assert_eq!(
        e.lines(),
        ["alpha beta gamma", "delta"],
        "each deletion one step"
    );
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
