//! What the parser must return on each synthetic letter in `tests/fixtures/letters/`.
//!
//! Every fixture is a made-up letter (fictional companies, staff and filings) that
//! reproduces a structure found in real EDGAR conversions; `tests/fixtures/README.md`
//! says which. Due dates in the comments were worked out by hand: ten business days after
//! the letter date, skipping weekends and US federal holidays (observed dates).

use std::collections::HashSet;
use std::path::Path;

use letterdesk::letter::{Comment, Contact, Kind, Letter, LetterError, parse_bytes};
use proptest::prelude::*;

/// `(file name, bytes)` of a fixture, embedded at compile time so a missing file fails the build.
macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/letters/",
                $name
            ))
            .as_slice(),
        )
    };
}

fn parse((name, bytes): (&str, &[u8])) -> Letter {
    parse_bytes(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn numbers(letter: &Letter) -> Vec<&str> {
    letter.comments.iter().map(|c| c.number.as_str()).collect()
}

/// "1", "2", … as strings.
fn seq(range: std::ops::RangeInclusive<u32>) -> Vec<String> {
    range.map(|n| n.to_string()).collect()
}

fn comment<'a>(letter: &'a Letter, number: &str) -> &'a Comment {
    letter
        .comments
        .iter()
        .find(|c| c.number == number)
        .unwrap_or_else(|| {
            panic!(
                "{}: no comment {number}; have {:?}",
                letter.file,
                numbers(letter)
            )
        })
}

/// The nearest heading (last of the trail), or "" when there is none.
fn nearest(c: &Comment) -> &str {
    c.headings.last().map(String::as_str).unwrap_or("")
}

fn contact(name: &str, title: Option<&str>, phone: &str) -> Contact {
    Contact {
        name: name.to_string(),
        title: title.map(str::to_string),
        phone: Some(phone.to_string()),
    }
}

/// The letter's contacts start with `expected`, and none is a pronoun ("me", "the undersigned").
fn assert_contacts_start(letter: &Letter, expected: &[Contact]) {
    let have = &letter.contacts;
    assert!(
        have.len() >= expected.len(),
        "{}: contacts {have:#?}",
        letter.file
    );
    assert_eq!(&have[..expected.len()], expected, "{}", letter.file);
    for c in have {
        let lower = c.name.to_lowercase();
        assert!(
            !c.name.is_empty() && lower != "me" && !lower.contains("undersigned"),
            "{}: contact {c:?}",
            letter.file
        );
    }
}

/// Text every comment and heading must be free of: page-break headers and form-field
/// residue, converter markup, the closing boilerplate, and characters the parser normalises.
const NEVER_IN_COMMENTS: &[&str] = &[
    "\u{c}",
    "\r",
    "\t",
    "\u{a0}",
    "\u{f0b7}",
    "\u{fffd}",
    "**",
    "~~",
    "FirstName",
    "LastName",
    "Comapany",
    "We urge all persons",
    "You may contact",
    "Please contact",
    "Sincerely",
    "Very truly yours",
    "\u{2019}",
    "\u{201c}",
    "\u{201d}",
];

/// Every comment has a number and text; numbers are unique; no comment text or heading holds
/// residue (`NEVER_IN_COMMENTS` plus this letter's own page-header pieces in `extra`);
/// headings and lines are trimmed and wrapped lines are joined with single spaces.
fn assert_clean(letter: &Letter, extra: &[&str]) {
    let file = &letter.file;
    let mut seen = HashSet::new();
    for c in &letter.comments {
        let n = &c.number;
        assert!(!n.is_empty(), "{file}: empty comment number");
        assert!(seen.insert(n.clone()), "{file}: comment number {n} twice");
        assert!(!c.text.trim().is_empty(), "{file}: comment {n} has no text");
        assert_eq!(
            c.text,
            c.text.trim(),
            "{file}: comment {n} text not trimmed"
        );
        for line in c.text.lines() {
            assert!(
                !line.trim_start().contains("  "),
                "{file}: comment {n}: double space in {line:?}"
            );
            assert_eq!(
                line,
                line.trim_end(),
                "{file}: comment {n}: trailing space in {line:?}"
            );
        }
        for h in &c.headings {
            assert!(
                !h.is_empty() && h == h.trim(),
                "{file}: comment {n}: heading {h:?}"
            );
            assert!(
                !h.contains('\n') && !h.contains("  "),
                "{file}: comment {n}: heading {h:?}"
            );
        }
        for bad in NEVER_IN_COMMENTS.iter().chain(extra) {
            assert!(
                !c.text.contains(bad),
                "{file}: comment {n} text holds {bad:?}:\n{}",
                c.text
            );
            for h in &c.headings {
                assert!(
                    !h.contains(bad),
                    "{file}: comment {n} heading {h:?} holds {bad:?}"
                );
            }
        }
    }
}

/// The line of `text` holding `needle` begins with it once a list marker is stripped, and
/// is not the text's first line: the list item kept its own line.
fn assert_own_line(text: &str, needle: &str) {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"));
    assert!(index > 0, "{needle:?} is on the first line:\n{text}");
    let item = line
        .trim_start()
        .trim_start_matches(['-', '\u{2022}', '*', '\u{b7}'])
        .trim_start();
    assert!(
        item.starts_with(needle),
        "{needle:?} does not start its line {line:?}:\n{text}"
    );
}

/// The number as printed, before any suffix that makes it unique.
fn printed_number(number: &str) -> &str {
    let end = number
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(number.len());
    &number[..end]
}

const DIVISION: &str = "Division of Corporation Finance";

// ---------------------------------------------------------------------------------------------
// Staff letters
// ---------------------------------------------------------------------------------------------

#[test]
fn classic_four_deep_headings() {
    let l = parse(fixture!("classic_four_deep_headings.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2015-01-14"));
    assert_eq!(
        l.company.as_deref(),
        Some("Meridian Cold Chain Holdings Limited")
    );
    assert_eq!(l.file_number.as_deref(), Some("001-36218"));
    // Wednesday 2015-01-14 + 10 business days, skipping Martin Luther King Jr. Day (01-19).
    assert_eq!(l.response_due.as_deref(), Some("2015-01-29"));
    assert_eq!(l.addressee.name.as_deref(), Some("Wei Ling Tan"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(
        l.address,
        [
            "28 Tuas South Avenue 3",
            "Singapore 637521",
            "Republic of Singapore"
        ]
    );
    assert_eq!(l.subject.form.as_deref(), Some("20-F"));
    assert_eq!(
        l.subject.period.as_deref(),
        Some("Fiscal Year Ended June 30, 2014")
    );
    assert_eq!(l.subject.filed.as_deref(), Some("2014-10-28"));
    assert_eq!(
        l.subject.lines,
        [
            "Form 20-F for the Fiscal Year Ended June 30, 2014",
            "Filed October 28, 2014",
            "File No. 001-36218"
        ]
    );
    assert_eq!(numbers(&l), seq(1..=14));

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Key Information",
            "Risk Factors",
            "Risks Related to Our Business and Operations",
            "We depend on a small number of landlords for our warehouse sites..., page 12",
        ]
    );
    assert_eq!(c1.pages, ["12"]);
    assert!(
        c1.text.starts_with("Please tell us whether the landlords"),
        "{}",
        c1.text
    );
    assert_eq!(comment(&l, "2").pages, ["38", "9"]);

    // Split across a page break, continuation starting lowercase.
    let c5 = comment(&l, "5");
    assert!(
        c5.text
            .contains("a known trend that should be described in your discussion"),
        "{}",
        c5.text
    );
    assert!(!c5.text.contains('\n'), "one paragraph: {}", c5.text);
    assert_eq!(c5.pages, ["66", "70"]);
    // Comment 6 has no heading of its own: it inherits comment 5's.
    let c6 = comment(&l, "6");
    assert_eq!(nearest(c6), "Results of Operations, page 66");
    assert_eq!(c6.headings, c5.headings);
    assert_eq!(c6.pages, ["66"]);
    assert!(
        c6.text.starts_with("In future filings, please expand"),
        "{}",
        c6.text
    );

    // Comments 7, 8 and 9 follow each other without blank lines.
    let c7 = comment(&l, "7");
    assert!(c7.text.ends_with("in future filings."), "{}", c7.text);
    assert!(
        !c7.text.contains("undrawn"),
        "comment 8 swallowed into 7: {}",
        c7.text
    );
    let c8 = comment(&l, "8");
    assert!(
        c8.text
            .starts_with("Please tell us what consideration you gave to describing the undrawn")
    );
    assert_eq!(nearest(c8), "Liquidity and Capital Resources, page 72");
    // Split across a page break, continuation starting with an uppercase word.
    let c9 = comment(&l, "9");
    assert!(
        c9.text
            .contains("Refer to FRC 501.03(a) and Section IV of SEC Release 33-8350."),
        "{}",
        c9.text
    );
    assert!(!c9.text.contains('\n'), "one paragraph: {}", c9.text);

    assert_eq!(nearest(comment(&l, "11")), "Exhibits, page 104");
    let c12 = comment(&l, "12");
    assert_eq!(
        c12.headings,
        [
            "Notes to the Consolidated Financial Statements",
            "Note 1. Organization",
            "(c) Acquisition of Southern Reefer Logistics Sdn. Bhd., page F-18",
        ]
    );
    assert_eq!(c12.pages, ["F-18", "F-29", "F-52"]);
    // A new "Note N." block replaces the previous note and everything under it.
    assert_eq!(
        comment(&l, "13").headings,
        [
            "Notes to the Consolidated Financial Statements",
            "Note 19. Income Taxes",
            "Deferred Tax Assets, page F-58"
        ]
    );
    assert_eq!(
        comment(&l, "14").headings,
        [
            "Notes to the Consolidated Financial Statements",
            "Note 27. Parent Company Only Financial Information",
            "(b) Guarantees, page F-74",
        ]
    );
    assert!(comment(&l, "14").text.ends_with("in future filings."));

    assert_clean(
        &l,
        &[
            "Wei Ling Tan",
            "Page 5",
            "January 14, 2015",
            "acknowledging",
            "foreclose",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some("Thomas R. Beckett"));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Sr. Asst. Chief Accountant")
    );
    assert_contacts_start(
        &l,
        &[
            contact("Priya Raman", Some("Staff Accountant"), "(202) 551-3224"),
            contact("Daniel Okafor", Some("Staff Attorney"), "(202) 551-3447"),
            contact("Helen Marsh", Some("Staff Attorney"), "(202) 551-3456"),
        ],
    );
    assert_eq!(
        l.cc,
        ["Martin Cheong, Esq., Partner", "Abernathy & Lisle LLP"]
    );
}

#[test]
fn number_alone() {
    let l = parse(fixture!("number_alone.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2019-05-13"));
    assert_eq!(l.company.as_deref(), Some("ORCHARD VALLEY FOODS INC"));
    assert_eq!(l.file_number.as_deref(), Some("001-38127"));
    // Monday 2019-05-13 + 10 business days, skipping Memorial Day (05-27).
    assert_eq!(l.response_due.as_deref(), Some("2019-05-28"));
    assert_eq!(l.addressee.name.as_deref(), Some("Daniel K. Ferris"));
    assert_eq!(l.subject.form.as_deref(), Some("10-Q"));
    assert_eq!(
        l.subject.period.as_deref(),
        Some("Quarter Ended March 30, 2019")
    );
    assert_eq!(l.subject.filed.as_deref(), Some("2019-05-02"));
    assert_eq!(numbers(&l), seq(1..=6));

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Form 10-Q for the Quarter Ended March 30, 2019",
            "Item 1. Financial Statements (Unaudited)",
            "Note 3. Revenue from Contracts with Customers",
            "Franchise and Licensing Revenue, page 12",
        ]
    );
    assert!(
        c1.text.starts_with("We note that initial franchise fees"),
        "{}",
        c1.text
    );
    // The page-2 header interrupts this sentence.
    assert!(
        c1.text.contains("including when the company transfers control of the related equipment to the franchisee"),
        "{}",
        c1.text
    );
    assert!(!c1.text.contains('\n'), "one paragraph: {}", c1.text);
    assert!(
        comment(&l, "2")
            .text
            .starts_with("Please tell us how you determined")
    );
    assert_eq!(
        nearest(comment(&l, "4")),
        "Franchise and Licensing Revenue, page 12"
    );
    // "Item 2." replaces "Item 1." and everything under it.
    assert_eq!(
        comment(&l, "5").headings,
        [
            "Form 10-Q for the Quarter Ended March 30, 2019",
            "Item 2. Management's Discussion and Analysis of Financial Condition and Results of Operations",
            "Segment Results, page 31",
        ]
    );
    let c6 = comment(&l, "6");
    assert_eq!(c6.pages, ["31", "32"]);
    assert!(c6.text.ends_with("on segment revenue."), "{}", c6.text);

    assert_clean(
        &l,
        &[
            "Daniel K. Ferris",
            "ORCHARD VALLEY FOODS INC",
            "Page 2",
            "May 13, 2019",
            "In closing",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Manufacturing")
    );
    assert_eq!(
        l.contacts,
        [
            contact("Ruth Okonkwo", None, "202-551-3389"),
            contact("Samuel Petrakis", None, "202-551-3305"),
        ]
    );
    assert!(l.cc.is_empty(), "{:?}", l.cc);
}

#[test]
fn form_feed_pages() {
    let l = parse(fixture!("form_feed_pages.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2018-04-09"));
    assert_eq!(l.company.as_deref(), Some("Cobalt Ridge Holdings, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("333-223519"));
    // "Please respond to this letter by amending your registration statement": no deadline.
    assert_eq!(l.response_due, None);
    assert_eq!(l.subject.form.as_deref(), Some("S-4"));
    assert_eq!(l.subject.filed.as_deref(), Some("2018-03-12"));
    assert_eq!(
        l.subject.lines,
        [
            "Registration Statement on Form S-4",
            "Filed March 12, 2018",
            "File No. 333-223519",
            "Larkspur Energy Services, Inc.",
            "Form 10-K for Fiscal Year Ended December 31, 2017",
            "Filed February 22, 2018",
            "File No. 001-35544",
        ]
    );
    assert_eq!(numbers(&l), seq(1..=35));

    let c1 = comment(&l, "1");
    assert_eq!(c1.headings.len(), 3, "{:?}", c1.headings);
    assert_eq!(
        c1.headings[..2],
        ["Form S-4", "Questions and Answers, page 5"]
    );
    // A question heading wrapped onto a second line that starts lowercase.
    assert!(
        nearest(c1).starts_with(
            "What will holders of Larkspur common stock receive if the merger is completed and when will they receive it?"
        ),
        "{:?}",
        nearest(c1)
    );
    assert!(nearest(c1).ends_with("page 7"), "{:?}", nearest(c1));
    assert!(c1.pages.contains(&"7".to_string()), "{:?}", c1.pages);

    let c2 = comment(&l, "2");
    assert_eq!(nearest(c2), "The Combination, page 17");
    assert!(
        c2.headings.contains(&"Summary, page 16".to_string()),
        "{:?}",
        c2.headings
    );
    assert!(
        comment(&l, "5")
            .text
            .contains("the potential effect of those contacts on the reputation and share value"),
        "{}",
        comment(&l, "5").text
    );
    let c10 = comment(&l, "10");
    assert!(
        c10.text.ends_with("on page 75 of the prospectus."),
        "{}",
        c10.text
    );
    assert!(c10.pages.contains(&"75".to_string()), "{:?}", c10.pages);
    let c14 = comment(&l, "14");
    assert_eq!(
        nearest(c14),
        "Strategic Rationale and Stockholder Value, page 77"
    );
    assert!(
        c14.headings
            .contains(&"Recommendation of the Larkspur Board of Directors and Its Reasons for the Combination, page 76".to_string()),
        "{:?}",
        c14.headings
    );
    assert!(
        comment(&l, "16")
            .text
            .contains("used in its analyses, as they appear in the presentation materials"),
        "{}",
        comment(&l, "16").text
    );
    // Comment 28 starts a page: it keeps the heading in effect before the page break.
    assert!(nearest(comment(&l, "28")).ends_with("Pro Forma Adjustments, page 158"));
    let c32 = comment(&l, "32");
    assert_eq!(nearest(c32), "Key Performance Indicators, page 192");
    assert!(
        c32.headings.contains(
            &"Management's Discussion and Analysis of Financial Condition and Results of Operations of Tessaro FT, page 190"
                .to_string()
        ),
        "{:?}",
        c32.headings
    );
    assert_eq!(
        nearest(comment(&l, "33")),
        "Year Ended December 31, 2017 Compared to 2016, page 194"
    );
    let c34 = comment(&l, "34");
    assert_eq!(nearest(c34), "Note 2. Basis of Presentation, page FS-9");
    assert!(c34.pages.contains(&"FS-9".to_string()), "{:?}", c34.pages);
    // The last comment is on the second filing of the Re: block.
    let c35 = comment(&l, "35");
    assert_eq!(nearest(c35), "Well Services, page 5");
    assert!(
        c35.headings
            .contains(&"Form 10-K for Fiscal Year Ended December 31, 2017".to_string()),
        "{:?}",
        c35.headings
    );
    assert!(
        !c35.headings.contains(&"Form S-4".to_string()),
        "{:?}",
        c35.headings
    );
    assert!(
        c35.pages.contains(&"5".to_string()) && c35.pages.contains(&"61".to_string()),
        "{:?}",
        c35.pages
    );
    assert!(c35.text.ends_with("to your customers."), "{}", c35.text);

    assert_clean(
        &l,
        &[
            "Marcus A. Whitfield",
            "Page ",
            "April 9, 2018",
            "We remind you",
            "Rules 460 and 461",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some("Gregory T. Lindqvist"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Assistant Director")),
        "{:?}",
        l.signatory
    );
    assert_contacts_start(
        &l,
        &[
            contact("Elena Vasquez", None, "(202) 551-3337"),
            contact(
                "Robert Chen",
                Some("Accounting Branch Chief"),
                "(202) 551-3686",
            ),
            contact("Naomi Fitzgerald", None, "(202) 551-3271"),
        ],
    );
}

#[test]
fn markdown_bold_bullets() {
    let l = parse(fixture!("markdown_bold_bullets.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2016-02-01"));
    assert_eq!(
        l.company.as_deref(),
        Some("Alderbrook Hospitality Group, Inc.")
    );
    assert_eq!(l.file_number.as_deref(), Some("333-208802"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.addressee.name.as_deref(), Some("Catherine M. Dole"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Executive Vice President and General Counsel")
    );
    assert_eq!(l.subject.form.as_deref(), Some("S-4"));
    assert_eq!(l.subject.filed.as_deref(), Some("2016-01-06"));
    assert_eq!(numbers(&l), seq(1..=12));

    let c1 = comment(&l, "1");
    assert_eq!(c1.headings, ["General"]);
    // Smart quotes become ASCII.
    assert!(
        c1.text
            .contains("Solstice Resorts Worldwide, Inc.'s timeshare business"),
        "{}",
        c1.text
    );
    assert!(
        comment(&l, "2").text.ends_with("to review them."),
        "{}",
        comment(&l, "2").text
    );
    // Comment 3 starts a page; it is still under "General".
    let c3 = comment(&l, "3");
    assert!(
        c3.text
            .starts_with("Please provide us with copies of the board books"),
        "{}",
        c3.text
    );
    assert_eq!(nearest(c3), "General");
    let c4 = comment(&l, "4");
    assert_eq!(nearest(c4), "Summary, page 9");
    assert_eq!(c4.pages, ["9", "14"]);

    let c6 = comment(&l, "6");
    assert!(
        c6.text
            .starts_with("Please revise the summary to disclose, for each class of stockholder:")
    );
    assert_own_line(&c6.text, "the number of combined company shares");
    // A blank line inside the bullet: the item continues.
    assert!(
        c6.text
            .contains("the percentage of voting power those shares represent; and"),
        "{}",
        c6.text
    );
    assert_own_line(
        &c6.text,
        "any differences in the rights attached to those shares.",
    );
    assert!(
        comment(&l, "7")
            .text
            .contains("\"members of Solstice's management\"")
    );
    assert_eq!(
        nearest(comment(&l, "10")),
        "Opinion of Solstice's Financial Advisor, page 80"
    );
    let c11 = comment(&l, "11");
    assert_eq!(
        nearest(c11),
        "Note 4. Preliminary Allocation of the Merger Consideration, page 144"
    );
    // A heading wrapped onto a second line that starts lowercase.
    assert!(
        c11.headings.contains(
            &"Notes to the Unaudited Pro Forma Condensed Combined Financial Statements Giving Effect to the Mergers, page 142"
                .to_string()
        ),
        "{:?}",
        c11.headings
    );
    assert!(
        comment(&l, "12")
            .text
            .ends_with("for each period presented.")
    );

    assert_clean(
        &l,
        &[
            "Catherine M. Dole",
            "Page ",
            "February 1, 2016",
            "should the Commission",
            "acceleration",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some("Harold J. Simms"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Special Counsel"))
    );
    assert_contacts_start(
        &l,
        &[
            contact("Olivia Brandt", Some("Staff Accountant"), "202-551-3429"),
            contact(
                "Kenji Mori",
                Some("Accounting Branch Chief"),
                "202-551-3446",
            ),
            contact("Lucia Ferrante", Some("Staff Attorney"), "202-551-3758"),
        ],
    );
    assert_eq!(l.cc, ["Philip R. Ashworth", "Trowbridge, Kell & Marsh LLP"]);
}

#[test]
fn lettered_subitems() {
    let l = parse(fixture!("lettered_subitems.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2016-10-06"));
    assert_eq!(l.company.as_deref(), Some("Cedarline Timber Company"));
    assert_eq!(l.file_number.as_deref(), Some("1-5126"));
    // Thursday 2016-10-06 + 10 business days, skipping Columbus Day (10-10).
    assert_eq!(l.response_due.as_deref(), Some("2016-10-21"));
    assert_eq!(l.subject.form.as_deref(), Some("10-K"));
    assert_eq!(l.subject.filed.as_deref(), Some("2016-02-26"));
    assert!(
        l.subject
            .lines
            .contains(&"Amendment No. 1 to Form 8-K".to_string()),
        "{:?}",
        l.subject.lines
    );
    // Sub-items a.–d., (a), (i) and bullets are not comments.
    assert_eq!(numbers(&l), ["1", "2", "3"]);

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Amendment No. 1 to Form 8-K filed July 15, 2016",
            "Exhibit 99.2"
        ]
    );
    assert!(
        c1.text
            .starts_with("We note your response to prior comment 3.\n"),
        "{}",
        c1.text
    );
    assert!(
        c1.text
            .contains("\na. Please tell us the regional log prices"),
        "{}",
        c1.text
    );
    // Sub-item b. is split by the page-2 header.
    assert!(
        c1.text.contains(
            "\nb. Please provide more detail regarding how you determined the preliminary fair value of timberlands \
             using the income approach and the sales comparison approach, and tell us why you initially assigned"
        ),
        "{}",
        c1.text
    );
    assert!(
        c1.text.contains("\nc. Please provide more detail"),
        "{}",
        c1.text
    );
    assert!(c1.text.contains("\nd. Please compare"), "{}", c1.text);
    assert!(
        c1.text
            .ends_with("the decrease in the assigned fair values."),
        "{}",
        c1.text
    );

    let c2 = comment(&l, "2");
    assert!(
        c2.text
            .contains("\n(a) how you identified the cash-generating units"),
        "{}",
        c2.text
    );
    assert!(c2.text.contains("\n(b) the key assumptions"), "{}", c2.text);
    assert!(
        c2.text.contains("\n(i) the forecast lumber prices"),
        "{}",
        c2.text
    );
    assert!(
        c2.text
            .contains("\n(ii) the discount rate and how you derived it."),
        "{}",
        c2.text
    );
    assert!(
        !c2.text.contains("Form 10-K"),
        "heading swallowed: {}",
        c2.text
    );

    let c3 = comment(&l, "3");
    assert_eq!(
        c3.headings,
        [
            "Form 10-K for the fiscal year ended December 31, 2015",
            "Note 9. Timber and Timberlands, page 78"
        ]
    );
    assert!(
        c3.text
            .contains("\n\u{2022} the costs of reforestation after a timber harvest;"),
        "{}",
        c3.text
    );
    assert!(
        c3.text
            .contains("\n\u{2022} the depletion of merchantable timber"),
        "{}",
        c3.text
    );
    assert!(
        c3.text.ends_with("\n\u{2022} the gains on sales of non-strategic timberlands, including where you present them in your statements of operations."),
        "{}",
        c3.text
    );

    assert_clean(&l, &["Joanna Pruitt", "Page 2", "October 6, 2016"]);
    assert_eq!(l.signatory.name.as_deref(), Some("Renata Osei"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Assistant Chief Accountant"))
    );
    assert_contacts_start(
        &l,
        &[contact(
            "Arthur Bell",
            Some("Staff Accountant"),
            "202.551.3573",
        )],
    );
}

#[test]
fn unnumbered_comment() {
    let l = parse(fixture!("unnumbered_comment.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2017-12-04"));
    assert_eq!(l.company.as_deref(), Some("Trailhead Motor Works, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-36601"));
    assert_eq!(l.response_due.as_deref(), Some("2017-12-18"));
    // The single request carries no number: it becomes comment "1", with a warning.
    assert_eq!(numbers(&l), ["1"]);
    assert!(
        !l.warnings.is_empty(),
        "expected a warning about the unnumbered comment"
    );

    let c = comment(&l, "1");
    assert_eq!(
        c.headings,
        [
            "Form 10-Q for Fiscal Quarter Ended September 30, 2017",
            "Notes to the Financial Statements",
            "Note 4. Revenue, page 11",
        ]
    );
    assert!(c.pages.contains(&"11".to_string()), "{:?}", c.pages);
    assert!(
        c.text
            .starts_with("We have reviewed your response to prior comment 1."),
        "{}",
        c.text
    );
    assert_own_line(&c.text, "Dealer order reports which show unit orders");
    assert!(
        c.text
            .contains("include some information on average selling prices."),
        "{}",
        c.text
    );
    assert_own_line(
        &c.text,
        "An investor day presentation on September 12, 2017",
    );
    assert!(
        c.text
            .contains("A quarterly earnings call on November 2, 2017"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("\n\nGiven the information cited above"),
        "{}",
        c.text
    );
    assert!(
        c.text
            .ends_with("overall disclosure objective of ASC 60610-50-1."),
        "{}",
        c.text
    );

    assert_clean(&l, &["Raymond Castellano", "Page 2", "December 4, 2017"]);
    assert_eq!(l.signatory.name.as_deref(), Some("Walter Brennan-Hayes"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Branch Chief"))
    );
    assert_contacts_start(
        &l,
        &[
            contact("Gloria Estevez", None, "202-551-3389"),
            contact("Martin Kuehl", None, "202-551-3309"),
        ],
    );
}

#[test]
fn completion_letter() {
    let l = parse(fixture!("completion_letter.txt"));
    assert_eq!(l.kind, Kind::Completion);
    assert!(l.comments.is_empty(), "{:#?}", l.comments);
    assert_eq!(l.date.as_deref(), Some("2017-03-02"));
    assert_eq!(l.company.as_deref(), Some("Saltmarsh Instruments, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("1-16011"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.addressee.name.as_deref(), Some("Howard J. Pennington"));
    assert_eq!(l.signatory.name.as_deref(), Some("Beatrice Okonjo"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Chief")),
        "{:?}",
        l.signatory
    );
    assert_eq!(l.cc, ["Nathaniel Ruiz", "Assistant Director"]);
}

#[test]
fn no_review_letter() {
    let l = parse(fixture!("no_review_letter.txt"));
    assert_eq!(l.kind, Kind::NoReview);
    assert!(l.comments.is_empty(), "{:#?}", l.comments);
    assert_eq!(l.date.as_deref(), Some("2021-07-06"));
    assert_eq!(l.company.as_deref(), Some("Copperline Therapeutics, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("333-257512"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.subject.form.as_deref(), Some("S-3"));
    assert_eq!(
        l.contacts,
        [contact("Irene Vossberg", None, "202-551-3412")]
    );
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Life Sciences")
    );
    assert_eq!(l.cc, ["Jonathan P. Greer, Esq."]);
}

#[test]
fn logo_residue_2020() {
    let l = parse(fixture!("logo_residue_2020.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2020-06-18"));
    assert_eq!(l.company.as_deref(), Some("Bluestem Outdoor Brands, Inc."));
    // A draft registration statement is identified by CIK, not by a file number.
    assert_eq!(l.file_number, None);
    assert!(
        l.subject.lines.contains(&"CIK 0001809923".to_string()),
        "{:?}",
        l.subject.lines
    );
    assert_eq!(l.subject.form.as_deref(), Some("S-1"));
    assert_eq!(l.subject.filed.as_deref(), Some("2020-05-22"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.addressee.name.as_deref(), Some("Nadia R. Castillo"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Chief Executive Officer")
    );
    assert_eq!(
        l.address,
        ["3300 Larimer Street, Suite 500", "Denver, Colorado 80205"]
    );
    assert_eq!(numbers(&l), seq(1..=7));

    let c1 = comment(&l, "1");
    // ", page" ends one line and the number starts the next.
    assert_eq!(
        c1.headings,
        [
            "Draft Registration Statement on Form S-1",
            "Prospectus Summary",
            "Summary Historical and Pro Forma Consolidated Financial and Operating Data, page 14",
        ]
    );
    assert_eq!(c1.pages, ["14"]);
    assert!(
        c1.text
            .ends_with("described in narrative form in this section."),
        "{}",
        c1.text
    );
    // Comment 2 follows the residue spread over many short lines.
    let c2 = comment(&l, "2");
    assert_eq!(
        nearest(c2),
        "Conversion of Membership Units into Common Stock, page 19"
    );
    assert!(
        c2.text.starts_with("We note that fractional shares"),
        "{}",
        c2.text
    );
    assert_eq!(nearest(comment(&l, "3")), "Results of Operations, page 52");
    let c7 = comment(&l, "7");
    assert_eq!(nearest(c7), "Exhibits");
    assert!(c7.pages.is_empty(), "{:?}", c7.pages);
    assert!(
        c7.text
            .ends_with("Item 601(b)(10)(ii)(B) of Regulation S-K."),
        "{}",
        c7.text
    );

    assert_clean(
        &l,
        &[
            "Castillo",
            "NameBluestem",
            "Bluestem Outdoor\n",
            "18, 2020",
            "June 18",
            "Page",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Trade & Services")
    );
    assert_eq!(
        l.contacts,
        [
            contact("Oscar Lindgren", None, "202-551-3851"),
            contact("Yvette Moreau", None, "202-551-3856"),
            contact("Calvin Bright", None, "202-551-7576"),
            contact("Teresa Valdez", None, "202-551-3457"),
        ]
    );
    assert!(l.cc.is_empty(), "{:?}", l.cc);
}

#[test]
fn struck_footer_2024() {
    let l = parse(fixture!("struck_footer_2024.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2024-06-11"));
    assert_eq!(
        l.company.as_deref(),
        Some("Northwind Financial Corporation")
    );
    assert_eq!(l.file_number.as_deref(), Some("333-279305"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.addressee.name.as_deref(), Some("Gabriel H. Ostrander"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Chief Executive Officer")
    );
    assert_eq!(l.subject.form.as_deref(), Some("S-4"));
    assert_eq!(l.subject.filed.as_deref(), Some("2024-05-10"));
    // The ninth comment's number sits inside struck-through footer residue.
    assert_eq!(numbers(&l), seq(1..=9));

    assert_eq!(
        comment(&l, "1").headings,
        ["Registration Statement on Form S-4", "General"]
    );
    let c2 = comment(&l, "2");
    assert_eq!(
        nearest(c2),
        "Q: What will Pemberton stockholders receive in the merger, page 5"
    );
    assert_eq!(c2.pages, ["5"]);
    let c3 = comment(&l, "3");
    assert_eq!(nearest(c3), "Prospectus Summary, page 14");
    assert_own_line(
        &c3.text,
        "the board and senior management of the combined company;",
    );
    assert_own_line(
        &c3.text,
        "the combined company's share of the private label credit card market; and",
    );
    assert_own_line(
        &c3.text,
        "any expected changes in the regulatory requirements that will apply to it.",
    );
    // "~~outst~~ anding": the struck tail of a word is glued back to its rest.
    assert!(
        comment(&l, "5").text.ends_with(
            "add a risk factor that summarizes the outstanding litigation and regulatory inquiries related to the fee \
             disclosure matter and how they might affect the combined company if the merger is completed."
        ),
        "{}",
        comment(&l, "5").text
    );
    assert_eq!(comment(&l, "6").pages, ["29", "31", "32"]);
    assert_eq!(
        nearest(comment(&l, "7")),
        "The shares of Northwind common stock to be received by Pemberton stockholders, page 36"
    );
    // A plain (unstruck) page header in mid-sentence.
    assert!(
        comment(&l, "8")
            .text
            .contains("Mr. Halloran proposed a fixed exchange ratio of 0.8125"),
        "{}",
        comment(&l, "8").text
    );
    let c9 = comment(&l, "9");
    assert_eq!(
        nearest(c9),
        "Note 4 - Adjustments to the Unaudited Pro Forma Condensed Combined Financial Information, page 131"
    );
    // Struck residue overlapping real text, including the page-5 footer glued to "4(c)(iii)".
    assert_eq!(
        c9.text,
        "Please revise your disclosures to provide a more complete explanation, with supporting detail, including the \
         calculation, of the $1.4 billion adjustment to goodwill, as described in note 4(c)(iii), and of the related \
         estimated deferred tax liability."
    );

    assert_clean(
        &l,
        &[
            "Gabriel H. Ostrander",
            "Page ",
            "June 11, 2024",
            "We remind you",
            "Northwind Financial Corporation",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(l.signatory.title.as_deref(), Some("Office of Finance"));
    assert_eq!(
        l.contacts,
        [
            contact("Lena Hargrove", None, "202-551-3364"),
            contact("Felix Amari", None, "202-551-3452"),
            contact("Rosalind Petit", None, "202-551-8819"),
            contact("Victor Szabo", None, "202-551-3419"),
        ]
    );
    assert_eq!(l.cc, ["Elise Marchetti"]);
}

#[test]
fn restart_numbering() {
    let l = parse(fixture!("restart_numbering.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2022-03-15"));
    assert_eq!(
        l.company.as_deref(),
        Some("Ironbark Midstream Partners, Inc.")
    );
    assert_eq!(l.file_number.as_deref(), Some("333-262811"));
    // Comment 4 mentions "within ten business days", but the letter sets no deadline.
    assert_eq!(l.response_due, None);

    // Two filings, numbered 1-5 and again 1-2: numbers stay as printed but are made unique
    // with a suffix, so the drafts store can key on them.
    let n = numbers(&l);
    assert_eq!(n.len(), 7, "{n:?}");
    assert_eq!(n[..5], ["1", "2", "3", "4", "5"]);
    assert_eq!(printed_number(n[5]), "1", "{n:?}");
    assert_eq!(printed_number(n[6]), "2", "{n:?}");
    assert_eq!(
        n.iter().collect::<HashSet<_>>().len(),
        7,
        "numbers must be unique: {n:?}"
    );

    assert_eq!(
        l.comments[0].headings,
        ["Registration Statement on Form S-4", "Cover Page"]
    );
    assert!(
        l.comments[3]
            .text
            .ends_with("as the summary on page 9 suggests."),
        "{}",
        l.comments[3].text
    );
    assert!(
        l.comments[3].pages.contains(&"9".to_string()),
        "{:?}",
        l.comments[3].pages
    );
    let c5 = &l.comments[4];
    assert_eq!(
        nearest(c5),
        "Certain Ironbark Unaudited Prospective Financial Information, page 58"
    );
    assert!(
        c5.text.ends_with("underlie the projections."),
        "{}",
        c5.text
    );
    assert_eq!(
        l.comments[5].headings,
        [
            "Form 10-K for the Fiscal Year Ended December 31, 2021",
            "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations",
            "Adjusted EBITDA, page 44",
        ]
    );
    assert!(
        l.comments[5]
            .text
            .starts_with("You present Adjusted EBITDA"),
        "{}",
        l.comments[5].text
    );
    assert_eq!(
        l.comments[6].headings,
        [
            "Form 10-K for the Fiscal Year Ended December 31, 2021",
            "Item 8. Financial Statements",
            "Note 12. Commitments and Contingencies, page F-31",
        ]
    );

    assert_clean(&l, &["Theodore Vance", "We remind you"]);
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Energy & Transportation")
    );
    assert_eq!(l.contacts.len(), 4, "{:#?}", l.contacts);
    assert_eq!(l.cc, ["Amelia R. Stanton, Esq."]);
}

#[test]
fn close_paren_numbering() {
    let l = parse(fixture!("close_paren_numbering.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2021-06-28"));
    assert_eq!(l.company.as_deref(), Some("HARTWELL PROPERTY TRUST"));
    assert_eq!(l.file_number.as_deref(), Some("5-61234"));
    // Monday 2021-06-28 + 10 business days; Independence Day (Sunday) is observed Monday 07-05.
    assert_eq!(l.response_due.as_deref(), Some("2021-07-13"));
    assert_eq!(l.addressee.name.as_deref(), Some("Adrienne K. Morrow"));
    assert_eq!(numbers(&l), seq(1..=5));

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Schedule TO-I filed June 17, 2021",
            "Offer to Purchase",
            "Summary Term Sheet, page 2"
        ]
    );
    assert_eq!(c1.pages, ["2"]);
    assert!(c1.text.starts_with("The summary states"), "{}", c1.text);
    // The page header here is only "June 28, 2021 / Page 2".
    assert_eq!(
        comment(&l, "3").text,
        "The conditions permit the Trust to terminate the offer if any change occurs that \"could\" affect its \
         business. Please revise to specify an objective standard for this condition so that shareholders can \
         determine whether it has been triggered."
    );
    let c4 = comment(&l, "4");
    assert_eq!(nearest(c4), "Conditions of the Offer, page 14");
    assert!(
        c4.text.starts_with("You state that the Trust's failure"),
        "{}",
        c4.text
    );
    assert_eq!(
        nearest(comment(&l, "5")),
        "Source and Amount of Funds, page 17"
    );

    assert_clean(
        &l,
        &[
            "June 28, 2021",
            "Page 2",
            "Adrienne",
            "We remind you",
            "direct any questions",
        ],
    );
    assert_eq!(l.contacts, [contact("Simone Adair", None, "202-551-3263")]);
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Mergers & Acquisitions")
    );
}

#[test]
fn paren_numbering() {
    let l = parse(fixture!("paren_numbering.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2023-06-12"));
    assert_eq!(l.company.as_deref(), Some("Redfern Semiconductor Corp"));
    assert_eq!(l.file_number.as_deref(), Some("001-40877"));
    // Monday 2023-06-12 + 10 business days, skipping Juneteenth (06-19).
    assert_eq!(l.response_due.as_deref(), Some("2023-06-27"));
    // "(1)" is printed, "1" is the number; "(a)"/"(b)" inside comment 2 are sub-items.
    assert_eq!(numbers(&l), seq(1..=5));

    assert_eq!(
        comment(&l, "1").headings,
        [
            "Form 10-K for the Fiscal Year Ended March 31, 2023",
            "Management's Discussion and Analysis of Financial Condition and Results of Operations",
            "Results of Operations, page 41",
        ]
    );
    let c2 = comment(&l, "2");
    assert!(
        c2.text
            .contains("\n(a) the reasons for the increase in inventory, by product family; and"),
        "{}",
        c2.text
    );
    assert!(
        c2.text.contains("\n(b) how you evaluated the need"),
        "{}",
        c2.text
    );
    let c3 = comment(&l, "3");
    assert_eq!(nearest(c3), "Non-GAAP Financial Measures, page 48");
    assert!(
        c3.text
            .ends_with("Compliance and Disclosure Interpretations."),
        "{}",
        c3.text
    );
    assert_eq!(
        comment(&l, "4").headings,
        [
            "Form 10-K for the Fiscal Year Ended March 31, 2023",
            "Notes to the Consolidated Financial Statements",
            "Note 7. Goodwill, page F-24",
        ]
    );
    assert_eq!(
        comment(&l, "5").headings,
        [
            "Form 10-K for the Fiscal Year Ended March 31, 2023",
            "Notes to the Consolidated Financial Statements",
            "Note 15. Segment Information, page F-39",
        ]
    );

    assert_clean(&l, &["Priyanka Desai", "Page 2", "June 12, 2023"]);
    assert_eq!(
        l.contacts,
        [
            contact("Wesley Huang", None, "202-551-3736"),
            contact("Farah Nadeem", None, "202-551-3229"),
        ]
    );
}

#[test]
fn dirty_crlf_nbsp() {
    let l = parse(fixture!("dirty_crlf_nbsp.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2022-12-19"));
    assert_eq!(l.company.as_deref(), Some("Thornbury Logistics Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-38904"));
    // Monday 2022-12-19 + 10 business days, skipping Christmas (Sunday, observed 12-26)
    // and New Year's Day (Sunday, observed 2023-01-02).
    assert_eq!(l.response_due.as_deref(), Some("2023-01-04"));
    assert_eq!(l.addressee.name.as_deref(), Some("Kieran O'Neill"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(l.address, ["88 Commerce Drive", "Columbus, Ohio 43215"]);
    assert_eq!(numbers(&l), seq(1..=3));

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Form 10-K for the Fiscal Year Ended September 30, 2022",
            "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations",
            "Non-GAAP Financial Measures, page 36",
        ]
    );
    assert_eq!(c1.pages, ["36"]);
    assert!(
        c1.text.starts_with("You present \"adjusted free cash flow\" as a measure of liquidity. Please revise to reconcile"),
        "{}",
        c1.text
    );
    assert!(
        comment(&l, "2")
            .text
            .contains("the company's \"core operating margin\" excludes")
    );
    let c3 = comment(&l, "3");
    assert_eq!(nearest(c3), "Liquidity and Capital Resources, page 39");
    assert_eq!(c3.pages, ["39"]);
    assert_eq!(
        c3.text,
        "We note that borrowings under your revolving credit facility increased to $212.5 million at September 30, \
         2022. Please discuss the reasons for the increase and the company's plans to repay these borrowings, and \
         disclose the maximum amount outstanding during the year."
    );

    assert_clean(&l, &["We remind you"]);
    assert_eq!(l.signatory.name.as_deref(), Some(DIVISION));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Office of Energy & Transportation")
    );
    assert_eq!(
        l.contacts,
        [
            contact("Greta Lindholm", None, "202-551-3417"),
            contact("Owen Castellanos", None, "202-551-3490"),
        ]
    );
}

#[test]
fn windows_1252() {
    let (name, bytes) = fixture!("windows_1252.txt");
    assert!(
        std::str::from_utf8(bytes).is_err(),
        "the fixture must stay Windows-1252"
    );
    let l = parse((name, bytes));
    assert!(
        !l.warnings.is_empty(),
        "expected a warning that the file is not UTF-8"
    );
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2018-11-07"));
    assert_eq!(l.company.as_deref(), Some("Bellerive \u{c9}nergie S.A."));
    assert_eq!(l.file_number.as_deref(), Some("001-37765"));
    // Wednesday 2018-11-07 + 10 business days, skipping Veterans Day (Sunday, observed
    // 11-12) and Thanksgiving (11-22).
    assert_eq!(l.response_due.as_deref(), Some("2018-11-23"));
    assert_eq!(l.addressee.name.as_deref(), Some("Am\u{e9}lie Fournier"));
    assert_eq!(numbers(&l), seq(1..=3));

    let c1 = comment(&l, "1");
    assert!(
        nearest(c1).starts_with("Results of Operations"),
        "{:?}",
        nearest(c1)
    );
    assert!(
        nearest(c1).ends_with("Hydro Segment, page 58"),
        "{:?}",
        nearest(c1)
    );
    assert!(
        c1.text.contains("your Rh\u{f4}ne valley plants"),
        "{}",
        c1.text
    );
    assert!(c1.text.contains("the segment's revenue"), "{}", c1.text);
    let c2 = comment(&l, "2");
    assert!(
        c2.text.contains("the \"capacity availability payments\""),
        "{}",
        c2.text
    );
    assert!(
        c2.text
            .contains("R\u{e9}seau \u{c9}lectrique R\u{e9}gional"),
        "{}",
        c2.text
    );
    assert_eq!(
        comment(&l, "3").headings,
        [
            "Item 18. Financial Statements",
            "Note 11. Property, Plant and Equipment, page F-32"
        ]
    );

    assert_clean(&l, &[]);
    assert_eq!(l.signatory.name.as_deref(), Some("Dominic Pryce"));
    assert_contacts_start(
        &l,
        &[
            contact(
                "C\u{e9}line Marchand",
                Some("Staff Accountant"),
                "(202) 551-3327",
            ),
            contact(
                "Arturo Ben\u{ed}tez",
                Some("Staff Accountant"),
                "(202) 551-3315",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Company response letters (EDGAR CORRESP)
// ---------------------------------------------------------------------------------------------

#[test]
fn response_comment_labels() {
    let l = parse(fixture!("response_comment_labels.txt"));
    assert_eq!(l.kind, Kind::Response);
    assert_eq!(l.date.as_deref(), Some("2024-10-14"));
    assert_eq!(l.company.as_deref(), Some("Granite Mill Foods Corporation"));
    assert_eq!(l.file_number.as_deref(), Some("001-01234"));
    assert_eq!(l.response_due, None);
    assert_eq!(l.subject.form.as_deref(), Some("10-K"));
    // "Response dated July 19, 2024" dates a response, not the filing.
    assert_eq!(l.subject.filed, None);
    assert_eq!(numbers(&l), ["1", "2"]);

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Form 10-K for Fiscal Year Ended December 31, 2023",
            "Notes to the Consolidated Financial Statements",
            "Note 16. Segment Information, page 102",
        ]
    );
    // The staff's comment only: no label, no bold, not the company's response.
    assert_eq!(
        c1.text,
        "We note you present \"Segment Net Sales\" for each reportable segment in addition to \"Sales to external \
         customers\" and \"Intersegment sales.\" Please tell us why you present \"Segment Net Sales\" and the basis \
         for this presentation under ASC 280."
    );
    let c2 = comment(&l, "2");
    assert!(
        c2.text
            .starts_with("ASC 280-10-50-30(b) requires a reconciliation"),
        "{}",
        c2.text
    );
    assert!(
        c2.text
            .ends_with("complies with Item 10(e) of Regulation S-K."),
        "{}",
        c2.text
    );

    assert_clean(
        &l,
        &[
            "Response",
            "Comment:",
            "Riverside Plaza",
            "612-555-0140",
            "We present",
            "presenting",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some("Marguerite Olsen"));
    assert!(
        l.signatory
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Vice President")),
        "{:?}",
        l.signatory
    );
}

#[test]
fn response_italic_comments() {
    let l = parse(fixture!("response_italic_comments.txt"));
    assert_eq!(l.kind, Kind::Response);
    assert_eq!(l.date.as_deref(), Some("2016-06-03"));
    assert_eq!(l.company.as_deref(), Some("Halcyon Therapeutics, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-37012"));
    assert_eq!(l.response_due, None);
    // "1)", "2)", "3)" in the closing acknowledgment are not comments.
    assert_eq!(numbers(&l), ["1", "2"]);

    let c1 = comment(&l, "1");
    assert_eq!(
        c1.headings,
        [
            "Notes to Consolidated Financial Statements",
            "C. Collaboration Agreements",
            "Variable Interest Entities",
            "Brightfield Bio, Inc., page F-21",
        ]
    );
    assert_eq!(
        c1.text,
        "Please provide us with your analysis under ASC 810-10 supporting your conclusion that you are required to \
         consolidate Brightfield Bio, Inc. Refer in your response to the specific provisions of your agreement with \
         Brightfield that you relied upon."
    );
    let c2 = comment(&l, "2");
    assert_eq!(nearest(c2), "C. Collaboration Agreements, page F-23");
    // An italic comment interrupted by the page-3 header.
    assert_eq!(
        c2.text,
        "Please tell us how you determined the amount of the upfront payment allocated to the license and to the \
         research services, and explain how you will account for the development milestone payments that may become \
         payable to Brightfield, including the period in which you expect to recognize them."
    );

    assert_clean(
        &l,
        &[
            "*",
            "Securities and Exchange Commission",
            "June 3, 2016",
            "Page ",
            "Step 1",
            "Response",
            "acknowledges",
        ],
    );
    assert_eq!(l.signatory.name.as_deref(), Some("Eleanor Voss"));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Senior Vice President and Chief Accounting Officer")
    );
}

// ---------------------------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_file() {
    let l = parse(fixture!("empty.txt"));
    assert_eq!(l.file, "empty.txt");
    assert_eq!(l.kind, Kind::Unknown);
    assert!(l.comments.is_empty());
    assert_eq!(l.date, None);
    assert!(!l.warnings.is_empty(), "an empty file deserves a warning");
}

#[test]
fn header_only() {
    let l = parse(fixture!("header_only.txt"));
    assert_eq!(l.kind, Kind::Unknown);
    assert!(l.comments.is_empty(), "{:#?}", l.comments);
    assert!(
        !l.warnings.is_empty(),
        "a letter without a body deserves a warning"
    );
    assert_eq!(l.date.as_deref(), Some("2013-08-27"));
    assert_eq!(l.company.as_deref(), Some("Fennimore Water Systems, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-34987"));
    assert_eq!(l.addressee.name.as_deref(), Some("Leonard P. Achterberg"));
    assert_eq!(l.response_due, None);
}

#[test]
fn binary_nul() {
    let (name, bytes) = fixture!("binary_nul.txt");
    match parse_bytes(name, bytes) {
        Err(LetterError::Binary { file }) => assert_eq!(file, name),
        other => panic!("expected LetterError::Binary, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Whole-folder checks
// ---------------------------------------------------------------------------------------------

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters")
}

/// Every fixture except the binary one parses, with unique numbers and no residue.
#[test]
fn every_fixture_parses_cleanly() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        if bytes.contains(&0) {
            continue;
        }
        let letter = parse_bytes(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(letter.file, name);
        assert_clean(&letter, &[]);
        count += 1;
    }
    assert!(count >= 18, "only {count} fixtures found");
}

/// The fixtures README lists every fixture, and every file it lists exists.
#[test]
fn readme_lists_every_fixture() {
    let readme = std::fs::read_to_string(fixtures_dir().join("../README.md")).unwrap();
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    for name in &on_disk {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md does not list {name}"
        );
    }
    for listed in readme
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.ends_with(".txt"))
    {
        assert!(
            on_disk.iter().any(|n| n == listed),
            "README.md lists missing fixture {listed}"
        );
    }
}

/// The built-in demo letters parse into what the demo promises.
#[test]
fn demo_letters_parse() {
    let expected: &[(&str, Kind, usize, Option<&str>)] = &[
        (
            "upload_kittiwake-marine_2015-06-22.txt",
            Kind::Comments,
            12,
            Some("2015-07-07"),
        ),
        (
            "upload_quarry-lane-materials_2019-02-12.txt",
            Kind::Completion,
            0,
            None,
        ),
        (
            "upload_lumenfield-health_2021-03-09.txt",
            Kind::Comments,
            6,
            None,
        ),
        (
            "upload_pinecrest-outdoor-supply_2023-08-15.txt",
            Kind::Comments,
            8,
            Some("2023-08-29"),
        ),
    ];
    let demo = letterdesk::demo::LETTERS;
    assert_eq!(demo.len(), expected.len());
    for &(name, kind, count, due) in expected {
        let (_, text) = demo
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no demo letter {name}"));
        let l = parse_bytes(name, text.as_bytes()).unwrap();
        assert_eq!(l.kind, kind, "{name}");
        assert_eq!(numbers(&l), seq(1..=count as u32), "{name}");
        assert_eq!(l.response_due.as_deref(), due, "{name}");
        assert!(l.date.is_some() && l.company.is_some(), "{name}");
        assert_clean(&l, &["Page "]);
        if name.contains("kittiwake") {
            // Four-deep headings and a paragraph split across a page break.
            assert_eq!(
                l.comments[0].headings.len(),
                4,
                "{:?}",
                l.comments[0].headings
            );
            assert!(
                l.comments[7]
                    .text
                    .contains("Refer to FRC 501.14 and Section V"),
                "{}",
                l.comments[7].text
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

/// Lines that look like pieces of a letter, so random input reaches the parser's deeper paths.
fn letter_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1.".to_string()),
        Just("12. Please revise your disclosure.".to_string()),
        Just("(3)".to_string()),
        Just("a. Please tell us".to_string()),
        Just("Page 2".to_string()),
        Just("\u{c}Jane Roe".to_string()),
        Just("**Re:** **Acme Corp**".to_string()),
        Just("Re:".to_string()),
        Just("File No. 001-00001**".to_string()),
        Just("May 16, 2024".to_string()),
        Just("February 30, 2019".to_string()),
        Just("Dear Ms. Roe:".to_string()),
        Just("Risk Factors, page".to_string()),
        Just("Note 4. Income Taxes, page F-".to_string()),
        Just("~~27.~~ ~~Please revise to pr~~ ovide".to_string()),
        Just("~~May 16, 2024 Page 64(g)(ii), for est~~ imated".to_string()),
        Just("~~".to_string()),
        Just("**".to_string()),
        Just("\u{f0b7}".to_string()),
        Just("FirstName LastNameJane Roe".to_string()),
        Just("Comapany NameACME CORP".to_string()),
        Just("Please respond to this letter within ten business days by providing".to_string()),
        Just("You may contact Jane Roe, Staff Accountant, at (202) 551-3224 or".to_string()),
        Just("Sincerely,".to_string()),
        Just("/s/".to_string()),
        Just("cc:".to_string()),
        Just("**Comment 1**".to_string()),
        Just("**Response:** ".to_string()),
        Just("We have completed our review of your filing.".to_string()),
        any::<String>(),
        "[ -~\u{a0}\u{2019}\t]{0,120}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let result = parse_bytes("arbitrary.txt", &bytes);
        if bytes.contains(&0) {
            prop_assert!(matches!(result, Err(LetterError::Binary { .. })), "{result:?}");
        } else {
            prop_assert!(result.is_ok(), "{result:?}");
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let result = parse_bytes("arbitrary.txt", text.as_bytes());
        prop_assert_eq!(result.is_ok(), !text.contains('\0'));
    }

    #[test]
    fn letter_shaped_text_never_panics(
        lines in proptest::collection::vec(letter_line(), 0..120),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        if let Ok(letter) = parse_bytes("shaped.txt", text.as_bytes()) {
            let mut seen = HashSet::new();
            for c in &letter.comments {
                prop_assert!(seen.insert(c.number.clone()), "comment number {} twice", c.number);
            }
        }
    }
}

/// Older letters set the deadline in a "Closing Comments" section at the end, route the
/// letter "By U.S. Mail and facsimile", and sign without "/s/".
#[test]
fn closing_comments_2008() {
    let l = parse(fixture!("closing_comments_2008.txt"));
    assert_eq!(l.kind, Kind::Comments);
    assert_eq!(l.date.as_deref(), Some("2008-07-07"));
    assert_eq!(l.addressee.name.as_deref(), Some("Mr. Harold B. Vance"));
    assert_eq!(
        l.addressee.title.as_deref(),
        Some("Chief Financial Officer")
    );
    assert_eq!(l.company.as_deref(), Some("Vance Copperworks Corporation"));
    assert_eq!(l.file_number.as_deref(), Some("1-12345"));
    // July 7, 2008 + 10 business days (July 4 is before the letter).
    assert_eq!(l.response_due.as_deref(), Some("2008-07-21"));
    let numbers: Vec<&str> = l.comments.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(
        l.comments[0].headings,
        [
            "Form 10-K for the Fiscal Year Ended December 31, 2007",
            "Item 7. Management's Discussion and Analysis, page 22"
        ]
    );
    assert!(
        l.comments[1]
            .text
            .ends_with("how you assess effectiveness."),
        "{}",
        l.comments[1].text
    );
    assert_eq!(
        l.comments[2].headings.last().map(String::as_str),
        Some("Note 4. Inventories, page F-12")
    );
    assert_eq!(
        l.comments[2].text,
        "Please tell us why the LIFO reserve decreased in 2007 while copper prices rose."
    );
    assert_clean(&l, &[]);
    assert_eq!(l.signatory.name.as_deref(), Some("Rufus Decker"));
    assert_eq!(
        l.signatory.title.as_deref(),
        Some("Accounting Branch Chief")
    );
    assert_contacts_start(
        &l,
        &[
            contact("Ann Lee", Some("Staff Accountant"), "(202) 551-3333"),
            contact(
                "Robert Quill",
                Some("Senior Staff Accountant"),
                "(202) 551-3344",
            ),
        ],
    );
}
