//! Figure 5: atomic saves of a drafts file with 50 responses.

use super::*;

/// Save a drafts file of 50 drafted responses over and over, one response changed each
/// time, as the drafts worker does (the previous save's document as the baseline): in the
/// run's folder (a real disk, so the two syncs of each save reach it), and, to tell the
/// syncs from the rest, in `/dev/shm` when there is one.
pub(crate) fn atomic_saves(tmp: &Path, runs: usize, seed: u64, report: &mut Report) {
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
