//! Which files of a folder are letters, and of several files of one name (`NAME.pdf`,
//! `NAME.txt`) which one is read.

use std::collections::HashMap;
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
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    let mut also: Vec<PathBuf> = Names::of(&entries)
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
    crate::letter::source::is_source_name(name) && !crate::export::is_export_file(Path::new(name))
}

/// The letter names in one folder, grouped by name without extension: of `NAME.pdf` and
/// `NAME.txt`, only the file of the best-ranked source is read.
pub(super) struct Names {
    /// For each name without extension (folded to lower case): the best rank, and the
    /// file names of worse rank.
    best: HashMap<String, (usize, Vec<String>)>,
}

impl Names {
    pub(super) fn of(entries: &[fs::DirEntry]) -> Names {
        let mut best: HashMap<String, (usize, Vec<String>)> = HashMap::new();
        let letters = entries.iter().filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rank = crate::letter::source::rank(Path::new(&name))?;
            (!name.starts_with('.') && is_letter_name(&name)).then_some((name, rank))
        });
        let letters: Vec<(String, usize)> = letters.collect();
        for (name, rank) in &letters {
            let slot = best.entry(stem(name)).or_insert((*rank, Vec::new()));
            slot.0 = slot.0.min(*rank);
        }
        for (name, rank) in letters {
            let slot = best.get_mut(&stem(&name)).expect("every stem has a slot");
            if rank > slot.0 {
                slot.1.push(name);
            }
        }
        Names { best }
    }

    /// For a letter file name that is read: the names of the files of the same name
    /// that are not; `None` for a name that is not read (not a letter, or another file of
    /// its name is preferred).
    pub(super) fn read(&self, name: &str) -> Option<&[String]> {
        let rank = crate::letter::source::rank(Path::new(name))?;
        if !is_letter_name(name) {
            return None;
        }
        match self.best.get(&stem(name)) {
            Some((best, also)) if *best == rank => Some(also),
            Some(_) => None,
            None => Some(&[]),
        }
    }
}

/// A file name without its extension, folded to lower case.
fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned())
        .to_lowercase()
}
