//! Properties of editing: arbitrary operations keep the editor's invariants, and the
//! readline deletions.

use super::*;

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
