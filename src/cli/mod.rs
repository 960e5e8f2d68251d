//! The command line: arguments (clap), the non-interactive subcommands and exit codes.

pub mod export;
pub mod import;
pub mod index;
mod json;
mod outline;
pub mod reviews;
#[doc(hidden)]
pub mod save_loop;
pub mod similar;
pub mod status;
mod status_rows;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit code for a runtime error (a file that cannot be read or parsed).
pub const EXIT_RUNTIME: u8 = 1;

/// A command that ran but ends with exit code `code` other than 0 and 1; `message`
/// says why (see [`import::EXIT_DRAFTS_DIFFER`]).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Exit {
    /// The exit code.
    pub code: u8,
    /// What to print on standard error.
    pub message: String,
}

/// letterdesk: answer SEC staff comment letters from the terminal.
///
/// Opens a folder of comment letters side by side with a draft-response editor.
/// Drafts are saved as NAME.responses.toml next to each NAME.txt letter.
#[derive(Debug, Parser)]
#[command(name = "letterdesk", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 ok, 1 runtime error (the message names the file), 2 usage error, 3 import left drafts that differ from the filed answers."
)]
pub struct Cli {
    /// Letter files or folders to open (folders are searched recursively). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Open the built-in demo letters (copied into a fresh temporary folder).
    #[arg(long, conflicts_with = "paths")]
    pub demo: bool,

    /// Use this config file instead of $XDG_CONFIG_HOME/letterdesk/config.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Read every letter afresh: neither use nor fill the extraction cache
    /// ($XDG_CACHE_HOME/letterdesk).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// What to do instead of opening the workspace.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Non-interactive subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse one letter and print its outline (or JSON with --json).
    Parse {
        /// The letter file.
        file: PathBuf,
        /// Print one JSON object instead of the outline.
        #[arg(long)]
        json: bool,
        /// Read the `[limits]` settings (max_letter_mb) from this config file.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell to generate completions for.
        shell: clap_complete::Shell,
    },
    /// Write the response letter for LETTER from its drafts (md, txt, html or docx).
    Export(export::ExportArgs),
    /// Summarize letters and their drafts: a table, or JSON with --json.
    Status(status::StatusArgs),
    /// Group letters into reviews (rounds, state, references): a table, or JSON with --json.
    Reviews(reviews::ReviewsArgs),
    /// Write a filed response's answers into the staff letter's empty drafts (exit 3 when some drafts differ).
    Import(import::ImportArgs),
    /// The staff comments of other letters most like one comment, with the answers given.
    Similar(similar::SimilarArgs),
    /// Bring the precedent index up to date with PATH... and the config's libraries.
    Index(index::IndexArgs),
    /// Save a drafts file in a loop (for the kill test).
    #[command(name = "__save-loop", hide = true)]
    SaveLoop(save_loop::SaveLoopArgs),
}

/// Run a subcommand, writing to `out`. Errors carry a message that names the file.
pub fn run_command(command: Command, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    match command {
        Command::Parse { file, json, config } => {
            let limits = status::load_limits(config.as_deref());
            let letter = crate::letter::parse_file_capped(&file, limits.max_letter_bytes)?;
            if json {
                json::write_letter(out, &letter)?;
            } else {
                outline::write_outline(out, &letter)?;
            }
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "letterdesk", out);
        }
        Command::Export(args) => export::run(&args, out)?,
        Command::Status(args) => status::run(&args, out)?,
        Command::Reviews(args) => reviews::run(&args, out)?,
        Command::Import(args) => import::run(&args, out)?,
        Command::Similar(args) => similar::run(&args, out)?,
        Command::Index(args) => index::run(&args, out)?,
        Command::SaveLoop(args) => save_loop::run(&args, out)?,
    }
    Ok(())
}

/// The config in effect (`given`, else the user's), its problem (a file that does not
/// parse: the built-in settings are used) said on standard error as a warning.
fn config_or_warn(given: Option<&std::path::Path>) -> crate::config::Config {
    let (config, problem) =
        crate::config::Config::load(crate::config::config_file(given).as_deref(), true);
    if let Some(problem) = problem {
        eprintln!(
            "letterdesk: warning: {}",
            crate::text::sanitize_line(&problem)
        );
    }
    config
}

/// The paths a folder command reads (the current folder when none is given); an error
/// naming them all when none of them exists.
fn paths_or_here(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    if !paths.iter().any(|p| p.exists()) {
        let names: Vec<String> = paths
            .iter()
            .map(|p| crate::text::sanitize_line(&p.display().to_string()).into_owned())
            .collect();
        anyhow::bail!("{}: no such file or folder", names.join(", "));
    }
    Ok(paths)
}
