//! Parse throughput: MB/s on one core over a folder of letters, for the full parse
//! (`parse_bytes`) and for the brief a list needs (`brief_bytes`).
//!
//! `cargo bench --bench parse [-- FOLDER] [--mb N]`. Without a folder it uses the built-in
//! demo letters, the test fixtures and `../shared/letters` when present. The corpus is
//! parsed repeatedly until at least N MB (64 unless told) have gone through the parser,
//! then briefed as often (a small N makes a run short enough for a profiler).

use std::path::{Path, PathBuf};
use std::time::Instant;

fn letters_in(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            letters_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md")
            && let Ok(bytes) = std::fs::read(&path)
        {
            out.push((path.display().to_string(), bytes));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut folder: Option<PathBuf> = None;
    let mut target_mb = 64;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--mb" {
            target_mb = rest
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| fail("--mb takes a whole number of MB"));
        } else if !arg.starts_with('-') {
            folder = Some(PathBuf::from(arg));
        }
    }
    let mut corpus: Vec<(String, Vec<u8>)> = Vec::new();
    match &folder {
        Some(dir) => letters_in(dir, &mut corpus),
        None => {
            for (name, text) in letterdesk::demo::LETTERS {
                corpus.push((name.to_string(), text.as_bytes().to_vec()));
            }
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            letters_in(&root.join("tests/fixtures/letters"), &mut corpus);
            letters_in(&root.join("../shared/letters"), &mut corpus);
        }
    }
    let bytes_per_pass: usize = corpus.iter().map(|(_, b)| b.len()).sum();
    if bytes_per_pass == 0 {
        fail("no letters found");
    }
    // Warm up, then measure.
    let mut comments = 0usize;
    for (name, bytes) in &corpus {
        comments += letterdesk::letter::parse_bytes(name, bytes).map_or(0, |l| l.comments.len());
    }
    let passes = (target_mb * 1024 * 1024 / bytes_per_pass).max(3);
    let mb = (bytes_per_pass * passes) as f64 / 1e6;
    let secs = time_passes(passes, || {
        for (name, bytes) in &corpus {
            std::hint::black_box(
                letterdesk::letter::parse_bytes(name, std::hint::black_box(bytes)).ok(),
            );
        }
    });
    println!(
        "parse: {} letters ({:.1} KB, {comments} comments) x {passes} passes: {mb:.1} MB in {secs:.2} s = {:.1} MB/s on one core",
        corpus.len(),
        bytes_per_pass as f64 / 1e3,
        mb / secs
    );
    let brief_secs = time_passes(passes, || {
        for (name, bytes) in &corpus {
            std::hint::black_box(
                letterdesk::letter::brief_bytes(name, std::hint::black_box(bytes)).ok(),
            );
        }
    });
    println!(
        "brief: the same {mb:.1} MB in {brief_secs:.2} s = {:.1} MB/s on one core ({:.2}x the parse)",
        mb / brief_secs,
        secs / brief_secs
    );
}

/// Say what went wrong and stop.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

/// Seconds taken by `passes` runs of `pass`.
fn time_passes(passes: usize, mut pass: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..passes {
        pass();
    }
    start.elapsed().as_secs_f64()
}
