//! `letterdesk export LETTER [--format md|txt|html|docx] [-o FILE] [--strict] [--public]
//! [--force | --new-name]`: write the company's response letter from the drafts saved
//! next to the letter.
//!
//! The file goes next to the letter (`NAME.response.md`, `.txt`, `.htm`, `.docx`)
//! unless `-o` names another (`-o -` writes to standard output; a device or FIFO is
//! written straight into, so `--strict -o /dev/null` is a check). A symbolic link at
//! the default path is refused; see [`Target::choose`]. The path written and any
//! warnings go to standard error. With `--strict`, a comment without a response, not
//! marked resolved, or whose text changed since its response was written, and a
//! request of the letter outside its comments with no answer in the drafts file's
//! `[requests]` table, is an error (exit 1) and NOTHING is written, so a file that exists after a strict run is ready
//! to file. A file edited since letterdesk wrote it is never overwritten without
//! `--force` (`--new-name` writes beside it). Once the letter's deadline has passed,
//! the letters of its folder are read for its review: a reply filed after it leaves
//! nothing late, and a request for more time gives the date the warning names. They
//! are read too when a staff member the response greets has no honorific in the
//! config: the companies' letters there greet them with one ("Dear Ms. Donahue:").

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::drafts;
use crate::export::{self, ExportSettings, Format, SaveError, Target, WhenEdited};
use crate::text::sanitize_line;

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
    /// Fail (exit 1, nothing written) when a comment has no response or is not resolved,
    /// or a request of the letter outside its comments has no answer.
    #[arg(long)]
    pub strict: bool,
    /// Read the [export] settings from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write the public version: responses marked `confidential = true` in the drafts
    /// file are left out, marked "[Redacted pursuant to Rule 83]".
    #[arg(long)]
    pub public: bool,
    /// Overwrite the output even when it was edited since letterdesk wrote it.
    #[arg(long, conflicts_with = "new_name")]
    pub force: bool,
    /// When the output was edited since letterdesk wrote it, write beside it instead:
    /// NAME.response (2).EXT.
    #[arg(long)]
    pub new_name: bool,
}

/// Runs `export`. Errors name the file (and line) concerned.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut settings = load_settings(args.config.as_deref())?;
    let limits = super::status::load_limits(args.config.as_deref());
    let letter = crate::letter::parse_file_capped(&args.letter, limits.max_letter_bytes)?;
    let drafts_path = drafts::drafts_path(&args.letter);
    let loaded = drafts::load(&drafts_path)?;
    settings.date = Some(export::long_date(chrono::Local::now().date_naive()));
    settings.now = Some(chrono::Utc::now());
    // The letters of its folder are read only when they have something to say: once
    // the letter's own deadline has passed, its review says whether a reply was filed
    // or more time asked for; the company's own letters there write its name, which
    // the staff's gives in capitals only; and the companies' letters there greet the
    // staff the response would greet by full name for want of a configured honorific.
    let today = settings.now.map(|now| now.date_naive().to_string());
    let past_due = letter
        .response_due
        .as_ref()
        .zip(today)
        .is_some_and(|(due, today)| *due < today);
    let standing = export::learn_from_letters(&letter, &args.letter, &mut settings, past_due);
    if let Some(standing) = standing.filter(|_| past_due) {
        settings.replied = standing.replied;
        settings.extended = standing.extended;
    }
    settings.asked = export::Asked::in_file(&args.letter);
    if let Some(loaded) = &loaded {
        settings
            .asked
            .answer_from(loaded.document())
            .map_err(|e| anyhow::anyhow!("{}: {e}", drafts_path.display()))?;
    }
    settings.public = args.public;

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
    let target =
        Target::choose(&args.letter, args.output.as_deref(), format).map_err(anyhow::Error::msg)?;

    let drafts = loaded.as_ref().map(|l| &l.drafts);
    let mut result = export::export(&letter, drafts, &settings, format);
    if let Some(loaded) = &loaded {
        result.check_fingerprints(&letter, &loaded.drafts, loaded);
    }
    let mut err = std::io::stderr().lock();
    if args.strict && !result.is_complete() {
        for warning in &result.warnings {
            let _ = writeln!(err, "warning: {}", sanitize_line(warning));
        }
        let problems = result.problems().join("; ");
        anyhow::bail!(
            "{}: not ready to file (--strict): {problems}; nothing written",
            args.letter.display()
        );
    }

    let records = export::Records::default_location();
    let when_edited = match (args.force, args.new_name) {
        (true, _) => WhenEdited::Overwrite,
        (false, true) => WhenEdited::NewName,
        (false, false) => WhenEdited::Refuse,
    };
    let saved = match export::save(&target, &result.bytes, records.as_ref(), when_edited, out) {
        Err(SaveError::Edited(edited)) => anyhow::bail!(
            "{}: edited since letterdesk wrote it; nothing written (--force overwrites it, --new-name writes beside it)",
            sanitize_line(&edited.path.display().to_string())
        ),
        other => other?,
    };
    if let Some(warning) = saved.warning {
        let _ = writeln!(err, "warning: {}", sanitize_line(&warning));
    }
    if let Some(path) = &saved.path {
        let _ = writeln!(err, "wrote {}", sanitize_line(&path.display().to_string()));
    }
    for notice in result.notices() {
        let _ = writeln!(err, "warning: {}", sanitize_line(&notice));
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
