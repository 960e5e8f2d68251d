//! Figure 4: keystrokes in the editor with a 20 KB draft.

use super::*;

/// Give `letter`'s first comment a 20 KB draft in its drafts file (before the workspace
/// starts, so the workspace reads it as it reads any drafts file).
pub(crate) fn write_big_draft(letter: &LetterFile) {
    let numbers: Vec<String> = (1..=letter.comments).map(|n| n.to_string()).collect();
    let mut drafts = Drafts::for_comments(&numbers);
    let mut rng = Rng::new(7, 7);
    drafts.set_response("1", generator::response_text(&mut rng, DRAFT_BYTES));
    drafts::save(&drafts::drafts_path(&letter.path), &drafts, None).expect("write drafts");
}

/// The comment letter at the top of the Letters pane (newest first), which gets the big
/// draft.
pub(crate) fn newest_comment_letter(corpus: &Corpus) -> LetterFile {
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
/// the event loop (`Runtime`), `update(Type)`, the workers' reports that arrived meanwhile, the
/// tick, and the redraw.
pub(crate) fn keystrokes(
    ws: &mut Workspace,
    target: &Path,
    label: &str,
    count: usize,
    report: &mut Report,
) {
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
        // One turn of the event loop for a key: the key, the workers' reports that
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
