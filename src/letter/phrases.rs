//! The fixed phrases of staff letters that mark where parts begin, matched at the
//! start of a line without regard to case (a plain prefix test: this runs on every line),
//! and the words of a request.

use regex::Regex;
use std::sync::LazyLock;

/// Whether `line` starts with one of `phrases` (ASCII case-insensitive).
pub fn starts_with_any(line: &str, phrases: &[&str]) -> bool {
    let bytes = line.as_bytes();
    let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else {
        return phrases.iter().any(|p| p.is_empty());
    };
    phrases.iter().any(|p| {
        p.as_bytes()
            .first()
            .is_none_or(|&f| f.to_ascii_lowercase() == first)
            && bytes.len() >= p.len()
            && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

/// Where `needle` (ASCII, lower case) first stands in `hay`, in any ASCII case.
pub fn find_ignore_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `haystack` holds `needle` (ASCII, lowercase) in any ASCII case. The places
/// where its first byte stands, in either case, are found with a fast search.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some(&first) = needle.first() else {
        return true;
    };
    let bytes = haystack.as_bytes();
    let Some(last_start) = bytes.len().checked_sub(needle.len()) else {
        return false;
    };
    let candidates = &bytes[..=last_start];
    let mut starts = memchr::memchr2_iter(first, first.to_ascii_uppercase(), candidates);
    starts.any(|i| bytes[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Whether `s` ends with `suffix` (ASCII, lowercase) in any ASCII case.
pub fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Paragraphs of the closing boilerplate.
pub const CLOSING: &[&str] = &[
    "closing comments",
    "as appropriate, please amend",
    "please furnish a cover letter",
    "please understand that we may have additional comments",
    "we urge all persons",
    "in closing, we remind",
    "we remind you that",
    "we also remind you",
    "in responding to our comments",
    "you may contact",
    "please contact",
    "please direct any questions",
    "if you have any questions",
    "if you have questions",
    "notwithstanding our comments",
    "please refer to rules 460",
    "refer to rules 460",
    "we will consider a written request",
    "please allow adequate time",
    "we will notify you",
    "sincerely",
    "very truly yours",
    "respectfully",
    "cc:",
    "/s/",
    // A Commission order's sign-off.
    "for the commission, by the division",
];

/// Closing paragraphs that never stand inside a comment: numbered lists after them
/// (the acknowledgment items) are not comments.
pub const STRONG_CLOSING: &[&str] = &[
    "closing comments",
    "we urge all persons",
    "in closing, we remind",
    "in responding to our comments",
    "in connection with responding to",
    "sincerely",
];

/// How the acknowledgment the staff once asked for opens (that the company is
/// responsible for its disclosure, that staff comments do not foreclose action):
/// closing paragraphs too, when they are that statement ([`is_acknowledgment`]). Not
/// "the company acknowledges the Staff's comment", which opens answers.
const ACKNOWLEDGMENT: &[&str] = &[
    "the company acknowledges that",
    "the company acknowledges the following",
    "the company hereby acknowledges",
    "we acknowledge that",
    "we hereby acknowledge",
];

/// The acknowledgment opened by a name: "MMC acknowledges that:", "Harris acknowledges
/// the following:".
static NAMED_ACKNOWLEDGMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z][\w&.'’-]*\s+){1,3}(?:hereby\s+)?acknowledges?\s+(?:that|the\s+following)\b",
    )
    .expect("acknowledgment regex")
});

/// The longest opening of the acknowledgment over its list, in bytes ("The Company
/// hereby acknowledges the following:"): an answer's paragraph that ends in a colon
/// over a table is longer.
const MAX_ACKNOWLEDGMENT_OPENING: usize = 80;

/// The most lines of a paragraph read to tell the acknowledgment (a PDF's wrapped
/// lines; an HTML letter's paragraph is one line).
const ACKNOWLEDGMENT_LINES: usize = 3;

/// Whether the paragraph starting at `lines[i]` is the acknowledgment the staff once
/// asked for, which closes a letter: it opens with one of [`ACKNOWLEDGMENT`] (or, when
/// `named`, with a company's name, "MMC acknowledges that") and is that statement: a
/// list follows (it is a short line ending in a colon), or it says who "is responsible
/// for" the disclosure. "We acknowledge that the margins for parts may differ" opens
/// an answer.
pub fn is_acknowledgment(lines: &[&str], i: usize, named: bool) -> bool {
    // (Bold and italics as the HTML source marks them: "**We acknowledge that:**".)
    let line = lines[i].trim_start_matches(['*', '_']);
    let opens = starts_with_any(line, ACKNOWLEDGMENT)
        || (named
            && line.len() > 20
            && contains_ignore_ascii_case(line.get(..60).unwrap_or(line), "acknowledg")
            && NAMED_ACKNOWLEDGMENT.is_match(line));
    if !opens {
        return false;
    }
    let paragraph = lines[i..]
        .iter()
        .take(ACKNOWLEDGMENT_LINES)
        .take_while(|l| !l.trim().is_empty());
    let mut said = String::new();
    for l in paragraph {
        said.push_str(l.trim());
        said.push(' ');
    }
    let said = said.trim_end().trim_end_matches(['*', '_']);
    (said.ends_with(':') && said.len() <= MAX_ACKNOWLEDGMENT_OPENING)
        || (contains_ignore_ascii_case(said, "responsible for")
            && contains_ignore_ascii_case(said, "disclosure"))
}

/// The opening paragraphs of a staff letter.
pub const INTRO: &[&str] = &[
    "we have reviewed",
    "we have limited",
    "we have conducted",
    "we have completed",
    "in some of our comments",
    "please respond",
    "after reviewing",
    "unless we note otherwise",
    "defined terms",
];

/// `line` after the "By:" (or "By") a company's signature block puts before who signs
/// ("By: /s/ Ann Lee", "By Ann Lee"), else `line`.
pub fn after_by(line: &str) -> &str {
    ["By:", "BY:", "By "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
        .map_or(line, str::trim_start)
}

/// The name signed on a "/s/" line ("/s/ Ann Lee", "/S/ ANN LEE", a company's "By: /s/
/// Ann Lee"), after the mark.
pub fn signed_name(line: &str) -> Option<&str> {
    let line = after_by(line);
    line.strip_prefix("/s/")
        .or_else(|| line.strip_prefix("/S/"))
}

/// Whether `line` is the complimentary close ("Sincerely,") or a "/s/" signature.
pub fn is_sign_off(line: &str) -> bool {
    if signed_name(line).is_some() {
        return true;
    }
    // (A blank line, of which a body has many, is told at once.)
    if line.len() > 25 || line.is_empty() {
        return false;
    }
    let word = line.trim_end_matches(',');
    [
        "sincerely",
        "very truly yours",
        "yours truly",
        "respectfully",
        "respectfully submitted",
        "best regards",
        "regards",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// The words of a request, at word boundaries (see [`asks`]).
static REQUEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{REQUEST_WORDS})\b")).expect("request regex"));
/// The same words anywhere: a search that never leaves the regex engine's fast path,
/// where a Unicode word boundary in text that is not ASCII makes it read the text again
/// far more slowly.
static REQUEST_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){REQUEST_WORDS}")).expect("request words regex"));
const REQUEST_WORDS: &str =
    "please|tell us|explain|revise|provide|disclose|advise|clarify|describe";

/// Whether `text` asks for something: a request word at word boundaries. Text without
/// the words anywhere is told by the fast search alone.
pub fn asks(text: &str) -> bool {
    REQUEST_ANYWHERE.is_match(text) && REQUEST.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_phrase_a_blank_line_could_start_with() {
        // Blank lines are passed over before these lists are looked at.
        for phrase in [CLOSING, STRONG_CLOSING, ACKNOWLEDGMENT, INTRO].concat() {
            assert!(!phrase.is_empty());
            assert!(!starts_with_any("", &[phrase]));
        }
    }

    #[test]
    fn the_acknowledgment_is_told_from_answers_that_acknowledge_a_fact() {
        let one = |line: &str, named: bool| is_acknowledgment(&[line, "", "Next."], 0, named);
        assert!(one("The Company acknowledges that:", false));
        assert!(one("**We hereby acknowledge that:**", false));
        assert!(one(
            "We acknowledge that Harlow is responsible for the accuracy and adequacy of \
             its disclosures, notwithstanding any review by the staff.",
            false
        ));
        assert!(one("MMC acknowledges that:", true));
        assert!(!one("MMC acknowledges that:", false));
        assert!(one("Harlow Widgets acknowledges the following:", true));
        for answer in [
            "We acknowledge that the margins for parts may differ from vehicle margins.",
            "We acknowledge that listing Treasury Bills under investments follows Rule \
             7-03(a)1.",
            "The Company acknowledges that it lists the products of each segment.",
            "We acknowledge that the tables on pages 128 and 130 differ in the manner \
             noted in your comment, as the restated amounts below show:",
            "The Company acknowledges the Staff's comment:",
        ] {
            assert!(!one(answer, true), "{answer}");
        }
        // A PDF's wrapped lines are read together.
        let wrapped = [
            "The Company acknowledges that the Company is responsible for the",
            "accuracy and adequacy of the disclosure in the filing;",
        ];
        assert!(is_acknowledgment(&wrapped, 0, false));
    }

    #[test]
    fn prefixes_ignore_case() {
        assert!(starts_with_any("YOU MAY CONTACT me", CLOSING));
        assert!(!starts_with_any("You", CLOSING));
        assert!(is_sign_off("Sincerely,"));
        assert!(is_sign_off("/s/ Ann Lee"));
        assert!(!is_sign_off("Sincerely yours, we note"));
    }
}
