//! Sweeps the EDGAR collection in `../shared/corpus` when it is present (it is not part
//! of the repository; on a clone without it the sweep says so and passes).
//!
//! For the text of every staff letter (`corpus/text/…/*.txt`, converted from the PDFs)
//! it counts the letters with comments, those numbered exactly as the letter prints them,
//! those with page-header, sign-off or form-field debris in a comment or heading, and
//! the kinds; for every company letter (`corpus/…/*.htm`, its text taken out of the
//! HTML) it checks that none is read as a staff letter. It prints the figures and fails
//! under the goals: at least 99% of comment letters numbered exactly, at most 1% with
//! debris, no crash. `cargo test --test parser corpus_sweep:: -- --nocapture` shows each letter
//! that misses a goal.

use crate::common::shared;
use letterdesk::letter::{Kind, Letter, parse_bytes};
use regex::Regex;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// `../shared/corpus`, when its pdftotext copies (`text/`) are there.
fn corpus_dir() -> Option<PathBuf> {
    let text = shared::folder("corpus/text")?;
    text.parent().map(Path::to_path_buf)
}

/// `path`'s name below `dir`, as the sweep reports it.
fn name_in(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}

/// Every file under `dir` whose name ends in `ext`, sorted.
fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
}

/// A comment number as pdftotext prints it at the start of a line: `1.`, `1)`, `(1)`,
/// or the number alone.
static PRINTED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\((\d{1,3})\)|(\d{1,3})[.)]?)(?:\s|$)").expect("printed number")
});

/// How many comments the letter prints: the longest run 1, 2, 3… of numbered lines
/// in reading order, counted from the raw text (each number taken at its first line
/// after the one before). Independent of the parser; a check on its count.
fn printed_count(raw: &str) -> usize {
    let mut next = 1;
    for line in raw.lines() {
        let line = line.trim();
        if let Some(c) = PRINTED_NUMBER.captures(line) {
            let n: usize = c
                .get(1)
                .or(c.get(2))
                .map_or(0, |m| m.as_str().parse().unwrap_or(0));
            if n == next {
                next += 1;
            }
        }
    }
    next - 1
}

/// Debris a careful reader would not restate: a page header's date and page, a lone
/// "Page N", form-field residue, a sign-off.
static DEBRIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\d*\s+\d{1,2},\s*\d{4}\s*page\s*\d",
        r"|(?m)^page\s+\d+(?:\s+of\s+\d+)?$",
        r"|FirstName|LastName|Comapany",
        r"|(?m)^(?:sincerely,?|/s/.*|division of corporation finance|very truly yours,?)$",
    ))
    .expect("debris")
});

/// A comment's text that ends with a lone page number after its last sentence.
static TRAILING_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.?!:;"')]\s+\d{1,3}$"#).expect("trailing page"));

/// A heading that is a person's name with a courtesy title ("Mr. Ann B. Lee").
static COURTESY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}$")
        .expect("courtesy")
});

/// What is wrong in a letter's comments, if anything: the first debris found.
fn debris(letter: &Letter) -> Option<String> {
    let addressee = letter.addressee.name.as_deref().unwrap_or("\u{0}");
    for c in &letter.comments {
        for h in &c.headings {
            // (A company's name is a heading of its own in letters to several
            // registrants, so it is not counted.)
            if DEBRIS.is_match(h) || h == addressee || COURTESY.is_match(h) {
                return Some(format!("comment {} heading {h:?}", c.number));
            }
        }
        if let Some(m) = DEBRIS.find(&c.text) {
            return Some(format!("comment {} text {:?}", c.number, m.as_str()));
        }
        if let Some(m) = TRAILING_PAGE.find(&c.text) {
            return Some(format!("comment {} ends {:?}", c.number, m.as_str()));
        }
        if c.text.lines().any(|l| l.trim() == addressee) {
            return Some(format!("comment {} holds the addressee", c.number));
        }
    }
    None
}

/// Whether the numbers read are the ones the letter prints: 1, 2, … N with N the count
/// printed, or the one comment "1" of a letter whose one request is not numbered.
/// (Numbering that restarts, "1 (2)", is listed for a look by eye and not counted.)
fn numbered_exactly(letter: &Letter, printed: usize) -> bool {
    let expected = printed.max(1);
    letter.comments.len() == expected
        && letter
            .comments
            .iter()
            .enumerate()
            .all(|(i, c)| c.number == (i + 1).to_string())
}

/// The text of an HTML letter, for the sweep only: white space folded, block ends made
/// line breaks, tags dropped, the common entities decoded.
fn html_text(html: &str) -> String {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("comment"));
    static SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").expect("space"));
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<br\s*/?>|</(?:p|div|tr|li|h\d|table)\s*>").expect("break")
    });
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("tag"));
    static NUMERIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&#(x?)([0-9a-fA-F]+);").expect("numeric"));
    let text = COMMENT.replace_all(html, "");
    let text = SPACE.replace_all(&text, " ");
    let text = BREAK.replace_all(&text, "\n");
    let text = TAG.replace_all(&text, "");
    let text = NUMERIC.replace_all(&text, |c: &regex::Captures| {
        let radix = if c[1].is_empty() { 10 } else { 16 };
        u32::from_str_radix(&c[2], radix)
            .ok()
            .and_then(char::from_u32)
            .map_or(String::new(), String::from)
    });
    let text = text
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&rsquo;", "'")
        .replace("&ldquo;", "\"")
        .replace("&rdquo;", "\"");
    text.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_corpus_meets_the_goals() {
    let Some(dir) = corpus_dir() else { return };
    let mut staff = Vec::new();
    files(&dir.join("text"), "txt", &mut staff);
    let mut company = Vec::new();
    files(&dir, "htm", &mut company);

    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut with_comments, mut exact, mut dirty, mut crashes) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for path in &staff {
        let name = name_in(&dir, path);
        let bytes = std::fs::read(path).expect("readable");
        let raw = String::from_utf8_lossy(&bytes);
        let Ok(Ok(letter)) = std::panic::catch_unwind(|| parse_bytes(&name, &bytes)) else {
            crashes += 1;
            misses.push(format!("{name}: crash or error"));
            continue;
        };
        *kinds.entry(letter.kind.as_str()).or_default() += 1;
        let printed = printed_count(&raw);
        let asks = raw.contains("please") || raw.contains("Please");
        let comment_letter = letter.kind == Kind::Comments
            || (printed > 0 && letter.kind != Kind::Completion)
            || (letter.kind == Kind::Unknown && asks);
        if !comment_letter {
            continue;
        }
        with_comments += 1;
        let numbers: Vec<&str> = letter.comments.iter().map(|c| c.number.as_str()).collect();
        if numbered_exactly(&letter, printed) && !numbers.is_empty() {
            exact += 1;
        } else {
            misses.push(format!(
                "{name}: numbers {numbers:?}, the letter prints {printed}"
            ));
        }
        if let Some(what) = debris(&letter) {
            dirty += 1;
            misses.push(format!("{name}: debris: {what}"));
        }
    }
    let mut company_kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut read_as_staff = 0;
    for path in &company {
        let name = name_in(&dir, path);
        let html = String::from_utf8_lossy(&std::fs::read(path).expect("readable")).into_owned();
        let text = html_text(&html);
        let Ok(Ok(letter)) = std::panic::catch_unwind(|| parse_bytes(&name, text.as_bytes()))
        else {
            crashes += 1;
            misses.push(format!("{name}: crash or error"));
            continue;
        };
        *company_kinds.entry(letter.kind.as_str()).or_default() += 1;
        if matches!(
            letter.kind,
            Kind::Comments | Kind::Completion | Kind::NoReview
        ) {
            read_as_staff += 1;
            misses.push(format!(
                "{name}: a company letter read as {}",
                letter.kind.as_str()
            ));
        }
    }
    for miss in &misses {
        println!("{miss}");
    }
    let pct = |n: usize| 100.0 * n as f64 / with_comments.max(1) as f64;
    println!(
        "staff letters: {} ({kinds:?}); with comments: {with_comments}; numbered exactly: {exact} ({:.1}%); with debris: {dirty} ({:.1}%); crashes: {crashes}",
        staff.len(),
        pct(exact),
        pct(dirty)
    );
    println!(
        "company letters: {} ({company_kinds:?}); read as staff letters: {read_as_staff}",
        company.len()
    );
    assert_eq!(crashes, 0, "no crash");
    assert!(pct(exact) >= 99.0, "at least 99% numbered exactly");
    assert!(pct(dirty) <= 1.0, "at most 1% with debris");
    assert_eq!(read_as_staff, 0, "no company letter read as a staff letter");
}
