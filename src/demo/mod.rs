//! Built-in demo letters: synthetic staff comment letters (fictional companies, staff
//! and filings) that `letterdesk` can open when the user has no letters of their own.

use std::io;
use std::path::PathBuf;

/// The built-in demo letters: (file name, text), embedded with include_str!.
///
/// Names follow EDGAR's upload naming, `upload_<company-slug>_<YYYY-MM-DD>.txt`, so the
/// drafts store puts each letter's responses next to it as `NAME.responses.toml`.
pub const LETTERS: &[(&str, &str)] = &[
    (
        "upload_kittiwake-marine_2015-06-22.txt",
        include_str!("letters/upload_kittiwake-marine_2015-06-22.txt"),
    ),
    (
        "upload_quarry-lane-materials_2019-02-12.txt",
        include_str!("letters/upload_quarry-lane-materials_2019-02-12.txt"),
    ),
    (
        "upload_lumenfield-health_2021-03-09.txt",
        include_str!("letters/upload_lumenfield-health_2021-03-09.txt"),
    ),
    (
        "upload_pinecrest-outdoor-supply_2023-08-15.txt",
        include_str!("letters/upload_pinecrest-outdoor-supply_2023-08-15.txt"),
    ),
];

/// Write the demo letters into a fresh temporary folder and return its path (the folder is
/// kept after exit so the user can inspect drafts; it lives under [`std::env::temp_dir`]
/// named `letterdesk-demo-XXXXXX`, created with the `tempfile` crate's Builder and `.keep()`).
pub fn materialize() -> io::Result<PathBuf> {
    let dir = tempfile::Builder::new()
        .prefix("letterdesk-demo-")
        .tempdir_in(std::env::temp_dir())?;
    for (name, text) in LETTERS {
        std::fs::write(dir.path().join(name), text)?;
    }
    Ok(dir.keep())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn materialize_writes_every_letter() {
        let dir = materialize().expect("materialize");
        assert!(dir.starts_with(std::env::temp_dir()), "{}", dir.display());
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(folder.starts_with("letterdesk-demo-"), "{folder}");
        for (name, text) in LETTERS {
            let written = std::fs::read_to_string(dir.join(name)).expect(name);
            assert_eq!(&written, text, "{name}");
        }
        let count = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(count, LETTERS.len(), "only the demo letters are written");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn each_call_gets_its_own_folder() {
        let a = materialize().unwrap();
        let b = materialize().unwrap();
        assert_ne!(a, b);
        std::fs::remove_dir_all(a).unwrap();
        std::fs::remove_dir_all(b).unwrap();
    }

    #[test]
    fn names_are_unique_upload_files() {
        let mut names: Vec<&str> = LETTERS.iter().map(|(name, _)| *name).collect();
        assert!(
            names
                .iter()
                .all(|n| n.starts_with("upload_") && n.ends_with(".txt"))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LETTERS.len());
    }
}
