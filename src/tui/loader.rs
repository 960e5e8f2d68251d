//! The indexer: finds letter files and parses them on a background thread, reporting each
//! letter as an [`Action`] so the first frame never waits for the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

use super::action::Action;
use crate::letter::{Letter, parse_file};

/// The indexer thread's name (its panics are caught and reported as unreadable files).
pub(crate) const THREAD: &str = "letterdesk-indexer";

/// Start indexing `paths` (folders or letter files) in the background.
pub(crate) fn spawn(
    paths: Vec<PathBuf>,
    report: Sender<Action>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || {
            let found = find_letters(&paths);
            if report
                .send(Action::IndexStarted { total: found.len() })
                .is_err()
            {
                return;
            }
            for (path, problem) in found {
                let letter = match problem {
                    Some(problem) => Err(problem),
                    None => parse_guarded(&path),
                };
                if report
                    .send(Action::LetterIndexed {
                        path,
                        letter: Box::new(letter),
                    })
                    .is_err()
                {
                    return;
                }
            }
            let _ = report.send(Action::IndexFinished);
        })
}

/// Parse a letter; a parser panic becomes an error for that file, not a crash.
fn parse_guarded(path: &Path) -> Result<Letter, String> {
    match std::panic::catch_unwind(|| parse_file(path)) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(panic) => Err(format!(
            "{}: the parser failed on this file ({})",
            path.display(),
            panic_message(panic.as_ref())
        )),
    }
}

/// The message a panic carried.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// The letter files under `paths`, sorted, each with the reason it cannot be read, if known
/// already. Folders are searched recursively for `.txt` and `.md` files, skipping hidden
/// files and folders and drafts files; files named directly are taken as they are.
pub(crate) fn find_letters(paths: &[PathBuf]) -> Vec<(PathBuf, Option<String>)> {
    let mut found = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
            Ok(_) => found.push((path.clone(), None)),
            Err(e) => found.push((path.clone(), Some(format!("{}: {e}", path.display())))),
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

fn walk(dir: &Path, found: &mut Vec<(PathBuf, Option<String>)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return found.push((dir.to_path_buf(), Some(format!("{}: {e}", dir.display())))),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found);
        } else if is_letter_name(&name) && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            found.push((path, None));
        }
    }
}

/// A file name a folder search takes as a letter.
fn is_letter_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".txt") || lower.ends_with(".md")) && !lower.ends_with(".responses.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_letters_recursively_skipping_hidden_and_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for file in [
            "one.txt",
            "a/two.MD",
            "a/b/three.txt",
            ".git/x.txt",
            ".hidden.txt",
            "one.responses.toml",
            "notes.pdf",
        ] {
            std::fs::write(root.join(file), "x").unwrap();
        }
        let found: Vec<PathBuf> = find_letters(&[root.to_path_buf()])
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            found,
            [
                root.join("a/b/three.txt"),
                root.join("a/two.MD"),
                root.join("one.txt")
            ]
        );
    }

    #[test]
    fn named_files_are_taken_and_missing_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("letter.pdf.txt2");
        std::fs::write(&file, "x").unwrap();
        let missing = dir.path().join("gone.txt");
        let found = find_letters(&[file.clone(), missing.clone(), file.clone()]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, missing);
        assert!(found[0].1.is_some());
        assert_eq!(found[1], (file, None));
    }
}
