//! Benchmarks at scale (issue #6), each reported as a figure with the machine it was
//! measured on:
//!
//! 1. parse throughput, MB/s on one core, over a generated folder of letters;
//! 2. `letterdesk status --json` over the folder (the release binary, as a child
//!    process) as a ratio to one `grep -rc Please` pass over the same files (goal ≤ 3×);
//! 3. time to the first frame with the folder open, as a ratio to a folder of one letter
//!    (goal ≤ 2×), plus how long until every letter is listed with its drafts read;
//! 4. one keystroke in the editor (`update` + `draw` on a 200×60 `TestBackend`) with a
//!    20 KB draft, p50/p99 (goal p99 < 1 ms);
//! 5. one atomic save of a drafts file with 50 responses, p50/p99;
//! 6. peak memory (VmHWM) with the folder indexed, in a child process (goal < 150 MB).
//!
//! ```text
//! cargo bench --bench scale                      # 10,000 letters
//! cargo bench --bench scale -- --letters 2000    # a quick run
//! ```
//!
//! Options: `--letters N`, `--seed N`, `--runs N` (status/grep runs, default 5),
//! `--keystrokes N` (default 2000), `--saves N` (default 300), `--dir DIR` (write the
//! letters there and keep them, e.g. for profiling; default: a temporary folder under
//! `target/tmp`, removed at the end), `--only FIGURE,...` (some of parse, status,
//! first-frame, workspace, keystroke, save, memory; e.g. for profiling one of them).
//!
//! The letters are synthetic (see `benches/support/letters/`): written at run time from
//! the seed, never committed. The workspace is driven through the public API the way
//! the program drives it: the public `Runtime` (the event loop with its workers) started
//! after the first frame, on a `TestBackend` instead of the terminal (see [`Workspace`]).
//!
//! Each figure's line ends in `[met]` or `[MISSED]` when it has a goal; the end of the
//! output is a Markdown table for the README. The machine line gives the load average:
//! on a busy machine the wall-clock figures are pessimistic, which is why the keystroke
//! and `status` lines also give CPU times.

#[path = "../support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use letterdesk::drafts::{self, Drafts, Status};
use letterdesk::journal::Journal;
use letterdesk::letter::{self, Kind};
use letterdesk::text::thousands;
use letterdesk::tui::{
    Action, Command, Pane, Prepared, Runtime, SaveState, State, Turn, draw, update,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};
use support::cpu::thread_cpu;
use support::letters::{self as generator, Corpus, LetterFile, Rng};

mod frames;
mod keystrokes;
mod memory;
mod report;
mod saves;
mod throughput;
mod workspace;

use frames::*;
use keystrokes::*;
use memory::*;
use report::*;
use saves::*;
use throughput::*;
use workspace::*;

/// The terminal size the figures are measured at.
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// The draft in the editor for the keystroke figure.
const DRAFT_BYTES: usize = 20_000;
/// The file that marks a `--dir` as written by this bench (hidden: not a letter).
const MARKER: &str = ".letterdesk-scale";
/// Where the workspace keeps its crash journal: a temporary folder, not the user's.
static JOURNAL: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

struct Args {
    letters: usize,
    seed: u64,
    runs: usize,
    keystrokes: usize,
    saves: usize,
    dir: Option<PathBuf>,
    only: Option<Vec<String>>,
}

/// The figures, by the names `--only` takes.
const STAGES: [&str; 7] = [
    "parse",
    "status",
    "first-frame",
    "workspace",
    "keystroke",
    "save",
    "memory",
];

impl Args {
    fn parse(argv: &[String]) -> Args {
        let mut args = Args {
            letters: 10_000,
            seed: 0x6c65_7474_6572,
            runs: 5,
            keystrokes: 2000,
            saves: 300,
            dir: None,
            only: None,
        };
        let mut it = argv.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| -> String {
                it.next()
                    .cloned()
                    .unwrap_or_else(|| usage(&format!("{name} needs a value")))
            };
            let number = |s: String| -> u64 {
                let parsed = match s.strip_prefix("0x") {
                    Some(hex) => u64::from_str_radix(hex, 16),
                    None => s.replace('_', "").parse(),
                };
                parsed.unwrap_or_else(|_| usage(&format!("not a number: {s}")))
            };
            match arg.as_str() {
                "--letters" => args.letters = number(value(arg)).max(1) as usize,
                "--seed" => args.seed = number(value(arg)),
                "--runs" => args.runs = number(value(arg)).max(1) as usize,
                "--keystrokes" => args.keystrokes = number(value(arg)).max(10) as usize,
                "--saves" => args.saves = number(value(arg)).max(10) as usize,
                "--dir" => args.dir = Some(PathBuf::from(value(arg))),
                "--only" => {
                    let names: Vec<String> = value(arg).split(',').map(str::to_string).collect();
                    if let Some(bad) = names.iter().find(|n| !STAGES.contains(&n.as_str())) {
                        usage(&format!(
                            "--only: no figure {bad} (one of {})",
                            STAGES.join(",")
                        ));
                    }
                    args.only = Some(names);
                }
                // cargo bench passes --bench to every bench binary.
                "--bench" => {}
                "-h" | "--help" => usage(""),
                other => usage(&format!("unknown argument {other}")),
            }
        }
        args
    }
}

fn usage(error: &str) -> ! {
    if !error.is_empty() {
        eprintln!("scale: {error}");
    }
    eprintln!(
        "usage: cargo bench --bench scale [-- --letters N] [--seed N] [--runs N] [--keystrokes N] [--saves N] [--dir DIR] [--only FIGURE,...]"
    );
    std::process::exit(if error.is_empty() { 0 } else { 2 })
}

impl Args {
    /// Whether to measure the figure `stage`.
    fn wants(&self, stage: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|s| s == stage))
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match argv.first().map(String::as_str) {
        Some("--child-index") => return child_index(Path::new(&argv[1])),
        Some("--child-workspace") => {
            let _ = JOURNAL.set(PathBuf::from(&argv[2]));
            return child_workspace(Path::new(&argv[1]));
        }
        _ => {}
    }
    let args = Args::parse(&argv);
    let started = Instant::now();

    // A --dir from an earlier run is cleared (below); any other folder with files in it
    // is left alone.
    if let Some(dir) = &args.dir
        && dir.exists()
    {
        let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty && !dir.join(MARKER).exists() {
            usage(&format!(
                "--dir {}: not empty and not from an earlier run",
                dir.display()
            ));
        }
    }

    // The folder: a temporary one under target/tmp (on the same disk as the build, so
    // saves sync a real file system), or --dir.
    let tmp = tempfile::Builder::new()
        .prefix("letterdesk-scale-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary folder under target/tmp");
    let root = args
        .dir
        .clone()
        .unwrap_or_else(|| tmp.path().join("letters"));
    let _ = JOURNAL.set(tmp.path().join("journal"));
    let machine = Machine::detect(tmp.path());
    println!("machine: {}", machine.line());

    let t = Instant::now();
    if args.dir.is_some() && root.exists() {
        std::fs::remove_dir_all(&root).expect("clear --dir");
    }
    std::fs::create_dir_all(&root).expect("letters folder");
    std::fs::write(
        root.join(MARKER),
        "letters generated by cargo bench --bench scale\n",
    )
    .expect("marker");
    let corpus = generator::generate(&root, args.letters, args.seed).expect("generate letters");
    let n = corpus.letters.len();
    let completions = corpus.letters.iter().filter(|l| l.completion).count();
    let sizes = {
        let mut s: Vec<usize> = corpus.letters.iter().map(|l| l.bytes).collect();
        s.sort_unstable();
        s
    };
    println!(
        "letters: {n} generated in {:.2} s under {} (seed {:#x}): {:.1} MB, {:.1}-{:.1} KB each (median {:.1} KB), {completions} completion letters, {} drafts files ({:.1} MB)",
        t.elapsed().as_secs_f64(),
        root.display(),
        args.seed,
        corpus.letter_bytes as f64 / 1e6,
        sizes[0] as f64 / 1e3,
        sizes[n - 1] as f64 / 1e3,
        sizes[n / 2] as f64 / 1e3,
        corpus.drafts_files(),
        corpus.drafts_bytes as f64 / 1e6,
    );

    let mut report = Report::default();
    let label = thousands(n);
    if args.wants("parse") {
        parse_throughput(&corpus, &label, &mut report);
    }
    if args.wants("status") {
        status_vs_grep(&corpus, &label, args.runs, &mut report);
    }
    let (one, one_letter) = one_letter_folder(&corpus, tmp.path());
    if args.wants("first-frame") {
        first_frame(&root, &one, &label, &mut report);
    }
    if args.wants("workspace") || args.wants("keystroke") {
        // The letter to type into: the newest comment letter, with a 20 KB draft.
        let target = newest_comment_letter(&corpus);
        write_big_draft(&target);
        write_big_draft(&one_letter);
        let mut big = workspace(&root, &one, &label, &mut report);
        opening(&mut big, &label, 200, &mut report);
        if args.wants("keystroke") {
            keystrokes(&mut big, &target.path, &label, args.keystrokes, &mut report);
            let mut small = Workspace::start(vec![one.clone()]);
            small.run_until_loaded();
            keystrokes(
                &mut small,
                &one_letter.path,
                "1",
                args.keystrokes,
                &mut report,
            );
            small.stop();
        }
        big.stop();
    }
    if args.wants("save") {
        atomic_saves(tmp.path(), args.saves, args.seed, &mut report);
    }
    if args.wants("memory") {
        peak_memory(&root, &one, &label, &mut report);
    }

    println!(
        "\nall figures in {:.1} s. For the README's Performance table:\n",
        started.elapsed().as_secs_f64()
    );
    println!("{}", report.markdown(&machine, &args, &corpus));
    if let Some(note) = machine.busy(load_average()) {
        println!("{note}");
    }
    if args.dir.is_some() {
        println!("(letters kept in {})", root.display());
    }
}
