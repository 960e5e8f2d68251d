//! Which files of a folder are letters, and of several files of one name (`NAME.pdf`,
//! `NAME.txt`) which one is read.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};

/// The other files of the same name beside the letter file at `path` that a folder
/// search passes over because `path` is preferred (see
/// [`Found::also`](super::Found::also)): `NAME.pdf` for `NAME.txt`. Empty when there
/// are none or the folder cannot be listed.
pub fn passed_over(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let listed = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(listed) else {
        return Vec::new();
    };
    let names: Vec<OsString> = entries.flatten().map(|e| e.file_name()).collect();
    let mut also: Vec<PathBuf> = Names::of(names.iter().map(OsString::as_os_str))
        .read(&name.to_string_lossy())
        .unwrap_or_default()
        .iter()
        .map(|n| dir.join(n))
        .collect();
    also.sort();
    also
}

/// A file name a folder search takes as a letter: one a letter source reads (see
/// [`source::SOURCES`](crate::letter::source::SOURCES): `.txt`, `.md`, `.pdf`, `.htm`,
/// `.html`, any case), but not a response letter letterdesk exported
/// (`NAME.response.md`, see [`is_export_file`](crate::export::is_export_file)).
pub fn is_letter_name(name: &str) -> bool {
    crate::letter::source::is_source_name(name) && !crate::export::is_export_name(name)
}

/// The letter names in one folder, grouped by name without extension: of `NAME.pdf` and
/// `NAME.txt`, only the file of the best-ranked source is read. Costs little where
/// every name is alone (a folder of 10,000 letters): a sorted list of hashes, and a
/// map only of the names shared by several files.
pub(super) struct Names<'a> {
    /// The hashes of the names without extension (folded to lower case) that more than
    /// one letter file has, sorted (two names of one hash are both looked at below).
    shared: Vec<u64>,
    /// For each of those names: the best rank, and the file names of worse rank.
    best: HashMap<Cow<'a, str>, (usize, Vec<String>)>,
}

impl<'a> Names<'a> {
    /// The names of one folder's entries.
    pub(super) fn of<I>(names: I) -> Names<'a>
    where
        I: Iterator<Item = &'a OsStr> + Clone,
    {
        let letters = names.filter_map(|name| {
            let name = name.to_string_lossy();
            let rank = rank_of_name(&name)?;
            (!name.starts_with('.') && !crate::export::is_export_name(&name))
                .then_some((name, rank))
        });
        let mut hashes: Vec<u64> = letters.clone().map(|(name, _)| hash(&stem(name))).collect();
        hashes.sort_unstable();
        let mut shared: Vec<u64> = hashes
            .windows(2)
            .filter(|pair| pair[0] == pair[1])
            .map(|pair| pair[0])
            .collect();
        shared.dedup();
        let mut best: HashMap<Cow<'a, str>, (usize, Vec<String>)> = HashMap::new();
        if shared.is_empty() {
            return Names { shared, best };
        }
        let letters: Vec<(Cow<'a, str>, Cow<'a, str>, usize)> = letters
            .map(|(name, rank)| (stem(name.clone()), name, rank))
            .filter(|(stem, _, _)| shared.binary_search(&hash(stem)).is_ok())
            .collect();
        for (stem, _, rank) in &letters {
            let slot = best.entry(stem.clone()).or_insert((*rank, Vec::new()));
            slot.0 = slot.0.min(*rank);
        }
        for (stem, name, rank) in letters {
            if let Some(slot) = best.get_mut(stem.as_ref())
                && rank > slot.0
            {
                slot.1.push(name.into_owned());
            }
        }
        Names { shared, best }
    }

    /// For a letter file name that is read: the names of the files of the same name
    /// that are not; `None` for a name that is not read (not a letter, or another file of
    /// its name is preferred).
    pub(super) fn read(&self, name: &str) -> Option<&[String]> {
        let rank = rank_of_name(name)?;
        if crate::export::is_export_name(name) {
            return None;
        }
        if self.shared.is_empty() {
            return Some(&[]);
        }
        let stem = stem(Cow::Borrowed(name));
        if self.shared.binary_search(&hash(&stem)).is_err() {
            return Some(&[]);
        }
        match self.best.get(stem.as_ref()) {
            Some((best, also)) if *best == rank => Some(also),
            Some(_) => None,
            None => Some(&[]),
        }
    }
}

/// The drafts files (`NAME.responses.toml`) of one folder's listing, by name without
/// the suffix folded to lower case (a file system may ignore case): whether a letter of
/// the folder may have one is told without a look at the disk.
pub(super) struct DraftsFiles(HashSet<String>);

impl DraftsFiles {
    /// The drafts files among the names of one folder's entries.
    pub(super) fn of<'a>(names: impl Iterator<Item = &'a OsStr>) -> DraftsFiles {
        let suffix = crate::drafts::SUFFIX;
        DraftsFiles(
            names
                .filter_map(|name| {
                    let name = name.to_string_lossy();
                    let cut = name.len().checked_sub(suffix.len())?;
                    let (stem, end) = (name.get(..cut)?, name.get(cut..)?);
                    end.eq_ignore_ascii_case(suffix)
                        .then(|| stem.to_lowercase())
                })
                .collect(),
        )
    }

    /// Whether the letter file `name` of the folder may have a drafts file: `false`
    /// only when the listing has none of its name (a name that is not UTF-8 may).
    pub(super) fn may_have(&self, name: &str) -> bool {
        if name.contains(char::REPLACEMENT_CHARACTER) {
            return true;
        }
        if self.0.is_empty() {
            return false;
        }
        self.0.contains(&split_name(name).0.to_lowercase())
    }
}

/// The rank of the source that reads files named `name` ([`rank`]).
///
/// [`rank`]: crate::letter::source::rank
fn rank_of_name(name: &str) -> Option<usize> {
    crate::letter::source::rank_of_extension(split_name(name).1?)
}

/// A file name's stem and extension as [`Path::file_stem`] and [`Path::extension`]
/// split it (at the last dot, unless the name starts with its only one), without making
/// a path of it to take apart: a folder search asks it of every name.
fn split_name(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && name != ".." => (stem, Some(ext)),
        _ => (name, None),
    }
}

/// The hash a name without extension is grouped by.
fn hash(stem: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(stem.as_bytes())
}

/// A file name without its extension, folded to lower case; borrowed from the name when
/// that changes nothing.
fn stem(name: Cow<'_, str>) -> Cow<'_, str> {
    fn without_extension(name: &str) -> &str {
        split_name(name).0
    }
    let folds = |c: char| {
        let mut lower = c.to_lowercase();
        lower.next() != Some(c) || lower.next().is_some()
    };
    match name {
        Cow::Borrowed(name) => {
            let stem = without_extension(name);
            if stem.chars().any(folds) {
                Cow::Owned(stem.to_lowercase())
            } else {
                Cow::Borrowed(stem)
            }
        }
        Cow::Owned(name) => Cow::Owned(without_extension(&name).to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder's listing of `names`.
    fn listing(names: &[&str]) -> Vec<OsString> {
        names.iter().map(OsString::from).collect()
    }

    #[test]
    fn files_of_one_name_in_any_case_are_one_letter() {
        let names = listing(&[
            "Two.PDF",
            "two.txt",
            "three.htm",
            "Four.md",
            "four.response.md",
            "ÉTÉ.pdf",
            "été.txt",
            "notes.docx",
        ]);
        let names = Names::of(names.iter().map(OsString::as_os_str));
        assert_eq!(names.read("two.txt"), Some(&["Two.PDF".to_owned()][..]));
        assert_eq!(names.read("Two.PDF"), None);
        assert_eq!(names.read("three.htm"), Some(&[][..]));
        assert_eq!(names.read("Four.md"), Some(&[][..]));
        assert_eq!(names.read("été.txt"), Some(&["ÉTÉ.pdf".to_owned()][..]));
        assert_eq!(names.read("ÉTÉ.pdf"), None);
        assert_eq!(names.read("notes.docx"), None);
    }

    #[test]
    fn names_are_split_as_paths_are() {
        for name in [
            "a.txt", "a.b.PDF", "a", "a.", ".txt", ".a.txt", "..", "...", "a..b", "é.htm",
        ] {
            let path = Path::new(name);
            let stem = path.file_stem().and_then(OsStr::to_str).unwrap_or(name);
            let ext = path.extension().and_then(OsStr::to_str);
            assert_eq!(split_name(name), (stem, ext), "{name}");
            assert_eq!(
                rank_of_name(name),
                crate::letter::source::rank(path),
                "{name}"
            );
        }
    }

    #[test]
    fn a_letter_may_have_drafts_only_when_the_folder_lists_them() {
        let names = listing(&[
            "a.txt",
            "B.Responses.TOML",
            "b.pdf",
            "c.txt",
            "d.responses.toml.bak",
        ]);
        let drafts = DraftsFiles::of(names.iter().map(OsString::as_os_str));
        assert!(drafts.may_have("b.pdf"));
        assert!(!drafts.may_have("a.txt"));
        assert!(!drafts.may_have("d.txt"));
        let none = DraftsFiles::of(std::iter::empty());
        assert!(!none.may_have("a.txt"));
        assert!(none.may_have("\u{FFFD}.txt"));
    }
}
