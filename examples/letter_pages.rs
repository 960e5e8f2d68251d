//! Regenerates `screenshots/letter-page-1.png` and `letter-page-2.png`: the `.docx`
//! response to a built-in demo letter (Kittiwake Marine, 2015, which asks for the
//! acknowledgment statement), with a letterhead and a response to every comment, as
//! LibreOffice lays it out. `cargo run --example letter_pages`; needs `soffice`
//! (LibreOffice) and `pdftoppm` (poppler-utils).

use std::path::Path;
use std::process::{Command, Stdio};

use letterdesk::drafts::Drafts;
use letterdesk::export::{Asked, ExportSettings, Format, export};
use letterdesk::letter::parse_bytes;

const DEMO: &str = "upload_kittiwake-marine_2015-06-22.txt";

/// What the company answers to each comment (the same text for the later ones).
const RESPONSES: &[&str] = &[
    "The Company respectfully advises the Staff that time charter rates for medium range product tankers fell from an average of $16,200 per day in 2013 to $14,750 per day in 2014. In future filings, the Company will disclose the rates and the market data they come from.",
    "Two charterers each accounted for more than 10% of revenue in 2014. The Company will name them in future filings, beginning with its Form 20-F for 2015.",
    "In future filings, the Company will add the following columns to the fleet table:\n- the charter expiry of each vessel;\n- the daily rate, and whether it is above or below the market rate.",
];

fn main() {
    let (name, text) = letterdesk::demo::LETTERS
        .iter()
        .find(|(name, _)| *name == DEMO)
        .expect("demo letter");
    let letter = parse_bytes(name, text.as_bytes()).expect("parses");
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    for (i, number) in numbers.iter().enumerate() {
        drafts.set_response(number, RESPONSES[i.min(RESPONSES.len() - 1)]);
        drafts.toggle_resolved(number);
    }
    let honorifics = [("Leonard F. Ashby", "Mr.")]
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
        .collect();
    let settings = ExportSettings {
        signer_name: Some("Nikolaos Vardakis".into()),
        signer_title: Some("Chief Financial Officer".into()),
        cc: vec!["Sophia Karamanlis, Esq., Karamanlis & Reed LLP".into()],
        letterhead: vec![
            "Kittiwake Marine Holdings Ltd.".into(),
            "18 Akti Miaouli, Piraeus 185 38, Greece".into(),
        ],
        honorifics,
        date: Some("July 6, 2015".into()),
        now: Some(chrono::Utc::now()),
        asked: Asked::in_text(text),
        ..ExportSettings::default()
    };
    let out = export(&letter, Some(&drafts), &settings, Format::Docx);

    let dir = tempfile::tempdir().expect("a temp folder");
    let docx = dir.path().join("response.docx");
    std::fs::write(&docx, &out.bytes).expect("docx written");
    run(Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx));
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "2"])
        .arg(dir.path().join("response.pdf"))
        .arg(shots.join("letter-page")));
    println!(
        "wrote {} and {}",
        shots.join("letter-page-1.png").display(),
        shots.join("letter-page-2.png").display()
    );
}

/// Runs a command, stopping the program with its name when it fails.
fn run(command: &mut Command) {
    let status = command
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{:?} cannot start: {e}", command.get_program()));
    assert!(status.success(), "{:?} failed", command.get_program());
}
