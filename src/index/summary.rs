//! One letter's summary: what a list row or a `status` line needs.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::cached::{At, read_brief_at};
use super::found::Found;
use super::progress::{Progress, progress_if_listed};
use crate::cache::Stamp;
use crate::letter::{self, Kind};

/// A letter and the state of its drafts, in brief.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LetterSummary {
    /// The letter file, as found.
    pub path: PathBuf,
    /// The file name (the last part of `path`).
    pub file: String,
    /// What sort of letter it is.
    pub kind: Kind,
    /// The company the letter concerns.
    pub company: Option<String>,
    /// The letter's date, ISO (YYYY-MM-DD).
    pub date: Option<String>,
    /// The form reviewed, e.g. "10-K".
    pub form: Option<String>,
    /// When the response is due, ISO, if the letter sets a deadline.
    pub response_due: Option<String>,
    /// How many numbered comments the letter has.
    pub comments: usize,
    /// How many of them have a drafted (not yet resolved) response.
    pub drafted: usize,
    /// How many of them are resolved.
    pub resolved: usize,
    /// Who answers which comment (`owner = "…"` in the drafts file), as `(comment,
    /// owner)`.
    pub owners: Vec<(String, String)>,
    /// Why the letter or its drafts file could not be read, if so (the message names
    /// the file, and the line where there is one).
    pub problem: Option<String>,
    /// Other files of the same name beside it, not read because this one is preferred
    /// (`NAME.pdf` beside the `NAME.txt` read; see [`Found::also`]).
    pub also: Vec<PathBuf>,
}

impl LetterSummary {
    /// The summary of what a folder search found ([`Found`]): the letter summed up
    /// with [`summarize`], or the problem the search met.
    pub fn of_found(found: &Found, max_letter_bytes: u64) -> LetterSummary {
        LetterSummary::of_found_at(found, found.stamp, None, &mut Vec::new(), max_letter_bytes)
    }

    /// [`LetterSummary::of_found`] of a letter stamped `stamp` (`None`: looked at when
    /// the cache wants it), opened in its folder when `at` says where (see
    /// [`read_brief_at`](super::cached::read_brief_at), which reads into `buffer`).
    pub(super) fn of_found_at(
        found: &Found,
        stamp: Option<Stamp>,
        at: At,
        buffer: &mut Vec<u8>,
        max_letter_bytes: u64,
    ) -> LetterSummary {
        let summary = match &found.problem {
            Some(problem) => LetterSummary::unreadable(&found.path, problem),
            None => summarize_listed(found, stamp, (at, buffer), max_letter_bytes),
        };
        LetterSummary {
            also: found.also.clone(),
            ..summary
        }
    }

    /// [`LetterSummary::of_found`] when no file need be read: the letter is stamped
    /// `stamp` and the cache keeps its brief as stamped, and its drafts file's counts as
    /// it is now (or it has none). `None`: the letter or its drafts file must be read.
    pub(super) fn cached_as(
        found: &Found,
        stamp: &Stamp,
        max_letter_bytes: u64,
    ) -> Option<LetterSummary> {
        if found.problem.is_some() {
            return None;
        }
        // The comment numbers are needed only to look up the drafts file's counts.
        let (brief, count) =
            super::cached_brief_counted(&found.path, stamp, max_letter_bytes, found.drafts)?;
        let progress = super::cached_progress(&found.path, &brief.numbers, found.drafts)?;
        Some(LetterSummary {
            also: found.also.clone(),
            comments: count,
            ..LetterSummary::of_brief(&found.path, brief, progress)
        })
    }

    /// The summary of the letter at `path` from its brief and its drafts' progress.
    fn of_brief(path: &Path, brief: letter::Brief, progress: Progress) -> LetterSummary {
        LetterSummary {
            kind: brief.kind,
            company: brief.company,
            date: brief.date,
            form: brief.form,
            response_due: brief.response_due,
            comments: brief.numbers.len(),
            drafted: progress.drafted,
            resolved: progress.resolved,
            owners: progress.owners,
            problem: progress.problem,
            ..LetterSummary::of_path(path)
        }
    }

    /// A file (or folder) that cannot be read, and why.
    fn unreadable(path: &Path, problem: &str) -> LetterSummary {
        LetterSummary {
            problem: Some(format!("{}: {problem}", path.display())),
            ..LetterSummary::of_path(path)
        }
    }

    /// A summary with only the path and file name filled in.
    fn of_path(path: &Path) -> LetterSummary {
        LetterSummary {
            path: path.to_owned(),
            file: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            ..LetterSummary::default()
        }
    }

    /// Whether the file belongs in a list of letters: a `.md` file that does not look
    /// like a letter (a folder's README) is left out; unreadable files and `.txt`
    /// files are always listed, the latter as "no comments found" when empty.
    pub fn is_listed(&self) -> bool {
        self.problem.is_some()
            || letter::listed_when_not_a_letter(&self.path)
            || letter::looks_like_a_letter(
                self.kind,
                self.comments,
                self.date.is_some(),
                self.company.is_some(),
            )
    }
}

/// Reads the letter at `path` (unless it is larger than `max_letter_bytes`) and its
/// drafts file (`NAME.responses.toml`) and sums them up. Never fails: a letter or drafts
/// file that cannot be read is described in [`LetterSummary::problem`] and the rest is
/// filled in as far as it goes. The counts cover the letter's comments only (drafts of
/// comments the letter no longer has are not counted).
pub fn summarize(path: &Path, max_letter_bytes: u64) -> LetterSummary {
    let found = Found {
        path: path.to_owned(),
        problem: None,
        also: Vec::new(),
        drafts: true,
        stamp: None,
    };
    LetterSummary::of_found(&found, max_letter_bytes)
}

/// [`summarize`], told by a folder search whether the letter may have a drafts file
/// (see [`progress_if_listed`]), its stamp ([`Found::stamp`]) and where it lies.
fn summarize_listed(
    found: &Found,
    stamp: Option<Stamp>,
    (at, buffer): (At, &mut Vec<u8>),
    max_letter_bytes: u64,
) -> LetterSummary {
    let path = &found.path;
    let brief = match read_brief_at(path, max_letter_bytes, stamp, at, buffer) {
        Ok(brief) => brief,
        Err(problem) => return LetterSummary::unreadable(path, &problem),
    };
    let progress = progress_if_listed(path, &brief.numbers, found.drafts);
    LetterSummary::of_brief(path, brief, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts;
    use crate::index::DEFAULT_MAX_LETTER_BYTES;

    const LETTER: &str = "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\nFenwick Orchards, Inc.\n1 Orchard Way\n\nRe: Fenwick Orchards, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\nFile No. 001-55555\n\nDear Ms. Fenwick:\n\nWe have reviewed your filing and have the following comments.\n\nPlease respond to this letter within ten business days.\n\n1. Please explain the growth.\n\n2. Please tell us about the orchards.\n\nSincerely,\n\nDivision of Corporation Finance\n";

    #[test]
    fn summarizes_letter_and_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.txt");
        std::fs::write(&path, LETTER).unwrap();
        let mut d = drafts::Drafts::for_comments(&["1".into(), "2".into(), "9".into()]);
        d.set_response("1", "x");
        d.toggle_resolved("2");
        d.toggle_resolved("9");
        drafts::save(&drafts::drafts_path(&path), &d, None).unwrap();
        let s = summarize(&path, DEFAULT_MAX_LETTER_BYTES);
        assert_eq!(s.file, "l.txt");
        assert_eq!(s.kind, Kind::Comments);
        assert_eq!(s.company.as_deref(), Some("Fenwick Orchards, Inc."));
        assert_eq!(s.date.as_deref(), Some("2025-03-03"));
        assert_eq!(s.form.as_deref(), Some("10-K"));
        assert_eq!(s.response_due.as_deref(), Some("2025-03-17"));
        assert_eq!((s.comments, s.drafted, s.resolved), (2, 1, 1));
        assert_eq!(s.problem, None);
    }

    #[test]
    fn problems_are_reported_not_raised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.txt");
        std::fs::write(&path, LETTER).unwrap();
        std::fs::write(
            drafts::drafts_path(&path),
            "<<<<<<< ours\n[comments.\"1\"]\n=======\n>>>>>>> theirs\n",
        )
        .unwrap();
        let s = summarize(&path, DEFAULT_MAX_LETTER_BYTES);
        assert_eq!(s.comments, 2);
        let problem = s.problem.unwrap();
        assert!(
            problem.ends_with("l.responses.toml:1: unresolved git conflict marker"),
            "{problem}"
        );

        let missing = summarize(&dir.path().join("gone.txt"), DEFAULT_MAX_LETTER_BYTES);
        assert!(missing.problem.unwrap().contains("gone.txt"));
    }
}
