//! A search for any of a set of phrases, in any ASCII case, through marks: short pieces
//! that the phrases hold, chosen rare in prose, found in one vectorised pass (each in
//! every ASCII case, so the text needs no lowercase copy); a phrase is looked at only
//! where a mark it holds stands. A search for the phrases themselves looks first for
//! their opening bytes ("we ", "in ", "on "), which prose is full of.

use aho_corasick::{Span, packed};
use regex::Regex;

/// Phrases (ASCII, lowercase) found in any ASCII case through marks (see the module's
/// doc), or through one regex over the text lowercased where no vectorised search is
/// built (a processor without the instructions it needs).
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
    /// The phrases as one regex, for the text lowercased.
    Regex(Regex),
}

impl MarkedPhrases {
    /// A search for any of `phrases`, each of which must hold one of `marks` (their
    /// first mark each is where they are looked for). Both are ASCII and lowercase.
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
        // The search puts the forms of a mark (which share their bytes' low halves) in the
        // bucket of the first one it meets, chosen by its place in the list: the marks'
        // first forms come first, then their second forms, and so on, so that each mark
        // has a bucket of its own (with fewer marks than buckets; more buckets would make
        // the search read the text in twice the steps).
        let forms: Vec<Vec<Vec<u8>>> = marks.iter().map(|m| case_forms(m)).collect();
        let most = forms.iter().map(Vec::len).max().unwrap_or(0);
        let variants: Vec<&Vec<u8>> = (0..most)
            .flat_map(|k| forms.iter().filter_map(move |f| f.get(k)))
            .collect();
        let built = packed::Config::new()
            .heuristic_pattern_limits(false)
            .only_teddy_fat(Some(false))
            .builder()
            .extend(variants)
            .build();
        let search = match built {
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

    /// Whether `text` holds any of the phrases in some ASCII case: whether the text
    /// lowercased (ASCII) holds one.
    pub(super) fn is_match(&self, text: &str) -> bool {
        let (search, marks, holders) = match &self.search {
            Search::Marks {
                search,
                marks,
                holders,
            } => (search, marks, holders),
            Search::Regex(regex) => return regex.is_match(&text.to_ascii_lowercase()),
        };
        let bytes = text.as_bytes();
        let holds = |phrase: &str, start: Option<usize>| {
            start
                .and_then(|start| bytes.get(start..start + phrase.len()))
                .is_some_and(|here| here.eq_ignore_ascii_case(phrase.as_bytes()))
        };
        let mut from = 0;
        // Each place where a mark starts, in order (a search from the byte after the last
        // place found), and there every mark that starts there.
        while let Some(found) = search.find_in(bytes, Span::from(from..bytes.len())) {
            let at = found.start();
            for (mark, phrases) in marks.iter().zip(holders) {
                if holds(mark, Some(at))
                    && phrases
                        .iter()
                        .any(|&(phrase, offset)| holds(phrase, at.checked_sub(offset)))
                {
                    return true;
                }
            }
            from = at + 1;
        }
        false
    }
}

/// `word` in every ASCII case (its letters each lowercase or capital).
fn case_forms(word: &str) -> Vec<Vec<u8>> {
    let mut forms = vec![Vec::with_capacity(word.len())];
    for b in word.bytes() {
        if b.is_ascii_alphabetic() {
            let upper: Vec<Vec<u8>> = forms
                .iter()
                .map(|f| [f.as_slice(), &[b.to_ascii_uppercase()]].concat())
                .collect();
            forms
                .iter_mut()
                .for_each(|f| f.push(b.to_ascii_lowercase()));
            forms.extend(upper);
        } else {
            forms.iter_mut().for_each(|f| f.push(b));
        }
    }
    forms
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
        let whole = |text: &str| whole.is_match(&text.to_ascii_lowercase());
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
            "ON BEHALF OF",
            "We Hereby SUBMIT",
            "In Response To The Comment",
            "SeT FoRtH BeLoW",
            "\u{212A}",
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
                        assert_eq!(marked.is_match(text), whole(text), "{text:?}");
                    }
                }
                let long = format!("{} {a} {}{b}", "prose ".repeat(20), "more ".repeat(9));
                assert_eq!(marked.is_match(&long), whole(&long), "{long:?}");
            }
        }
    }

    #[test]
    fn a_word_has_a_form_for_each_choice_of_case() {
        let forms = case_forms("w p");
        let text: Vec<&str> = forms
            .iter()
            .map(|f| std::str::from_utf8(f).unwrap())
            .collect();
        assert_eq!(text, ["w p", "W p", "w P", "W P"]);
        assert_eq!(case_forms("bmit").len(), 16);
    }

    #[test]
    #[should_panic(expected = "holds no mark")]
    fn a_phrase_without_a_mark_is_refused() {
        MarkedPhrases::new(&["we provide"], MARKS);
    }
}
