//! Telling what sort of letter a file holds.

use super::marked_phrases::MarkedPhrases;
use super::model::Kind;
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

const COMPLETION: &[&str] = &[
    "have completed our review",
    "has completed its review",
    "completed our review of",
    // The staff's letter closing a review of redacted exhibits says so at a sentence's
    // start; the request letter of the same template says "…or that we have concluded
    // our assessment" (the opening's first sentence is looked at apart).
    ". we have concluded our assessment",
    // The Commission's order on the company's request (a registration declared
    // effective, confidential treatment granted) ends the matter as a completion
    // letter does.
    "it is ordered that",
    "it is hereby ordered",
];
const NO_REVIEW: &[&str] = &[
    "will not review",
    "not reviewed and will not",
    "do not intend to review",
    "will not be reviewed",
    "no review of",
];
const RESPONSE: &[&str] = &[
    "on behalf of",
    "we submit",
    "we hereby submit",
    "we respond",
    "we provide",
    "is pleased to submit",
    "is to respond",
    "set forth below",
    "set forth herein",
    "in response to the comment",
];

/// What only a company's letter to the staff says: answering a letter, whether or not
/// it restates comments.
const COMPANY: &[&str] = &[
    "this letter responds",
    "responds to the comment",
    "in response to your correspondence",
    "in response to your letter",
    "in response to the comment letter",
    "submitting this letter in response",
    "is submitting the following response",
    "on behalf of our client",
];

/// What a company's letter asking the staff for something says (more time, an
/// effective date): such a letter answers no comments.
const REQUEST: &[&str] = &[
    "hereby respectfully request",
    "hereby request",
    "respectfully requests that",
    "requests that the effective date",
    "request an extension",
    "requests an extension",
];

/// A search for any of `phrases` in one pass (the regex engine's multi-literal search).
fn any_of(phrases: &[&str]) -> Regex {
    let alternation: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&alternation.join("|")).expect("phrases regex")
}

static COMPLETION_ANY: LazyLock<Regex> = LazyLock::new(|| any_of(COMPLETION));
static NO_REVIEW_ANY: LazyLock<Regex> = LazyLock::new(|| any_of(NO_REVIEW));
static RESPONSE_ANY: LazyLock<Regex> = LazyLock::new(|| any_of(RESPONSE));
/// A company's letter, answering or asking (one pass over a staff letter's opening).
static COMPANY_ANY: LazyLock<Regex> = LazyLock::new(|| any_of(&[COMPANY, REQUEST].concat()));
static REQUEST_ANY: LazyLock<Regex> = LazyLock::new(|| any_of(REQUEST));
/// Any phrase of a company's letter or of a response: one pass over the opening tells
/// a staff letter, which holds none of them, from the rest. Looked for through
/// [`SIGNAL_MARKS`].
static SIGNAL_ANY: LazyLock<MarkedPhrases> =
    LazyLock::new(|| MarkedPhrases::new(&[COMPANY, REQUEST, RESPONSE].concat(), SIGNAL_MARKS));

/// Pieces of four bytes one of which each phrase of [`SIGNAL_ANY`] holds, seldom seen
/// in a staff letter's opening ("respond" once, in "please respond"; "response" a few
/// times): most of a staff letter is passed over without a look at any phrase.
const SIGNAL_MARKS: &[&str] = &["pond", "onse", "bmit", "beha", "ques", "fort", "we p"];

/// How the staff's letter closing a review of redacted exhibits starts.
const CONCLUDED: &str = "we have concluded our assessment";

/// How far into the body the phrases that set a letter's kind are looked for: they
/// stand in its opening paragraphs.
const OPENING_BYTES: usize = 6 * 1024;

/// What the opening of a letter's body says about its kind. Whether the staff completed
/// its review or will not review is looked for only when the kind depends on it (a
/// letter that is no response and has no comments).
#[derive(Debug, Clone, Default)]
pub struct Signals {
    /// Addressed to the Commission, or written as a response to the staff.
    pub response: bool,
    /// A company asks the staff for something ("hereby respectfully requests…").
    pub request: bool,
    /// The opening of the body (see [`opening`]).
    opening: String,
    /// The opening lowercased (ASCII), made when a phrase is looked for in it.
    lowercase: OnceCell<String>,
}

impl Signals {
    /// Read the signals from the header and the body lines (blank lines as empty
    /// strings), read as prose: the non-blank lines joined by spaces.
    pub fn read(addressed_to_sec: bool, lines: &[&str]) -> Signals {
        let mut signals = Signals {
            response: addressed_to_sec,
            request: false,
            opening: opening(lines),
            lowercase: OnceCell::new(),
        };
        if !SIGNAL_ANY.is_match(&signals.opening) {
            return signals;
        }
        let opening = signals.lowercase();
        let company = COMPANY_ANY.is_match(opening);
        let request = company && REQUEST_ANY.is_match(opening);
        // "Response" has no space, so it is in the prose when it is in a line.
        let response = addressed_to_sec
            || company
            || (RESPONSE_ANY.is_match(opening) && lines.iter().any(|l| l.contains("Response")));
        signals.request = request;
        signals.response = response;
        signals
    }

    /// The opening lowercased (ASCII).
    fn lowercase(&self) -> &str {
        self.lowercase
            .get_or_init(|| self.opening.to_ascii_lowercase())
    }

    /// The kind, given whether the letter has comments.
    pub fn kind(&self, has_comments: bool) -> Kind {
        if self.response {
            Kind::Response
        } else if has_comments {
            Kind::Comments
        } else if COMPLETION_ANY.is_match(self.lowercase())
            || self.lowercase().starts_with(CONCLUDED)
        {
            // "We have completed our review".
            Kind::Completion
        } else if NO_REVIEW_ANY.is_match(self.lowercase()) {
            // "We will not review".
            Kind::NoReview
        } else {
            Kind::Unknown
        }
    }
}

/// The first few KB of the prose of `lines` (non-blank lines joined by spaces), cut at a
/// character boundary.
fn opening(lines: &[&str]) -> String {
    let mut prose = String::with_capacity(OPENING_BYTES + 256);
    for line in lines.iter().filter(|l| !l.is_empty()) {
        if prose.len() >= OPENING_BYTES {
            break;
        }
        if !prose.is_empty() {
            prose.push(' ');
        }
        prose.push_str(line);
    }
    let mut end = prose.len().min(OPENING_BYTES);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    prose.truncate(end);
    prose
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(to_sec: bool, prose: &str, has_comments: bool) -> Kind {
        Signals::read(to_sec, &[prose]).kind(has_comments)
    }

    #[test]
    fn the_signal_phrases_are_found_through_their_marks_as_by_one_regex() {
        let phrases = [COMPANY, REQUEST, RESPONSE].concat();
        let whole = any_of(&phrases);
        let prose = "please respond to this letter. after reviewing your response, we may \
                     have comments. we note your response to prior comment 2 and the questions \
                     set out in our effort to provide";
        for phrase in &phrases {
            for cut in 0..phrase.len() {
                for text in [
                    format!("{prose} {phrase} {prose}"),
                    format!("{}{prose}", &phrase[cut..]),
                    format!("{prose}{}", &phrase[..cut]),
                ] {
                    assert_eq!(SIGNAL_ANY.is_match(&text), whole.is_match(&text), "{text}");
                    let upper = text.to_ascii_uppercase();
                    assert_eq!(
                        SIGNAL_ANY.is_match(&upper),
                        whole.is_match(&text),
                        "{upper}"
                    );
                }
            }
        }
        assert!(!SIGNAL_ANY.is_match(prose));
    }

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
        assert_eq!(
            classify(
                false,
                "On behalf of our client, we are submitting this letter in response to your letter.",
                false
            ),
            Kind::Response
        );
        assert_eq!(
            classify(
                false,
                "The Registrant hereby respectfully requests that the effective date be accelerated.",
                false
            ),
            Kind::Response
        );
        assert_eq!(
            classify(
                false,
                "We have concluded our assessment of your redacted exhibit.",
                false
            ),
            Kind::Completion
        );
        assert_eq!(
            classify(
                false,
                "The request for acceleration appears to be appropriate. Therefore, it is \
                 ORDERED that the registration shall become effective immediately.",
                false
            ),
            Kind::Completion
        );
        assert_eq!(
            classify(
                false,
                "Please provide a copy. We will notify you of any comments or that we have concluded our assessment of your compliance.",
                false
            ),
            Kind::Unknown
        );
    }
}
