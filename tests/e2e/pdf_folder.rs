//! End to end in tmux, as a new user: a folder holding only PDF staff letters and EDGAR
//! HTML responses (made at test time) opens and works as a folder of text letters does;
//! a damaged PDF, a scan, a cut-short `.htm` and a 50 MB PDF are each a row that says
//! what it is, and the rest of the folder still works.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::letters::letter_text;
use common::pdf::{self, Layout, Mark, letter_pdf};
use common::tmux::{self, Tmux};
use letterdesk::letter::{Letter, parse_bytes};

/// Three comments about `product`, long enough to wrap over several lines of a PDF.
fn comments(product: &str) -> Vec<String> {
    [
        format!("Please revise your disclosure of segment results to explain the decline in gross margin for the {product} segment, quantifying each factor you cite."),
        format!("We note your statement that revenue from the {product} platform is recognized over time. Please tell us the measure of progress you use."),
        "Please expand your discussion of liquidity to describe the covenants of your revolving credit facility.".to_owned(),
    ]
    .to_vec()
}

/// A staff letter to `company` dated `date` ("April 2, 2024"), as text.
fn staff_letter(company: &str, product: &str, date: &str) -> String {
    letter_text(company, &comments(product)).replace("March 1, 2024", date)
}

/// A company's response in EDGAR's wrapper (form CORRESP), its restated comments in
/// bold set by CSS, as a filer's software writes it.
fn response_htm(company: &str) -> String {
    let mut body = String::new();
    for (i, text) in comments("Lantern").iter().enumerate() {
        body.push_str(&format!(
            "<p><span style=\"font-weight:700\">{}.</span><span style=\"padding-left:18pt;font-weight:bold\">{text}</span></p>\n<p>Response: The Company respectfully advises the Staff about item {}.</p>\n",
            i + 1,
            i + 1
        ));
    }
    format!(
        "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<FILENAME>filename1.htm\n<TEXT>\n<html><body>\n\
<p>{company}</p><p>12 Mill Road, Dover, DE 19901</p>\n<p>May 6, 2024</p>\n\
<p>Securities and Exchange Commission<br>Division of Corporation Finance<br>100 F Street, N.E.<br>Washington, D.C. 20549</p>\n\
<p>Re: {company}<br>Form 10-K for the Fiscal Year Ended December 31, 2023<br>File No. 001-12345</p>\n\
<p>Ladies and Gentlemen:</p>\n<p>On behalf of {company} (the &#147;Company&#148;), we submit this letter in response to the comments of the Staff dated April 2, 2024.</p>\n\
{body}<p>Sincerely,</p><p>/s/ Ina Marsh</p></body></html>\n</TEXT>\n</DOCUMENT>\n"
    )
}

/// The screen line that holds all of `parts`, or a panic showing the screen.
fn line_with<'s>(screen: &'s str, parts: &[&str]) -> &'s str {
    screen
        .lines()
        .find(|l| parts.iter().all(|p| l.contains(p)))
        .unwrap_or_else(|| panic!("no line with {parts:?}:\n{screen}"))
}

/// The letter as its plain text reads: what its row must show.
fn expected(text: &str) -> Letter {
    parse_bytes("letter.txt", text.as_bytes()).unwrap()
}

/// The drafts file beside `letter` as TOML.
fn drafts(dir: &Path, name: &str) -> toml::Value {
    let text = std::fs::read_to_string(dir.join(name))
        .unwrap_or_else(|e| panic!("{name} was written beside the letter: {e}"));
    toml::from_str(&text).unwrap()
}

#[test]
fn a_folder_of_pdf_letters_and_htm_responses_works_as_text_letters_do() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let quarry = staff_letter("Quarry Lane Holdings, Inc.", "Lantern", "April 2, 2024");
    let header = Layout {
        running_header: Some("Quarry Lane Holdings, Inc.\nApril 2, 2024\nPage N".into()),
        lines_per_page: 30,
        ..Layout::default()
    };
    std::fs::write(dir.path().join("quarry.pdf"), letter_pdf(&quarry, &header)).unwrap();
    let ferncliff = staff_letter("Ferncliff Instruments, Inc.", "Orchard", "March 1, 2024");
    let recent = Layout {
        number_after: true,
        fake_bold: true,
        ..Layout::default()
    };
    std::fs::write(
        dir.path().join("ferncliff.pdf"),
        letter_pdf(&ferncliff, &recent),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("quarry-reply.htm"),
        response_htm("Quarry Lane Holdings, Inc."),
    )
    .unwrap();

    let t = Tmux::start(dir.path(), &["."], 180, 45);
    let screen = t.wait_until("three rows", |s| s.contains("Letters (1/3)"));
    for (company, text) in [("Quarry Lane", &quarry), ("Ferncliff", &ferncliff)] {
        let letter = expected(text);
        let (date, form, due) = (
            letter.date.unwrap(),
            letter.subject.form.unwrap(),
            letter.response_due.unwrap(),
        );
        let row = line_with(&screen, &[company, "0/3"]);
        assert!(
            row.contains(&date) && row.contains(&form) && row.contains(&format!("due {due}")),
            "{company}: {date}, {form}, due {due}:\n{screen}"
        );
    }
    line_with(&screen, &["Quarry Lane", "2024-05-06", "company response"]);

    // Newest first: the response, then Quarry Lane's letter.
    t.keys(&["j", "Enter"]);
    t.wait_for("Quarry Lane Holdings, Inc. · 10-K · 3 comments");
    let sentence = "We will quantify the Lantern margin factors.";
    t.keys(&["Enter"]);
    t.type_text(sentence);
    t.keys(&["Escape"]);
    t.keys(&["r"]);
    t.wait_until("comment 1 resolved", |s| {
        s.lines()
            .any(|l| l.contains("Quarry Lan") && l.contains("1/3"))
    });
    t.press("x", "Markdown (.md)");
    t.press("m", "Exported to");
    t.quit();

    let saved = drafts(dir.path(), "quarry.responses.toml");
    assert_eq!(saved["comments"]["1"]["status"].as_str(), Some("resolved"));
    assert_eq!(
        saved["comments"]["1"]["response"]
            .as_str()
            .map(str::trim_end),
        Some(sentence)
    );
    let export = std::fs::read_to_string(dir.path().join("quarry.response.md")).unwrap();
    assert!(export.contains(sentence), "{export}");
    assert!(export.contains("revolving credit facility"), "{export}");
}

#[test]
fn damaged_scanned_cut_short_and_huge_files_are_rows_that_say_so() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    let put = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let good = staff_letter("Quarry Lane Holdings, Inc.", "Lantern", "April 2, 2024");
    let good_pdf = letter_pdf(&good, &Layout::default());
    put("good.pdf", &good_pdf);
    put("damaged.pdf", &good_pdf[..good_pdf.len() / 2]);
    put(
        "scan.pdf",
        &pdf::pdf(&[vec![Mark::Image], vec![Mark::Image]]),
    );
    let reply = response_htm("Quarry Lane Holdings, Inc.");
    put("cut.htm", &reply.as_bytes()[..reply.len() * 2 / 3]);
    let huge = Layout {
        ballast: 50 << 20,
        ..Layout::default()
    };
    let big = staff_letter("Goliath Paper Mills, Inc.", "Pulp", "January 9, 2024");
    put("huge.pdf", &letter_pdf(&big, &huge));
    // A person's corrected text beside the PDF it came from: it is the one read.
    let orchard = staff_letter("Ferncliff Instruments, Inc.", "Orchard", "March 1, 2024");
    put("ferncliff.pdf", &letter_pdf(&orchard, &Layout::default()));
    put(
        "ferncliff.txt",
        orchard
            .replace("Orchard platform", "Orchard Cloud platform")
            .as_bytes(),
    );

    let t = Tmux::start(dir.path(), &["."], 180, 45);
    let screen = t.wait_until_for("every row", std::time::Duration::from_secs(60), |s| {
        s.contains("Letters (1/6)")
    });
    line_with(&screen, &["damaged.pdf", "not a readable PDF"]);
    line_with(
        &screen,
        &[
            "scan.pdf",
            "no text in this PDF: it is a scanned image; run OCR",
        ],
    );
    line_with(&screen, &["Goliath Paper Mills", "2024-01-09", "0/3"]);
    line_with(&screen, &["[.txt, not .pdf] Fe", "2024-03-01"]);
    // The cut-short response is listed, marked as having something to say.
    let cut = line_with(&screen, &["Quarry Lane", "company response"]);
    assert!(cut.contains("!Quarry"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");

    // The good letter works: found by its name, opened, drafted, saved. (Its place in
    // the list is not used: the order changes once the reviews are grouped, and the
    // response answers the letters before it.)
    t.keys(&["/"]);
    t.type_text("good.pdf");
    t.keys(&["Enter"]);
    t.wait_for("1 letter match");
    t.keys(&["Enter"]);
    t.wait_for("Quarry Lane Holdings, Inc. · 10-K · 3 comments");
    t.keys(&["Enter"]);
    t.type_text("Drafted beside broken files.");
    t.keys(&["Escape"]);
    t.keys(&["C-s"]);
    t.quit();
    let saved = drafts(dir.path(), "good.responses.toml");
    assert_eq!(
        saved["comments"]["1"]["response"]
            .as_str()
            .map(str::trim_end),
        Some("Drafted beside broken files.")
    );

    // `status` says the same, one row each, and names the file it read.
    let out = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["status", "--json", "--no-cache"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = value["letters"].as_array().unwrap();
    let row = |file: &str| {
        rows.iter()
            .find(|r| r["file"] == file)
            .unwrap_or_else(|| panic!("{file} listed: {value}"))
    };
    assert!(
        row("damaged.pdf")["problem"]
            .as_str()
            .unwrap()
            .contains("not a readable PDF")
    );
    assert!(
        row("scan.pdf")["problem"]
            .as_str()
            .unwrap()
            .contains("scanned image")
    );
    assert_eq!(row("huge.pdf")["comments"], 3);
    assert_eq!(row("good.pdf")["drafted"], 1);
    assert_eq!(row("cut.htm")["kind"], "response");
    let ferncliff = row("ferncliff.txt");
    assert_eq!(
        ferncliff["not_read"],
        serde_json::json!([dir.path().join("ferncliff.pdf").to_string_lossy()])
    );
    assert_eq!(rows.len(), 6, "{value}");
}
