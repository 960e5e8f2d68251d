//! `letterdesk export` with the drafts file's marks: a response marked
//! `confidential = true` carries the Rule 83 legend, and `--public` leaves that comment
//! out (marked "[Redacted pursuant to Rule 83]") in every format; a follow-up comment
//! that only notes an earlier response is answered as needing none, not "[Response to
//! come]"; `--strict` names each comment still unanswered.

use crate::common;

use common::bin::{arg, letterdesk};

use letterdesk::export::{MISSING_MARKER, NO_RESPONSE, REDACTED_MARKER};

const SECRET_COMMENT: &str = "Please tell us the unit cost of the Heronsgate turbine contract.";
const SECRET_RESPONSE: &str = "The unit cost under the Heronsgate contract is 41,870 per turbine.";

/// A letter of four comments: 2 is answered in confidence, 3 only notes an earlier
/// response, 4 has no draft.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("upload_marrowby-wind_2024-03-01.txt");
    let comments = [
        "Please revise the risk factor on page 12 to describe the supply constraints.".to_owned(),
        SECRET_COMMENT.to_owned(),
        "Please note, we are evaluating your response to our prior comment 6 and we may have further comments.".to_owned(),
        "Please file the turbine supply agreement as an exhibit.".to_owned(),
    ];
    std::fs::write(
        &letter,
        common::letters::letter_text("Marrowby Wind Corp.", &comments),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("upload_marrowby-wind_2024-03-01.responses.toml"),
        format!(
            "[comments.\"1\"]\nstatus = \"resolved\"\nresponse = \"We have revised the risk factor.\"\n\n\
             [comments.\"2\"]\nstatus = \"resolved\"\nconfidential = true\nresponse = \"{SECRET_RESPONSE}\"\n\n\
             [comments.\"3\"]\nstatus = \"open\"\nresponse = \"\"\n"
        ),
    )
    .unwrap();
    (dir, letter)
}

#[test]
fn public_version_leaves_out_the_confidential_comment_in_every_format() {
    let (dir, letter) = setup();
    for format in ["md", "txt", "html", "docx"] {
        let public = dir.path().join(format!("public.{format}"));
        let out = letterdesk(&["export", arg(&letter), "--public", "-o", arg(&public)]);
        assert!(out.status.success(), "{out:?}");
        let bytes = std::fs::read(&public).unwrap();
        let text = if format == "docx" {
            // Every part of the package: the body, headers, properties.
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            for i in 0..zip.len() {
                std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut xml).unwrap();
            }
            assert!(xml.contains("<w:body>"), "{format}: no document part read");
            xml
        } else {
            String::from_utf8(bytes).unwrap()
        };
        for secret in ["Heronsgate", "41,870", "unit cost"] {
            assert!(
                !text.contains(secret),
                "{format}: {secret} in the public version"
            );
        }
        assert!(
            text.contains("Redacted pursuant to Rule 83"),
            "{format}: no marker"
        );
        assert!(
            text.contains("We have revised the risk factor."),
            "{format}"
        );
    }

    // The full version: the response, under the legend.
    let full = dir.path().join("full.txt");
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&full)]);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&full).unwrap();
    assert!(text.contains(SECRET_RESPONSE), "{text}");
    assert!(
        text.contains(
            "Confidential treatment requested by Marrowby Wind Corp. pursuant to Rule 83"
        ),
        "{text}"
    );
    assert!(!text.contains(REDACTED_MARKER));
}

#[test]
fn a_comment_that_only_notes_a_response_needs_none_and_strict_names_the_rest() {
    let (dir, letter) = setup();
    let out_path = dir.path().join("letter.txt");
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&out_path)]);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(text.matches(NO_RESPONSE).count(), 1, "{text}");
    assert_eq!(text.matches(MISSING_MARKER).count(), 1, "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 comment has no response: 4"), "{stderr}");

    let strict_path = dir.path().join("strict.txt");
    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", arg(&strict_path)]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 comment has no response: 4"), "{stderr}");
    assert!(!strict_path.exists(), "nothing written");

    // The drafts file can say otherwise: comment 3 needs a response after all.
    let drafts = dir
        .path()
        .join("upload_marrowby-wind_2024-03-01.responses.toml");
    let mut toml = std::fs::read_to_string(&drafts).unwrap();
    toml.push_str("no_response = false\n");
    std::fs::write(&drafts, toml).unwrap();
    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", arg(&strict_path)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 comments have no response: 3, 4"),
        "{stderr}"
    );
}
