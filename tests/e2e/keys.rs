//! End to end in tmux, as a new user would, on a folder of 40 synthetic letters with a
//! fixed clock (`LETTERDESK_TODAY`): `:12` selects comment 12, Ctrl-d moves half a page,
//! `/` then "kitti" leaves only the matching company, `:sort due` puts the letter due
//! first on top with its business days left, `:owner Jane` writes the owner into the
//! drafts file and `:filter mine` shows it, quitting and starting again lands on the
//! same letter and comment, a mouse click on the Comments pane focuses it, `gg` goes to
//! the first comment, and a click in the Draft pane puts the cursor on the word clicked.

use crate::common;

use std::fmt::Write as _;
use std::path::Path;

use common::tmux::{self, Tmux};

/// Wednesday 12 June 2024.
const TODAY: &str = "2024-06-12";

/// A staff letter dated `date` ("June 3, 2024") asking for a response within ten
/// business days, with `comments` comments.
fn letter(company: &str, date: &str, comments: usize) -> String {
    let mut out = String::from(
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWASHINGTON, D.C. 20549\n\n",
    );
    let _ = write!(
        out,
        "{date}\n\nVia E-mail\n\nAda Quill\nChief Financial Officer\n{company}\n1 Main Street\n\
         Springfield, IL 62701\n\nRe: {company}\nForm 10-K for the Fiscal Year Ended December 31, \
         2023\nFiled February 20, 2024\nFile No. 001-{:05}\n\nDear Ms. Quill:\n\n\
         We have reviewed your filing and have the following comments.\n\n\
         Please respond to this letter within ten business days by amending your filing.\n\n\
         Form 10-K for the Fiscal Year Ended December 31, 2023\n\nRisk Factors\n\n",
        company.len() * 97 + comments
    );
    for n in 1..=comments {
        let _ = writeln!(
            out,
            "{n}. Please tell us more about matter {n} of the filing and revise the disclosure \
             in future filings to explain how it affects your results.\n"
        );
    }
    out.push_str(
        "Please contact Jo Ledger, Staff Accountant, at (202) 551-0000 with any questions.\n\n\
         Sincerely,\n\n/s/ Sam Reviewer\n\nSam Reviewer\nOffice of Manufacturing\n",
    );
    out
}

/// 40 letters: Kittiwake Marine Holdings, dated Friday 31 May (due Friday 14 June: two
/// business days after `TODAY`), with 20 comments, and 39 others dated 3 to 11 June
/// (due after it).
fn folder(dir: &Path) {
    std::fs::write(
        dir.join("kittiwake.txt"),
        letter("Kittiwake Marine Holdings", "May 31, 2024", 20),
    )
    .unwrap();
    let names = [
        "Alder", "Basalt", "Cedar", "Dunlin", "Egret", "Fennel", "Garnet", "Heron", "Iris",
        "Juniper", "Kestrel", "Larch", "Marten", "Nutmeg", "Osprey", "Plover", "Quince", "Rowan",
        "Sorrel", "Tansy", "Umber", "Vetch", "Wren", "Yarrow", "Zinnia", "Aspen", "Bramble",
        "Clover", "Dogwood", "Elder", "Fescue", "Gorse", "Hazel", "Ivy", "Jasper", "Kelp", "Lupin",
        "Myrtle", "Nettle",
    ];
    let days = [3, 4, 5, 6, 7, 10, 11];
    for (i, name) in names.iter().enumerate() {
        let date = format!("June {}, 2024", days[i % days.len()]);
        std::fs::write(
            dir.join(format!("{}.txt", name.to_lowercase())),
            letter(&format!("{name} Industries Corp."), &date, 3),
        )
        .unwrap();
    }
}

/// The row of the screen that mentions `text`.
fn row_with<'a>(screen: &'a str, text: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(text))
}

fn command(t: &Tmux, text: &str) {
    t.type_text(&format!(":{text}"));
    t.keys(&["Enter"]);
}

#[test]
fn a_new_user_drives_the_keys_of_a_40_letter_folder() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    folder(dir.path());
    let t = Tmux::start_shell(
        dir.path(),
        "exec \"$LETTERDESK\" .",
        &[("LETTERDESK_TODAY", TODAY), ("LETTERDESK_USER", "Jane")],
        200,
        50,
    );
    t.wait_until("all 40 letters", |s| s.contains("/40)"));

    // Sorted by date, then by due date: the letter due first comes to the top.
    command(&t, "sort date");
    let screen = t.wait_until("newest first", |s| {
        s.lines().nth(1).is_some_and(|l| !l.contains("Kittiwake"))
    });
    assert!(row_with(&screen, "Kittiwake").is_some(), "{screen}");
    command(&t, "sort due");
    let screen = t.wait_until("Kittiwake on top", |s| {
        s.lines().nth(1).is_some_and(|l| l.contains("Kittiwake"))
    });
    let top = screen.lines().nth(1).unwrap();
    assert!(top.contains("due in 2 business days"), "{screen}");

    // `/` then "kitti": only the matching company is left.
    t.type_text("/kitti");
    let screen = t.wait_for("(1/1)");
    assert!(row_with(&screen, "Alder Industries").is_none(), "{screen}");
    t.keys(&["Enter"]);
    t.press("Enter", "Kittiwake Marine Holdings · 10-K");

    // Ctrl-d: half a page down in the Comments pane.
    let before = t.screen();
    t.keys(&["C-d"]);
    let after = t.wait_until("half a page down", |s| s != before);
    assert!(!after.contains(" 1.  Please tell us more"), "{after}");

    // `:12` selects comment 12.
    command(&t, "12");
    t.wait_for("Draft · comment 12");

    // `:owner Jane` writes the owner into that comment's table.
    command(&t, "owner Jane");
    command(&t, "w");
    let drafts = dir.path().join("kittiwake.responses.toml");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let text = loop {
        let text = std::fs::read_to_string(&drafts).unwrap_or_default();
        if text.contains("owner = \"Jane\"") || std::time::Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let table: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        table["comments"]["12"]["owner"].as_str(),
        Some("Jane"),
        "{text}"
    );

    // "me" is Jane: `:filter mine` lists comment 12 alone.
    command(&t, "filter mine");
    let screen = t.wait_for("mine: 1 of 20");
    assert!(screen.contains("12. Please tell us"), "{screen}");
    command(&t, "filter all");

    // Quit, start again: the same letter and comment.
    t.quit();
    t.restart(dir.path(), &["."], 200, 50);
    t.wait_for("Draft · comment 12");
    let screen = t.screen();
    assert!(
        screen.contains("Kittiwake Marine Holdings · 10-K"),
        "{screen}"
    );

    // A click on the Comments pane focuses it (SGR mouse sequence, 1-based x;y).
    t.keys(&["Escape"]);
    let screen = t.wait_until("Letters focused", |s| {
        s.lines().next().is_some_and(|l| l.starts_with('┏'))
    });
    assert!(
        !screen.lines().next().unwrap()[3..].contains('┏'),
        "{screen}"
    );
    t.type_text("\x1b[<0;100;10M\x1b[<0;100;10m");
    let screen = t.wait_until("Comments focused", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with('┌') && l.contains('┏'))
    });
    assert!(screen.contains("Kittiwake"), "{screen}");

    // `gg`: the first comment (the first g waits).
    t.keys(&["g", "g"]);
    t.wait_for("Draft · comment 1 ");

    // A click in the Draft pane edits it; a click on a word puts the cursor on it.
    t.type_text("\x1b[<0;170;10M\x1b[<0;170;10m");
    t.wait_until("Draft focused", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.trim_end().ends_with('┓'))
    });
    t.type_text("alpha beta gamma");
    let screen = t.wait_for("alpha beta gamma");
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("alpha beta gamma"))
        .unwrap();
    let x = line[..line.find("beta").unwrap()].chars().count();
    t.type_text(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        x + 1,
        y + 1,
        x + 1,
        y + 1
    ));
    t.type_text("X");
    t.wait_for("alpha Xbeta gamma");
}
