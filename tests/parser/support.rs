//! What the parser tests share: fixtures embedded at compile time, parsed with the
//! brief checked against the full parse, and the short ways tests name what they read.

use letterdesk::letter::{Brief, Comment, Letter, brief_bytes, parse_bytes};

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
