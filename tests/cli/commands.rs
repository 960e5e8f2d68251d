//! The binary's command line: help, version, `parse`, exit codes.

use crate::common;

use common::bin::{json_of, keys_of, letterdesk};

use std::path::Path;

fn write_letter(dir: &Path) -> String {
    let path = dir.join("letter.txt");
    std::fs::write(
        &path,
        "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\nFenwick Orchards, Inc.\n1 Orchard Way\n\nRe: Fenwick Orchards, Inc.\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\nFile No. 001-55555\n\nDear Ms. Fenwick:\n\nWe have reviewed your filing and have the following comments.\n\nPlease respond to this letter within ten business days.\n\nRevenue, page 40\n\n1. Please explain the growth.\n\n2. Please tell us about the orchards.\n\nYou may contact Lee Park, Staff Accountant, at (202) 551-0001 with any questions.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Manufacturing\n",
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn help_and_version() {
    let help = letterdesk(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("parse") && text.contains("completions") && text.contains("--demo"),
        "{text}"
    );
    let version = letterdesk(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("letterdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn parse_json_has_exactly_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_letter(dir.path());
    let out = letterdesk(&["parse", &file, "--json"]);
    let value = json_of(&out);
    let keys = keys_of(&value);
    let mut expected = vec![
        "file",
        "kind",
        "date",
        "company",
        "respondent",
        "addressee",
        "subject",
        "file_number",
        "response_due",
        "extension",
        "effectiveness",
        "comments",
        "signatory",
        "contacts",
        "warnings",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(value["kind"], "comments");
    assert_eq!(value["date"], "2025-03-03");
    assert_eq!(value["response_due"], "2025-03-17");
    assert!(value["extension"].is_null());
    assert!(value["effectiveness"].is_null());
    let comment = &value["comments"][1];
    let ckeys = keys_of(comment);
    assert_eq!(ckeys, ["headings", "number", "pages", "references", "text"]);
    assert_eq!(comment["number"], "2");
    assert_eq!(comment["headings"][0], "Revenue, page 40");
}

#[test]
fn parse_outline() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_letter(dir.path());
    let out = letterdesk(&["parse", &file]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("company:      Fenwick Orchards, Inc."),
        "{text}"
    );
    assert!(text.contains("Revenue, page 40"));
    assert!(text.contains("1. Please explain the growth."));
}

#[test]
fn exit_codes() {
    let missing = letterdesk(&["parse", "/nonexistent/letter.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/letter.txt"));
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\x00\x00\x00").unwrap();
    let out = letterdesk(&["parse", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a letter"));
    assert_eq!(letterdesk(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(letterdesk(&["parse"]).status.code(), Some(2));
}

#[test]
fn completions() {
    let out = letterdesk(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("letterdesk"));
}
