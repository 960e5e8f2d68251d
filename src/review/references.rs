//! References in a staff comment to comments of earlier letters: "prior comment 4",
//! "your response to comments 2 and 3", "comment 2 in our letter dated May 22, 2024";
//! and the letters a letter cites by date ("your letter dated …", "Response dated …").

use crate::letter::dates::find_date;
use crate::text::{TENS, UNITS, count_value};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A comment's number, in digits or in words ("six", "twenty-one").
static ONE: LazyLock<String> = LazyLock::new(|| {
    let units = UNITS.join("|");
    let tens = TENS.join("|");
    format!(
        r"(?:\d{{1,3}}|(?:{tens})(?:-(?:{}))?\b|(?:{units})\b)",
        UNITS[..9].join("|")
    )
});

/// A list of comment numbers: "4", "1 and 3", "2, 5 and 7", "five and six", "number 3",
/// "9 through 11" is read as its two ends.
static NUMBERS: LazyLock<String> = LazyLock::new(|| {
    let one = ONE.as_str();
    format!(
        r"(?:(?:number|no\.|#)\s*)?({one}(?:\s*(?:,\s*(?:and\s+)?|and|&|or|through|to|-)\s*{one}\b)*)"
    )
});

/// Optional "… of our letter dated May 2, 2022" after the numbers.
const DATED: &str = r"(?:\s*,?\s*(?:in|of|from)\s+(?:our|the\s+staff's|the)\s+(?:prior\s+|previous\s+|earlier\s+|comment\s+)?letter\s+dated\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}))?";

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let numbers = NUMBERS.as_str();
    let pattern = format!(
        r"(?i)\b(?:(?:prior|previous|earlier)\s+comments?\s+{numbers}{DATED}|responses?\s+to\s+(?:our\s+)?(?:prior\s+|previous\s+|earlier\s+)?comments?\s+{numbers}{DATED}|comments?\s+{numbers}\s*,?\s*(?:in|of|from)\s+our\s+(?:prior\s+|previous\s+|earlier\s+)?letter\s+dated\s+([A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},?\s+\d{{4}}))"
    );
    Regex::new(&pattern).expect("reference regex")
});

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", ONE.as_str())).expect("number regex"));

/// "letter dated May 2, 2022", "Response dated …", "letter of May 2, 2022".
/// "your June 5, 2024 response", "the staff's March 1, 2016 letter".
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:letters?|response|responses|correspondence|submission)\s+(?:dated|of)\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:your|our|the\s+staff's|the)\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s*,?\s+(?:comment\s+)?(?:letter|response|correspondence))")
        .expect("cited regex")
});

/// "dated May 2, 2022" after any words: in a company's response, the staff letter it
/// answers ("the comments of the Staff … dated August 22, 2024").
static DATED_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdated\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})").expect("dated regex")
});

/// One comment of an earlier letter that a comment refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The comment's number as cited ("4").
    pub comment: String,
    /// The date of the letter cited, when the text gives it.
    pub letter_date: Option<NaiveDate>,
    /// Byte range in the comment's text of the words that make the reference.
    #[serde(skip)]
    pub span: (usize, usize),
}

/// The references to earlier comments in `text`, in order. "comments 2 and 3" gives
/// two references; "9 through 11" gives 9 and 11.
pub fn find_references(text: &str) -> Vec<Reference> {
    if !text.contains("omment") && !text.contains("OMMENT") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for c in REFERENCE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let numbers = c.get(1).or_else(|| c.get(3)).or_else(|| c.get(5));
        let date = [2, 4, 6]
            .iter()
            .find_map(|&g| c.get(g))
            .and_then(|m| find_date(m.as_str()))
            .map(|d| d.date);
        for n in numbers
            .map(|m| NUMBER.find_iter(m.as_str()))
            .into_iter()
            .flatten()
        {
            found.push(Reference {
                // "0" is no comment's number: left out below, with the empty ones.
                comment: count_value(n.as_str())
                    .filter(|&n| n > 0)
                    .map_or_else(String::new, |n| n.to_string()),
                letter_date: date,
                span: (whole.start(), whole.end()),
            });
        }
    }
    found.retain(|r| !r.comment.is_empty());
    found
}

/// The dates of the letters `text` cites ("your letter dated …", "Response dated …").
pub fn cited_dates(text: &str) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = CITED
        .captures_iter(text)
        .filter_map(|c| find_date(c.get(1).or_else(|| c.get(2))?.as_str()).map(|d| d.date))
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

/// Every date `text` gives after "dated", whatever it follows: what a company's
/// response cites, which names the staff letter in many ways ("your letter dated …",
/// "the comments of the Staff … dated …").
pub fn dated_dates(text: &str) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = DATED_ANY
        .captures_iter(text)
        .filter_map(|c| find_date(c.get(1)?.as_str()).map(|d| d.date))
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<(String, Option<String>)> {
        find_references(text)
            .into_iter()
            .map(|r| (r.comment, r.letter_date.map(|d| d.to_string())))
            .collect()
    }

    fn plain(n: &str) -> (String, Option<String>) {
        (n.to_string(), None)
    }

    #[test]
    fn the_ways_staff_cite_earlier_comments() {
        let cases = [
            (
                "We note your response to prior comment 4.",
                vec![plain("4")],
            ),
            (
                "Refer to previous comments 2 and 3 and your revised disclosure.",
                vec![plain("2"), plain("3")],
            ),
            (
                "We note your response to comment 3 regarding revenue.",
                vec![plain("3")],
            ),
            (
                "Refer to comment 2 in our letter dated May 22, 2024.",
                vec![("2".to_string(), Some("2024-05-22".to_string()))],
            ),
            (
                "your response to comment 1 of our letter dated December 28, 2017 that you",
                vec![("1".to_string(), Some("2017-12-28".to_string()))],
            ),
            (
                "We note your responses to prior comments 1, 5 and 7.",
                vec![plain("1"), plain("5"), plain("7")],
            ),
            // Some letters spell the numbers out: 4 of the 77 corpus letters that cite
            // an earlier comment ("your responses to comments five and six", "prior
            // comment six"); one writes "prior comment number 3".
            (
                "We note your responses to comments five and six. We continue to evaluate.",
                vec![plain("5"), plain("6")],
            ),
            (
                "We note your response to prior comment Six that the fees",
                vec![plain("6")],
            ),
            (
                "Refer to your response to comment one from our letter dated April 5, 2016.",
                vec![("1".to_string(), Some("2016-04-05".to_string()))],
            ),
            (
                "We note your response to prior comment number 3 and No. 4.",
                vec![plain("3")],
            ),
            (
                "Refer to your response to comment No. 12.",
                vec![plain("12")],
            ),
            (
                "See prior comments nineteen through twenty-one.",
                vec![plain("19"), plain("21")],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(refs(text), expected, "{text}");
        }
        // A word that only starts like a number is not one.
        assert!(refs("In response to comment tenfold, revise.").is_empty());
    }

    #[test]
    fn comments_of_the_same_letter_and_other_numbers_are_not_references() {
        assert!(refs("See comment 4 above. Revise page 12 and Note 3.").is_empty());
        assert!(refs("In response to the comment, revise.").is_empty());
    }

    #[test]
    fn the_span_covers_the_words_of_the_reference() {
        let text = "We note your response to prior comment 2. Please revise.";
        let r = &find_references(text)[0];
        assert_eq!(&text[r.span.0..r.span.1], "response to prior comment 2");
    }

    #[test]
    fn cited_letters_by_date() {
        let text = "in response to your letter dated September 30, 2024 and our Response dated July 19, 2024";
        let got: Vec<String> = cited_dates(text).iter().map(|d| d.to_string()).collect();
        assert_eq!(got, vec!["2024-07-19", "2024-09-30"]);
        let text = "We have reviewed your June 5, 2024 response to our comment letter.";
        let got: Vec<String> = cited_dates(text).iter().map(|d| d.to_string()).collect();
        assert_eq!(got, vec!["2024-06-05"]);
    }

    #[test]
    fn dated_after_any_words() {
        let text = "the comments of the staff (the \"Staff\") of the Commission dated August 22, 2024 (the \"Comment Letter\") relating to the Form 10-K filed February 28, 2024";
        let got: Vec<String> = dated_dates(text).iter().map(|d| d.to_string()).collect();
        assert_eq!(got, vec!["2024-08-22"]);
    }
}
