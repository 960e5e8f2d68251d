//! One synthetic letter per class of reading failure seen on real EDGAR conversions
//! (fictional companies and staff; `tests/fixtures/README.md` says what each
//! reproduces): numbered captions of the filing, wrapped and question headings,
//! reading-order damage, page-header and form-field debris, one unnumbered request,
//! and company letters that answer no comments.

use crate::support::{assert_no_debris, nearest, numbers, parse};
use letterdesk::letter::Kind;

#[test]
fn numbered_captions_are_headings_not_comments() {
    let l = parse(fixture!("numbered_captions.txt"));
    assert_eq!(numbers(&l), ["1", "2", "3", "4"]);
    assert_eq!(nearest(&l.comments[0]), "Cost of Revenue, page 64");
    assert!(
        l.comments[0]
            .headings
            .contains(&"1. Organization and Summary of Significant Accounting Policies".into())
    );
    assert!(l.comments[0].text.starts_with("Please disclose whether"));
    // One caption applies to the two comments under it.
    assert_eq!(nearest(&l.comments[1]), "(12) Income Taxes, page 72");
    assert_eq!(nearest(&l.comments[2]), "(12) Income Taxes, page 72");
    assert!(l.comments[1].text.starts_with("It is unclear why"));
    // A caption numbered like the comment below it.
    assert_eq!(nearest(&l.comments[3]), "4. Segment Reporting, page 80");
    // Numbered captions of notes replace each other in the trail.
    assert!(!l.comments[3].headings.iter().any(|h| h.starts_with("(12)")));
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn wrapped_and_question_headings_end_before_a_comment() {
    let l = parse(fixture!("wrapped_question_headings.txt"));
    assert_eq!(numbers(&l), ["1", "2", "3", "4"]);
    assert_eq!(
        nearest(&l.comments[0]),
        "Note 5 – Investments Accounted for by the Equity Method and Variable Interest Entities, page 90"
    );
    assert_eq!(l.comments[0].pages, ["90"]);
    assert_eq!(nearest(&l.comments[1]), nearest(&l.comments[0]));
    assert!(l.comments[1].text.ends_with("Please revise"));
    assert_eq!(
        nearest(&l.comments[2]),
        "Note 9 – Commitments and Contingencies Arising from the Sale of the Northern Wind Farms and Related Guarantees"
    );
    assert_eq!(
        nearest(&l.comments[3]),
        "Why are the partners proposing the conversion of the partnership into a corporation?"
    );
    assert_eq!(
        l.comments[3].text,
        "Please balance this answer with the reasons against the conversion."
    );
}

#[test]
fn items_printed_after_the_next_number_go_back_to_their_comment() {
    let l = parse(fixture!("bullets_after_number.txt"));
    assert_eq!(numbers(&l), ["1", "2", "3", "4"]);
    assert_eq!(
        l.comments[0].text,
        "Please tell us what control deficiencies were identified in connection with the card product reclassification and explain whether they related to design or operation. Additionally, please explain:\n\
         • how you assessed the severity of each control deficiency; and\n\
         • your plans to remediate the identified control deficiencies and the status of the remediation efforts."
    );
    assert!(l.comments[1].text.starts_with("We note your assertion"));
    let c3 = &l.comments[2].text;
    assert!(
        c3.contains("in the sentences that begin with \"Revenue primarily includes.\""),
        "{c3}"
    );
    assert!(
        c3.ends_with(
            "• For revenue recognized at a point in time, the judgments made about control."
        ),
        "{c3}"
    );
    assert_eq!(
        l.comments[3].text,
        "Please tell us your consideration of disaggregating revenues by timing."
    );
    assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
    assert!(l.warnings[0].contains("comment 2"));
}

#[test]
fn page_headers_and_form_field_residue_leave_no_debris() {
    let l = parse(fixture!("header_debris.txt"));
    assert_eq!(numbers(&l), ["1", "2", "3", "4", "5"]);
    for c in &l.comments {
        assert!(!c.text.ends_with(char::is_numeric), "{}", c.text);
    }
    let debris = [
        "Vantongeren",
        "HollowPeak",
        "Senior Vice President",
        "FirstName",
        "LastName",
        "Comapany",
        "Page",
        "2016",
    ];
    assert_no_debris(&l, &debris);
    assert_eq!(nearest(&l.comments[0]), "Manufacturing, page 44");
    assert_eq!(
        nearest(&l.comments[1]),
        "Note 12. Goodwill and Other Intangible Assets, page 15"
    );
    assert_eq!(nearest(&l.comments[2]), nearest(&l.comments[1]));
    assert!(
        l.comments[1]
            .text
            .ends_with("citing authoritative guidance, including how you determined that no impairment was required.")
    );
    assert_eq!(nearest(&l.comments[3]), "Note 14. Segments, page 17");
    assert_eq!(nearest(&l.comments[4]), "Note 15. Leases, page 19");
}

#[test]
fn one_unnumbered_request_is_one_comment_with_its_deadline() {
    let l = parse(fixture!("redacted_exhibit_request.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(numbers(&l), ["1"]);
    assert!(
        l.comments[0]
            .text
            .starts_with("You have redacted information")
    );
    assert!(l.comments[0].text.contains("within five business days"));
    // Five business days after Tuesday 2024-02-27.
    assert_eq!(l.response_due.as_deref(), Some("2024-03-05"));
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);

    let done = parse(fixture!("redacted_exhibit_concluded.txt"));
    assert_eq!(done.kind, Kind::Completion);
    assert!(done.comments.is_empty());
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn company_requests_are_not_staff_comments() {
    for fixture in [
        fixture!("acceleration_request.txt"),
        fixture!("extension_request.txt"),
    ] {
        let l = parse(fixture);
        assert_eq!(l.kind, Kind::Response, "{}", l.file);
        assert!(l.comments.is_empty(), "{}: {:?}", l.file, numbers(&l));
        assert_eq!(l.response_due, None);
    }
}

#[test]
fn a_commission_order_is_read_from_its_caption_and_closes_the_matter() {
    let l = parse(fixture!("registration_order.txt"));
    assert_eq!(l.kind, Kind::Completion);
    assert_eq!(l.date.as_deref(), Some("2023-09-14"));
    assert_eq!(l.company.as_deref(), Some("Brackenfell Orchards, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-40517"));
    assert!(l.comments.is_empty());
    assert_eq!(l.response_due, None);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    // Signed under "For the Commission, by the Division of Corporation Finance,
    // pursuant to delegated authority.", wrapped over two lines.
    assert_eq!(l.signatory.name.as_deref(), Some("Lena Marsh"));
    assert_eq!(l.signatory.title.as_deref(), Some("Office Chief"));
}

/// A completion letter whose close and name were an image: the office's lines alone
/// under a closing paragraph that no closing phrase opens.
#[test]
fn a_letter_signed_by_its_office_alone_names_the_office() {
    let text = "January 19, 2018\n\nAda Lark\nChief Financial Officer\nLark Widgets, Inc.\n\n\
                Re: Lark Widgets, Inc.\nForm 10-Q for the Quarterly Period Ended September 30, 2017\n\
                File No. 001-15787\n\nDear Ms. Lark:\n\nWe have completed our review of your filing. \
                We remind you that the company and its\nmanagement are responsible for the accuracy \
                and adequacy of their disclosures.\n\nDivision of Corporation Finance\n\
                Office of Industrial Applications and\nServices\n";
    let l = parse(("completed.txt", text.as_bytes()));
    assert_eq!(l.kind, Kind::Completion);
    assert_eq!(
        l.signatory.name.as_deref(),
        Some("Division of Corporation Finance")
    );
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Industrial Applications and Services")
    );
}
