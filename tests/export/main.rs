//! Export of drafted responses: formats, targets, escaping, and the `export` command.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod corpus_greetings;
mod docx;
mod docx_layout;
mod edited_cli;
mod escape;
mod formats;
mod office;
mod public_cli;
mod requests_cli;
mod targets;
mod terminal_output;

/// The built-in demo letter `name`, parsed.
fn demo(name: &str) -> letterdesk::letter::Letter {
    let (name, text) = letterdesk::demo::LETTERS
        .iter()
        .find(|(demo, _)| *demo == name)
        .expect("demo letter");
    letterdesk::letter::parse_bytes(name, text.as_bytes()).expect("parses")
}
