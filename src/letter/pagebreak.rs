//! Removing the page-break artefacts of PDF-to-text conversion: the repeated
//! "addressee / company / date / Page N" block, "Page N of M" lines, and the
//! form-field residue ("FirstName LastName…", "Comapany Name…") of 2018+ letters,
//! including residue glued to the front of a real line.

use super::header_tokens::for_each_token;
use super::page_header_vocabulary::{Fit, HeaderVocabulary};
use super::phrases::contains_ignore_ascii_case;
use regex::Regex;
use std::sync::LazyLock;

static PAGE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^-?\s*page\s+\d+\s+of\s+\d+\s*-?$").expect("page of regex"));

/// Remove page headers and residue from body lines. Lines removed become empty, so
/// the paragraph logic sees the page break as a blank line; a line that loses glued
/// residue becomes the rest of itself.
pub fn remove_page_headers(lines: &mut [&str], vocab: &HeaderVocabulary) {
    let mut last_page = 1u32;
    let mut i = 0;
    while i < lines.len() {
        // A blank line (half the lines of many letters) is neither a header nor residue.
        if lines[i].is_empty() {
            i += 1;
            continue;
        }
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
        let mut j = i + 1;
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

/// The highest number that follows the token "page" in `line`. A line without "page"
/// in some ASCII case has no such token (no character outside ASCII lowercases to one
/// of its letters) and is not split into tokens.
fn page_number(line: &str) -> Option<u32> {
    if !contains_ignore_ascii_case(line, "page") {
        return None;
    }
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
    // Residue starts with a field name (`F`, `L`, `C`) or the letter's date: one byte
    // tells most lines.
    let date = vocab.date_text;
    let first = *line.as_bytes().first()?;
    if !matches!(first, b'F' | b'L' | b'C') && date.is_none_or(|d| !line.starts_with(d)) {
        return None;
    }
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
                if let Some(r) = rest.strip_prefix(p) {
                    rest = r.trim_start();
                    break;
                }
            }
        }
    }
    if let Some(date) = date
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

    fn vocab() -> HeaderVocabulary<'static> {
        HeaderVocabulary::new(
            &["Ada B. Lark", "Lark Widgets Corporation"],
            Some("May 16, 2024"),
        )
    }

    fn run(text: &str) -> Vec<String> {
        let mut lines: Vec<&str> = text.lines().collect();
        remove_page_headers(&mut lines, &vocab());
        crate::testing::kept(lines)
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
    fn no_character_outside_ascii_lowercases_to_a_letter_of_page() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            assert!(
                !c.to_lowercase().any(|l| matches!(l, 'p' | 'a' | 'g' | 'e')),
                "{c:?}"
            );
        }
        assert_eq!(page_number("Acme PAGE 7 \u{C9}t\u{E9} Page 12"), Some(12));
        assert_eq!(page_number("P\u{C1}GE 7"), None);
    }

    #[test]
    fn page_of_lines() {
        assert_eq!(run("a\nPage 3 of 7\nb"), vec!["a", "b"]);
    }
}
