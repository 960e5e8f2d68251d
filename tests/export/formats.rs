//! Snapshots of the response letter in Markdown, plain text and HTML for a demo letter
//! with a few drafts, and checks of what every format must show.

use letterdesk::drafts::Drafts;
use letterdesk::export::{ExportSettings, Format, MISSING_MARKER, Restatement, export};
use letterdesk::letter::{Letter, parse_bytes};

const DEMO: &str = "upload_lumenfield-health_2021-03-09.txt";

fn demo_letter() -> Letter {
    crate::demo(DEMO)
}

/// Drafts for comments 1, 2 and 4; 3, 5 and 6 have none. 1 is resolved.
fn demo_drafts(letter: &Letter) -> Drafts {
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    drafts.set_response(
        "1",
        "In response to the Staff's comment, the Company has removed the phrase \"potentially curative\" from pages 1, 4 and 97 of Amendment No. 1.\n\nThe Company respectfully notes that the *favorable* safety profile refers only to the absence of dose-limiting toxicities in the Phase 1 trial.",
    );
    drafts.toggle_resolved("1");
    drafts.set_response(
        "2",
        "The Company has revised the pipeline table to:\n- remove LF-310 and LF-311, for which no candidate is selected;\n- show LF-204 in Phase 1/2 <not Phase 2>;\n  with a footnote on page 3\n\n# of programs: 4 (was 6) & R&D costs < $5 million_total.\n1.5 is not a list\n-5% is not a bullet",
    );
    drafts.set_response("4", "(a) Twelve months at current plans.\n(b) See page 82 [revised].\n\nThe Company will update AT&T's figure &amp; others.");
    drafts
}

fn settings() -> ExportSettings {
    ExportSettings {
        signer_name: Some("Anika Raghavan".into()),
        signer_title: Some("Chief Executive Officer".into()),
        signer_contact: Some("(617) 555-0142".into()),
        cc: vec![
            "Margaret Ellison, Esq., Ellison Ward LLP".into(),
            "Paul Wexford, Northgate Partners LLP".into(),
        ],
        date: Some("March 23, 2021".into()),
        honorifics: [
            ("Vanessa Oduya", "Ms."),
            ("Bradley Kemper", "Mr."),
            ("Julia Sorensen", "Ms."),
            ("Thomas Achebe", "Mr."),
        ]
        .into_iter()
        .map(|(name, title)| (name.to_owned(), title.to_owned()))
        .collect(),
        ..ExportSettings::default()
    }
}

fn render(format: Format) -> String {
    let letter = demo_letter();
    let drafts = demo_drafts(&letter);
    let out = export(&letter, Some(&drafts), &settings(), format);
    assert_eq!(out.missing, ["3", "5", "6"]);
    assert_eq!(out.unresolved, ["2", "4"]);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    String::from_utf8(out.bytes).expect("text formats are UTF-8")
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("export_markdown", render(Format::Markdown));
}

#[test]
fn text_snapshot() {
    let text = render(Format::Text);
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "wider than 80 columns: {line:?}"
        );
    }
    insta::assert_snapshot!("export_text", text);
}

#[test]
fn html_snapshot() {
    let html = render(Format::Html);
    assert!(html.is_ascii(), "EDGAR HTML is ASCII");
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script", "<img", "<link", "<style", "<a ", "src=", "href=", "url(", "<iframe", "<object",
    ] {
        assert!(!lower.contains(banned), "{banned} in the HTML");
    }
    insta::assert_snapshot!("export_html", html);
}

#[test]
fn every_format_has_every_comment_in_order_with_missing_marked() {
    let letter = demo_letter();
    let drafts = demo_drafts(&letter);
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let out = export(&letter, Some(&drafts), &settings(), format);
        let text = String::from_utf8(out.bytes).unwrap();
        let mut at = 0;
        for comment in &letter.comments {
            let head = format!("{}. ", comment.number);
            let found = text[at..]
                .find(&head)
                .unwrap_or_else(|| panic!("{format}: comment {} not in order", comment.number));
            at += found + head.len();
            let next_label = text[at..].find("Response:").expect("label") + at;
            let after = &text[next_label..];
            if out.missing.contains(&comment.number) {
                let marker = match format {
                    Format::Markdown => r"\[Response to come\]".to_owned(),
                    _ => MISSING_MARKER.to_owned(),
                };
                let nearest = after.find(&marker).expect("marker");
                let next_comment =
                    after.find(&format!("{}. ", comment.number.parse::<u32>().unwrap() + 1));
                assert!(
                    next_comment.is_none_or(|n| nearest < n),
                    "{format}: {} marked",
                    comment.number
                );
            }
        }
        assert_eq!(
            text.matches(if format == Format::Markdown {
                r"\[Response to come\]"
            } else {
                MISSING_MARKER
            })
            .count(),
            3,
            "{format}"
        );
    }
}

#[test]
fn italic_restatement_and_custom_label() {
    let letter = demo_letter();
    let settings = ExportSettings {
        restatement: Restatement::Italic,
        response_label: "Company Response".into(),
        ..settings()
    };
    let md = String::from_utf8(export(&letter, None, &settings, Format::Markdown).bytes).unwrap();
    assert!(md.contains("reproduced in italics below"), "{md}");
    assert!(md.contains("\n*1. You describe"), "{md}");
    assert!(md.contains("**Company Response:**"), "{md}");
    let html = String::from_utf8(export(&letter, None, &settings, Format::Html).bytes).unwrap();
    assert!(html.contains("<p><i>1. You describe"), "{html}");
}

#[test]
fn nothing_drafted_marks_every_comment_missing() {
    let letter = demo_letter();
    let out = export(&letter, None, &ExportSettings::default(), Format::Text);
    assert_eq!(out.missing.len(), letter.comments.len());
    assert!(out.unresolved.is_empty());
    let text = String::from_utf8(out.bytes).unwrap();
    assert_eq!(text.matches(MISSING_MARKER).count(), letter.comments.len());
    assert!(text.contains("[Date]") && text.contains("[Name]") && text.contains("[Title]"));
    assert!(
        out.warnings.iter().any(|w| w.contains("signer_name")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn control_characters_from_the_letter_never_reach_the_output() {
    let text = "March 9, 2021\n\nRe: Evil\u{1b}[31m Corp\u{7}\nForm 10-K\nFile No. 001-00001\n\nDear Sir:\n\n1. Please explain \u{1b}]0;pwned\u{7} and \u{9b}31m and \u{202e}reversed.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Energy\n";
    let letter = parse_bytes("evil.txt", text.as_bytes()).unwrap();
    assert!(!letter.comments.is_empty());
    let mut drafts = Drafts::default();
    drafts.set_response("1", "ok \u{1b}[2J\u{0}\u{85}");
    for format in [Format::Markdown, Format::Text, Format::Html, Format::Docx] {
        let bytes = export(&letter, Some(&drafts), &ExportSettings::default(), format).bytes;
        for (i, b) in bytes.iter().enumerate() {
            if format != Format::Docx {
                assert!(
                    *b >= 0x20 || *b == b'\n' || *b == b'\t',
                    "{format}: control byte {b:#x} at {i}"
                );
            }
        }
        if format != Format::Docx {
            let s = String::from_utf8(bytes).unwrap();
            assert!(
                !s.chars()
                    .any(|c| ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{202e}'),
                "{format}"
            );
        }
    }
}

/// A "Re:" block naming two registrants, each with its filing, and a title wrapped over
/// two lines: the opening names each filing in words as its registrant's, the numbers
/// stay in the block.
#[test]
fn the_opening_names_each_registrants_filings_in_words() {
    let text = "May 8, 2017\n\nMs. Ada Quill\nChief Financial Officer\nHarlow Properties, Inc.\n800 Quay Street\nBoston, MA 02199\n\nRe: Harlow Properties, Inc.\nAmendment No. 1 to\nRegistration Statement on Form S-4\nFiled April 20, 2017\nFile No. 333-216001\nHarlow Properties Limited Partnership\nForm 10-K for the fiscal year ended December 31, 2016\nFiled, February 28, 2017\nFile No. 0-50209\n\nDear Ms. Quill:\n\nWe have reviewed your filings and have the following comments.\n\n1. Please tell us how you allocate costs between the two registrants.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Real Estate and Construction\n";
    let letter = parse_bytes("upload_harlow_2017-05-08.txt", text.as_bytes()).unwrap();
    let out = export(&letter, None, &ExportSettings::default(), Format::Text);
    let s = String::from_utf8(out.bytes).unwrap();
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "regarding the Company's Amendment No. 1 to Registration Statement on Form S-4, \
             filed April 20, 2017 and Harlow Properties Limited Partnership's Form 10-K for the \
             fiscal year ended December 31, 2016, filed February 28, 2017."
        ),
        "{s}"
    );
    assert!(flat.contains("File No. 0-50209"), "{s}");
}

/// A letter on a proxy statement that shareholders filed about a company: the "Re:"
/// block names the company as the staff wrote it, and the shareholders' firm, to which
/// the letter is addressed, answers it and signs, for itself and the other
/// participants in its solicitation (before, the response was written on behalf of
/// the company the shareholders oppose).
#[test]
fn shareholders_answer_on_their_own_behalf() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/letters/shareholder_proxy.txt"
    );
    let letter = parse_bytes(path, &std::fs::read(path).unwrap()).unwrap();
    let out = export(&letter, None, &settings(), Format::Text);
    let s = String::from_utf8(out.bytes).unwrap();
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Re: Pellworth Brands, Inc."), "{s}");
    assert!(
        flat.contains(
            "On behalf of Tollbridge Value Partners, LLC and the other participants in its \
             solicitation (the \"Participants\"), we respond"
        ),
        "{s}"
    );
    assert!(
        flat.contains("followed by the Participants' responses."),
        "{s}"
    );
    let opening = &flat[flat.find("On behalf of").unwrap()..flat.find("responses.").unwrap()];
    assert!(!opening.contains("Company"), "{opening}");
    let signature: Vec<&str> = s
        .split("Sincerely,")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect();
    assert_eq!(
        signature,
        [
            "Anika Raghavan",
            "Chief Executive Officer",
            "Tollbridge Value Partners, LLC"
        ]
    );
}
