//! Fingerprints of the letter's comment texts, kept with each saved comment, so a
//! corrected letter dropped in shows which comments changed under their drafts.
//!
//! The fingerprint is an extra key of the comment's table in the drafts file; the
//! drafts model does not carry it, and [`load`](super::load) / [`save`](super::save)
//! keep it as they keep any key they do not know:
//!
//! ```toml
//! [comments."1"]
//! status = "drafted"
//! response = """
//! We will revise the disclosure."""
//! fingerprint = "xxh3:4f0c…"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Value};

use super::error::DraftsError;
use super::fingerprint::Fingerprint;
use super::format::{COMMENTS, apply_drafts};
use super::model::{CommentDraft, Drafts, Status};
use super::store::{Expect, Loaded, save_expecting};
use crate::letter::Letter;

/// The key of a comment's text fingerprint in the drafts file.
pub const FINGERPRINT_KEY: &str = "fingerprint";

/// The fingerprint of a comment's text: `xxh3:` and 32 hex digits of the XXH3-128
/// hash of the text with every run of whitespace made one space and the ends
/// trimmed, so re-wrapping the letter's lines is not a change.
pub fn comment_fingerprint(text: &str) -> String {
    let normalized = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "xxh3:{:032x}",
        xxhash_rust::xxh3::xxh3_128(normalized.as_bytes())
    )
}

/// The fingerprints of a letter's comment texts, by comment number, in the letter's
/// order: all that saving and comparing need of the letter (a few bytes a comment, so
/// the drafts worker need not keep letters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextFingerprints(Vec<(String, String)>);

impl TextFingerprints {
    /// The fingerprints of `letter`'s comments.
    pub fn of(letter: &Letter) -> TextFingerprints {
        TextFingerprints(
            letter
                .comments
                .iter()
                .map(|c| (c.number.clone(), comment_fingerprint(&c.text)))
                .collect(),
        )
    }

    /// Each comment's number and fingerprint, in the letter's order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0
            .iter()
            .map(|(number, fingerprint)| (number, fingerprint))
    }
}

/// The text fingerprints stored in a loaded drafts file, by comment number.
/// Comments without one (or with one that is not a string) are left out.
pub fn stored_fingerprints(loaded: &Loaded) -> BTreeMap<String, String> {
    read_fingerprints(&loaded.document)
}

fn read_fingerprints(document: &DocumentMut) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let Some(comments) = document.get(COMMENTS).and_then(Item::as_table_like) else {
        return found;
    };
    for (number, item) in comments.iter() {
        let fingerprint = item
            .as_table_like()
            .and_then(|entry| entry.get(FINGERPRINT_KEY))
            .and_then(Item::as_str);
        if let Some(fingerprint) = fingerprint {
            found.insert(number.to_owned(), fingerprint.to_owned());
        }
    }
    found
}

/// The numbers of the letter's comments whose stored fingerprint differs from the
/// fingerprint of their current text, in the letter's order: the comment changed
/// since its draft was saved. Comments without a stored fingerprint are not listed.
pub fn changed_comments(loaded: &Loaded, letter: &TextFingerprints) -> Vec<String> {
    let stored = stored_fingerprints(loaded);
    letter
        .0
        .iter()
        .filter(|(number, now)| stored.get(number).is_some_and(|fp| fp != now))
        .map(|(number, _)| number.clone())
        .collect()
}

/// The drafts of comments the letter no longer has, in the drafts' order. They are
/// kept in the file, never dropped; open entries with no text are not listed.
pub fn orphans<'a>(drafts: &'a Drafts, letter: &Letter) -> Vec<&'a CommentDraft> {
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    drafts
        .stale(&numbers)
        .filter(|c| c.status != Status::Open || c.has_response())
        .collect()
}

/// Saves like [`save_expecting`] and records text fingerprints of the letter's comments.
///
/// A comment of the letter gets the fingerprint of its current text when it has
/// none yet, when its draft differs from the one in `previous` (the user worked on
/// it with the current text in view), or when its number is in `acknowledged` (the
/// user has seen that the comment changed). Other comments keep their stored
/// fingerprint, so a change of the letter stays flagged until then.
pub fn save_stamped(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
    letter: &TextFingerprints,
    acknowledged: &[String],
) -> Result<Loaded, DraftsError> {
    save_stamped_expecting(
        path,
        drafts,
        previous,
        letter,
        acknowledged,
        Expect::Anything,
    )
}

/// [`save_stamped`], replacing the file only if it is still what `expect` says (see
/// [`save_expecting`]).
pub fn save_stamped_expecting(
    path: &Path,
    drafts: &Drafts,
    previous: Option<&Loaded>,
    letter: &TextFingerprints,
    acknowledged: &[String],
    expect: Expect<'_>,
) -> Result<Loaded, DraftsError> {
    let mut document = previous.map(|p| p.document.clone()).unwrap_or_default();
    apply_drafts(&mut document, drafts).map_err(|message| DraftsError::Roundtrip {
        path: path.to_owned(),
        message,
    })?;
    let stored = read_fingerprints(&document);
    let mut stamps = Vec::new();
    for (number, fingerprint) in &letter.0 {
        let Some(draft) = drafts.get(number) else {
            continue;
        };
        let edited = previous.is_none_or(|p| p.drafts.get(number) != Some(draft));
        if !stored.contains_key(number) || edited || acknowledged.contains(number) {
            stamps.push((number.as_str(), fingerprint.clone()));
        }
    }
    if let Some(comments) = document.get_mut(COMMENTS).and_then(Item::as_table_like_mut) {
        for (number, fingerprint) in stamps {
            let Some(entry) = comments.get_mut(number).and_then(Item::as_table_like_mut) else {
                continue;
            };
            match entry.get_mut(FINGERPRINT_KEY) {
                Some(Item::Value(old)) if old.as_str() == Some(fingerprint.as_str()) => {}
                Some(slot) => {
                    let mut value = Value::from(fingerprint);
                    if let Item::Value(old) = slot {
                        *value.decor_mut() = old.decor().clone();
                    }
                    *slot = Item::Value(value);
                }
                None => {
                    entry.insert(FINGERPRINT_KEY, Item::Value(Value::from(fingerprint)));
                }
            }
        }
    }
    let base = Loaded {
        drafts: previous.map(|p| p.drafts.clone()).unwrap_or_default(),
        fingerprint: previous.map_or(Fingerprint::of_bytes(&[], None), |p| p.fingerprint),
        document,
    };
    save_expecting(path, drafts, Some(&base), expect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::load;
    use crate::letter::Comment;

    fn letter(comments: &[(&str, &str)]) -> Letter {
        Letter {
            comments: comments
                .iter()
                .map(|&(number, text)| Comment {
                    number: number.to_owned(),
                    text: text.to_owned(),
                    ..Comment::default()
                })
                .collect(),
            ..Letter::default()
        }
    }

    fn nums(letter: &Letter) -> Vec<String> {
        letter.comments.iter().map(|c| c.number.clone()).collect()
    }

    #[test]
    fn fingerprint_ignores_wrapping_only() {
        let a = comment_fingerprint("Please tell us\nabout the orchards.");
        assert_eq!(
            a,
            comment_fingerprint("  Please tell us about   the orchards.\n")
        );
        assert_ne!(a, comment_fingerprint("Please tell us about the farms."));
        assert!(a.starts_with("xxh3:") && a.len() == 5 + 32, "{a}");
    }

    #[test]
    fn saves_fingerprints_and_flags_changed_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.responses.toml");
        let old = letter(&[("1", "One."), ("2", "Two."), ("3", "Three.")]);
        let mut drafts = Drafts::for_comments(&nums(&old));
        drafts.set_response("1", "Answer one.");
        drafts.set_response("2", "Answer two.");
        let saved = save_stamped(&path, &drafts, None, &TextFingerprints::of(&old), &[]).unwrap();
        assert_eq!(stored_fingerprints(&saved).len(), 3);

        // A corrected letter: comment 2 reworded, comment 3 gone, 4 new.
        let new = letter(&[("1", "One."), ("2", "Two, reworded."), ("4", "Four.")]);
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded.drafts, drafts);
        assert_eq!(
            changed_comments(&loaded, &TextFingerprints::of(&new)),
            ["2"]
        );
        assert!(
            orphans(&loaded.drafts, &new).is_empty(),
            "3 was open and empty"
        );

        // Saving other edits keeps the flag; acknowledging clears it.
        let mut mine = loaded.drafts.clone();
        mine.merge_letter(&nums(&new));
        mine.set_response("3", "kept");
        mine.set_response("1", "Answer one, again.");
        let saved = save_stamped(
            &path,
            &mine,
            Some(&loaded),
            &TextFingerprints::of(&new),
            &[],
        )
        .unwrap();
        assert_eq!(changed_comments(&saved, &TextFingerprints::of(&new)), ["2"]);
        let orphaned: Vec<_> = orphans(&saved.drafts, &new)
            .iter()
            .map(|c| c.number.as_str())
            .collect();
        assert_eq!(orphaned, ["3"]);
        let saved = save_stamped(
            &path,
            &mine,
            Some(&saved),
            &TextFingerprints::of(&new),
            &["2".to_owned()],
        )
        .unwrap();
        assert!(changed_comments(&saved, &TextFingerprints::of(&new)).is_empty());
        let reloaded = load(&path).unwrap().unwrap();
        assert!(changed_comments(&reloaded, &TextFingerprints::of(&new)).is_empty());
        let mut back = reloaded.drafts.clone();
        back.merge_letter(&nums(&new));
        assert_eq!(back, mine);
        assert!(stored_fingerprints(&reloaded).contains_key("4"));
    }

    #[test]
    fn plain_saves_keep_fingerprints_and_inline_tables_get_them() {
        let (_dir, path) = crate::testing::file(
            "l.responses.toml",
            "[comments]\n\"1\" = { status = \"open\", response = \"\" }\n",
        );
        let l = letter(&[("1", "One.")]);
        let loaded = load(&path).unwrap().unwrap();
        let saved = save_stamped(
            &path,
            &loaded.drafts,
            Some(&loaded),
            &TextFingerprints::of(&l),
            &[],
        )
        .unwrap();
        assert_eq!(
            stored_fingerprints(&saved).get("1"),
            Some(&comment_fingerprint("One."))
        );
        let mut drafts = saved.drafts.clone();
        drafts.set_response("1", "x");
        crate::drafts::save(&path, &drafts, Some(&saved)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&comment_fingerprint("One.")), "{text}");
    }
}
