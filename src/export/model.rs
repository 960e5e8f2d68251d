//! The response letter as every renderer sees it: the [`Document`] of pages and
//! [`Block`]s, what an export found besides it ([`Tally`]), and the markers that stand in
//! for text a letter does not give. All text in a [`Document`] is already sanitized.

use chrono::{DateTime, NaiveDate, Utc};

use super::flow::Flow;
use super::settings::Restatement;

/// What stands in for a response that has not been written.
pub const MISSING_MARKER: &str = "[Response to come]";

/// What stands in for a comment left out of the public version (Rule 83).
pub const REDACTED_MARKER: &str = "[Redacted pursuant to Rule 83]";

/// The response to a comment that needs none (one that only says the staff is still
/// evaluating an earlier answer), when the draft says nothing else.
pub const NO_RESPONSE: &str =
    "The Company acknowledges the Staff's comment; no response is required.";

/// The response letter, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A one-line title (the HTML `<title>`).
    pub title: String,
    /// How restated comments are set off.
    pub restatement: Restatement,
    /// The letter, top to bottom.
    pub blocks: Vec<Block>,
    /// The page of the Word document.
    pub page: Page,
    /// The Word document's properties.
    pub properties: Properties,
    /// The continuation header printed from page 2, above "Page N": the addressee
    /// and the date.
    pub continuation: Vec<String>,
}

/// The page a paged format lays the letter on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Width and height in twips.
    pub size: (u32, u32),
    /// Every margin, in twips.
    pub margin: u32,
    /// The font's name.
    pub font: String,
    /// The font size in half-points.
    pub font_size: u32,
}

/// A document's properties (the Word document's core properties).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    /// "Response to SEC comment letter dated September 5, 2024".
    pub title: String,
    /// The signer, else the firm, else the company; empty when none is known.
    pub author: String,
    /// When the document was made, if the caller said.
    pub created: Option<DateTime<Utc>>,
}

/// One block of the response letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines set one under another (date, address, signature).
    Lines(Vec<String>),
    /// The letterhead: lines centered at the top of the first page.
    Letterhead(Vec<String>),
    /// The "Re:" block: the company, then the filing lines and the file number.
    Re(Vec<String>),
    /// A paragraph of the letter's own prose (salutation, closing).
    Paragraph(String),
    /// The opening paragraph: `before`, then how the format sets off the restated
    /// comments ("bold", "italics", "indented"), then `after`.
    Opening {
        /// The text up to the style word.
        before: String,
        /// The text after it.
        after: String,
    },
    /// The part of a comment's heading trail that changed since the previous comment.
    Headings(Vec<String>),
    /// A staff comment restated; the first paragraph starts with its number ("1. ").
    Comment {
        /// The comment number as printed in the staff letter.
        number: String,
        /// The comment's text.
        flows: Vec<Flow>,
    },
    /// The label above a response, with its colon: "Response:".
    Label(String),
    /// The company's response to comment `number`.
    Response {
        /// The comment number.
        number: String,
        /// The response text.
        flows: Vec<Flow>,
    },
    /// Marks a comment that has no response yet ([`MISSING_MARKER`]).
    Missing {
        /// The comment number.
        number: String,
    },
    /// The company's own statement in paragraphs and lists (the acknowledgment).
    Statement(Vec<Flow>),
    /// The legend over a response submitted for confidential treatment.
    Legend(String),
    /// Stands for comment `number` and its response in the public version
    /// ([`REDACTED_MARKER`]).
    Redacted {
        /// The comment number.
        number: String,
    },
    /// The "cc:" list, one entry per line.
    Cc(Vec<String>),
}

/// What an export found besides the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Numbers of comments with no response text, in letter order.
    pub missing: Vec<String>,
    /// Numbers of comments with a response that is not marked resolved.
    pub unresolved: Vec<String>,
    /// The requests of the letter, not numbered, with no answer: each its key and the
    /// start of its words, `exhibit ("Please provide us with an unredacted copy…")`.
    pub unanswered: Vec<String>,
    /// Other things worth telling the user.
    pub warnings: Vec<String>,
}

/// A date as letters print it: "November 17, 2014".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}
