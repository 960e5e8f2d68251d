//! The model: everything the screen shows, in one value ([`state::State`]), the
//! vocabulary around it ([`ids`]: letters, panes, filters, modes), what can happen to it
//! ([`action::Action`]) and what the shell must do for it ([`action::Effect`]). Data and
//! its invariants only: no I/O, no threads, no clock (time arrives as `Action::Tick`).

pub(crate) mod action;
pub(crate) mod command_line;
pub(crate) mod document;
pub(crate) mod editor;
pub(crate) mod entry;
pub(crate) mod help_lines;
pub(crate) mod ids;
pub(crate) mod layout;
mod letters;
pub(crate) mod listing;
pub(crate) mod messages;
pub(crate) mod names;
pub(crate) mod order;
pub(crate) mod overlay;
pub(crate) mod place;
pub(crate) mod precedent;
pub(crate) mod precedent_layout;
pub(crate) mod question;
pub(crate) mod reviews;
mod saving;
pub(crate) mod slot;
pub(crate) mod state;
pub(crate) mod wrap;
