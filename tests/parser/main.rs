//! Reading letters: the parser on synthetic fixtures and, when present, on `../shared`; PDF and EDGAR HTML sources.

#[path = "../common/mod.rs"]
mod common;

#[macro_use]
mod support;

mod brief;
mod classes;
mod comment_numbers;
mod corpus;
mod corpus_sweep;
mod fixtures;
mod invariance;
mod shared_letters;
mod sources_html;
mod sources_pdf;
