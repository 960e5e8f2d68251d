//! Letter sources at scale: the figures of the README's "Letter sources" table.
//!
//! 1. cold: the brief of 1,000 real-size PDF letters, one after another in this process
//!    with the cache off, as a ratio to running `pdftotext` over the same files, one
//!    process each as a user would (goal ≤ 1×; skipped with a message without it);
//! 2. warm: `letterdesk status --json` over 10,000 PDF letters with the cache filled, as
//!    a ratio to one `grep -rc Please` pass over the same folder (goal ≤ 0.5×), and the
//!    first full letter list in the workspace (the public `tui::Runtime` on a
//!    `TestBackend`, as `benches/scale.rs` drives it, in a child process of this bench)
//!    with the cache filled: the time until all 10,000 letters are listed;
//! 3. cold `status --json --no-cache` over 10,000 text letters vs `grep -rc` (goal ≤ 2×),
//!    and the brief alone of the same letters in this process (MB/s on one core);
//! 4. peak memory of `status --json` while it indexes the 10,000 PDFs, extracting them
//!    (the cache empty) and from the cache, read with `/usr/bin/time -v` (goal < 150 MB;
//!    skipped with a message without it).
//!
//! ```text
//! cargo bench --bench sources                                # 10,000 letters, 1,000 cold
//! cargo bench --bench sources -- --letters 2000 --cold 200   # a quick run
//! ```
//!
//! The letters are made at run time from synthetic letters (fictional companies), three
//! pages each as the SEC lays them out (see `tests/common/pdf.rs`), in a temporary
//! folder under `target/tmp`. Times are the best of five runs, except the cold ones
//! (one run each, as a cold read happens once). Where `/usr/bin/time` is installed, the
//! CPU time (user and system) of the warm and cold `status` runs and of `grep` is shown
//! too: on a shared machine it is steadier than the wall clock.

#[path = "support/cpu.rs"]
mod cpu;
#[path = "../tests/common/letters.rs"]
mod letters;
#[path = "../tests/common/pdf.rs"]
mod pdf;
#[path = "support/screen.rs"]
mod screen;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use letterdesk::cache::NO_CACHE_ENV;
use letterdesk::tui::Action;
use screen::Screen;

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if let Some(at) = argv.iter().position(|a| a == "--child-workspace") {
        return child_workspace(Path::new(&argv[at + 1]), Path::new(&argv[at + 2]));
    }
    let count = flag("--letters").unwrap_or(10_000);
    let cold = flag("--cold").unwrap_or(1_000).min(count);
    let dir = tempfile::Builder::new()
        .prefix("letterdesk-sources-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary folder under target/tmp");
    let pdfs = dir.path().join("pdf");
    let texts = dir.path().join("text");
    let made = Instant::now();
    write_letters(&pdfs, &texts, count);
    println!(
        "{count} letters as PDF ({} KB each on average) and as text, made in {:.1} s",
        folder_bytes(&pdfs) / count as u64 / 1024,
        made.elapsed().as_secs_f64()
    );

    // 1. Cold brief vs pdftotext, over the first `cold` PDFs.
    letterdesk::cache::turn_off();
    let files: Vec<_> = letterdesk::index::find_letters(std::slice::from_ref(&pdfs))
        .into_iter()
        .take(cold)
        .collect();
    let start = Instant::now();
    for found in &files {
        letterdesk::index::read_brief(&found.path, letterdesk::index::DEFAULT_MAX_LETTER_BYTES)
            .expect("the PDF reads");
    }
    let ours = start.elapsed();
    println!(
        "1. cold brief of {cold} PDFs, one at a time: {:.2} s ({:.1} ms each)",
        ours.as_secs_f64(),
        ours.as_secs_f64() * 1e3 / cold as f64
    );
    match pdftotext(&files) {
        Some(theirs) => println!(
            "   pdftotext over the same files: {:.2} s; ratio {:.2}× (goal ≤ 1×)",
            theirs.as_secs_f64(),
            ours.as_secs_f64() / theirs.as_secs_f64()
        ),
        None => {
            println!("   pdftotext not installed: ratio skipped (apt-get install poppler-utils)")
        }
    }

    // 2 and 4. The cache filled by a first run (its peak memory measured), then warm.
    let cache = dir.path().join("cache");
    let filling = measured(&pdfs, &cache);
    let warm = format!("2. warm status --json over {count} PDFs");
    against_grep(&warm, "≤ 0.5×", &pdfs, &[], &cache);
    // The bench is a build of its own: a first run fills the cache with its briefs.
    let journal = dir.path().join("journal");
    workspace(&pdfs, &cache, &journal);
    let (listed, took) = (0..3)
        .map(|_| workspace(&pdfs, &cache, &journal))
        .min_by_key(|(_, took)| *took)
        .expect("three runs");
    assert_eq!(listed, count, "every letter listed");
    println!(
        "   the workspace's first full list of the {count} PDFs, cache filled: {:.3} s from the start until every letter is listed and drawn",
        took.as_secs_f64()
    );

    // 3. Cold status over text letters.
    let cold = format!("3. cold status --json --no-cache over {count} text letters");
    against_grep(&cold, "≤ 2×", &texts, &["--no-cache"], &cache);
    brief_rate(&texts);

    match (filling, measured(&pdfs, &cache)) {
        (Some((fill_time, fill_mb)), Some((_, warm_mb))) => println!(
            "4. peak memory of status --json over {count} PDFs: {fill_mb:.0} MB extracting them all ({:.1} s, cache empty), {warm_mb:.0} MB from the cache (goal < 150 MB)",
            fill_time.as_secs_f64()
        ),
        _ => println!("4. /usr/bin/time not installed: peak memory skipped (apt-get install time)"),
    }
}

/// Prints `what`'s line: the best of five `status --json` runs with `extra` over
/// `folder` against the best of five `grep -rc` over it, their ratio against `goal`,
/// and the CPU times.
fn against_grep(what: &str, goal: &str, folder: &Path, extra: &[&str], cache: &Path) {
    let ours = best(|| status(folder, extra, cache));
    let theirs = best(|| grep(folder));
    println!(
        "{what}: {:.3} s; grep -rc {:.3} s; ratio {:.2}× (goal {goal}){}",
        ours.as_secs_f64(),
        theirs.as_secs_f64(),
        ours.as_secs_f64() / theirs.as_secs_f64(),
        cpu_times(folder, extra, cache)
    );
}

/// The number after `name` on the command line, if given.
fn flag(name: &str) -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|a| a == name)?;
    let value = args.get(at + 1)?;
    Some(
        value
            .replace(',', "")
            .parse()
            .unwrap_or_else(|_| panic!("{name} takes a number, not {value}")),
    )
}

/// `count` letters of twelve comments each, as PDFs in `pdfs` and as text in `texts`.
fn write_letters(pdfs: &Path, texts: &Path, count: usize) {
    std::fs::create_dir_all(pdfs).unwrap();
    std::fs::create_dir_all(texts).unwrap();
    for i in 0..count {
        let comments: Vec<String> = (0..12)
            .map(|c| format!("Please tell us how you considered the disclosure of supplier concentration for product line {c} of letter {i}, and quantify the effect on gross margin for each period presented, with a discussion of the reasons for the changes."))
            .collect();
        let company = format!("Company {i} Holdings, Inc.");
        let text = letters::letter_text(&company, &comments);
        let layout = pdf::Layout {
            running_header: Some(format!("{company}\nMarch 1, 2024\nPage N")),
            ..pdf::Layout::default()
        };
        std::fs::write(
            pdfs.join(format!("l{i:05}.pdf")),
            pdf::letter_pdf(&text, &layout),
        )
        .unwrap();
        std::fs::write(texts.join(format!("l{i:05}.txt")), text).unwrap();
    }
}

/// Prints the rate of the brief alone (`brief_bytes`, on this thread) over the text
/// letters of `folder`, read into memory first: the best of five passes, in MB per
/// CPU second of this thread (which other processes do not slow) and per second of the
/// wall clock. (This bench keeps the system's allocator; the program uses mimalloc,
/// with which `cargo bench --bench parse -- FOLDER` measures the same brief faster.)
fn brief_rate(folder: &Path) {
    let letters: Vec<(String, Vec<u8>)> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    let mb = letters.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let (cpu, wall) = (0..5)
        .map(|_| {
            let (start, cpu_start) = (Instant::now(), cpu::thread_cpu());
            for (name, text) in &letters {
                std::hint::black_box(letterdesk::letter::brief_bytes(name, text).ok());
            }
            (cpu::thread_cpu() - cpu_start, start.elapsed())
        })
        .min()
        .expect("five passes");
    println!(
        "   the brief alone of those {} letters ({mb:.0} MB), in this process on one core: {:.0} MB per CPU second ({:.0} MB/s by the wall clock)",
        letters.len(),
        mb / cpu.as_secs_f64(),
        mb / wall.as_secs_f64()
    );
}

/// The time `letterdesk status --json` takes over `folder` with the cache in `cache`.
fn status(folder: &Path, extra: &[&str], cache: &Path) -> Duration {
    let start = Instant::now();
    let ok = Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["status", "--json"])
        .args(extra)
        .arg(folder)
        .env("XDG_CACHE_HOME", cache)
        .env_remove(NO_CACHE_ENV)
        .stdout(Stdio::null())
        .status()
        .expect("letterdesk runs")
        .success();
    assert!(ok, "status failed");
    start.elapsed()
}

/// `status --json` over `folder` under `/usr/bin/time -v`: its time and peak resident
/// memory in MB; `None` without `/usr/bin/time`.
fn measured(folder: &Path, cache: &Path) -> Option<(Duration, f64)> {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["status", "--json"])
        .arg(folder)
        .env("XDG_CACHE_HOME", cache)
        .env_remove(NO_CACHE_ENV)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let took = start.elapsed();
    assert!(out.status.success(), "status under time failed");
    let kb: f64 = String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))?
        .trim()
        .parse()
        .ok()?;
    Some((took, kb / 1024.0))
}

/// The time of one `grep -rc Please` pass over `folder`.
fn grep(folder: &Path) -> Duration {
    let start = Instant::now();
    grep_command(folder)
        .stdout(Stdio::null())
        .status()
        .expect("grep runs");
    start.elapsed()
}

fn grep_command(folder: &Path) -> Command {
    let mut grep = Command::new("grep");
    grep.args(["-rc", "Please"]).arg(folder);
    grep
}

/// `; CPU … s vs … s`: the least CPU time (user and system, from `/usr/bin/time`) of
/// five `status --json` runs over `folder` and of five `grep` passes; empty without
/// `/usr/bin/time`.
fn cpu_times(folder: &Path, extra: &[&str], cache: &Path) -> String {
    let least = |make: &dyn Fn() -> Command| {
        (0..5)
            .map(|_| cpu_seconds(make()))
            .try_fold(f64::MAX, |least, s| Some(least.min(s?)))
    };
    let ours = least(&|| {
        let mut status = Command::new(env!("CARGO_BIN_EXE_letterdesk"));
        status
            .args(["status", "--json"])
            .args(extra)
            .arg(folder)
            .env("XDG_CACHE_HOME", cache)
            .env_remove(NO_CACHE_ENV);
        status
    });
    match (ours, least(&|| grep_command(folder))) {
        (Some(ours), Some(theirs)) => format!("; CPU {ours:.3} s vs {theirs:.3} s"),
        _ => String::new(),
    }
}

/// The CPU time (user and system) of `command`, from `/usr/bin/time`; `None` without it.
fn cpu_seconds(command: Command) -> Option<f64> {
    let report = tempfile::NamedTempFile::new().ok()?;
    let ok = Command::new("/usr/bin/time")
        .args(["-f", "%U %S", "-o"])
        .arg(report.path())
        .arg(command.get_program())
        .args(command.get_args())
        .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env_remove(NO_CACHE_ENV)
        .stdout(Stdio::null())
        .status()
        .ok()?
        .success();
    assert!(ok, "{command:?} failed");
    let times = std::fs::read_to_string(report.path()).ok()?;
    times
        .split_whitespace()
        .map(|t| t.parse::<f64>().ok())
        .sum()
}

/// The workspace over `folder`, in a child process of this bench with the cache in
/// `cache`: how many letters it listed, and how long from its start until every letter
/// was listed and drawn.
fn workspace(folder: &Path, cache: &Path, journal: &Path) -> (usize, Duration) {
    let out = Command::new(std::env::current_exe().expect("this bench"))
        .arg("--child-workspace")
        .arg(folder)
        .arg(journal)
        .env("XDG_CACHE_HOME", cache)
        .env_remove(NO_CACHE_ENV)
        .output()
        .expect("the bench runs");
    assert!(out.status.success(), "workspace child failed");
    let out = String::from_utf8_lossy(&out.stdout);
    let mut words = out
        .lines()
        .find_map(|l| l.strip_prefix("listed "))
        .expect("the child reports")
        .split_whitespace();
    let listed = words.next().and_then(|n| n.parse().ok()).expect("a count");
    let secs: f64 = words.next().and_then(|n| n.parse().ok()).expect("a time");
    (listed, Duration::from_secs_f64(secs))
}

/// Child: the program up to its first frame (on a `TestBackend` instead of the
/// terminal), then its event loop with no keys pressed until the indexer has finished
/// and a frame with every letter is drawn; prints the letters listed and the seconds.
fn child_workspace(folder: &Path, journal: &Path) {
    let started = Instant::now();
    let mut screen = Screen::start(folder, journal);
    let (mut listed, mut finished) = (0usize, false);
    loop {
        screen.turn(|action| match action {
            Action::LetterIndexed { listing, .. } if listing.is_ok() => listed += 1,
            Action::IndexFinished => finished = true,
            _ => {}
        });
        if screen.draw_if_due(finished) && finished {
            break;
        }
    }
    println!("listed {listed} {:.6}", started.elapsed().as_secs_f64());
}

/// The shortest of five runs.
fn best(mut run: impl FnMut() -> Duration) -> Duration {
    (0..5).map(|_| run()).min().unwrap()
}

/// The time `pdftotext` takes over the files, one process each as a user runs it;
/// `None` when it is not installed.
fn pdftotext(files: &[letterdesk::index::Found]) -> Option<Duration> {
    Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let out = tempfile::tempdir().ok()?;
    let start = Instant::now();
    for (i, found) in files.iter().enumerate() {
        let ok = Command::new("pdftotext")
            .arg(&found.path)
            .arg(out.path().join(format!("{i}.txt")))
            .status()
            .ok()?
            .success();
        assert!(ok, "pdftotext failed on {}", found.path.display());
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
