//! One keystroke in the editor, finer than `benches/scale.rs`, on a 200×60 `TestBackend`
//! with no workers and no disk, in two cases: the demo letters with the first comment's
//! draft 20 KB long, and a letter of 10,000 comments. Prints update, draw and the whole
//! turn (wall clock and on-CPU), p50/p99, for each.
//!
//! ```text
//! cargo bench --bench keystroke [-- KEYS]
//! ```

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use letterdesk::drafts::Drafts;
use letterdesk::tui::{Action, Command, SpellDictionary, State, draw, lay_out, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};
use support::cpu::thread_cpu;

fn percentile(values: &[Duration], p: f64) -> Duration {
    let mut v = values.to_vec();
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// About `len` bytes of response paragraphs, separated by blank lines.
fn draft(len: usize) -> String {
    let sentences = [
        "The Company respectfully advises the Staff that the disclosure will be revised.",
        "In response to the Staff's comment, the Company has expanded its discussion of liquidity.",
        "Management considered the factors described in ASC 606-10-25 and concluded as follows.",
        "The Company will include the revised disclosure in future filings, beginning with its next Form 10-Q.",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < len {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for _ in 0..(3 + i % 4) {
            text.push_str(sentences[i % sentences.len()]);
            text.push(' ');
            i += 1;
        }
        text.pop();
    }
    text
}

/// A letter of `count` numbered comments of a few lines each (a fictional company).
fn many_comments(count: usize) -> String {
    let mut text = String::from(
        "June 2, 2023\n\nRe: Numerous Holdings Corp.\nForm 10-K for the Fiscal Year Ended \
         December 31, 2022\nFile No. 001-00000\n\nDear Mr. Sample:\n\n",
    );
    for n in 1..=count {
        text.push_str(&format!(
            "{n}. Please tell us how item {n} of the segment note reconciles to the \
             consolidated totals, and revise future filings accordingly.\n\n"
        ));
    }
    text.push_str("Sincerely,\n\nDivision of Corporation Finance\n");
    text
}

/// Type `keys` characters into the editor of `state` (resized to 200×60, the draft
/// being edited) and print the timings under `name`.
fn measure(name: &str, state: State, keys: usize) {
    let text = "The Company respectfully advises the Staff that it will revise the disclosure. ";
    let mut chars = text.chars().cycle();
    measure_keys(name, state, keys, |_| {
        Action::Type(Input {
            key: Key::Char(chars.next().unwrap()),
            ..Default::default()
        })
    });
}

/// [`measure`] with the `i`th keystroke's action given by `key`.
fn measure_keys(name: &str, mut state: State, keys: usize, mut key: impl FnMut(usize) -> Action) {
    // A large letter's comments are laid out by a worker in the program: here, at once.
    let mut effects = update(&mut state, Action::Resize(200, 60));
    effects.extend(update(&mut state, Action::Run(Command::Edit)));
    for laid_out in effects.into_iter().filter_map(lay_out) {
        update(&mut state, laid_out);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| draw(f, &state)).unwrap();

    let (mut ups, mut draws, mut totals, mut cpus) = (vec![], vec![], vec![], vec![]);
    for i in 0..keys + 100 {
        let action = key(i);
        let cpu = thread_cpu();
        let start = Instant::now();
        update(&mut state, action);
        update(&mut state, Action::Tick(Instant::now()));
        let updated = start.elapsed();
        terminal.draw(|f| draw(f, &state)).unwrap();
        let total = start.elapsed();
        let on_cpu = thread_cpu().saturating_sub(cpu);
        if i >= 100 {
            ups.push(updated);
            draws.push(total - updated);
            totals.push(total);
            cpus.push(on_cpu);
        }
    }
    let us = |d: Duration| format!("{:.0} µs", d.as_secs_f64() * 1e6);
    println!("{name}");
    for (label, v) in [
        ("update", &ups),
        ("draw", &draws),
        ("total", &totals),
        ("on-CPU", &cpus),
    ] {
        println!(
            "{label:>9}: p50 {}, p99 {}, max {}",
            us(percentile(v, 0.5)),
            us(percentile(v, 0.99)),
            us(percentile(v, 1.0))
        );
    }
}

fn main() {
    let keys: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5000);
    let state = demo_with_draft();
    assert!(state.open_letter().is_some());
    measure("20 KB draft in a demo letter", state, keys);

    let big = many_comments(10_000);
    let listed = support::demo::listed_of(&[("numerous.txt", &big)]);
    let state = support::demo::open_first(listed, |numbers| {
        assert_eq!(numbers.len(), 10_000, "every comment parsed");
        let mut drafts = Drafts::for_comments(numbers);
        for (i, number) in numbers.iter().enumerate().step_by(3) {
            drafts.set_response(number, format!("Response {i}: we will revise the note."));
        }
        drafts
    });
    measure("a letter of 10,000 comments, a third drafted", state, keys);

    spelling_and_selection(keys);
    paste_of_one_mb();
}

/// The 20 KB draft of the demo letter, opened.
fn demo_with_draft() -> State {
    support::demo::opened(|numbers| {
        let mut drafts = Drafts::for_comments(numbers);
        drafts.set_response(&numbers[0], draft(20_000));
        drafts
    })
}

/// Typing with spelling on and a selection active at each typed key: every other key
/// selects the character before the cursor (Shift+Left), which the next one replaces.
fn spelling_and_selection(keys: usize) {
    let Some(dictionary) = dictionary() else {
        println!("spelling on, a selection active: skipped (no {DICTIONARY})");
        return;
    };
    let mut state = demo_with_draft();
    update(
        &mut state,
        Action::SpellingLoaded {
            dictionary: Ok(dictionary),
            personal: Vec::new(),
        },
    );
    let text = "The Compnay respectfully advsies the Staff that it will revise the disclosure. ";
    let mut chars = text.chars().cycle();
    let name = "20 KB draft, spelling on, a selection active (typing replaces it)";
    measure_keys(name, state, keys, |i| {
        if i % 2 == 0 {
            Action::Run(Command::SelectLeft)
        } else {
            Action::Type(Input {
                key: Key::Char(chars.next().unwrap()),
                ..Default::default()
            })
        }
    });
}

/// The dictionary the default config reads.
const DICTIONARY: &str = "/usr/share/hunspell/en_US.dic";

fn dictionary() -> Option<SpellDictionary> {
    let dic = std::fs::read_to_string(DICTIONARY).ok()?;
    let aff = std::fs::read_to_string(Path::new(DICTIONARY).with_extension("aff")).ok()?;
    let dictionary = spellbook::Dictionary::new(&aff, &dic).ok()?;
    Some(SpellDictionary(Arc::new(dictionary)))
}

/// A 1 MB paste into the 20 KB draft, timed from the paste to the next frame drawn.
fn paste_of_one_mb() {
    let mut state = demo_with_draft();
    update(&mut state, Action::Resize(200, 60));
    update(&mut state, Action::Run(Command::Edit));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| draw(f, &state)).unwrap();
    let pasted = draft(1024 * 1024);
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        update(&mut state, Action::Paste(pasted.clone()));
        update(&mut state, Action::Tick(Instant::now()));
        terminal.draw(|f| draw(f, &state)).unwrap();
        times.push(start.elapsed());
        update(&mut state, Action::Run(Command::Undo));
        terminal.draw(|f| draw(f, &state)).unwrap();
    }
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
    println!("1 MB paste into the 20 KB draft, to the next frame");
    println!(
        "{:>9}: p50 {}, max {}",
        "total",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 1.0))
    );
}
