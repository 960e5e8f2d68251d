//! The pure parts of the interface: key → action mapping and `update`, without a terminal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::support::{
    alt, assert_shows, ch, comment, ctrl, drafting, drafts_of, ev, key, letter, northwind_letter,
    offer, press, response_of, run_all, set_user_config, shift, typing, user_config,
};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use letterdesk::drafts::{Drafts, Status};
use letterdesk::letter::{Kind, Letter};
use letterdesk::tui::{
    Action, Command, Config, Effect, Filter, LetterId, Listing, Mode, Pane, SaveState, State,
    map_key, update,
};

// ---- fixtures: a fictional company's letters, built in code ----

fn northwind() -> Letter {
    northwind_letter(
        "/letters/northwind.txt",
        vec![
            comment(
                "1",
                &["Risk Factors"],
                "Please revise the risk factor on supplier concentration.",
            ),
            comment(
                "2",
                &["Risk Factors"],
                "Tell us how inventory reserves were estimated.",
            ),
            comment("3", &["MD&A"], "Explain the change in gross margin."),
            comment("4", &["MD&A"], "Quantify the effect of the kettle recall."),
        ],
    )
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 20).unwrap()
}

fn state() -> State {
    let letters = vec![
        letter(
            "/letters/old.txt",
            "Bramblewood Foods Corp.",
            Some("2023-11-20"),
            "10-K",
            Kind::Comments,
            vec![comment("1", &[], "One.")],
        ),
        northwind(),
        letter(
            "/letters/done.txt",
            "Harbor Lantern Co.",
            Some("2024-02-10"),
            "10-K",
            Kind::Completion,
            vec![],
        ),
    ];
    let mut s = State::from_letters(letters, today());
    update(&mut s, Action::Resize(180, 45));
    s
}

/// The state with Northwind open (its drafts file absent) and comment 1 selected.
fn opened() -> State {
    let mut s = state();
    update(&mut s, Action::Run(Command::Open));
    s
}

/// The clock of `s` started now (its first tick); the time it started.
fn clock_started(s: &mut State) -> Instant {
    let t0 = Instant::now();
    update(s, Action::Tick(t0));
    t0
}

/// A successful save report: what the open letter's drafts hold now.
fn written(s: &State) -> Result<Box<Drafts>, letterdesk::problem::Problem> {
    Ok(Box::new(s.drafts().unwrap().clone()))
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save { .. }))
        .count()
}

fn keymap() -> letterdesk::tui::Keymap {
    Config::builtin(true).keymap
}

fn map(mode: Mode, key: KeyEvent) -> Option<Action> {
    map_key(&keymap(), mode, key)
}

/// Each `(mode, key, action)` row: in that mode the key maps to that action.
fn assert_maps(rows: &[(Mode, KeyEvent, Option<Action>)]) {
    for (mode, key, expected) in rows {
        assert_eq!(&map(*mode, *key), expected, "{key:?} in {mode:?}");
    }
}

const LETTERS: Mode = Mode::Pane(Pane::Letters);
const COMMENTS: Mode = Mode::Pane(Pane::Comments);
const DRAFT: Mode = Mode::Pane(Pane::Draft);

fn run(c: Command) -> Option<Action> {
    Some(Action::Run(c))
}

/// Northwind's drafts file read as `result` says.
fn drafts_read(
    s: &mut State,
    result: Result<Option<Drafts>, letterdesk::problem::Problem>,
) -> Vec<Effect> {
    update(
        s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result,
        },
    )
}

/// Northwind open with its drafts file read: comment 1 drafted "Saved one.".
fn loaded() -> State {
    let mut s = opened();
    drafts_read(
        &mut s,
        Ok(Some(drafts_of(&[("1", Status::Drafted, "Saved one.")]))),
    );
    s
}

fn saved_drafts(fx: &[Effect]) -> Option<Drafts> {
    fx.iter().rev().find_map(|e| match e {
        Effect::Save { drafts, .. } => Some(drafts.clone()),
        _ => None,
    })
}

fn export_effect(effects: &[Effect]) -> Option<(LetterId, letterdesk::export::Format, Drafts)> {
    effects.iter().find_map(|e| match e {
        Effect::Export {
            letter,
            format,
            drafts,
            ..
        } => Some((
            *letter,
            *format,
            drafts.as_deref().cloned().unwrap_or_default(),
        )),
        _ => None,
    })
}

mod comments;
mod editing;
mod export;
mod keys;
mod letters;
mod outside;
mod watching;
