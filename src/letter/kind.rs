//! Telling what sort of letter a file holds.

use super::model::Kind;
use regex::Regex;
use std::sync::LazyLock;

static COMPLETION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(we|the staff) ha(ve|s) completed (our|its) review\b")
        .expect("completion regex")
});
static NO_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(will not review|not reviewed and will not|do not intend to review|will not be reviewed|no review of)\b")
        .expect("no-review regex")
});
static RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(on behalf of|we (hereby )?(submit|respond|provide)|is pleased to submit|(this letter|the purpose of this letter) is to respond|set forth (below|herein)|in response to the comments?)\b")
        .expect("response regex")
});

/// Classify a letter from its header signal, its body prose and whether it has comments.
pub fn classify(addressed_to_sec: bool, prose: &str, has_comments: bool) -> Kind {
    if addressed_to_sec || (RESPONSE.is_match(prose) && prose.contains("Response")) {
        return Kind::Response;
    }
    if has_comments {
        return Kind::Comments;
    }
    if COMPLETION.is_match(prose) {
        return Kind::Completion;
    }
    if NO_REVIEW.is_match(prose) {
        return Kind::NoReview;
    }
    Kind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            classify(false, "We have completed our review of your filing.", false),
            Kind::Completion
        );
        assert_eq!(
            classify(
                false,
                "This is to advise you that we have not reviewed and will not review your registration statement.",
                false
            ),
            Kind::NoReview
        );
        assert_eq!(classify(true, "", true), Kind::Response);
        assert_eq!(classify(false, "Please tell us.", true), Kind::Comments);
        assert_eq!(classify(false, "", false), Kind::Unknown);
    }
}
