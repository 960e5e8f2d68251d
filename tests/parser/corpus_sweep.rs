//! The real filings in `../shared/corpus`, when present: every staff PDF read through
//! the PDF source gives the parser the same comments as its `pdftotext` text, and every
//! company `.htm` response reads as a response. Prints the figures; skips with a message
//! when the corpus is not there (a fresh clone).

use std::path::{Path, PathBuf};

use letterdesk::letter::{Kind, Letter, parse_bytes, parse_file};

/// The corpus folder, if present.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.join("manifest.json").is_file().then_some(dir)
}

/// The files of the corpus with the given extension, sorted.
fn files(corpus: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for thread in std::fs::read_dir(corpus).unwrap().flatten() {
        if thread.file_name() == "text" || !thread.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(thread.path()).unwrap().flatten() {
            if file.path().extension().is_some_and(|e| e == ext) {
                out.push(file.path());
            }
        }
    }
    out.sort();
    out
}

/// The first five words of each comment, by number.
fn starts(letter: &Letter) -> Vec<(String, String)> {
    letter
        .comments
        .iter()
        .map(|c| {
            let words: Vec<&str> = c.text.split_whitespace().take(5).collect();
            (c.number.clone(), words.join(" "))
        })
        .collect()
}

#[test]
fn staff_pdfs_read_as_their_pdftotext_text() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is not here");
        return;
    };
    let (mut letters, mut same_numbers, mut comments, mut same_starts) = (0, 0, 0, 0);
    let mut failed = Vec::new();
    let mut differ = Vec::new();
    for pdf in files(&corpus, "pdf") {
        let thread = pdf.parent().unwrap().file_name().unwrap();
        let text = corpus
            .join("text")
            .join(thread)
            .join(pdf.with_extension("txt").file_name().unwrap());
        let Ok(reference) = std::fs::read(&text) else {
            continue;
        };
        let reference = parse_bytes("reference", &reference).unwrap();
        letters += 1;
        let read = match parse_file(&pdf) {
            Ok(letter) => letter,
            Err(e) => {
                failed.push(e.to_string());
                continue;
            }
        };
        let (want, got) = (starts(&reference), starts(&read));
        let numbers = |s: &[(String, String)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        if numbers(&want) == numbers(&got) {
            same_numbers += 1;
        } else {
            differ.push(format!(
                "{}: {:?} vs {:?}",
                pdf.display(),
                numbers(&want),
                numbers(&got)
            ));
        }
        comments += want.len();
        same_starts += want.iter().filter(|w| got.contains(w)).count();
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "staff PDFs: {letters} letters; same comment numbers {same_numbers} ({:.1}%); same first five words {same_starts} of {comments} comments ({:.1}%); failed {}",
        pct(same_numbers, letters),
        pct(same_starts, comments),
        failed.len()
    );
    for d in &differ {
        println!("  numbers differ: {d}");
    }
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(pct(same_numbers, letters) >= 99.0);
    assert!(pct(same_starts, comments) >= 98.5);
}

#[test]
fn company_htm_responses_read_as_responses() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is not here");
        return;
    };
    let all = files(&corpus, "htm");
    let mut other = Vec::new();
    let mut by_text = 0;
    for htm in &all {
        let read = letterdesk::letter::source::read(htm, &Default::default()).unwrap();
        if parse_bytes("response", &read.text).is_ok_and(|l| l.kind == Kind::Response) {
            by_text += 1;
        }
        match parse_file(htm) {
            Ok(letter) if letter.kind == Kind::Response => {}
            Ok(letter) => other.push(format!("{}: {:?}", htm.display(), letter.kind)),
            Err(e) => other.push(e.to_string()),
        }
    }
    let responses = all.len() - other.len();
    let pct = 100.0 * responses as f64 / all.len().max(1) as f64;
    println!(
        "company .htm: {} files; read as a response {responses} ({pct:.1}%); {by_text} from the text alone, without EDGAR's form type",
        all.len()
    );
    for o in &other {
        println!("  not a response: {o}");
    }
    assert!(pct >= 98.0);
}
