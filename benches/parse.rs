//! Parse throughput: MB/s on one core over a folder of letters, for the full parse
//! (`parse_bytes`) and for the brief a list needs (`brief_bytes`).
//!
//! `cargo bench --bench parse [-- FOLDER] [--mb N]`. Without a folder it uses the built-in
//! demo letters, the test fixtures and `../shared/letters` when present. The corpus is
//! parsed repeatedly until at least N MB (64 unless told) have gone through the parser,
//! then briefed as often (a small N makes a run short enough for a profiler).
//!
//! Each figure is given twice: per second of wall-clock time, and per second of CPU
//! time of the measuring thread (`CLOCK_THREAD_CPUTIME_ID`), which other processes
//! on a shared machine do not inflate: the honest "on one core". The letters are read
//! with the program's own allocator (mimalloc, as `src/main.rs` sets it).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The allocator the program reads letters with (see `src/main.rs`).
#[path = "support/allocator.rs"]
mod allocator;

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
    let parse = time_passes(passes, &corpus, letterdesk::letter::parse_bytes);
    println!(
        "parse: {} letters ({:.1} KB, {comments} comments) x {passes} passes: {mb:.1} MB in {}",
        corpus.len(),
        bytes_per_pass as f64 / 1e3,
        parse.rates(mb)
    );
    let brief = time_passes(passes, &corpus, letterdesk::letter::brief_bytes);
    println!(
        "brief: the same {mb:.1} MB in {} ({:.2}x the parse, CPU time)",
        brief.rates(mb),
        parse.cpu.as_secs_f64() / brief.cpu.as_secs_f64()
    );
}

/// Say what went wrong and stop.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

/// The time a measurement took: on the wall clock, and on the CPU for this thread.
struct Took {
    wall: Duration,
    cpu: Duration,
}

impl Took {
    /// "CPU s = MB/s on one core (wall s = MB/s)" for `mb` megabytes.
    fn rates(&self, mb: f64) -> String {
        let (cpu, wall) = (self.cpu.as_secs_f64(), self.wall.as_secs_f64());
        format!(
            "{cpu:.2} s of CPU = {:.1} MB/s on one core (wall clock {wall:.2} s = {:.1} MB/s)",
            mb / cpu,
            mb / wall
        )
    }
}

/// The CPU time this thread has used so far.
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through the pointer, which points to
    // one that lives across the call.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if status != 0 {
        fail("the thread's CPU clock cannot be read");
    }
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// The time taken by `passes` passes of `read` over every letter of `corpus`.
fn time_passes<T, E>(
    passes: usize,
    corpus: &[(String, Vec<u8>)],
    read: impl Fn(&str, &[u8]) -> Result<T, E>,
) -> Took {
    let (start, cpu_start) = (Instant::now(), thread_cpu_time());
    for _ in 0..passes {
        for (name, bytes) in corpus {
            std::hint::black_box(read(name, std::hint::black_box(bytes)).ok());
        }
    }
    Took {
        wall: start.elapsed(),
        cpu: thread_cpu_time() - cpu_start,
    }
}
