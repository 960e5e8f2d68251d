//! `letterdesk status [PATH...] [--json]`: a summary of letters and their drafts, for
//! scripts. A letter or drafts file that cannot be read is reported in its row; the
//! rest are still listed.

use std::io::Write;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::config::{Config, Limits};
use crate::index::{self, LetterSummary};
use crate::text::sanitize_line;

/// Arguments of `letterdesk status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Letter files or folders (folders are searched recursively). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print `{"letters": [...]}` as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Read the `[limits]` settings from this config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Runs `status`: a table (or JSON) of every letter under the paths. Fails only when
/// none of the paths exists; problems with single files are part of the output.
pub fn run(args: &StatusArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let paths = super::paths_or_here(&args.paths)?;
    let limits = load_limits(args.config.as_deref());
    let max = limits.max_letter_bytes;
    let (folders, lone) = if args.json {
        // Each block of letters is made into JSON by the thread that summed it up, and
        // only the letters' folders are kept.
        let mut list = super::json::ListWriter::start(out, "letters")?;
        let (mut written, mut folders) = (Ok(()), Vec::new());
        let lone = index::index_under_then(&paths, 0, max, &json_items, |block, part| {
            if written.is_ok() {
                written = list.items(&part);
            }
            let listed = block.iter().filter(|s| s.is_listed());
            push_folders(&mut folders, listed.map(|s| s.path.as_path()));
        });
        written?;
        list.finish()?;
        (folders, lone)
    } else {
        let indexed = index::index_under(&paths, 0, max);
        write_table(out, &indexed.letters)?;
        let mut folders = Vec::new();
        push_folders(
            &mut folders,
            indexed.letters.iter().map(|s| s.path.as_path()),
        );
        (folders, indexed.lone_drafts)
    };
    for lone in lone_drafts(&paths, &folders, &lone) {
        eprintln!(
            "letterdesk: warning: {}: drafts whose letter is gone (renamed? opening the \
             renamed letter in the workspace offers to re-attach them)",
            sanitize_line(&lone.display().to_string())
        );
    }
    Ok(())
}

/// Appends the folder of each of the letters at `paths` to `folders`, unless it is the
/// last one there: letters of one folder follow one another (and comparing paths as sets
/// do, part by part, costs more than the bytes).
fn push_folders<'a>(folders: &mut Vec<PathBuf>, paths: impl Iterator<Item = &'a Path>) {
    for folder in paths.filter_map(Path::parent) {
        if folders
            .last()
            .is_none_or(|last| last.as_os_str() != folder.as_os_str())
        {
            folders.push(folder.to_owned());
        }
    }
}

/// The drafts files whose letter is gone, in the folders given and the `folders` of the
/// letters listed; a folder the walk listed (in `walked`) is not listed again.
fn lone_drafts(
    paths: &[PathBuf],
    folders: &[PathBuf],
    walked: &std::collections::BTreeMap<PathBuf, Vec<PathBuf>>,
) -> Vec<PathBuf> {
    // Borrowed: 10,000 letters in one folder make one entry, not 10,000 copies.
    let folders: std::collections::BTreeSet<&Path> = paths
        .iter()
        .filter(|p| p.is_dir())
        .chain(folders)
        .map(|f| {
            if f.as_os_str().is_empty() {
                Path::new(".")
            } else {
                f.as_path()
            }
        })
        .collect();
    folders
        .iter()
        .flat_map(|f| match walked.get(*f) {
            Some(lone) => lone.clone(),
            None => crate::drafts::lone_drafts_files(f),
        })
        .collect()
}

/// The `[limits]` of `--config`, else of the user's config file, else the built-in
/// ones, as the workspace reads them (so both list the same letters as too large). A
/// config file that cannot be used is named on standard error and the built-in limits
/// apply, as in the workspace.
pub(super) fn load_limits(config: Option<&Path>) -> Limits {
    let (limits, problem) = Config::load_limits(crate::config::config_file(config).as_deref());
    if let Some(problem) = problem {
        eprintln!("letterdesk: warning: {}", sanitize_line(&problem));
    }
    limits
}

/// The JSON text of the listed letters of `block`, as items of the `letters` list, each
/// after its separator (`,\n    {…}`), hidden characters escaped: what [`ListWriter`]
/// joins.
///
/// [`ListWriter`]: super::json::ListWriter
fn json_items(block: &[LetterSummary]) -> Vec<u8> {
    let mut text = Vec::with_capacity(block.len() * 512);
    for summary in block.iter().filter(|s| s.is_listed()) {
        super::status_rows::write_row(&mut text, summary);
    }
    super::json::escape_hidden(text)
}

/// Writes `{"letters": [...]}`, pretty-printed, and a newline.
#[cfg(test)]
fn write_json(out: &mut dyn Write, letters: &[LetterSummary]) -> std::io::Result<()> {
    write_parts(out, &[json_items(letters)])
}

/// Writes `{"letters": [...]}` of the items in `parts` ([`json_items`]).
#[cfg(test)]
fn write_parts(out: &mut dyn Write, parts: &[Vec<u8>]) -> std::io::Result<()> {
    let mut list = super::json::ListWriter::start(out, "letters")?;
    for part in parts {
        list.items(part)?;
    }
    list.finish()
}

/// The table's headings; the numeric columns are right-aligned.
const HEADINGS: [&str; 8] = [
    "FILE", "COMPANY", "DATE", "DUE", "COMMENTS", "DRAFTED", "RESOLVED", "PROBLEM",
];
/// Which columns hold numbers.
const NUMERIC: [bool; 8] = [false, false, false, false, true, true, true, false];

/// Writes one aligned row per letter under a heading row; a missing value is `-`.
fn write_table(out: &mut dyn Write, letters: &[LetterSummary]) -> std::io::Result<()> {
    let or_dash = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "-".to_owned(), |t| sanitize_line(t).into_owned())
    };
    let mut rows: Vec<[String; 8]> = vec![HEADINGS.map(str::to_owned)];
    rows.extend(letters.iter().map(|s| {
        [
            sanitize_line(&file_cell(s)).into_owned(),
            or_dash(&s.company),
            or_dash(&s.date),
            or_dash(&s.response_due),
            s.comments.to_string(),
            s.drafted.to_string(),
            s.resolved.to_string(),
            s.problem
                .as_deref()
                .map(|p| sanitize_line(p).into_owned())
                .unwrap_or_default(),
        ]
    }));
    let mut widths = [0; 8];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.width());
            if i == row.len() - 1 {
                line.push_str(cell);
            } else if NUMERIC[i] {
                line.push_str(&format!("{pad}{cell}  "));
            } else {
                line.push_str(&format!("{cell}{pad}  "));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The letter file read, and the files of its name that are not:
/// `a.txt (read; not a.pdf)`.
fn file_cell(summary: &LetterSummary) -> String {
    let path = summary.path.display().to_string();
    if summary.also.is_empty() {
        return path;
    }
    let names: Vec<String> = summary
        .also
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    format!("{path} (read; not {})", names.join(", "))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use serde::Serialize;

    use super::*;

    /// One letter as scripts see it: the shape the rows written field by field must have.
    #[derive(Serialize)]
    struct SummaryJson<'a> {
        path: Cow<'a, str>,
        file: &'a str,
        kind: &'static str,
        company: Option<&'a str>,
        date: Option<&'a str>,
        form: Option<&'a str>,
        response_due: Option<&'a str>,
        comments: usize,
        drafted: usize,
        resolved: usize,
        problem: Option<&'a str>,
        /// Files of the same name not read: the one in `path` is preferred.
        not_read: Vec<Cow<'a, str>>,
        /// Who answers which comment (`owner = "…"` in the drafts file), in comment order.
        owners: Vec<OwnerJson<'a>>,
    }

    /// A comment's owner, as scripts see it.
    #[derive(Serialize)]
    struct OwnerJson<'a> {
        comment: &'a str,
        owner: &'a str,
    }

    impl<'a> SummaryJson<'a> {
        fn of(s: &'a LetterSummary) -> SummaryJson<'a> {
            SummaryJson {
                path: s.path.to_string_lossy(),
                file: &s.file,
                kind: s.kind.as_str(),
                company: s.company.as_deref(),
                date: s.date.as_deref(),
                form: s.form.as_deref(),
                response_due: s.response_due.as_deref(),
                comments: s.comments,
                drafted: s.drafted,
                resolved: s.resolved,
                problem: s.problem.as_deref(),
                not_read: s.also.iter().map(|p| p.to_string_lossy()).collect(),
                owners: s
                    .owners
                    .iter()
                    .map(|(comment, owner)| OwnerJson { comment, owner })
                    .collect(),
            }
        }
    }

    fn summary(path: &str, problem: Option<&str>) -> LetterSummary {
        LetterSummary {
            path: PathBuf::from(path),
            file: path.to_owned(),
            company: Some("Acme\u{1b}[31m Co".into()),
            date: Some("2025-01-02".into()),
            comments: 12,
            drafted: 3,
            problem: problem.map(str::to_owned),
            ..LetterSummary::default()
        }
    }

    #[test]
    fn table_is_aligned_and_clean() {
        let mut out = Vec::new();
        write_table(
            &mut out,
            &[summary("a.txt", None), summary("bb.txt", Some("bad\nfile"))],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "FILE    COMPANY       DATE        DUE  COMMENTS  DRAFTED  RESOLVED  PROBLEM",
                "a.txt   Acme␛[31m Co  2025-01-02  -          12        3         0",
                "bb.txt  Acme␛[31m Co  2025-01-02  -          12        3         0  bad␤file",
            ]
        );
    }

    #[test]
    fn the_file_read_is_named_when_others_share_its_name() {
        let mut out = Vec::new();
        let both = LetterSummary {
            also: vec![PathBuf::from("d/a.pdf"), PathBuf::from("d/a.htm")],
            ..summary("d/a.txt", None)
        };
        write_table(&mut out, std::slice::from_ref(&both)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with("d/a.txt (read; not a.pdf, a.htm)  Acme"),
            "{text}"
        );
        let mut out = Vec::new();
        write_json(&mut out, &[both]).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["letters"][0]["path"], "d/a.txt");
        assert_eq!(
            v["letters"][0]["not_read"],
            serde_json::json!(["d/a.pdf", "d/a.htm"])
        );
    }

    #[test]
    fn json_in_blocks_is_the_json_of_the_whole_list() {
        #[derive(Serialize)]
        struct All<'a> {
            letters: Vec<SummaryJson<'a>>,
        }
        let mut odd = summary("d/é\u{202e}.txt", Some("line\u{2028}two"));
        odd.owners = vec![
            ("1".into(), "Jo \u{1b}Lee".into()),
            ("2(a)".into(), "Ann \"A\" Lee".into()),
            ("3".into(), "Pat O\\Neil".into()),
        ];
        odd.also = vec![
            PathBuf::from("d/é\u{202e}.pdf"),
            PathBuf::from("d/\"q\".htm"),
        ];
        odd.form = Some("10-K\tA".into());
        odd.response_due = Some("2025-01-16".into());
        odd.resolved = 1_234_567_890;
        let unlisted = LetterSummary {
            path: PathBuf::from("README.md"),
            ..LetterSummary::default()
        };
        let letters = [summary("a.txt", None), odd, summary("c.md", None)];
        for cut in [vec![], vec![1], vec![0, 1, 3], vec![2, 3]] {
            let mut whole = Vec::new();
            let listed: Vec<_> = cut.iter().map(|&i| &letters[i.min(2)]).collect();
            let all = All {
                letters: listed.iter().map(|s| SummaryJson::of(s)).collect(),
            };
            crate::cli::json::write_json(&mut whole, &all).unwrap();
            let parts: Vec<Vec<u8>> = listed
                .iter()
                .flat_map(|s| {
                    let unlisted = json_items(std::slice::from_ref(&unlisted));
                    [unlisted, json_items(std::slice::from_ref(*s))]
                })
                .collect();
            let mut joined = Vec::new();
            write_parts(&mut joined, &parts).unwrap();
            assert_eq!(
                String::from_utf8(joined).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }

    #[test]
    fn json_is_a_letters_object() {
        let mut out = Vec::new();
        write_json(&mut out, &[summary("a.txt", Some("x"))]).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let row = &v["letters"][0];
        assert_eq!(row["file"], "a.txt");
        assert_eq!(row["kind"], "unknown");
        assert_eq!(row["response_due"], serde_json::Value::Null);
        assert_eq!(row["problem"], "x");
        assert_eq!(row["not_read"], serde_json::json!([]));
        assert_eq!(row["owners"], serde_json::json!([]));
        assert_eq!(row.as_object().unwrap().len(), 13);
    }
}
