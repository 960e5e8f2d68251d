//! Where a review stands: waiting for our response (by when), waiting for the staff,
//! or closed.

use super::filed::Filed;
use super::party::filing_of;
use crate::letter::Kind;
use serde::Serialize;

/// Where a review stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// The latest staff letter has comments no response answers yet.
    AwaitingResponse {
        /// The latest staff letter's deadline, ISO.
        due: Option<String>,
    },
    /// The company responded last.
    AwaitingStaff,
    /// The staff completed its review (or will not review the filing).
    Closed,
}

impl State {
    /// The state of a review from its letters, in date order. A company letter after
    /// the staff closed the review (a request to declare a filing effective) leaves it
    /// closed. Letters on another filing than the latest comment letter's (a
    /// registration statement the staff will not review, its request for effectiveness)
    /// neither close nor answer those comments. Nor does the company's request for more
    /// time: the comments still await the response, due the date the request names.
    pub fn of(letters: &[Filed]) -> State {
        let comments = letters
            .iter()
            .rposition(|f| f.letter.kind == Kind::Comments);
        let filing = comments.and_then(|c| filing_of(&letters[c]));
        let counts = |f: &Filed| match (&filing, filing_of(f)) {
            (Some(a), Some(b)) => *a == b,
            _ => true,
        };
        let closing = letters
            .iter()
            .rposition(|f| matches!(f.letter.kind, Kind::Completion | Kind::NoReview) && counts(f));
        if closing.is_some() && closing > comments {
            return State::Closed;
        }
        let last = letters
            .iter()
            .enumerate()
            .rev()
            .find(|(_, f)| (f.is_staff() || f.is_response()) && counts(f));
        match last.map(|(at, f)| (f.letter.kind, at, f)) {
            Some((Kind::Completion | Kind::NoReview, ..)) => State::Closed,
            Some((Kind::Comments, at, f)) => State::AwaitingResponse {
                due: extended(&letters[at + 1..]).or_else(|| f.letter.response_due.clone()),
            },
            _ => State::AwaitingStaff,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            State::AwaitingResponse { .. } => "awaiting_response",
            State::AwaitingStaff => "awaiting_staff",
            State::Closed => "closed",
        }
    }

    /// How the state reads on screen.
    pub fn label(&self) -> &'static str {
        match self {
            State::AwaitingResponse { .. } => "awaiting our response",
            State::AwaitingStaff => "awaiting the staff",
            State::Closed => "closed",
        }
    }
}

/// The date the company's latest request for more time among `later` (the letters
/// after a staff letter), before the staff's next letter of comments, says the answers
/// will come by.
pub fn extended(later: &[Filed]) -> Option<String> {
    later
        .iter()
        .take_while(|f| f.letter.kind != Kind::Comments)
        .filter_map(|f| f.letter.extension.as_ref()?.until.clone())
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Extension, Letter};

    fn filed(kind: Kind, until: Option<&str>) -> Filed {
        let extension = until.map(|u| Extension {
            until: Some(u.to_owned()),
        });
        Filed {
            path: Default::default(),
            letter: Letter {
                kind,
                extension,
                ..Letter::default()
            },
            sections: Default::default(),
        }
    }

    #[test]
    fn a_request_for_more_time_extends_the_staff_letter_before_it_only() {
        let letters = [
            filed(Kind::Comments, None),
            filed(Kind::Response, Some("2025-04-07")),
            filed(Kind::Response, None),
            filed(Kind::Comments, None),
            filed(Kind::Response, Some("2025-05-20")),
            filed(Kind::Response, Some("2025-05-30")),
        ];
        assert_eq!(extended(&letters[1..]).as_deref(), Some("2025-04-07"));
        assert_eq!(extended(&letters[4..]).as_deref(), Some("2025-05-30"));
        assert_eq!(extended(&letters[3..]), None);
    }
}
