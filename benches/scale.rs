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
//! The letters are synthetic (see `benches/support/letters.rs`): written at run time from
//! the seed, never committed. The workspace is driven through the public API the way
//! the program drives it: the public `Runtime` (the event loop with its workers) started
//! after the first frame, on a `TestBackend` instead of the terminal (see [`Workspace`]).
//!
//! Each figure's line ends in `[met]` or `[MISSED]` when it has a goal; the end of the
//! output is a Markdown table for the README. The machine line gives the load average:
//! on a busy machine the wall-clock figures are pessimistic, which is why the keystroke
//! and `status` lines also give CPU times.

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

// ---------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
}

struct Row {
    what: String,
    figure: String,
    goal: String,
    /// `Some(met)` when there is a goal.
    met: Option<bool>,
}

impl Report {
    /// Print the figure's line and keep it for the summary.
    fn add(&mut self, line: String, what: &str, figure: String, goal: &str, met: Option<bool>) {
        let verdict = match met {
            Some(true) => " [met]",
            Some(false) => " [MISSED]",
            None => "",
        };
        println!("{line}{verdict}");
        self.rows.push(Row {
            what: what.to_string(),
            figure,
            goal: goal.to_string(),
            met,
        });
    }

    fn markdown(&self, machine: &Machine, args: &Args, corpus: &Corpus) -> String {
        let mut out = format!(
            "Measured with `cargo bench --bench scale` ({} generated letters, seed {:#x}, {:.0} MB) on {}.\n\n",
            thousands(corpus.letters.len()),
            args.seed,
            corpus.letter_bytes as f64 / 1e6,
            machine.line()
        );
        out.push_str("| what | figure | goal |\n|---|---|---|\n");
        for row in &self.rows {
            let goal = match row.met {
                Some(true) => format!("{} ✓", row.goal),
                Some(false) => format!("{} ✗ (missed)", row.goal),
                None => row.goal.clone(),
            };
            out.push_str(&format!("| {} | {} | {} |\n", row.what, row.figure, goal));
        }
        out
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// CPU time used by this process's children that have been waited for (Linux clock
/// ticks, 10 ms).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // Fields 16 and 17 of the file (cutime, cstime); `after` starts at field 3.
    let ticks = fields.get(13).copied().unwrap_or(0) + fields.get(14).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// The `p`-th percentile (0..=1) of `samples`, nearest rank.
fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn median(samples: &[Duration]) -> Duration {
    percentile(samples, 0.5)
}

/// What the figures were measured on.
struct Machine {
    cpu: String,
    cores: usize,
    memory_gb: f64,
    kernel: String,
    fs: String,
    /// The 1-minute load average when the run started.
    load: f64,
}

/// The 1-minute load average.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

impl Machine {
    fn detect(dir: &Path) -> Machine {
        let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
        let cpu = read("/proc/cpuinfo")
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map_or_else(|| "unknown CPU".into(), |(_, v)| v.trim().to_string());
        let memory_gb = read("/proc/meminfo")
            .lines()
            .find(|l| l.starts_with("MemTotal:"))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
        let kernel = read("/proc/sys/kernel/osrelease").trim().to_string();
        // The file system of the folder: the longest mount point above it.
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
        let fs = read("/proc/mounts")
            .lines()
            .filter_map(|l| {
                let mut f = l.split_whitespace();
                let (_, point, kind) = (f.next()?, f.next()?, f.next()?);
                dir.starts_with(point)
                    .then(|| (point.len(), kind.to_string()))
            })
            .max()
            .map_or_else(|| "unknown fs".into(), |(_, kind)| kind);
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_gb,
            kernel,
            fs,
            load: load_average(),
        }
    }

    fn line(&self) -> String {
        format!(
            "{}, {} cores, {:.0} GB RAM, Linux {}, {} temp folder; load average {:.1} at the start",
            self.cpu, self.cores, self.memory_gb, self.kernel, self.fs, self.load
        )
    }

    /// A warning when other work was competing for the cores.
    fn busy(&self, end: f64) -> Option<String> {
        let worst = self.load.max(end);
        (worst > self.cores as f64 * 0.5).then(|| {
            format!(
                "Note: the load average was {:.1} at the start and {end:.1} at the end on {} cores: other processes were competing for the CPUs, so the timings are pessimistic (p99s most of all).",
                self.load, self.cores
            )
        })
    }
}

// ---------------------------------------------------------------------------
// 1. Parse throughput
// ---------------------------------------------------------------------------

fn parse_throughput(corpus: &Corpus, label: &str, report: &mut Report) {
    let files: Vec<(String, Vec<u8>)> = corpus
        .letters
        .iter()
        .map(|l| {
            (
                l.path.display().to_string(),
                std::fs::read(&l.path).expect("read letter"),
            )
        })
        .collect();
    for (name, bytes) in files.iter().take(300) {
        std::hint::black_box(letter::parse_bytes(name, bytes).ok());
    }
    let start = Instant::now();
    let parsed: Vec<Option<(usize, Kind)>> = files
        .iter()
        .map(|(name, bytes)| {
            letter::parse_bytes(name, std::hint::black_box(bytes))
                .ok()
                .map(|l| (l.comments.len(), l.kind))
        })
        .collect();
    let elapsed = start.elapsed();
    let mb = corpus.letter_bytes as f64 / 1e6;
    let rate = mb / elapsed.as_secs_f64();

    // The parser against what was generated: comment counts and kinds.
    let mut wrong = Vec::new();
    for (l, got) in corpus.letters.iter().zip(&parsed) {
        let want = if l.completion {
            Kind::Completion
        } else {
            Kind::Comments
        };
        if *got != Some((l.comments, want)) {
            wrong.push((l, got));
        }
    }
    report.add(
        format!(
            "parse: {label} letters, {mb:.1} MB in {} = {rate:.1} MB/s on one core (parser agrees with the generator on {}/{} letters)",
            secs(elapsed),
            parsed.len() - wrong.len(),
            parsed.len()
        ),
        &format!("parse throughput, one core, {label} generated letters"),
        format!("{rate:.1} MB/s"),
        "",
        None,
    );
    for (l, got) in wrong.iter().take(5) {
        println!(
            "  disagreement: {} ({:?}): generated {} comments{}, parsed {:?}",
            l.path.display(),
            l.style,
            l.comments,
            if l.completion { " (completion)" } else { "" },
            got
        );
    }
}

// ---------------------------------------------------------------------------
// 2. status --json against grep -rc
// ---------------------------------------------------------------------------

fn status_vs_grep(corpus: &Corpus, label: &str, runs: usize, report: &mut Report) {
    let bin = env!("CARGO_BIN_EXE_letterdesk");
    let root = &corpus.root;
    let status = || {
        let mut c = Process::new(bin);
        c.arg("status").arg(root).arg("--json");
        c
    };
    let grep = || {
        let mut c = Process::new("grep");
        c.arg("-rc").arg("Please").arg(root);
        c
    };
    // Wall time, and the CPU time the child used (all its threads), which other load on
    // the machine does not inflate as much.
    let time = |mut c: Process| {
        let cpu = children_cpu();
        let start = Instant::now();
        let ok = c
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run child")
            .success();
        (start.elapsed(), children_cpu().saturating_sub(cpu), ok)
    };

    // Warm the page cache, and check the output while at it.
    let out = status().output().expect("run letterdesk status");
    assert!(
        out.status.success(),
        "letterdesk status failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("status JSON");
    let rows = json["letters"].as_array().expect("letters array");
    let problems = rows.iter().filter(|r| !r["problem"].is_null()).count();
    let with_drafts = rows
        .iter()
        .filter(|r| r["drafted"].as_u64().unwrap_or(0) + r["resolved"].as_u64().unwrap_or(0) > 0)
        .count();
    assert_eq!(
        rows.len(),
        corpus.letters.len(),
        "status lists every letter"
    );
    let _ = time(grep());

    let (mut status_times, mut status_cpu) = (Vec::new(), Vec::new());
    let (mut grep_times, mut grep_cpu) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (s, cpu, ok) = time(status());
        assert!(ok, "status failed");
        status_times.push(s);
        status_cpu.push(cpu);
        let (g, cpu, _) = time(grep());
        grep_times.push(g);
        grep_cpu.push(cpu);
    }
    let (s, g) = (median(&status_times), median(&grep_times));
    let (s_cpu, g_cpu) = (median(&status_cpu), median(&grep_cpu));
    let ratio = s.as_secs_f64() / g.as_secs_f64();
    let cpu_ratio = s_cpu.as_secs_f64() / g_cpu.as_secs_f64().max(0.01);
    report.add(
        format!(
            "status --json: {label} letters in {} (median of {runs}; CPU {}; {} with drafts counted, {problems} problems); grep -rc: {} (CPU {}); ratio {ratio:.1}x (CPU ratio {cpu_ratio:.1}x) (goal <= 3x)",
            secs(s),
            secs(s_cpu),
            with_drafts,
            secs(g),
            secs(g_cpu),
        ),
        &format!("`status --json`, {label} letters, vs one `grep -rc Please` pass"),
        format!(
            "{} vs {} = {ratio:.1}× (CPU time {} vs {})",
            secs(s),
            secs(g),
            secs(s_cpu),
            secs(g_cpu)
        ),
        "≤ 3×",
        Some(ratio <= 3.0),
    );
}

// ---------------------------------------------------------------------------
// The workspace, started the way the program starts it
// ---------------------------------------------------------------------------

/// The interface over a folder: the program up to its first frame (on a `TestBackend`
/// instead of the terminal), then its [`Runtime`], with keys fed in by the figures
/// instead of a terminal; the signal listener and the terminal set-up are left out.
struct Workspace {
    runtime: Runtime,
    terminal: Terminal<TestBackend>,
    started: Instant,
    /// From the start to the end of the first `draw`.
    first_frame: Duration,
}

/// How loading went.
struct LoadTimes {
    /// Until a frame showed letters.
    first_letters: Duration,
    /// Until every letter was listed, and drawn.
    full: Duration,
    /// The last frame's `draw`, every letter listed.
    last_draw: Duration,
    letters: usize,
}

impl Workspace {
    /// The program until its event loop: the config, the state, the crash journal, the
    /// first frame (on a `TestBackend` instead of the terminal), then the runtime.
    fn start(paths: Vec<PathBuf>) -> Workspace {
        // Each workspace its own journal, so none offers another's unsaved text.
        static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let journal_dir = JOURNAL.get().expect("journal folder set").join(format!(
            "{}-{}",
            std::process::id(),
            STARTS.fetch_add(1, Ordering::Relaxed)
        ));
        let started = Instant::now();
        // The crash journal in a temporary folder here, not the user's.
        let mut prepared = Prepared::new(None, || Journal::open(&journal_dir), None);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        let size = terminal.size().expect("size");
        update(&mut prepared.state, Action::Resize(size.width, size.height));
        terminal
            .draw(|frame| draw(frame, &prepared.state))
            .expect("first frame");
        let first_frame = started.elapsed();
        let runtime = Runtime::start(prepared, paths).expect("workers");
        Workspace {
            runtime,
            terminal,
            started,
            first_frame,
        }
    }

    /// The state shown.
    fn state(&self) -> &State {
        self.runtime.state()
    }

    /// Run an action, hand its effects to the workers.
    fn apply(&mut self, action: Action) -> bool {
        self.runtime.apply(action)
    }

    fn draw(&mut self) -> Duration {
        let start = Instant::now();
        let state = self.runtime.state();
        self.terminal
            .draw(|frame| draw(frame, state))
            .expect("draw");
        start.elapsed()
    }

    /// Apply the workers' reports, as the event loop does after the keys; whether any.
    fn drain(&mut self) -> bool {
        self.runtime.drain()
    }

    /// Apply the workers' reports as they come until `done` holds (or `limit` passes);
    /// returns whether it held.
    fn wait_for(&mut self, limit: Duration, done: impl Fn(&State) -> bool) -> bool {
        self.runtime.wait_for(limit, done)
    }

    /// The event loop with no keys pressed, until the indexer has finished and the last
    /// frame is drawn.
    fn run_until_loaded(&mut self) -> LoadTimes {
        let (mut indexed_ok, mut finished) = (0usize, false);
        let mut first_letters = None;
        loop {
            let turn = self.runtime.turn(|action| match action {
                Action::LetterIndexed { listing, .. } if listing.is_ok() => indexed_ok += 1,
                Action::IndexFinished => finished = true,
                _ => {}
            });
            assert!(
                matches!(turn, Turn::Go { .. }),
                "the workspace ended: {turn:?}"
            );
            if self.runtime.frame_due(finished) {
                let last_draw = self.draw();
                self.runtime.drawn();
                if first_letters.is_none() && indexed_ok > 0 {
                    first_letters = Some(self.started.elapsed());
                }
                if finished {
                    return LoadTimes {
                        first_letters: first_letters.unwrap_or_default(),
                        full: self.started.elapsed(),
                        last_draw,
                        letters: indexed_ok,
                    };
                }
            }
        }
    }

    /// End the workers (their threads end once they notice).
    fn stop(self) {
        drop(self);
    }
}

/// A folder holding one letter of the corpus (one with comments and a drafts file), for
/// the baselines; returns the folder and the copy.
fn one_letter_folder(corpus: &Corpus, tmp: &Path) -> (PathBuf, LetterFile) {
    let dir = tmp.join("one");
    std::fs::create_dir_all(&dir).expect("one-letter folder");
    let l = corpus
        .letters
        .iter()
        .find(|l| l.comments >= 3 && l.drafts.is_some())
        .or_else(|| corpus.letters.iter().find(|l| l.comments > 0))
        .expect("a comment letter");
    let to = dir.join(l.path.file_name().expect("file name"));
    std::fs::copy(&l.path, &to).expect("copy letter");
    let mut copy = l.clone();
    copy.path = to;
    if let Some(d) = &l.drafts {
        let to = drafts::drafts_path(&copy.path);
        std::fs::copy(d, &to).expect("copy drafts");
        copy.drafts = Some(to);
    }
    (dir, copy)
}

// ---------------------------------------------------------------------------
// 3. Time to first frame
// ---------------------------------------------------------------------------

/// Start the workspace on `root` and on a one-letter folder, alternately, and compare
/// the time to the first frame.
fn first_frame(root: &Path, one: &Path, label: &str, report: &mut Report) {
    const RUNS: usize = 21;
    let (mut big, mut small) = (Vec::new(), Vec::new());
    for i in 0..RUNS * 2 + 2 {
        let path = if i % 2 == 0 { root } else { one };
        let ws = Workspace::start(vec![path.to_owned()]);
        let t = ws.first_frame;
        ws.stop();
        if i >= 2 {
            if i % 2 == 0 { &mut big } else { &mut small }.push(t);
        }
    }
    let (b, s) = (median(&big), median(&small));
    let ratio = b.as_secs_f64() / s.as_secs_f64();
    report.add(
        format!(
            "first frame: {label} letters {}, 1 letter {} (medians of {RUNS}, 200x60); ratio {ratio:.2}x (goal <= 2x)",
            ms(b),
            ms(s)
        ),
        &format!("time to first frame, {label} letters vs 1 letter"),
        format!("{} vs {} = {ratio:.2}×", ms(b), ms(s)),
        "≤ 2×",
        Some(ratio <= 2.0),
    );
}

/// Open the workspace on `root` until every letter is listed with its drafts read (and
/// on the one-letter folder, for comparison); returns the loaded workspace.
fn workspace(root: &Path, one: &Path, label: &str, report: &mut Report) -> Workspace {
    let mut ws = Workspace::start(vec![root.to_owned()]);
    let loaded = ws.run_until_loaded();
    let mut one_ws = Workspace::start(vec![one.to_owned()]);
    let one_loaded = one_ws.run_until_loaded();
    one_ws.stop();
    report.add(
        format!(
            "workspace: first letters on screen after {} (1 letter: {}; the event loop looks at the indexer's reports every 100 ms), all {} letters listed with drafts read after {} (1 letter: {}); a frame with all of them listed takes {} to draw (1 letter: {})",
            ms(loaded.first_letters),
            ms(one_loaded.first_letters),
            thousands(loaded.letters),
            secs(loaded.full),
            ms(one_loaded.full),
            ms(loaded.last_draw),
            ms(one_loaded.last_draw),
        ),
        &format!("workspace: all {label} letters listed, drafts read"),
        format!(
            "{} (first letters after {})",
            secs(loaded.full),
            ms(loaded.first_letters)
        ),
        "",
        None,
    );
    ws
}

/// Open letters one after another, as a reader going down the list does: from the
/// Enter key until its comments are on screen (the reader thread parses it in full;
/// the event loop wakes for its report), for letters not opened before and, to compare,
/// for letters opened again (kept parsed).
fn opening(ws: &mut Workspace, label: &str, count: usize, report: &mut Report) {
    ws.drain();
    let listed = ws.state().listings().len();
    let step = (listed / count.max(1)).max(1);
    let mut first_time = Vec::new();
    ws.apply(Action::Run(Command::First));
    for _ in 0..count.min(listed) {
        ws.apply(Action::Run(Command::Leave));
        let start = Instant::now();
        ws.apply(Action::Run(Command::Open));
        let shown = ws.wait_for(Duration::from_secs(10), |s| s.open_letter().is_some());
        ws.draw();
        if shown {
            first_time.push(start.elapsed());
        }
        ws.apply(Action::Run(Command::Leave));
        for _ in 0..step {
            ws.apply(Action::Run(Command::Down));
        }
    }
    // Again, the last few: these are still parsed.
    let mut again = Vec::new();
    for _ in 0..8.min(count) {
        ws.apply(Action::Run(Command::Leave));
        ws.apply(Action::Run(Command::Up));
        let start = Instant::now();
        ws.apply(Action::Run(Command::Open));
        ws.wait_for(Duration::from_secs(10), |s| s.open_letter().is_some());
        ws.draw();
        again.push(start.elapsed());
        ws.apply(Action::Run(Command::Leave));
        for _ in 0..step {
            ws.apply(Action::Run(Command::Up));
        }
    }
    ws.wait_for(Duration::from_secs(5), |s| !s.saves_pending());
    ws.apply(Action::Run(Command::Leave));
    report.add(
        format!(
            "open: {} letters of the {label} opened from the list, Enter to comments drawn: p50 {}, p99 {}, max {}; opened again (kept parsed) p50 {}; {} letters held parsed",
            first_time.len(),
            ms(percentile(&first_time, 0.5)),
            ms(percentile(&first_time, 0.99)),
            ms(percentile(&first_time, 1.0)),
            ms(percentile(&again, 0.5)),
            ws.state().parsed_letters(),
        ),
        &format!("open a letter from the {label}-letter list (Enter to comments drawn)"),
        format!(
            "p50 {}, p99 {}",
            ms(percentile(&first_time, 0.5)),
            ms(percentile(&first_time, 0.99))
        ),
        "",
        None,
    );
}

// ---------------------------------------------------------------------------
// 4. Keystrokes in the editor
// ---------------------------------------------------------------------------

/// Give `letter`'s first comment a 20 KB draft in its drafts file (before the workspace
/// starts, so the workspace reads it as it reads any drafts file).
fn write_big_draft(letter: &LetterFile) {
    let numbers: Vec<String> = (1..=letter.comments).map(|n| n.to_string()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    let mut rng = Rng::new(7, 7);
    drafts.set_response("1", generator::response_text(&mut rng, DRAFT_BYTES));
    drafts::save(&drafts::drafts_path(&letter.path), &drafts, None).expect("write drafts");
}

/// The comment letter at the top of the Letters pane (newest first), which gets the big
/// draft.
fn newest_comment_letter(corpus: &Corpus) -> LetterFile {
    corpus
        .letters
        .iter()
        .filter(|l| !l.completion && l.comments > 0)
        .min_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)))
        .expect("a comment letter")
        .clone()
}

/// Open `target` (which has a 20 KB draft for its first comment, see [`write_big_draft`]),
/// enter the editor and type as fast as the code allows: each keystroke is one turn of
/// app.rs's event loop, `update(Type)`, the workers' reports that arrived meanwhile, the
/// tick, and the redraw.
fn keystrokes(ws: &mut Workspace, target: &Path, label: &str, count: usize, report: &mut Report) {
    ws.drain();
    let name = target.file_name();
    ws.apply(Action::Run(Command::First));
    for _ in 0..ws.state().listings().len() {
        if ws
            .state()
            .cursor_path()
            .is_some_and(|p| p.file_name() == name)
        {
            break;
        }
        ws.apply(Action::Run(Command::Down));
    }
    ws.apply(Action::Run(Command::Open));
    // The reader parses the letter, then the drafts worker reads its drafts file.
    let opened = ws.wait_for(Duration::from_secs(10), |s| {
        s.open_letter().is_some() && s.save_state() != SaveState::Loading
    });
    assert!(opened, "the letter opened with its drafts read");
    ws.drain();
    ws.apply(Action::Run(Command::Edit));
    assert_eq!(ws.state().focus(), Pane::Draft, "in the editor");
    assert!(
        ws.state()
            .open_letter()
            .is_some_and(|l| Path::new(&l.file).file_name() == name),
        "the letter with the big draft is open"
    );
    let draft_len = ws.state().editor_text().len();
    assert!(draft_len >= DRAFT_BYTES, "a 20 KB draft is loaded");
    ws.draw();

    let text = "The Company respectfully advises the Staff that it will revise the disclosure. ";
    let mut chars = text.chars().cycle();
    let warmup = 100;
    let (mut total, mut in_update, mut in_draw) = (Vec::new(), Vec::new(), Vec::new());
    // The UI thread's own CPU time per key: what the key costs without other processes
    // taking the core away (their time shows in the wall-clock figures only).
    let mut cpu_times = Vec::new();
    for i in 0..warmup + count {
        let input = Input {
            key: Key::Char(chars.next().unwrap_or(' ')),
            ctrl: false,
            alt: false,
            shift: false,
        };
        // One turn of app.rs's event loop for a key: the key, the workers' reports that
        // came in meanwhile (autosaves, the watcher seeing them), the tick, the redraw.
        let cpu = thread_cpu();
        let start = Instant::now();
        ws.apply(Action::Type(input));
        ws.drain();
        ws.apply(Action::Tick(Instant::now()));
        let updated = start.elapsed();
        ws.draw();
        let elapsed = start.elapsed();
        let on_cpu = thread_cpu().saturating_sub(cpu);
        if i >= warmup {
            total.push(elapsed);
            in_update.push(updated);
            in_draw.push(elapsed - updated);
            cpu_times.push(on_cpu);
        }
    }
    let (p50, p99) = (percentile(&total, 0.5), percentile(&total, 0.99));
    report.add(
        format!(
            "keystroke: {count} keys into a {:.1} KB draft, {label}-letter workspace, 200x60: p50 {}, p99 {}, max {} (update p50 {}, draw p50 {}; on-CPU p50 {}, p99 {}) (goal p99 < 1 ms)",
            draft_len as f64 / 1e3,
            ms(p50),
            ms(p99),
            ms(percentile(&total, 1.0)),
            ms(percentile(&in_update, 0.5)),
            ms(percentile(&in_draw, 0.5)),
            ms(percentile(&cpu_times, 0.5)),
            ms(percentile(&cpu_times, 0.99)),
        ),
        &format!("keystroke in the editor, 20 KB draft, 200×60, {label}-letter workspace"),
        format!(
            "p50 {}, p99 {} (on-CPU p50 {}, p99 {})",
            ms(p50),
            ms(p99),
            ms(percentile(&cpu_times, 0.5)),
            ms(percentile(&cpu_times, 0.99))
        ),
        "p99 < 1 ms",
        Some(p99 < Duration::from_millis(1)),
    );
}

// ---------------------------------------------------------------------------
// 5. Atomic saves
// ---------------------------------------------------------------------------

/// Save a drafts file of 50 drafted responses over and over, one response changed each
/// time, as the drafts worker does (the previous save's document as the baseline): in the
/// run's folder (a real disk, so the two syncs of each save reach it), and, to tell the
/// syncs from the rest, in `/dev/shm` when there is one.
fn atomic_saves(tmp: &Path, runs: usize, seed: u64, report: &mut Report) {
    let numbers: Vec<String> = (1..=50).map(|n| n.to_string()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    let mut rng = Rng::new(seed, 50);
    for n in &numbers {
        let len = rng.range(200, 1500);
        drafts.set_response(n, generator::response_text(&mut rng, len));
        if rng.chance(0.3) {
            drafts.toggle_resolved(n);
        }
    }
    let resolved = drafts
        .comments
        .iter()
        .filter(|d| d.status == Status::Resolved)
        .count();
    let saves = |dir: &Path, runs: usize, drafts: &mut Drafts| -> (Vec<Duration>, u64) {
        std::fs::create_dir_all(dir).expect("saves folder");
        let path = dir.join("letter.responses.toml");
        let mut loaded = drafts::save_loaded(&path, drafts, None).expect("first save");
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs + 10 {
            let n = &numbers[i % numbers.len()];
            let mut text = drafts
                .get(n)
                .map(|d| d.response.clone())
                .unwrap_or_default();
            text.push_str(" Further revised.");
            drafts.set_response(n, text);
            let start = Instant::now();
            loaded = drafts::save_loaded(&path, drafts, Some(&loaded)).expect("save");
            if i >= 10 {
                times.push(start.elapsed());
            }
        }
        (times, size)
    };
    let (times, size) = saves(&tmp.join("saves"), runs, &mut drafts.clone());
    let (p50, p99) = (percentile(&times, 0.5), percentile(&times, 0.99));
    let shm = Path::new("/dev/shm");
    let in_memory = if shm.is_dir() {
        let dir = tempfile::tempdir_in(shm).expect("folder in /dev/shm");
        let (t, _) = saves(dir.path(), runs.min(100), &mut drafts.clone());
        format!(
            "; the same in /dev/shm (no disk): p50 {}, p99 {}",
            ms(percentile(&t, 0.5)),
            ms(percentile(&t, 0.99))
        )
    } else {
        String::new()
    };
    report.add(
        format!(
            "save: drafts file with 50 responses ({resolved} resolved, {:.1} KB), {runs} atomic saves: p50 {}, p99 {}{in_memory}",
            size as f64 / 1e3,
            ms(p50),
            ms(p99)
        ),
        "atomic save of a drafts file with 50 responses",
        format!("p50 {}, p99 {}", ms(p50), ms(p99)),
        "",
        None,
    );
}

// ---------------------------------------------------------------------------
// 6. Peak memory
// ---------------------------------------------------------------------------

fn peak_memory(root: &Path, one: &Path, label: &str, report: &mut Report) {
    let child = |mode: &str, dir: &Path| -> f64 {
        let out = Process::new(std::env::current_exe().expect("own path"))
            .arg(mode)
            .arg(dir)
            .arg(JOURNAL.get().expect("journal folder set"))
            .stderr(Stdio::inherit())
            .output()
            .expect("child");
        assert!(out.status.success(), "{mode} child failed");
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .find_map(|l| l.strip_prefix("VmHWM_KB "))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .expect("child reports VmHWM")
            / 1024.0
    };
    let workspace = child("--child-workspace", root);
    let workspace_one = child("--child-workspace", one);
    let index = child("--child-index", root);
    report.add(
        format!(
            "peak memory: workspace with {label} letters indexed {workspace:.0} MB (1 letter: {workspace_one:.0} MB); index::index as status runs it {index:.0} MB (goal < 150 MB)"
        ),
        &format!("peak memory (VmHWM), workspace with {label} letters indexed"),
        format!("{workspace:.0} MB (1 letter: {workspace_one:.0} MB)"),
        "< 150 MB",
        Some(workspace < 150.0),
    );
    report.add(
        format!("peak memory: `status` index of {label} letters {index:.0} MB"),
        &format!("peak memory (VmHWM), `status` index of {label} letters"),
        format!("{index:.0} MB"),
        "",
        None,
    );
}

/// This process's peak resident set, in kB.
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Child: index the folder as `letterdesk status` does, report the peak.
fn child_index(dir: &Path) {
    let found = letterdesk::index::find_letters(&[dir.to_owned()]);
    let summaries = letterdesk::index::index(
        &found,
        0,
        letterdesk::index::DEFAULT_MAX_LETTER_BYTES,
        |_, _| {},
    );
    std::hint::black_box(&summaries);
    println!("letters {}", summaries.len());
    println!("VmHWM_KB {}", vm_hwm_kb());
}

/// Child: open the workspace on the folder until every letter is listed with its
/// drafts read, report the peak.
fn child_workspace(dir: &Path) {
    let mut ws = Workspace::start(vec![dir.to_owned()]);
    let loaded = ws.run_until_loaded();
    println!("letters {}", loaded.letters);
    println!("VmHWM_KB {}", vm_hwm_kb());
    ws.stop();
}
