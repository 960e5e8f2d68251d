//! A search for any of a set of phrases through marks: short pieces that the phrases
//! hold, chosen rare in prose, found in one vectorised pass; a phrase is looked at only
//! where a mark it holds stands. A search for the phrases themselves looks first for
//! their opening bytes ("we ", "in ", "on "), which prose is full of.

use aho_corasick::{Span, packed};
use regex::Regex;

/// Phrases found through marks (see the module's doc), or through one regex where no
/// vectorised search is built (a processor without the instructions it needs).
pub(super) struct MarkedPhrases {
    search: Search,
}

enum Search {
    /// The marks' search, the marks, and for each mark the phrases that hold it there
    /// (the phrase, and how far into it the mark stands).
    Marks {
        search: packed::Searcher,
        marks: Vec<&'static str>,
        holders: Vec<Vec<(&'static str, usize)>>,
    },
    /// The phrases as one regex.
    Regex(Regex),
}

impl MarkedPhrases {
    /// A search for any of `phrases`, each of which must hold one of `marks` (their
    /// first mark each is where they are looked for).
    pub(super) fn new(phrases: &[&'static str], marks: &[&'static str]) -> MarkedPhrases {
        let mut holders: Vec<Vec<(&'static str, usize)>> = vec![Vec::new(); marks.len()];
        for &phrase in phrases {
            let (k, at) = marks
                .iter()
                .enumerate()
                .find_map(|(k, mark)| phrase.find(mark).map(|at| (k, at)))
                .unwrap_or_else(|| panic!("the phrase {phrase:?} holds no mark"));
            holders[k].push((phrase, at));
        }
        let search = match packed::Searcher::new(marks.iter()) {
            Some(search) => Search::Marks {
                search,
                marks: marks.to_vec(),
                holders,
            },
            None => {
                let alternation: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
                Search::Regex(Regex::new(&alternation.join("|")).expect("phrases regex"))
            }
        };
        MarkedPhrases { search }
    }

    /// Whether `text` holds any of the phrases (byte for byte).
    pub(super) fn is_match(&self, text: &str) -> bool {
        let (search, marks, holders) = match &self.search {
            Search::Marks {
                search,
                marks,
                holders,
            } => (search, marks, holders),
            Search::Regex(regex) => return regex.is_match(text),
        };
        let bytes = text.as_bytes();
        let holds = |phrase: &str, start: Option<usize>| {
            start.and_then(|start| bytes.get(start..start + phrase.len()))
                == Some(phrase.as_bytes())
        };
        let mut from = 0;
        // Each place where a mark starts, in order (a search from the byte after the last
        // place found), and there every mark that starts there.
        while let Some(found) = search.find_in(bytes, Span::from(from..bytes.len())) {
            let at = found.start();
            let here = marks
                .iter()
                .zip(holders)
                .filter(|(mark, _)| holds(mark, Some(at)));
            if here
                .flat_map(|(_, phrases)| phrases)
                .any(|&(phrase, offset)| holds(phrase, at.checked_sub(offset)))
            {
                return true;
            }
            from = at + 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &[
        "on behalf of",
        "we submit",
        "we hereby submit",
        "in response to the comment",
        "set forth below",
        "request an extension",
        "we set",
    ];
    // A longer mark that starts where a shorter one does ("set fire", "set"): the
    // search finds the first listed, and both are looked at.
    const MARKS: &[&str] = &["beha", "bmit", "onse", "fort", "ques", "set fire", "set"];

    #[test]
    fn marked_phrases_are_found_where_a_search_for_the_phrases_finds_them() {
        let marked = MarkedPhrases::new(PHRASES, MARKS);
        let alternation: Vec<String> = PHRASES.iter().map(|p| regex::escape(p)).collect();
        let whole = Regex::new(&alternation.join("|")).unwrap();
        let pieces = [
            "on behalf of",
            "on behalf",
            " behalf of",
            "we submit",
            "we hereby submit",
            "hereby submit",
            "in response to the comment",
            "in response to the",
            "response to the comment",
            "set forth below",
            "set forth",
            "request an extension",
            "requests an extension",
            "we set fire",
            "set fire",
            "onseonse",
            "bmitbmit",
            "we ",
            "x",
            "\u{e9}",
            " ",
        ];
        // Each piece alone, after and before others, and cut short at each end.
        for a in pieces {
            for b in pieces {
                let text = format!("{a}{b}");
                for cut in 0..text.len() {
                    for text in [text.get(cut..), text.get(..cut)].into_iter().flatten() {
                        assert_eq!(marked.is_match(text), whole.is_match(text), "{text:?}");
                    }
                }
                let long = format!("{} {a} {}{b}", "prose ".repeat(20), "more ".repeat(9));
                assert_eq!(marked.is_match(&long), whole.is_match(&long), "{long:?}");
            }
        }
    }

    #[test]
    #[should_panic(expected = "holds no mark")]
    fn a_phrase_without_a_mark_is_refused() {
        MarkedPhrases::new(&["we provide"], MARKS);
    }
}
