//! Review threads and precedent: grouping, references, restatements, `reviews`/`import`, and the corpus sweeps.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod conversation;
mod corpus;
mod fixtures;
mod precedent_corpus;
