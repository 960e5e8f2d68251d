//! `letterdesk similar LETTER COMMENT [--in PATH...] [-n 10] [--json]`: the staff
//! comments of other letters most like one comment of LETTER, with the answers given.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::json::write_json;
use crate::precedent::{Hit, Library, Probe, default_folder, gist};
use crate::text::{sanitize, sanitize_line};

/// Arguments of `letterdesk similar`.
#[derive(Debug, clap::Args)]
pub struct SimilarArgs {
    /// The letter the comment is in.
    pub letter: PathBuf,
    /// The comment's number, as printed ("3", "12(a)").
    pub comment: String,
    /// Folders of letters and responses to search (folders are searched recursively),
    /// besides the config's `[precedent]` libraries. Default: the letter's folder.
    #[arg(long = "in", value_name = "PATH", num_args = 1..)]
    pub paths: Vec<PathBuf>,
    /// How many comments to list.
    #[arg(short = 'n', default_value_t = 10)]
    pub count: usize,
    /// Print a JSON array instead of a list.
    #[arg(long)]
    pub json: bool,
    /// Read the `[precedent]` libraries from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// One hit as scripts see it.
#[derive(Serialize)]
struct HitJson<'a> {
    path: String,
    company: &'a str,
    date: &'a str,
    form: &'a str,
    comment: &'a str,
    heading: &'a str,
    score: f32,
    text: &'a str,
    answer: Option<&'a str>,
    response: Option<String>,
    count: u64,
}

impl<'a> HitJson<'a> {
    fn of(hit: &'a Hit) -> HitJson<'a> {
        HitJson {
            path: hit.path.display().to_string(),
            company: &hit.company,
            date: &hit.date,
            form: &hit.form,
            comment: &hit.comment,
            heading: &hit.heading,
            score: hit.score,
            text: &hit.text,
            answer: hit.answer.as_deref(),
            response: hit.response.as_ref().map(|p| p.display().to_string()),
            count: hit.count,
        }
    }
}

/// Runs `similar`: brings the precedent index up to date with the paths (unless
/// another letterdesk is writing it) and lists the comments most like the one named.
pub fn run(args: &SimilarArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let letter = crate::letter::parse_file(&args.letter)?;
    let Some(comment) = letter.comments.iter().find(|c| c.number == args.comment) else {
        anyhow::bail!(
            "{}: no comment {} (its comments: {})",
            sanitize_line(&args.letter.display().to_string()),
            sanitize_line(&args.comment),
            letter
                .comments
                .iter()
                .map(|c| c.number.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    let config = super::config_or_warn(args.config.as_deref());
    let mut roots = if args.paths.is_empty() {
        vec![folder_of(&args.letter)]
    } else {
        args.paths.clone()
    };
    roots.extend(config.precedent.libraries);
    let Some(dir) = default_folder() else {
        anyhow::bail!(
            "no cache folder for the precedent index (neither XDG_CACHE_HOME nor HOME is set)"
        );
    };
    let mut library = Library::open(&dir).map_err(anyhow::Error::msg)?;
    if library.is_writer() {
        library.update(&roots).map_err(anyhow::Error::msg)?;
    } else {
        eprintln!(
            "letterdesk: warning: another letterdesk is writing the precedent index; \
             searching what it has written so far"
        );
    }
    let probe = Probe {
        text: &comment.text,
        heading: comment.headings.last().map(String::as_str),
        path: Some(&args.letter),
        company: letter.company.as_deref(),
    };
    let found = library
        .similar(probe, args.count)
        .map_err(anyhow::Error::msg)?;
    if args.json {
        let hits: Vec<HitJson> = found.hits.iter().map(HitJson::of).collect();
        write_json(out, &hits)?;
    } else {
        write_list(out, &found.hits)?;
    }
    Ok(())
}

/// The folder a letter is in ("." for a bare file name).
fn folder_of(letter: &Path) -> PathBuf {
    match letter.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The hits as a list a person reads: who, when, where, the comment's first line and
/// the answer's (after the courtesy it may open with, [`gist`]).
fn write_list(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    if hits.is_empty() {
        writeln!(out, "no similar comments")?;
    }
    for (i, hit) in hits.iter().enumerate() {
        let first = |text: &str| {
            let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            sanitize_line(line).chars().take(100).collect::<String>()
        };
        let seen = match hit.count {
            0 | 1 => String::new(),
            n => format!(" (in {n} letters)"),
        };
        writeln!(
            out,
            "{}. {} {} {}, comment {}{seen}: {}",
            i + 1,
            sanitize_line(&hit.company),
            hit.date,
            sanitize_line(&hit.form),
            sanitize_line(&hit.comment),
            sanitize(&hit.path.display().to_string())
        )?;
        if !hit.heading.is_empty() {
            writeln!(out, "   {}", sanitize_line(&hit.heading))?;
        }
        writeln!(out, "   {}", first(&hit.text))?;
        match &hit.answer {
            Some(answer) => writeln!(out, "   answer: {}", first(&gist(answer)))?,
            None => writeln!(out, "   answer: (no response in the folders searched)")?,
        }
    }
    Ok(())
}
