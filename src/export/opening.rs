//! The opening paragraph of the response: on whose behalf, which letter, which filings
//! ("Form 20-F for the Fiscal Year Ended December 31, 2013, filed April 9, 2014").

use super::escape::clean;
use crate::letter::{Filings, Letter, filed_by_another, subject_filings};

/// The opening paragraph, in two parts: the text up to how the restated comments are
/// set off ("in bold"), and the text after it.
pub(super) fn opening(letter: &Letter, company: &str, date: Option<&str>) -> (String, String) {
    let one = letter.comments.len() == 1;
    let (comments, are, response) = if one {
        ("comment", "is", "response")
    } else {
        ("comments", "are", "responses")
    };
    let lines: Vec<String> = letter
        .subject
        .lines
        .iter()
        .filter_map(|l| clean(Some(l)))
        .collect();
    let groups = subject_filings(&lines);
    // Shareholders answering on their proxy statement about the company are the
    // participants in a solicitation (the staff's own word for them), not "the Company".
    let solicited = groups
        .iter()
        .flat_map(|g| &g.filings)
        .any(|f| filed_by_another(f));
    let (whom, term, theirs) = if solicited {
        (
            format!("{company} and the other participants in its solicitation"),
            "Participants",
            "Participants'",
        )
    } else {
        (company.to_owned(), "Company", "Company's")
    };
    let dated = date.map(|d| format!(" dated {d}")).unwrap_or_default();
    let subject = subject_phrase(letter, &groups);
    // A phrase that ends with an abbreviation ("et al.") ends the sentence too.
    let stop = if subject.ends_with('.') { "" } else { "." };
    (
        format!(
            "On behalf of {whom} (the \"{term}\"), we respond to the {comments} of the staff \
             (the \"Staff\") of the Division of Corporation Finance of the Securities and Exchange \
             Commission in your letter{dated} regarding {subject}{stop} For your \
             convenience, the Staff's {comments} {are} reproduced ",
        ),
        format!(" below, followed by the {theirs} {response}."),
    )
}

/// The filings the letter is about, as a phrase with whose they are: "the Company's
/// Form 20-F for the Fiscal Year Ended December 31, 2013, filed April 9, 2014", "the
/// Company's Form 10-K … and Harlow Properties Limited Partnership's Form 10-K …" (as
/// [`subject_filings`] reads the "Re:" block into `groups`).
fn subject_phrase(letter: &Letter, groups: &[Filings]) -> String {
    if groups.is_empty() {
        return match clean(letter.subject.form.as_deref()) {
            Some(form) => format!("the Company's Form {form}"),
            None => "the Company's filing".to_owned(),
        };
    }
    // Groups are set apart by commas when one of them is a list already ("responses
    // dated December 3, 2015 and January 5, 2016").
    let several = groups
        .iter()
        .any(|g| g.filings.len() > 1 || g.filings.iter().any(|f| f.contains(" and ")));
    let phrases: Vec<String> = groups
        .iter()
        .map(|group| {
            let filings = listed(&group.filings, false);
            if group.filings.iter().any(|f| filed_by_another(f)) {
                return format!("the {filings}");
            }
            let owners: Vec<String> = group
                .company
                .then(|| "the Company's".to_owned())
                .into_iter()
                .chain(group.others.iter().map(|name| format!("{name}'s")))
                .collect();
            format!("{} {filings}", listed(&owners, false))
        })
        .collect();
    listed(&phrases, several)
}

/// `items` as a list: "A", "A and B", "A, B, and C" ("A, and B" with `comma`, when the
/// items hold lists of their own).
fn listed(items: &[String], comma: bool) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] if !comma => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Subject;
    use crate::testing::strings;

    /// The filings `letter` is about, as the opening names them.
    fn phrase(letter: &Letter) -> String {
        subject_phrase(letter, &subject_filings(&letter.subject.lines))
    }

    /// A letter whose "Re:" block gives `lines` after the company.
    fn about(lines: &[&str]) -> Letter {
        Letter {
            subject: Subject {
                lines: strings(lines),
                ..Subject::default()
            },
            ..Letter::default()
        }
    }

    #[test]
    fn subject_phrase_joins_filed_lines() {
        let letter = about(&[
            "Form 10-K for the Fiscal Year Ended April 29, 2023",
            "Filed June 27, 2023",
            "Form 8-K Furnished June 1, 2023",
            "File No. 001-39418",
            "CIK 0001811074",
        ]);
        assert_eq!(
            phrase(&letter),
            "the Company's Form 10-K for the Fiscal Year Ended April 29, 2023, filed June 27, 2023 and Form 8-K furnished June 1, 2023"
        );
    }

    #[test]
    fn another_registrants_filings_are_named_as_its() {
        let letter = about(&[
            "Form 10-K for the fiscal year ended December 31, 2016",
            "Filed February 28, 2017",
            "Harlow Properties Limited Partnership",
            "Form 10-K for the fiscal year ended December 31, 2016",
            "Filed February 28, 2017",
        ]);
        assert_eq!(
            phrase(&letter),
            "the Company's Form 10-K for the fiscal year ended December 31, 2016, filed February 28, 2017 and \
             Harlow Properties Limited Partnership's Form 10-K for the fiscal year ended December 31, 2016, \
             filed February 28, 2017"
        );
        let letter = about(&[
            "Ostrava Yield, Inc.",
            "Forms 10-K for the Fiscal Year Ended December 31, 2015",
        ]);
        assert_eq!(
            phrase(&letter),
            "the Company's and Ostrava Yield, Inc.'s Forms 10-K for the Fiscal Year Ended December 31, 2015"
        );
        let letter = about(&[
            "Form 10-K for the year ended December 31, 2014",
            "Responses dated December 3, 2015 and January 5, 2016",
            "Ostrava Partners, L.P.",
            "Form 10-K for the year ended December 31, 2014",
        ]);
        assert_eq!(
            phrase(&letter),
            "the Company's Form 10-K for the year ended December 31, 2014 and responses dated December 3, \
             2015 and January 5, 2016, and Ostrava Partners, L.P.'s Form 10-K for the year ended December \
             31, 2014"
        );
    }

    #[test]
    fn a_filing_another_filed_is_named_as_theirs() {
        let letter = about(&[
            "Harlow Widgets, Inc.",
            "PREC14A filed January 12, 2024 by Quarry Lane Workers Union et al.",
        ]);
        assert_eq!(
            phrase(&letter),
            "the PREC14A filed January 12, 2024 by Quarry Lane Workers Union et al."
        );
        let (before, _) = opening(&letter, "Harlow Widgets, Inc.", None);
        assert!(
            before.contains("Workers Union et al. For your convenience"),
            "{before}"
        );
    }
}
