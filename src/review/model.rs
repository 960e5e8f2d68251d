//! A review: its letters, state, answered responses and resolved references.

use super::answered::Answered;
use super::copies::{self, LetterCopy};
use super::filed::Filed;
use super::links::Link;
use super::state::State;
use crate::letter::Kind;

/// What a review says of the answer one of its letters awaits ([`Review::standings`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// A reply was filed after it: it awaits nothing from us.
    pub replied: bool,
    /// The date a request for more time filed after it says the response will come by.
    pub extended: Option<String>,
}

/// One review: its letters in date order and what is known of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The letters, oldest first (letters without a date last).
    pub letters: Vec<Filed>,
    /// The Commission file number, as the first letter that gives one prints it.
    pub file_number: Option<String>,
    /// The company, as the first staff letter (else the first letter) names it.
    pub company: Option<String>,
    /// The form under review, as the first letter that gives one names it.
    pub form: Option<String>,
    /// Where the review stands.
    pub state: State,
    /// The company responses, each matched to the staff letter it answers.
    pub answered: Vec<Answered>,
    /// The references of the staff comments to earlier comments, resolved or not.
    pub links: Vec<Link>,
    /// The letters that are copies of another letter of the review (a PDF's text
    /// beside the PDF), in the letters' order.
    pub copies: Vec<LetterCopy>,
}

impl Review {
    /// When our response is due: the deadline of the latest staff letter, while the
    /// review awaits our response.
    pub fn due(&self) -> Option<&str> {
        match &self.state {
            State::AwaitingResponse { due } => due.as_deref(),
            _ => None,
        }
    }

    /// For each letter, in order, what the letters after it say of the answer it
    /// awaits: whether a reply was filed after it (a response, or the staff's closing
    /// letter; a request for more time replies to nothing), and, for a staff letter of
    /// comments, the date the company's latest request for more time before the
    /// staff's next letter says the response will come by
    /// ([`extended`](super::extended)).
    pub fn standings(&self) -> impl Iterator<Item = Standing> + '_ {
        let last_reply = self.letters.iter().rposition(|f| {
            f.is_response() || matches!(f.letter.kind, Kind::Completion | Kind::NoReview)
        });
        self.letters.iter().enumerate().map(move |(i, f)| Standing {
            replied: last_reply.is_some_and(|last| i < last),
            extended: (f.letter.kind == Kind::Comments)
                .then(|| super::extended(&self.letters[i + 1..]))
                .flatten(),
        })
    }

    /// The answer a response letter of this review gave to comment `comment` of letter
    /// `letter`: the response's index and the text.
    pub fn answer(&self, letter: usize, comment: &str) -> Option<(usize, &str)> {
        self.answered
            .iter()
            .filter(|a| a.letter == letter)
            .find_map(|a| {
                let found = a.answers.iter().find(|x| x.comment == comment)?;
                Some((a.response, found.text.as_deref()?))
            })
    }

    /// The answer that response letter `response` gives under its own restatement
    /// numbered `restated`: as matched to the staff letter it answers, else (when no
    /// staff letter of the review is matched to it) as read from the response alone.
    /// A copy of a response answers as its original.
    pub fn own_answer(&self, response: usize, restated: &str) -> Option<&str> {
        let response = self.copy_of(response).unwrap_or(response);
        let mut matched = self
            .answered
            .iter()
            .filter(|a| a.response == response)
            .peekable();
        if matched.peek().is_some() {
            return matched
                .flat_map(|a| &a.answers)
                .find(|x| x.restated == restated)?
                .text
                .as_deref();
        }
        let filed = self.letters.get(response)?;
        let index = filed
            .letter
            .comments
            .iter()
            .position(|c| c.number == restated)?;
        filed.sections.answers.get(index)?.as_deref()
    }

    /// Drop what only reading a letter in full needs, keeping what the review shows:
    /// each letter's kind, date, parties and comment numbers, the answers its responses
    /// gave, and the text of the comments its references lead to. A workspace keeps
    /// every review of its folders so (the letters' full text would weigh more than the
    /// rest of the workspace); the letter it opens is read in full on its own.
    pub fn outline(&mut self) {
        let cited: Vec<(usize, String)> = self
            .links
            .iter()
            .filter_map(|link| link.to.as_ref().ok())
            .map(|to| (to.letter, to.comment.clone()))
            .collect();
        let matched: Vec<usize> = self.answered.iter().map(|a| a.response).collect();
        for (i, filed) in self.letters.iter_mut().enumerate() {
            let sections = &mut filed.sections;
            sections.opening = Vec::new();
            sections.closing = Vec::new();
            sections.requests = Vec::new();
            // A matched response's answers are kept in `answered` (see `own_answer`).
            if matched.contains(&i) {
                sections.answers = Vec::new();
            }
            let letter = &mut filed.letter;
            letter.address = Vec::new();
            letter.contacts = Vec::new();
            letter.cc = Vec::new();
            letter.warnings = Vec::new();
            for comment in &mut letter.comments {
                if !cited.iter().any(|(l, n)| *l == i && *n == comment.number) {
                    comment.text = String::new();
                    comment.headings = Vec::new();
                    comment.pages = Vec::new();
                }
            }
        }
    }

    /// The letter that letter `letter` is a copy of, when it is one.
    pub fn copy_of(&self, letter: usize) -> Option<usize> {
        copies::copy_of(&self.copies, letter)
    }

    /// The links from comment `comment` of letter `letter`, in the comment's order.
    pub fn links_from(&self, letter: usize, comment: &str) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(move |l| l.letter == letter && l.comment == comment)
    }
}
