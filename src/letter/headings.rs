//! Headings that point into the filing ("Liquidity and Capital Resources, page 76"):
//! recognising them and joining wrapped ones (the trail they make: `heading_trail.rs`).

use super::keyed::AtWord;
use super::page_numbers::page_numbers;
use super::phrases::{contains_ignore_ascii_case, ends_with_ignore_case};
use regex::Regex;
use std::sync::LazyLock;

/// Pages cited anywhere (see [`pages_cited`]).
const PAGES_IN_TEXT_PATTERN: &str =
    r"(?i)\bpages?\s+((?:[A-Z]{1,2}-)?\d+(?:\s*(?:,|and|through|to|-|–)\s*(?:[A-Z]{1,2}-)?\d+)*)";

static PAGE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpages?\s*$|\bpages?\s+(?:[A-Z]{1,2}-)?\d+[A-Za-z]?(?:\s*(?:,|and|through|to|-|–)\s*(?:[A-Z]{1,2}-)?\d+[A-Za-z]?)*\s*\.?$")
        .expect("page ref regex")
});
/// Run only where the word "page" stands (see [`AtWord`]).
static PAGES_IN_TEXT: LazyLock<AtWord> =
    LazyLock::new(|| AtWord::new("page", PAGES_IN_TEXT_PATTERN));
pub(super) static SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(item|note|part|form|schedule|exhibit|annex|appendix|article|section|amendment|q)\b|^\([a-z0-9]{1,4}\)\s")
        .expect("shaped regex")
});

/// A lettered caption of the filing: "b. Revenue Recognition", "c) Loss Development".
pub(super) static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][.)]\s+\p{Lu}").expect("lettered regex"));

/// A numbered caption of the filing: "(16) Income Taxes", "1. Organization".
pub(super) static NUMBERED_CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\(\d{1,3}\)|\d{1,3}\.)\s").expect("numbered caption regex"));

const ABBREVIATIONS: [&str; 16] = [
    "inc.", "corp.", "co.", "ltd.", "l.p.", "llc.", "n.v.", "s.a.", "plc.", "u.s.", "no.",
    "l.l.c.", "a.g.", "s.e.", "b.v.", "bhd.",
];

const SMALL_WORDS: [&str; 24] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "at", "by", "with", "from", "as",
    "vs", "per", "into", "our", "its", "your", "their", "upon", "&",
];

/// The words that open a question-and-answer caption.
const QUESTION_WORDS: [&str; 14] = [
    "what", "why", "how", "when", "who", "where", "which", "will", "are", "is", "do", "does",
    "can", "should",
];

/// The last words of a heading line that the next line continues.
const JOINING_WORDS: [&str; 12] = [
    "of", "and", "to", "the", "for", "in", "on", "with", "from", "by", "or", "&",
];

/// The length of the longest word of the lists [`is_any_of`] is given.
const LONGEST_LISTED: usize = 6;

/// Whether `word` is one of `words` (ASCII, lowercase, none longer than
/// [`LONGEST_LISTED`]) in any ASCII case. (Told by its length alone for most words of
/// prose, which this sees word by word.)
fn is_any_of(word: &str, words: &[&str]) -> bool {
    word.len() <= LONGEST_LISTED && words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a line ends a sentence (and so cannot be a heading, nor run on into the next line).
pub fn ends_sentence(line: &str) -> bool {
    // The marks looked for are ASCII: the line is read backward byte by byte (the
    // last word is short, too short for a vectorised search to pay).
    let t = line.trim_end_matches(['"', '\'', ')', ']', '*']);
    match t.as_bytes().last() {
        Some(b';' | b':' | b'!') => true,
        Some(b'.') => {
            let word_start = t.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1);
            !is_any_of(&t[word_start..], &ABBREVIATIONS) && !t.ends_with("...")
        }
        _ => false,
    }
}

/// Whether a line cites a page at its end: "…, page 76", "…, pages F-7 and F-8", "…, page".
/// A line without the word "page" (which has no case forms outside ASCII) is told
/// without the regex.
pub fn has_page_ref(line: &str) -> bool {
    contains_ignore_ascii_case(line, "page") && PAGE_REF.is_match(line)
}

/// Whether a line starts with a keyword of the filing's structure ("Item", "Note",
/// "Schedule"…) or a short enumerator ("(c) "): [`SHAPED`], after a look at the first
/// byte, which must start one of them (a byte outside ASCII may start `ſ`, a case form
/// of `s`).
pub(super) fn is_shaped(line: &str) -> bool {
    line.bytes().next().is_some_and(|b| {
        !b.is_ascii()
            || matches!(
                b.to_ascii_lowercase(),
                b'i' | b'n' | b'p' | b'f' | b's' | b'e' | b'a' | b'q' | b'('
            )
    }) && SHAPED.is_match(line)
}

/// The pages a piece of text cites ("page 9", "pages F-19 and F-20").
pub fn pages_cited(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Only text with "page" in some ASCII case is searched (the word's letters have no
    // case forms outside ASCII); most comments hold "age" ("manage", "percentage").
    if (!text.contains("age") && !text.contains("AGE")) || !contains_ignore_ascii_case(text, "page")
    {
        return out;
    }
    // The pages are what follows "page"/"pages" and white space in each match (found
    // without captures, which would make the regex engine walk each match again).
    for found in PAGES_IN_TEXT.find_iter(text) {
        for page in page_numbers(after_page_word(found)) {
            out.push(page.to_string());
        }
    }
    out
}

/// A match of [`PAGES_IN_TEXT`] without its leading `pages?\s+` (in any case; the
/// `s` may be its Unicode case form `ſ`): the page numbers.
fn after_page_word(found: &str) -> &str {
    let rest = &found[4..];
    let rest = rest.strip_prefix(['s', 'S', '\u{17F}']).unwrap_or(rest);
    rest.trim_start_matches(char::is_whitespace)
}

/// Whether a line is a page number alone ("90", "F-7"): the end of a caption whose
/// "page" closes the line above.
pub fn is_page_number(line: &str) -> bool {
    line.len() <= 8
        && line.bytes().last().is_some_and(|b| b.is_ascii_digit())
        && page_numbers(line)
            .next()
            .is_some_and(|page| page.len() == line.len())
}

/// Whether a (joined) line reads like a heading of the filing.
pub fn looks_like_heading(line: &str) -> bool {
    if line.is_empty() || line.len() > 250 || ends_sentence(line) || line.ends_with(',') {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return LETTERED.is_match(line) && looks_like_heading(line[2..].trim_start());
    }
    if matches!(first, '•' | '-' | '–' | '—') {
        return false;
    }
    if has_page_ref(line) || is_shaped(line) {
        return true;
    }
    if line.ends_with('?') {
        // A question-and-answer caption ("Why are the partners proposing…?").
        return is_question_caption(line);
    }
    let (mut words, mut capitalised) = (0, 0);
    for w in line.split_whitespace() {
        let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        if is_any_of(w, &SMALL_WORDS) {
            continue;
        }
        words += 1;
        capitalised += usize::from(first.is_uppercase());
    }
    if words == 0 || words > 16 {
        return false;
    }
    capitalised * 10 >= words * 6
}

/// Whether a line ending in "?" reads as a question-and-answer caption: it opens with
/// a question word and is not long.
fn is_question_caption(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    is_any_of(first, &QUESTION_WORDS) && line.split_whitespace().count() <= 30
}

/// Whether `line` continues the heading line above it (a wrapped heading).
pub fn continues_heading(above: &str, line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let last_word = above.rsplit(' ').next().unwrap_or("");
    // A lettered caption ("b. Revenue Recognition, page F-7") is a heading of its own.
    (first.is_lowercase() && !LETTERED.is_match(line))
        || (above.contains(' ') && is_any_of(last_word, &JOINING_WORDS))
        || (ends_with_ignore_case(above, "page") || ends_with_ignore_case(above, "pages"))
            && page_numbers(line).next().is_some()
            && line.len() < 20
        || line.starts_with(", page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_shapes() {
        assert!(looks_like_heading("Risk Factors"));
        assert!(looks_like_heading(
            "Our leases for data centers could be terminated early..., page 9"
        ));
        assert!(looks_like_heading("Note 1. Organization"));
        assert!(looks_like_heading(
            "(c) Establishment of Asia Cloud Group, page F-19"
        ));
        assert!(looks_like_heading("Baker Widgets, Inc."));
        assert!(looks_like_heading("Exhibit 99.3"));
        assert!(!looks_like_heading(
            "After reviewing your response, we may have additional comments."
        ));
        assert!(!looks_like_heading(
            "Please respond to this letter within ten business days by providing the requested"
        ));
        assert!(!looks_like_heading("including but not limited to:"));
        assert!(looks_like_heading(
            "Why are the partners proposing the conversion of the partnership into a corporation?"
        ));
        assert!(!looks_like_heading("If so, please tell us why?"));
    }

    #[test]
    fn page_references() {
        assert!(has_page_ref("Summary, page 17"));
        assert!(has_page_ref("Deferred Tax, page F-61"));
        assert!(has_page_ref("Something, pages 7 and 8"));
        assert!(has_page_ref("Selected Financial Information, page"));
        assert_eq!(
            pages_cited("On page 73 and pages F-7 and F-8, see"),
            vec!["73", "F-7", "F-8"]
        );
    }

    #[test]
    fn the_page_word_has_no_non_ascii_case_forms_but_long_s() {
        // `after_page_word` cuts four bytes for "page" and one character for "s".
        let page = Regex::new(r"(?i)^[pag]|^e$").unwrap();
        let s = Regex::new(r"(?i)^s$").unwrap();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = c.to_string();
            if !c.is_ascii() {
                assert!(!page.is_match(&text), "{c:?}");
            }
            assert_eq!(
                s.is_match(&text),
                matches!(c, 's' | 'S' | '\u{17F}'),
                "{c:?}"
            );
        }
        assert_eq!(
            pages_cited("See PAGE\u{A0}7 and pa\u{17F}... pageſ 9"),
            vec!["7", "9"]
        );
        assert_eq!(pages_cited("see pageſ  F-9"), vec!["F-9"]);
    }

    #[test]
    fn page_words_find_what_a_search_through_the_text_finds() {
        let texts = [
            "See pages F-7 and F-8, page 9, and PAGE 10; homepage 4, pages 7-9",
            "\u{2022} page 12 \u{2022}page 13 \u{e9}page 14 _page 15 page16 pagesX 3",
            "Liquidity, page\u{A0}76.",
            "Selected Financial Information, page",
            "Risk Factors, pages 7 through 9 and page 11",
            "\u{e9}t\u{e9} page 5",
            "no cite here",
            "page",
            "pa\u{17F} pageſ  F-9",
        ];
        let whole = Regex::new(PAGES_IN_TEXT_PATTERN).unwrap();
        for text in texts {
            let expected: Vec<&str> = whole.find_iter(text).map(|m| m.as_str()).collect();
            let found: Vec<&str> = PAGES_IN_TEXT.find_iter(text).collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn no_listed_word_is_longer_than_the_longest_listed() {
        let lists: [&[&str]; 4] = [
            &ABBREVIATIONS,
            &SMALL_WORDS,
            &QUESTION_WORDS,
            &JOINING_WORDS,
        ];
        for word in lists.into_iter().flatten() {
            assert!(word.len() <= LONGEST_LISTED, "{word}");
        }
    }

    #[test]
    fn wrapped_headings_continue() {
        assert!(continues_heading(
            "How will my rights differ from my current",
            "rights as a holder? , page 7"
        ));
        assert!(continues_heading("Pro Forma Information, page", "10"));
        assert!(!continues_heading("Risk Factors", "General"));
        assert!(!continues_heading(
            "Note 2. Summary of Significant Accounting Policies",
            "b. Revenue Recognition, page F-7"
        ));
        assert!(continues_heading(
            "Discussion and Analysis of",
            "GE Oil, page 200"
        ));
    }
}
