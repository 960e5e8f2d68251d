//! A drafts file edited by hand keeps its comments, order and formatting when the
//! program saves a change: only the changed comment's lines differ.

use std::fs;

use crate::common::files::written;
use letterdesk::drafts::{Status, load, save};

const HAND_EDITED: &str = r#"# Responses to the staff letter of March 3.
# Owner: legal team.

[comments."2"]   # moved up on purpose
response = """
We will revise the disclosure in future filings."""
status   = "drafted"    # ana reviewing

[comments."1"]
# nothing yet
status = "open"
response = ""

[comments."3(a)"]
status = 'resolved'
response = '''
See page 12 \ table 4.'''
extra = "kept"
"#;

/// The lines of `before` and `after` outside their common head and tail.
fn changed_lines<'a>(before: &'a str, after: &'a str) -> (Vec<&'a str>, Vec<&'a str>, usize) {
    let a: Vec<_> = before.lines().collect();
    let b: Vec<_> = after.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (
        a[head..a.len() - tail].to_vec(),
        b[head..b.len() - tail].to_vec(),
        head + 1,
    )
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    written("letter.responses.toml", HAND_EDITED)
}

#[test]
fn status_change_touches_only_that_line() {
    let (_dir, path) = setup();
    let mut loaded = load(&path).unwrap().unwrap();
    let order: Vec<_> = loaded
        .drafts
        .comments
        .iter()
        .map(|c| c.number.as_str())
        .collect();
    assert_eq!(order, ["2", "1", "3(a)"]);

    assert_eq!(loaded.drafts.toggle_resolved("2"), Some(Status::Resolved));
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    let after = fs::read_to_string(&path).unwrap();
    let (old, new, line) = changed_lines(HAND_EDITED, &after);
    assert_eq!(old, [r#"status   = "drafted"    # ana reviewing"#]);
    assert_eq!(new, [r#"status   = "resolved"    # ana reviewing"#]);
    assert_eq!(line, 7);
}

#[test]
fn response_change_touches_only_that_response() {
    let (_dir, path) = setup();
    let mut loaded = load(&path).unwrap().unwrap();
    loaded
        .drafts
        .set_response("1", "We respectfully advise the staff.\nSecond line.");
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    let after = fs::read_to_string(&path).unwrap();
    let (old, new, _) = changed_lines(HAND_EDITED, &after);
    assert_eq!(old, [r#"status = "open""#, r#"response = """#]);
    assert_eq!(
        new,
        [
            r#"status = "drafted""#,
            r#"response = """"#,
            "We respectfully advise the staff.",
            r#"Second line.""""#
        ]
    );
    let back = load(&path).unwrap().unwrap().drafts;
    assert_eq!(back, loaded.drafts);
}

#[test]
fn new_comments_are_appended_in_letter_order() {
    let (_dir, path) = setup();
    let mut loaded = load(&path).unwrap().unwrap();
    let letter: Vec<String> = ["1", "2", "3(a)", "3(b)", "4"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    loaded.drafts.merge_letter(&letter);
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    let after = fs::read_to_string(&path).unwrap();
    assert!(
        after.starts_with(HAND_EDITED),
        "hand-edited part changed:\n{after}"
    );
    assert_eq!(
        &after[HAND_EDITED.len()..],
        "\n[comments.\"3(b)\"]\nstatus = \"open\"\nresponse = \"\"\n\n[comments.\"4\"]\nstatus = \"open\"\nresponse = \"\"\n"
    );
}

#[test]
fn saving_unchanged_drafts_keeps_the_file_byte_for_byte() {
    let (_dir, path) = setup();
    let loaded = load(&path).unwrap().unwrap();
    save(&path, &loaded.drafts, Some(&loaded)).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), HAND_EDITED);
}
