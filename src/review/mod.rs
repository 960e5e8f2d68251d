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
//! - [`LetterCopy`]: a letter read twice (a PDF and the text made of it), one of them the
//!   letter and the other its copy.

mod answered;
mod build;
mod copies;
mod filed;
mod group;
mod known;
mod links;
mod model;
mod party;
mod read;
pub mod references;
mod similar;
mod state;

pub use answered::{Answer, Answered, answers_between};
pub use build::{build, build_each, build_read, build_read_counted, sort};
pub use copies::LetterCopy;
pub use filed::Filed;
pub use known::{Known, known_for};
pub use links::{Link, Target};
pub use model::{Review, Standing};
pub use party::{company_words, file_number_key};
pub use read::{read_each, read_under};
pub use state::{State, extended};
