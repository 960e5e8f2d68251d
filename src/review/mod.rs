//! Reviews: the letters of one SEC review read as one conversation. The staff's
//! letter, the company's response, a follow-up, another response, the closing letter.
//! No terminal code lives here.
//!
//! - [`build`]: group letters into [`Review`]s by file number and company (the form
//!   and dates break ties; a letter without a file number joins by company and the
//!   letters it cites), each with its rounds in date order and its [`State`].
//! - [`Answered`]: a company response matched to the staff letter it answers, and each
//!   restated comment to the staff comment, with the answer given.
//! - [`Link`]: a reference in a staff comment ("prior comment 4") resolved to the
//!   comment of the earlier letter, or why it cannot be.

mod answered;
mod group;
mod links;
mod party;
mod read;
pub mod references;
mod similar;
mod state;

pub use answered::{Answer, Answered, answers_between};
pub use links::{Link, Target};
pub use read::read_under;
pub use state::State;

use crate::letter::{Kind, Letter, LetterError, Sections};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A letter file as a review sees it: where it is, the letter, and its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filed {
    /// The file.
    pub path: PathBuf,
    /// The parsed letter.
    pub letter: Letter,
    /// Its opening, closing, requests and (for a response) answers.
    pub sections: Sections,
}

impl Filed {
    /// Read and parse the letter file at `path`.
    pub fn read(path: &Path) -> Result<Filed, LetterError> {
        let read = crate::letter::read_file(path)?;
        Ok(Filed {
            path: path.to_path_buf(),
            letter: read.letter,
            sections: read.sections,
        })
    }

    /// The letter's date.
    pub fn date(&self) -> Option<NaiveDate> {
        self.letter.date.as_deref()?.parse().ok()
    }

    /// Whether the staff wrote it (comments, a completion or a no-review letter).
    pub fn is_staff(&self) -> bool {
        matches!(
            self.letter.kind,
            Kind::Comments | Kind::Completion | Kind::NoReview
        )
    }
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

    /// The letter at `path`, by index.
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.letters.iter().position(|f| f.path == path)
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

    /// The links from comment `comment` of letter `letter`, in the comment's order.
    pub fn links_from(&self, letter: usize, comment: &str) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(move |l| l.letter == letter && l.comment == comment)
    }
}

/// Group `filed` into reviews, each with its rounds in date order, the responses
/// matched and the references resolved. Reviews that await our response come first,
/// soonest due first; then the others, most recent first.
pub fn build(filed: Vec<Filed>) -> Vec<Review> {
    let mut reviews: Vec<Review> = group::group(filed)
        .into_iter()
        .map(|letters| {
            let first = |f: fn(&Letter) -> Option<&String>| {
                letters.iter().find_map(|l| f(&l.letter)).cloned()
            };
            let company = letters
                .iter()
                .filter(|l| l.is_staff())
                .find_map(|l| l.letter.company.clone())
                .or_else(|| first(|l| l.company.as_ref()));
            let answered = answered::match_responses(&letters);
            let links = links::resolve(&letters);
            Review {
                file_number: first(|l| l.file_number.as_ref()),
                company,
                form: first(|l| l.subject.form.as_ref()),
                state: State::of(&letters),
                answered,
                links,
                letters,
            }
        })
        .collect();
    reviews.sort_by(|a, b| {
        let latest = |r: &Review| r.letters.iter().filter_map(Filed::date).max();
        let due_key = |r: &Review| match &r.state {
            State::AwaitingResponse { due } => (0, due.is_none(), due.clone()),
            _ => (1, true, None),
        };
        due_key(a)
            .cmp(&due_key(b))
            .then_with(|| latest(b).cmp(&latest(a)))
            .then_with(|| a.letters[0].path.cmp(&b.letters[0].path))
    });
    reviews
}
