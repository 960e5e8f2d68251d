//! A letter answered in its review (a response, or the staff's closing letter, filed
//! after it) is neither shown nor sorted as due, whatever its deadline. The review is
//! the synthetic one in `tests/fixtures/review` (a fictional company).

use std::path::Path;
use std::sync::Arc;

use letterdesk::review::{Filed, build};

use super::*;

const FIRST: &str = "2025-03-10";
const FOLLOW_UP: &str = "2025-04-21";

/// The review's letters but those whose file name contains `left_out`.
pub(super) fn review(left_out: &str) -> Vec<Filed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| !p.to_string_lossy().contains(left_out))
        .collect();
    names.sort();
    names.iter().map(|p| Filed::read(p).unwrap()).collect()
}

/// The review's letters and a letter of another company due in two business days, on
/// Monday 12 May 2025, sorted by due date.
pub(super) fn workspace(filed: &[Filed]) -> State {
    let mut letters: Vec<Letter> = filed.iter().map(Filed::listed).collect();
    letters.push(letter(
        "/l/kittiwake.txt",
        "Kittiwake Marine Holdings",
        "2025-05-01",
        Some("2025-05-14"),
        3,
    ));
    let mut s = State::from_letters(letters, NaiveDate::from_ymd_opt(2025, 5, 12).unwrap());
    update(&mut s, Action::Resize(160, 30));
    typed(&mut s, ":sort due\n");
    s
}

/// The listed letters' dates, in order.
fn dates(s: &State) -> Vec<String> {
    s.listings()
        .into_iter()
        .filter_map(|l| l.ok()?.brief.date.clone())
        .collect()
}

/// The Letters pane's row of the letter dated `date`.
fn row_of(s: &mut State, date: &str) -> String {
    let text = screen(s, 160, 30);
    text.lines()
        .find(|l| l.contains(date))
        .unwrap_or_else(|| panic!("no row dated {date}\n{text}"))
        .to_string()
}

#[test]
fn a_letter_with_a_response_after_it_is_neither_due_nor_sorted_as_due() {
    // Awaiting our response to the follow-up: the first letter was answered.
    let filed = review("05-19");
    let mut s = workspace(&filed);
    assert_eq!(
        dates(&s)[0],
        FIRST,
        "before the reviews are known, by deadline"
    );
    update(&mut s, Action::ReviewsBuilt(Arc::new(build(filed))));
    assert_eq!(
        dates(&s),
        [FOLLOW_UP, "2025-05-01", "2025-03-24", FIRST],
        "the follow-up still awaits us; the letter answered sorts with those awaiting \
         nothing (newest first), after the response"
    );
    let row = row_of(&mut s, FIRST);
    assert!(
        !row.contains("overdue") && !row.contains("due in"),
        "answered: {row}"
    );
    assert!(row_of(&mut s, FOLLOW_UP).contains("overdue"));
}

#[test]
fn a_closed_review_has_no_letter_due() {
    let filed = review("no file is named so");
    let mut s = workspace(&filed);
    update(&mut s, Action::ReviewsBuilt(Arc::new(build(filed))));
    assert_eq!(companies(&s)[0], "Kittiwake Marine Holdings");
    for date in [FIRST, FOLLOW_UP] {
        let row = row_of(&mut s, date);
        assert!(!row.contains("overdue"), "closed: {row}");
    }
    assert!(row_of(&mut s, "2025-05-01").contains("due in 2 business days"));
}

#[test]
fn a_company_response_shows_the_answer_it_gives_under_each_restated_comment() {
    // With the staff letter it answers (the answer as matched to the staff's comment 2),
    // and without it (the answer as read from the response alone).
    for left_out in [
        "no file is named so",
        "upload_harrowgate-ferries_2025-03-10",
    ] {
        let mut s = on_the_response(left_out);
        let shown = screen(&mut s, 160, 30);
        assert!(
            shown.contains("Answer to comment 2 · filed 2025-03-24")
                && shown.contains("The program is expected to cost $84 million"),
            "{left_out}\n{shown}"
        );
    }
}

#[test]
fn a_company_response_is_read_and_not_answered() {
    let mut s = on_the_response("no file is named so");
    assert_eq!(s.message(), None, "opening it says nothing");
    // Its restatements carry no draft's mark ("○ 1." in a staff letter).
    let shown = screen(&mut s, 160, 30);
    let lead = shown
        .lines()
        .find(|l| l.contains("1. Please tell us why ferry ticket"))
        .unwrap_or_else(|| panic!("restatement 1:\n{shown}"));
    assert!(!lead.contains('○'), "{lead}");
    let hints = screen(&mut s, 160, 30);
    let hints = hints.lines().last().unwrap();
    assert!(
        !hints.contains("edit draft")
            && !hints.contains("resolve/reopen")
            && hints.contains("help"),
        "{hints}"
    );
    // Neither the editor nor a mark: nothing would be saved beside the response.
    for keys in ["i", "\n", "r", "O", "I", "x"] {
        typed(&mut s, keys);
        assert_eq!(s.focus(), Pane::Comments, "{keys:?}");
        assert!(
            s.message().unwrap().contains("read here, not answered"),
            "{keys:?}"
        );
        let untouched = CommentDraft::open("2");
        assert!(s.draft("2").is_none_or(|d| *d == untouched), "{keys:?}");
    }
    typed(&mut s, "\t");
    assert_eq!(s.focus(), Pane::Letters, "Tab passes over the answer");
    key(&mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(s.focus(), Pane::Comments);
    // The response key copies the answer filed.
    let fx = update(
        &mut s,
        Action::Key(KeyEvent::new(KeyCode::Char('Y'), KeyModifiers::SHIFT)),
    );
    assert!(
        s.message()
            .unwrap()
            .contains("Copied the response of comment 2")
    );
    let copied = fx.iter().find_map(|e| match e {
        letterdesk::tui::Effect::Clipboard(text) => Some(text.as_str()),
        _ => None,
    });
    assert!(copied.unwrap().contains("expected to cost $84 million"));
    // The export of the response, from the Letters pane, is refused with why.
    typed(&mut s, "\x1b");
    assert_eq!(s.focus(), Pane::Letters);
    typed(&mut s, "x");
    assert!(s.message().unwrap().contains("is a company's response"));
}

/// The workspace of the review but the letters named `left_out`, the response of 24
/// March open on its restatement 2.
fn on_the_response(left_out: &str) -> State {
    let filed = review(left_out);
    let mut s = workspace(&filed);
    update(&mut s, Action::ReviewsBuilt(Arc::new(build(filed))));
    typed(&mut s, ":sort date\n");
    let at = dates(&s).iter().position(|d| d == "2025-03-24").unwrap();
    typed(&mut s, &format!("{}G\nj", at + 1));
    s
}
