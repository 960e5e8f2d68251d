//! `letterdesk reviews [PATH...] [--json]`: the letters under the paths grouped into
//! reviews, each with its rounds, its state and the references of its follow-ups.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::json::write_json;
use crate::letter::{Effectiveness, Extension};
use crate::review::{Review, build, read_under};
use crate::text::sanitize;

/// Arguments of `letterdesk reviews`.
#[derive(Debug, clap::Args)]
pub struct ReviewsArgs {
    /// Letter files or folders (folders are searched recursively). Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print `{"reviews": [...]}` as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `reviews`. Fails only when none of the paths exists; a file that cannot be
/// read is named on standard error and the others are grouped.
pub fn run(args: &ReviewsArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let paths = super::paths_or_here(&args.paths)?;
    let (filed, problems) = read_under(&paths);
    for problem in problems {
        eprintln!("letterdesk: warning: {}", sanitize(&problem));
    }
    let reviews = build(filed);
    if args.json {
        let json = ReviewsJson {
            reviews: reviews.iter().map(ReviewJson::of).collect(),
        };
        write_json(out, &json)?;
    } else {
        write_table(out, &reviews)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ReviewsJson<'a> {
    reviews: Vec<ReviewJson<'a>>,
}

#[derive(Serialize)]
struct ReviewJson<'a> {
    file_number: Option<&'a str>,
    company: Option<&'a str>,
    form: Option<&'a str>,
    state: &'static str,
    due: Option<&'a str>,
    letters: Vec<LetterJson<'a>>,
    references: Vec<ReferenceJson>,
}

#[derive(Serialize)]
struct LetterJson<'a> {
    path: String,
    kind: &'static str,
    date: Option<&'a str>,
    /// The path of the letter this file is a copy of, or null.
    copy_of: Option<String>,
    /// The company's request for more time (`until`: the date it names), or null.
    extension: Option<&'a Extension>,
    /// The company's request that a registration statement be declared effective
    /// (`at`: the day it names), or null.
    effectiveness: Option<&'a Effectiveness>,
}

#[derive(Serialize)]
struct Place {
    path: String,
    comment: String,
}

#[derive(Serialize)]
struct ReferenceJson {
    from: Place,
    to: Option<Place>,
    /// Why `to` is null: which letter is missing.
    missing: Option<String>,
}

impl<'a> ReviewJson<'a> {
    fn of(review: &'a Review) -> ReviewJson<'a> {
        let path = |i: usize| review.letters[i].path.display().to_string();
        ReviewJson {
            file_number: review.file_number.as_deref(),
            company: review.company.as_deref(),
            form: review.form.as_deref(),
            state: review.state.as_str(),
            due: review.due(),
            letters: review
                .letters
                .iter()
                .enumerate()
                .map(|(i, f)| LetterJson {
                    path: f.path.display().to_string(),
                    kind: f.letter.kind.as_str(),
                    date: f.letter.date.as_deref(),
                    copy_of: review.copy_of(i).map(path),
                    extension: f.letter.extension.as_ref(),
                    effectiveness: f.letter.effectiveness.as_ref(),
                })
                .collect(),
            references: originals(review)
                .map(|link| ReferenceJson {
                    from: Place {
                        path: path(link.letter),
                        comment: link.comment.clone(),
                    },
                    to: link.to.as_ref().ok().map(|t| Place {
                        path: path(t.letter),
                        comment: t.comment.clone(),
                    }),
                    missing: link.to.as_ref().err().cloned(),
                })
                .collect(),
        }
    }
}

/// The links of `review` from letters that are not copies (a copy's references are
/// its letter's).
fn originals(review: &Review) -> impl Iterator<Item = &crate::review::Link> {
    review
        .links
        .iter()
        .filter(|l| review.copy_of(l.letter).is_none())
}

/// One block per review: a line with the company, form, file number, state and due
/// date, then a line per letter (a copy says of which), then the references that
/// could not be resolved.
fn write_table(out: &mut dyn Write, reviews: &[Review]) -> std::io::Result<()> {
    for (n, review) in reviews.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let due = review
            .due()
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{} · {} · {} · {}{}",
            sanitize(review.company.as_deref().unwrap_or("(company unknown)")),
            sanitize(review.form.as_deref().unwrap_or("-")),
            sanitize(review.file_number.as_deref().unwrap_or("-")),
            review.state.label(),
            due
        )?;
        for (i, f) in review.letters.iter().enumerate() {
            let copy = review
                .copy_of(i)
                .map(|of| format!("  (a copy of {})", review.letters[of].path.display()))
                .unwrap_or_default();
            let asks = f.letter.asks().map(|asks| {
                let date = f.letter.asked_date();
                let date = date.map(|d| format!(", {} {d}", asks.date_word()));
                format!("  ({}{})", asks.label(), date.unwrap_or_default())
            });
            writeln!(
                out,
                "  {:<10}  {:<10}  {}{}{}",
                f.letter.date.as_deref().unwrap_or("-"),
                f.letter.kind.as_str(),
                sanitize(&f.path.display().to_string()),
                sanitize(&copy),
                asks.unwrap_or_default()
            )?;
        }
        let links: Vec<_> = originals(review).collect();
        let resolved = links.iter().filter(|l| l.to.is_ok()).count();
        if !links.is_empty() {
            writeln!(out, "  references: {resolved} of {} resolved", links.len())?;
        }
        for link in links {
            if let Err(missing) = &link.to {
                writeln!(
                    out,
                    "    comment {} of {}: {}",
                    sanitize(&link.comment),
                    review.letters[link.letter]
                        .letter
                        .date
                        .as_deref()
                        .unwrap_or("-"),
                    sanitize(missing)
                )?;
            }
        }
    }
    Ok(())
}
