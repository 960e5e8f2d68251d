//! Review threads and precedent: grouping, references, restatements, `reviews`/`import`, and the corpus sweeps.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod conversation;
mod copies;
mod corpus;
mod fixtures;
mod harrowgate;
mod outline;
mod precedent_corpus;
mod precedent_recovery;
mod precedent_topics;

/// The file names of a review's letters, in its order.
fn names(review: &letterdesk::review::Review) -> Vec<String> {
    review
        .letters
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}
