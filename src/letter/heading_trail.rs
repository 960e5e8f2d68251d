//! The heading trail: the headings in effect as a letter is read, each block of
//! headings above a comment replacing the levels of its kinds.

use super::headings::{LETTERED, NUMBERED_CAPTION, SHAPED, has_page_ref};
use regex::Regex;
use std::sync::LazyLock;

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
    // (Each anchored pattern is run only on a heading whose first byte may start it.)
    if may_start(heading, b"adrqcfs") && FILING.is_match(heading) {
        return Shape::Filing;
    }
    // A numbered caption ("(16) Income Taxes", "1. Organization…") is a note of the
    // financial statements: a note at the level of "Note 2. …".
    if may_start(heading, b"(0123456789") && NUMBERED_CAPTION.is_match(heading) {
        return Shape::Keyword("note".to_string());
    }
    let lettered = heading
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
        && matches!(heading.as_bytes().get(1), Some(b'.' | b')'));
    if (heading.starts_with('(') && SHAPED.is_match(heading))
        || (lettered && LETTERED.is_match(heading))
    {
        return Shape::Enumerated;
    }
    // Question-and-answer captions ("Q: What will holders receive, page 4") are innermost.
    if heading.starts_with("Q:") {
        return Shape::Caption;
    }
    // The keyword is the whole match of the pattern's first branch (its group, read
    // without the regex engine's captures); only the other branch starts with "(".
    if may_start(heading, b"inpfseaq(")
        && let Some(found) = SHAPED.find(heading)
        && !found.as_str().starts_with('(')
    {
        return Shape::Keyword(found.as_str().to_ascii_lowercase());
    }
    if has_page_ref(heading) {
        Shape::Caption
    } else if is_section(heading) {
        Shape::Section
    } else {
        Shape::Plain
    }
}

/// Whether `line` starts with one of the bytes `firsts` (ASCII, lowercase) in either
/// case, or with a byte outside ASCII (a character a case-insensitive pattern may read as
/// one of them, such as `ſ` for `s`, or a digit of another script): a look at one byte
/// before an anchored regex.
fn may_start(line: &str, firsts: &[u8]) -> bool {
    line.bytes()
        .next()
        .is_some_and(|b| !b.is_ascii() || firsts.contains(&b.to_ascii_lowercase()))
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
    use crate::testing::strings as v;

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
