//! Removing the page-break artefacts of PDF-to-text conversion: the repeated
//! "addressee / company / date / Page N" block, "Page N of M" lines, and the
//! form-field residue ("FirstName LastName…", "Comapany Name…") of 2018+ letters,
//! including residue glued to the front of a real line.

use regex::Regex;
use std::sync::LazyLock;

/// A letter's few header words, looked up for most lines of the body: most words are
/// told apart by their first byte, the rest by a look along a dozen words.
struct Words {
    words: Vec<String>,
    first_bytes: [bool; 256],
}

impl Words {
    fn new(words: Vec<String>) -> Words {
        let mut first_bytes = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Words { words, first_bytes }
    }

    /// Whether some word starts with the byte `b` (words are lowercase).
    fn may_start_with(&self, b: u8) -> bool {
        self.first_bytes[usize::from(b)]
    }

    fn contains(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) if !self.first_bytes[usize::from(b)] => false,
            _ => self.words.iter().any(|w| w == word),
        }
    }
}

static PAGE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^-?\s*page\s+\d+\s+of\s+\d+\s*-?$").expect("page of regex"));
static COMMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?\d{1,6}[.)]").expect("number regex"));

/// Whether `line` starts with a comment number (`\d` takes any Unicode digit, so a
/// line whose first byte is ASCII but neither a digit nor `(` is told at once).
fn starts_with_number(line: &str) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'(' || !b.is_ascii())
        && COMMENT_NUMBER.is_match(line)
}

/// How a line fits a page header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Not a page header's line.
    No,
    /// Only short numbers ("2"): a page header's line when header lines stand on both
    /// sides of it.
    Numbers,
    /// Made of the header's words.
    Header,
}

/// Words that make up page headers and form-field residue for one letter.
pub struct HeaderVocabulary {
    words: Words,
    date_text: Option<String>,
    prefixes: Vec<String>,
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

impl HeaderVocabulary {
    /// Build from the addressee's name, the companies named in the header and the date.
    pub fn new(names: &[&str], date_text: Option<&str>) -> Self {
        let mut words = Vec::new();
        for name in names.iter().copied().chain(date_text) {
            words.extend(tokens(name));
        }
        words.sort_unstable();
        words.dedup();
        let words = Words::new(words);
        let mut prefixes: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
        HeaderVocabulary {
            words,
            date_text: date_text.map(str::to_string),
            prefixes,
        }
    }

    /// Whether every token of `line` belongs to a page header.
    fn is_header_line(&self, line: &str) -> bool {
        self.fit(line) == Fit::Header
    }

    /// How `line` fits a page header: made of its words, or only of short numbers (a
    /// page number the converter put on a line of its own), or not at all.
    fn fit(&self, line: &str) -> Fit {
        if line.is_empty()
            || line.len() > 160
            || self.starts_with_foreign_letter(line)
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
            if t == "page" || self.words.contains(t) || RESIDUE_WORDS.contains(&t) {
                // A lone initial ("B") fits a header line but does not make one.
                has_word |= t.chars().count() > 1;
                return true;
            }
            false
        });
        if !fits || !any {
            Fit::No
        } else if has_word || self.date_text.as_deref().is_some_and(|d| line.contains(d)) {
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
            let lower = b.to_ascii_lowercase();
            b.is_ascii_alphabetic()
                && !self.words.may_start_with(lower)
                && !RESIDUE_WORDS
                    .iter()
                    .chain(&["page"])
                    .any(|w| w.as_bytes()[0] == lower)
        })
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
                .is_ok_and(|k| self.words.contains(k) || RESIDUE_WORDS.contains(&k));
        }
        // Unusual words (non-ASCII, punctuation inside): tokenise the whole line.
        true
    }

    /// Whether a header line carries a mark that only page headers carry.
    fn is_marker(&self, line: &str) -> bool {
        let lower = line.to_ascii_lowercase();
        lower.contains("page")
            || lower.contains("firstname")
            || lower.contains("lastname")
            || lower.contains("comapany")
            || self.date_text.as_deref().is_some_and(|d| line.contains(d))
    }
}

/// The first token of a word as [`for_each_token`] splits it: `eBay` → `e`,
/// `ResMed` → `Res`, `March2` → `March` (page headers glue words together).
fn first_token(word: &str) -> &str {
    let bytes = word.as_bytes();
    let end = (1..bytes.len())
        .find(|&i| {
            let (p, c) = (bytes[i - 1], bytes[i]);
            (p.is_ascii_lowercase() && c.is_ascii_uppercase())
                || (p.is_ascii_digit() && c.is_ascii_alphabetic())
                || (p.is_ascii_alphabetic() && c.is_ascii_digit())
        })
        .unwrap_or(bytes.len());
    &word[..end]
}

/// The text of `line` up to its first space (a byte loop: the first word is short, too
/// short for a vectorised search to pay).
fn first_word(line: &str) -> &str {
    let end = line.bytes().position(|b| b == b' ').unwrap_or(line.len());
    &line[..end]
}

/// Split glued words (`LastNameTyler`, `CorporationMay`, `2Page`) into lowercase
/// alphanumeric tokens and hand each to `f` until it returns `false`. Returns whether
/// every token was accepted. This runs on many lines: ASCII text, most of it, is split
/// byte by byte with no allocation.
fn for_each_token(s: &str, f: impl FnMut(&str) -> bool) -> bool {
    if s.is_ascii() {
        for_each_ascii_token(s, f)
    } else {
        for_each_char_token(s, f)
    }
}

/// Whether a token ends between the alphanumeric characters `p` and `c`: a lowercase
/// letter before a capital, a digit before a letter, a letter before a digit.
#[inline]
fn splits(p: char, c: char) -> bool {
    (p.is_lowercase() && c.is_uppercase())
        || (p.is_ascii_digit() && c.is_alphabetic())
        || (p.is_alphabetic() && c.is_ascii_digit())
}

/// [`for_each_token`] of ASCII text, where every token is a run of the text: handed
/// on as it stands when it is lowercase, else lowercased into a buffer on the stack (a
/// very long one into a `String`).
fn for_each_ascii_token(s: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let bytes = s.as_bytes();
    let mut buf = [0u8; 64];
    let mut emit = |token: &str| {
        if !token.bytes().any(|b| b.is_ascii_uppercase()) {
            f(token)
        } else if let Some(lower) = buf.get_mut(..token.len()) {
            for (l, b) in lower.iter_mut().zip(token.bytes()) {
                *l = b.to_ascii_lowercase();
            }
            f(std::str::from_utf8(lower).expect("ASCII"))
        } else {
            f(&token.to_ascii_lowercase())
        }
    };
    let mut start: Option<usize> = None;
    for (i, &c) in bytes.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            match start {
                // Inside a token the byte before is alphanumeric too.
                Some(from) if splits(char::from(bytes[i - 1]), char::from(c)) => {
                    if !emit(&s[from..i]) {
                        return false;
                    }
                    start = Some(i);
                }
                Some(_) => {}
                None => start = Some(i),
            }
        } else if let Some(from) = start.take()
            && !emit(&s[from..i])
        {
            return false;
        }
    }
    start.is_none_or(|from| emit(&s[from..]))
}

/// [`for_each_token`] of text that is not ASCII, character by character.
fn for_each_char_token(s: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_alphanumeric() {
            let boundary = prev.is_some_and(|p| splits(p, c));
            if boundary && !cur.is_empty() {
                if !f(&cur) {
                    return false;
                }
                cur.clear();
            }
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if !cur.is_empty() {
            if !f(&cur) {
                return false;
            }
            cur.clear();
        }
        prev = Some(c);
    }
    cur.is_empty() || f(&cur)
}

/// All tokens of `s` (see [`for_each_token`]).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(s, |t| {
        out.push(t.to_string());
        true
    });
    out
}

/// Remove page headers and residue from body lines. Lines removed become empty, so
/// the paragraph logic sees the page break as a blank line; a line that loses glued
/// residue becomes the rest of itself.
pub fn remove_page_headers(lines: &mut [&str], vocab: &HeaderVocabulary) {
    let mut last_page = 1u32;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start_matches('-').trim_start();
        if line
            .get(..4)
            .is_some_and(|h| h.eq_ignore_ascii_case("page"))
            && PAGE_OF.is_match(lines[i])
        {
            lines[i] = "";
            i += 1;
            continue;
        }
        if !vocab.is_header_line(lines[i]) {
            if let Some((stripped, page)) = strip_glued_residue(lines[i], vocab, last_page) {
                lines[i] = stripped;
                last_page = last_page.max(page.unwrap_or(0));
            }
            i += 1;
            continue;
        }
        // A cluster of header lines, blank lines allowed between them.
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < lines.len() {
            match vocab.fit(lines[j]) {
                Fit::Header => end = j,
                Fit::Numbers => {}
                Fit::No if lines[j].is_empty() => {}
                Fit::No => break,
            }
            j += 1;
        }
        let members = &lines[start..=end];
        let marked = members.iter().any(|l| vocab.is_marker(l));
        let several = members.iter().filter(|l| !l.is_empty()).count() >= 3;
        if marked || several {
            for l in members.iter().filter_map(|l| page_number(l)) {
                last_page = last_page.max(l);
            }
            lines[start..=end].fill("");
        }
        i = end + 1;
    }
}

/// The highest number that follows the token "page" in `line`.
fn page_number(line: &str) -> Option<u32> {
    let mut after_page = false;
    let mut highest = None;
    for_each_token(line, |t| {
        if after_page && let Ok(n) = t.parse::<u32>() {
            highest = highest.max(Some(n));
        }
        after_page = t == "page";
        true
    });
    highest
}

/// Residue glued to the front of a real line, e.g. `Comapany NameAcme Corpincluding …`
/// or `May 16, 2024 Page 64(g)(ii), for …` (page 6 of the header, then "4(g)(ii)").
/// The page number glued to the text is taken to be the current page or the next one.
/// Returns the line without the residue, and the page number cut, if any.
fn strip_glued_residue<'t>(
    line: &'t str,
    vocab: &HeaderVocabulary,
    page: u32,
) -> Option<(&'t str, Option<u32>)> {
    let mut rest = line;
    let mut changed = false;
    let mut paged = None;
    for marker in [
        "FirstName LastName",
        "FirstName",
        "LastName",
        "Comapany Name",
        "Company Name",
    ] {
        if let Some(r) = rest.strip_prefix(marker) {
            rest = r.trim_start();
            changed = true;
            for p in &vocab.prefixes {
                if let Some(r) = rest.strip_prefix(p.as_str()) {
                    rest = r.trim_start();
                    break;
                }
            }
        }
    }
    if let Some(date) = vocab.date_text.as_deref()
        && let Some(r) = rest.strip_prefix(date)
    {
        let r = r.trim_start();
        if let Some(after) = r.strip_prefix("Page ") {
            paged = [page, page + 1]
                .into_iter()
                .find(|p| after.starts_with(&p.to_string()));
            let cut = paged.map_or(0, |p| p.to_string().len());
            rest = after[cut..].trim_start();
            changed = true;
        }
    }
    (changed && !rest.is_empty()).then_some((rest, paged))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> HeaderVocabulary {
        HeaderVocabulary::new(
            &["Ada B. Lark", "Lark Widgets Corporation"],
            Some("May 16, 2024"),
        )
    }

    fn run(text: &str) -> Vec<String> {
        let mut lines: Vec<&str> = text.lines().collect();
        remove_page_headers(&mut lines, &vocab());
        lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn classic_page_header_block() {
        assert_eq!(
            run(
                "text ends mid\n\nAda B. Lark\nLark Widgets Corporation\nMay 16, 2024\nPage 2\n\nsentence here."
            ),
            vec!["text ends mid", "sentence here."]
        );
    }

    #[test]
    fn residue_split_over_lines() {
        assert_eq!(
            run(
                "a\nAda B. Lark\nFirstName\nLastNameAda\nB. Lark\nLark Widgets\nCorporation\nComapany\nNameLark Widgets Corporation\nMay\n16, 2024\nPage\n2 2024 Page 2\nFirstName LastName\nb"
            ),
            vec!["a", "b"]
        );
    }

    #[test]
    fn comment_numbers_and_lone_names_survive() {
        assert_eq!(
            run("Page 5\n17.\nLark Widgets Corporation\ntext"),
            vec!["17.", "Lark Widgets Corporation", "text"]
        );
    }

    #[test]
    fn glued_residue_is_cut_off() {
        assert_eq!(
            run(
                "Page 5\nComapany NameLark Widgets Corporationincluding calculation\nMay 16, 2024 Page 64(g)(ii), for est"
            ),
            vec!["including calculation", "4(g)(ii), for est"]
        );
    }

    #[test]
    fn glued_words_courtesy_titles_and_lone_page_numbers() {
        let vocab =
            HeaderVocabulary::new(&["Ada B. Lark", "LarkWorks Inc."], Some("March 11, 2024"));
        let mut lines: Vec<&str> =
            "a\nMr. Ada B. Lark\nLarkWorks Inc.\nMarch\n2\nMarch2 11, 2024 Page 2\nb"
                .lines()
                .collect();
        remove_page_headers(&mut lines, &vocab);
        let kept: Vec<&str> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        assert_eq!(kept, ["a", "b"]);
    }

    #[test]
    fn ascii_tokens_are_split_as_characters_are() {
        for line in [
            "LastNameTyler CorporationMay 2Page",
            "March2 11, 2024 Page 2 -- eBay ResMed",
            "",
            "  ,a1B2cD3 e-Fg h_IJ kL ",
            &"x".repeat(70),
            &format!("{}Ab", "Z".repeat(80)),
        ] {
            let (mut bytewise, mut charwise) = (Vec::new(), Vec::new());
            for_each_ascii_token(line, |t| {
                bytewise.push(t.to_string());
                true
            });
            for_each_char_token(line, |t| {
                charwise.push(t.to_string());
                true
            });
            assert_eq!(bytewise, charwise, "{line}");
        }
        let mut seen = Vec::new();
        assert!(!for_each_ascii_token("one Two three", |t| {
            seen.push(t.to_string());
            t != "two"
        }));
        assert_eq!(seen, ["one", "two"]);
    }

    #[test]
    fn page_of_lines() {
        assert_eq!(run("a\nPage 3 of 7\nb"), vec!["a", "b"]);
    }
}
