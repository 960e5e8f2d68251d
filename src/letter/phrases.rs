//! The fixed phrases of staff letters that mark where parts begin, matched at the
//! start of a line without regard to case (a plain prefix test: this runs on every line),
//! and the words of a request.

use regex::Regex;
use regex_automata::{Anchored, Input, meta};
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

/// Whether `text` holds a character outside ASCII that a case-insensitive regex
/// matches to an ASCII letter: `ſ` (long s, for `s`) and `K` (Kelvin sign, for `k`) are
/// the only ones in Unicode's simple case folding.
fn has_non_ascii_case_form(text: &str) -> bool {
    !text.is_ascii() && (text.contains('\u{17F}') || text.contains('\u{212A}'))
}

/// Whether a case-insensitive regex could find the word `key` (ASCII letters,
/// lowercase) in `text`: the word is there in some ASCII case, or the text holds a
/// character that matches an ASCII letter without being one. A regex that needs the
/// word is not worth running on text for which this says no.
pub fn may_hold(text: &str, key: &str) -> bool {
    contains_ignore_ascii_case(text, key) || has_non_ascii_case_form(text)
}

/// A case-insensitive regex that can only match text holding one of its key words.
/// Text that holds none of them is not searched (see [`may_hold`]), so the answers are
/// the regex's own.
pub struct KeyedRegex {
    regex: regex::Regex,
    keys: &'static [&'static str],
}

impl KeyedRegex {
    /// `pattern` must not match text that lacks all `keys` (ASCII, lowercase).
    pub fn new(pattern: &str, keys: &'static [&'static str]) -> KeyedRegex {
        KeyedRegex {
            regex: regex::Regex::new(pattern).expect("valid regex"),
            keys,
        }
    }

    /// Whether the regex could match `text`.
    fn may_match(&self, text: &str) -> bool {
        self.keys
            .iter()
            .any(|k| contains_ignore_ascii_case(text, k))
            || has_non_ascii_case_form(text)
    }

    /// See [`regex::Regex::captures`].
    pub fn captures<'h>(&self, text: &'h str) -> Option<regex::Captures<'h>> {
        if self.may_match(text) {
            self.regex.captures(text)
        } else {
            None
        }
    }
}

/// A case-insensitive regex each of whose matches starts with one of its key words
/// (ASCII letters, lowercase), run anchored only where a key stands in some ASCII case
/// (seeing the text before it, for `\b`) rather than through the whole text: a search
/// through the text runs the regex forward and then backward to find where the match
/// starts. Text that holds a character outside ASCII that matches an ASCII letter (see
/// [`may_hold`]) is searched through. The answers are the regex's own.
pub struct AtKeys {
    keys: &'static [&'static str],
    regex: meta::Regex,
    /// What the pattern takes after its key.
    after: AfterKey,
}

/// What a pattern of [`AtKeys`] takes right after its key, which it opens with `\b`:
/// where the bytes on either side of a key are ASCII, they tell without the regex that
/// no match starts there (a word byte before it, or a byte after it that the pattern
/// cannot take), or, for a pattern that is its keys alone, that one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterKey {
    /// White space (`\s`), and then more.
    Space,
    /// Nothing: the pattern is `\b(?:key|key…)\b`.
    WordEnd,
}

/// Whether an ASCII byte is a word character (`\w`, and so to `\b`).
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl AtKeys {
    /// `pattern` must start each of its matches with `\b` and one of `keys` (ASCII
    /// letters, lowercase), and take `after` after it.
    pub fn new(pattern: &str, keys: &'static [&'static str], after: AfterKey) -> AtKeys {
        AtKeys {
            keys,
            regex: meta::Regex::new(pattern).expect("valid regex"),
            after,
        }
    }

    /// What the bytes around the key at `at` (`len` bytes long) tell: `Some(false)` no
    /// match starts there, `Some(true)` one does (and ends with the key), `None` the
    /// regex must tell.
    fn around(&self, bytes: &[u8], at: usize, len: usize) -> Option<bool> {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let next = bytes.get(at + len).copied();
        if before.is_some_and(|b| b.is_ascii() && is_word_byte(b)) {
            return Some(false);
        }
        let ascii = |b: Option<u8>| b.is_none_or(|b| b.is_ascii());
        match self.after {
            // (`\s` holds the vertical tab, which `u8::is_ascii_whitespace` does not.)
            AfterKey::Space => match next {
                None => Some(false),
                Some(b)
                    if b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') =>
                {
                    Some(false)
                }
                Some(_) => None,
            },
            AfterKey::WordEnd if next.is_some_and(|b| b.is_ascii() && is_word_byte(b)) => {
                Some(false)
            }
            AfterKey::WordEnd => (ascii(before) && ascii(next)).then_some(true),
        }
    }

    /// Where `key` stands in `text[..end]` in some ASCII case, first to last.
    fn places<'t>(text: &'t str, key: &'t str, end: usize) -> impl Iterator<Item = usize> + 't {
        let (bytes, key) = (text.as_bytes(), key.as_bytes());
        let first = key.first().copied().unwrap_or(0);
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), &bytes[..end]).filter(move |&at| {
            bytes[at..]
                .get(..key.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(key))
        })
    }

    /// The search for a match that starts at `at`.
    fn at(text: &str, at: usize) -> Input<'_> {
        Input::new(text).range(at..).anchored(Anchored::Yes)
    }

    /// See [`regex::Regex::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        if has_non_ascii_case_form(text) {
            return self.regex.is_match(text);
        }
        let bytes = text.as_bytes();
        self.keys.iter().any(|key| {
            Self::places(text, key, text.len()).any(|at| {
                self.around(bytes, at, key.len())
                    .unwrap_or_else(|| self.regex.is_match(Self::at(text, at)))
            })
        })
    }

    /// The text of the first match, as [`regex::Regex::find`] finds it: the one that
    /// starts first, which a search anchored where it starts finds too.
    pub fn find<'h>(&self, text: &'h str) -> Option<&'h str> {
        if has_non_ascii_case_form(text) {
            return self.regex.find(text).map(|m| &text[m.range()]);
        }
        let mut first: Option<std::ops::Range<usize>> = None;
        let bytes = text.as_bytes();
        for key in self.keys {
            // Only a match that starts before the one found can come first.
            let end = first.as_ref().map_or(text.len(), |m| m.start);
            let found = Self::places(text, key, end).find_map(|at| {
                match self.around(bytes, at, key.len()) {
                    Some(false) => None,
                    Some(true) => Some(at..at + key.len()),
                    None => self.regex.find(Self::at(text, at)).map(|m| m.range()),
                }
            });
            if let Some(m) = found {
                first = Some(m);
            }
        }
        first.map(|m| &text[m])
    }
}

/// A case-insensitive regex each of whose matches starts with one word of ASCII letters
/// that have no case forms outside ASCII ("page", "within"), run only where that word
/// stands in some ASCII case: anchored there (seeing the text before it, for `\b`),
/// rather than through the whole text, where a Unicode word boundary makes the regex
/// engine slow on text that is not ASCII. The matches are those of a search through
/// the whole text, one after the other.
pub struct AtWord {
    /// The word (ASCII, lowercase).
    word: &'static str,
    /// The pattern, run anchored.
    regex: meta::Regex,
}

impl AtWord {
    /// `pattern` must start each of its matches with `word` (ASCII letters, lowercase,
    /// none of them `k` or `s`, whose case forms include `K` and `ſ`).
    pub fn new(word: &'static str, pattern: &str) -> AtWord {
        AtWord {
            word,
            regex: meta::Regex::new(pattern).expect("valid regex"),
        }
    }

    /// The matches in `text`, as `find_iter` of the pattern finds them. The places of
    /// the word's first letter, in either case, are found with a fast search.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> {
        let (bytes, word) = (text.as_bytes(), self.word.as_bytes());
        let first = word.first().copied().unwrap_or(0);
        let mut next = 0;
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).filter_map(move |at| {
            let here = bytes[at..].get(..word.len())?;
            if at < next || !here.eq_ignore_ascii_case(word) {
                return None;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            let found = self.regex.find(input)?;
            next = found.end();
            Some(&text[found.range()])
        })
    }
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

/// The name signed on a "/s/" line ("/s/ Ann Lee", "/S/ ANN LEE", a company's "By: /s/
/// Ann Lee"), after the mark.
pub fn signed_name(line: &str) -> Option<&str> {
    let line = ["By:", "BY:", "By "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
        .map_or(line, str::trim_start);
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

    #[test]
    fn keyed_regexes_answer_as_the_regex() {
        assert!(contains_ignore_ascii_case(
            "Annual Report on FORM 10-K",
            "form"
        ));
        assert!(!contains_ignore_ascii_case("For m", "form"));
        let filed = KeyedRegex::new(r"(?i)\bfiled\b", &["filed"]);
        assert!(filed.captures("Filed May 1, 2024").is_some());
        assert!(filed.captures("Refiled").is_none());
        // Unicode case folding: the long s matches `s`, so non-ASCII text is searched.
        let schedule = KeyedRegex::new(r"(?i)schedule", &["schedule"]);
        assert!(schedule.captures("\u{17F}chedule TO").is_some());
        assert!(schedule.captures("\u{E9}t\u{E9} SCHEDULE").is_some());
        assert!(schedule.captures("\u{E9}t\u{E9} sched").is_none());
        let kelvin = KeyedRegex::new(r"(?i)\bmarket\b", &["market"]);
        assert!(kelvin.captures("mar\u{212A}et").is_some());
        assert!(!contains_ignore_ascii_case("mar", "market"));
        assert!(contains_ignore_ascii_case("a MarKet", "market"));
    }

    #[test]
    fn at_keys_finds_what_a_search_through_the_text_finds() {
        let pattern = r"(?i)\b(?:Form|Schedule|filed)\s+([0-9A-Z]{1,5}(?:-[0-9A-Z]{1,4})?)\b";
        let at_keys = AtKeys::new(pattern, &["form", "schedule", "filed"], AfterKey::Space);
        let whole = regex::Regex::new(pattern).unwrap();
        for text in [
            "Form 10-K for the Fiscal Year",
            "Schedule 13D and Form 8-K",
            "Formal Form 10-K, Schedule TO",
            "a Form and then SCHEDULE 14A before form s-4",
            "xForm 10-K platform 8-K Form\u{A0}20-F",
            "\u{e9}Form 10-K \u{e9}t\u{e9} Schedule 13G",
            "\u{17F}chedule TO-T after Form 6-K",
            "mar\u{212A}et filed 10-Q",
            "Refiled 10-Q, filed",
            "form",
            "",
        ] {
            let expected = whole.find(text).map(|m| m.as_str());
            assert_eq!(at_keys.find(text), expected, "{text}");
            assert_eq!(at_keys.is_match(text), expected.is_some(), "{text}");
        }
    }

    #[test]
    fn the_bytes_around_a_key_answer_as_the_regex() {
        let space = r"(?i)\b(?:form|file)\s+\w";
        let alone = r"(?i)\b(?:filed|submitted)\b";
        let cases = [
            (
                AtKeys::new(space, &["form", "file"], AfterKey::Space),
                space,
            ),
            (
                AtKeys::new(alone, &["filed", "submitted"], AfterKey::WordEnd),
                alone,
            ),
        ];
        let sides = [
            "", " ", "x", "_", "7", "-", "\t", "\u{b}", "\u{c}", "\r", "\n", ".", "\u{a0}",
            "\u{e9}", "\u{2003}", "\u{85}", "\u{300}",
        ];
        for (at_keys, pattern) in &cases {
            let whole = regex::Regex::new(pattern).unwrap();
            for key in ["Form", "FILE", "filed", "Submitted", "Formal", "Filed 9"] {
                for before in sides {
                    for after in sides {
                        for tail in ["", "a", " b"] {
                            let text = format!("{before}{key}{after}{tail}");
                            let expected = whole.find(&text).map(|m| m.as_str());
                            assert_eq!(at_keys.find(&text), expected, "{text:?}");
                            assert_eq!(at_keys.is_match(&text), expected.is_some(), "{text:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn at_word_finds_what_a_search_through_the_text_finds() {
        let pattern = r"(?i)\bwithin\s+([a-z]+|\d{1,2})(?:\s+\(\d{1,2}\))?\s+business\s+days\b";
        let at_word = AtWord::new("within", pattern);
        let whole = regex::Regex::new(pattern).unwrap();
        for text in [
            "Please respond within ten business days. WITHIN 5 (5) Business Days",
            "\u{e9}within ten business days, xwithin two business days, within\u{A0}\u{17F}ix business days",
            "withinwithin ten business days within within 3 business days\u{e9}",
            "nothing within reach",
            "",
        ] {
            let expected: Vec<&str> = whole.find_iter(text).map(|m| m.as_str()).collect();
            assert_eq!(
                at_word.find_iter(text).collect::<Vec<_>>(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn long_s_and_kelvin_are_the_only_non_ascii_forms_of_ascii_letters() {
        let letter = regex::Regex::new(r"(?i)^[a-z]$").unwrap();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let matches = letter.is_match(&c.to_string());
            let expected = c.is_ascii_alphabetic() || matches!(c, '\u{17F}' | '\u{212A}');
            assert_eq!(matches, expected, "{c:?}");
            assert_eq!(
                has_non_ascii_case_form(&format!("x{c}")),
                matches!(c, '\u{17F}' | '\u{212A}'),
                "{c:?}"
            );
        }
    }
}
