//! Sweeps the real EDGAR letters in `../shared/letters` when that folder is present
//! (it is not part of the repository; on a clone without it these tests pass vacuously
//! and say so).

use crate::common::shared;
use crate::support::assert_no_debris;
use letterdesk::letter::{Kind, Letter, parse_file};
use std::path::PathBuf;

fn shared_dir() -> Option<PathBuf> {
    shared::folder("letters")
}

fn letter(name: &str) -> Option<Letter> {
    let path = shared_dir()?.join(name);
    if !path.exists() {
        eprintln!("skipped: {} is not present", path.display());
        return None;
    }
    Some(parse_file(&path).expect("parses"))
}

fn nearest(letter: &Letter, number: &str) -> String {
    let c = letter
        .comments
        .iter()
        .find(|c| c.number == number)
        .expect("comment exists");
    c.headings.last().cloned().unwrap_or_default()
}

#[test]
fn every_letter_in_the_folder() {
    let Some(dir) = shared_dir() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        seen += 1;
        let letter = parse_file(&path).expect("parses");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        if name.starts_with("corresp_") {
            assert_eq!(letter.kind, Kind::Response, "{name}");
            continue;
        }
        if raw.contains("completed our review") {
            assert_eq!(letter.kind, Kind::Completion, "{name}");
            assert!(letter.comments.is_empty(), "{name}");
            continue;
        }
        assert_eq!(letter.kind, Kind::Comments, "{name}");
        assert!(!letter.comments.is_empty(), "{name} yields comments");
        assert!(letter.date.is_some(), "{name} has a date");
        assert!(letter.company.is_some(), "{name} has a company");
        let mut numbers: Vec<&str> = letter.comments.iter().map(|c| c.number.as_str()).collect();
        let count = numbers.len();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), count, "{name}: numbers are unique");
        let addressee = letter.addressee.name.clone().unwrap_or_default();
        let debris = [
            "FirstName",
            "LastName",
            "Comapany",
            "~~",
            "**",
            "\u{0C}",
            "We urge all persons",
            "You may contact",
            "Sincerely",
        ];
        assert_no_debris(&letter, &debris);
        for c in &letter.comments {
            let all = format!("{}\n{}", c.headings.join("\n"), c.text);
            assert!(!c.text.is_empty(), "{name} comment {} has text", c.number);
            for line in all.lines() {
                assert!(
                    !(line.starts_with("Page ") && line.len() < 10),
                    "{name} comment {} holds a page header line {line:?}",
                    c.number
                );
                assert_ne!(
                    line.trim(),
                    addressee,
                    "{name} comment {} holds the addressee line",
                    c.number
                );
            }
        }
    }
    assert!(seen >= 10, "the shared folder holds letters");
}

#[test]
fn the_2014_letter() {
    let Some(l) = letter("upload_21vianet_2014-11-17.txt") else {
        return;
    };
    let numbers: Vec<String> = l.comments.iter().map(|c| c.number.clone()).collect();
    let expected: Vec<String> = (1..=16).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    assert_eq!(
        nearest(&l, "1"),
        "Our leases for data centers could be terminated early..., page 9"
    );
    assert_eq!(nearest(&l, "6"), "Results of Operations, page 71");
    assert_eq!(
        nearest(&l, "14"),
        "(c) Establishment of Asia Cloud Group, page F-19"
    );
    assert_eq!(nearest(&l, "16"), "(c) Commitments, page F-77");
    let c10 = &l.comments[9].text;
    assert!(
        c10.contains("Refer to FRC 501.03(a) and Section IV"),
        "{c10}"
    );
    assert!(l.comments[15].text.ends_with("future filings."));
    assert!(l.comments[1].text.contains("4,513"));
    assert_eq!(l.date.as_deref(), Some("2014-11-17"));
    assert_eq!(l.company.as_deref(), Some("21Vianet Group, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-35126"));
    assert_eq!(l.response_due.as_deref(), Some("2014-12-02"));
    assert_eq!(l.signatory.name.as_deref(), Some("Craig D. Wilson"));
    assert!(
        l.contacts
            .iter()
            .any(|c| c.name == "Melissa Walsh" && c.phone.as_deref() == Some("(202) 551-3224"))
    );
}

#[test]
fn the_2017_letter() {
    let Some(l) = letter("upload_21vianet_2017-09-19.txt") else {
        return;
    };
    let numbers: Vec<&str> = l.comments.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    assert_eq!(
        nearest(&l, "1"),
        "Item 5. Operating and Financial Review and Prospects, page 70"
    );
    assert_eq!(nearest(&l, "2"), "Goodwill, page 84");
    assert_eq!(l.response_due.as_deref(), Some("2017-10-03"));
}

#[test]
fn unnumbered_and_completion_letters() {
    if let Some(l) = letter("upload_ford-motor_2017-11-07.txt") {
        assert_eq!(l.comments.len(), 1);
        assert_eq!(l.comments[0].number, "1");
        assert!(!l.warnings.is_empty());
    }
    if let Some(l) = letter("upload_agilent-technologies_2016-09-30.txt") {
        assert_eq!(l.kind, Kind::Completion);
        assert!(l.comments.is_empty());
    }
}
