//! What unit tests share: a file with given contents in a folder of its own, its
//! permission bits, a FIFO, a file and a link to it, owned strings from literals, the
//! check that every variant parses back from its name, and a staff letter to a
//! fictional company.

use std::path::{Path, PathBuf};

/// A new temporary folder holding `name` with `contents`; the folder goes when the
/// returned guard is dropped.
pub fn file(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("the file is written");
    (dir, path)
}

/// Each of `all` parses back from the name `name` gives it.
pub fn assert_names_parse_back<T>(all: &[T], name: impl Fn(T) -> &'static str)
where
    T: Copy + std::fmt::Debug + PartialEq + std::str::FromStr,
{
    for &value in all {
        assert_eq!(name(value).parse::<T>().ok(), Some(value), "{value:?}");
    }
}

/// A staff letter to the fictional Osprey Quarries, Inc. on its 10-K, dated March 10,
/// 2025: its header, then `comments` (headings and numbered comments, paragraphs apart
/// by blank lines), then its closing.
pub fn osprey_letter(comments: &str) -> String {
    format!(
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\n\
         March 10, 2025\n\nMs. Ada Quill\nChief Financial Officer\nOsprey Quarries, Inc.\n\n\
         Re: Osprey Quarries, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\n\
         File No. 001-57777\n\nDear Ms. Quill:\n\n\
         We have reviewed your filing and have the following comments.\n\n\
         {comments}\n\n\
         Please contact Jo Doe at (202) 551-0000 with any questions.\n\n\
         Sincerely,\n\nDivision of Corporation Finance\n"
    )
}

/// The lines that are not blank, owned, in order (what a filter over a letter's lines
/// left of them).
pub fn kept(lines: Vec<&str>) -> Vec<String> {
    lines
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The owned copies of `items`, in order (comment numbers, lines).
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

/// Gives the file at `path` the Unix permission bits `mode` (`0o640`, `0o444`).
#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let permissions = std::fs::Permissions::from_mode(mode);
    std::fs::set_permissions(path, permissions).expect("the permissions are set");
}

/// The Unix permission bits of the file at `path`.
#[cfg(unix)]
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(path).expect("the file's metadata");
    metadata.permissions().mode() & 0o777
}

/// A new temporary folder holding `name`, a FIFO that no one writes to; the folder
/// goes when the returned guard is dropped.
#[cfg(unix)]
pub fn fifo(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    let mode = rustix::fs::Mode::from_raw_mode(0o600);
    rustix::fs::mkfifoat(rustix::fs::CWD, &path, mode).expect("a FIFO");
    (dir, path)
}

/// A new temporary folder holding `name` with `contents` and `link`, a symbolic link
/// to it: the folder (gone when the guard is dropped), the file and the link.
#[cfg(unix)]
pub fn linked(
    name: &str,
    contents: impl AsRef<[u8]>,
    link: &str,
) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, path) = file(name, contents);
    let link = dir.path().join(link);
    std::os::unix::fs::symlink(&path, &link).expect("a symbolic link");
    (dir, path, link)
}
