//! Tests of the comment outline (`outline.rs`) and the comments read from it: numbering,
//! headings, long letters.

use super::*;
use crate::letter::comment_text::comments;

/// A body read in both stages (for tests).
struct Body {
    comments: Vec<Comment>,
}

fn parse_body(lines: &[&str], response: bool, want_unnumbered: bool) -> Body {
    let outline = outline(lines, response, &[], || want_unnumbered);
    Body {
        comments: comments(lines, response, &outline),
    }
}

/// The body of a response letter, `text` (for tests).
fn response_body(text: &str) -> Body {
    let lines: Vec<&str> = text.lines().collect();
    parse_body(&lines, true, false)
}

/// The numbers of a body's comments.
fn numbers(body: &Body) -> Vec<&str> {
    body.comments.iter().map(|c| c.number.as_str()).collect()
}

mod outline {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn numbered_comments_with_headings() {
        let b = parse_body(
            &lines(
                "After reviewing, we may have comments.\n\nRisk Factors\n\nOur leases may end, page 9\n\n1. Tell us about leases.\n2. Tell us more.\n\nLiquidity, page 76\n\n3. Explain cash.\n\nYou may contact Jo Doe at (202) 551-0000.\n\nSincerely,",
            ),
            false,
            true,
        );
        assert_eq!(numbers(&b), ["1", "2", "3"]);
        assert_eq!(
            b.comments[0].headings,
            ["Risk Factors", "Our leases may end, page 9"]
        );
        assert_eq!(
            b.comments[1].headings,
            ["Risk Factors", "Our leases may end, page 9"]
        );
        assert_eq!(
            b.comments[2].headings,
            ["Risk Factors", "Liquidity, page 76"]
        );
        assert_eq!(b.comments[2].text, "Explain cash.");
        assert_eq!(b.comments[0].pages, ["9"]);
    }

    #[test]
    fn number_alone_on_its_line() {
        let b = parse_body(
            &lines(
                "Cover Page\n1.\n\nPlease revise\nthe cover.\n2.\n\nPlease file it.\nPlease contact Jo.",
            ),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 2);
        assert_eq!(b.comments[0].text, "Please revise the cover.");
        assert_eq!(b.comments[1].text, "Please file it.");
    }

    #[test]
    fn restarted_numbering_stays_unique() {
        let b = parse_body(
            &lines("Form S-4\n1. Do a.\n2. Do b.\nForm 10-K\n1. Do c.\nSincerely,"),
            false,
            true,
        );
        assert_eq!(numbers(&b), ["1", "2", "1 (2)"]);
        assert_eq!(b.comments[2].headings, ["Form 10-K"]);
    }

    #[test]
    fn unnumbered_request() {
        let b = parse_body(
            &lines(
                "We have reviewed your response.\nNote 3. Revenue, page 10\nWe note your segments. Please tell us more.\nYou may contact Jo at 202-551-0000.",
            ),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 1);
        assert_eq!(b.comments[0].headings, ["Note 3. Revenue, page 10"]);
        assert_eq!(
            b.comments[0].text,
            "We note your segments. Please tell us more."
        );
    }

    #[test]
    fn wrapped_number_mid_sentence_is_not_a_comment() {
        let b = parse_body(
            &lines("1. We note the amounts in Note\n2. Please explain them.\nSincerely,"),
            false,
            true,
        );
        assert_eq!(b.comments.len(), 1);
    }
}

mod comment_labels {
    use super::*;

    /// A label over a restatement that does not number it ("Staff Comment:",
    /// "Comment") is none of its headings, does not hide the headings above it, and is
    /// not the text of the answer above.
    #[test]
    fn a_label_over_a_restatement_is_not_a_heading_and_does_not_hide_them() {
        let text = "Form 10-K for the Year Ended December 31, 2023\n\nLiquidity, page 33\n\nStaff Comment:\n\n1. Tell us about cash.\n\nResponse:\n\nWe hold cash.\n\nComment\n\n2. Tell us more.\n\nResponse:\n\nHere is more.\n\nSincerely,";
        let b = response_body(text);
        assert_eq!(
            b.comments[0].headings,
            [
                "Form 10-K for the Year Ended December 31, 2023",
                "Liquidity, page 33"
            ]
        );
        assert_eq!(b.comments[0].pages, ["33"]);
        assert_eq!(b.comments[0].text, "Tell us about cash.");
        assert_eq!(
            b.comments[1].headings,
            [
                "Form 10-K for the Year Ended December 31, 2023",
                "Liquidity, page 33"
            ]
        );
        assert_eq!(b.comments[1].text, "Tell us more.");
    }
}

mod acknowledgments {
    use super::*;

    /// "The Company acknowledges the Staff's comment" ends an answer, not the letter:
    /// the restatements after it are read; "acknowledges that" it is responsible still
    /// closes the letter, and the numbered list after it holds no comments.
    #[test]
    fn an_answer_that_acknowledges_the_comment_does_not_close_the_letter() {
        let text = "1. Tell us about leases.\n\nResponse:\n\nWe have none.\n\nThe Company acknowledges the Staff's comment and will say so.\n\n2. Tell us more.\n\nResponse:\n\nHere is more.\n\nThe Company acknowledges that:\n\n1. it is responsible for its disclosure;\n\n2. staff comments do not foreclose action.\n\nSincerely,";
        assert_eq!(numbers(&response_body(text)), ["1", "2"]);
    }

    /// An answer that opens "We acknowledge that" a fact is an answer: the restatements
    /// after it are read.
    #[test]
    fn an_answer_that_acknowledges_a_fact_does_not_close_the_letter() {
        let text = "1. Tell us why the margins differ.\n\nWe acknowledge that the margins for parts may differ from vehicle margins.\n\n2. Tell us more.\n\nHere is more.\n\nWe acknowledge that:\n\n1. we are responsible for our disclosure;\n\n2. staff comments do not foreclose action.\n\nSincerely,";
        assert_eq!(numbers(&response_body(text)), ["1", "2"]);
    }
}

mod long_letters {
    use super::*;

    #[test]
    fn thousands_of_comments_keep_their_numbers() {
        let mut text = String::from("Risk Factors\n\n");
        for n in 1..=1200 {
            text.push_str(&format!("{n}. Please explain item {n}.\n\n"));
        }
        text.push_str("Sincerely,\n");
        let lines: Vec<&str> = text.lines().collect();
        let body = parse_body(&lines, false, true);
        assert_eq!(body.comments.len(), 1200);
        assert_eq!(body.comments[1199].number, "1200");
        assert_eq!(body.comments[1199].text, "Please explain item 1200.");
    }
}

#[test]
fn labels_that_name_who_answers_are_labels() {
    for line in [
        "Caterpillar Response:",
        "OUR RESPONSE:",
        "Acme Corp. Response to Comment 2:",
        "Response to Comment #2",
        "Response to Comment No. 1 We acknowledge the comment.",
    ] {
        assert!(is_response_label(line), "{line}");
    }
    for line in [
        "The response rate rose: 3%",
        "Responses were due",
        "We have a response:",
        "Response to comment 1 was sent in May.",
    ] {
        assert!(!is_response_label(line), "{line}");
    }
}

#[test]
fn labels_told_by_their_first_byte_are_the_regexes_labels() {
    let lines = [
        "Response:",
        "RESPONSE 12.",
        "Company's response: we",
        "company response no. 3",
        "Comment 3: Please",
        "Staff Comment No. 4.",
        "\u{17F}taff comment 5",
        "STAFF\u{A0}COMMENT 6",
        "comment",
        "Our response:",
        "Caterpillar Response:",
        "CATERPILLAR RESPONSE: We respectfully note",
        "Acme Corp. Response to Comment 2:",
        "Response to Comment #2:",
        "Response to Comment No. 1 We acknowledge",
        "Responsive to your comment:",
        "We have a response:",
        "The response rate rose",
        "\u{2022} Response:",
        "",
    ];
    for line in lines {
        assert_eq!(
            is_response_label(line),
            RESPONSE_LABEL.is_match(line) || NAMED_RESPONSE_LABEL.is_match(line),
            "{line}"
        );
        assert_eq!(
            crate::letter::numbers::is_comment_label(line),
            crate::letter::numbers::COMMENT_LABEL.is_match(line),
            "{line}"
        );
    }
}
