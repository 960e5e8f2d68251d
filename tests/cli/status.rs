//! `letterdesk status`: the real binary on a folder with a good letter, a letter
//! whose drafts file has git conflict markers, and a binary file.

use crate::common;

use common::bin::{json_of, keys_of, letterdesk, letterdesk_cached};

use std::path::Path;
use std::process::Output;

fn staff_letter(company: &str) -> String {
    format!(
        "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\n{company}\n1 Orchard Way\n\n\
         Re: {company}\nForm 10-K for the Fiscal Year Ended December 31, 2024\nFiled February 20, 2025\n\
         File No. 001-55555\n\nDear Ms. Fenwick:\n\nWe have reviewed your filing and have the following comments.\n\n\
         Please respond to this letter within ten business days.\n\nRevenue, page 40\n\n\
         1. Please explain the growth.\n\n2. Please tell us about the orchards.\n\n\
         3. Please file the exhibits.\n\n\
         You may contact Lee Park, Staff Accountant, at (202) 551-0001 with any questions.\n\n\
         Sincerely,\n\nDivision of Corporation Finance\nOffice of Manufacturing\n"
    )
}

/// The problem a JSON row names (the test fails if it names none).
fn problem(row: &serde_json::Value) -> &str {
    row["problem"].as_str().expect("a problem")
}

fn setup(dir: &Path) {
    std::fs::write(dir.join("good.txt"), staff_letter("Fenwick Orchards, Inc.")).unwrap();
    std::fs::write(
        dir.join("good.responses.toml"),
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"We grew.\"\n\n\
         [comments.\"2\"]\nstatus = \"resolved\"\nresponse = \"Orchards.\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("merged.txt"),
        staff_letter("Quarry Lane Materials Corp."),
    )
    .unwrap();
    std::fs::write(
        dir.join("merged.responses.toml"),
        "[comments.\"1\"]\n<<<<<<< HEAD\nstatus = \"drafted\"\n=======\nstatus = \"resolved\"\n>>>>>>> other\n",
    )
    .unwrap();
    std::fs::write(dir.join("scan.txt"), b"PK\x03\x04\x00\x00binary\x00").unwrap();
}

#[test]
fn table_lists_every_letter_and_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = letterdesk(&["status", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    for heading in [
        "FILE", "COMPANY", "DATE", "DUE", "COMMENTS", "DRAFTED", "RESOLVED", "PROBLEM",
    ] {
        assert!(lines[0].contains(heading), "{text}");
    }
    let good: Vec<&str> = lines[1].split_whitespace().collect();
    assert!(
        lines[1].contains("good.txt") && lines[1].contains("Fenwick Orchards, Inc."),
        "{text}"
    );
    assert_eq!(
        &good[good.len() - 5..],
        ["2025-03-03", "2025-03-17", "3", "1", "1"],
        "{text}"
    );
    assert!(lines[2].contains("merged.txt"), "{text}");
    assert!(
        lines[2].ends_with("merged.responses.toml:2: unresolved git conflict marker"),
        "{text}"
    );
    assert!(
        lines[3].contains("scan.txt") && lines[3].contains("not a letter (binary content)"),
        "{text}"
    );
}

#[test]
fn json_is_a_letters_list_with_snake_case_fields() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let out = letterdesk(&["status", "--json", dir.path().to_str().unwrap()]);
    let value = json_of(&out);
    let letters = value["letters"].as_array().unwrap();
    assert_eq!(letters.len(), 3);
    let good = &letters[0];
    let keys = keys_of(good);
    assert_eq!(
        keys,
        [
            "comments",
            "company",
            "date",
            "drafted",
            "file",
            "form",
            "kind",
            "not_read",
            "owners",
            "path",
            "problem",
            "resolved",
            "response_due"
        ]
    );
    assert_eq!(good["file"], "good.txt");
    assert_eq!(good["kind"], "comments");
    assert_eq!(good["company"], "Fenwick Orchards, Inc.");
    assert_eq!(good["date"], "2025-03-03");
    assert_eq!(good["form"], "10-K");
    assert_eq!(good["response_due"], "2025-03-17");
    assert_eq!(
        (
            good["comments"].as_u64(),
            good["drafted"].as_u64(),
            good["resolved"].as_u64()
        ),
        (Some(3), Some(1), Some(1))
    );
    assert!(good["problem"].is_null());

    let merged = &letters[1];
    assert_eq!(merged["company"], "Quarry Lane Materials Corp.");
    assert_eq!(merged["comments"], 3);
    let conflict = "merged.responses.toml:2: unresolved git conflict marker";
    assert!(problem(merged).ends_with(conflict), "{merged}");
    let scan = &letters[2];
    assert_eq!(scan["file"], "scan.txt");
    assert!(
        scan["problem"].as_str().unwrap().contains("binary"),
        "{scan}"
    );
}

#[test]
fn missing_paths_are_reported_and_only_all_missing_fails() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let good = dir.path().join("good.txt");
    let gone = dir.path().join("gone.txt");
    let out = letterdesk(&[
        "status",
        "--json",
        gone.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(problem(&value["letters"][0]).contains("gone.txt"));
    assert!(value["letters"][1]["problem"].is_null());

    let out = letterdesk(&["status", gone.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt: no such file or folder"));
}

#[test]
fn the_size_limit_of_the_config_applies_as_in_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = staff_letter("Fenwick Orchards, Inc.");
    big.push_str(&"Exhibit index line.\n".repeat(80_000));
    std::fs::write(dir.path().join("big.txt"), big).unwrap();
    let config = dir.path().join("config.toml");
    let folder = dir.path().to_str().unwrap();
    let big_row = |out: &Output| {
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        value["letters"][0].clone()
    };

    std::fs::write(&config, "[limits]\nmax_letter_mb = 1\n").unwrap();
    let out = letterdesk(&[
        "status",
        "--json",
        "--config",
        config.to_str().unwrap(),
        folder,
    ]);
    assert!(out.status.success());
    let row = big_row(&out);
    assert_eq!(row["comments"], 0);
    let too_large = "big.txt: too large to open (2 MB; limit 1 MB)";
    assert!(problem(&row).ends_with(too_large), "{row}");

    // Without a config the built-in limit (64 MB) applies; a config that cannot be used
    // is named, with its line, and the built-in limits apply.
    std::fs::write(&config, "[limits]\nmax_letter_mb = \"one\"\n").unwrap();
    for args in [
        vec!["status", "--json", folder],
        vec![
            "status",
            "--json",
            "--config",
            config.to_str().unwrap(),
            folder,
        ],
    ] {
        let out = letterdesk(&args);
        assert!(out.status.success());
        let row = big_row(&out);
        assert_eq!(
            (row["comments"].as_u64(), row["problem"].as_str()),
            (Some(3), None)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args.contains(&"--config") {
            assert!(
                stderr.starts_with("letterdesk: warning: config ignored: ")
                    && stderr.contains("config.toml:2:"),
                "{stderr}"
            );
        } else {
            assert!(stderr.is_empty(), "{stderr}");
        }
    }
}

#[cfg(unix)]
#[test]
fn links_that_cannot_be_followed_are_rows_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("good.txt"),
        staff_letter("Fenwick Orchards, Inc."),
    )
    .unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("gone.txt")).unwrap();
    let out = letterdesk(&["status", "--json", root.to_str().unwrap()]);
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(String, Option<String>)> = value["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let problem = l["problem"].as_str().map(|p| {
                let (path, why) = p.split_once(": ").unwrap();
                assert_eq!(path, l["path"].as_str().unwrap());
                why.to_owned()
            });
            (l["file"].as_str().unwrap().to_owned(), problem)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("gone.txt".into(), Some("no such file".into())),
            ("good.txt".into(), None),
            (
                "up".into(),
                Some("symlink loop: points back into a folder being searched".into())
            ),
        ]
    );
}

#[test]
fn save_loop_is_hidden_from_help() {
    let out = letterdesk(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("status"), "{text}");
    assert!(!text.contains("save-loop"), "{text}");
}

#[test]
fn drafts_left_behind_by_a_renamed_letter_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("renamed.txt"), staff_letter("Orchard Co")).unwrap();
    std::fs::write(
        dir.path().join("old.responses.toml"),
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"We grew.\"\n",
    )
    .unwrap();
    let out = letterdesk(&["status", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("old.responses.toml: drafts whose letter is gone"),
        "{err}"
    );
    // A drafts file beside its letter is not named.
    assert!(!err.contains("renamed.responses.toml"), "{err}");
}

#[test]
fn json_reports_the_owners_of_each_letters_comments() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    std::fs::write(
        dir.path().join("good.responses.toml"),
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"We grew.\"\nowner = \"Jane\"\n\n\
         [comments.\"3\"]\nstatus = \"open\"\nowner = \"Omar Haddad\"\nresponse = \"\"\n",
    )
    .unwrap();
    let out = letterdesk(&["status", "--json", dir.path().to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let letters = value["letters"].as_array().unwrap();
    assert_eq!(
        letters[0]["owners"],
        serde_json::json!([
            { "comment": "1", "owner": "Jane" },
            { "comment": "3", "owner": "Omar Haddad" }
        ])
    );
    assert_eq!(
        letters[1]["owners"],
        serde_json::json!([]),
        "unreadable: none"
    );
}

/// A warm `status` takes the owners from the cache, and a drafts file changed since
/// is read again.
#[test]
fn owners_come_from_the_cache_until_the_drafts_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    setup(dir.path());
    let drafts = dir.path().join("good.responses.toml");
    let owned = |owner: &str| {
        format!(
            "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"We grew.\"\nowner = \"{owner}\"\n"
        )
    };
    std::fs::write(&drafts, owned("Jane")).unwrap();
    let owners = || {
        let out = letterdesk_cached(
            &["status", "--json", dir.path().to_str().unwrap()],
            cache.path(),
        );
        json_of(&out)["letters"][0]["owners"].clone()
    };
    let jane = serde_json::json!([{ "comment": "1", "owner": "Jane" }]);
    assert_eq!(owners(), jane, "cold");
    assert!(
        std::fs::read_dir(cache.path()).unwrap().next().is_some(),
        "the cache is written"
    );
    assert_eq!(owners(), jane, "warm");
    std::fs::write(&drafts, owned("Omar Haddad, Esq.")).unwrap();
    assert_eq!(
        owners(),
        serde_json::json!([{ "comment": "1", "owner": "Omar Haddad, Esq." }]),
        "changed"
    );
}

/// A warm `status` (the folder walk stamps each letter and takes what the cache keeps
/// of it) reads a letter again when it is rewritten or replaced, and still names the
/// drafts files whose letter is gone.
#[test]
fn a_warm_status_reads_changed_letters_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for (name, company) in [("a", "Alder Co"), ("b", "Birch Co"), ("c", "Cedar Co")] {
        std::fs::write(
            dir.path().join(format!("{name}.txt")),
            staff_letter(company),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("c.responses.toml"),
        "[comments.\"1\"]\nstatus = \"resolved\"\nresponse = \"Done.\"\n",
    )
    .unwrap();
    let status = || {
        letterdesk_cached(
            &["status", "--json", dir.path().to_str().unwrap()],
            cache.path(),
        )
    };
    let companies = |out: &Output| -> Vec<String> {
        json_of(out)["letters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["company"].as_str().unwrap_or("-").to_owned())
            .collect()
    };
    let cold = status();
    assert_eq!(companies(&cold), ["Alder Co", "Birch Co", "Cedar Co"]);
    let warm = status();
    assert_eq!(warm.stdout, cold.stdout, "warm as cold");
    assert_eq!(json_of(&warm)["letters"][2]["resolved"], 1);
    // Rewritten in place at the same size, and replaced by another file.
    std::fs::write(dir.path().join("a.txt"), staff_letter("Aspen Co")).unwrap();
    let replacement = dir.path().join("b.new");
    std::fs::write(&replacement, staff_letter("Beech Co")).unwrap();
    std::fs::rename(&replacement, dir.path().join("b.txt")).unwrap();
    std::fs::remove_file(dir.path().join("c.txt")).unwrap();
    let changed = status();
    assert_eq!(companies(&changed), ["Aspen Co", "Beech Co"]);
    let err = String::from_utf8_lossy(&changed.stderr);
    assert!(
        err.contains("c.responses.toml: drafts whose letter is gone"),
        "{err}"
    );
}
