//! The vocabulary of one letter's page headers (its addressee, companies and date,
//! the form-field residue words), and how a line of the body fits a page header.

use super::header_tokens::{Words, first_token, first_word, for_each_token};
use super::numbers::may_start_number;
use super::phrases::contains_ignore_ascii_case;
use regex::Regex;
use std::sync::LazyLock;

static COMMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?\d{1,6}[.)]").expect("number regex"));

/// Whether `line` starts with a comment number (told at once for most lines by
/// [`may_start_number`]).
fn starts_with_number(line: &str) -> bool {
    may_start_number(line) && COMMENT_NUMBER.is_match(line)
}

/// How a line fits a page header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fit {
    /// Not a page header's line.
    No,
    /// Only short numbers ("2"): a page header's line when header lines stand on both
    /// sides of it.
    Numbers,
    /// Made of the header's words.
    Header,
}

/// Words that make up page headers and form-field residue for one letter (borrowing
/// the names and date of its header).
pub struct HeaderVocabulary<'n> {
    words: Words,
    /// A bit for each ASCII letter (`a` to `z`) that starts a word a header line may
    /// hold (see [`HeaderVocabulary::starts_with_foreign_letter`]).
    firsts: u32,
    /// For each first letter (`a` to `z`), a bit for each second letter that starts a
    /// word a header line may hold (see [`HeaderVocabulary::starts_with_foreign_pair`]).
    pairs: [u32; 26],
    pub(super) date_text: Option<&'n str>,
    /// The names, longest first.
    pub(super) prefixes: Vec<&'n str>,
}

const RESIDUE_WORDS: [&str; 11] = [
    "firstname",
    "lastname",
    "first",
    "last",
    "comapany",
    "name",
    // Courtesy titles a page header may put before the addressee's name.
    "mr",
    "ms",
    "mrs",
    "dr",
    "miss",
];

/// The first letters and first pairs of letters of some words (see
/// [`HeaderVocabulary::firsts`] and [`HeaderVocabulary::pairs`]).
struct Starts(u32, [u32; 26]);

/// The starts of the words every letter's page headers may hold: the residue words and
/// "page" (worked out once, when the program is built).
const FIXED_STARTS: Starts = {
    let (mut firsts, mut pairs) = (0u32, [0u32; 26]);
    let mut k = 0;
    while k < RESIDUE_WORDS.len() {
        add_starts(RESIDUE_WORDS[k].as_bytes(), &mut firsts, &mut pairs);
        k += 1;
    }
    add_starts(b"page", &mut firsts, &mut pairs);
    Starts(firsts, pairs)
};

/// Adds the first letter of `word` (ASCII, `a` to `z`) to `firsts`, and its first two
/// to `pairs`.
const fn add_starts(word: &[u8], firsts: &mut u32, pairs: &mut [u32; 26]) {
    if let [a @ b'a'..=b'z', ..] = word {
        *firsts |= 1 << (*a - b'a');
    }
    if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word {
        pairs[(*a - b'a') as usize] |= 1 << (*b - b'a');
    }
}

/// Whether `token` is one of the [`RESIDUE_WORDS`] (compared by length first: a
/// `match` on the words, which most tokens of a header line are not).
fn is_residue_word(token: &str) -> bool {
    matches!(
        token,
        "firstname"
            | "lastname"
            | "first"
            | "last"
            | "comapany"
            | "name"
            | "mr"
            | "ms"
            | "mrs"
            | "dr"
            | "miss"
    )
}

impl<'n> HeaderVocabulary<'n> {
    /// Build from the addressee's name, the companies named in the header and the date.
    pub fn new(names: &[&'n str], date_text: Option<&'n str>) -> Self {
        let words = Words::new(names.iter().copied().chain(date_text));
        let Starts(mut firsts, mut pairs) = FIXED_STARTS;
        for word in words.iter() {
            add_starts(word.as_bytes(), &mut firsts, &mut pairs);
        }
        let mut prefixes = names.to_vec();
        prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
        HeaderVocabulary {
            words,
            firsts,
            pairs,
            date_text,
            prefixes,
        }
    }

    /// Whether every token of `line` belongs to a page header.
    pub(super) fn is_header_line(&self, line: &str) -> bool {
        self.fit(line) == Fit::Header
    }

    /// How `line` fits a page header: made of its words, or only of short numbers (a
    /// page number the converter put on a line of its own), or not at all.
    pub(super) fn fit(&self, line: &str) -> Fit {
        if line.is_empty()
            || line.len() > 160
            || self.starts_with_foreign_letter(line)
            || self.starts_with_foreign_pair(line)
            || !self.first_word_fits(line)
            || starts_with_number(line)
        {
            return Fit::No;
        }
        let mut has_word = false;
        let mut any = false;
        let fits = for_each_token(line, |t| {
            any = true;
            if t.bytes().all(|b| b.is_ascii_digit()) {
                // The letter's year makes a line of numbers ("16, 2024") a header line.
                has_word |= t.len() == 4 && self.words.contains(t);
                return t.len() <= 4;
            }
            if t == "page" || is_residue_word(t) || self.words.contains(t) {
                // A lone initial ("B") fits a header line but does not make one.
                has_word |= t.chars().count() > 1;
                return true;
            }
            false
        });
        if !fits || !any {
            Fit::No
        } else if has_word || self.date_text.is_some_and(|d| line.contains(d)) {
            Fit::Header
        } else {
            Fit::Numbers
        }
    }

    /// Whether `line` starts with an ASCII letter that starts no token a header line may
    /// hold (a word of the letter's, "page" or a residue word): then its first token
    /// fits no header. One byte rules out most lines of prose.
    fn starts_with_foreign_letter(&self, line: &str) -> bool {
        line.as_bytes().first().is_some_and(|&b| {
            b.is_ascii_alphabetic() && self.firsts & (1 << (b.to_ascii_lowercase() - b'a')) == 0
        })
    }

    /// Whether `line` starts with two ASCII letters of one token (not a lowercase letter
    /// before a capital, where tokens split) that start no word a header line may hold:
    /// then its first token fits no header. Two bytes rule out most lines of prose.
    fn starts_with_foreign_pair(&self, line: &str) -> bool {
        match line.as_bytes() {
            [a, b, ..]
                if a.is_ascii_alphabetic()
                    && b.is_ascii_alphabetic()
                    && !(a.is_ascii_lowercase() && b.is_ascii_uppercase()) =>
            {
                let (a, b) = (a.to_ascii_lowercase() - b'a', b.to_ascii_lowercase() - b'a');
                self.pairs[usize::from(a)] & (1 << b) == 0
            }
            _ => false,
        }
    }

    /// A cheap look at the first word before tokenising the whole line.
    fn first_word_fits(&self, line: &str) -> bool {
        let word = first_word(line);
        // The first bytes of the glued prefixes, looked at before the prefixes.
        let glued = matches!(
            word.as_bytes().first(),
            Some(b'F' | b'L' | b'C' | b'N' | b'P')
        ) && ["FirstName", "LastName", "Comapany", "Name", "Page"]
            .iter()
            .any(|p| word.starts_with(p));
        if glued || word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return true;
        }
        let key = first_token(word.trim_end_matches(|c: char| !c.is_alphanumeric()));
        if key.is_empty() {
            return true;
        }
        let mut buf = [0u8; 32];
        if key.len() <= buf.len()
            && key.is_ascii()
            && key.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            for (slot, b) in buf.iter_mut().zip(key.bytes()) {
                *slot = b.to_ascii_lowercase();
            }
            return std::str::from_utf8(&buf[..key.len()])
                .is_ok_and(|k| is_residue_word(k) || self.words.contains(k));
        }
        // Unusual words (non-ASCII, punctuation inside): tokenise the whole line.
        true
    }

    /// Whether a header line carries a mark that only page headers carry.
    /// (Compared in any ASCII case, without a lowercase copy.)
    pub(super) fn is_marker(&self, line: &str) -> bool {
        ["page", "firstname", "lastname", "comapany"]
            .iter()
            .any(|mark| contains_ignore_ascii_case(line, mark))
            || self.date_text.is_some_and(|d| line.contains(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_residue_words_are_told_as_the_list_holds_them() {
        for word in RESIDUE_WORDS {
            assert!(is_residue_word(word), "{word}");
        }
        for token in ["", "page", "names", "m", "firstnames", "lark", "2024", "Mr"] {
            assert_eq!(
                is_residue_word(token),
                RESIDUE_WORDS.contains(&token),
                "{token}"
            );
        }
    }

    #[test]
    fn a_first_letter_no_header_word_starts_rules_a_line_out() {
        let vocab = HeaderVocabulary::new(&["Ada B. Lark", "Zed Widgets"], Some("May 16, 2024"));
        // Letters of the names, the date, the residue words and "page" start header words.
        for line in [
            "Ada",
            "Bo",
            "lark",
            "Zed",
            "may",
            "2024",
            "Page 2",
            "FirstName",
            "Dr. Lark",
        ] {
            assert!(!vocab.starts_with_foreign_letter(line), "{line}");
        }
        for line in ["Here", "quite", "Very", "x"] {
            assert!(vocab.starts_with_foreign_letter(line), "{line}");
        }
    }
}
