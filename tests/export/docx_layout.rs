//! The `.docx` as a law firm files it, read back from the zip: US Letter with 1 in
//! margins (A4 when configured), a continuation header with a PAGE field used from
//! page 2, core properties with the configured author and the time of the export, the
//! salutation built from a synthetic letter's contacts, and the acknowledgment
//! statement exactly when the letter asks for it. Where LibreOffice and pdftotext are
//! installed, the PDF it makes has the expected pages and "Page 2" on the second.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::office::{convert, found, office};

use letterdesk::drafts::Drafts;
use letterdesk::export::{Asked, ExportSettings, Format, Paper, export};
use letterdesk::letter::{Letter, parse_bytes};

/// A fictional staff letter signed by an office, naming two staff to contact; with
/// `acknowledgment`, its closing asks for the acknowledgment statement.
fn letter_text(acknowledgment: bool) -> String {
    let mut text = String::from(
        "United States Securities and Exchange Commission\nWashington, D.C. 20549\n\nDIVISION OF CORPORATION FINANCE\n\nMarch 3, 2015\n\nHarriet Quill\nChief Financial Officer\nTidewater Lantern Corp.\n12 Dock Street\nPortland, ME 04101\n\nRe: Tidewater Lantern Corp.\nForm 10-K for the Fiscal Year Ended December 31, 2014\nFiled February 20, 2015\nFile No. 001-55501\n\nDear Ms. Quill:\n\nWe have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.\n\nForm 10-K for the Fiscal Year Ended December 31, 2014\n\nManagement's Discussion and Analysis, page 30\n\n",
    );
    for n in 1..=6 {
        text.push_str(&format!(
            "{n}. Please tell us how the lantern segment's margin changed in fiscal 2014 and revise your discussion of results to quantify each factor you cite, including freight, brass and glass costs, in future filings. Provide us with the disclosure you intend to include.\n\n"
        ));
    }
    text.push_str("We urge all persons who are responsible for the accuracy and adequacy of the disclosure in the filing to be certain that the filing includes the information the Securities Exchange Act of 1934 and all applicable Exchange Act rules require.\n\n");
    if acknowledgment {
        text.push_str("In responding to our comments, please provide a written statement from the company acknowledging that:\n\n- the company is responsible for the adequacy and accuracy of the disclosure in the filing;\n- staff comments or changes to disclosure in response to staff comments do not foreclose the Commission from taking any action with respect to the filing; and\n- the company may not assert staff comments as a defense in any proceeding initiated by the Commission or any person under the federal securities laws of the United States.\n\n");
    }
    text.push_str("Please contact Orla Benedict at (202) 551-3301 or Samuel Reyes at (202) 551-3302 if you have questions regarding comments on the financial statements and related matters.\n\nSincerely,\n\nDivision of Corporation Finance\nOffice of Manufacturing\n");
    text
}

fn settings(text: &str) -> ExportSettings {
    let honorifics: BTreeMap<String, String> = [("Orla Benedict", "Ms."), ("Samuel Reyes", "Mr.")]
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
        .collect();
    ExportSettings {
        signer_name: Some("Jane Q. Doe".into()),
        signer_title: Some("Chief Financial Officer".into()),
        date: Some("March 17, 2015".into()),
        now: Some(chrono::Utc::now()),
        asked: Asked::in_text(text),
        honorifics,
        ..ExportSettings::default()
    }
}

fn parsed(text: &str) -> Letter {
    parse_bytes("upload_tidewater-lantern_2015-03-03.txt", text.as_bytes()).expect("parses")
}

/// Responses of a few paragraphs to every comment, so the letter runs to several pages.
fn drafts(letter: &Letter) -> Drafts {
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    for number in &numbers {
        drafts.set_response(
            number,
            "The Company respectfully advises the Staff that the margin of the lantern segment decreased by 2.1 percentage points, mainly because of freight and brass costs.\n\nIn future filings, the Company will quantify each factor it cites, beginning with its Form 10-Q for the quarter ending March 31, 2015.",
        );
    }
    drafts
}

/// The docx of the synthetic letter, with or without the acknowledgment request.
fn docx(acknowledgment: bool, adjust: impl FnOnce(&mut ExportSettings)) -> Vec<u8> {
    let text = letter_text(acknowledgment);
    let letter = parsed(&text);
    let mut settings = settings(&text);
    adjust(&mut settings);
    export(&letter, Some(&drafts(&letter)), &settings, Format::Docx).bytes
}

/// The text of a part of the zip.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text of every `<w:t>` of an XML part, joined.
fn texts(xml: &str) -> String {
    let t = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    t.captures_iter(xml)
        .map(|c| c[1].replace("&apos;", "'").replace("&quot;", "\""))
        .collect::<Vec<_>>()
        .join("")
}

/// The header part a `<w:headerReference w:type="KIND">` of the body points to.
fn header_part(docx: &[u8], kind: &str) -> Option<String> {
    let document = part(docx, "word/document.xml");
    let reference = regex::Regex::new(&format!(
        r#"<w:headerReference w:type="{kind}" r:id="([^"]+)""#
    ))
    .unwrap();
    let id = reference.captures(&document)?[1].to_owned();
    let rels = part(docx, "word/_rels/document.xml.rels");
    let target = regex::Regex::new(&format!(r#"Id="{id}"[^>]*Target="([^"]+)""#))
        .unwrap()
        .captures(&rels)
        .or_else(|| {
            regex::Regex::new(&format!(r#"Target="([^"]+)"[^>]*Id="{id}""#))
                .unwrap()
                .captures(&rels)
        })?[1]
        .to_owned();
    Some(part(docx, &format!("word/{target}")))
}

#[test]
fn us_letter_with_one_inch_margins_by_default_and_a4_when_configured() {
    let bytes = docx(false, |_| {});
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="12240" w:h="15840""#),
        "not US Letter: {}",
        &document[document.find("<w:pgSz").unwrap_or(0)..][..80]
    );
    for side in ["top", "right", "bottom", "left"] {
        assert!(
            document.contains(&format!(r#"w:{side}="1440""#)),
            "{side} margin"
        );
    }
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("Times New Roman"), "default font");
    assert!(styles.contains(r#"<w:sz w:val="24""#), "12 pt");

    let a4 = docx(false, |s| {
        s.paper = Paper::A4;
        s.font = "Garamond".into();
    });
    let document = part(&a4, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4"
    );
    assert!(part(&a4, "word/styles.xml").contains("Garamond"));
}

#[test]
fn continuation_header_with_a_page_field_from_page_two() {
    let bytes = docx(false, |_| {});
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains("<w:titlePg"),
        "a different first page header"
    );
    let default = header_part(&bytes, "default").expect("a default header");
    assert!(
        default.contains("<w:instrText>PAGE</w:instrText>"),
        "{default}"
    );
    assert!(default.contains(r#"w:fldCharType="begin""#));
    let words = texts(&default);
    assert!(
        words.starts_with("Securities and Exchange CommissionMarch 17, 2015Page "),
        "{words}"
    );
    let first = header_part(&bytes, "first").expect("a first page header");
    assert_eq!(texts(&first), "", "page 1 has no continuation header");
}

#[test]
fn core_properties_name_the_author_the_title_and_now() {
    let before = chrono::Utc::now() - chrono::Duration::seconds(5);
    let bytes = docx(false, |_| {});
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>Jane Q. Doe</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:title>Response to SEC comment letter dated March 3, 2015</dc:title>"),
        "{core}"
    );
    let created = regex::Regex::new(r#"<dcterms:created xsi:type="dcterms:W3CDTF">([^<]+)<"#)
        .unwrap()
        .captures(&core)
        .expect("a created time")[1]
        .to_owned();
    let created = chrono::DateTime::parse_from_rfc3339(&created).expect("W3CDTF");
    assert!(
        created >= before && created <= chrono::Utc::now(),
        "{created}"
    );
    assert!(core.contains("<dcterms:modified"), "{core}");

    // No signer: the firm is the author.
    let bytes = docx(false, |s| {
        s.signer_name = None;
        s.firm = Some("Roe & Partners LLP".into());
    });
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>Roe &amp; Partners LLP</dc:creator>"),
        "{core}"
    );
}

#[test]
fn salutation_and_attention_from_the_letters_contacts() {
    let text = letter_text(false);
    let letter = parsed(&text);
    assert_eq!(letter.contacts.len(), 2, "{:?}", letter.contacts);
    let bytes = docx(false, |s| {
        s.letterhead = vec!["Roe & Partners LLP".into()];
    });
    let words = texts(&part(&bytes, "word/document.xml"));
    for expected in [
        "Roe & Partners LLP",
        "Division of Corporation Finance",
        "Office of Manufacturing",
        "Attention: Orla Benedict and Samuel Reyes",
        "Dear Ms. Benedict and Mr. Reyes:",
    ] {
        assert!(
            words.contains(&expected.replace('&', "&amp;")),
            "{expected} missing"
        );
    }
    assert!(!words.contains("Ladies and Gentlemen"));
}

#[test]
fn acknowledgment_exactly_when_the_letter_asks_for_it() {
    let statement = "the Company acknowledges that:";
    let asked = texts(&part(&docx(true, |_| {}), "word/document.xml"));
    assert!(asked.contains(statement), "acknowledgment missing");
    assert!(
        asked.contains("the Company may not assert Staff comments as a defense in any proceeding")
    );
    let not_asked = texts(&part(&docx(false, |_| {}), "word/document.xml"));
    assert!(
        !not_asked.contains(statement),
        "acknowledgment not asked for"
    );
}

fn pdftotext(pdf: &Path, page: Option<u32>) -> String {
    let mut command = Command::new("pdftotext");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = command.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn libreoffice_lays_out_the_pages_with_the_continuation_header() {
    let Some(office) = office() else {
        eprintln!("skipped: LibreOffice is not installed");
        return;
    };
    if !found("pdftotext") {
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("response.docx");
    std::fs::write(&file, docx(true, |_| {})).unwrap();
    convert(office, &file, "pdf", dir.path());
    let pdf = dir.path().join("response.pdf");
    let all = pdftotext(&pdf, None);
    let pages = all.matches('\u{c}').count();
    assert!(
        (3..=6).contains(&pages),
        "{pages} pages for six comments with responses"
    );
    let first = pdftotext(&pdf, Some(1));
    assert!(!first.contains("Page 1"), "no header on page 1:\n{first}");
    assert!(first.contains("Dear Ms. Benedict and Mr. Reyes:"));
    let second = pdftotext(&pdf, Some(2));
    let head: Vec<&str> = second.lines().take(3).collect();
    assert_eq!(
        head,
        [
            "Securities and Exchange Commission",
            "March 17, 2015",
            "Page 2"
        ],
        "page 2:\n{second}"
    );
    let last = pdftotext(&pdf, Some(pages as u32));
    assert!(last.contains(&format!("Page {pages}")), "{last}");
}

/// The paragraphs (`<w:p>` elements) of a part's XML.
fn paragraphs(xml: &str) -> Vec<&str> {
    xml.split("<w:p>")
        .flat_map(|s| s.split("<w:p "))
        .skip(1)
        .map(|p| p.split("</w:p>").next().unwrap_or(p))
        .collect()
}

#[test]
fn lettered_sub_items_each_stand_indented_under_their_letter() {
    let text = letter_text(false).replacen(
        "1. Please tell us how the lantern segment's margin changed",
        "1. We note your response to prior comment 3.\na. Please tell us the freight costs;\nb. Please tell us the brass costs.\n\n7. Please tell us how the lantern segment's margin changed",
        1,
    );
    let letter = parsed(&text);
    let mut drafts = drafts(&letter);
    drafts.set_response(
        "1",
        "1.a Freight costs rose 4% in fiscal 2014.\n\n1.b Brass costs rose 9% in fiscal 2014.",
    );
    let docx = export(&letter, Some(&drafts), &settings(&text), Format::Docx).bytes;
    let xml = part(&docx, "word/document.xml");
    let paragraphs = paragraphs(&xml);
    for (marker, words) in [
        ("a.", "Please tell us the freight costs;"),
        ("b.", "Please tell us the brass costs."),
        ("1.a", "Freight costs rose 4% in fiscal 2014."),
        ("1.b", "Brass costs rose 9% in fiscal 2014."),
    ] {
        let found: Vec<&&str> = paragraphs
            .iter()
            .filter(|p| texts(p).contains(words))
            .collect();
        assert_eq!(found.len(), 1, "{words}: one paragraph of its own");
        let paragraph = found[0];
        assert!(
            texts(paragraph).starts_with(marker),
            "{words}: under its letter {marker}: {}",
            texts(paragraph)
        );
        assert!(
            paragraph.contains("<w:ind w:left=\"1080\"") && paragraph.contains("w:hanging=\"720\""),
            "{words}: indented with the letter hanging: {paragraph}"
        );
    }
}
