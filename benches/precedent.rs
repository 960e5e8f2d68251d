//! Precedent search at scale: a generated library of synthetic reviews (a staff letter
//! and the company's response, comments on eight topics), and `../shared/corpus` when
//! present.
//!
//! 1. cold build: the index of the library made from nothing (letters read, reviews
//!    grouped, answers matched, comments indexed) by `letterdesk index`, in a process
//!    of its own as the workspace runs it;
//! 2. incremental: one response changed, the index brought up to date;
//! 3. the index's size on disk;
//! 4. "more like this" query latency, p50/p95, over comments of the library (goal p95
//!    < 20 ms at 10,000 letters);
//! 5. the same with 100,000 reviews simulated (generated in memory, parsed and indexed
//!    without files; goal p95 < 50 ms);
//! 6. peak memory (VmHWM) of a process with the 10,000-letter index open and queried,
//!    and of the cold build's process; and of the workspace itself (the public
//!    `tui::Runtime` on a `TestBackend`, in a child process) opened on the library's
//!    folder, every letter listed, the precedent key pressed on a comment until its ten
//!    hits are drawn: the first time (the workspace has `letterdesk index` build the
//!    index) and the next (the index opened) (goal < 150 MB). The bench and the
//!    workspace use the program's allocator (mimalloc).
//!
//! ```text
//! cargo bench --bench precedent                               # 10,000 letters, 100,000 simulated
//! cargo bench --bench precedent -- --letters 1000 --simulated 0   # a quick run
//! ```

#[path = "support/allocator.rs"]
mod allocator;
#[path = "support/peak.rs"]
mod peak;
#[path = "support/screen.rs"]
mod screen;
#[path = "../tests/common/precedent.rs"]
mod synthetic;
use peak::vm_hwm_kb;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use letterdesk::letter::Kind;
use letterdesk::precedent::{Library, Probe, folder};
use letterdesk::review::Filed;
use letterdesk::tui::{Action, Command, Pane};
use screen::Screen;

/// Queries timed per library.
const QUERIES: usize = 400;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--child-open") {
        return child_open(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
    }
    if let Some(i) = args.iter().position(|a| a == "--child-workspace") {
        return child_workspace(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
    }
    let number = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let letters = number("--letters", 10_000);
    let simulated = number("--simulated", 100_000);
    let tmp = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tmp");
    std::fs::create_dir_all(&tmp).expect("target/tmp");
    let dir = tempfile::tempdir_in(&tmp).expect("a temporary folder");
    let root = dir.path().join("letters");
    let t = Instant::now();
    let staff = synthetic::write_library(&root, letters).expect("letters written");
    println!(
        "library: {letters} reviews ({} letter files) written in {:.1} s",
        2 * letters,
        t.elapsed().as_secs_f64()
    );
    let mut roots = vec![root.clone()];
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if corpus.is_dir() {
        roots.extend(
            std::fs::read_dir(&corpus)
                .expect("corpus")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "text")),
        );
        println!("with ../shared/corpus (its filings, not the text/ copies)");
    }
    let cache = dir.path().join("cache");
    let (cold_time, build_peak, built) = index_process(&cache, &roots);
    let index = folder(&cache.join("letterdesk"));
    let mut library = Library::open(&index).expect("index opens");
    println!(
        "cold build (`letterdesk index` in a process of its own, as the workspace runs it, the index and the extraction cache empty; files in the page cache): {built}, {:.2} s; its peak memory: {build_peak:.0} MB",
        cold_time.as_secs_f64()
    );
    let changed = &staff[letters / 2];
    let response = changed.with_file_name(synthetic::names(letters / 2).1);
    let text = std::fs::read_to_string(&response).expect("response");
    std::fs::write(&response, text.replace("we will revise", "we have revised")).expect("write");
    let t = Instant::now();
    let incremental = library.update(&roots).expect("incremental");
    println!(
        "incremental: one response changed, {} letters read, {} comments written, {:.1} ms",
        incremental.read,
        incremental.comments,
        ms(t.elapsed())
    );
    println!(
        "size on disk: {:.1} MB for {} comments",
        library.size_on_disk() as f64 / 1e6,
        library.comments()
    );
    let (p50, p95) = latency(&library, &staff);
    println!(
        "query, {letters} letters: p50 {:.2} ms, p95 {:.2} ms (goal p95 < 20 ms: {})",
        ms(p50),
        ms(p95),
        verdict(p95 < Duration::from_millis(20))
    );
    let open_peak = child(&["--child-open"], &index, std::slice::from_ref(&root));
    println!(
        "peak memory, a process with the index of {letters} letters open and {QUERIES} queries run: {open_peak:.0} MB (goal < 150 MB: {})",
        verdict(open_peak < 150.0)
    );
    drop(library);
    workspace_peaks(dir.path(), &root, letters);
    if simulated > 0 {
        simulate(dir.path(), letters, simulated, &staff);
    }
}

/// Index `count` reviews made in memory on top of the library's index, and time queries.
fn simulate(dir: &Path, from: usize, count: usize, staff: &[PathBuf]) {
    let index = dir.join("index");
    let mut library = Library::open(&index).expect("index opens");
    let t = Instant::now();
    let mut comments = 0;
    for start in (from..from + count).step_by(5_000) {
        let filed: Vec<Filed> = (start..(start + 5_000).min(from + count))
            .flat_map(|i| {
                let r = synthetic::review(i);
                let (upload, corresp) = synthetic::names(i);
                [
                    Filed::from_bytes(&upload, synthetic::staff_letter(i, &r).as_bytes()),
                    Filed::from_bytes(&corresp, synthetic::response_letter(i, &r).as_bytes()),
                ]
            })
            .map(|f| f.expect("generated letters parse"))
            .collect();
        comments += library.add(filed).expect("simulated reviews indexed");
    }
    println!(
        "simulated: {count} more reviews indexed in memory ({comments} comments) in {:.1} s; {} comments in all, {:.1} MB on disk",
        t.elapsed().as_secs_f64(),
        library.comments(),
        library.size_on_disk() as f64 / 1e6
    );
    let (p50, p95) = latency(&library, staff);
    println!(
        "query, {} reviews: p50 {:.2} ms, p95 {:.2} ms (goal p95 < 50 ms: {})",
        from + count,
        ms(p50),
        ms(p95),
        verdict(p95 < Duration::from_millis(50))
    );
}

/// p50 and p95 of "more like this" for comments of the generated reviews.
fn latency(library: &Library, staff: &[PathBuf]) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(QUERIES);
    for q in 0..QUERIES {
        let i = (q * 7919) % staff.len();
        let review = synthetic::review(i);
        let comment = &review.comments[q % review.comments.len()];
        let probe = Probe {
            text: &comment.text,
            heading: comment.topic.map(|t| synthetic::TOPICS[t].heading),
            path: Some(&staff[i]),
            company: Some(&review.company),
        };
        let t = Instant::now();
        let found = library.similar(probe, 10).expect("query");
        times.push(t.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

/// Run this bench as a child with `mode`, the index folder and the roots; its peak
/// memory in MB.
fn child(mode: &[&str], index: &Path, roots: &[PathBuf]) -> f64 {
    let out = Process::new(std::env::current_exe().expect("own path"))
        .args(mode)
        .arg(index)
        .args(roots)
        .output()
        .expect("child");
    assert!(
        out.status.success(),
        "{mode:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM_KB "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .expect("child reports VmHWM")
        / 1024.0
}

/// The workspace opened on the library's folder twice, in child processes sharing one
/// cache folder: the first builds the precedent index, the second opens it.
fn workspace_peaks(dir: &Path, root: &Path, letters: usize) {
    let home = dir.join("home");
    for (run, what) in [
        "the index built (by `letterdesk index`)",
        "the index opened",
    ]
    .iter()
    .enumerate()
    {
        let out = Process::new(std::env::current_exe().expect("own path"))
            .arg("--child-workspace")
            .arg(root)
            .arg(home.join(format!("journal-{run}")))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .output()
            .expect("child");
        assert!(
            out.status.success(),
            "workspace child: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = String::from_utf8_lossy(&out.stdout);
        let value = |key: &str| -> f64 {
            out.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| panic!("the child reports {key}: {out}"))
        };
        let peak = value("VmHWM_KB ") / 1024.0;
        println!(
            "peak memory, the workspace on the {letters} reviews ({} letters listed), precedent shown, {what}: {peak:.0} MB (goal < 150 MB: {}); {:.0} ms from the key to the hits drawn",
            value("listed ") as usize,
            verdict(peak < 150.0),
            value("found ") * 1e3
        );
    }
}

/// Child: the workspace over `root` as the program runs it (on a `TestBackend` instead
/// of the terminal), until every letter is listed and the letters are grouped into
/// reviews; then the oldest staff letter opened and the precedent key pressed on its
/// first comment, until its hits are drawn. Prints the letters listed, the seconds
/// from the key to the hits, and the peak memory.
fn child_workspace(root: &Path, journal: &Path) {
    let mut screen = Screen::start(root, journal);
    let (mut listed, mut finished, mut grouped, mut found) = (0usize, false, false, false);
    let mut step = |screen: &mut Screen| {
        screen.turn(|action| match action {
            Action::LetterIndexed { listing, .. } if listing.is_ok() => listed += 1,
            Action::IndexFinished => finished = true,
            Action::ReviewsBuilt(_) => grouped = true,
            Action::PrecedentFound { result, .. } => {
                assert_eq!(result.as_ref().expect("precedent").hits.len(), 10);
                found = true;
            }
            _ => {}
        });
        screen.draw_if_due(finished);
        (finished && grouped, found)
    };
    while !step(&mut screen).0 {}
    // The list is newest first: a staff letter is near its end.
    screen.runtime.apply(Action::Run(Command::Last));
    for _ in 0..100 {
        screen.runtime.apply(Action::Run(Command::Open));
        let read = screen
            .runtime
            .wait_for(Duration::from_secs(60), |s| s.open_letter().is_some());
        assert!(read, "the letter is read");
        let kind = screen.runtime.state().open_letter().map(|l| l.kind);
        if kind == Some(Kind::Comments) && screen.runtime.state().selected_comment().is_some() {
            break;
        }
        screen.runtime.apply(Action::Run(Command::Leave));
        screen.runtime.apply(Action::Run(Command::Up));
    }
    let state = screen.runtime.state();
    assert_eq!(
        state.focus(),
        Pane::Comments,
        "a staff letter open: {:?} {:?}",
        state.open_letter().map(|l| (l.kind, &l.file)),
        state.message()
    );
    assert!(
        screen.runtime.state().selected_comment().is_some(),
        "a comment"
    );
    let key = Instant::now();
    screen.runtime.apply(Action::Run(Command::Precedent));
    while !step(&mut screen).1 {}
    screen.draw_if_due(true);
    println!("found {:.3}", key.elapsed().as_secs_f64());
    println!("listed {listed}");
    println!("VmHWM_KB {}", vm_hwm_kb());
}

/// Build the index of `roots` from nothing as the workspace has it built: `letterdesk
/// index` in a process of its own, with its cache folder `cache` (empty) and mimalloc's
/// purge delay as the workspace sets it for it. Its wall time, peak memory in MB (its
/// `/proc/PID/status`, read while it runs) and what it printed.
fn index_process(cache: &Path, roots: &[PathBuf]) -> (Duration, f64, String) {
    let t = Instant::now();
    let mut child = Process::new(env!("CARGO_BIN_EXE_letterdesk"))
        .arg("index")
        .arg("--")
        .args(roots)
        .env("XDG_CACHE_HOME", cache)
        .env("XDG_CONFIG_HOME", cache.join("no-config"))
        .env(letterdesk::allocator::PURGE_DELAY_VAR, "0")
        .stdout(Stdio::piped())
        .spawn()
        .expect("letterdesk index");
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let exit = loop {
        let hwm = std::fs::read_to_string(&status)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok());
        peak_kb = peak_kb.max(hwm.unwrap_or(0));
        if let Some(exit) = child.try_wait().expect("wait") {
            break exit;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = t.elapsed();
    assert!(exit.success(), "letterdesk index: {exit}");
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().expect("stdout"), &mut said)
        .expect("its output");
    let said = said
        .trim()
        .rsplit(": ")
        .next()
        .unwrap_or_default()
        .to_owned();
    (elapsed, peak_kb as f64 / 1024.0, said)
}

/// Child: open the index, bring it up to date (nothing changed) and run the queries.
fn child_open(index: &Path, root: &Path) {
    let mut library = Library::open(index).expect("index opens");
    library.update(&[root.to_owned()]).expect("up to date");
    let staff: Vec<PathBuf> = (0..)
        .map_while(|i| {
            let path = root
                .join(format!("{:03}", i / 100))
                .join(synthetic::names(i).0);
            path.exists().then_some(path)
        })
        .collect();
    std::hint::black_box(latency(&library, &staff));
    println!("VmHWM_KB {}", vm_hwm_kb());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}
