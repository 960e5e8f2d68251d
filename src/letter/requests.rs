//! The requests of a staff letter that are not numbered comments: in its opening and
//! closing paragraphs, "Please respond to this letter within ten business days…", the
//! written acknowledgment statement, a request for an unredacted exhibit.

use serde::Serialize;

/// What a request not numbered asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Respond (or amend the filing) by a deadline.
    Respond,
    /// A written statement acknowledging the company's responsibilities.
    Acknowledgment,
    /// A copy of an exhibit, unredacted or complete.
    Exhibit,
    /// Any other request.
    Other,
}

impl RequestKind {
    /// The snake_case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Respond => "respond",
            RequestKind::Acknowledgment => "acknowledgment",
            RequestKind::Exhibit => "exhibit",
            RequestKind::Other => "other",
        }
    }
}

/// One request of a letter that is not a numbered comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// What it asks for.
    pub kind: RequestKind,
    /// The paragraph that makes it, as written.
    pub text: String,
}

/// Words that make a sentence ask for something.
const ASKS: &[&str] = &[
    "please ",
    "we ask that",
    "we request that",
    "you should provide",
    "provide us with",
    "we urge",
];

/// Words of a sentence that only offers help or names whom to call.
const OFFERS: &[&str] = &[
    "please contact",
    "may contact",
    "please call",
    "questions",
    "please do not hesitate",
];

/// The requests among `paragraphs` (the opening and closing paragraphs of a letter).
pub fn requests(paragraphs: &[String]) -> Vec<Request> {
    paragraphs
        .iter()
        .filter_map(|p| {
            let lower = p.to_lowercase();
            let asks = ASKS.iter().any(|a| lower.contains(a));
            let offers_only = OFFERS.iter().any(|o| lower.contains(o))
                && !lower.contains("respond")
                && !lower.contains("acknowledg");
            (asks && !offers_only).then(|| Request {
                kind: kind_of(&lower),
                text: p.clone(),
            })
        })
        .collect()
}

fn kind_of(lower: &str) -> RequestKind {
    if lower.contains("acknowledg") {
        RequestKind::Acknowledgment
    } else if lower.contains("exhibit") && (lower.contains("unredacted") || lower.contains("copy"))
    {
        RequestKind::Exhibit
    } else if lower.contains("respond") || lower.contains("business days") {
        RequestKind::Respond
    } else {
        RequestKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(paragraphs: &[&str]) -> Vec<RequestKind> {
        let owned: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        requests(&owned).into_iter().map(|r| r.kind).collect()
    }

    #[test]
    fn the_standard_requests_are_told_apart() {
        assert_eq!(
            kinds(&[
                "We have reviewed your filing and have the following comments.",
                "Please respond to this letter within ten business days by amending your filing.",
                "In responding to our comments, please provide a written statement from the company acknowledging that: the company is responsible for the adequacy and accuracy of the disclosure.",
                "Please provide us with an unredacted copy of Exhibit 10.4.",
                "You may contact Jo Doe at (202) 551-0000 if you have questions.",
                "Please contact Jo Doe at (202) 551-0000 with any questions.",
            ]),
            vec![
                RequestKind::Respond,
                RequestKind::Acknowledgment,
                RequestKind::Exhibit
            ]
        );
    }
}
