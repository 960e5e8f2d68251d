//! The letter model: what a parsed staff comment letter holds.

use serde::{Deserialize, Serialize};

use super::greeted::Greeted;

/// What sort of correspondence a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A staff letter with numbered comments.
    Comments,
    /// The staff completed its review and has no further comments.
    Completion,
    /// The staff will not review the filing.
    NoReview,
    /// A company's response letter (EDGAR CORRESP), not a staff letter.
    Response,
    /// Could not tell.
    #[default]
    Unknown,
}

impl Kind {
    /// The snake_case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Comments => "comments",
            Kind::Completion => "completion",
            Kind::NoReview => "no_review",
            Kind::Response => "response",
            Kind::Unknown => "unknown",
        }
    }
}

/// A person named in the letter: the addressee or the signatory.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Person {
    /// Full name as printed, e.g. "Sheng Chen".
    pub name: Option<String>,
    /// Title as printed, e.g. "Chief Financial Officer".
    pub title: Option<String>,
}

/// The "Re:" block: which filing the letter is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Subject {
    /// The form reviewed, e.g. "20-F", "S-4", "10-K".
    pub form: Option<String>,
    /// The period the filing covers, e.g. "Fiscal Year Ended December 31, 2013".
    pub period: Option<String>,
    /// When the filing was filed or submitted, ISO date.
    pub filed: Option<String>,
    /// Every line of the block after the company name, as printed (cleaned).
    pub lines: Vec<String>,
}

/// A staff member the company may call, from the closing paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Contact {
    /// Name as printed.
    pub name: String,
    /// Title, when the letter gives one ("Staff Accountant").
    pub title: Option<String>,
    /// Telephone number as printed.
    pub phone: Option<String>,
}

/// A company's request for more time to respond: it answers no comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Extension {
    /// The date it says the answers will come by (ISO), when it names one.
    pub until: Option<String>,
}

/// A company's request that a registration statement be declared effective (Rule
/// 461): it answers no comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Effectiveness {
    /// The day it asks the registration statement to become effective on (ISO), when
    /// it names one.
    pub at: Option<String>,
}

/// What a company letter restating no comment asks of the staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asks {
    /// More time to respond ([`Extension`]).
    MoreTime,
    /// A registration statement declared effective ([`Effectiveness`]).
    Effectiveness,
}

impl Asks {
    /// What a company letter asks, given whether it asks for more time and whether for
    /// effectiveness (more time first: a letter asking for it is not yet done).
    pub(crate) fn of(more_time: bool, effectiveness: bool) -> Option<Asks> {
        if more_time {
            Some(Asks::MoreTime)
        } else {
            effectiveness.then_some(Asks::Effectiveness)
        }
    }

    /// The word before the date the request names: "until" the date more time is
    /// asked until, "on" the day effectiveness is asked for.
    pub fn date_word(self) -> &'static str {
        match self {
            Asks::MoreTime => "until",
            Asks::Effectiveness => "on",
        }
    }

    /// How the letter is named in lists: "asks for more time".
    pub fn label(self) -> &'static str {
        match self {
            Asks::MoreTime => "asks for more time",
            Asks::Effectiveness => "asks to be declared effective",
        }
    }
}

/// One numbered staff comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Comment {
    /// The number as printed: "1", "12", "3(a)". Unique within a letter.
    pub number: String,
    /// The heading trail in effect for the comment, nearest last.
    pub headings: Vec<String>,
    /// The comment's paragraphs, joined by blank lines; list items keep their own lines.
    pub text: String,
    /// Pages the comment or its headings cite, e.g. "9", "F-19", in order of first mention.
    pub pages: Vec<String>,
}

/// Whether what was read looks like correspondence at all: a letter of a known kind,
/// with comments, or with a date and a company or file number. A folder's README.md
/// does not; an empty `.txt` file dropped among letters is still listed (as a letter
/// with no comments), but a `.md` file that is not a letter is left out of the list.
pub fn looks_like_a_letter(
    kind: Kind,
    comments: usize,
    date: bool,
    company_or_file_number: bool,
) -> bool {
    kind != Kind::Unknown || comments > 0 || (date && company_or_file_number)
}

/// Whether a file found in a folder is listed even when it does not look like a letter:
/// `.txt` files are (as "no comments found"), other files (`.md`) only when they do.
pub fn listed_when_not_a_letter(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// A parsed letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Letter {
    /// The file it was read from, as given.
    pub file: String,
    /// What sort of letter it is.
    pub kind: Kind,
    /// The letter's date, ISO (YYYY-MM-DD).
    pub date: Option<String>,
    /// The person the letter is addressed to.
    pub addressee: Person,
    /// The company the letter concerns.
    pub company: Option<String>,
    /// Who answers the letter when it is not that company: a shareholder soliciting
    /// proxies about the company, whose proxy statement the letter is about ("Re:
    /// Ventas, Inc." / "Preliminary Proxy Statement on Schedule 14A filed by Jonathan
    /// Litt, Land & Buildings…", addressed to Land & Buildings Investment Management,
    /// LLC): the addressee's organisation.
    pub respondent: Option<String>,
    /// The addressee's postal address lines.
    pub address: Vec<String>,
    /// The "Re:" block.
    pub subject: Subject,
    /// The Commission file number, e.g. "001-35126".
    pub file_number: Option<String>,
    /// The numbered comments, in order.
    pub comments: Vec<Comment>,
    /// Who signed the letter (or the unsigned office sign-off).
    pub signatory: Person,
    /// Staff contacts named in the closing paragraph.
    pub contacts: Vec<Contact>,
    /// The "cc:" lines.
    pub cc: Vec<String>,
    /// When the response is due (ISO), if the letter sets a business-day deadline.
    pub response_due: Option<String>,
    /// A company's letter restating no comment that asks for more time to respond.
    pub extension: Option<Extension>,
    /// A company's letter restating no comment that asks for a registration statement
    /// to be declared effective.
    pub effectiveness: Option<Effectiveness>,
    /// For a company's letter to the staff: the staff its salutation greets with an
    /// honorific, each by the full name its header gives ("Dear Ms. Donahue:" under
    /// "Attention: Erin Donahue").
    pub greeted: Vec<Greeted>,
    /// Things the parser noticed and could not settle cleanly.
    pub warnings: Vec<String>,
}

/// Whether a letter's warnings say it was read as Windows-1252.
pub(crate) fn warns_windows_1252(warnings: &[String]) -> bool {
    warnings.iter().any(|w| w.contains("Windows-1252"))
}

impl Letter {
    /// What the letter asks of the staff, when it is a company letter restating no
    /// comment that asks for more time or for effectiveness.
    pub fn asks(&self) -> Option<Asks> {
        Asks::of(self.extension.is_some(), self.effectiveness.is_some())
    }

    /// The date (ISO) what the letter asks of the staff names, when it names one: the
    /// extension's `until`, else the request for effectiveness's `at`.
    pub fn asked_date(&self) -> Option<&str> {
        match (&self.extension, &self.effectiveness) {
            (Some(e), _) => e.until.as_deref(),
            (None, Some(e)) => e.at.as_deref(),
            (None, None) => None,
        }
    }

    /// The file is not UTF-8 and was read as Windows-1252 (the parser's warning says so).
    pub fn is_windows_1252(&self) -> bool {
        warns_windows_1252(&self.warnings)
    }

    /// See [`looks_like_a_letter`].
    pub fn looks_like_a_letter(&self) -> bool {
        looks_like_a_letter(
            self.kind,
            self.comments.len(),
            self.date.is_some(),
            self.company.is_some() || self.file_number.is_some(),
        )
    }
}
