//! Conflict markers and parse errors are reported with the file and the line.

use std::fs;

use crate::common::files::written;
use letterdesk::drafts::{Drafts, DraftsError, load, save};

/// `text` written as a drafts file in a new folder: the folder and the file's path.
fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    written("drafts.responses.toml", text)
}

/// The error reading `text` as a drafts file gives.
fn error_of(text: &str) -> DraftsError {
    let (_dir, path) = write(text);
    load(&path).unwrap_err()
}

/// A drafts file saved with `response` to comment 1 reads back the same; its text.
fn round_trip(response: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("drafts.responses.toml");
    let mut drafts = Drafts::for_comments(&["1".to_owned()]);
    drafts.set_response("1", response);
    save(&path, &drafts, None).unwrap();
    assert_eq!(load(&path).unwrap().unwrap().drafts, drafts);
    fs::read_to_string(&path).unwrap()
}

/// Each row: what it shows, the drafts file, and the line of its conflict marker.
#[test]
fn conflict_markers_are_found_with_their_line() {
    let cases = [
        (
            "conflict markers between entries",
            "[comments.\"1\"]\nstatus = \"open\"\n<<<<<<< HEAD\nresponse = \"ours\"\n=======\nresponse = \"theirs\"\n>>>>>>> other\n",
            3,
        ),
        // Such a file would even parse: the scan must come first.
        (
            "a conflict inside a string is still a conflict",
            "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"\"\"\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> b\n\"\"\"\n",
            4,
        ),
    ];
    for (what, text, line) in cases {
        let err = error_of(text);
        assert!(
            matches!(err, DraftsError::Conflict { line: found, .. } if found == line),
            "{what}: {err:?}"
        );
        let message = format!("drafts.responses.toml:{line}: unresolved git conflict marker");
        assert!(err.to_string().ends_with(&message), "{what}: {err}");
    }
}

#[test]
fn a_separator_line_in_a_response_is_fine() {
    let saved = round_trip("above\n=======\nbelow");
    assert!(saved.lines().any(|l| l == "======="), "{saved}");

    let (_dir, path) =
        write("[comments.\"1\"]\nstatus = \"drafted\"\nresponse = '''\n=======\n'''\n");
    assert_eq!(
        load(&path)
            .unwrap()
            .unwrap()
            .drafts
            .get("1")
            .unwrap()
            .response,
        "=======\n"
    );
}

#[test]
fn a_response_that_looks_like_a_conflict_does_not_make_the_file_conflicted() {
    round_trip("<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b");
}

#[test]
fn invalid_toml_gives_the_line() {
    let err = error_of(
        "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"unterminated\n\n[comments.\"2\"]\n",
    );
    match &err {
        DraftsError::Parse { line, message, .. } => {
            assert_eq!(*line, 3, "{message}");
            assert!(!message.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().contains("drafts.responses.toml:3: "),
        "{err}"
    );
}

#[test]
fn duplicate_table_gives_the_line() {
    let err =
        error_of("[comments.\"1\"]\nstatus = \"open\"\n\n[comments.\"1\"]\nstatus = \"open\"\n");
    assert!(matches!(err, DraftsError::Parse { line: 4, .. }), "{err:?}");
}

#[test]
fn wrong_shape_gives_the_line() {
    let err =
        error_of("[comments.\"1\"]\nstatus = \"open\"\n\n[comments.\"2\"]\nstatus = \"done\"\n");
    assert!(matches!(err, DraftsError::Parse { line: 5, .. }), "{err:?}");
    assert!(err.to_string().contains("done"), "{err}");

    let err = error_of("[comments.\"1\"]\nstatus = \"open\"\nresponse = 12\n");
    assert!(matches!(err, DraftsError::Parse { line: 3, .. }), "{err:?}");
}

#[test]
fn unreadable_path_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = load(dir.path()).unwrap_err();
    assert!(matches!(err, DraftsError::Io { .. }), "{err:?}");
}

mod arbitrary_input {
    use letterdesk::drafts::parse_bytes;
    use proptest::prelude::*;
    use std::path::Path;

    proptest! {
        /// Whatever bytes a drafts file holds, reading it gives drafts or an error, never a panic.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse_bytes(Path::new("x.responses.toml"), &bytes);
        }

        /// TOML-shaped noise: tables, keys, strings and markers in random order.
        #[test]
        fn toml_like_text_never_panics(lines in proptest::collection::vec(prop_oneof![
            Just("[comments.\"1\"]".to_string()),
            Just("[comments]".to_string()),
            Just("status = \"resolved\"".to_string()),
            Just("status = 3".to_string()),
            Just("response = \"\"\"".to_string()),
            Just("\"\"\"".to_string()),
            Just("=======".to_string()),
            Just("<<<<<<< HEAD".to_string()),
            Just(">>>>>>> branch".to_string()),
            "[a-z\"=\\[\\]. ]{0,20}",
        ], 0..30)) {
            let _ = parse_bytes(Path::new("x.responses.toml"), lines.join("\n").as_bytes());
        }
    }
}
