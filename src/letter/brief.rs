//! A letter in brief: what a list of letters (the workspace's Letters pane, `status`)
//! needs of each file, without the comments' text.

use serde::{Deserialize, Serialize};

use super::model::{Asks, Kind, Letter, looks_like_a_letter};

/// What a list row needs of a letter: its kind, dates, company, form and comment
/// numbers. Equal to [`Brief::of`] the full parse of the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Brief {
    /// What sort of letter it is.
    pub kind: Kind,
    /// The letter's date, ISO (YYYY-MM-DD).
    pub date: Option<String>,
    /// The company the letter concerns.
    pub company: Option<String>,
    /// The form reviewed, e.g. "10-K".
    pub form: Option<String>,
    /// The Commission file number, e.g. "001-35126".
    pub file_number: Option<String>,
    /// When the response is due (ISO), if the letter sets a business-day deadline.
    pub response_due: Option<String>,
    /// The comment numbers, in order.
    pub numbers: Vec<String>,
    /// What a company's letter restating no comment asks of the staff ([`Letter::asks`]).
    pub asks: Option<Asks>,
    /// The file is not UTF-8 and was read as Windows-1252.
    pub windows_1252: bool,
    /// How many warnings the parser has about the letter (see [`Letter::warnings`]).
    pub warnings: usize,
}

impl Brief {
    /// The brief of a fully parsed letter.
    pub fn of(letter: &Letter) -> Brief {
        Brief {
            kind: letter.kind,
            date: letter.date.clone(),
            company: letter.company.clone(),
            form: letter.subject.form.clone(),
            file_number: letter.file_number.clone(),
            response_due: letter.response_due.clone(),
            numbers: letter.comments.iter().map(|c| c.number.clone()).collect(),
            asks: letter.asks(),
            windows_1252: letter.is_windows_1252(),
            warnings: letter.warnings.len(),
        }
    }

    /// See [`looks_like_a_letter`].
    pub fn looks_like_a_letter(&self) -> bool {
        looks_like_a_letter(
            self.kind,
            self.numbers.len(),
            self.date.is_some(),
            self.company.is_some() || self.file_number.is_some(),
        )
    }
}
