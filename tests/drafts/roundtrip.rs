//! Property tests: any drafts saved and loaded come back equal, fresh or edited.

use std::collections::HashSet;

use letterdesk::drafts::{CommentDraft, Drafts, Status, load, save, save_loaded};
use proptest::prelude::*;

/// Pieces that are hard to write in TOML, mixed with arbitrary text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ,.;:()-]{0,12}",
        1 => Just("\"".to_owned()),
        1 => Just("'".to_owned()),
        1 => Just("'''".to_owned()),
        1 => Just("\"\"\"".to_owned()),
        1 => Just("\\".to_owned()),
        1 => Just("\\n".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\r".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\t".to_owned()),
        1 => Just("\n=======\n".to_owned()),
        1 => Just("=======".to_owned()),
        1 => Just("<<<<<<< HEAD\n".to_owned()),
        1 => Just(">>>>>>> branch\n".to_owned()),
        1 => Just("\u{202e}".to_owned()),
        1 => Just("\u{feff}".to_owned()),
        1 => Just("🎉".to_owned()),
        1 => Just("👩‍👩‍👧".to_owned()),
        1 => (0u32..=0x1f).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => (0x7fu32..=0x9f).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        2 => any::<char>().prop_map(String::from),
    ]
}

fn response() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..12).prop_map(|parts| parts.concat())
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Open),
        Just(Status::Drafted),
        Just(Status::Resolved)
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[1-9][0-9]{0,2}(\\([a-z]\\))?",
        1 => any::<String>(),
    ]
}

fn drafts() -> impl Strategy<Value = Drafts> {
    let owner = prop::option::of(prop_oneof![
        4 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
        1 => any::<String>(),
    ]);
    prop::collection::vec((number(), status(), response(), owner), 0..8).prop_map(|entries| {
        let mut seen = HashSet::new();
        let comments = entries
            .into_iter()
            .filter(|(number, ..)| seen.insert(number.clone()))
            .map(|(number, status, response, owner)| CommentDraft {
                number,
                status,
                response,
                marks: Default::default(),
                owner,
            })
            .collect();
        Drafts { comments }
    })
}

proptest! {

    #[test]
    fn fresh_save_loads_back_equal(drafts in drafts()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.responses.toml");
        let fingerprint = save(&path, &drafts, None).unwrap();
        let text = std::fs::read(&path).unwrap();
        prop_assert!(!text.contains(&b'\r'), "CR written raw");
        let loaded = load(&path).unwrap().unwrap();
        prop_assert_eq!(&loaded.drafts, &drafts);
        prop_assert_eq!(loaded.fingerprint.hash, fingerprint.hash);
    }

    #[test]
    fn edited_save_loads_back_equal(
        first in drafts(),
        edits in prop::collection::vec((status(), response()), 0..8),
        extra in drafts(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.responses.toml");
        let previous = save_loaded(&path, &first, None).unwrap();

        let mut second = first.clone();
        for (entry, (status, response)) in second.comments.iter_mut().zip(edits) {
            entry.status = status;
            entry.response = response;
        }
        for entry in extra.comments {
            if second.get(&entry.number).is_none() {
                second.comments.push(entry);
            }
        }
        save(&path, &second, Some(&previous)).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        prop_assert_eq!(&loaded.drafts, &second);

        // Saving again on top of what was loaded changes nothing.
        let before = std::fs::read(&path).unwrap();
        save(&path, &second, Some(&loaded)).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
