//! Spelling for the draft: words checked against a Hunspell dictionary (read by the
//! `spellbook` crate), the user's personal word list and the words of the letter being
//! answered (company names, "Regulation S-K" are never flagged). Checked per line as
//! lines are drawn, and cached twice: each word's verdict, and each line's misspelled
//! words by the line's text, so a keystroke checks only the line it changed.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use spellbook::Dictionary;
use xxhash_rust::xxh3::xxh3_64;

use crate::letter::Letter;

/// Lines whose misspellings are kept; past this the cache starts again.
const LINES_KEPT: usize = 4096;

/// How much of a letter's comment text gives words that are never flagged.
const LETTER_WORDS_BYTES: usize = 8 * 1024 * 1024;

/// A Hunspell dictionary read and ready, shared (equal when it is the same one).
#[derive(Debug, Clone)]
pub struct SpellDictionary(pub Arc<Dictionary>);

impl PartialEq for SpellDictionary {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The dictionary, the personal words, and what was checked already.
#[derive(Debug, Default)]
pub(crate) struct Spelling {
    dictionary: Option<Arc<Dictionary>>,
    personal: HashSet<String>,
    /// Why there is no dictionary, once that is known.
    problem: Option<String>,
    cache: RefCell<Cache>,
}

/// What drawing has checked: kept between frames.
#[derive(Debug, Default)]
struct Cache {
    /// Each word's verdict: known or not.
    words: HashMap<Box<str>, bool>,
    /// Each line's misspelled words (byte ranges), by a hash of its text.
    lines: HashMap<u64, Vec<(usize, usize)>>,
    /// The letter whose words are taken as known (by address), and those words.
    letter: Option<(usize, HashSet<Box<str>>)>,
}

impl Spelling {
    /// Check with `dictionary`, and take `personal` words as known.
    pub fn new(dictionary: SpellDictionary, personal: impl IntoIterator<Item = String>) -> Self {
        Self {
            dictionary: Some(dictionary.0),
            personal: personal.into_iter().collect(),
            problem: None,
            cache: RefCell::default(),
        }
    }

    /// No dictionary, for the reason given.
    pub fn with_problem(mut self, why: String) -> Self {
        self.problem = Some(why);
        self
    }

    /// Why there is no dictionary, if that is known.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Take `word` as known from now on.
    pub fn add(&mut self, word: &str) {
        self.personal.insert(word.to_owned());
        self.cache.get_mut().words.remove(word);
        self.cache.get_mut().lines.clear();
    }

    /// The misspelled words of `line` (byte ranges), the words of `letter` taken as
    /// known. Nothing without a dictionary.
    pub fn misspelled(&self, line: &str, letter: Option<&Letter>) -> Vec<(usize, usize)> {
        let Some(dictionary) = &self.dictionary else {
            return Vec::new();
        };
        let mut cache = self.cache.borrow_mut();
        let address = letter.map_or(0, |l| l as *const Letter as usize);
        if cache.letter.as_ref().map(|(a, _)| *a) != Some(address) {
            cache.letter = Some((address, letter.map(letter_words).unwrap_or_default()));
            cache.words.clear();
            cache.lines.clear();
        }
        let key = xxh3_64(line.as_bytes());
        if let Some(found) = cache.lines.get(&key) {
            return found.clone();
        }
        let Cache {
            words,
            lines,
            letter,
        } = &mut *cache;
        let known_in_letter = letter.as_ref().map(|(_, w)| w);
        let bad: Vec<(usize, usize)> = words_of(line)
            .filter(|&(start, end)| {
                let word = &line[start..end];
                let known = match words.get(word) {
                    Some(&known) => known,
                    None => {
                        let known = self.personal.contains(word)
                            || known_in_letter.is_some_and(|w| w.contains(word))
                            || dictionary.check(word);
                        words.insert(word.into(), known);
                        known
                    }
                };
                !known
            })
            .collect();
        if lines.len() >= LINES_KEPT {
            lines.clear();
        }
        lines.insert(key, bad.clone());
        bad
    }
}

/// The word at char `col` of `line` (or just before it), if any.
pub(crate) fn word_at(line: &str, col: usize) -> Option<&str> {
    let at = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    words_of(line)
        .find(|&(start, end)| start <= at && at <= end)
        .map(|(start, end)| &line[start..end])
}

/// The words worth checking in `text`, as byte ranges: runs of letters with apostrophes
/// inside them; words of one letter, in capitals (acronyms) or touching a digit are
/// left alone.
fn words_of(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, first) = chars.next()?;
            if !first.is_alphabetic() {
                continue;
            }
            let mut end = start + first.len_utf8();
            let mut digit = text[..start].ends_with(|c: char| c.is_ascii_digit());
            while let Some(&(i, c)) = chars.peek() {
                let apostrophe = (c == '\'' || c == '’')
                    && text[i + c.len_utf8()..].starts_with(char::is_alphabetic);
                if c.is_alphabetic() || apostrophe {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    digit |= c.is_ascii_digit();
                    break;
                }
            }
            let word = &text[start..end];
            let capitals = word.chars().all(|c| !c.is_lowercase());
            if word.chars().nth(1).is_some() && !capitals && !digit {
                return Some((start, end));
            }
        }
    })
}

/// The words of the letter (its company, headings and comments), never flagged.
fn letter_words(letter: &Letter) -> HashSet<Box<str>> {
    let mut words = HashSet::new();
    let mut budget = LETTER_WORDS_BYTES;
    let texts = letter
        .company
        .iter()
        .chain(letter.comments.iter().flat_map(|c| c.headings.iter()))
        .chain(letter.comments.iter().map(|c| &c.text));
    for text in texts {
        let mut cut = budget.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &text[..cut];
        budget -= text.len();
        words.extend(words_of(text).map(|(s, e)| Box::from(&text[s..e])));
        if budget == 0 {
            break;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n";
    const DIC: &str = "7\nthe\nCompany/S\nadvise/S\nStaff\nrespectfully\nof\nand\n";

    fn spelling(personal: &[&str]) -> Spelling {
        let dictionary = SpellDictionary(Arc::new(Dictionary::new(AFF, DIC).unwrap()));
        Spelling::new(dictionary, personal.iter().map(|w| w.to_string()))
    }

    fn flagged<'a>(s: &Spelling, line: &'a str, letter: Option<&Letter>) -> Vec<&'a str> {
        s.misspelled(line, letter)
            .into_iter()
            .map(|(a, b)| &line[a..b])
            .collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_acronyms_and_numbers_are_left_alone() {
        let words: Vec<&str> = words_of("The Staff's SEC 10-K, Q3 a ASC 606-10-25 don’t")
            .map(|(a, b)| &"The Staff's SEC 10-K, Q3 a ASC 606-10-25 don’t"[a..b])
            .collect();
        assert_eq!(words, ["The", "Staff's", "don’t"]);
    }

    #[test]
    fn unknown_words_are_flagged_unless_personal_or_in_the_letter() {
        let mut s = spelling(&["Quillfeather"]);
        let line = "The Compnay respectfully advises the Staff of Quillfeather and Loomwright";
        assert_eq!(flagged(&s, line, None), ["Compnay", "Loomwright"]);
        let letter = Letter {
            company: Some("Loomwright Textiles".into()),
            ..Letter::default()
        };
        assert_eq!(flagged(&s, line, Some(&letter)), ["Compnay"]);
        s.add("Compnay");
        assert_eq!(flagged(&s, line, Some(&letter)), Vec::<&str>::new());
        assert_eq!(Spelling::default().misspelled(line, None), []);
    }

    #[test]
    fn the_word_at_the_cursor() {
        assert_eq!(word_at("the Compnay advises", 6), Some("Compnay"));
        assert_eq!(word_at("the Compnay advises", 11), Some("Compnay"));
        assert_eq!(word_at("a 10-K", 3), None);
    }
}
