//! Reviews rebuilt from the synthetic review in `tests/fixtures/review`: a staff
//! letter, the company's response restating each comment, a follow-up citing "prior
//! comment 2" and "comment 3 in our letter dated March 10, 2025", and a closing letter.

use crate::harrowgate::{CLOSING, FIRST, FOLLOW_UP, RESPONSE, edited, fixture, letter};
use crate::names;
use letterdesk::letter::{Kind, RequestKind};
use letterdesk::review::{Answered, Filed, Review, State, build};
use std::path::Path;

fn read(names: &[&str]) -> Vec<Filed> {
    names
        .iter()
        .map(|n| Filed::read(&fixture(n)).expect("reads"))
        .collect()
}

/// The first letter and the response with `edits` made to it (written to a temporary
/// folder, kept while the letters are used), as read.
fn with_response(edits: &[(&str, &str)]) -> (tempfile::TempDir, Vec<Filed>) {
    let dir = tempfile::tempdir().unwrap();
    let mut filed = read(&[FIRST]);
    filed.push(letter(dir.path(), RESPONSE, &edited(RESPONSE, edits)));
    (dir, filed)
}

/// Each answer's staff comment and the number it is restated under.
fn pairs(answered: &Answered) -> Vec<(&str, &str)> {
    answered
        .answers
        .iter()
        .map(|a| (a.comment.as_str(), a.restated.as_str()))
        .collect()
}

/// The answers to comments 2 and 3 in `review`, as the synthetic response gives them.
fn answers_two_and_three(review: &Review) {
    let (_, two) = review.answer(0, "2").expect("answer to comment 2");
    assert!(
        two.starts_with("The program is expected to cost $84 million"),
        "{two}"
    );
    assert!(two.ends_with("quarter ending March 31, 2025."), "{two}");
    let (_, three) = review.answer(0, "3").expect("answer to comment 3");
    assert_eq!(
        three,
        "We will file the complete charter agreement, including its schedules, as an \
         exhibit to our Form 10-Q for the quarter ending March 31, 2025."
    );
}

/// A letter of another company with the same form, in the same weeks.
fn other_company(dir: &Path) -> Filed {
    let edits = [
        ("Harrowgate Ferries", "Osprey Quarries"),
        ("001-41234", "001-57777"),
    ];
    let name = "upload_osprey-quarries_2025-03-10.txt";
    letter(dir, name, &edited(FIRST, &edits))
}

#[test]
fn four_rounds_in_date_order_make_one_closed_review() {
    let dir = tempfile::tempdir().unwrap();
    // Given in a shuffled order, with another company's letter among them.
    let mut filed = read(&[CLOSING, FOLLOW_UP, FIRST, RESPONSE]);
    filed.insert(2, other_company(dir.path()));
    let reviews = build(filed);
    assert_eq!(reviews.len(), 2);
    // The other company's review awaits our response, so it sorts first.
    assert_eq!(
        reviews[0].state,
        State::AwaitingResponse {
            due: Some("2025-03-24".into())
        }
    );
    let review = &reviews[1];
    assert_eq!(names(review), [FIRST, RESPONSE, FOLLOW_UP, CLOSING]);
    assert_eq!(review.state, State::Closed);
    assert_eq!(review.file_number.as_deref(), Some("001-41234"));
    assert_eq!(review.company.as_deref(), Some("Harrowgate Ferries, Inc."));
    assert_eq!(review.form.as_deref(), Some("10-K"));
}

#[test]
fn the_state_follows_the_last_round() {
    let awaiting_staff = build(read(&[FIRST, RESPONSE]));
    assert_eq!(awaiting_staff[0].state, State::AwaitingStaff);
    let follow_up = build(read(&[FIRST, RESPONSE, FOLLOW_UP]));
    assert_eq!(
        follow_up[0].state,
        State::AwaitingResponse {
            due: Some("2025-05-05".into())
        }
    );
    assert_eq!(follow_up[0].due(), Some("2025-05-05"));
}

#[test]
fn the_response_answers_the_first_letter_comment_by_comment() {
    let reviews = build(read(&[FIRST, RESPONSE, FOLLOW_UP, CLOSING]));
    let review = &reviews[0];
    assert_eq!(review.answered.len(), 1);
    let answered = &review.answered[0];
    assert_eq!((answered.response, answered.letter), (1, 0));
    assert_eq!(pairs(answered), [("1", "1"), ("2", "2"), ("3", "3")]);
    assert!(answered.unmatched.is_empty());
    let (_, two) = review.answer(0, "2").expect("answer to comment 2");
    assert!(
        two.starts_with("The program is expected to cost $84 million"),
        "{two}"
    );
    // The last answer stops before the response's closing paragraphs.
    let (_, three) = review.answer(0, "3").expect("answer to comment 3");
    assert!(three.ends_with("quarter ending March 31, 2025."), "{three}");
}

/// A response that answers under each quoted comment with no "Response:" label: the
/// parser reads each restatement and its answer as one comment, and the answer is what
/// follows the staff comment's last words, without the letter's closing.
#[test]
fn answers_with_no_label_are_read_after_the_quoted_comment() {
    let (_dir, filed) = with_response(&[
        ("Response: Fourth", "Fourth"),
        ("Response: The program", "The program"),
        ("Response: We will", "We will"),
        ("\n\nThe Company acknowledges", " The Company acknowledges"),
        (
            "\n\nIf you have any questions",
            " If you have any questions",
        ),
    ]);
    let reviews = build(filed);
    let review = &reviews[0];
    answers_two_and_three(review);
}

/// A response that quotes each comment with no number has no restatements the parser
/// reads; each comment is found again by its words, and answered by what follows.
#[test]
fn comments_quoted_with_no_number_are_answered_by_what_follows() {
    let (_dir, filed) = with_response(&[
        ("\n1. Please tell", "\nPlease tell"),
        ("\n2. You state", "\nYou state"),
        ("\n3. Your charter", "\nYour charter"),
    ]);
    assert!(filed[1].letter.comments.is_empty());
    let reviews = build(filed);
    let answered = &reviews[0].answered[0];
    let pairs = pairs(answered);
    assert_eq!(pairs, [("1", ""), ("2", ""), ("3", "")], "{answered:?}");
    answers_two_and_three(&reviews[0]);
}

#[test]
fn restatements_numbered_otherwise_are_matched_by_their_words() {
    let (_dir, filed) = with_response(&[
        ("\n1. Please tell", "\nA. Please tell"),
        ("\n2. You state", "\n1. You state"),
        ("\n3. Your charter", "\n2. Your charter"),
        ("\nA. Please tell", "\n3. Please tell"),
    ]);
    let reviews = build(filed);
    let answered = &reviews[0].answered[0];
    let pairs = pairs(answered);
    assert_eq!(pairs, [("1", "3"), ("2", "1"), ("3", "2")], "{answered:?}");
}

#[test]
fn references_lead_to_the_earlier_comment_and_its_answer() {
    let reviews = build(read(&[FIRST, RESPONSE, FOLLOW_UP, CLOSING]));
    let review = &reviews[0];
    let links: Vec<_> = review.links_from(2, "1").collect();
    assert_eq!(links.len(), 1);
    let target = links[0].to.as_ref().expect("resolved");
    assert_eq!((target.letter, target.comment.as_str()), (0, "2"));
    let (response, answer) = review.answer(target.letter, &target.comment).unwrap();
    assert_eq!(review.letters[response].letter.kind, Kind::Response);
    assert!(answer.contains("$84 million"));
    let dated = review.links_from(2, "2").next().unwrap();
    assert_eq!(
        dated
            .reference
            .letter_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-03-10")
    );
    assert_eq!(dated.to.as_ref().unwrap().comment, "3");
}

#[test]
fn a_reference_to_a_letter_not_in_the_folder_says_which() {
    let reviews = build(read(&[FOLLOW_UP]));
    let review = &reviews[0];
    let prior = review.links_from(0, "1").next().unwrap();
    assert_eq!(
        prior.to.as_ref().unwrap_err(),
        "the earlier letter with comment 2 is not in the folder"
    );
    let dated = review.links_from(0, "2").next().unwrap();
    assert_eq!(
        dated.to.as_ref().unwrap_err(),
        "the letter dated March 10, 2025 is not in the folder"
    );
}

#[test]
fn the_letters_requests_that_are_not_numbered() {
    let first = Filed::read(&fixture(FIRST)).unwrap();
    let kinds: Vec<RequestKind> = first.sections.requests.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RequestKind::Respond, RequestKind::Acknowledgment]);
    let follow_up = Filed::read(&fixture(FOLLOW_UP)).unwrap();
    let kinds: Vec<RequestKind> = follow_up.sections.requests.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RequestKind::Respond]);
    assert!(first.sections.opening[0].starts_with("We have reviewed your filing"));
    assert!(
        first
            .sections
            .closing
            .last()
            .unwrap()
            .starts_with("You may contact Tomas Ridley"),
        "{:?}",
        first.sections.closing
    );
}

#[test]
fn a_response_whose_header_names_nobody_joins_the_letter_it_cites() {
    let dir = tempfile::tempdir().unwrap();
    // No letterhead, no "Re:" block: the opening names the company and the date of
    // the comments it answers.
    let letterhead = "HARROWGATE FERRIES, INC.\n40 Quayside Road\nPortland, Maine 04101\n";
    let re = "Re: Harrowgate Ferries, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 21, 2025\nFile No. 001-41234\n";
    let edits = [
        (letterhead, ""),
        (re, ""),
        ("set forth in your letter dated", "dated"),
    ];
    let text = edited(RESPONSE, &edits);
    let mut filed = read(&[FIRST]);
    // Another company's letter of the same date.
    filed.push(other_company(dir.path()));
    let response = letter(dir.path(), RESPONSE, &text);
    let path = response.path.clone();
    assert_eq!(response.letter.kind, Kind::Response);
    assert_eq!(response.letter.file_number, None);
    filed.push(response);
    let reviews = build(filed);
    let review = reviews
        .iter()
        .find(|r| r.letters.iter().any(|f| f.path == path))
        .unwrap();
    assert_eq!(names(review), [FIRST, RESPONSE]);
}

#[test]
fn a_request_for_effectiveness_after_a_no_review_letter_joins_its_review() {
    let dir = tempfile::tempdir().unwrap();
    let no_review =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters/no_review_letter.txt");
    let request = dir.path().join("corresp_copperline_2021-07-08.txt");
    std::fs::write(
        &request,
        "COPPERLINE THERAPEUTICS, INC.\n\nJuly 8, 2021\n\nVIA EDGAR\n\nU.S. Securities and Exchange Commission\nDivision of Corporation Finance\n100 F Street, N.E.\nWashington, D.C. 20549\n\nRe: Copperline Therapeutics, Inc.\nRegistration Statement on Form S-3 (No. 333-257512)\n\nLadies and Gentlemen:\n\nPursuant to Rule 461 under the Securities Act of 1933, as amended, Copperline Therapeutics, Inc. hereby requests that the effective date of the above-referenced Registration Statement be accelerated to 4:00 p.m., Eastern Time, on July 12, 2021, or as soon thereafter as practicable.\n\nVery truly yours,\n\nCopperline Therapeutics, Inc.\n\nBy: Samuel O. Adeyemi\nChief Executive Officer\n",
    )
    .unwrap();
    let filed = vec![
        Filed::read(&no_review).unwrap(),
        Filed::read(&request).unwrap(),
    ];
    assert_eq!(filed[1].letter.kind, Kind::Response);
    let reviews = build(filed);
    assert_eq!(
        reviews.len(),
        1,
        "{:?}",
        reviews.iter().map(names).collect::<Vec<_>>()
    );
    assert_eq!(reviews[0].state, State::Closed);
}
