//! `letterdesk __save-loop FILE` (hidden): saves a drafts file over and over, for the
//! test that kills the binary in the middle of saves. Each save holds one complete
//! version: every response carries the same version number. With `--journal`, it also
//! journals typing as the workspace does: part of the next version's first response
//! is journalled before that version is saved, and the save clears the journal.

use std::io::Write;
use std::path::PathBuf;

use crate::drafts::{self, Drafts};
use crate::journal::Journal;

/// Arguments of the hidden `__save-loop` subcommand.
#[derive(Debug, clap::Args)]
pub struct SaveLoopArgs {
    /// The drafts file to save again and again.
    pub file: PathBuf,
    /// A crash journal folder to journal typing into.
    #[arg(long, requires = "letter")]
    pub journal: Option<PathBuf>,
    /// The letter the drafts file belongs to (names the journal's entries).
    #[arg(long)]
    pub letter: Option<PathBuf>,
}

/// How many comments each saved version has.
pub const COMMENTS: usize = 50;

/// The drafts of `version`: [`COMMENTS`] comments whose responses start with
/// `Version N.` and run to about 2 KB each.
pub fn drafts_for_version(version: u64) -> Drafts {
    let numbers: Vec<String> = (1..=COMMENTS).map(|n| n.to_string()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    for number in &numbers {
        let mut text = format!("Version {version}. Response to comment {number}.\n");
        while text.len() < 2000 {
            text.push_str(&format!(
                "We will revise the disclosure in future filings (version {version}).\n"
            ));
        }
        drafts.set_response(number, text);
    }
    drafts
}

/// The version `drafts` is a complete copy of, if it is exactly
/// [`drafts_for_version`] of some version.
pub fn version_of(drafts: &Drafts) -> Option<u64> {
    let version = version_in(&drafts.comments.first()?.response)?;
    (*drafts == drafts_for_version(version)).then_some(version)
}

/// The version a response (or part of one) belongs to: the `N` of `Version N.`.
pub fn version_in(response: &str) -> Option<u64> {
    let rest = response.strip_prefix("Version ")?;
    rest.split('.').next()?.parse().ok()
}

/// Saves version after version to the file (starting after the version the file
/// holds, if any), printing each version number once it is saved. Runs until killed
/// or a save fails.
pub fn run(args: &SaveLoopArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let journal = args
        .journal
        .clone()
        .map(Journal::open_session)
        .transpose()?;
    let mut previous = drafts::load(&args.file)?;
    let mut version = previous
        .as_ref()
        .and_then(|l| version_in(&l.drafts.comments.first()?.response))
        .unwrap_or(0);
    loop {
        version += 1;
        let next = drafts_for_version(version);
        if let (Some(journal), Some(letter)) = (&journal, &args.letter) {
            let first = &next.comments[0];
            let typed = &first.response[..first.response.len() / 2];
            let saved = previous
                .as_ref()
                .and_then(|l| l.drafts.get(&first.number))
                .map_or("", |d| d.response.as_str());
            journal.record_over(letter, &first.number, typed, Some(saved))?;
        }
        let saved = drafts::save_loaded(&args.file, &next, previous.as_ref())?;
        if let (Some(journal), Some(letter)) = (&journal, &args.letter) {
            journal.clear_saved(letter, &saved.drafts)?;
        }
        previous = Some(saved);
        writeln!(out, "{version}")?;
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_recognized_exactly() {
        let d = drafts_for_version(7);
        assert_eq!(d.comments.len(), COMMENTS);
        assert!(d.comments.iter().all(|c| c.response.len() >= 2000));
        assert_eq!(version_of(&d), Some(7));
        let mut torn = d.clone();
        torn.comments[COMMENTS - 1] = drafts_for_version(6).comments[COMMENTS - 1].clone();
        assert_eq!(version_of(&torn), None);
        assert_eq!(version_of(&Drafts::default()), None);
        assert_eq!(version_in("Version 12. Resp"), Some(12));
        assert_eq!(version_in("Versi"), None);
    }
}
