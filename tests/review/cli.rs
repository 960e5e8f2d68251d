//! `letterdesk reviews` and `letterdesk import` on a copy of the synthetic review in
//! `tests/fixtures/review`.

use crate::common;

use common::bin::{json_of, keys_of, letterdesk, stderr, stdout};

use crate::harrowgate::{CLOSING, FIRST, FOLLOW_UP, MORE_TIME, RESPONSE, fixture, fixture_in};
use std::path::{Path, PathBuf};

const DRAFTS: &str = "upload_harrowgate-ferries_2025-03-10.responses.toml";

/// A temporary folder holding the four letters of the review.
fn review_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [FIRST, RESPONSE, FOLLOW_UP, CLOSING] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn reviews_json_has_the_documented_shape() {
    let dir = review_folder();
    let out = letterdesk(&["reviews", &arg(dir.path()), "--json"]);
    let value = json_of(&out);
    let reviews = value["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    let review = &reviews[0];
    let keys = keys_of(review);
    assert_eq!(
        keys,
        [
            "company",
            "due",
            "file_number",
            "form",
            "letters",
            "references",
            "state"
        ]
    );
    assert_eq!(review["state"], "closed");
    assert_eq!(review["file_number"], "001-41234");
    let kinds: Vec<&str> = review["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["comments", "response", "comments", "completion"]);
    let reference = &review["references"][0];
    assert!(
        reference["from"]["path"]
            .as_str()
            .unwrap()
            .ends_with(FOLLOW_UP)
    );
    assert_eq!(reference["from"]["comment"], "1");
    assert!(reference["to"]["path"].as_str().unwrap().ends_with(FIRST));
    assert_eq!(reference["to"]["comment"], "2");
    assert!(reference["missing"].is_null());
}

/// The staff's first letter and the company's request for more time: the review awaits
/// our response by the date asked for, in the table and in JSON, and `parse` says what
/// the request asks.
#[test]
fn a_request_for_more_time_is_named_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(FIRST), dir.path().join(FIRST)).unwrap();
    let asking = dir.path().join(MORE_TIME);
    std::fs::copy(fixture_in("more-time", MORE_TIME), &asking).unwrap();
    let out = letterdesk(&["reviews", &arg(dir.path())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("awaiting our response, due 2025-04-07"),
        "{text}"
    );
    assert!(
        text.contains("(asks for more time, until 2025-04-07)"),
        "{text}"
    );

    let value = json_of(&letterdesk(&["reviews", &arg(dir.path()), "--json"]));
    let review = &value["reviews"][0];
    assert_eq!(review["state"], "awaiting_response");
    assert_eq!(review["due"], "2025-04-07");
    assert!(review["letters"][0]["extension"].is_null());
    assert_eq!(review["letters"][1]["extension"]["until"], "2025-04-07");

    let value = json_of(&letterdesk(&["parse", &arg(&asking), "--json"]));
    assert_eq!(value["kind"], "response");
    assert_eq!(value["extension"]["until"], "2025-04-07");
    let out = letterdesk(&["parse", &arg(&asking)]);
    assert!(stdout(&out).contains("more time:    asked for, until 2025-04-07"));
}

/// A registration statement's review (`tests/fixtures/effectiveness`): the staff's
/// letter and the company's request that the registration statement be declared
/// effective (Rule 461), named with the day asked for in the table, JSON and `parse`.
#[test]
fn a_request_for_effectiveness_is_named_with_its_day() {
    let dir = fixture_in("effectiveness", "");
    let out = letterdesk(&["reviews", &arg(&dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Quillon Rail Holdings, Inc. · S-4 · 333-287654 · awaiting the staff"),
        "{text}"
    );
    assert!(
        text.contains("(asks to be declared effective, on 2025-05-14)"),
        "{text}"
    );

    let value = json_of(&letterdesk(&["reviews", &arg(&dir), "--json"]));
    let letters = &value["reviews"][0]["letters"];
    assert!(letters[0]["effectiveness"].is_null());
    assert_eq!(letters[1]["effectiveness"]["at"], "2025-05-14");
    assert!(letters[1]["extension"].is_null());

    let asking = dir.join("corresp_quillon-rail_2025-05-12.txt");
    let value = json_of(&letterdesk(&["parse", &arg(&asking), "--json"]));
    assert_eq!(value["effectiveness"]["at"], "2025-05-14");
    let out = letterdesk(&["parse", &arg(&asking)]);
    assert!(stdout(&out).contains("effective:    asked to be, on 2025-05-14"));
}

#[test]
fn reviews_table_names_the_rounds_and_what_is_missing() {
    let dir = review_folder();
    std::fs::remove_file(dir.path().join(FIRST)).unwrap();
    std::fs::remove_file(dir.path().join(CLOSING)).unwrap();
    let out = letterdesk(&["reviews", &arg(dir.path())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "Harrowgate Ferries, Inc. · 10-K · 001-41234 · awaiting our response, due 2025-05-05"
        ),
        "{text}"
    );
    assert!(text.contains("references: 0 of 2 resolved"), "{text}");
    assert!(
        text.contains("the letter dated March 10, 2025 is not in the folder"),
        "{text}"
    );
}

#[test]
fn parse_json_lists_each_comments_references() {
    let dir = review_folder();
    let out = letterdesk(&["parse", &arg(&dir.path().join(FOLLOW_UP)), "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value["comments"][0]["references"],
        serde_json::json!([{"comment": "2", "letter_date": null}])
    );
    assert_eq!(
        value["comments"][1]["references"],
        serde_json::json!([{"comment": "3", "letter_date": "2025-03-10"}])
    );
}

fn drafts_path(dir: &Path) -> PathBuf {
    dir.join(DRAFTS)
}

#[test]
fn import_fills_empty_drafts_and_keeps_a_differing_one() {
    let dir = review_folder();
    let drafts = drafts_path(dir.path());
    std::fs::write(
        &drafts,
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Our own answer, not the one filed.\"\n\n[comments.\"2\"]\nstatus = \"open\"\nresponse = \"\"\n",
    )
    .unwrap();
    let response = arg(&dir.path().join(RESPONSE));

    let dry = letterdesk(&["import", &response, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(3), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("comment 2: would be filled"),
        "{}",
        stdout(&dry)
    );
    assert!(
        std::fs::read_to_string(&drafts)
            .unwrap()
            .contains("response = \"\"")
    );

    let out = letterdesk(&["import", &response]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("comment 1: NOT written: the draft differs"),
        "{text}"
    );
    assert!(
        text.contains("comment 2: filled from the filed answer"),
        "{text}"
    );
    assert!(
        text.contains("comment 3: filled from the filed answer"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("comment 1 differ from the filed answers"),
        "{}",
        stderr(&out)
    );
    let saved = std::fs::read_to_string(&drafts).unwrap();
    assert!(
        saved.contains("Our own answer, not the one filed."),
        "{saved}"
    );
    assert!(saved.contains("$84 million"), "{saved}");
    assert!(saved.contains("charter agreement"), "{saved}");

    // Again: nothing left to fill; the differing draft is still listed.
    let again = letterdesk(&["import", &response, "--into", &arg(&dir.path().join(FIRST))]);
    assert_eq!(again.status.code(), Some(3));
    assert!(stdout(&again).contains("comment 2: already drafted with the filed answer"));
    assert_eq!(std::fs::read_to_string(&drafts).unwrap(), saved);
}

#[test]
fn import_with_no_draft_conflict_exits_zero() {
    let dir = review_folder();
    let out = letterdesk(&["import", &arg(&dir.path().join(RESPONSE))]);
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = std::fs::read_to_string(drafts_path(dir.path())).unwrap();
    assert_eq!(saved.matches("status = \"drafted\"").count(), 3, "{saved}");
}

#[test]
fn import_of_a_staff_letter_is_refused() {
    let dir = review_folder();
    let out = letterdesk(&["import", &arg(&dir.path().join(FIRST))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a company response letter"),
        "{}",
        stderr(&out)
    );
    assert!(!drafts_path(dir.path()).exists());
}

/// A company's request for effectiveness, or for more time, answers no comment:
/// `import` says so, rather than that no staff letter beside it is answered.
#[test]
fn import_of_a_request_is_refused_as_such() {
    for (folder, name, asks) in [
        (
            "effectiveness",
            "corresp_quillon-rail_2025-05-12.txt",
            "asks to be declared effective",
        ),
        ("more-time", MORE_TIME, "asks for more time"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let request = dir.path().join(name);
        std::fs::copy(fixture_in(folder, name), &request).unwrap();
        let out = letterdesk(&["import", &arg(&request)]);
        assert_eq!(out.status.code(), Some(1));
        let expected = format!("not a response: the company {asks} and answers no comment");
        assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    }
}

#[test]
fn reviews_table_is_safe_to_print_and_names_files_it_cannot_read() {
    let dir = review_folder();
    let first = dir.path().join(FIRST);
    let text = std::fs::read_to_string(&first).unwrap().replace(
        "Re: Harrowgate Ferries, Inc.",
        "Re: Harrowgate\u{1b}]0;PWNED\u{7} Ferries, Inc.",
    );
    std::fs::write(&first, text).unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\0\x01\x02letter").unwrap();
    let out = letterdesk(&["reviews", &arg(dir.path())]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(
        stderr(&out).contains("binary.txt: not a letter (binary content)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn import_into_a_drafts_file_with_conflict_markers_writes_nothing() {
    let dir = review_folder();
    let drafts = drafts_path(dir.path());
    let conflicted = "[comments.\"1\"]\n<<<<<<< HEAD\nresponse = \"mine\"\n=======\nresponse = \"theirs\"\n>>>>>>> other\n";
    std::fs::write(&drafts, conflicted).unwrap();
    let out = letterdesk(&["import", &arg(&dir.path().join(RESPONSE))]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("conflict"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&drafts).unwrap(), conflicted);
}

/// A response to comment 1 whose answer goes on with an item numbered 2 in other words
/// than the staff's comment 2 (`tests/fixtures/answer-list`): `import` fills comment 1
/// with the whole answer and says where item 2 was read.
#[test]
fn import_names_the_answer_a_numbered_item_was_read_into() {
    let dir = tempfile::tempdir().unwrap();
    for name in [ANSWER_LIST_STAFF, ANSWER_LIST_RESPONSE] {
        std::fs::copy(fixture_in("answer-list", name), dir.path().join(name)).unwrap();
    }
    let filed = dir.path().join(ANSWER_LIST_RESPONSE);
    let out = letterdesk(&["import", &arg(&filed)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("comment 1: filled from the filed answer"),
        "{said}"
    );
    assert!(
        said.contains(
            "restated comment 2: matches no comment of the staff letter; read as part of \
             the answer to comment 1"
        ),
        "{said}"
    );
    let drafts = dir
        .path()
        .join("upload_osprey-quarries_2025-03-10.responses.toml");
    let saved = std::fs::read_to_string(drafts).unwrap();
    assert!(
        saved.contains("2. Deliveries to the Harbor Authority"),
        "{saved}"
    );
}

/// The staff letter of `tests/fixtures/answer-list`.
const ANSWER_LIST_STAFF: &str = "upload_osprey-quarries_2025-03-10.txt";

/// Its response, whose answer to comment 1 lists an item numbered 2.
const ANSWER_LIST_RESPONSE: &str = "corresp_osprey-quarries_2025-03-20.txt";
