//! The filings a letter's "Re:" block names, read as a sentence would name them: each
//! filing with the lines that go on with it ("Filed February 28, 2017"), lines wrapped
//! in the middle of a title joined again, the numbers left out, and the filings of
//! another registrant the block names ("Boston Properties Limited Partnership") put
//! under its name.

use super::dates::is_month;
use super::model::Subject;
use super::named_company::ends_as_company;
use super::re_block::{only_numbers_the_filing, subject_line};

/// The filings of one registrant, or of several together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filings {
    /// Whether they are the letter's own company's (named on the "Re:" line, before
    /// the lines read here).
    pub company: bool,
    /// The other registrants the block names over them ("NRG Yield, Inc." under
    /// "NRG Energy, Inc.": the two companies' Forms 10-K).
    pub others: Vec<String>,
    /// Each filing in words: "Form 10-K for the Fiscal Year Ended December 31, 2016,
    /// filed February 28, 2017".
    pub filings: Vec<String>,
}

/// Whether `filing` says who filed it ("PREC14A filed January 12, 2024 by Service
/// Employees International Union"): a shareholder's proxy material about the company,
/// not the company's own filing.
pub fn filed_by_another(filing: &str) -> bool {
    let lower = filing.to_ascii_lowercase();
    lower
        .find("filed ")
        .is_some_and(|at| lower[at..].contains(" by "))
}

/// Whether a filing `subject` names says who filed it ([`filed_by_another`]): the
/// letter is for the shareholders who filed it to answer, not the company.
pub(super) fn solicited_by_another(subject: &Subject) -> bool {
    subject_filings(&subject.lines)
        .iter()
        .flat_map(|group| &group.filings)
        .any(|filing| filed_by_another(filing))
}

/// First words of a line that goes on with the filing above it: "Filed …",
/// "Response dated …", EDGAR's "CORRESP filed …".
const GOES_ON: &[&str] = &[
    "filed",
    "submitted",
    "furnished",
    "amended",
    "confidentially",
    "response",
    "responses",
    "corresp",
    "dated",
];

/// Last words of a line wrapped in the middle of a title ("Amendment No. 2 to" over
/// "Registration Statement on Form S-4").
const DANGLING: &[&str] = &[
    "to", "of", "by", "and", "or", "for", "on", "in", "the", "a", "an", "with", "its", "their",
    "et", "as", "under", "&",
];

/// The filings `lines` (the subject lines of a "Re:" block, after the company) name,
/// grouped by registrant, the letter's own company's first. A registrant named before
/// any filing shares the filings after it with the company.
pub fn subject_filings<S: AsRef<str>>(lines: &[S]) -> Vec<Filings> {
    let mut groups = vec![Filings {
        company: true,
        others: Vec::new(),
        filings: Vec::new(),
    }];
    let mut previous = "";
    for line in lines.iter().map(|l| l.as_ref().trim()) {
        if line.is_empty() || only_numbers_the_filing(line) {
            continue;
        }
        let group = groups.last_mut().expect("one group at least");
        let first = line
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches(',')
            .to_lowercase();
        let read = subject_line(line);
        match group.filings.last_mut() {
            Some(filing) if GOES_ON.contains(&first.as_str()) => {
                // The company's response is a second thing the letter is about, not a
                // detail of the filing ("Form 10-K … and response dated June 12, 2024",
                // as the companies write it); "filed …" is one. EDGAR's name for it,
                // "CORRESP filed May 10, 2022", is said in words.
                let also = matches!(first.as_str(), "response" | "responses" | "corresp");
                filing.push_str(if also { " and " } else { ", " });
                match line.strip_prefix("CORRESP ") {
                    Some(rest) => filing.push_str(&format!("response {}", rest.trim_start())),
                    None => filing.push_str(&goes_on(line)),
                }
            }
            Some(filing) if wrapped(previous, line) => {
                filing.push(' ');
                filing.push_str(line);
            }
            _ if registrant(line, read.filing) => {
                let name = line.trim_end_matches(',').to_owned();
                if group.filings.is_empty() {
                    group.others.push(name);
                } else {
                    groups.push(Filings {
                        company: false,
                        others: vec![name],
                        filings: Vec::new(),
                    });
                }
            }
            Some(filing) if !read.filing && !first.starts_with("exhibit") => {
                filing.push(' ');
                filing.push_str(line);
            }
            // A form's code written alone gets its "Form" ("10-K for Fiscal Year…").
            _ if read.bare_form => group.filings.push(format!("Form {line}")),
            _ => group.filings.push(line.to_owned()),
        }
        previous = line;
    }
    groups.retain(|g| !g.filings.is_empty());
    for filing in groups.iter_mut().flat_map(|g| &mut g.filings) {
        *filing = participles_in_lower_case(filing);
    }
    groups
}

/// A line that goes on with the filing above, its first letter in lower case and a
/// comma after its first word dropped ("Filed, May 5, 2016").
fn goes_on(line: &str) -> String {
    let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let word = word.trim_end_matches(',');
    let mut chars = word.chars();
    let head: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .collect();
    let rest = rest.trim_start();
    if rest.is_empty() {
        format!("{head}{}", chars.as_str())
    } else {
        format!("{head}{} {rest}", chars.as_str())
    }
}

/// Whether `line` is the rest of `previous`, wrapped: it starts in lower case
/// ("capacity as agent for…") or `previous` ends with a word a title goes on after.
fn wrapped(previous: &str, line: &str) -> bool {
    let last = previous
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_lowercase();
    line.starts_with(char::is_lowercase) || DANGLING.contains(&last.as_str())
}

/// Whether `line` (`filing` when it names one) names another registrant: no filing,
/// a capital first and the end of a company's name ("NRG Yield, Inc.", "ONEOK
/// Partners, L.P.", "Boston Properties Limited Partnership").
fn registrant(line: &str, filing: bool) -> bool {
    let name = line.trim_end_matches(',');
    let last = name
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_lowercase();
    name.starts_with(char::is_uppercase)
        && !filing
        && (ends_as_company(name) || matches!(last.as_str(), "partnership" | "trust"))
}

/// "Filed", "Furnished", "Submitted" and "Dated" in lower case inside a phrase, before
/// a date or "on" ("Form 8-K Filed May 5, 2016").
fn participles_in_lower_case(text: &str) -> String {
    const WORDS: &[&str] = &["Filed", "Furnished", "Submitted", "Dated"];
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let before_date = words
            .get(i + 1)
            .is_some_and(|next| matches!(*next, "on" | "as") || is_month(next));
        if i > 0 && before_date && WORDS.contains(word) {
            out.push(word.to_lowercase());
        } else {
            out.push((*word).to_owned());
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(owner: Option<&str>, filings: &[&str]) -> Filings {
        Filings {
            company: owner.is_none(),
            others: owner.into_iter().map(str::to_owned).collect(),
            filings: filings.iter().map(|f| (*f).to_owned()).collect(),
        }
    }

    #[test]
    fn lines_going_on_join_their_filing_and_numbers_are_left_out() {
        let lines = [
            "10-K for Fiscal Year Ended December 31, 2018",
            "Filed, February 22, 2019",
            "Form 8-K Filed May 5, 2016",
            "Response dated June 3, 2016",
            "Form 10-Q for the Period Ended March 31, 2022",
            "CORRESP filed May 10, 2022",
            "File No. 001-12345",
            "CIK 0001811074",
        ];
        assert_eq!(
            subject_filings(&lines),
            [owned(
                None,
                &[
                    "Form 10-K for Fiscal Year Ended December 31, 2018, filed February 22, 2019",
                    "Form 8-K filed May 5, 2016 and response dated June 3, 2016",
                    "Form 10-Q for the Period Ended March 31, 2022 and response filed May 10, 2022",
                ]
            )]
        );
    }

    #[test]
    fn a_title_wrapped_over_lines_is_one_filing() {
        let lines = [
            "Amendment No. 2 to",
            "Registration Statement on Form S-4",
            "Filed June 14, 2019",
            "Exhibit No. 2.1 - Agreement and Plan of Merger among Harlow Widgets, Inc., Ostrava",
            "Tools, Inc., and Quarry Lane LLC, solely in its",
            "capacity as agent",
        ];
        assert_eq!(
            subject_filings(&lines),
            [owned(
                None,
                &[
                    "Amendment No. 2 to Registration Statement on Form S-4, filed June 14, 2019",
                    "Exhibit No. 2.1 - Agreement and Plan of Merger among Harlow Widgets, Inc., \
                     Ostrava Tools, Inc., and Quarry Lane LLC, solely in its capacity as agent",
                ]
            )]
        );
    }

    #[test]
    fn another_registrants_filings_go_under_its_name() {
        let lines = [
            "Form 10-K for the fiscal year ended December 31, 2016",
            "Filed February 28, 2017",
            "File No. 1-13087",
            "Harlow Properties Limited Partnership",
            "Form 10-K for the fiscal year ended December 31, 2016",
            "File No. 0-50209",
        ];
        assert_eq!(
            subject_filings(&lines),
            [
                owned(
                    None,
                    &[
                        "Form 10-K for the fiscal year ended December 31, 2016, filed February 28, 2017"
                    ]
                ),
                owned(
                    Some("Harlow Properties Limited Partnership"),
                    &["Form 10-K for the fiscal year ended December 31, 2016"]
                ),
            ]
        );
        // The block names a second registrant before any filing: the filings are both
        // companies'.
        let lines = [
            "Ostrava Yield, Inc.",
            "Forms 10-K for the Fiscal Year Ended December 31, 2015",
        ];
        assert_eq!(
            subject_filings(&lines),
            [Filings {
                company: true,
                others: vec!["Ostrava Yield, Inc.".to_owned()],
                filings: vec!["Forms 10-K for the Fiscal Year Ended December 31, 2015".to_owned()],
            }]
        );
    }
}
