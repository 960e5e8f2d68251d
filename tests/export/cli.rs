//! `letterdesk export`: the real 2014 letter with two drafted comments (when
//! `../shared/letters` is present), format inference, `--strict`, and errors that
//! name the file.

use crate::common;

use common::bin::{arg, letterdesk, stderr};
use common::files::written;

use std::path::{Path, PathBuf};

use letterdesk::drafts::{self, Drafts};

const REAL: &str = "upload_21vianet_2014-11-17.txt";

/// A temp copy of the real letter's folder (just the letter), if the folder exists.
fn real_letter() -> Option<(tempfile::TempDir, PathBuf)> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/letters")
        .join(REAL);
    if !source.exists() {
        eprintln!("skipped: {} is not present", source.display());
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join(REAL);
    std::fs::copy(&source, &letter).unwrap();
    Some((dir, letter))
}

const RESPONSE_3: &str = "The Company will add a table showing revenue and net loss of acquired businesses.\n\nThe Company considered:\n- the size of each acquisition;\n- its effect on gross margin.";
const RESPONSE_13: &str = "The Company respectfully advises the Staff that the Microsoft & IBM contracts are not material <under Item 19>.";

fn draft_two(letter: &Path) {
    let parsed = letterdesk::letter::parse_file(letter).unwrap();
    let numbers: Vec<String> = parsed.comments.iter().map(|c| c.number.clone()).collect();
    let mut d = Drafts::for_comments(&numbers);
    d.set_response("3", RESPONSE_3);
    d.set_response("13", RESPONSE_13);
    drafts::save(&drafts::drafts_path(letter), &d, None).unwrap();
}

#[test]
fn real_2014_letter_with_two_drafted_comments() {
    let Some((dir, letter)) = real_letter() else {
        return;
    };
    draft_two(&letter);
    let config = dir.path().join("no-config.toml");

    // Without --strict: written next to the letter, exit 0, 14 missing listed.
    let out = letterdesk(&["export", arg(&letter), "--config", arg(&config)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = dir.path().join("upload_21vianet_2014-11-17.response.md");
    let err = stderr(&out);
    assert!(
        err.contains(&format!("wrote {}", written.display())),
        "{err}"
    );
    assert!(
        err.contains(
            "14 comments have no response: 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16"
        ),
        "{err}"
    );
    assert!(
        err.contains("2 comments are drafted but not resolved: 3, 13"),
        "{err}"
    );
    let md = std::fs::read_to_string(&written).unwrap();

    // 16 comments in order, each followed by its response or the marker.
    let starts: Vec<usize> = (1..=16)
        .scan(0, |at, n| {
            let head = format!("\n**{n}. ");
            let found = md[*at..].find(&head).map(|i| *at + i)?;
            *at = found + head.len();
            Some(found)
        })
        .collect();
    assert_eq!(starts.len(), 16, "16 comments in order");
    let closing = md.find("If you have any questions").unwrap();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(closing);
        let section = &md[*start..end];
        let number = i + 1;
        match number {
            3 => {
                assert!(
                    section.contains("The Company will add a table"),
                    "{section}"
                );
                assert!(
                    section.contains(
                        "\n- the size of each acquisition;\n- its effect on gross margin."
                    ),
                    "{section}"
                );
                assert!(!section.contains("Response to come"), "{section}");
            }
            13 => {
                assert!(
                    section.contains(
                        r"the Microsoft & IBM contracts are not material \<under Item 19\>."
                    ),
                    "{section}"
                );
                assert!(!section.contains("Response to come"), "{section}");
            }
            _ => assert!(
                section.contains(r"\[Response to come\]"),
                "{number}: {section}"
            ),
        }
    }
    assert_eq!(md.matches(r"\[Response to come\]").count(), 14);
    assert!(md.contains("**Re: 21Vianet Group, Inc.**"), "{md}");
    assert!(md.contains("Attention: Craig D. Wilson, Sr. Asst. Chief Accountant"));
    assert!(md.contains("in your letter dated November 17, 2014"));

    // With --strict: exit 1, the list, nothing written.
    let strict_out = dir.path().join("strict.md");
    let out = letterdesk(&[
        "export",
        arg(&letter),
        "--strict",
        "-o",
        arg(&strict_out),
        "--config",
        arg(&config),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("14 comments have no response: 1, 2, 4"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert!(!strict_out.exists(), "--strict failure writes nothing");

    // The other formats hold the 16 comments too.
    for (format, ext) in [("txt", "txt"), ("html", "htm"), ("docx", "docx")] {
        let out = letterdesk(&[
            "export",
            arg(&letter),
            "--format",
            format,
            "--config",
            arg(&config),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let path = dir
            .path()
            .join(format!("upload_21vianet_2014-11-17.response.{ext}"));
        assert!(path.exists(), "{}", path.display());
        if format == "txt" {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(text.matches("[Response to come]").count(), 14);
            assert!(
                text.lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
            );
        }
    }
}

/// A demo letter in a temp folder.
fn demo_letter() -> (tempfile::TempDir, PathBuf) {
    let (name, text) = letterdesk::demo::LETTERS[0];
    written(name, text)
}

#[test]
fn format_from_output_extension_and_stdout() {
    let (dir, letter) = demo_letter();
    let html = dir.path().join("out.html");
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&html)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.starts_with("<!DOCTYPE HTML"), "{text}");

    let out = letterdesk(&["export", arg(&letter), "-o", "-", "--format", "txt"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.contains("Re: Kittiwake Marine Holdings Ltd."),
        "{text}"
    );
    assert!(!stderr(&out).contains("wrote"));

    // An unknown extension without --format: Markdown.
    let other = dir.path().join("out.response");
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&other)]);
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&other)
            .unwrap()
            .contains("**Re: Kittiwake")
    );
}

#[test]
fn strict_passes_when_everything_is_resolved() {
    let (_dir, letter) = demo_letter();
    let parsed = letterdesk::letter::parse_file(&letter).unwrap();
    let mut d = Drafts::default();
    for c in &parsed.comments {
        d.set_response(&c.number, format!("Response to {}.", c.number));
        d.toggle_resolved(&c.number);
    }
    drafts::save(&drafts::drafts_path(&letter), &d, None).unwrap();
    let out = letterdesk(&["export", arg(&letter), "--strict", "--format", "docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("have no response"));
    assert!(
        letter
            .with_file_name(format!(
                "{}.response.docx",
                letter.file_stem().unwrap().to_str().unwrap()
            ))
            .exists()
    );
}

#[test]
fn broken_drafts_file_is_an_error_naming_file_and_line() {
    let (_dir, letter) = demo_letter();
    let drafts_file = drafts::drafts_path(&letter);
    std::fs::write(
        &drafts_file,
        "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"x\n",
    )
    .unwrap();
    let out = letterdesk(&["export", arg(&letter)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:3:", drafts_file.display())),
        "names the file and line: {err}"
    );
}

#[test]
fn config_errors_name_file_and_line_and_settings_apply() {
    let (dir, letter) = demo_letter();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[colors]\nfocus = \"red\"\n\n[export]\nrestatement = \"loud\"\n",
    )
    .unwrap();
    let out = letterdesk(&["--config", arg(&config), "export", arg(&letter)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{}:5:", config.display())),
        "{}",
        stderr(&out)
    );

    std::fs::write(
        &config,
        "[export]\nsigner_name = \"Nikolaos Vardakis\"\nsigner_title = \"Chief Financial Officer\"\ncc = [\"Sophia Karamanlis, Esq.\"]\nrestatement = \"italic\"\nresponse_label = \"Company Response\"\n",
    )
    .unwrap();
    let out = letterdesk(&["export", arg(&letter), "--config", arg(&config), "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        md.contains("Nikolaos Vardakis\\\nChief Financial Officer"),
        "{md}"
    );
    assert!(md.contains("cc: Sophia Karamanlis, Esq."));
    assert!(md.contains("reproduced in italics below"));
    assert!(md.contains("**Company Response:**"));
    assert!(!stderr(&out).contains("signer_name"));
}

#[test]
fn refuses_to_overwrite_the_letter_or_its_drafts() {
    let (_dir, letter) = demo_letter();
    let before = std::fs::read(&letter).unwrap();
    let out = letterdesk(&[
        "export",
        arg(&letter),
        "-o",
        arg(&letter),
        "--format",
        "txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refusing to overwrite"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&letter).unwrap(), before);
    let drafts_file = drafts::drafts_path(&letter);
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&drafts_file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!drafts_file.exists());
}

#[test]
fn missing_letter_is_an_error() {
    let out = letterdesk(&["export", "/nonexistent/letter.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/letter.txt"));
}
