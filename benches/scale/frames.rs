//! Figure 3: time to the first frame, and opening letters.

use super::*;

/// Start the workspace on `root` and on a one-letter folder, alternately, and compare
/// the time to the first frame.
pub(crate) fn first_frame(root: &Path, one: &Path, label: &str, report: &mut Report) {
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
pub(crate) fn workspace(root: &Path, one: &Path, label: &str, report: &mut Report) -> Workspace {
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
pub(crate) fn opening(ws: &mut Workspace, label: &str, count: usize, report: &mut Report) {
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
