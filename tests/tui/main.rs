//! The workspace without a terminal: `update` driven by actions and whole screens drawn on a `TestBackend`.

mod editor;
mod keys;
mod reviews;
mod screens;
mod support;
mod update;
mod warnings;
