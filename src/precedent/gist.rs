//! What an answer says first: the courtesy that opens many answers ("The Company
//! respectfully acknowledges the Staff's comment.", "In response to the Staff's
//! comment, …") says nothing of it, so a preview of the answer starts after it.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Words a courtesy sentence has at most: a subject, "respectfully acknowledges" and
/// "the Staff's comment".
const MAX_COURTESY_WORDS: usize = 12;

/// Clauses that open an answer's first sentence and only say it answers: what follows
/// them is what the company did ("In response to the Staff's comment, we have revised
/// the disclosure").
const COURTESY_CLAUSES: &[&str] = &[
    "in response to the staff's comment,",
    "in response to the staff's comments,",
    "in response to the staff's request,",
    "in response to this comment,",
    "in response to your comment,",
    "as requested by the staff,",
];

/// A sentence's opening that only says the company tells the staff what follows: "The
/// Company respectfully advises the Staff that", "We advise the Staff that", "Capital
/// One informs the Staff that" (a subject of at most five words).
static TELLS_THE_STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[\w&.,'’-]+\s+){1,5}?(?:respectfully\s+)?(?:advises?|informs?)\s+the\s+staff\s+that,?\s+")
        .expect("tells-the-staff regex")
});

/// `answer` from what it says first: a first sentence that only names the staff's
/// comment (it ends with "the Staff's comment" or "comments": "We have considered the
/// Staff's comment.") is passed over when more follows, and so is a clause that opens
/// the sentence only to say it answers ([`COURTESY_CLAUSES`]), or only to say the
/// company tells the staff what follows ("We advise the Staff that"), the rest marked
/// as cut ("…we have revised the disclosure").
pub fn gist(answer: &str) -> Cow<'_, str> {
    let text = after_courtesy(answer);
    let clause = COURTESY_CLAUSES
        .iter()
        .find_map(|clause| opens_with(text, clause))
        .unwrap_or(0);
    let rest = text[clause..].trim_start();
    let told = TELLS_THE_STAFF.find(rest).map_or(0, |m| m.end());
    let rest = &rest[told..];
    if (clause > 0 || told > 0) && !rest.is_empty() {
        Cow::Owned(format!("…{rest}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where `clause` (lower case, straight apostrophes, single spaces) ends at the start
/// of `text`, read in any case, with either apostrophe and any run of white space.
fn opens_with(text: &str, clause: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for want in clause.chars() {
        let (_, got) = chars.next()?;
        if want == ' ' {
            if !got.is_whitespace() {
                return None;
            }
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let got = if got == '’' { '\'' } else { got };
        if !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(at, _)| at))
}

/// `answer` after a first sentence that only names the staff's comment, when more
/// follows.
fn after_courtesy(answer: &str) -> &str {
    let text = answer.trim_start();
    // A full stop before a space and a capital ("Inc. respectfully" ends none).
    let end = text
        .match_indices(". ")
        .map(|(at, _)| at)
        .find(|&at| text[at + 2..].trim_start().starts_with(char::is_uppercase));
    let Some(end) = end else {
        return text;
    };
    let sentence = text[..end].trim_end().to_lowercase().replace('’', "'");
    let courtesy = sentence.split_whitespace().count() <= MAX_COURTESY_WORDS
        && (sentence.ends_with("the staff's comment")
            || sentence.ends_with("the staff's comments"));
    let rest = text[end + 1..].trim_start();
    if courtesy && !rest.is_empty() {
        rest
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::gist;

    #[test]
    fn a_first_sentence_that_only_names_the_staffs_comment_is_passed_over() {
        assert_eq!(
            gist(
                "The Company respectfully acknowledges the Staff's comment. In future filings we will revise."
            ),
            "In future filings we will revise."
        );
        assert_eq!(
            gist(
                "We have considered the Staff’s comments.  We do not believe the lag was significant."
            ),
            "We do not believe the lag was significant."
        );
        assert_eq!(
            gist("Quarry Lane Inc. respectfully acknowledges the Staff's comment. It will revise."),
            "It will revise."
        );
        // A first sentence that says something is kept, and so is a courtesy alone.
        let said = "We acknowledge the Staff's comment and have revised our disclosures accordingly. See page 4.";
        assert_eq!(gist(said), said);
        assert_eq!(
            gist("We note the Staff's comment."),
            "We note the Staff's comment."
        );
        let long = "In response to the Staff's comment, the Company has considered at length and in detail the Staff's comment. It will revise.";
        assert_eq!(
            gist(long),
            "…the Company has considered at length and in detail the Staff's comment. It will revise."
        );
    }

    #[test]
    fn a_clause_that_only_says_it_answers_is_cut() {
        let previews = [
            (
                "In response to the Staff’s\ncomment,  we have revised the disclosure.",
                "…we have revised the disclosure.",
            ),
            (
                "We acknowledge the Staff's comment. In response to the Staff's request, Lark will expand its table.",
                "…Lark will expand its table.",
            ),
            // And one that only says the company tells the staff what follows.
            (
                "In response to the Staff's comment, the Company respectfully advises the Staff that the fee is not material.",
                "…the fee is not material.",
            ),
            (
                "Lark Widgets informs the Staff that it sold no ships.",
                "…it sold no ships.",
            ),
            (
                "We advise the Staff that, to date, we sold none.",
                "…to date, we sold none.",
            ),
        ];
        for (answer, preview) in previews {
            assert_eq!(gist(answer), preview);
        }
        // Nothing after the clause, or no such clause: the answer as it is.
        for kept in [
            "In response to the Staff's comment,",
            "In response, we revised it.",
            "We advise the Staff in writing when the fee changes.",
        ] {
            assert_eq!(gist(kept), kept);
        }
    }
}
