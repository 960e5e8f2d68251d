//! Figures 1 and 2: parse throughput, and `status --json` against one `grep -rc` pass.

use super::*;

pub(crate) fn parse_throughput(corpus: &Corpus, label: &str, report: &mut Report) {
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

pub(crate) fn status_vs_grep(corpus: &Corpus, label: &str, runs: usize, report: &mut Report) {
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
