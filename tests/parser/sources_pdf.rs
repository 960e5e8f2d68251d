//! PDF letters read through the letter sources: made at test time with text operators
//! placed by hand, each read as the same letter as its plain text.

use crate::common;

use std::path::Path;

use common::files::written;
use common::letters::letter_text;
use common::pdf::{self, Layout, Mark, letter_pdf};
use letterdesk::letter::source::{self, Limits};
use letterdesk::letter::{Letter, parse_bytes, parse_file};

/// A staff letter whose comments are long enough to wrap over several lines.
fn ferncliff() -> String {
    let comments = [
        "Please revise your disclosure of segment results to explain the decline in gross margin for the Lantern Systems segment, quantifying each factor you cite and telling us how you considered the effect of supplier concentration on future periods.",
        "We note your statement on page 14 that revenue from the Orchard Lane platform is recognized over time. Please tell us the measure of progress you use and why it depicts the transfer of control to your customers.",
        "Please expand your discussion of liquidity to describe the covenants of your revolving credit facility and whether you were in compliance with them at year end.",
    ]
    .map(String::from);
    letter_text("Ferncliff Instruments, Inc.", &comments)
}

/// Each comment's number and its words, for comparing readings that wrap differently.
fn numbered_words(letter: &Letter) -> Vec<(String, String)> {
    letter
        .comments
        .iter()
        .map(|c| {
            let words: Vec<&str> = c.text.split_whitespace().collect();
            (c.number.clone(), words.join(" "))
        })
        .collect()
}

/// The letter read from the PDF of `text` laid out by `layout`.
fn read_pdf(text: &str, layout: &Layout) -> Letter {
    let (_dir, path) = written("letter.pdf", letter_pdf(text, layout));
    parse_file(&path).unwrap()
}

/// The PDF of `text` laid out by `layout` reads as the same letter as `text`; a
/// failure names the case (`what`).
fn assert_same_letter(what: &str, text: &str, layout: &Layout) {
    let from_text = parse_bytes("letter.txt", text.as_bytes()).unwrap();
    assert_eq!(from_text.comments.len(), 3, "the text letter parses");
    let from_pdf = read_pdf(text, layout);
    assert_eq!(
        numbered_words(&from_pdf),
        numbered_words(&from_text),
        "{what}: {layout:?}"
    );
    assert_eq!(from_pdf.company, from_text.company, "{what}");
    assert_eq!(from_pdf.date, from_text.date, "{what}");
    assert_eq!(from_pdf.subject.form, from_text.subject.form, "{what}");
    assert_eq!(from_pdf.response_due, from_text.response_due, "{what}");
}

#[test]
fn a_pdf_reads_as_its_text_however_its_text_is_drawn() {
    let cases = [
        ("a plain PDF reads as its text", Layout::default()),
        (
            "a number drawn after its paragraph comes first",
            Layout {
                number_after: true,
                ..Layout::default()
            },
        ),
        (
            "hidden form field text does not change the letter",
            Layout {
                form_fields: true,
                ..Layout::default()
            },
        ),
    ];
    for (what, layout) in cases {
        assert_same_letter(what, &ferncliff(), &layout);
    }
}

#[test]
fn text_drawn_twice_for_bold_is_read_once() {
    let layout = Layout {
        fake_bold: true,
        ..Layout::default()
    };
    let text = ferncliff();
    assert_same_letter("bold", &text, &layout);
    let (_dir, path) = written("bold.pdf", letter_pdf(&text, &layout));
    let read = source::read(&path, &Limits::default()).unwrap();
    let read = String::from_utf8(read.text).unwrap();
    assert_eq!(read.matches("Risk Factors").count(), 1, "{read}");
}

#[test]
fn pages_end_in_form_feeds_and_a_paragraph_runs_across_the_break() {
    let layout = Layout {
        lines_per_page: 30,
        running_header: Some("Ferncliff Instruments, Inc.\nMarch 1, 2024\nPage N".into()),
        ..Layout::default()
    };
    let text = ferncliff();
    assert_same_letter("two pages", &text, &layout);
    let (_dir, path) = written("two.pdf", letter_pdf(&text, &layout));
    let read = String::from_utf8(source::read(&path, &Limits::default()).unwrap().text).unwrap();
    assert_eq!(read.matches('\u{c}').count(), 2, "{read}");
    assert!(read.contains("Page 2"), "the header is in the text: {read}");
    let letter = parse_file(&path).unwrap();
    assert!(letter.comments.iter().all(|c| !c.text.contains("Page 2")));
}

/// What reading `bytes` as a PDF says.
fn problem(bytes: &[u8]) -> String {
    let (_dir, path) = written("bad.pdf", bytes);
    source::read(&path, &Limits::default()).unwrap_err()
}

#[test]
fn a_scan_a_damaged_file_and_an_encrypted_one_say_what_they_are() {
    assert_eq!(
        problem(&pdf::pdf(&[vec![Mark::Image]])),
        "no text in this PDF: it is a scanned image; run OCR (e.g. `ocrmypdf`) and open the result"
    );
    assert!(problem(&pdf::encrypted_pdf()).contains("encrypted"));
    assert_eq!(
        problem(b"Dear Sir, this is not a PDF"),
        "not a PDF (no %PDF- header): the file is damaged or misnamed"
    );
    let good = letter_pdf("Hello", &Layout::default());
    let cut = problem(&good[..good.len() / 2]);
    assert!(cut.starts_with("not a readable PDF"), "{cut}");
    let mut garbage = b"%PDF-1.5\n".to_vec();
    garbage.extend((0..5000u32).map(|i| (i * 7919 % 251) as u8));
    let garbage = problem(&garbage);
    assert!(garbage.starts_with("not a readable PDF"), "{garbage}");
}

#[test]
fn a_page_without_text_among_others_is_a_warning() {
    let pages = vec![
        vec![pdf::text(72.0, 700.0, "Dear Ms. Quill:")],
        vec![Mark::Image],
    ];
    let (_dir, path) = written("mixed.pdf", pdf::pdf(&pages));
    let read = source::read(&path, &Limits::default()).unwrap();
    assert_eq!(read.origin.source, "PDF");
    assert_eq!(
        read.warnings,
        ["page 2 has no text (a scanned image?): not shown"]
    );
}

#[test]
fn the_size_cap_applies_before_the_pdf_is_read() {
    let pages = vec![vec![
        pdf::text(72.0, 700.0, "Dear Ms. Quill:"),
        Mark::Ballast(3 << 20),
    ]];
    let (_dir, path) = written("big.pdf", pdf::pdf(&pages));
    assert_eq!(
        source::read(&path, &Limits::new(2 << 20)).unwrap_err(),
        "too large to open (4 MB; limit 2 MB)"
    );
    assert!(source::read(Path::new(&path), &Limits::new(8 << 20)).is_ok());
}

#[test]
fn a_commission_orders_caption_in_two_columns_reads_as_one_letter() {
    // The caption's left column (company, address) and right one (the order's title)
    // share their lines, as the Commission prints them.
    let left = [
        "In the Matter of",
        "Brackenfell Orchards, Inc.",
        "2200 Cider Mill Road",
        "Hood River, OR 97031",
        "File No: 001-40517",
    ];
    let right = [
        "",
        "ORDER DECLARING REGISTRATION",
        "EFFECTIVE PURSUANT TO SECTION 12(d)",
        "OF THE SECURITIES EXCHANGE ACT OF 1934",
        "",
    ];
    let mut marks = vec![
        pdf::text(200.0, 740.0, "SECURITIES AND EXCHANGE COMMISSION"),
        pdf::text(72.0, 720.0, "September 14, 2023"),
    ];
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 690.0 - 14.0 * i as f64;
        marks.push(pdf::text(72.0, y, l));
        if !r.is_empty() {
            marks.push(pdf::text(300.0, y, r));
        }
    }
    marks.push(pdf::text(
        72.0,
        600.0,
        "Therefore, it is ORDERED that the registration shall become effective immediately.",
    ));
    let (_dir, path) = written("order.pdf", pdf::pdf(&[marks]));
    let l = parse_file(&path).unwrap();
    assert_eq!(l.kind, letterdesk::letter::Kind::Completion, "{l:?}");
    assert_eq!(l.date.as_deref(), Some("2023-09-14"));
    assert_eq!(l.company.as_deref(), Some("Brackenfell Orchards, Inc."));
    assert_eq!(l.file_number.as_deref(), Some("001-40517"));
}
