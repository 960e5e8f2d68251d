//! The review screens drawn on a `TestBackend`, checked with insta snapshots: the
//! review tree, a reference followed to the comment it cites and its answer, and the
//! reader view of a whole letter. The letters are the synthetic review in
//! `tests/fixtures/review` (a fictional company).

use crate::support::{assert_shows, run_all, screen};
use chrono::NaiveDate;
use letterdesk::review::{Filed, Review, Standing, build};
use letterdesk::tui::{Action, Command, Effect, State, update};
use std::path::Path;
use std::sync::Arc;

const FIRST: &str = "upload_harrowgate-ferries_2025-03-10.txt";
const FOLLOW_UP: &str = "upload_harrowgate-ferries_2025-04-21.txt";

fn filed() -> Vec<Filed> {
    filed_but(None)
}

/// The review's letters, but the one named `left_out`.
fn filed_but(left_out: Option<&str>) -> Vec<Filed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| left_out.is_none_or(|name| !p.ends_with(name)))
        .collect();
    names.sort();
    names.iter().map(|p| Filed::read(p).unwrap()).collect()
}

/// The review's letters in the workspace, grouped as the worker groups them, with the
/// tree shown.
fn desk() -> State {
    desk_of(filed())
}

fn desk_of(filed: Vec<Filed>) -> State {
    let today = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    let mut s = State::from_filed(filed.clone(), today);
    // Kept in outline, as the workspace keeps them.
    let mut reviews = build(filed);
    reviews.iter_mut().for_each(Review::outline);
    update(&mut s, Action::ReviewsBuilt(Arc::new(reviews)));
    update(&mut s, Action::Run(Command::ReviewTree));
    s
}

/// Open the letter named `name` from the tree.
fn open(s: &mut State, name: &str) {
    update(s, Action::Run(Command::First));
    for _ in 0..8 {
        update(s, Action::Run(Command::Down));
        update(s, Action::Run(Command::Open));
        if s.open_letter().is_some_and(|l| l.file.ends_with(name)) {
            return;
        }
        update(s, Action::Run(Command::Leave));
    }
    panic!("{name} is not in the tree");
}

#[test]
fn review_tree() {
    let mut s = desk();
    let text = screen(&mut s, 150, 20);
    assert!(text.contains("closing letter"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn reference_followed() {
    let mut s = desk();
    open(&mut s, FOLLOW_UP);
    update(&mut s, Action::Run(Command::FollowReference));
    let text = screen(&mut s, 150, 30);
    assert!(text.contains("cites comment 2"), "{text}");
    insta::assert_snapshot!(text);
    // Back: the follow-up's comments again.
    update(&mut s, Action::Run(Command::Leave));
    let text = screen(&mut s, 150, 30);
    assert!(!text.contains("cites comment 2"), "{text}");
    assert!(text.contains("We note your response to prior"), "{text}");
}

#[test]
fn reader_view() {
    let mut s = desk();
    open(&mut s, FIRST);
    run_all(&mut s, &[Command::Last, Command::Reader]);
    let text = screen(&mut s, 150, 45);
    assert!(text.contains("acknowledging"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_reference_to_a_letter_not_in_the_folder_says_which() {
    let mut s = desk_of(filed_but(Some(FIRST)));
    open(&mut s, FOLLOW_UP);
    run_all(&mut s, &[Command::Down, Command::FollowReference]);
    let text = screen(&mut s, 150, 30);
    assert_shows(
        &text,
        &[
            "Not in the folder",
            "the letter dated March 10, 2025 is not in",
        ],
    );
}

#[test]
fn a_review_folds_and_unfolds_and_the_flat_list_comes_back() {
    let mut s = desk();
    run_all(&mut s, &[Command::First, Command::Fold]);
    let text = screen(&mut s, 150, 20);
    assert!(text.contains("▸ Harrowgate Ferries"), "{text}");
    assert!(!text.contains("closing letter"), "{text}");
    update(&mut s, Action::Run(Command::Fold));
    let text = screen(&mut s, 150, 20);
    assert_shows(&text, &["▾ Harrowgate Ferries", "closing letter"]);
    update(&mut s, Action::Run(Command::ReviewTree));
    let text = screen(&mut s, 150, 20);
    assert!(text.contains("Letters (1/4)"), "{text}");
}

/// The first letter read twice (its text beside itself in another folder): one row is
/// its copy, the other still the staff letter, the later one still a follow-up, and
/// the copy opened shows the answer filed to it.
#[test]
fn a_copy_of_a_letter_is_a_row_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let copy = dir.path().join(FIRST);
    std::fs::copy(fixture.join(FIRST), &copy).unwrap();
    let mut filed = filed();
    filed.push(Filed::read(&copy).unwrap());
    let review = build(filed.clone()).remove(0);
    let mut s = desk_of(filed);
    let text = screen(&mut s, 150, 20);
    let rows_of = |text: &str, kind: &str| text.lines().filter(|l| l.contains(kind)).count();
    let rows = |kind: &str| rows_of(&text, kind);
    assert_eq!(rows("staff letter (copy)"), 1, "{text}");
    assert_eq!(rows("staff letter · 3 comments"), 1, "{text}");
    assert_eq!(rows("follow-up"), 1, "{text}");
    // In the flat list, the copy's row says so and the letter's does not.
    update(&mut s, Action::Run(Command::ReviewTree));
    let flat = screen(&mut s, 150, 20);
    assert_eq!(rows_of(&flat, "[copy] Harrow"), 1, "{flat}");
    assert_eq!(rows_of(&flat, "Harrow"), 5, "{flat}");
    update(&mut s, Action::Run(Command::ReviewTree));
    let copy_row = (0..review.letters.len())
        .find(|&l| review.copy_of(l).is_some())
        .unwrap();
    let name = review.letters[copy_row].path.clone();
    update(&mut s, Action::Run(Command::First));
    for _ in 0..=copy_row {
        update(&mut s, Action::Run(Command::Down));
    }
    update(&mut s, Action::Run(Command::Open));
    assert_eq!(
        s.open_letter().map(|l| Path::new(&l.file).to_path_buf()),
        Some(name)
    );
    run_all(&mut s, &[Command::Down]);
    let text = screen(&mut s, 150, 40);
    assert!(text.contains("$84 million"), "{text}");
}

/// In a narrow Letters pane, a review's row cuts its company (with `…`), never where it
/// stands and when the response is due; a round's row cuts its file name. Before, the
/// row was cut at the pane's edge, the due date first.
#[test]
fn a_narrow_tree_cuts_the_company_never_the_due_date() {
    let mut s = desk_of(filed_but(Some("upload_harrowgate-ferries_2025-05-19.txt")));
    let text = screen(&mut s, 100, 20);
    let row = text
        .lines()
        .find(|l| l.contains("▾ Harr"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("… · awaiting our response · due 2025-05-05"),
        "{row}"
    );
    let round = text.lines().find(|l| l.contains("2025-04-21")).unwrap();
    assert!(round.contains("…"), "{round}");
}

/// The company's request for more time is a round of its own, saying so, and the
/// review still awaits the response, due the date the request names (the staff
/// letter's own deadline was March 24): in the tree, and in the flat list on March 28,
/// where the staff letter is due in six business days, not overdue, nor taken as
/// answered, and the request's row says what it is.
/// A registration statement's review: the company's request that it be declared
/// effective is named so in the tree and in the list, not as a response.
#[test]
fn a_request_for_effectiveness_is_named_in_the_tree_and_the_list() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/effectiveness");
    let filed: Vec<Filed> = [
        "upload_quillon-rail_2025-04-25.txt",
        "corresp_quillon-rail_2025-05-12.txt",
    ]
    .iter()
    .map(|name| Filed::read(&dir.join(name)).unwrap())
    .collect();
    let today = NaiveDate::from_ymd_opt(2025, 5, 13).unwrap();
    let (tree, list, _) = tree_then_list(filed, today);
    let round = line_with(&tree, "2025-05-12");
    assert!(round.contains("asks to be declared effective"), "{round}");
    let row = line_with(&list, "2025-05-12");
    assert!(row.contains("asks to be declared effective"), "{row}");
    assert!(!list.contains("company response"), "{list}");
}

/// Opened, a company letter that asks the staff for something says what, and for
/// when, where a staff letter's comments would be; the hints leave out the keys that
/// act on comments.
#[test]
fn a_company_letter_asking_for_something_says_what_when_opened() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (letter, says) in [
        (
            "effectiveness/corresp_quillon-rail_2025-05-12.txt",
            "The company asks to be declared effective, on 2025-05-14: no staff comments.",
        ),
        (
            "more-time/corresp_harrowgate-ferries_2025-03-20.txt",
            "The company asks for more time, until 2025-04-07: no staff comments.",
        ),
    ] {
        let filed = vec![Filed::read(&fixtures.join(letter)).unwrap()];
        let today = NaiveDate::from_ymd_opt(2025, 3, 28).unwrap();
        let mut s = State::from_filed(filed, today);
        update(&mut s, Action::Run(Command::Open));
        let shown = screen(&mut s, 240, 12);
        assert!(shown.contains(says), "{letter}:\n{shown}");
        // The hints offer what can be done with such a letter: read it as written,
        // not move among comments it does not have or search for their precedent.
        let hints = shown.lines().last().unwrap();
        assert!(hints.contains("the whole letter as written"), "{hints}");
        for nothing in ["next comment", "precedent", "search"] {
            assert!(!hints.contains(nothing), "{hints}");
        }
    }
}

/// `filed` in the workspace: the review tree's screen, then the flat list's on `today`
/// (the reviews built), with its state.
fn tree_then_list(filed: Vec<Filed>, today: NaiveDate) -> (String, String, State) {
    let mut s = desk_of(filed.clone());
    let tree = screen(&mut s, 150, 20);
    let mut s = State::from_filed(filed.clone(), today);
    update(&mut s, Action::ReviewsBuilt(Arc::new(build(filed))));
    let list = screen(&mut s, 150, 20);
    (tree, list, s)
}

/// The line of `text` that shows `date`.
fn line_with<'a>(text: &'a str, date: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(date))
        .unwrap_or_else(|| panic!("{date} not in {text}"))
}

#[test]
fn a_request_for_more_time_is_shown_and_moves_the_due_date() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let filed: Vec<Filed> = [
        fixtures.join("review").join(FIRST),
        fixtures.join("more-time/corresp_harrowgate-ferries_2025-03-20.txt"),
    ]
    .iter()
    .map(|p| Filed::read(p).unwrap())
    .collect();
    let today = NaiveDate::from_ymd_opt(2025, 3, 28).unwrap();
    let (tree, list, mut s) = tree_then_list(filed, today);
    assert!(
        tree.contains("· awaiting our response · due 2025-04-07"),
        "{tree}"
    );
    let round = line_with(&tree, "2025-03-20");
    assert!(round.contains("asks for more time"), "{round}");
    let row = line_with(&list, "2025-03-10");
    assert!(row.contains("due in 6 business days"), "{row}");
    let asking = line_with(&list, "2025-03-20");
    assert!(asking.contains("asks for more time"), "{asking}");

    // Exporting the staff letter's response warns of the date asked for, not the
    // staff's.
    let standing = exported_standing(&mut s, FIRST);
    assert!(!standing.replied);
    assert_eq!(standing.extended.as_deref(), Some("2025-04-07"));
    // With the company's response filed after it, nothing is late.
    let whole = self::filed();
    let mut s = State::from_filed(whole.clone(), today);
    update(&mut s, Action::ReviewsBuilt(Arc::new(build(whole))));
    assert!(exported_standing(&mut s, FIRST).replied);
}

/// What the export of the letter named `name` is told of its review: each of the
/// list's first rows exported in turn (a company letter has no response to export).
fn exported_standing(s: &mut State, name: &str) -> Standing {
    update(s, Action::Run(Command::First));
    for _ in 0..8 {
        update(s, Action::Run(Command::Export));
        let fx = update(s, Action::Run(Command::ExportChosen));
        for effect in fx {
            if let Effect::Export { path, standing, .. } = effect
                && path.ends_with(name)
            {
                return standing;
            }
        }
        update(s, Action::Run(Command::Down));
    }
    panic!("{name} was not exported");
}

/// The Harrowgate review and Quillon Rail's (another fictional company's) together.
fn two_reviews() -> Vec<Filed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/effectiveness");
    let mut whole = filed();
    for name in [
        "upload_quillon-rail_2025-04-25.txt",
        "corresp_quillon-rail_2025-05-12.txt",
    ] {
        whole.push(Filed::read(&dir.join(name)).unwrap());
    }
    whole
}

/// Type `query` into the Letters pane's filter (in place of what it held) and submit it.
fn filter(s: &mut State, query: &str) {
    update(s, Action::Run(Command::FindLetter));
    update(s, Action::Run(Command::DeleteToLineStart));
    query.chars().for_each(|c| {
        update(s, Action::LineInput(c));
    });
    update(s, Action::Run(Command::CommandSubmit));
}

/// The Letters pane's filter narrows the tree as it does the list: the reviews with a
/// letter it lets through, and only those letters, the title saying how many of all.
/// Before, the tree went on listing every review under "24 letters match".
#[test]
fn the_filter_narrows_the_tree_to_the_reviews_and_letters_it_lets_through() {
    let mut s = desk_of(two_reviews());
    let all = screen(&mut s, 150, 20);
    assert_shows(&all, &["Reviews (2 reviews)", "Harrowgate", "Quillon"]);
    filter(&mut s, "harrow");
    let text = screen(&mut s, 150, 20);
    assert_shows(
        &text,
        &["Reviews (1 of 2 reviews)", "Harrowgate", "closing letter"],
    );
    assert!(!text.contains("Quillon"), "{text}");
    // Only the letters it lets through, the last drawn as the last.
    filter(&mut s, "corresp_harrow");
    let text = screen(&mut s, 150, 20);
    assert_shows(&text, &["└ 2025-03-24  company response"]);
    assert!(
        !text.contains("staff letter") && !text.contains("Quillon"),
        "{text}"
    );
    // Enter opens the letter under the cursor: the response, the tree's second row.
    update(&mut s, Action::Run(Command::Last));
    update(&mut s, Action::Run(Command::Open));
    assert!(s.open_letter().is_some_and(|l| {
        l.file
            .ends_with("corresp_harrowgate-ferries_2025-03-24.txt")
    }));
    // The filter takes the focus back to the Letters pane.
    filter(&mut s, "no such company");
    let text = screen(&mut s, 150, 20);
    assert_shows(&text, &["No letter matches the filter."]);
}

/// The reviews are grouped from every letter, whatever the Letters pane's filter lets
/// through: a filter hiding the company's response must not make the letter it
/// answers due again. Before, a filter set when the folder was read (it is remembered
/// per folder) left the responses out of the reviews.
#[test]
fn the_reviews_are_grouped_from_every_letter_whatever_the_filter() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    let mut s = State::from_filed(filed(), today);
    filter(&mut s, "upload_");
    assert_eq!(s.listings().len(), 3);
    let fx = update(&mut s, Action::IndexFinished);
    let paths = fx
        .iter()
        .find_map(|e| match e {
            Effect::BuildReviews(paths) => Some(paths.clone()),
            _ => None,
        })
        .expect("the reviews asked for");
    assert_eq!(paths.len(), 4, "{paths:?}");
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("corresp_harrowgate-ferries_2025-03-24.txt"))
    );
}
