//! Letter sources at scale: the figures of the README's "Letter sources" table.
//!
//! 1. cold: the brief of N real-size PDF letters (cache off), as a ratio to running
//!    `pdftotext` over the same files (goal ≤ 1×; skipped with a message without it);
//! 2. warm: `letterdesk status --json` over the PDFs with the cache filled, as a ratio to
//!    one `grep -rc Please` pass over the same folder (goal ≤ 0.5×);
//! 3. cold `status --json` over as many text letters (`--no-cache`) vs `grep -rc`
//!    (goal ≤ 2×).
//!
//! ```text
//! cargo bench --bench sources                    # 1,000 PDFs
//! cargo bench --bench sources -- --letters 200   # a quick run
//! ```
//!
//! The PDFs are made at run time from synthetic letters (fictional companies), three
//! pages each, as the SEC lays them out (see `tests/common/pdf.rs`).

#[path = "../tests/common/letters.rs"]
mod letters;
#[path = "../tests/common/pdf.rs"]
mod pdf;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count = args
        .iter()
        .position(|a| a == "--letters")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1000usize);
    let dir = tempfile::tempdir().unwrap();
    let pdfs = dir.path().join("pdf");
    let texts = dir.path().join("text");
    std::fs::create_dir_all(&pdfs).unwrap();
    std::fs::create_dir_all(&texts).unwrap();
    for i in 0..count {
        let comments: Vec<String> = (0..12)
            .map(|c| format!("Please tell us how you considered the disclosure of supplier concentration for product line {c} of letter {i}, and quantify the effect on gross margin for each period presented, with a discussion of the reasons for the changes."))
            .collect();
        let text = letters::letter_text(&format!("Company {i} Holdings, Inc."), &comments);
        let layout = pdf::Layout {
            running_header: Some(format!("Company {i} Holdings, Inc.\nMarch 1, 2024\nPage N")),
            ..pdf::Layout::default()
        };
        std::fs::write(
            pdfs.join(format!("l{i:05}.pdf")),
            pdf::letter_pdf(&text, &layout),
        )
        .unwrap();
        std::fs::write(texts.join(format!("l{i:05}.txt")), text).unwrap();
    }
    println!(
        "{count} letters, PDFs of {} KB on average",
        folder_bytes(&pdfs) / count as u64 / 1024
    );

    letterdesk::cache::turn_off();
    let files = letterdesk::index::find_letters(std::slice::from_ref(&pdfs));
    let start = Instant::now();
    for found in &files {
        letterdesk::index::read_brief(&found.path, 64 << 20).unwrap();
    }
    let ours = start.elapsed();
    println!("cold brief of {count} PDFs: {:.2} s", ours.as_secs_f64());
    match pdftotext(&files) {
        Some(theirs) => println!(
            "pdftotext over the same files: {:.2} s; ratio {:.2}× (goal ≤ 1×)",
            theirs.as_secs_f64(),
            ours.as_secs_f64() / theirs.as_secs_f64()
        ),
        None => {
            println!("pdftotext not installed: cold ratio skipped (apt-get install poppler-utils)")
        }
    }

    let binary = Path::new(env!("CARGO_BIN_EXE_letterdesk"));
    let cache = dir.path().join("cache");
    let status = |folder: &Path, extra: &[&str]| {
        let start = Instant::now();
        let ok = Command::new(binary)
            .args(["status", "--json"])
            .args(extra)
            .arg(folder)
            .env("XDG_CACHE_HOME", &cache)
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok);
        start.elapsed()
    };
    let grep = |folder: &Path| {
        let start = Instant::now();
        Command::new("grep")
            .args(["-rc", "Please"])
            .arg(folder)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        start.elapsed()
    };
    status(&pdfs, &[]);
    let warm = best(|| status(&pdfs, &[]));
    let grep_pdf = best(|| grep(&pdfs));
    println!(
        "warm status --json over {count} PDFs: {:.3} s; grep -rc {:.3} s; ratio {:.2}× (goal ≤ 0.5×)",
        warm.as_secs_f64(),
        grep_pdf.as_secs_f64(),
        warm.as_secs_f64() / grep_pdf.as_secs_f64()
    );
    let cold_text = best(|| status(&texts, &["--no-cache"]));
    let grep_text = best(|| grep(&texts));
    println!(
        "cold status --json over {count} text letters: {:.3} s; grep -rc {:.3} s; ratio {:.2}× (goal ≤ 2×)",
        cold_text.as_secs_f64(),
        grep_text.as_secs_f64(),
        cold_text.as_secs_f64() / grep_text.as_secs_f64()
    );
}

/// The shortest of five runs.
fn best(mut run: impl FnMut() -> Duration) -> Duration {
    (0..5).map(|_| run()).min().unwrap()
}

/// The time `pdftotext` takes over the files, one process each as a user runs it.
fn pdftotext(files: &[letterdesk::index::Found]) -> Option<Duration> {
    Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let out = tempfile::tempdir().ok()?;
    let start = Instant::now();
    for (i, found) in files.iter().enumerate() {
        Command::new("pdftotext")
            .arg(&found.path)
            .arg(out.path().join(format!("{i}.txt")))
            .status()
            .ok()?;
    }
    Some(start.elapsed())
}

/// The bytes of the files in a folder.
fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}
