//! `letterdesk export --strict` fails on what the staff letter asks besides its numbered
//! comments as it does on a comment: a request of the closing paragraphs (an
//! unredacted exhibit, materials sent to investors) with no answer in the drafts file's
//! `[requests]` table is named and nothing is written; answered, the request is restated
//! in the letter with the company's answer. A letter whose deadline has passed is
//! warned about, by the date the company asked for when it asked for more time.

use crate::common;

use common::bin::{arg, letterdesk, letterdesk_cached};

use std::path::{Path, PathBuf};

const EXHIBIT: &str =
    "Please provide us with an unredacted copy of Exhibit 10.4 with your response.";
const SLIDES: &str = "Please also send us the slides shown to investors on March 1, 2024.";

/// `letterdesk export LETTER -o -`, with `--config CONFIG` when given, which must
/// succeed: the letter written and the warnings.
fn exported(letter: &Path, config: Option<&Path>) -> (String, String) {
    let mut args = vec!["export", arg(letter), "-o", "-"];
    if let Some(config) = config {
        args.extend(["--config", arg(config)]);
    }
    let out = letterdesk(&args);
    assert!(out.status.success(), "{out:?}");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (text(&out.stdout), text(&out.stderr))
}

/// A letter of two comments, both answered and resolved, whose closing asks for an
/// exhibit and for slides.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("upload_tarnbrook-looms_2024-03-01.txt");
    let comments = [
        "Please revise the loom table on page 12.".to_owned(),
        "Please tell us about the Harrowgate mill.".to_owned(),
    ];
    let text = common::letters::letter_text("Tarnbrook Looms Inc.", &comments).replace(
        "Please contact Jo Ledger",
        &format!("{EXHIBIT}\n\n{SLIDES}\n\nPlease contact Jo Ledger"),
    );
    std::fs::write(&letter, text).unwrap();
    let drafts = dir
        .path()
        .join("upload_tarnbrook-looms_2024-03-01.responses.toml");
    std::fs::write(
        &drafts,
        "[comments.\"1\"]\nstatus = \"resolved\"\nresponse = \"We have revised the table.\"\n\n\
         [comments.\"2\"]\nstatus = \"resolved\"\nresponse = \"The mill closed in 2022.\"\n",
    )
    .unwrap();
    (dir, letter, drafts)
}

#[test]
fn strict_names_each_unanswered_request_and_passes_once_answered() {
    let (dir, letter, drafts) = setup();
    let out_path = dir.path().join("response.txt");

    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", arg(&out_path)]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "2 requests of the letter have no response: exhibit (\"Please provide us with an unredacted copy of Exhibit 10.4…\"), other (\"Please also send us the slides shown to investors on March…\")"
        ),
        "{stderr}"
    );
    assert!(!out_path.exists(), "nothing written");

    // Without --strict the letter is written, each request restated and marked.
    let out = letterdesk(&["export", arg(&letter), "-o", arg(&out_path)]);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.contains("Exhibit 10.4"), "{text}");
    assert_eq!(
        text.matches(letterdesk::export::MISSING_MARKER).count(),
        2,
        "{text}"
    );
    // The staff asked for a response within ten business days of March 1, 2024.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the staff asked for a response by March 15, 2024; that date has passed"),
        "{stderr}"
    );

    // One answered, one needing none: strict passes, the answer is in the letter.
    let mut toml = std::fs::read_to_string(&drafts).unwrap();
    toml.push_str(
        "\n[requests.exhibit]\nresponse = \"The Company is providing the unredacted Exhibit 10.4 under separate cover.\"\n\n\
         [requests.other]\nno_response = true\n",
    );
    std::fs::write(&drafts, toml).unwrap();
    std::fs::remove_file(&out_path).unwrap();
    let out = letterdesk(&["export", arg(&letter), "--strict", "-o", arg(&out_path)]);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(
        text.contains("The Company is providing the unredacted Exhibit 10.4 under separate cover."),
        "{text}"
    );
    assert!(!text.contains("slides"), "{text}");
    assert!(!text.contains(letterdesk::export::MISSING_MARKER), "{text}");

    // A table of the wrong shape is an error naming the drafts file and the key.
    std::fs::write(
        &drafts,
        "[comments.\"1\"]\nresponse = \"x\"\n\n[requests.exhibit]\nresponse = 4\n",
    )
    .unwrap();
    let out = letterdesk(&["export", arg(&letter), "-o", "-"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("responses.toml: `requests.exhibit.response` must be a string"),
        "{stderr}"
    );
}

/// After the company's request for more time, filed beside the staff letter, the
/// warning names the date it asked for, not the staff's ten business days; after its
/// response, there is none.
#[test]
fn a_request_for_more_time_beside_the_letter_sets_the_deadline_warned_of() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    // The fixture `name` of `folder` put in the letter's folder; then the export's
    // warnings.
    let warned_with = |folder: &str, name: &str| {
        std::fs::copy(fixtures.join(folder).join(name), dir.path().join(name)).unwrap();
        let letter = dir.path().join("upload_harrowgate-ferries_2025-03-10.txt");
        exported(&letter, None).1
    };
    let stderr = warned_with("review", "upload_harrowgate-ferries_2025-03-10.txt");
    assert!(
        stderr.contains("the staff asked for a response by March 24, 2025; that date has passed"),
        "{stderr}"
    );

    let stderr = warned_with("more-time", "corresp_harrowgate-ferries_2025-03-20.txt");
    let asked =
        "the company asked for more time, to respond by April 7, 2025; that date has passed";
    assert!(stderr.contains(asked), "{stderr}");
    assert!(!stderr.contains("the staff asked"), "{stderr}");

    // The company's response filed after them: nothing is late.
    let stderr = warned_with("review", "corresp_harrowgate-ferries_2025-03-24.txt");
    assert!(!stderr.contains("that date has passed"), "{stderr}");
}

/// The follow-up letter names the staff to contact, with no honorific configured: they
/// are greeted in full, with a warning, until the company's response beside it, which
/// greets them "Dear Mr. Ridley and Ms. Anand:", says how.
#[test]
fn the_staff_are_greeted_as_the_companys_letters_in_the_folder_greet_them() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("no-config.toml");
    let follow_up = "upload_harrowgate-ferries_2025-04-21.txt";
    std::fs::copy(fixtures.join(follow_up), dir.path().join(follow_up)).unwrap();
    let export = || exported(&dir.path().join(follow_up), Some(&config));
    let (letter, warnings) = export();
    assert!(
        letter.contains("Dear Tomas Ridley and Priya Anand:"),
        "{letter}"
    );
    assert!(
        warnings.contains("no honorific for Tomas Ridley, Priya Anand"),
        "{warnings}"
    );

    let response = "corresp_harrowgate-ferries_2025-03-24.txt";
    std::fs::copy(fixtures.join(response), dir.path().join(response)).unwrap();
    let (letter, warnings) = export();
    assert!(
        letter.contains("Dear Mr. Ridley and Ms. Anand:"),
        "{letter}"
    );
    assert!(!warnings.contains("no honorific"), "{warnings}");

    // An honorific in the config counts over the companies' letters.
    std::fs::write(
        &config,
        "[export]\nhonorifics = { \"Priya Anand\" = \"Dr.\" }\n",
    )
    .unwrap();
    let (letter, _) = export();
    assert!(
        letter.contains("Dear Mr. Ridley and Dr. Anand:"),
        "{letter}"
    );
}

/// No letter of the company's folder greets the staff, but a research library's does:
/// once `letterdesk index` has read it into the precedent index, the export greets
/// them as it does; with no index, in full with a warning.
#[test]
fn the_staff_are_greeted_as_the_letters_indexed_greet_them() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let dir = tempfile::tempdir().unwrap();
    let (work, library) = (dir.path().join("work"), dir.path().join("library"));
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&library).unwrap();
    let follow_up = "upload_harrowgate-ferries_2025-04-21.txt";
    std::fs::copy(fixtures.join(follow_up), work.join(follow_up)).unwrap();
    let response = "corresp_harrowgate-ferries_2025-03-24.txt";
    std::fs::copy(fixtures.join(response), library.join(response)).unwrap();
    let export = |cache: &Path| {
        let out = letterdesk_cached(&["export", arg(&work.join(follow_up)), "-o", "-"], cache);
        assert!(out.status.success(), "{out:?}");
        (common::bin::stdout(&out), common::bin::stderr(&out))
    };
    let cache = dir.path().join("cache");
    let (letter, warnings) = export(&cache);
    assert!(
        letter.contains("Dear Tomas Ridley and Priya Anand:"),
        "{letter}"
    );
    assert!(warnings.contains("no honorific for"), "{warnings}");

    let out = letterdesk_cached(&["index", arg(&library)], &cache);
    assert!(out.status.success(), "{out:?}");
    let (letter, warnings) = export(&cache);
    assert!(
        letter.contains("Dear Mr. Ridley and Ms. Anand:"),
        "{letter}"
    );
    assert!(!warnings.contains("no honorific"), "{warnings}");
}

/// The staff's letter gives the company's name in EDGAR's capitals, as the staff's
/// letters have since 2019: the response names it as the company's own response
/// beside it writes it; with no letter of the company there, as the staff wrote it.
#[test]
fn the_company_is_named_as_its_own_letters_write_it() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review");
    let dir = tempfile::tempdir().unwrap();
    let follow_up = "upload_harrowgate-ferries_2025-04-21.txt";
    let text = std::fs::read_to_string(fixtures.join(follow_up)).unwrap();
    let capitals = text.replace("Harrowgate Ferries, Inc.", "HARROWGATE FERRIES INC");
    assert_ne!(capitals, text, "the fixture changed");
    std::fs::write(dir.path().join(follow_up), capitals).unwrap();
    let export = || exported(&dir.path().join(follow_up), None).0;
    let letter = export();
    assert!(
        letter.contains("On behalf of HARROWGATE FERRIES INC (the"),
        "{letter}"
    );

    let response = "corresp_harrowgate-ferries_2025-03-24.txt";
    std::fs::copy(fixtures.join(response), dir.path().join(response)).unwrap();
    let letter = export();
    assert!(
        letter.contains("**Re: Harrowgate Ferries, Inc.**"),
        "{letter}"
    );
    assert!(
        letter.contains("On behalf of Harrowgate Ferries, Inc. (the"),
        "{letter}"
    );
    assert!(!letter.contains("HARROWGATE"), "{letter}");
}
