//! Drafts files left behind by a renamed letter: `mv letter.txt renamed.txt` leaves
//! `letter.responses.toml` with no letter beside it, and `renamed.txt` with no drafts.
//! The text fingerprints saved with each comment ([`FINGERPRINT_KEY`](super::FINGERPRINT_KEY))
//! tell which letter such a file belongs to; [`reattach`] gives it the letter's new
//! name. (A `git mv` of both files needs none of this: the names still match.)

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::store::load;
use super::text_fingerprint::{TextFingerprints, stored_fingerprints};
use crate::disk::Node;

/// The end of every drafts file's name.
pub const SUFFIX: &str = ".responses.toml";

/// A drafts file whose letter is gone, found to belong to a letter without drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The drafts file whose letter is gone.
    pub drafts: PathBuf,
    /// How many of its comments carry the text of the letter's comment of that number.
    pub matched: usize,
    /// How many of its comments carry a text fingerprint at all.
    pub stamped: usize,
}

/// The drafts files in `folder` whose letter is gone: `NAME.responses.toml` with no
/// file `NAME.EXT` beside it that a letter source reads (any case), in name order.
/// Hidden files are left out; a folder that cannot be read has none.
pub fn lone_drafts_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let names: Vec<OsString> = entries.flatten().map(|e| e.file_name()).collect();
    lone_drafts_among(folder, names.iter().map(OsString::as_os_str))
}

/// [`lone_drafts_files`] of a folder listed already: `names` are its entries' names.
pub fn lone_drafts_among<'a>(
    folder: &Path,
    names: impl Iterator<Item = &'a OsStr> + Clone,
) -> Vec<PathBuf> {
    let names = names.map(OsStr::to_string_lossy);
    if !names.clone().any(|n| n.ends_with(SUFFIX)) {
        return Vec::new();
    }
    let letters: HashSet<String> = names
        .clone()
        .filter(|n| crate::letter::source::is_source_name(n))
        .filter_map(|n| {
            Some(
                Path::new(n.as_ref())
                    .file_stem()?
                    .to_string_lossy()
                    .to_lowercase(),
            )
        })
        .collect();
    let mut lone: Vec<PathBuf> = names
        .filter(|n| !n.starts_with('.'))
        .filter(|n| {
            n.strip_suffix(SUFFIX)
                .is_some_and(|stem| !stem.is_empty() && !letters.contains(&stem.to_lowercase()))
        })
        .map(|n| folder.join(n.as_ref()))
        .collect();
    lone.sort();
    lone
}

/// The drafts file in the folder of `drafts` (a letter's drafts file, which does not
/// exist) that belongs to that letter: of the folder's [`lone_drafts_files`], the one
/// with the most comments whose saved text fingerprint is the letter's text of that
/// comment, when that is more than half of its fingerprinted comments. Files that
/// cannot be read, or hold no fingerprints, are passed over.
pub fn find_renamed(drafts: &Path, letter: &TextFingerprints) -> Option<Renamed> {
    let folder = drafts.parent()?;
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    lone_drafts_files(folder)
        .into_iter()
        .filter(|candidate| candidate.file_name() != drafts.file_name())
        .filter_map(|candidate| {
            let loaded = load(&candidate).ok()??;
            let stored = stored_fingerprints(&loaded);
            let matched = letter
                .iter()
                .filter(|(number, now)| stored.get(*number) == Some(*now))
                .count();
            (matched > 0 && matched * 2 > stored.len()).then_some(Renamed {
                drafts: candidate,
                matched,
                stamped: stored.len(),
            })
        })
        .max_by_key(|r| (r.matched, std::cmp::Reverse(r.drafts.clone())))
}

/// Gives the drafts file `from` the name `to` (a renamed letter's drafts file). Never
/// replaces a file at `to`, and moves only a regular file: a symbolic link or anything
/// else at `from` is refused, as is anything at `to`.
pub fn reattach(from: &Path, to: &Path) -> io::Result<()> {
    match Node::at(from)? {
        Node::Regular => {}
        Node::Missing => return Err(io::Error::new(io::ErrorKind::NotFound, "it is gone")),
        Node::Symlink(target) => {
            return Err(io::Error::other(format!(
                "not moved: it is a symbolic link to {}",
                target.display()
            )));
        }
        Node::Folder => return Err(io::Error::other("not moved: it is a folder")),
        Node::Special(what) => return Err(io::Error::other(format!("not moved: it is {what}"))),
    }
    if Node::at(to)? != Node::Missing {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("not moved: {} exists", to.display()),
        ));
    }
    // A hard link fails if `to` appeared meanwhile: nothing is ever replaced.
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("not moved: {} exists", to.display()),
        )),
        // A file system without hard links: the check above is the guard.
        Err(_) => fs::rename(from, to),
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::Drafts;
    use super::super::text_fingerprint::save_stamped;
    use super::*;

    const LETTER: &str =
        "Re: Example Corp\n\n1. Please revise the revenue note.\n\n2. Please file the exhibit.\n";

    fn parsed(text: &str, name: &str) -> crate::letter::Letter {
        crate::letter::parse_bytes(name, text.as_bytes()).unwrap()
    }

    fn saved_drafts(dir: &Path, letter_name: &str, text: &str) -> PathBuf {
        let letter = parsed(text, letter_name);
        let path = dir.join(letter_name.replace(".txt", SUFFIX));
        let mut drafts = Drafts::for_comments(&["1".to_owned(), "2".to_owned()]);
        drafts.set_response("1", "We revised it.");
        save_stamped(&path, &drafts, None, &TextFingerprints::of(&letter), &[]).unwrap();
        path
    }

    #[test]
    fn a_drafts_file_is_lone_only_when_no_letter_of_its_name_is_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "kept.pdf",
            "kept.responses.toml",
            "Upper.TXT",
            "upper.responses.toml",
            "gone.responses.toml",
            ".hidden.responses.toml",
            "notes.toml",
        ] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        assert_eq!(
            lone_drafts_files(dir.path()),
            vec![dir.path().join("gone.responses.toml")]
        );
    }

    #[test]
    fn the_drafts_of_a_renamed_letter_are_found_by_their_comments_text() {
        let dir = tempfile::tempdir().unwrap();
        let old = saved_drafts(dir.path(), "letter.txt", LETTER);
        let letter = parsed(LETTER, "renamed.txt");
        let wanted = dir.path().join("renamed.responses.toml");
        let found = find_renamed(&wanted, &TextFingerprints::of(&letter)).unwrap();
        assert_eq!(
            found,
            Renamed {
                drafts: old.clone(),
                matched: 2,
                stamped: 2
            }
        );
        // Another letter's text matches nothing.
        let other = parsed("1. A different comment.\n\n2. And another.\n", "x.txt");
        assert_eq!(find_renamed(&wanted, &TextFingerprints::of(&other)), None);
        // Once the old letter is back, its drafts file is not lone any more.
        fs::write(dir.path().join("letter.txt"), LETTER).unwrap();
        assert_eq!(find_renamed(&wanted, &TextFingerprints::of(&letter)), None);
    }

    #[test]
    fn reattach_renames_but_never_replaces_or_moves_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("a.responses.toml");
        let to = dir.path().join("b.responses.toml");
        fs::write(&from, "x = 1\n").unwrap();
        fs::write(&to, "mine\n").unwrap();
        let refused = reattach(&from, &to).unwrap_err();
        assert!(refused.to_string().contains("exists"), "{refused}");
        assert_eq!(fs::read_to_string(&to).unwrap(), "mine\n");
        fs::remove_file(&to).unwrap();
        reattach(&from, &to).unwrap();
        assert_eq!(fs::read_to_string(&to).unwrap(), "x = 1\n");
        assert!(!from.exists());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&to, &from).unwrap();
            let c = dir.path().join("c.responses.toml");
            assert!(reattach(&from, &c).is_err());
            assert!(!c.exists());
        }
    }
}
