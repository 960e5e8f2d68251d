//! Terminal UI: three panes (Letters, Comments, Draft) over the letter parser and the
//! drafts store, in the Elm shape: [`State`], [`Action`], [`update`] (pure; disk work goes
//! out as [`Effect`]s) and [`draw`] (no I/O). Keys map to actions through the keymap in
//! `config/default.toml`, overridable by the user's config file.
//!
//! The shell (`app`) runs the workers that do the work `update` asks for and report
//! back as actions: the indexer (`loader`: finds and parses letters, size cap checked
//! before reading), the drafts worker (`saver`: drafts files and the crash journal;
//! compares the file by content before each save and hands outside changes back for a
//! per-comment three-way merge in `update`), the layout worker (`layouter`: wraps large
//! letters off the UI thread), the folder watcher (`watcher`) and a signal listener.
//! All file text reaches the screen through [`crate::text::sanitize`].

mod action;
mod app;
mod config;
mod document;
mod drafting;
mod draw;
mod editor;
mod keymap;
mod layout;
mod layouter;
mod listing;
mod loader;
mod pacer;
mod saver;
mod state;
mod theme;
mod update;
mod watcher;
mod workers;
mod wrap;

use std::path::PathBuf;

pub use crate::text::sanitize;
pub use action::{Action, Effect, LetterId};
pub use app::DEBUG_PANIC_ENV;
pub use config::{Config, Limits, config_file, user_config_path};
pub use document::Document;
pub use draw::draw;
pub use keymap::{Binding, Command, Context, Hint, KeyChord, Keymap, Mode, map_key};
pub use layouter::lay_out;
pub use listing::Listing;
pub use pacer::Pacer;
pub use state::{Filter, Pane, SaveState, State};
pub use theme::{Colors, Marks, Theme};
pub use update::update;
pub use workers::Workers;

/// How [`run`] starts.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The demo folder, shown in the status bar (`--demo`).
    pub demo_dir: Option<PathBuf>,
    /// A config file to use instead of `$XDG_CONFIG_HOME/letterdesk/config.toml`.
    pub config_path: Option<PathBuf>,
}

/// Run the interface over `paths` (folders searched recursively for `.txt` and `.md`
/// letters, or letter files) until the user quits. The terminal is restored on every
/// exit path, panics included.
pub fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    app::run(paths, options)
}
