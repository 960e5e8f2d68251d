//! Running heads and feet: the lines a letter repeats at the top or the foot of its
//! pages ("Securities and Exchange Commission / Mr. Gus Rodriguez / Page 2" over each
//! page of a response, a company's address under each), told by their repetition
//! across the page breaks its source marks (the form feeds of a PDF's text, an HTML
//! letter's `page-break-before`), not by their words: a response's running head names
//! the staff, which its own header may not say in a form the parser reads.
//! [`super::pagebreak`] removes the page headers of staff letters by their words; this
//! removes what repeats, on every kind of letter.

use std::collections::{HashMap, HashSet};

use super::labels::is_label;
use super::phrases::is_sign_off;

/// Lines of a page's top (or foot), not counting blank ones, in which a running head (or
/// foot) is looked for: the longest of the corpus's are five lines (the staff's names
/// and titles, the Commission and its address).
pub(super) const WINDOW: usize = 6;

/// Lines longer than this (in bytes) are text, not a running head.
const MAX_LEN: usize = 160;

/// Blank the running heads and feet of `lines`, whose pages after the first start at
/// `page_starts` (line indexes, ascending): the lines that stand in the same place at
/// the top (or foot) of at least two pages, and of three in four of the pages that
/// could hold one (a response's "Response" label tops two pages of three), and are
/// alike once their digits are set aside ("Page 2", "Page 3"). In the same place,
/// counted in lines that are not blank: an HTML page holds a few paragraphs, and a
/// response may answer many comments in one sentence ("has revised the disclosure on
/// page 140"), which two pages' tops may both hold, but seldom in the same place. Only
/// a page's first (or last) lines are blanked, up to the first that is not such a
/// line. A removed line becomes empty, as page headers do: the paragraph logic sees
/// the page break as a blank line.
pub fn remove_running_heads(lines: &mut [&str], page_starts: &[usize]) {
    let pages = pages(lines.len(), page_starts);
    // Running heads stand on every page but the first (the letterhead's); feet on every
    // page but the last (which may end early, with the signature), or on the last too
    // (a foot under the signature; of two pages, the only way to see one repeated).
    let heads = repeated(lines, &pages[1..], Edge::Top);
    let mut feet = repeated(lines, &pages[..pages.len() - 1], Edge::Foot);
    feet.extend(repeated(lines, &pages, Edge::Foot));
    for (page, edge, kept) in pages[1..]
        .iter()
        .map(|p| (p, Edge::Top, &heads))
        .chain(pages.iter().map(|p| (p, Edge::Foot, &feet)))
    {
        if kept.is_empty() {
            continue;
        }
        for (place, i) in edge.window(lines, page.clone()).into_iter().enumerate() {
            if !key(lines[i]).is_some_and(|k| kept.contains(&(place, k))) {
                break;
            }
            lines[i] = "";
        }
    }
}

/// Lines of a letterhead repeated over later pages that must stand again, one under
/// the other, for them to be taken for it: one line may be a paragraph of the text.
const MIN_LETTERHEAD: usize = 2;

/// Blank, in a letter whose source marks no page breaks (a text file made from a PDF
/// or an HTML letter without its page breaks), the letterhead it repeats at the top of
/// each later page ("77 West Wacker Drive / Suite 4600 / Chicago, Illinois 60601"
/// between two answers): a run of at least [`MIN_LETTERHEAD`] of the letter's first
/// lines (`top`, not blank, from its first) that stands again, line for line (blank
/// lines between them aside), at the start of a paragraph of `lines` before the
/// sign-off (under which a writer who heads the letter with their name and title signs
/// it with the same lines). The letterhead over the first page is the header's, and
/// stays.
pub fn remove_repeated_letterhead(top: &[&str], lines: &mut [&str]) {
    let head: Vec<String> = top.iter().take(WINDOW).map_while(|l| key(l)).collect();
    if head.len() < MIN_LETTERHEAD {
        return;
    }
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    // A line of the letterhead's first line's length, give or take a page number's
    // digits, may repeat it: only those are compared by their keys (which are made
    // anew for each line), on every paragraph of the body.
    let length = top[0].trim().len();
    let mut at = 0;
    while at < filled.len() {
        let first = filled[at];
        // Under the sign-off, the writer's name and title are the signature's.
        if is_sign_off(lines[first].trim().trim_matches(['*', '_'])) {
            break;
        }
        let opens = first == 0 || lines[first - 1].trim().is_empty();
        if !opens || lines[first].trim().len().abs_diff(length) > 4 {
            at += 1;
            continue;
        }
        let same = filled[at..]
            .iter()
            .zip(&head)
            .take_while(|&(&i, k)| key(lines[i]).as_ref() == Some(k))
            .count();
        if same >= MIN_LETTERHEAD {
            for &i in &filled[at..at + same] {
                lines[i] = "";
            }
            at += same;
        } else {
            at += 1;
        }
    }
}

/// The line ranges of the pages (a page start repeated, or past the end, starts none).
fn pages(len: usize, page_starts: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::with_capacity(page_starts.len() + 1);
    let mut start = 0;
    for &bound in page_starts {
        if bound > start && bound < len {
            pages.push(start..bound);
            start = bound;
        }
    }
    pages.push(start..len);
    pages
}

/// Which edge of a page.
#[derive(Debug, Clone, Copy)]
enum Edge {
    Top,
    Foot,
}

impl Edge {
    /// The indexes of the first (or last) [`WINDOW`] lines of `page` that are not
    /// blank, from the edge inwards.
    fn window(self, lines: &[&str], page: std::ops::Range<usize>) -> Vec<usize> {
        let filled = |i: &usize| !lines[*i].trim().is_empty();
        match self {
            Edge::Top => page.filter(filled).take(WINDOW).collect(),
            Edge::Foot => page.rev().filter(filled).take(WINDOW).collect(),
        }
    }
}

/// The places (counted from `edge`) and keys of the lines that stand there on at least
/// two of `pages`, and on three in four of those that are not blank.
fn repeated(
    lines: &[&str],
    pages: &[std::ops::Range<usize>],
    edge: Edge,
) -> HashSet<(usize, String)> {
    // A page of blank lines (after a last page break) holds no running head.
    let windows: Vec<Vec<usize>> = pages
        .iter()
        .map(|page| edge.window(lines, page.clone()))
        .filter(|window| !window.is_empty())
        .collect();
    if windows.len() < 2 {
        return HashSet::new();
    }
    let mut counts: HashMap<(usize, String), usize> = HashMap::new();
    for window in &windows {
        for (place, &i) in window.iter().enumerate() {
            if let Some(k) = key(lines[i]) {
                *counts.entry((place, k)).or_default() += 1;
            }
        }
    }
    let least = 2.max((3 * windows.len()).div_ceil(4));
    counts
        .into_iter()
        .filter(|(_, n)| *n >= least)
        .map(|(k, _)| k)
        .collect()
}

/// What two lines of one running head have in common: the line in lower case, its
/// digits set aside and its white space folded; `None` for a line that cannot be one:
/// too long, or a label ("Response", "**Comment:**", "3."), which a response may put at
/// the top of several pages.
fn key(line: &str) -> Option<String> {
    let line = line.trim();
    let bare = line.trim_matches(['*', '_']).trim();
    if line.is_empty() || line.len() > MAX_LEN || bare.ends_with(':') || is_label(bare) {
        return None;
    }
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(
            word.chars()
                .filter(|c| !c.is_ascii_digit())
                .flat_map(char::to_lowercase),
        );
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::remove_running_heads;

    /// The lines of `pages` (each a list of lines) with their page starts, the running
    /// heads blanked, blank lines left out.
    fn run(pages: &[&[&str]]) -> Vec<String> {
        let mut lines: Vec<&str> = Vec::new();
        let mut starts = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            if i > 0 {
                starts.push(lines.len());
            }
            lines.extend_from_slice(page);
        }
        remove_running_heads(&mut lines, &starts);
        crate::testing::kept(lines)
    }

    #[test]
    fn a_head_over_every_page_but_the_first_is_removed_with_its_page_number() {
        let head = |n| -> [&str; 3] {
            [
                "Securities and Exchange Commission",
                "Ms. Ann Vole",
                ["Page 2", "Page 3", "Page 4"][n],
            ]
        };
        let (p2, p3, p4) = (head(0), head(1), head(2));
        let out = run(&[
            &["Dear Ms. Vole:", "1. We note the sales."],
            &[p2[0], p2[1], "", p2[2], "", "continued on the next page."],
            &[p3[0], p3[1], p3[2], "Response:", "We have revised."],
            &[p4[0], p4[1], p4[2], "Sincerely,"],
        ]);
        assert_eq!(
            out,
            [
                "Dear Ms. Vole:",
                "1. We note the sales.",
                "continued on the next page.",
                "Response:",
                "We have revised.",
                "Sincerely,"
            ]
        );
    }

    #[test]
    fn a_letterhead_repeated_with_no_page_breaks_is_removed_but_on_top() {
        let top = [
            "12 Mill Road",
            "",
            "Suite 400",
            "",
            "Quarry, Ohio 44001",
            "",
            "May 2, 2025",
        ];
        let mut lines = vec![
            "1. We note the sales.",
            "",
            "Response: We have revised.",
            "",
            "12 Mill Road",
            "",
            "Suite 400",
            "",
            "Quarry, Ohio 44001",
            "",
            "2. Please file the lease.",
            "",
            "Response: We will file it at 12 Mill Road",
            "Suite 400.",
            "",
            "12 Mill Road",
            "",
            "Sincerely,",
            "",
            "12 Mill Road",
            "Suite 400",
        ];
        let filled: Vec<&str> = top.iter().filter(|l| !l.is_empty()).copied().collect();
        super::remove_repeated_letterhead(&filled, &mut lines);
        assert_eq!(
            crate::testing::kept(lines),
            [
                "1. We note the sales.",
                "Response: We have revised.",
                "2. Please file the lease.",
                "Response: We will file it at 12 Mill Road",
                "Suite 400.",
                "12 Mill Road",
                "Sincerely,",
                "12 Mill Road",
                "Suite 400",
            ],
            "a run inside a paragraph, one line alone, and lines under the sign-off stay"
        );
    }

    #[test]
    fn a_blank_page_after_the_last_break_does_not_count() {
        let head = "Quarry Lane Holdings, Inc. 12 Mill Road";
        let out = run(&[
            &["Dear Ms. Vole:", "1. We note the"],
            &[head, "sales.", "Response: We have revised."],
            &[head, "2. Please file the lease."],
            &["", ""],
        ]);
        assert_eq!(
            out,
            [
                "Dear Ms. Vole:",
                "1. We note the",
                "sales.",
                "Response: We have revised.",
                "2. Please file the lease."
            ]
        );
    }

    #[test]
    fn feet_are_removed_and_text_that_repeats_inside_a_page_stays() {
        let out = run(&[
            &[
                "Opening.",
                "We note the sales.",
                "Harrowgate Mills, 1 Loom Way",
            ],
            &[
                "We note the sales.",
                "Answer one.",
                "Harrowgate Mills, 1 Loom Way",
            ],
            &["Answer two.", "Harrowgate Mills, 1 Loom Way"],
            &["Sincerely,"],
        ]);
        assert_eq!(
            out,
            [
                "Opening.",
                "We note the sales.",
                "We note the sales.",
                "Answer one.",
                "Answer two.",
                "Sincerely,"
            ]
        );
    }

    #[test]
    fn labels_and_lines_on_too_few_pages_stay() {
        // A response whose answers start two of its three pages after the first.
        let out = run(&[
            &["Comment No. 1", "*We note the sales.*"],
            &[
                "Response",
                "Answer one.",
                "Comment No. 2",
                "*We note the costs.*",
            ],
            &["Response", "Answer two.", "Please call me."],
            &["Sincerely,"],
        ]);
        assert_eq!(out.iter().filter(|l| *l == "Response").count(), 2);
        // "Note N" tops five of the seven pages after the first: fewer than three in four.
        let mut pages: Vec<Vec<String>> = vec![vec!["Opening.".into()]];
        for n in 1..8 {
            let mut page = vec![format!("Answer {n}.")];
            if n <= 5 {
                page.insert(0, format!("Note {n}"));
            }
            pages.push(page);
        }
        let pages: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect();
        let pages: Vec<&[&str]> = pages.iter().map(Vec::as_slice).collect();
        let out = run(&pages);
        assert_eq!(out.iter().filter(|l| l.starts_with("Note")).count(), 5);
    }

    #[test]
    fn a_foot_under_the_last_page_counts_it() {
        // Of two pages, both ending with the company's address.
        let foot = "Headquarters: 12 Mill Road, Quarry, OH 44001";
        let out = run(&[
            &["Dear Ms. Vole:", "1. We note the sales.", foot],
            &["Response: We have revised.", "Sincerely,", "Ann Lee", foot],
        ]);
        assert!(!out.iter().any(|l| l == foot), "{out:?}");
        // A legend over the page number of each page but the first, under the
        // signature on the last: three in four of all the pages.
        let legend = "CONFIDENTIAL TREATMENT REQUESTED BY QUARRY LANE, INC.";
        let out = run(&[
            &["Dear Ms. Vole:", "1. We note the sales.", "1"],
            &["Response: We have revised.", legend, "2"],
            &["2. Please file the lease.", legend, "3"],
            &["Response: Filed.", "Sincerely,", "Ann Lee", legend, "4"],
        ]);
        assert!(!out.iter().any(|l| l == legend || l.len() == 1), "{out:?}");
    }

    #[test]
    fn a_letter_of_one_or_two_pages_is_left_as_it_is() {
        assert_eq!(run(&[&["a", "b"]]), ["a", "b"]);
        assert_eq!(
            run(&[&["Page 1", "a"], &["Page 2", "b"]]),
            ["Page 1", "a", "Page 2", "b"]
        );
    }
}
