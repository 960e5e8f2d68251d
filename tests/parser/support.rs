//! What the parser tests share: fixtures embedded at compile time, parsed with the
//! brief checked against the full parse, and the short ways tests name what they read.

use letterdesk::letter::{Brief, Comment, Kind, Letter, brief_bytes, parse_bytes};

/// `(file name, bytes)` of a fixture in `tests/fixtures/letters/`, embedded at compile
/// time so a missing file fails the build.
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

/// The letter a fixture holds; the brief a list shows must agree with it.
pub fn parse((name, bytes): (&str, &[u8])) -> Letter {
    let letter = parse_bytes(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        brief_bytes(name, bytes).expect("brief"),
        Brief::of(&letter),
        "{name}"
    );
    letter
}

/// The comments' numbers in order.
pub fn numbers(letter: &Letter) -> Vec<&str> {
    letter.comments.iter().map(|c| c.number.as_str()).collect()
}

/// The nearest heading (last of the trail), or "" when there is none.
pub fn nearest(c: &Comment) -> &str {
    c.headings.last().map_or("", String::as_str)
}

/// The letter's kind, date, company, file number and response date are these.
pub fn assert_header(
    l: &Letter,
    kind: Kind,
    date: &str,
    company: &str,
    file_number: &str,
    due: Option<&str>,
) {
    assert_eq!(
        (
            l.kind,
            l.date.as_deref(),
            l.company.as_deref(),
            l.file_number.as_deref(),
            l.response_due.as_deref(),
        ),
        (kind, Some(date), Some(company), Some(file_number), due),
        "{}",
        l.file
    );
}

/// Comment `number` of `l` sits under `headings`, cites `pages` and starts with
/// `start`; it is returned for what else a test checks.
pub fn assert_comment<'a>(
    l: &'a Letter,
    number: &str,
    headings: &[&str],
    pages: &[&str],
    start: &str,
) -> &'a Comment {
    let c = l
        .comments
        .iter()
        .find(|c| c.number == number)
        .unwrap_or_else(|| panic!("{}: no comment {number}", l.file));
    assert_eq!(c.headings, headings, "comment {number}");
    assert_eq!(c.pages, pages, "comment {number}");
    assert!(c.text.starts_with(start), "comment {number}: {}", c.text);
    c
}

/// No comment of `l` holds any of `debris`, in its headings or its text.
pub fn assert_no_debris(l: &Letter, debris: &[&str]) {
    for c in &l.comments {
        let all = format!("{}\n{}", c.headings.join("\n"), c.text);
        for bad in debris {
            assert!(
                !all.contains(bad),
                "{} comment {} holds {bad:?}: {all}",
                l.file,
                c.number
            );
        }
    }
}
