//! A company's conversation with the staff read as one review, beyond one filing: the
//! synthetic review in `tests/fixtures/review` (Harrowgate Ferries, Form 10-K, closed
//! May 19, 2025) with letters written here (every company, number and text made up):
//! the review of the next report begun soon after, a registration statement the staff
//! did not review meanwhile with the company's request for effectiveness, such a
//! request years later, the company's request for more time to respond, and a response
//! filed the day the staff's letter came.

use crate::harrowgate::{
    CLOSING, FIRST, FOLLOW_UP, MORE_TIME, RESPONSE, edited, fixture, fixture_in, letter,
};
use crate::names;
use letterdesk::letter::Kind;
use letterdesk::review::{Filed, Review, State, build};
use std::path::Path;

/// The four letters of the closed 10-K review.
fn closed_review() -> Vec<Filed> {
    [FIRST, RESPONSE, FOLLOW_UP, CLOSING]
        .iter()
        .map(|n| Filed::read(&fixture(n)).expect("reads"))
        .collect()
}

/// The closed review, then the staff's letter on the next quarterly report, filed as
/// `name` under `dir` and dated `date`, built into reviews.
fn with_quarterly(dir: &Path, name: &str, date: &str) -> Vec<Review> {
    let mut filed = closed_review();
    filed.push(letter(dir, name, &quarterly_comments(date)));
    build(filed)
}

/// Of two reviews, the one with more than one letter: the conversation.
fn conversation(reviews: &[Review]) -> &Review {
    assert_eq!(reviews.len(), 2, "{:?}", all_names(reviews));
    let conversation = reviews.iter().find(|r| r.letters.len() > 1);
    conversation.expect("the conversation")
}

fn all_names(reviews: &[Review]) -> Vec<Vec<String>> {
    reviews.iter().map(names).collect()
}

/// The staff's comment letter on the next quarterly report, dated `date`.
fn quarterly_comments(date: &str) -> String {
    edited(
        FIRST,
        &[
            ("March 10, 2025", date),
            (
                "Form 10-K for the Fiscal Year Ended December 31, 2024",
                "Form 10-Q for the Quarterly Period Ended March 31, 2025",
            ),
            ("Filed February 21, 2025", "Filed May 9, 2025"),
        ],
    )
}

/// The staff's letter saying it will not review a registration statement.
fn no_review(company: &str, date: &str, file_number: &str) -> String {
    format!(
        "United States securities and exchange commission logo\n\n{date}\n\nNadia Ferreira\nChief Financial Officer\n{company}\n40 Quayside Road\nPortland, Maine 04101\n\nRe: {company}\nRegistration Statement on Form S-3\nFiled March 28, 2025\nFile No. {file_number}\n\nDear Nadia Ferreira:\n\nThis is to advise you that we have not reviewed and will not review your registration statement.\n\nPlease refer to Rules 460 and 461 regarding requests for acceleration. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.\n\nPlease contact Tomas Ridley at 202-551-3780 with any questions.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Energy & Transportation\n"
    )
}

/// The company's request to declare a registration statement effective; `opening`
/// says what it refers to.
fn request(company: &str, date: &str, file_number: &str, opening: &str) -> String {
    let letterhead = company.to_uppercase();
    format!(
        "{letterhead}\n40 Quayside Road\nPortland, Maine 04101\n\n{date}\n\nVIA EDGAR\n\nU.S. Securities and Exchange Commission\nDivision of Corporation Finance\n100 F Street, N.E.\nWashington, D.C. 20549\n\nRe: {company}\nRegistration Statement on Form S-3 (File No. {file_number})\n\nLadies and Gentlemen:\n\n{opening}Pursuant to Rule 461 under the Securities Act of 1933, as amended, {company} hereby requests that the effective date of the above-referenced Registration Statement be accelerated to 4:00 p.m., Eastern Time, or as soon thereafter as practicable.\n\nVery truly yours,\n\n{company}\n\nBy: Nadia Ferreira\nChief Financial Officer\n"
    )
}

#[test]
fn the_review_of_the_next_report_begun_soon_after_continues_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let quarterly = "upload_harrowgate-ferries_2025-07-14.txt";
    let reviews = with_quarterly(dir.path(), quarterly, "July 14, 2025");
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    assert_eq!(
        names(&reviews[0]),
        [FIRST, RESPONSE, FOLLOW_UP, CLOSING, quarterly]
    );
    assert_eq!(
        reviews[0].state,
        State::AwaitingResponse {
            due: Some("2025-07-28".into())
        }
    );
    // The references of the follow-up still lead to the first letter.
    assert!(!reviews[0].links.is_empty());
    assert!(reviews[0].links.iter().all(|l| l.to.is_ok()));

    // A year later it is another review.
    let later = "upload_harrowgate-ferries_2026-07-13.txt";
    let reviews = with_quarterly(dir.path(), later, "July 13, 2026");
    assert_eq!(reviews.len(), 2, "{:?}", all_names(&reviews));
    assert_eq!(names(&reviews[0]), [later]);
}

#[test]
fn a_registration_statement_not_reviewed_meanwhile_joins_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let company = "Harrowgate Ferries, Inc.";
    let no_review_name = "upload_harrowgate-ferries_2025-04-02.txt";
    let request_name = "corresp_harrowgate-ferries_2025-04-04.txt";
    let other_name = "upload_osprey-quarries_2025-04-02.txt";
    let no_review_letter = letter(
        dir.path(),
        no_review_name,
        &no_review(company, "April 2, 2025", "333-287654"),
    );
    let request_letter = letter(
        dir.path(),
        request_name,
        &request(company, "April 4, 2025", "333-287654", ""),
    );
    assert_eq!(request_letter.letter.kind, Kind::Response);
    let other = letter(
        dir.path(),
        other_name,
        &no_review("Osprey Quarries Corp.", "April 2, 2025", "333-281111"),
    );
    let mut filed = closed_review();
    filed.extend([no_review_letter.clone(), request_letter, other]);
    let reviews = build(filed);
    let review = conversation(&reviews);
    assert_eq!(
        names(review),
        [
            FIRST,
            RESPONSE,
            no_review_name,
            request_name,
            FOLLOW_UP,
            CLOSING
        ]
    );
    assert_eq!(review.state, State::Closed);
    assert_eq!(review.file_number.as_deref(), Some("001-41234"));
    // The request answers no comment letter of the 10-K: only the response does.
    let responses: Vec<usize> = review.answered.iter().map(|a| a.response).collect();
    assert_eq!(responses, [1]);

    // The letter on the registration statement does not close the 10-K's comments.
    let first = Filed::read(&fixture(FIRST)).unwrap();
    let reviews = build(vec![first, no_review_letter]);
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    assert_eq!(
        reviews[0].state,
        State::AwaitingResponse {
            due: Some("2025-03-24".into())
        }
    );
}

#[test]
fn a_request_for_effectiveness_no_letter_answers_joins_the_companys_latest_review() {
    let dir = tempfile::tempdir().unwrap();
    let company = "Harrowgate Ferries, Inc.";
    let request_name = "corresp_harrowgate-ferries_2027-06-01.txt";
    let mut filed = closed_review();
    filed.push(letter(
        dir.path(),
        request_name,
        &request(company, "June 1, 2027", "333-299999", ""),
    ));
    // Another company's request, alone.
    let other_name = "corresp_osprey-quarries_2027-06-01.txt";
    filed.push(letter(
        dir.path(),
        other_name,
        &request("Osprey Quarries Corp.", "June 1, 2027", "333-281111", ""),
    ));
    let reviews = build(filed);
    let review = conversation(&reviews);
    assert_eq!(
        names(review),
        [FIRST, RESPONSE, FOLLOW_UP, CLOSING, request_name]
    );
    assert_eq!(review.state, State::Closed);
    let responses: Vec<usize> = review.answered.iter().map(|a| a.response).collect();
    assert_eq!(responses, [1]);

    // A letter that answers staff comments not here is a review of its own.
    let answer_name = "corresp_harrowgate-ferries_2027-06-02.txt";
    let mut filed = closed_review();
    filed.push(letter(
        dir.path(),
        answer_name,
        &request(
            company,
            "June 2, 2027",
            "333-299999",
            "We respond to the comments of the staff in your letter dated May 19, 2027.\n\n",
        ),
    ));
    let reviews = build(filed);
    assert_eq!(reviews.len(), 2, "{:?}", all_names(&reviews));
}

#[test]
fn the_commissions_order_declaring_a_registration_effective_closes_its_review() {
    // The staff's comments on a draft Form 10, which gives the CIK, not a file number;
    // the order months later names the company and the file number it was given.
    let dir = tempfile::tempdir().unwrap();
    let comments_name = "upload_brackenfell-orchards_2023-04-03.txt";
    let comments = "United States securities and exchange commission logo\n\nApril 3, 2023\n\nRuth Abernathy\nChief Executive Officer\nBrackenfell Orchards, Inc.\n2200 Cider Mill Road, Suite 300\nHood River, Oregon 97031\n\nRe: Brackenfell Orchards, Inc.\nDraft Registration Statement on Form 10\nSubmitted March 6, 2023\nCIK 0001987654\n\nDear Ms. Abernathy:\n\nWe have reviewed your draft registration statement and have the following comments.\n\nBusiness, page 4\n\n1. Please disclose the acreage of each orchard you operate and whether you own or lease it.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Trade & Services\n";
    let order_name = "sec-staff-action_brackenfell-orchards_2023-09-14.txt";
    let order = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters/registration_order.txt"),
    )
    .unwrap();
    let filed = vec![
        letter(dir.path(), comments_name, comments),
        letter(dir.path(), order_name, &order),
    ];
    let reviews = build(filed);
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    assert_eq!(names(&reviews[0]), [comments_name, order_name]);
    assert_eq!(reviews[0].letters[1].letter.kind, Kind::Completion);
    assert_eq!(reviews[0].state, State::Closed);
}

#[test]
fn a_request_for_more_time_answers_nothing_and_moves_the_due_date() {
    let name = MORE_TIME;
    let asking = Filed::read(&fixture_in("more-time", name)).unwrap();
    assert_eq!(asking.letter.kind, Kind::Response);
    let extension = asking
        .letter
        .extension
        .as_ref()
        .expect("asks for more time");
    assert_eq!(extension.until.as_deref(), Some("2025-04-07"));

    // Before the response, the comments still await it, due the date asked for.
    let first = Filed::read(&fixture(FIRST)).unwrap();
    let reviews = build(vec![first, asking.clone()]);
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    assert_eq!(names(&reviews[0]), [FIRST, name]);
    assert_eq!(
        reviews[0].state,
        State::AwaitingResponse {
            due: Some("2025-04-07".into())
        }
    );
    assert!(reviews[0].answered.is_empty());

    // Once answered, the request is one more letter of the closed review; only the
    // response answers the first letter.
    let mut filed = closed_review();
    filed.push(asking);
    let reviews = build(filed);
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    let review = &reviews[0];
    assert_eq!(names(review), [FIRST, name, RESPONSE, FOLLOW_UP, CLOSING]);
    assert_eq!(review.state, State::Closed);
    let responses: Vec<usize> = review.answered.iter().map(|a| a.response).collect();
    assert_eq!(responses, [2]);
}

/// The company answers the staff's letter the day it comes: on that date the staff's
/// letter comes first, and the response answers it. Before, the paths' order put
/// "corresp_" first, and the review awaited the response already filed.
#[test]
fn a_response_filed_the_day_of_the_staff_letter_comes_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let first = Filed::read(&fixture(FIRST)).unwrap();
    let name = "corresp_harrowgate-ferries_2025-03-10.txt";
    let text = edited(RESPONSE, &[("March 24, 2025", "March 10, 2025")]);
    let response = letter(dir.path(), name, &text);
    assert_eq!(response.letter.date.as_deref(), Some("2025-03-10"));
    let reviews = build(vec![response, first]);
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    assert_eq!(names(&reviews[0]), [FIRST, name]);
    assert_eq!(reviews[0].state, State::AwaitingStaff);
    let answered: Vec<(usize, usize)> = reviews[0]
        .answered
        .iter()
        .map(|a| (a.letter, a.response))
        .collect();
    assert_eq!(answered, [(0, 1)]);
}

/// The company's request that its registration statement be declared effective, after
/// the staff's comments on it (`tests/fixtures/effectiveness`), restates none of them:
/// it is no response to the letter, whose comments keep no answers.
#[test]
fn a_request_for_effectiveness_answers_no_comment() {
    let filed = [
        "upload_quillon-rail_2025-04-25.txt",
        "corresp_quillon-rail_2025-05-12.txt",
    ]
    .map(|n| Filed::read(&fixture_in("effectiveness", n)).expect("reads"));
    let reviews = build(filed.to_vec());
    assert_eq!(reviews.len(), 1, "{:?}", all_names(&reviews));
    let review = &reviews[0];
    assert!(review.letters[1].letter.effectiveness.is_some());
    assert!(review.answered.is_empty(), "{:?}", review.answered);
    assert_eq!(review.answer(0, "1"), None);
}
