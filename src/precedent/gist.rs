//! What an answer says first: the courtesy that opens many answers ("The Company
//! respectfully acknowledges the Staff's comment.") says nothing of it, so a preview
//! of the answer starts after it.

/// Words a courtesy sentence has at most: a subject, "respectfully acknowledges" and
/// "the Staff's comment".
const MAX_COURTESY_WORDS: usize = 12;

/// `answer` from its first sentence that says something: a first sentence that only
/// names the staff's comment (it ends with "the Staff's comment" or "comments": "We
/// have considered the Staff's comment.") is passed over when more follows.
pub fn gist(answer: &str) -> &str {
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
        assert_eq!(gist(long), long);
    }
}
