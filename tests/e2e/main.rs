//! The real binary driven in tmux as a person would.

#[path = "../common/mod.rs"]
mod common;

mod concurrent_writer;
mod drafts;
mod editor;
mod export_edited;
mod hostile;
mod keys;
mod pdf_folder;
mod precedent;
mod rescue;
mod reviews;
mod widths;
mod workspace;
