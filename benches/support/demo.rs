//! The demo workspace the keystroke benchmark and the screenshots start from: the
//! built-in demo letters, parsed by the real parser, in a workspace dated 2023-06-20 (so
//! the deadlines shown never change). The screenshots example includes this file too
//! (`#[path]`).

use chrono::NaiveDate;
use letterdesk::drafts::Drafts;
use letterdesk::letter::parse_bytes;
use letterdesk::tui::{Action, Command, Effect, State, update};

/// The day the demo workspace is shown on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 20).expect("date")
}

/// The demo letters listed, none open.
pub fn listed() -> State {
    listed_of(letterdesk::demo::LETTERS)
}

/// `letters` (file name and text) listed, none open.
pub fn listed_of(letters: &[(&str, &str)]) -> State {
    let letters = letters
        .iter()
        .map(|(name, text)| {
            parse_bytes(&format!("demo/{name}"), text.as_bytes()).expect("demo letters parse")
        })
        .collect();
    State::from_letters(letters, today())
}

/// The first demo letter open, with the drafts `drafts` makes from its comment numbers
/// loaded as if read from its drafts file.
pub fn opened(drafts: impl FnOnce(&[String]) -> Drafts) -> State {
    open_first(listed(), drafts)
}

/// The first letter of `state` open, with the drafts `drafts` makes from its comment
/// numbers loaded as if read from its drafts file.
pub fn open_first(mut state: State, drafts: impl FnOnce(&[String]) -> Drafts) -> State {
    let effects = update(&mut state, Action::Run(Command::Open));
    let id = effects
        .iter()
        .find_map(|e| match e {
            Effect::LoadDrafts { letter, .. } => Some(*letter),
            _ => None,
        })
        .expect("opening a letter loads its drafts");
    let letter = state.open_letter().expect("a letter is open");
    let numbers: Vec<String> = letter.comments.iter().map(|c| c.number.clone()).collect();
    let drafts = drafts(&numbers);
    update(
        &mut state,
        Action::DraftsLoaded {
            letter: id,
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    state
}
