//! The `letterdesk` binary: parse the command line, run a subcommand or the workspace.

use clap::Parser;
use letterdesk::cli::{Cli, EXIT_RUNTIME, run_command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(command) => run_command(command, &mut std::io::stdout().lock()),
        None => run_workspace(cli.paths, cli.demo),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`letterdesk parse … | head`): not an error of ours.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("letterdesk: {error:#}");
            ExitCode::from(EXIT_RUNTIME)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run_workspace(paths: Vec<std::path::PathBuf>, demo: bool) -> anyhow::Result<()> {
    let _ = (paths, demo);
    Ok(())
}
