//! The keyboard of issue "keyboard speed and team work" on the pure core: the `:`
//! command line (completion, history, `:N`, `:owner`, `:filter mine`, `:sort due`), the
//! Letters pane's filter typed after `/`, counts before `G`, half pages, the zoom, the
//! deadline in business days, and the screens they make.

use crate::support::screen;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::letter::{Comment, Kind, Letter, Subject};
use letterdesk::tui::{Action, Command, Filter, LetterId, Mode, Pane, State, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn letter(file: &str, company: &str, date: &str, due: Option<&str>, comments: usize) -> Letter {
    Letter {
        file: file.into(),
        kind: Kind::Comments,
        date: Some(date.into()),
        company: Some(company.into()),
        file_number: Some(format!("333-{:06}", comments * 7)),
        response_due: due.map(Into::into),
        subject: Subject {
            form: Some("10-K".into()),
            ..Subject::default()
        },
        comments: (1..=comments)
            .map(|n| Comment {
                number: n.to_string(),
                headings: vec!["Form 10-K".into(), format!("Topic {}", n.div_ceil(3))],
                text: format!(
                    "Comment {n}: please tell us more about item {n} of the filing and revise \
                     the disclosure in future filings to explain it."
                ),
                pages: vec![],
            })
            .collect(),
        ..Letter::default()
    }
}

/// Wednesday 20 March 2024.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 20).unwrap()
}

/// Four letters, newest first: Ashgrove (due in four weeks), Kittiwake (due Friday the
/// 22nd: two business days), Birchfield (overdue, but every comment resolved), Cobalt
/// (no deadline).
fn desk() -> State {
    let mut s = State::from_letters(
        vec![
            letter(
                "/l/ashgrove.txt",
                "Ashgrove Mills Inc.",
                "2024-03-18",
                Some("2024-04-17"),
                3,
            ),
            letter(
                "/l/kittiwake.txt",
                "Kittiwake Marine Holdings",
                "2024-03-08",
                Some("2024-03-22"),
                15,
            ),
            letter(
                "/l/birchfield.txt",
                "Birchfield Labs Corp.",
                "2024-02-01",
                Some("2024-02-15"),
                2,
            ),
            letter("/l/cobalt.txt", "Cobalt Ferry Co.", "2024-01-05", None, 4),
        ],
        today(),
    );
    update(&mut s, Action::Resize(160, 40));
    // Birchfield (the third letter given): every comment resolved.
    let resolved = |n: &str| CommentDraft {
        number: n.into(),
        status: Status::Resolved,
        response: "Done.".into(),
        ..CommentDraft::default()
    };
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(2),
            generation: 0,
            result: Ok(Some(Drafts {
                comments: vec![resolved("1"), resolved("2")],
            })),
        },
    );
    s
}

fn cursor_to(s: &mut State, company: &str) {
    update(s, Action::Run(Command::First));
    for _ in 0..s.listings().len() {
        if s.cursor_listing()
            .and_then(|l| l.brief.company.as_deref())
            .is_some_and(|c| c.contains(company))
        {
            return;
        }
        update(s, Action::Run(Command::Down));
    }
    panic!("{company} is not listed");
}

fn key(s: &mut State, code: KeyCode, modifiers: KeyModifiers) {
    update(s, Action::Key(KeyEvent::new(code, modifiers)));
}

/// Type `text` key by key (`\n` is Enter, `\t` Tab, `\x1b` Esc).
fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            '\x7f' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        let shift = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        key(s, code, shift);
    }
}

fn companies(s: &State) -> Vec<String> {
    s.listings()
        .into_iter()
        .filter_map(|l| l.ok()?.brief.company.clone())
        .collect()
}

fn selected(s: &State) -> String {
    s.selected_comment().unwrap().number.clone()
}

/// Kittiwake open, Comments focused.
fn kittiwake() -> State {
    let mut s = desk();
    cursor_to(&mut s, "Kittiwake");
    update(&mut s, Action::Run(Command::Open));
    s
}

#[test]
fn colon_12_enter_selects_comment_12_and_the_history_recalls_it() {
    let mut s = kittiwake();
    typed(&mut s, ":12\n");
    assert_eq!(selected(&s), "12");
    assert_eq!(s.focus(), Pane::Comments);
    typed(&mut s, ":1\n");
    assert_eq!(selected(&s), "1");
    typed(&mut s, ":");
    key(&mut s, KeyCode::Up, KeyModifiers::NONE);
    key(&mut s, KeyCode::Up, KeyModifiers::NONE);
    typed(&mut s, "\n");
    assert_eq!(selected(&s), "12", "Up twice recalls :12");
    typed(&mut s, "7G");
    assert_eq!(selected(&s), "7", "a count before G");
    typed(&mut s, ":nonsense\n");
    assert!(s.message().unwrap().contains("Not a command"));
}

/// In the Letters pane a count before G goes to that letter, the letter open or not,
/// as the pane's hints say ("G last letter"). Before, with a letter open, `3G` there
/// went to comment 3 of the open letter and moved to the Comments pane, and `5G` with
/// fewer comments said there was no comment 5.
#[test]
fn a_count_before_g_in_the_letters_pane_goes_to_that_letter_with_a_letter_open() {
    let mut s = kittiwake();
    update(&mut s, Action::Run(Command::Leave));
    assert_eq!(s.focus(), Pane::Letters);
    typed(&mut s, "2G");
    assert_eq!(s.focus(), Pane::Letters);
    let at_cursor = |s: &State| s.cursor_listing().and_then(|l| l.brief.company.clone());
    assert_eq!(at_cursor(&s), Some(companies(&s)[1].clone()));
    typed(&mut s, "4gg");
    assert_eq!(at_cursor(&s), Some(companies(&s)[3].clone()));
    assert_eq!(s.message(), None);
}

#[test]
fn tab_completes_command_names_and_the_line_runs_them() {
    let mut s = kittiwake();
    typed(&mut s, ":fil\t\t\t\t\t");
    // filter, filter all, filter drafted, filter mine, filter open: the fifth Tab.
    typed(&mut s, "\n");
    assert_eq!(s.filter(), Filter::Open);
    typed(&mut s, ":filter all\n:sort due\n");
    assert_eq!(companies(&s)[0], "Kittiwake Marine Holdings");
    typed(&mut s, ":wq\n");
    assert!(s.should_quit());
}

/// Ctrl-W deletes the last word typed and Ctrl-U all of it, on the command line, in
/// the Letters filter (which follows) and in the search, as in a shell or vim's
/// command line; text pasted on the line is typed there. Before, both keys were
/// swallowed (a Tab completion could not be taken back but a letter at a time), and a
/// paste with the command line or the filter open was lost.
#[test]
fn ctrl_w_and_ctrl_u_edit_the_lines_typed_in_the_status_bar() {
    let mut s = kittiwake();
    let line = |s: &State| s.typing();
    typed(&mut s, ":sort company");
    key(&mut s, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(line(&s).as_deref(), Some(":sort "));
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(line(&s).as_deref(), Some(":"));
    typed(&mut s, "12\n");
    assert_eq!(selected(&s), "12", "the line still runs");
    let mut s = desk();
    typed(&mut s, "/kittiwake marine");
    assert_eq!(companies(&s), ["Kittiwake Marine Holdings"]);
    key(&mut s, KeyCode::Backspace, KeyModifiers::ALT);
    key(&mut s, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(line(&s).as_deref(), Some("/"));
    assert_eq!(companies(&s).len(), 4, "the filter follows");
    // A file number pasted into the filter filters as if typed.
    update(&mut s, Action::Paste("333-000014\nmore".into()));
    assert_eq!(line(&s).as_deref(), Some("/333-000014"));
    assert_eq!(companies(&s), ["Birchfield Labs Corp."]);
    typed(&mut s, "\x1b");
    let mut s = kittiwake();
    typed(&mut s, "/kettle spout");
    assert_eq!(s.mode(), Mode::Search);
    key(&mut s, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(line(&s).as_deref(), Some("/kettle "));
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(line(&s).as_deref(), Some("/"));
}

#[test]
fn sort_due_puts_the_letter_due_first_on_top_with_business_days_left() {
    let mut s = desk();
    assert_eq!(companies(&s)[0], "Ashgrove Mills Inc.", "newest first");
    typed(&mut s, ":sort due\n");
    assert_eq!(
        companies(&s),
        [
            "Kittiwake Marine Holdings",
            "Ashgrove Mills Inc.",
            "Birchfield Labs Corp.",
            "Cobalt Ferry Co.",
        ],
        "due first; a letter with every comment resolved awaits nothing"
    );
    let text = screen(&mut s, 160, 20);
    let row = text.lines().find(|l| l.contains("Kittiwake")).unwrap();
    assert!(row.contains("due in 2 business days"), "{row}");
    let row = text.lines().find(|l| l.contains("Birchfield")).unwrap();
    assert!(!row.contains("overdue"), "all resolved: not overdue\n{row}");
    typed(&mut s, ":sort company\n");
    assert_eq!(companies(&s)[0], "Ashgrove Mills Inc.");
    assert_eq!(companies(&s)[3], "Kittiwake Marine Holdings");
}

#[test]
fn slash_filters_the_letters_as_typed_and_esc_brings_them_back() {
    let mut s = desk();
    typed(&mut s, "/m");
    assert_eq!(
        companies(&s),
        ["Ashgrove Mills Inc.", "Kittiwake Marine Holdings"]
    );
    typed(&mut s, "\x7f");
    typed(&mut s, "kitti");
    assert_eq!(companies(&s), ["Kittiwake Marine Holdings"]);
    typed(&mut s, "\n");
    assert_eq!(companies(&s).len(), 1, "Enter keeps the filter");
    update(&mut s, Action::Run(Command::Open));
    assert!(s.open_letter().unwrap().company.as_deref() == Some("Kittiwake Marine Holdings"));
    update(&mut s, Action::Run(Command::Leave));
    typed(&mut s, "/\x1b/333-000014\n");
    assert_eq!(companies(&s), ["Birchfield Labs Corp."], "by file number");
    typed(&mut s, "/\x1b");
    assert_eq!(companies(&s).len(), 4, "Esc clears the filter");
}

#[test]
fn owner_jane_is_written_into_the_comment_and_filter_mine_shows_it() {
    let mut s = kittiwake();
    typed(&mut s, ":12\n:owner Jane\n");
    assert_eq!(s.draft("12").unwrap().owner.as_deref(), Some("Jane"));
    typed(&mut s, ":filter mine\n");
    assert_eq!(
        s.filter(),
        Filter::All,
        "nobody is me yet: the filter stays"
    );
    s.set_me(Some("Jane".into()));
    typed(&mut s, ":filter mine\n");
    assert_eq!(s.filter(), Filter::Mine);
    assert_eq!(s.visible_comments(), [11]);
    typed(&mut s, ":filter all\n:3\nO");
    assert_eq!(
        s.draft("3").unwrap().owner.as_deref(),
        Some("Jane"),
        "O: mine"
    );
    typed(&mut s, "O");
    assert_eq!(s.draft("3").unwrap().owner, None, "O again: nobody's");
}

#[test]
fn ctrl_d_moves_half_a_page_in_the_letters_and_the_comments() {
    let mut s = kittiwake();
    update(&mut s, Action::Resize(160, 14));
    assert_eq!(selected(&s), "1");
    let top = |s: &mut State| screen(s, 160, 14).lines().nth(1).unwrap().to_string();
    let first = top(&mut s);
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_ne!(top(&mut s), first, "the comments scroll half a page");
    for _ in 0..3 {
        key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    }
    assert_ne!(selected(&s), "1", "the selection follows once out of view");
    for _ in 0..8 {
        key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    }
    assert!(
        screen(&mut s, 160, 14).contains("Comment 1:"),
        "back at the top"
    );
    typed(&mut s, "\x1b");
    update(&mut s, Action::Run(Command::First));
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_ne!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Ashgrove Mills Inc."),
        "and in the Letters pane"
    );
}

#[test]
fn messages_keeps_the_full_text_of_a_long_message() {
    let mut s = kittiwake();
    let long = "frobnicate-every-comment-of-this-letter-with-a-name-far-too-long-to-show";
    typed(&mut s, &format!(":{long}\n"));
    let text = screen(&mut s, 80, 24);
    assert!(
        !text.contains("Tab completes a name"),
        "cut in the status bar"
    );
    typed(&mut s, ":messages\n");
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("completes a name"), "{text}");
    typed(&mut s, "x");
    assert!(!screen(&mut s, 80, 24).contains("Recent messages"));
}

/// Kittiwake after `keys` (as [`typed`]), its screen at `width` × `height` checked
/// against the snapshot `name` (the test's name).
fn snapshot_after(name: &str, keys: &str, width: u16, height: u16) -> State {
    let mut s = kittiwake();
    typed(&mut s, keys);
    insta::assert_snapshot!(name, screen(&mut s, width, height));
    s
}

#[test]
fn command_line_with_completion() {
    snapshot_after("command_line_with_completion", ":so\t", 120, 16);
}

#[test]
fn narrowed_letters_pane() {
    snapshot_after("narrowed_letters_pane", ":5\n", 160, 24);
}

#[test]
fn zoomed_pane() {
    let mut s = snapshot_after("zoomed_pane", "+", 120, 20);
    typed(&mut s, "+");
    assert!(screen(&mut s, 120, 20).contains("Letters"), "+ again: back");
}

#[test]
fn help_at_200_columns() {
    let mut s = snapshot_after("help_at_200_columns", "?", 200, 60);
    typed(&mut s, "j");
    assert!(screen(&mut s, 200, 60).contains("Keys"), "j scrolls");
    typed(&mut s, "x");
    assert!(
        !screen(&mut s, 200, 60).contains("any other key"),
        "x closes"
    );
}

mod answered;
mod draft;
mod sequences;
