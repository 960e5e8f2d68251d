//! Precedent: for a staff comment, how other companies were asked the same thing and
//! what they answered. No terminal code lives here.
//!
//! A `tantivy` index of every staff comment of the letters it is shown (the folders
//! opened, the research libraries of the config's `[precedent] libraries`), one
//! document per comment with its letter, company, date, form, heading and the answer
//! a response of its review gave ([`crate::review`]). It lives in
//! `$XDG_CACHE_HOME/letterdesk/precedent-vN/` ([`default_folder`]), is brought up to
//! date letter by letter ([`Library::update`]: a letter added, changed or removed),
//! and is built again when its schema or tokenizer changes ([`VERSION`]) or it does
//! not open (a commit is atomic, so a killed process leaves the last one). One process
//! writes (a lock file); a second one reads what the first commits.
//!
//! [`Library::similar`] finds the comments most like one, by the comment's most
//! distinctive terms, and orders the best again by their whole texts, against the
//! comment's and what the best share; [`highlights`] marks those terms in a text.

mod companies;
mod fold;
mod gist;
mod manifest;
mod query;
mod rerank;
mod schema;
mod similar;
mod store;
mod update;

pub use gist::gist;
pub use manifest::greeted_in;
pub use query::QUERY_TERMS;
pub use schema::VERSION;
pub use similar::{Found, Hit, Probe, highlights};
pub use store::{Library, default_folder, folder, greeted_indexed};
pub use update::{Progress, READING, Updated};
