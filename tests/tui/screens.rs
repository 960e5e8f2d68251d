//! Whole screens drawn on a `TestBackend`, checked with insta snapshots (tests/snapshots/).
//! The letters are built in code (fictional companies), so these do not depend on the parser.

use crate::support::{buffer, comment, letter, screen};
use chrono::NaiveDate;
use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::letter::{Kind, Letter};
use letterdesk::tui::{Action, Command, Config, LetterId, Listing, State, update};
use ratatui::style::{Color, Modifier};

const FORM: &str = "Form 10-K for the Fiscal Year Ended December 31, 2023";
const MDA: &str = "Management's Discussion and Analysis";

fn northwind() -> Letter {
    let mut l = letter(
        "/letters/northwind_2024-03-01.txt",
        "Northwind Kettle Works, Inc.",
        Some("2024-03-01"),
        "10-K",
        Kind::Comments,
        vec![
            comment(
                "1",
                &[FORM, "Risk Factors"],
                "We note your disclosure that a single supplier provides most of your heating elements. \
                 Please revise to quantify the portion of components purchased from this supplier.",
            ),
            comment(
                "2",
                &[FORM, MDA],
                "Please tell us how you estimated inventory reserves for discontinued kettle models.\n\n\
                 In your response, describe the assumptions that changed during the year.",
            ),
            comment(
                "3",
                &[FORM, MDA],
                "Explain the change in gross margin \u{1b}[31mbetween periods\u{202e} and the effect of \
                 freight costs.\n(a) Quantify each factor.\n(b) Discuss known trends.",
            ),
            comment(
                "4",
                &[FORM, "Financial Statements", "Note 7 – Revenue"],
                "Tell us how you account for extended warranties sold with kettles.",
            ),
            comment(
                "5",
                &[FORM, "Exhibits"],
                "Please file the supply agreement as an exhibit.",
            ),
        ],
    );
    l.response_due = Some("2024-03-15".into());
    l
}

fn letters() -> Vec<Letter> {
    let mut bramblewood = letter(
        "/letters/bramblewood_2023-11-20.txt",
        "Bramblewood Foods Corp.",
        Some("2023-11-20"),
        "20-F",
        Kind::Comments,
        vec![
            comment(
                "1",
                &["General"],
                "Please update your financial statements.",
            ),
            comment("2", &[], "Revise the cover page."),
        ],
    );
    bramblewood.response_due = Some("2024-04-02".into());
    vec![
        bramblewood,
        northwind(),
        letter(
            "/letters/northwind_response.txt",
            "Northwind Kettle Works, Inc.",
            Some("2024-03-12"),
            "10-K",
            Kind::Response,
            vec![],
        ),
        letter(
            "/letters/harbor_2024-02-10.txt",
            "Harbor Lantern Co.",
            Some("2024-02-10"),
            "S-1",
            Kind::Completion,
            vec![],
        ),
        letter(
            "/letters/quillfeather.txt",
            "Quillfeather Analytics Ltd.",
            Some("2023-09-05"),
            "S-3",
            Kind::NoReview,
            vec![],
        ),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 20).unwrap()
}

/// All letters plus an unreadable file, Letters pane focused.
fn desk() -> State {
    let mut s = State::from_letters(letters(), today());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/scan-0042.txt".into(),
            listing: Box::new(Err(
                "/letters/scan-0042.txt: not a letter (binary content)".into()
            )),
        },
    );
    s
}

/// Northwind open with drafts: 1 resolved, 2 drafted.
fn northwind_open() -> State {
    let mut s = desk();
    update(&mut s, Action::Run(Command::Down));
    update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.open_letter().unwrap().kind, Kind::Comments);
    let drafts = Drafts {
        comments: vec![
            CommentDraft {
                number: "1".into(),
                status: Status::Resolved,
                response: "We have revised the risk factor.".into(),
                marks: Default::default(),
                owner: None,
            },
            CommentDraft {
                number: "2".into(),
                status: Status::Drafted,
                response: "Reserves are estimated from sell-through by model.\nWe will expand the disclosure.".into(),
                marks: Default::default(),
                owner: None,
            },
        ],
    };
    let id = LetterId(1);
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: id,
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    s
}

/// Update, running layout work (large letters are laid out off the UI thread) at once.
fn apply(s: &mut State, action: Action) {
    for effect in update(s, action) {
        if let Some(action) = letterdesk::tui::lay_out(effect) {
            apply(s, action);
        }
    }
}

#[test]
fn wide_letters() {
    let mut s = desk();
    insta::assert_snapshot!(screen(&mut s, 180, 45));
}

#[test]
fn wide_editing_a_draft() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Down));
    update(&mut s, Action::Run(Command::Edit));
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
    update(&mut s, Action::Run(Command::Down));
    update(&mut s, Action::Run(Command::Down));
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
    update(&mut s, Action::Run(Command::Export));
    update(&mut s, Action::Run(Command::Down));
    insta::assert_snapshot!(screen(&mut s, 100, 30));
}

#[test]
fn empty_folder() {
    let mut s = State::new(
        Config::builtin(false),
        today(),
        Some("/tmp/letterdesk-demo-x1".into()),
    );
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
    update(&mut s, Action::Run(Command::Filter));
    update(&mut s, Action::Run(Command::Search));
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

#[test]
fn indexing_progress_and_demo_folder_show_in_the_status_bar() {
    let mut s = State::new(
        Config::builtin(false),
        today(),
        Some("/tmp/letterdesk-demo-x1".into()),
    );
    update(&mut s, Action::FilesFound { total: 4 });
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/n.txt".into(),
            listing: Box::new(Ok(Listing::of(&northwind(), Default::default()))),
        },
    );
    let text = screen(&mut s, 180, 45);
    assert!(text.contains("indexed 1/4"), "{text}");
    assert!(text.contains("demo: /tmp/letterdesk-demo-x1"), "{text}");
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
    let config = Config::with_user(text, std::path::Path::new("c.toml"), false).unwrap();
    let mut s = northwind_open();
    s.set_config(config);
    let screen_text = screen(&mut s, 180, 45);
    let hints = screen_text.lines().last().unwrap();
    assert!(
        hints.starts_with("x settle it  Enter edit draft"),
        "{hints}"
    );
    update(&mut s, Action::Run(Command::Help));
    let help = screen(&mut s, 120, 60);
    assert!(
        help.contains("  x                        settle it"),
        "{help}"
    );
    assert!(
        help.contains("  r                        resolve/reopen"),
        "{help}"
    );
}

#[test]
fn a_huge_comment_is_wrapped_once_and_drawn_quickly() {
    let mut big = northwind();
    big.comments[0].text = "word ".repeat(400_000);
    let mut s = State::from_letters(vec![big], today());
    update(&mut s, Action::Resize(180, 45));
    apply(&mut s, Action::Run(Command::Open));
    let start = std::time::Instant::now();
    for _ in 0..20 {
        buffer(&s, 180, 45);
    }
    let per_frame = start.elapsed() / 20;
    assert!(
        per_frame < std::time::Duration::from_millis(50),
        "{per_frame:?} per frame"
    );
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
            result: Ok(Some(Drafts {
                comments: vec![CommentDraft {
                    number: "1".into(),
                    status: Status::Drafted,
                    response: "回答：開示を改訂します。 Cafe\u{301} e\u{301}.".into(),
                    marks: Default::default(),
                    owner: None,
                }],
            })),
        },
    );
    let text = screen(&mut s, 130, 20);
    assert_aligned(&text, 130);
    insta::assert_snapshot!(text);
}

#[test]
fn recovery_dialog() {
    use letterdesk::journal::{Entry, Offer};
    let mut s = desk();
    let written = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_710_000_000);
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![Offer {
                entry: Entry {
                    letter: "/letters/northwind_2024-03-01.txt".into(),
                    number: "2".into(),
                    text:
                        "Reserves are estimated by model.\nWe will expand the \u{1b}[31mdisclosure."
                            .into(),
                    written,
                    file: "/state/journal/x.json".into(),
                    session: None,
                    base: None,
                },
                saved: Some("Reserves are estimated.".into()),
                newer_than_file: true,
            }],
            here: 1,
        },
    );
    let text = screen(&mut s, 120, 30);
    assert!(
        text.contains("Unsaved text found") && text.contains("␛[31m"),
        "{text}"
    );
    // The time is local: leave it out of the snapshot.
    let text: String = text
        .lines()
        .map(|l| {
            if l.contains("Typed:") {
                "<typed line>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);
}

#[test]
fn conflict_dialog() {
    let mut s = northwind_open();
    // Comment 2 edited here, then changed on disk differently.
    update(&mut s, Action::Run(Command::Down));
    update(&mut s, Action::Run(Command::Edit));
    update(&mut s, Action::Paste(" Mine.".into()));
    update(&mut s, Action::Run(Command::Leave));
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(Drafts {
                comments: vec![CommentDraft {
                    number: "2".into(),
                    status: Status::Resolved,
                    response: "Theirs: reserves follow the policy in Note 4.".into(),
                    marks: Default::default(),
                    owner: None,
                }],
            })),
        },
    );
    update(&mut s, Action::Run(Command::ShowConflict));
    insta::assert_snapshot!(screen(&mut s, 150, 36));
}

#[test]
fn a_comment_of_100000_lines_scrolls_without_rewrapping() {
    let mut big = northwind();
    big.comments[1].text = (0..100_000)
        .map(|i| format!("line {i} of the schedule"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut s = State::from_letters(vec![big], today());
    update(&mut s, Action::Resize(180, 45));
    apply(&mut s, Action::Run(Command::Open));
    apply(&mut s, Action::Run(Command::Down));
    let start = std::time::Instant::now();
    for _ in 0..20 {
        apply(&mut s, Action::Run(Command::PageDown));
        buffer(&s, 180, 45);
    }
    let per_step = start.elapsed() / 20;
    assert!(
        per_step < std::time::Duration::from_millis(50),
        "{per_step:?} per page and frame"
    );
    apply(&mut s, Action::Run(Command::Last));
    let text = screen(&mut s, 180, 45);
    assert!(
        text.contains("5. Please file the supply agreement"),
        "{text}"
    );
}

/// Move the Letters pane's cursor to `path`.
fn cursor_to(s: &mut State, path: &str) {
    update(s, Action::Run(Command::First));
    while s.cursor_path() != Some(std::path::Path::new(path)) {
        let before = s.cursor_path().map(std::path::Path::to_owned);
        update(s, Action::Run(Command::Down));
        assert_ne!(s.cursor_path(), before.as_deref(), "{path} is not listed");
    }
}

#[test]
fn the_comments_pane_says_what_is_wrong_with_the_row_under_the_cursor() {
    let mut s = State::from_letters(letters(), today());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/scan-0042.txt".into(),
            listing: Box::new(Err("not a letter (binary content)".into())),
        },
    );
    let mut listing = Listing::of(&northwind(), Default::default());
    listing.progress.problem =
        Some("/letters/merged.responses.toml:3: unresolved git conflict marker".into());
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/merged.txt".into(),
            listing: Box::new(Ok(listing)),
        },
    );

    cursor_to(&mut s, "/letters/scan-0042.txt");
    let text = screen(&mut s, 180, 12);
    assert!(
        text.contains("│scan-0042.txt: not a letter (binary content)"),
        "{text}"
    );
    assert!(!text.contains("Enter opens the letter"), "{text}");

    cursor_to(&mut s, "/letters/merged.txt");
    insta::assert_snapshot!(screen(&mut s, 180, 12));

    update(&mut s, Action::Run(Command::First));
    let text = screen(&mut s, 180, 12);
    assert!(text.contains("Choose a letter and press Enter."), "{text}");
}

// ---- the workspace tells the truth ----

/// The screen's row `y`.
fn row_of(screen: &str, y: usize) -> &str {
    screen.lines().nth(y).unwrap_or_default()
}

#[test]
fn the_comments_title_shows_the_filter_before_anything_is_cut() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Filter));
    for width in [90, 100, 120] {
        let screen = screen(&mut s, width, 40);
        let top = row_of(&screen, 0);
        // The Comments pane has the focus: its title is the one in the thick border.
        let start = top.find('┏').expect("the focused pane's corner");
        let end = top.find('┓').expect("the focused pane's corner");
        let title = &top[start..end];
        assert!(
            title.contains("open"),
            "the filter is in the Comments title at {width} columns:\n{top}"
        );
    }
}

#[test]
fn an_overdue_date_is_never_cut_at_80_columns() {
    let mut s = desk();
    let screen = screen(&mut s, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("0/5"))
        .unwrap_or_default();
    assert!(
        row.contains("2024-03-15"),
        "the whole due date shows at 80 columns:\n{screen}"
    );
}

#[test]
fn the_help_overlay_uses_the_width_it_has() {
    let desc = "save now, then tell the team in the status bar which comments were saved and when";
    let text =
        format!("[keymap]\nglobal = [{{ on = [\"f5\"], run = \"save\", desc = \"{desc}\" }}]\n");
    let config = Config::with_user(&text, std::path::Path::new("c.toml"), true).unwrap();
    let mut s = northwind_open();
    s.set_config(config);
    update(&mut s, Action::Run(Command::Help));
    let screen = screen(&mut s, 200, 60);
    assert!(
        screen.contains(desc),
        "at 200 columns a long description shows whole:\n{screen}"
    );
}

#[test]
fn the_editor_status_bar_advertises_no_key_that_types() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Edit));
    for width in [80, 120, 200] {
        let screen = screen(&mut s, width, 30);
        let bottom = screen.lines().last().unwrap_or_default().to_string();
        assert!(
            !bottom.contains("? help"),
            "'?' types in the editor, so it is not offered for help ({width} columns):\n{bottom}"
        );
    }
}
