//! Headings that point into the filing ("Liquidity and Capital Resources, page 76"):
//! recognising them, joining wrapped ones, and keeping the heading trail.

use regex::Regex;
use std::sync::LazyLock;

static PAGE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpages?\s*$|\bpages?\s+(?:[A-Z]{1,2}-)?\d+[A-Za-z]?(?:\s*(?:,|and|through|to|-|–)\s*(?:[A-Z]{1,2}-)?\d+[A-Za-z]?)*\s*\.?$")
        .expect("page ref regex")
});
static PAGES_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpages?\s+((?:[A-Z]{1,2}-)?\d+(?:\s*(?:,|and|through|to|-|–)\s*(?:[A-Z]{1,2}-)?\d+)*)")
        .expect("pages regex")
});
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[A-Z]{1,2}-)?\d+").expect("page number regex"));
static SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(item|note|part|form|schedule|exhibit|annex|appendix|article|section|amendment|q)\b|^\([a-z0-9]{1,4}\)\s")
        .expect("shaped regex")
});

/// A lettered caption of the filing: "b. Revenue Recognition", "c) Loss Development".
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][.)]\s+\p{Lu}").expect("lettered regex"));

/// A numbered caption of the filing: "(16) Income Taxes", "1. Organization".
static NUMBERED_CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\(\d{1,3}\)|\d{1,3}\.)\s").expect("numbered caption regex"));

const ABBREVIATIONS: [&str; 16] = [
    "inc.", "corp.", "co.", "ltd.", "l.p.", "llc.", "n.v.", "s.a.", "plc.", "u.s.", "no.",
    "l.l.c.", "a.g.", "s.e.", "b.v.", "bhd.",
];

const SMALL_WORDS: [&str; 24] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "at", "by", "with", "from", "as",
    "vs", "per", "into", "our", "its", "your", "their", "upon", "&",
];

/// Whether `word` is one of `words` (ASCII, lowercase) in any ASCII case.
fn is_any_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `s` ends with `suffix` (ASCII, lowercase) in any ASCII case.
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether a line ends a sentence (and so cannot be a heading, nor run on into the next line).
pub fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', ')', ']', '*']);
    let Some(last) = t.chars().last() else {
        return false;
    };
    match last {
        ';' | ':' | '!' => true,
        '.' => {
            let word = t.rsplit(' ').next().unwrap_or("");
            !is_any_of(word, &ABBREVIATIONS) && !t.ends_with("...")
        }
        _ => false,
    }
}

/// Whether a line cites a page at its end: "…, page 76", "…, pages F-7 and F-8", "…, page".
pub fn has_page_ref(line: &str) -> bool {
    PAGE_REF.is_match(line)
}

/// The pages a piece of text cites ("page 9", "pages F-19 and F-20").
pub fn pages_cited(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.contains("age") && !text.contains("AGE") {
        return out;
    }
    // The pages are what follows "page"/"pages" and white space in each match (found
    // without captures, which would make the regex engine walk each match again).
    for m in PAGES_IN_TEXT.find_iter(text) {
        for page in PAGE_NUMBER.find_iter(after_page_word(m.as_str())) {
            out.push(page.as_str().to_string());
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
        && PAGE_NUMBER
            .find(line)
            .is_some_and(|m| m.len() == line.len())
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
    if has_page_ref(line) || SHAPED.is_match(line) {
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
    const QUESTION_WORDS: [&str; 14] = [
        "what", "why", "how", "when", "who", "where", "which", "will", "are", "is", "do", "does",
        "can", "should",
    ];
    let first = line.split_whitespace().next().unwrap_or("");
    is_any_of(first, &QUESTION_WORDS) && line.split_whitespace().count() <= 30
}

/// Whether `line` continues the heading line above it (a wrapped heading).
pub fn continues_heading(above: &str, line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let last_word = above.rsplit(' ').next().unwrap_or("");
    // A lettered caption ("b. Revenue Recognition, page F-7") is a heading of its own.
    (first.is_lowercase() && !LETTERED.is_match(line))
        || (above.contains(' ')
            && is_any_of(
                last_word,
                &[
                    "of", "and", "to", "the", "for", "in", "on", "with", "from", "by", "or", "&",
                ],
            ))
        || (ends_with_ignore_case(above, "page") || ends_with_ignore_case(above, "pages"))
            && PAGE_NUMBER.is_match(line)
            && line.len() < 20
        || line.starts_with(", page")
}

static FILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:amendment\b.*\bform\b|(?:draft\s+|amended\s+)?registration\s+statement\b|(?:annual|quarterly|current)\s+report\s+on\s+form\b|forms?\s+[0-9a-z]{1,4}(?:-[0-9a-z]{1,3})?\b|schedule\s+[0-9a-z]{2,4}(?:-[0-9a-z]{1,3})?\b)")
        .expect("filing regex")
});

/// The kind of a heading, used to tell its level in the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// Names a filing ("Form 10-K for the Fiscal Year…", "Amendment No. 1 to Form 8-K"):
    /// the outermost level; a new one starts the trail afresh.
    Filing,
    /// A top-level section of a filing without a page ("Risk Factors", "Exhibits").
    /// A block that opens with a top-level section, with or without a page
    /// ("Use of Proceeds, page 45"), sits right under the filing, whatever came before.
    Section,
    /// Starts with a keyword such as "Item", "Note", "Form" (the keyword, lowercased).
    Keyword(String),
    /// A lettered or numbered caption such as "(c) Commitments, page F-77".
    Enumerated,
    /// A caption that cites a page.
    Caption,
    /// Anything else.
    Plain,
}

fn shape(heading: &str) -> Shape {
    if FILING.is_match(heading) {
        return Shape::Filing;
    }
    // A numbered caption ("(16) Income Taxes", "1. Organization…") is a note of the
    // financial statements: a note at the level of "Note 2. …".
    if NUMBERED_CAPTION.is_match(heading) {
        return Shape::Keyword("note".to_string());
    }
    if (heading.starts_with('(') && SHAPED.is_match(heading)) || LETTERED.is_match(heading) {
        return Shape::Enumerated;
    }
    // Question-and-answer captions ("Q: What will holders receive, page 4") are innermost.
    if heading.starts_with("Q:") {
        return Shape::Caption;
    }
    if let Some(c) = SHAPED.captures(heading)
        && let Some(word) = c.get(1)
    {
        return Shape::Keyword(word.as_str().to_ascii_lowercase());
    }
    if has_page_ref(heading) {
        Shape::Caption
    } else if is_section(heading) {
        Shape::Section
    } else {
        Shape::Plain
    }
}

/// Top-level sections of the forms the staff reviews (10-K/20-F items, prospectus parts).
const SECTIONS: &[&str] = &[
    "general",
    "cover page",
    "prospectus cover page",
    "summary",
    "prospectus summary",
    "summary of the prospectus",
    "questions and answers",
    "risk factors",
    "use of proceeds",
    "capitalization",
    "dilution",
    "dividend policy",
    "selected financial data",
    "selected consolidated financial data",
    "business",
    "properties",
    "legal proceedings",
    "management",
    "executive compensation",
    "principal stockholders",
    "principal shareholders",
    "underwriting",
    "plan of distribution",
    "legal matters",
    "experts",
    "where you can find more information",
    "financial statements",
    "consolidated financial statements",
    "exhibits",
    "exhibits and financial statement schedules",
    "signatures",
    "key information",
    "information on the company",
    "operating and financial review and prospects",
    "controls and procedures",
    "shares eligible for future sale",
    "taxation",
    "material u.s. federal income tax consequences",
];

/// Prefixes of top-level section titles that run on ("Management's Discussion and
/// Analysis of Financial Condition…", "Notes to the Consolidated Financial Statements").
const SECTION_PREFIXES: &[&str] = &[
    "management's discussion and analysis",
    "notes to ",
    "description of ",
    "certain relationships",
    "security ownership",
    "quantitative and qualitative disclosure",
    "market for ",
    "unaudited pro forma",
    "directors, senior management",
    "major shareholders",
    "financial information",
    "index to ",
];

/// Whether a heading (its page reference aside) is a top-level section of a filing.
/// Compared in any ASCII case, with no lowercase copy (this runs on every heading).
fn is_section(heading: &str) -> bool {
    const PAGE: &[u8] = b", page";
    let bytes = heading.as_bytes();
    // The title before the last ", page", if any.
    let title = (0..=bytes.len().saturating_sub(PAGE.len()))
        .rev()
        .find(|&i| {
            bytes[i..].len() >= PAGE.len() && bytes[i..i + PAGE.len()].eq_ignore_ascii_case(PAGE)
        })
        .map_or(heading, |at| heading[..at].trim());
    SECTIONS.iter().any(|s| title.eq_ignore_ascii_case(s))
        || SECTION_PREFIXES.iter().any(|p| {
            title.len() >= p.len() && title.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
}

/// The trail of headings in effect as the letter is read.
#[derive(Debug, Default, Clone)]
pub struct Trail {
    stack: Vec<(Shape, String)>,
}

impl Trail {
    /// Apply a block of headings found above a comment (outermost first).
    ///
    /// A block that names a filing starts the trail afresh; one that opens with a
    /// top-level section replaces everything under the filing. Otherwise the outermost
    /// level of the trail that has the kind of a heading in the block is replaced, with
    /// everything below it; a block of new kinds nests under the trail, after
    /// dropping page captions (which are always the innermost level).
    pub fn apply(&mut self, block: &[String]) {
        if block.is_empty() {
            return;
        }
        let shapes: Vec<Shape> = block.iter().map(|h| shape(h)).collect();
        let below_filing = self
            .stack
            .iter()
            .rposition(|(s, _)| *s == Shape::Filing)
            .map_or(0, |i| i + 1);
        let matched = if shapes.contains(&Shape::Filing) {
            Some(0)
        } else if is_section(&block[0]) {
            Some(below_filing)
        } else {
            shapes
                .iter()
                .filter_map(|s| self.stack.iter().position(|(t, _)| t == s))
                .min()
        };
        match matched {
            Some(at) => self.stack.truncate(at),
            None => {
                while self.stack.last().is_some_and(|(s, _)| *s == Shape::Caption) {
                    self.stack.pop();
                }
            }
        }
        self.stack
            .extend(shapes.into_iter().zip(block.iter().cloned()));
    }

    /// The headings, outermost first.
    pub fn headings(&self) -> Vec<String> {
        self.stack.iter().map(|(_, h)| h.clone()).collect()
    }
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

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn trail_replaces_levels_of_the_same_kind() {
        let mut t = Trail::default();
        t.apply(&v(&[
            "Notes to the Financial Statements",
            "Note 1. Organization",
            "(c) Establishment, page F-19",
        ]));
        t.apply(&v(&["Note 21. Taxation", "Deferred Tax, page F-61"]));
        assert_eq!(
            t.headings(),
            v(&[
                "Notes to the Financial Statements",
                "Note 21. Taxation",
                "Deferred Tax, page F-61"
            ])
        );
        t.apply(&v(&["Current Tax, page F-62"]));
        assert_eq!(
            t.headings(),
            v(&[
                "Notes to the Financial Statements",
                "Note 21. Taxation",
                "Current Tax, page F-62"
            ])
        );
    }

    #[test]
    fn a_new_filing_starts_afresh() {
        let mut t = Trail::default();
        t.apply(&v(&[
            "Amendment No. 1 to Form 8-K filed July 15, 2016",
            "Exhibit 99.2",
        ]));
        t.apply(&v(&[
            "Form 10-K for the fiscal year ended December 31, 2015",
            "Note 9. Timber, page 78",
        ]));
        assert_eq!(
            t.headings(),
            v(&[
                "Form 10-K for the fiscal year ended December 31, 2015",
                "Note 9. Timber, page 78"
            ])
        );
        t.apply(&v(&[
            "Larkspur Energy, Inc.",
            "Form 10-Q for the Quarter Ended March 31, 2016",
            "Business, page 4",
        ]));
        assert_eq!(t.headings()[0], "Larkspur Energy, Inc.");
    }

    #[test]
    fn top_level_sections_sit_under_the_filing() {
        let mut t = Trail::default();
        t.apply(&v(&[
            "Form S-1",
            "Risk Factors",
            "We depend on one supplier, page 12",
        ]));
        t.apply(&v(&["Use of Proceeds, page 45"]));
        assert_eq!(t.headings(), v(&["Form S-1", "Use of Proceeds, page 45"]));
        t.apply(&v(&[
            "Notes to the Financial Statements",
            "Note 2. Revenue, page F-9",
        ]));
        assert_eq!(
            t.headings(),
            v(&[
                "Form S-1",
                "Notes to the Financial Statements",
                "Note 2. Revenue, page F-9"
            ])
        );
    }

    #[test]
    fn new_kinds_nest_below() {
        let mut t = Trail::default();
        t.apply(&v(&["Item 5. Operating Review, page 70"]));
        t.apply(&v(&["Critical Accounting Policies", "Goodwill, page 84"]));
        assert_eq!(
            t.headings(),
            v(&[
                "Item 5. Operating Review, page 70",
                "Critical Accounting Policies",
                "Goodwill, page 84"
            ])
        );
    }
}
