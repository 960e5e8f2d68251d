//! Comment numbers past 9,999 are comments of their own, never merged into the one
//! before them (a letter of 10,002 comments reads as 10,002 comments).

use crate::common;

use common::letters::letter_text;

#[test]
fn comment_numbers_above_9999_are_their_own_comments() {
    let comments: Vec<String> = (1..=10_002)
        .map(|n| format!("Please explain item {n} of the table."))
        .collect();
    let text = letter_text("Tenthousand Widgets Inc.", &comments);
    let letter = letterdesk::letter::parse_bytes("numbers.txt", text.as_bytes()).unwrap();
    assert_eq!(letter.comments.len(), 10_002);
    let last = letter.comments.last().unwrap();
    assert_eq!(last.number, "10002");
    assert_eq!(last.text, "Please explain item 10002 of the table.");
    let ninety = &letter.comments[9_998];
    assert_eq!(ninety.number, "9999");
    assert_eq!(ninety.text, "Please explain item 9999 of the table.");
}
