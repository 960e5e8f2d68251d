//! Two people editing different comments on two git branches merge cleanly.

use std::path::Path;
use std::process::Command;

use letterdesk::drafts::{Drafts, Status, load, save};

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("run git")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn git_available() -> bool {
    match Command::new("git").arg("--version").output() {
        Ok(out) if out.status.success() => true,
        _ => {
            eprintln!("skipping: `git` is not available on PATH");
            false
        }
    }
}

/// Commits a fresh drafts file for `numbers`, edits `a` on one branch and `b` on
/// another (each via load + save), merges, and returns the merged drafts.
fn merge_edits(numbers: &[&str], a: impl Fn(&mut Drafts), b: impl Fn(&mut Drafts)) -> Drafts {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    let path = dir.join("letter.responses.toml");
    git_ok(dir, &["init", "-q"]);
    let numbers: Vec<String> = numbers.iter().map(|s| s.to_string()).collect();
    save(&path, &Drafts::for_comments(&numbers), None).unwrap();
    git_ok(dir, &["add", "letter.responses.toml"]);
    git_ok(dir, &["commit", "-q", "-m", "drafts"]);
    git_ok(dir, &["branch", "base"]);

    for (branch, edit) in [("a", &a as &dyn Fn(&mut Drafts)), ("b", &b)] {
        git_ok(dir, &["checkout", "-q", "-b", branch, "base"]);
        let mut loaded = load(&path).unwrap().unwrap();
        edit(&mut loaded.drafts);
        save(&path, &loaded.drafts, Some(&loaded)).unwrap();
        git_ok(dir, &["commit", "-q", "-am", branch]);
    }

    git_ok(dir, &["checkout", "-q", "a"]);
    let out = git(dir, &["merge", "--no-edit", "b"]);
    assert!(
        out.status.success(),
        "merge not clean:\n{}\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(&path).unwrap_or_default()
    );
    load(&path).unwrap().unwrap().drafts
}

#[test]
fn edits_to_comments_one_and_three_merge_cleanly() {
    if !git_available() {
        return;
    }
    let merged = merge_edits(
        &["1", "2", "3"],
        |d| {
            d.set_response("1", "We will revise the disclosure.\nSecond paragraph.");
        },
        |d| {
            d.set_response(
                "3",
                "We respectfully advise the staff that\n=======\nthe table is correct.",
            );
            d.toggle_resolved("3");
        },
    );
    let one = merged.get("1").unwrap();
    assert_eq!(one.status, Status::Drafted);
    assert_eq!(
        one.response,
        "We will revise the disclosure.\nSecond paragraph."
    );
    assert_eq!(merged.get("2").unwrap().status, Status::Open);
    let three = merged.get("3").unwrap();
    assert_eq!(three.status, Status::Resolved);
    assert!(three.response.contains("\n=======\n"));
}

#[test]
fn edits_to_neighbouring_comments_merge_cleanly() {
    if !git_available() {
        return;
    }
    let merged = merge_edits(
        &["1", "2"],
        |d| {
            d.set_response("1", "Response one.");
        },
        |d| {
            d.toggle_resolved("2");
        },
    );
    assert_eq!(merged.get("1").unwrap().response, "Response one.");
    assert_eq!(merged.get("2").unwrap().status, Status::Resolved);
}

#[test]
fn two_people_setting_owners_of_neighbouring_comments_merge_cleanly() {
    if !git_available() {
        return;
    }
    let owner = |number: &'static str, name: &'static str| {
        move |d: &mut Drafts| {
            d.get_mut(number).unwrap().owner = Some(name.to_owned());
        }
    };
    let merged = merge_edits(&["1", "2", "3"], owner("1", "Jane"), owner("2", "Omar"));
    assert_eq!(merged.get("1").unwrap().owner.as_deref(), Some("Jane"));
    assert_eq!(merged.get("2").unwrap().owner.as_deref(), Some("Omar"));
    assert_eq!(merged.get("3").unwrap().owner, None);
}
