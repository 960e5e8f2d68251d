//! Terminal UI: three panes (Letters, Comments, Draft) over the letter parser and the
//! drafts store, in the Elm shape, one folder per layer:
//!
//! - `model`: [`State`] and its vocabulary ([`Pane`], [`LetterId`], [`Mode`]), [`Action`]
//!   and [`Effect`]; data only.
//! - `update`: [`update`], the pure transitions (disk work goes out as [`Effect`]s), split
//!   by concern; keys map to actions through the keymap of [`crate::config`].
//! - `view`: [`draw`], which only reads the state.
//! - `runtime`: the [`Runtime`] event loop, the terminal and the workers.
//!
//! The runtime runs the workers that do the work `update` asks for and report
//! back as actions: the indexer (`loader`: finds and parses letters, size cap checked
//! before reading), the drafts worker (`saver`: drafts files and the crash journal;
//! compares the file by content before each save and hands outside changes back for a
//! per-comment three-way merge in `update`), the layout worker (`layouter`: wraps large
//! letters off the UI thread), the folder watcher (`watcher`) and a signal listener.
//! All file text reaches the screen through [`crate::text::sanitize`].

mod model;
mod runtime;
mod update;
mod view;

use std::path::PathBuf;

pub use crate::config::{Command, Config, Keymap, Limits, config_file};
pub use crate::text::sanitize;
pub use model::action::{Action, Effect};
pub use model::editor::SpellDictionary;
pub use model::ids::{Filter, LetterId, Pane};
pub use model::listing::Listing;
pub use model::overlay::Mode;
pub use model::slot::SaveState;
pub use model::state::State;
pub use runtime::terminal::RunOptions;
pub use runtime::{DEBUG_PANIC_ENV, Prepared, Runtime, TODAY_ENV, Turn, USER_ENV, lay_out};
pub use update::input::map_key;
pub use update::update;
pub use view::draw;

/// Run the interface over `paths` (folders searched recursively for `.txt` and `.md`
/// letters, or letter files) until the user quits. The terminal is restored on every
/// exit path, panics included.
pub fn run(paths: Vec<PathBuf>, options: RunOptions) -> anyhow::Result<()> {
    runtime::terminal::run(paths, options)
}
