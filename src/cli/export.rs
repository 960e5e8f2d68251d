//! `letterdesk export LETTER [--format md|txt|html|docx] [-o FILE] [--strict]`: write
//! the company's response letter from the drafts saved next to the letter.
//!
//! The file goes next to the letter (`NAME.response.md`, `.txt`, `.htm`, `.docx`)
//! unless `-o` names another (`-o -` writes to standard output). The path written and
//! any warnings go to standard error. With `--strict`, a comment without a response or
//! not marked resolved is an error (exit 1) and NOTHING is written, so a file that
//! exists after a strict run is ready to file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::drafts;
use crate::export::{self, ExportSettings, Format};

/// Arguments of `letterdesk export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The staff comment letter to answer (its drafts are read from NAME.responses.toml).
    #[arg(value_name = "LETTER")]
    pub letter: PathBuf,
    /// Output format. Default: from the extension of -o, else md.
    #[arg(
        long,
        value_name = "FORMAT",
        value_parser = PossibleValuesParser::new(["md", "txt", "html", "docx"])
            .map(|s| s.parse::<Format>().unwrap_or_default())
    )]
    pub format: Option<Format>,
    /// Where to write. Default: NAME.response.EXT next to the letter; "-" for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1, nothing written) when a comment has no response or is not resolved.
    #[arg(long)]
    pub strict: bool,
    /// Read the [export] settings from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Runs `export`. Errors name the file (and line) concerned.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let letter = crate::letter::parse_file(&args.letter)?;
    let drafts_file = drafts::drafts_path(&args.letter);
    let loaded = drafts::load(&drafts_file)?;
    let mut settings = load_settings(args.config.as_deref())?;
    settings.date = Some(export::long_date(chrono::Local::now().date_naive()));

    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .filter(|_| !to_stdout)
                .and_then(Format::from_path)
        })
        .unwrap_or_default();
    let path = match &args.output {
        Some(path) => path.clone(),
        None => export::default_output_path(&args.letter, format),
    };
    if !to_stdout {
        refuse_to_overwrite(&path, &args.letter, &drafts_file)?;
    }

    let result = export::export(
        &letter,
        loaded.as_ref().map(|l| &l.drafts),
        &settings,
        format,
    );
    if args.strict && !result.is_complete() {
        let problems = result.problems().join("; ");
        anyhow::bail!(
            "{}: not ready to file (--strict): {problems}; nothing written",
            shown(&args.letter)
        );
    }

    if to_stdout {
        out.write_all(&result.bytes)?;
        out.flush()?;
    } else {
        export::write_export(&path, &result.bytes)
            .with_context(|| format!("{}: cannot write", shown(&path)))?;
    }
    let mut err = std::io::stderr().lock();
    if !to_stdout {
        let _ = writeln!(err, "wrote {}", shown(&path));
    }
    for notice in result.notices() {
        let _ = writeln!(err, "warning: {notice}");
    }
    Ok(())
}

/// The export settings from `--config`, else the user's config file, else defaults.
fn load_settings(config: Option<&Path>) -> anyhow::Result<ExportSettings> {
    match crate::config::config_file(config) {
        Some(path) => ExportSettings::from_config_file(&path).map_err(anyhow::Error::msg),
        None => Ok(ExportSettings::default()),
    }
}

/// Refuses an output path that is the letter itself or its drafts file.
fn refuse_to_overwrite(output: &Path, letter: &Path, drafts_file: &Path) -> anyhow::Result<()> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(output, letter) || same(output, drafts_file) {
        anyhow::bail!(
            "{}: refusing to overwrite the letter or its drafts file",
            shown(output)
        );
    }
    Ok(())
}

/// A path as it may be printed: no control characters.
fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_control() || export::escape::is_unsafe(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}
