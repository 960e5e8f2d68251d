//! The opening paragraph of the response: on whose behalf, which letter, which filings
//! ("Form 20-F for the Fiscal Year Ended December 31, 2013, filed April 9, 2014").

use super::escape::clean;
use crate::letter::{Letter, only_numbers_the_filing};

/// The opening paragraph, in two parts: the text up to how the restated comments are
/// set off ("in bold"), and the text after it.
pub(super) fn opening(letter: &Letter, company: &str, date: Option<&str>) -> (String, String) {
    let one = letter.comments.len() == 1;
    let (comments, are, response) = if one {
        ("comment", "is", "response")
    } else {
        ("comments", "are", "responses")
    };
    let dated = date.map(|d| format!(" dated {d}")).unwrap_or_default();
    (
        format!(
            "On behalf of {company} (the \"Company\"), we respond to the {comments} of the staff \
             (the \"Staff\") of the Division of Corporation Finance of the Securities and Exchange \
             Commission in your letter{dated} regarding the Company's {subject}. For your \
             convenience, the Staff's {comments} {are} reproduced ",
            subject = subject_phrase(letter),
        ),
        format!(" below, followed by the Company's {response}."),
    )
}

/// The filings the letter is about, as a phrase: "Form 20-F for the Fiscal Year Ended
/// December 31, 2013, filed April 9, 2014". Lines like "Filed …" join the filing above
/// them; lines that only number it ("File No. …", "CIK …") are left out.
fn subject_phrase(letter: &Letter) -> String {
    let mut filings: Vec<String> = Vec::new();
    for line in letter.subject.lines.iter().filter_map(|l| clean(Some(l))) {
        if only_numbers_the_filing(&line) {
            continue;
        }
        let lower = line.to_lowercase();
        let first = lower.split_whitespace().next().unwrap_or_default();
        let joins = matches!(
            first,
            "filed"
                | "submitted"
                | "furnished"
                | "amended"
                | "confidentially"
                | "response"
                | "dated"
        );
        match filings.last_mut() {
            Some(last) if joins => {
                let mut chars = line.chars();
                let head: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .collect();
                last.push_str(", ");
                last.push_str(&head);
                last.push_str(chars.as_str());
            }
            _ => filings.push(line),
        }
    }
    if filings.is_empty() {
        return match clean(letter.subject.form.as_deref()) {
            Some(form) => format!("Form {form}"),
            None => "filing".to_owned(),
        };
    }
    match filings.len() {
        1 => filings.remove(0),
        2 => format!("{} and {}", filings[0], filings[1]),
        _ => {
            let last = filings.pop().unwrap_or_default();
            format!("{}, and {last}", filings.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Subject;
    use crate::testing::strings;

    #[test]
    fn subject_phrase_joins_filed_lines() {
        let letter = Letter {
            subject: Subject {
                lines: strings(&[
                    "Form 10-K for the Fiscal Year Ended April 29, 2023",
                    "Filed June 27, 2023",
                    "Form 8-K Furnished June 1, 2023",
                    "File No. 001-39418",
                    "CIK 0001811074",
                ]),
                ..Subject::default()
            },
            ..Letter::default()
        };
        assert_eq!(
            subject_phrase(&letter),
            "Form 10-K for the Fiscal Year Ended April 29, 2023, filed June 27, 2023 and Form 8-K Furnished June 1, 2023"
        );
    }
}
