//! The command line: arguments (clap), the non-interactive subcommands and exit codes.

pub mod export;
mod json;
mod outline;
#[doc(hidden)]
pub mod save_loop;
pub mod status;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit code for a runtime error (a file that cannot be read or parsed).
pub const EXIT_RUNTIME: u8 = 1;

/// letterdesk: answer SEC staff comment letters from the terminal.
///
/// Opens a folder of comment letters side by side with a draft-response editor.
/// Drafts are saved as NAME.responses.toml next to each NAME.txt letter.
#[derive(Debug, Parser)]
#[command(name = "letterdesk", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 ok, 1 runtime error (the message names the file), 2 usage error."
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
        /// Read the [limits] settings (max_letter_mb) from this config file.
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
        Command::SaveLoop(args) => save_loop::run(&args, out)?,
    }
    Ok(())
}
