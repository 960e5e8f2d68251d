//! The `letterdesk` binary: parse the command line, run a subcommand or the workspace.

use anyhow::Context;
use clap::Parser;
use letterdesk::cli::{Cli, EXIT_RUNTIME, Exit, run_command};
use letterdesk::tui::RunOptions;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the parser makes many small strings, and
/// `status` over 10,000 letters runs about 8% faster with it (see README, Dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's options set before the first allocation (see `letterdesk::allocator`).
#[ctor::ctor(unsafe)]
fn tune_allocator() {
    // SAFETY: before `main`, with no other thread.
    unsafe { letterdesk::allocator::tune() };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.no_cache {
        letterdesk::cache::turn_off();
    }
    let result = match cli.command {
        Some(command) => run_command(command, &mut std::io::stdout().lock()),
        None => run_workspace(cli.paths, cli.demo, cli.config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`letterdesk parse … | head`): not an error of ours.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if error.downcast_ref::<Exit>().is_some() => {
            let exit = error.downcast_ref::<Exit>().expect("checked");
            eprintln!("letterdesk: {}", letterdesk::text::sanitize(&exit.message));
            ExitCode::from(exit.code)
        }
        Err(error) => {
            // File names and parser messages quote file text: make it safe to print.
            let message = format!("{error:#}");
            eprintln!("letterdesk: {}", letterdesk::text::sanitize(&message));
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

fn run_workspace(
    cli_paths: Vec<PathBuf>,
    demo: bool,
    config: Option<PathBuf>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the workspace needs a terminal; for scripts use `letterdesk parse FILE --json` or `letterdesk status --json`"
        );
    }
    let mut options = RunOptions {
        config_path: config,
        ..RunOptions::default()
    };
    let paths = if demo {
        let dir = letterdesk::demo::materialize().context("cannot write the demo letters")?;
        options.demo_dir = Some(dir.clone());
        vec![dir]
    } else if cli_paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        cli_paths
    };
    for path in &paths {
        if !path.exists() {
            anyhow::bail!(
                "{}: no such file or folder",
                letterdesk::text::sanitize(&path.display().to_string())
            );
        }
    }
    letterdesk::tui::run(paths, options)
}
