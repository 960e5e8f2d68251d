//! `letterdesk import RESPONSE [--into LETTER] [--dry-run]`: the answers a filed
//! response letter gave, written into the drafts of the staff letter it answers, for
//! comments that have no draft yet. A draft that differs from the filed answer is
//! never overwritten: it is listed, and the exit status says so.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Exit;
use crate::drafts::{self, Drafts, TextFingerprints};
use crate::letter::Kind;
use crate::review::{Answered, Filed, answers_between, build, read_under};
use crate::text::sanitize;

/// Exit code of `import` when some drafts differ from the filed answers and were left
/// as they were (the others were written).
pub const EXIT_DRAFTS_DIFFER: u8 = 3;

/// Arguments of `letterdesk import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The company's response letter, as filed.
    pub response: PathBuf,
    /// The staff letter it answers. Default: found among the letters in the response's folder.
    #[arg(long, value_name = "LETTER")]
    pub into: Option<PathBuf>,
    /// Say what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// What became of one answer.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Written into an empty draft.
    Filled,
    /// The draft already says the same.
    Same,
    /// The draft says something else: left as it is.
    Differs,
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// Runs `import`.
pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let response = Filed::read(&args.response)?;
    if response.letter.kind != Kind::Response {
        anyhow::bail!(
            "{}: not a company response letter (read as {})",
            shown(&args.response),
            response.letter.kind.as_str()
        );
    }
    if let Some(asks) = response.letter.asks() {
        anyhow::bail!(
            "{}: not a response: the company {} and answers no comment",
            shown(&args.response),
            asks.label()
        );
    }
    let (staff, answered) = match &args.into {
        Some(letter) => {
            let staff = Filed::read(letter)?;
            let answered = answers_between(&staff, &response);
            (staff, answered)
        }
        None => answered_in_folder(&args.response)?,
    };
    let drafts_file = drafts::drafts_path(&staff.path);
    let loaded = drafts::load(&drafts_file)?;
    let numbers: Vec<String> = staff
        .letter
        .comments
        .iter()
        .map(|c| c.number.clone())
        .collect();
    let mut drafts = loaded
        .as_ref()
        .map_or_else(|| Drafts::for_comments(&numbers), |l| l.drafts.clone());
    drafts.merge_letter(&numbers);

    let mut outcomes = Vec::new();
    for answer in &answered.answers {
        let Some(text) = &answer.text else { continue };
        let current = drafts.get(&answer.comment).map(|d| d.response.as_str());
        let outcome = match current {
            Some(draft) if !draft.trim().is_empty() => {
                if same_text(draft, text) {
                    Outcome::Same
                } else {
                    Outcome::Differs
                }
            }
            _ => {
                drafts.set_response(&answer.comment, text.clone());
                Outcome::Filled
            }
        };
        outcomes.push((answer.comment.as_str(), outcome));
    }

    let filled = outcomes
        .iter()
        .filter(|(_, o)| *o == Outcome::Filled)
        .count();
    if filled > 0 && !args.dry_run {
        drafts::save_stamped(
            &drafts_file,
            &drafts,
            loaded.as_ref(),
            &TextFingerprints::of(&staff.letter),
            &[],
        )?;
    }
    report(out, args, &staff, &answered, &outcomes)?;
    let differ: Vec<&str> = outcomes
        .iter()
        .filter(|(_, o)| *o == Outcome::Differs)
        .map(|(n, _)| *n)
        .collect();
    if !differ.is_empty() {
        return Err(Exit {
            code: EXIT_DRAFTS_DIFFER,
            message: format!(
                "{}: the drafts of comment {} differ from the filed answers and were left as they are",
                shown(&drafts_file),
                sanitize(&differ.join(", "))
            ),
        }
        .into());
    }
    Ok(())
}

/// The staff letter the response answers, among the letters of its folder.
fn answered_in_folder(response: &Path) -> anyhow::Result<(Filed, Answered)> {
    let folder = match response.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (filed, _) = read_under(std::slice::from_ref(&folder));
    let wanted = std::fs::canonicalize(response).unwrap_or_else(|_| response.to_path_buf());
    let same = |p: &Path| std::fs::canonicalize(p).is_ok_and(|p| p == wanted);
    for review in build(filed) {
        let Some(r) = review.letters.iter().position(|f| same(&f.path)) else {
            continue;
        };
        // A copy of a response (its text beside its HTML) answers as the response does.
        let r = review.copy_of(r).unwrap_or(r);
        if let Some(answered) = review.answered.iter().find(|a| a.response == r) {
            let staff = review.letters[answered.letter].clone();
            let answered = Answered {
                response: 1,
                letter: 0,
                ..answered.clone()
            };
            return Ok((staff, answered));
        }
    }
    anyhow::bail!(
        "{}: no staff letter in {} that this response answers; name it with --into LETTER",
        shown(response),
        shown(&folder)
    )
}

/// Whether two texts say the same, white space aside.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn report(
    out: &mut dyn Write,
    args: &ImportArgs,
    staff: &Filed,
    answered: &Answered,
    outcomes: &[(&str, Outcome)],
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} answers {}{}",
        shown(&args.response),
        shown(&staff.path),
        if args.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    )?;
    for (number, outcome) in outcomes {
        let what = match outcome {
            Outcome::Filled if args.dry_run => "would be filled from the filed answer",
            Outcome::Filled => "filled from the filed answer",
            Outcome::Same => "already drafted with the filed answer",
            Outcome::Differs => "NOT written: the draft differs from the filed answer",
        };
        writeln!(out, "  comment {}: {what}", sanitize(number))?;
    }
    for answer in answered.answers.iter().filter(|a| a.text.is_none()) {
        writeln!(
            out,
            "  comment {}: restated, but no answer found under it",
            sanitize(&answer.comment)
        )?;
    }
    for number in &answered.unmatched {
        // An item read as a part of an answer before it (a list in it) says so.
        let part_of = answered.answers.iter().find(|a| a.parts.contains(number));
        let read_as = part_of.map_or(String::new(), |a| {
            format!(
                "; read as part of the answer to comment {}",
                sanitize(&a.comment)
            )
        });
        writeln!(
            out,
            "  restated comment {}: matches no comment of the staff letter{read_as}",
            sanitize(number)
        )?;
    }
    Ok(())
}
