//! The `.docx` export: a zip whose `word/document.xml` holds every comment and
//! response in order, and a file LibreOffice opens and converts (when installed).

use std::io::Read;

use crate::office::{convert, office};

use letterdesk::drafts::Drafts;
use letterdesk::export::{ExportSettings, Format, MISSING_MARKER, export};
use letterdesk::letter::Letter;

const DEMO: &str = "upload_kittiwake-marine_2015-06-22.txt";

fn demo_letter() -> Letter {
    crate::demo(DEMO)
}

fn responses() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "1",
            "As of December 31, 2014, four vessels come off charter in 2015 & three in 2016.\n\nWe will add a table in future filings:\n- vessel name;\n- charter expiry <date>;\n- rate vs. market.",
        ),
        (
            "2",
            "Two charterers (\"A\" and 'B') each exceeded 10% of revenue.\ta tab",
        ),
        (
            "5",
            "(a) Crew costs rose 7%.\n(b) Repairs rose 3%.\n\n# Not a heading; *not* emphasis; \\ backslash.",
        ),
        ("12", "Noted. We will comply in future filings."),
    ]
}

fn docx_bytes(letter: &Letter) -> (Vec<u8>, Vec<String>) {
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    for (number, text) in responses() {
        drafts.set_response(number, text);
    }
    let settings = ExportSettings {
        signer_name: Some("Nikolaos Vardakis".into()),
        signer_title: Some("Chief Financial Officer".into()),
        cc: vec!["Sophia Karamanlis, Esq.".into()],
        date: Some("July 6, 2015".into()),
        ..ExportSettings::default()
    };
    let out = export(letter, Some(&drafts), &settings, Format::Docx);
    (out.bytes, out.missing)
}

/// Collapses every run of whitespace to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of `word/document.xml`, one line per paragraph, tabs and breaks as spaces.
fn document_text(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    for part in ["[Content_Types].xml", "word/styles.xml", "_rels/.rels"] {
        assert!(zip.by_name(part).is_ok(), "{part} missing");
    }
    let token = regex::Regex::new(
        r"<w:p[ >]|</w:p>|<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab\s*/>|<w:br[^>]*/>",
    )
    .unwrap();
    let mut text = String::new();
    for cap in token.captures_iter(&xml) {
        let whole = cap.get(0).unwrap().as_str();
        if let Some(t) = cap.get(1) {
            text.push_str(&unescape(t.as_str()));
        } else if whole == "</w:p>" {
            text.push('\n');
        } else if whole.starts_with("<w:tab") || whole.starts_with("<w:br") {
            text.push(' ');
        }
    }
    text
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Finds each needle in order; returns where the last one ended.
fn find_in_order(haystack: &str, needles: &[String]) {
    let mut at = 0;
    for needle in needles {
        match haystack[at..].find(needle.as_str()) {
            Some(i) => at += i + needle.len(),
            None => panic!(
                "not found in order: {needle:?}\nafter: {:?}",
                &haystack[at..haystack.len().min(at + 300)]
            ),
        }
    }
}

#[test]
fn document_xml_holds_every_comment_and_response_in_order() {
    let letter = demo_letter();
    let (bytes, missing) = docx_bytes(&letter);
    assert_eq!(&bytes[..2], b"PK", "a zip file");
    let text = squash(&document_text(&bytes).replace('\n', " \u{1} "));
    let responses = responses();
    let mut needles = Vec::new();
    for comment in &letter.comments {
        for (i, paragraph) in comment.text.split("\n\n").enumerate() {
            let paragraph = squash(paragraph);
            needles.push(if i == 0 {
                format!("{}. {paragraph}", comment.number)
            } else {
                paragraph
            });
        }
        needles.push("Response:".to_owned());
        match responses.iter().find(|(n, _)| *n == comment.number) {
            Some((_, response)) => {
                for line in response.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    // Bullets show as "•"; other markers as typed.
                    let line = match line.strip_prefix("- ") {
                        Some(rest) => format!("\u{2022} {rest}"),
                        None => line.to_owned(),
                    };
                    needles.push(squash(&line));
                }
            }
            None => needles.push(MISSING_MARKER.to_owned()),
        }
    }
    find_in_order(&text, &needles);
    assert_eq!(missing.len(), letter.comments.len() - responses.len());
    assert_eq!(text.matches(MISSING_MARKER).count(), missing.len());
    assert!(
        text.contains("Re: Kittiwake Marine Holdings Ltd."),
        "{text}"
    );
    assert!(text.contains("cc: Sophia Karamanlis, Esq."));
}

#[test]
fn libreoffice_opens_the_docx() {
    let Some(office) = office() else {
        eprintln!("skipped: LibreOffice is not installed");
        return;
    };
    let letter = demo_letter();
    let (bytes, _) = docx_bytes(&letter);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("response.docx");
    std::fs::write(&file, &bytes).unwrap();

    convert(office, &file, "pdf", dir.path());
    let pdf = std::fs::read(dir.path().join("response.pdf")).expect("a PDF was written");
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    assert!(
        pdf.len() > 5_000,
        "suspiciously small PDF: {} bytes",
        pdf.len()
    );

    // What LibreOffice read back: every comment's first words and every response.
    convert(office, &file, "txt:Text (encoded):UTF8", dir.path());
    let text = std::fs::read_to_string(dir.path().join("response.txt")).expect("a text file");
    let text = squash(&text);
    let mut needles = Vec::new();
    for comment in &letter.comments {
        let start: String = squash(&comment.text).chars().take(40).collect();
        needles.push(format!("{}. {start}", comment.number));
    }
    find_in_order(&text, &needles);
    for (_, response) in responses() {
        for line in response.lines().map(str::trim).filter(|l| !l.is_empty()) {
            // Markers are followed by a tab; compare from the text after the marker.
            let words = squash(line);
            let tail = words.split_once(' ').map_or(words.as_str(), |(_, t)| t);
            assert!(text.contains(tail), "LibreOffice lost {line:?}");
        }
    }
}
