//! The report: figures with their goals, the machine they were measured on, a Markdown table.

use super::*;

#[derive(Default)]
pub(crate) struct Report {
    pub(crate) rows: Vec<Row>,
}

pub(crate) struct Row {
    pub(crate) what: String,
    pub(crate) figure: String,
    pub(crate) goal: String,
    /// `Some(met)` when there is a goal.
    pub(crate) met: Option<bool>,
}

impl Report {
    /// Print the figure's line and keep it for the summary.
    pub(crate) fn add(
        &mut self,
        line: String,
        what: &str,
        figure: String,
        goal: &str,
        met: Option<bool>,
    ) {
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

    pub(crate) fn markdown(&self, machine: &Machine, args: &Args, corpus: &Corpus) -> String {
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

pub(crate) fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

pub(crate) fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// CPU time used by this process's children that have been waited for (Linux clock
/// ticks, 10 ms).
pub(crate) fn children_cpu() -> Duration {
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
pub(crate) fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

pub(crate) fn median(samples: &[Duration]) -> Duration {
    percentile(samples, 0.5)
}

/// What the figures were measured on.
pub(crate) struct Machine {
    pub(crate) cpu: String,
    pub(crate) cores: usize,
    pub(crate) memory_gb: f64,
    pub(crate) kernel: String,
    pub(crate) fs: String,
    /// The 1-minute load average when the run started.
    pub(crate) load: f64,
}

/// The 1-minute load average.
pub(crate) fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

impl Machine {
    pub(crate) fn detect(dir: &Path) -> Machine {
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

    pub(crate) fn line(&self) -> String {
        format!(
            "{}, {} cores, {:.0} GB RAM, Linux {}, {} temp folder; load average {:.1} at the start",
            self.cpu, self.cores, self.memory_gb, self.kernel, self.fs, self.load
        )
    }

    /// A warning when other work was competing for the cores.
    pub(crate) fn busy(&self, end: f64) -> Option<String> {
        let worst = self.load.max(end);
        (worst > self.cores as f64 * 0.5).then(|| {
            format!(
                "Note: the load average was {:.1} at the start and {end:.1} at the end on {} cores: other processes were competing for the CPUs, so the timings are pessimistic (p99s most of all).",
                self.load, self.cores
            )
        })
    }
}
