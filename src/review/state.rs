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
    /// neither close nor answer those comments.
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
            .rev()
            .find(|f| (f.is_staff() || f.letter.kind == Kind::Response) && counts(f));
        match last.map(|f| (f.letter.kind, f)) {
            Some((Kind::Completion | Kind::NoReview, _)) => State::Closed,
            Some((Kind::Comments, f)) => State::AwaitingResponse {
                due: f.letter.response_due.clone(),
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
