//! Helpers shared by the integration tests.

pub mod bin;
pub mod files;
pub mod letters;
pub mod outside;
pub mod pdf;
pub mod precedent;
pub mod shared;
pub mod special;
pub mod tmux;
