//! The precedent overlay drawn on a `TestBackend`, checked with an insta snapshot: ten
//! hits (fictional companies) with their answers, and the words of the query's terms
//! marked in the key colour, shown in the snapshot between brackets.

use chrono::NaiveDate;
use letterdesk::precedent::{Found, Hit};
use letterdesk::review::Filed;
use letterdesk::tui::{Action, Command, State, update};
use ratatui::style::Modifier;

use super::support::{assert_shows, buffer, text_of};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use std::path::{Path, PathBuf};

/// The synthetic review's first staff letter open, its first comment selected.
fn desk() -> State {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review/upload_harrowgate-ferries_2025-03-10.txt");
    let mut letter = Filed::read(&path).unwrap().letter;
    letter.file = path.display().to_string();
    let mut s = State::from_letters(vec![letter], NaiveDate::from_ymd_opt(2025, 6, 2).unwrap());
    update(&mut s, Action::Run(Command::Open));
    s
}

/// The `i`th hit: a fictional company asked about its non-GAAP measures.
fn hit(i: usize) -> Hit {
    Hit {
        path: PathBuf::from(format!("library/upload_company-{i}_2024-05-01.txt")),
        company: format!("Quarry Lane {i} Inc."),
        date: "2024-05-01".into(),
        form: "10-K".into(),
        comment: format!("{}", i % 4 + 1),
        heading: "Non-GAAP Financial Measures".into(),
        text: "We note your presentation of adjusted EBITDA, a non-GAAP measure, before the comparable GAAP measure.".into(),
        // One answer opens with a courtesy, which the list passes over.
        answer: Some(match i {
            3 => "Quarry Lane 3 Inc. respectfully acknowledges the Staff's comment. We will present net income before adjusted EBITDA in future filings.".into(),
            _ => "We will present net income before adjusted EBITDA in future filings.".into(),
        }),
        response: Some(PathBuf::from(format!("library/corresp_company-{i}_2024-05-20.txt"))),
        score: 10.0 - i as f32 * 0.5,
        count: if i == 2 { 7 } else { 1 },
    }
}

/// The screen as text, then each row with cells in the key colour, those runs in
/// brackets.
fn screen(s: &mut State, width: u16, height: u16) -> String {
    update(s, Action::Resize(width, height));
    let buffer = buffer(s, width, height);
    let key = s.config().theme.key();
    let mut marked = String::from("\nmarked:\n");
    for y in 0..height {
        let mut row = String::new();
        let mut inside = false;
        for x in 0..width {
            let cell = &buffer[(x, y)];
            let mark = cell.fg == key.fg.unwrap_or_default()
                && cell.modifier.contains(Modifier::BOLD)
                && !cell.symbol().trim().is_empty();
            if mark != inside {
                row.push(if mark { '[' } else { ']' });
                inside = mark;
            }
            row.push_str(cell.symbol());
        }
        if inside {
            row.push(']');
        }
        if row.contains('[') {
            marked.push_str(row.trim_end());
            marked.push('\n');
        }
    }
    text_of(&buffer) + &marked
}

/// The workspace with the precedent overlay open on the selected comment, the index
/// ready, and the ten hits found, searched for `terms`.
fn overlay_with_hits(terms: &[&str]) -> State {
    let mut s = desk();
    let text = s
        .selected_comment()
        .expect("a comment selected")
        .text
        .clone();
    update(&mut s, Action::Run(Command::Precedent));
    update(&mut s, Action::PrecedentIndexed(Ok(1234)));
    let found = Found {
        hits: (1..=10).map(hit).collect(),
        terms: terms.iter().map(|t| t.to_string()).collect(),
    };
    let result = Ok(found);
    update(&mut s, Action::PrecedentFound { text, result });
    s
}

#[test]
fn precedent_overlay_marks_the_query_terms() {
    let mut s = overlay_with_hits(&["ebitda", "gaap", "adjust"]);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("[EBITDA]"), "{text}");
    assert!(!text.contains("acknowledges"), "{text}");
    insta::assert_snapshot!(text);
}

/// A hit's rows longer than the overlay end with `…` after their last whole word: the
/// reader sees that the text goes on (Enter reads it in full). Before, they were cut
/// mid-word, then with `…` at the overlay's edge.
#[test]
fn rows_longer_than_the_overlay_end_with_an_ellipsis() {
    let mut s = overlay_with_hits(&["ebitda"]);
    let text = screen(&mut s, 80, 40);
    let (drawn, _) = text.split_once("\nmarked:\n").unwrap();
    let rows: Vec<&str> = drawn
        .lines()
        .filter(|l| l.contains("We note your"))
        .collect();
    assert_eq!(rows.len(), 10, "{text}");
    for row in rows {
        let inside = row.rsplit('┃').nth(1).unwrap().trim_end();
        assert!(inside.ends_with("a non-GAAP measure,…"), "{row}");
    }
    // The words shown are still marked.
    assert!(text.contains("[EBITDA]"), "{text}");
}

/// While the index is first built, the overlay says what the indexing process last
/// said: that it waits for another letterdesk writing the index, and which. Sanitized:
/// the folder's name is the user's, its control characters never reach the terminal.
#[test]
fn while_the_index_is_built_the_overlay_says_what_it_waits_for() {
    let mut s = desk();
    update(&mut s, Action::Run(Command::Precedent));
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("Building the precedent index"), "{text}");
    assert!(!text.contains("waiting"), "{text}");
    let said = "another letterdesk is writing the precedent index (/home/ana/.cache/letterdesk/precedent\u{1b}[2J); waiting";
    update(&mut s, Action::PrecedentIndexing(said.into()));
    let text = screen(&mut s, 120, 40);
    assert!(
        text.contains("another letterdesk is writing the precedent index"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
    // Once ready, the note goes: later updates run behind the ready index.
    update(&mut s, Action::PrecedentIndexed(Ok(10)));
    update(&mut s, Action::PrecedentIndexing("later".into()));
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("Searching…"), "{text}");
    assert!(
        !text.contains("later") && !text.contains("another"),
        "{text}"
    );
}

/// The overlay with the hits of [`overlay_with_hits`], the first one's answer as long
/// as `rows` lines ("answer line 1" … ), on a screen `width` × `height`.
fn overlay_with_a_long_answer(rows: usize, width: u16, height: u16) -> State {
    let mut hits: Vec<Hit> = (1..=10).map(hit).collect();
    hits[0].answer = Some(
        (1..=rows)
            .map(|i| format!("answer line {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    overlay_of(hits, width, height)
}

/// The overlay with `hits` found, on a screen `width` × `height`.
fn overlay_of(hits: Vec<Hit>, width: u16, height: u16) -> State {
    let mut s = desk();
    let text = s.selected_comment().unwrap().text.clone();
    update(&mut s, Action::Resize(width, height));
    update(&mut s, Action::Run(Command::Precedent));
    update(&mut s, Action::PrecedentIndexed(Ok(10)));
    let found = Found {
        hits,
        terms: vec!["ebitda".into()],
    };
    update(
        &mut s,
        Action::PrecedentFound {
            text,
            result: Ok(found),
        },
    );
    s
}

fn press(s: &mut State, code: KeyCode) {
    update(s, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The mouse's `kind` of event at `row`, in the overlay's columns.
fn mouse(s: &mut State, kind: MouseEventKind, row: u16) {
    let event = MouseEvent {
        kind,
        column: 60,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(s, Action::Mouse(event));
}

/// A hit read in full scrolls with the keys of a pager, no further than its last row
/// at the bottom (before, `j` scrolled on into blank rows, one key press each to come
/// back); `Esc` goes back to the list, and a second `Esc` closes the overlay. The
/// hints say what the keys do there: scroll, not move to the next hit.
#[test]
fn a_hit_read_in_full_scrolls_to_its_last_row_and_no_further() {
    let mut s = overlay_with_a_long_answer(80, 120, 40);
    press(&mut s, KeyCode::Enter);
    let top = text_of(&buffer(&s, 120, 40));
    assert_shows(
        &top,
        &[
            "Quarry Lane 1 Inc.",
            "answer line 1",
            "scroll down",
            "back to the list",
        ],
    );
    assert!(!top.contains("answer line 80"), "{top}");
    press(&mut s, KeyCode::End);
    let bottom = text_of(&buffer(&s, 120, 40));
    let rows: Vec<&str> = bottom.lines().collect();
    let last = rows
        .iter()
        .position(|r| r.contains("answer line 80"))
        .expect(&bottom);
    // The last row sits right above the overlay's hint row.
    assert!(rows[last + 1].contains("back to the list"), "{bottom}");
    for _ in 0..5 {
        press(&mut s, KeyCode::Char('j'));
    }
    assert_eq!(text_of(&buffer(&s, 120, 40)), bottom);
    // One row up shows one row more above.
    press(&mut s, KeyCode::Char('k'));
    let up = text_of(&buffer(&s, 120, 40));
    assert!(
        !up.contains("answer line 80") && up.contains("answer line 79"),
        "{up}"
    );
    press(&mut s, KeyCode::Home);
    assert_eq!(text_of(&buffer(&s, 120, 40)), top);
    press(&mut s, KeyCode::PageDown);
    let paged = text_of(&buffer(&s, 120, 40));
    assert!(
        !paged.contains("Quarry Lane 1 Inc.") && paged.contains("answer line 40"),
        "{paged}"
    );
    press(&mut s, KeyCode::Esc);
    assert_shows(
        &text_of(&buffer(&s, 120, 40)),
        &["read in full", "2. Quarry Lane 2 Inc."],
    );
    press(&mut s, KeyCode::Esc);
    assert!(!text_of(&buffer(&s, 120, 40)).contains("Precedent for comment"));
}

/// The wheel moves among the hits of the list and scrolls a hit read in full, as the
/// arrow keys do.
#[test]
fn the_wheel_moves_among_the_hits_and_scrolls_one_read_in_full() {
    let mut s = overlay_with_a_long_answer(80, 120, 40);
    let wheel = |s: &mut State, kind| mouse(s, kind, 10);
    wheel(&mut s, MouseEventKind::ScrollDown);
    wheel(&mut s, MouseEventKind::ScrollDown);
    press(&mut s, KeyCode::Enter);
    assert_shows(&text_of(&buffer(&s, 120, 40)), &["Quarry Lane 3 Inc."]);
    press(&mut s, KeyCode::Esc);
    wheel(&mut s, MouseEventKind::ScrollUp);
    wheel(&mut s, MouseEventKind::ScrollUp);
    press(&mut s, KeyCode::Enter);
    let top = text_of(&buffer(&s, 120, 40));
    assert!(top.contains("Quarry Lane 1 Inc."), "{top}");
    wheel(&mut s, MouseEventKind::ScrollDown);
    let scrolled = text_of(&buffer(&s, 120, 40));
    assert!(!scrolled.contains("Quarry Lane 1 Inc. ·"), "{scrolled}");
    wheel(&mut s, MouseEventKind::ScrollUp);
    assert_eq!(text_of(&buffer(&s, 120, 40)), top);
}

/// On a short screen the list shows the hits that fit and follows the cursor: the hit
/// selected is always on screen (before, the list stayed at the first hits and `j`
/// moved the cursor out of sight after the sixth on 24 rows).
#[test]
fn the_list_follows_the_selected_hit_on_a_short_screen() {
    let mut s = overlay_with_a_long_answer(3, 80, 24);
    let first = text_of(&buffer(&s, 80, 24));
    assert!(
        first.contains(" 1. Quarry Lane 1 Inc.") && !first.contains("10. Quarry"),
        "{first}"
    );
    for _ in 0..9 {
        press(&mut s, KeyCode::Char('j'));
    }
    let last = text_of(&buffer(&s, 80, 24));
    assert!(last.contains("10. Quarry Lane 10 Inc."), "{last}");
    assert!(!last.contains(" 1. Quarry Lane 1 Inc."), "{last}");
    press(&mut s, KeyCode::Home);
    assert_eq!(text_of(&buffer(&s, 80, 24)), first);
}

/// A click on a hit selects it; a click on the hit selected reads it in full.
#[test]
fn a_click_selects_a_hit_and_a_second_reads_it() {
    let mut s = overlay_with_a_long_answer(3, 120, 40);
    let screen = text_of(&buffer(&s, 120, 40));
    let row = screen
        .lines()
        .position(|l| l.contains(" 3. Quarry Lane 3 Inc."))
        .expect(&screen) as u16;
    let click = |s: &mut State, row| {
        mouse(
            s,
            MouseEventKind::Down(crossterm::event::MouseButton::Left),
            row,
        );
    };
    // The comment's row under the hit's first.
    click(&mut s, row + 1);
    let selected = text_of(&buffer(&s, 120, 40));
    assert!(!selected.contains("back to the list"), "{selected}");
    click(&mut s, row);
    let full = text_of(&buffer(&s, 120, 40));
    assert_shows(
        &full,
        &[
            "Quarry Lane 3 Inc. · 2024-05-01",
            "back to the list",
            "Answer (",
        ],
    );
    // Below the last hit, nothing.
    press(&mut s, KeyCode::Esc);
    click(&mut s, 38);
    assert_eq!(text_of(&buffer(&s, 120, 40)), selected);
}

/// On a tall screen each hit shows more of its comment and its answer, as many rows as
/// let the ten be seen at once (up to two of the comment, three of the answer), the
/// last ending with `…` when it goes on; a click on any of a hit's rows selects it.
#[test]
fn a_tall_screen_shows_the_first_rows_of_each_answer() {
    let (width, height) = (100, 70);
    let mut hits: Vec<Hit> = (1..=10).map(hit).collect();
    hits[1].answer =
        Some("We will present net income before adjusted EBITDA in future filings. ".repeat(6));
    let mut s = overlay_of(hits, width, height);
    let screen = text_of(&buffer(&s, width, height));
    let rows: Vec<&str> = screen.lines().collect();
    let at = |text: &str| {
        rows.iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text} not in\n{screen}"))
    };
    let second = at(" 2. Quarry Lane 2 Inc.");
    let third = at(" 3. Quarry Lane 3 Inc.");
    assert_eq!(third - second, 6, "{screen}");
    assert!(
        rows[second + 3].contains("↳ We will present net income"),
        "{screen}"
    );
    assert!(
        rows[second + 4].contains("      income before adjusted EBITDA"),
        "{screen}"
    );
    assert!(
        rows[second + 5]
            .rsplit('┃')
            .nth(1)
            .unwrap()
            .trim_end()
            .ends_with('…'),
        "{screen}"
    );
    assert!(screen.contains("10. Quarry Lane 10 Inc."), "{screen}");
    // The answer's last row is the second hit's: a click there selects it, a second
    // reads it in full.
    for _ in 0..2 {
        mouse(
            &mut s,
            MouseEventKind::Down(crossterm::event::MouseButton::Left),
            second as u16 + 5,
        );
    }
    let full = text_of(&buffer(&s, width, height));
    assert_shows(
        &full,
        &["Quarry Lane 2 Inc. · 2024-05-01", "back to the list"],
    );
}
