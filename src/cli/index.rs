//! `letterdesk index [PATH...] [--json]`: bring the precedent index up to date with the
//! letters under the paths and the config's research libraries, as `similar` and the
//! workspace's precedent key do first. The workspace runs it as a process of its own,
//! so that reading thousands of letters weighs on that process, not on the workspace.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::json::write_json;
use crate::precedent::{Library, default_folder};
use crate::text::sanitize;

/// Arguments of `letterdesk index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Letter files or folders to index (folders are searched recursively), besides the
    /// config's `[precedent]` libraries. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of a line.
    #[arg(long)]
    pub json: bool,
    /// Read the `[precedent]` libraries from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// What an update did, as scripts see it.
#[derive(Serialize)]
struct IndexJson {
    index: String,
    comments: u64,
    read: usize,
    removed: usize,
    written: usize,
}

/// Runs `index`: waits while another letterdesk writes the index, then brings it up to
/// date with the paths and the libraries.
pub fn run(args: &IndexArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let config = super::config_or_warn(args.config.as_deref());
    let mut roots = super::paths_or_here(&args.paths)?;
    roots.extend(config.precedent.libraries);
    let Some(dir) = default_folder() else {
        anyhow::bail!(
            "no cache folder for the precedent index (neither XDG_CACHE_HOME nor HOME is set)"
        );
    };
    let shown = sanitize(&dir.display().to_string()).into_owned();
    let mut library = Library::open_writer(&dir, || {
        eprintln!(
            "letterdesk: another letterdesk is writing the precedent index ({shown}); waiting"
        );
    })
    .map_err(anyhow::Error::msg)?;
    let updated = library.update(&roots).map_err(anyhow::Error::msg)?;
    let json = IndexJson {
        index: dir.display().to_string(),
        comments: library.comments(),
        read: updated.read,
        removed: updated.removed,
        written: updated.comments,
    };
    if args.json {
        write_json(out, &json)?;
    } else {
        writeln!(
            out,
            "{shown}: {} comments; {} letter files read, {} removed, {} comments written",
            json.comments, json.read, json.removed, json.written
        )?;
    }
    Ok(())
}
