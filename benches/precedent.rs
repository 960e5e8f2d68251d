//! Precedent search at scale: a generated library of synthetic reviews (a staff letter
//! and the company's response, comments on eight topics), and `../shared/corpus` when
//! present.
//!
//! 1. cold build: the index of the library made from nothing (letters read, reviews
//!    grouped, answers matched, comments indexed);
//! 2. incremental: one response changed, the index brought up to date;
//! 3. the index's size on disk;
//! 4. "more like this" query latency, p50/p95, over comments of the library (goal p95
//!    < 20 ms at 10,000 letters);
//! 5. the same with 100,000 reviews simulated (generated in memory, parsed and indexed
//!    without files; goal p95 < 50 ms);
//! 6. peak memory (VmHWM) of a process with the 10,000-letter index open and queried,
//!    and of the cold build (goal < 150 MB).
//!
//! ```text
//! cargo bench --bench precedent                               # 10,000 letters, 100,000 simulated
//! cargo bench --bench precedent -- --letters 1000 --simulated 0   # a quick run
//! ```

#[path = "support/peak.rs"]
mod peak;
#[path = "../tests/common/precedent.rs"]
mod synthetic;
use peak::vm_hwm_kb;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use letterdesk::precedent::{Library, Probe};
use letterdesk::review::Filed;

/// Queries timed per library.
const QUERIES: usize = 400;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--child-open") {
        return child_open(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
    }
    if let Some(i) = args.iter().position(|a| a == "--child-build") {
        let roots: Vec<PathBuf> = args[i + 2..].iter().map(PathBuf::from).collect();
        return child_build(Path::new(&args[i + 1]), &roots);
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
    let index = dir.path().join("index");
    let build_peak = child(&["--child-build"], &index, &roots);
    let mut library = Library::open(&index).expect("index opens");
    let t = Instant::now();
    let cold = library.update(&roots).expect("cold build");
    let cold_time = t.elapsed();
    println!(
        "cold build (the index made from nothing; files in the page cache): {} letters read, {} comments, {:.2} s; peak memory of a cold build from nothing: {build_peak:.0} MB",
        cold.read,
        cold.comments,
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
    let out = Command::new(std::env::current_exe().expect("own path"))
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

/// Child: build the index of the roots from nothing.
fn child_build(index: &Path, roots: &[PathBuf]) {
    let mut library = Library::open(index).expect("index opens");
    library.update(roots).expect("built");
    drop(library);
    std::fs::remove_dir_all(index).expect("index removed");
    println!("VmHWM_KB {}", vm_hwm_kb());
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
