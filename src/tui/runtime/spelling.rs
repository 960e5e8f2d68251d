//! The spelling dictionary and the personal word list on disk: read at start-up on a
//! thread of their own (a dictionary takes a moment to compile), written when a word
//! is added.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use spellbook::Dictionary;

use crate::config::Editing;
use crate::disk::{MB, NonRegular, read_regular_file, write_file};
use crate::problem::Problem;
use crate::tui::model::action::Action;
use crate::tui::model::editor::SpellDictionary;

/// The largest dictionary or word list read.
const MAX_BYTES: u64 = 64 * MB;

/// The personal word list: `words.txt` beside the config file.
pub(super) fn words_file(config_path: Option<&Path>) -> Option<PathBuf> {
    Some(config_path?.parent()?.join("words.txt"))
}

/// Read the dictionary `editing` names and the personal `words` on a thread, and
/// report [`Action::SpellingLoaded`] (nothing when spelling is turned off).
pub(super) fn load(editing: &Editing, words: Option<PathBuf>, report: Sender<Action>) {
    if !editing.spelling {
        return;
    }
    let dic = editing.dictionary.clone();
    let spawned = std::thread::Builder::new()
        .name("letterdesk-spelling".into())
        .spawn(move || {
            let dictionary = read_dictionary(&dic).map(|d| SpellDictionary(Arc::new(d)));
            let personal = words.map(|w| read_words(&w)).unwrap_or_default();
            let _ = report.send(Action::SpellingLoaded {
                dictionary,
                personal,
            });
        });
    drop(spawned);
}

/// A Hunspell dictionary: its `.dic` file and the `.aff` file beside it.
fn read_dictionary(dic: &Path) -> Result<Dictionary, Problem> {
    let read = |path: &Path| {
        read_regular_file(path, MAX_BYTES)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|e| Problem::in_file(path, e.to_string()))
    };
    let aff = read(&dic.with_extension("aff"))?;
    let words = read(dic)?;
    Dictionary::new(&aff, &words).map_err(|e| Problem::in_file(dic, e.to_string()))
}

/// The words of a word list, one a line (none when it cannot be read).
fn read_words(path: &Path) -> Vec<String> {
    read_regular_file(path, MAX_BYTES)
        .map(|bytes| {
            String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Add `word` to the word list at `path` (made, with its folder, if missing), on a
/// thread; a failure is reported as [`Action::WordListFailed`].
pub(super) fn add_word(path: PathBuf, word: String, report: Sender<Action>) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-words".into())
        .spawn(move || {
            if let Err(e) = append_word(&path, &word) {
                let _ = report.send(Action::WordListFailed(Problem::in_file(
                    &path,
                    e.to_string(),
                )));
            }
        });
    drop(spawned);
}

fn append_word(path: &Path, word: &str) -> std::io::Result<()> {
    let mut words = read_words(path);
    if words.iter().any(|w| w == word) {
        return Ok(());
    }
    words.push(word.to_owned());
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    write_file(
        path,
        (words.join("\n") + "\n").as_bytes(),
        NonRegular::Refuse,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_added_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letterdesk").join("words.txt");
        append_word(&path, "Quillfeather").unwrap();
        append_word(&path, "Loomwright").unwrap();
        append_word(&path, "Quillfeather").unwrap();
        assert_eq!(read_words(&path), ["Quillfeather", "Loomwright"]);
        assert_eq!(
            words_file(Some(Path::new("/c/letterdesk/config.toml"))),
            Some(PathBuf::from("/c/letterdesk/words.txt"))
        );
    }

    #[test]
    fn a_missing_dictionary_is_named() {
        let err = read_dictionary(Path::new("/nowhere/xx_XX.dic"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/nowhere/xx_XX.aff"), "{err}");
    }
}
