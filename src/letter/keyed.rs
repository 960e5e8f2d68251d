//! Searches for phrases by their key words: a case-insensitive regex run only on text
//! that holds one of its keys ([`KeyedRegex`]), a pattern tried only where one of its
//! keys stands ([`AtKeys`], [`AtWord`]). Most lines hold none, and are passed over
//! with a fast byte search instead of a regex.

use regex_automata::{Anchored, Input, meta};

use super::phrases::contains_ignore_ascii_case;

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

#[cfg(test)]
mod tests {
    use super::*;

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
