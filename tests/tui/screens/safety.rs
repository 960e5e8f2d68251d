//! What no screen may do: panic at any size, show raw file text, need colour, hide a problem.

use super::*;

#[test]
fn indexing_progress_and_demo_folder_show_in_the_status_bar() {
    let mut s = demo_desk();
    update(&mut s, Action::FilesFound { total: 4 });
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/n.txt".into(),
            listing: Box::new(Ok(Listing::of(&northwind(), Default::default()))),
        },
    );
    let text = screen(&mut s, 180, 45);
    assert_shows(&text, &["indexed 1/4", "demo: /tmp/letterdesk-demo-x1"]);
}

#[test]
fn any_size_draws_without_panicking() {
    let mut states = vec![
        desk(),
        northwind_open(),
        State::new(Config::builtin(true), today(), None),
    ];
    let mut editing = northwind_open();
    update(&mut editing, Action::Run(Command::Edit));
    states.push(editing);
    let mut help = northwind_open();
    update(&mut help, Action::Run(Command::Help));
    states.push(help);
    let mut searching = northwind_open();
    update(&mut searching, Action::Run(Command::Search));
    states.push(searching);
    for s in &mut states {
        for width in [0, 1, 2, 3, 5, 8, 13, 20, 40, 80, 119, 120, 200] {
            for height in [0, 1, 2, 3, 4, 5, 6, 10, 30] {
                screen(s, width, height);
            }
        }
    }
}

#[test]
fn file_text_never_reaches_the_screen_raw() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Last));
    let text = screen(&mut s, 180, 45);
    assert!(text.contains("␛[31mbetween periods⟪RLO⟫"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c))
    );
}

#[test]
fn no_color_uses_only_bold_and_reverse() {
    let mut s = northwind_open();
    s.set_config(Config::builtin(true));
    update(&mut s, Action::Resize(180, 45));
    let buf = buffer(&s, 180, 45);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 0, "selection shown in reverse video");
}

#[test]
fn blocked_drafts_file() {
    let mut s = northwind_open();
    let error =
        "northwind_2024-03-01.responses.toml:12: unresolved git conflict marker".to_string();
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Err(error.into()),
        },
    );
    update(&mut s, Action::Run(Command::Edit));
    update(&mut s, Action::Paste("Kept in memory.".into()));
    insta::assert_snapshot!(screen(&mut s, 120, 14));
}

#[test]
fn config_errors_show_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[colors]\nfocus = \"mauve\"\n").unwrap();
    let (config, error) = Config::load(Some(&path), false);
    let mut s = State::new(config, today(), None);
    s.show_error(error.unwrap());
    let text = screen(&mut s, 180, 10);
    assert!(
        text.contains("config.toml:2: unknown colour `mauve`"),
        "{text}"
    );
}

#[test]
fn help_and_hints_follow_the_user_keymap() {
    let text = "[keymap]\ncomments = [{ on = [\"x\"], run = \"toggle_resolved\", desc = \"settle it\" }]\n";
    let mut s = northwind_open();
    set_user_config(&mut s, text, false);
    let screen_text = screen(&mut s, 180, 45);
    let hints = screen_text.lines().last().unwrap();
    assert!(
        hints.starts_with("x settle it  Enter edit draft"),
        "{hints}"
    );
    update(&mut s, Action::Run(Command::Help));
    let help = screen(&mut s, 120, 60);
    assert_shows(
        &help,
        &[
            "  x                        settle it",
            "  r                        resolve/reopen",
        ],
    );
}

#[test]
fn a_huge_comment_is_wrapped_once_and_drawn_quickly() {
    let mut big = northwind();
    big.comments[0].text = "word ".repeat(400_000);
    let mut s = opened_alone(big);
    let start = std::time::Instant::now();
    for _ in 0..20 {
        buffer(&s, 180, 45);
    }
    assert_quick(start, "frame");
    apply(&mut s, Action::Run(Command::PageDown));
    apply(&mut s, Action::Run(Command::Last));
    let text = screen(&mut s, 180, 45);
    assert!(
        text.contains("5. Please file the supply agreement"),
        "{text}"
    );
}

/// Every row of the screen is exactly `width` columns, and the pane borders of the
/// three-pane layout sit in the same columns on every row.
fn assert_aligned(text: &str, width: usize) {
    let rows: Vec<&str> = text.lines().collect();
    let columns = |row: &str| -> Vec<usize> {
        let mut col = 0;
        let mut found = Vec::new();
        for c in row.chars() {
            if matches!(c, '│' | '┃') {
                found.push(col);
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        found
    };
    let reference = columns(rows[1]);
    for row in &rows {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(*row),
            width,
            "row width: {row}"
        );
    }
    for row in &rows[1..rows.len() - 3] {
        assert_eq!(columns(row), reference, "borders moved: {row}");
    }
}

#[test]
fn wide_and_combining_text_keeps_the_borders_aligned() {
    let wide = letter(
        "/letters/wide.txt",
        "東京精密機械株式会社",
        Some("2024-03-05"),
        "20-F",
        Kind::Comments,
        vec![
            comment(
                "1",
                &["年次報告書", "リスク要因"],
                "当社の主要な供給業者への依存について、開示を改訂してください。 Then Latin text follows.",
            ),
            comment(
                "2",
                &["Résumé of Cafe\u{301}s"],
                "Combining marks: e\u{301}e\u{301}e\u{301} a\u{308}o\u{308}u\u{308} n\u{303}; Hangul 한국어 문장; fullwidth ＡＢＣ１２３.",
            ),
        ],
    );
    let mut s = State::from_letters(vec![wide], today());
    update(&mut s, Action::Run(Command::Open));
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(0),
            generation: 0,
            result: Ok(Some(drafts_of(&[(
                "1",
                Status::Drafted,
                "回答：開示を改訂します。 Cafe\u{301} e\u{301}.",
            )]))),
        },
    );
    let text = screen(&mut s, 130, 20);
    assert_aligned(&text, 130);
    insta::assert_snapshot!(text);
}
