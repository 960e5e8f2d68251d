//! The pure parts of the interface: key → action mapping and `update`, without a terminal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::letter::{Comment, Kind, Letter, Subject};
use letterdesk::tui::{
    Action, Command, Config, Effect, Filter, LetterId, Listing, Mode, Pane, SaveState, State,
    map_key, update,
};

// ---- fixtures: a fictional company's letters, built in code ----

fn comment(number: &str, headings: &[&str], text: &str) -> Comment {
    Comment {
        number: number.into(),
        headings: headings.iter().map(|h| h.to_string()).collect(),
        text: text.into(),
        pages: vec![],
    }
}

fn letter(
    file: &str,
    company: &str,
    date: Option<&str>,
    kind: Kind,
    comments: Vec<Comment>,
) -> Letter {
    Letter {
        file: file.into(),
        kind,
        date: date.map(Into::into),
        company: Some(company.into()),
        subject: Subject {
            form: Some("10-K".into()),
            ..Subject::default()
        },
        comments,
        ..Letter::default()
    }
}

fn northwind() -> Letter {
    let mut l = letter(
        "/letters/northwind.txt",
        "Northwind Kettle Works, Inc.",
        Some("2024-03-01"),
        Kind::Comments,
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
    );
    l.response_due = Some("2024-03-15".into());
    l
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
            Kind::Comments,
            vec![comment("1", &[], "One.")],
        ),
        northwind(),
        letter(
            "/letters/done.txt",
            "Harbor Lantern Co.",
            Some("2024-02-10"),
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

fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn ch(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// A key, mapped and applied like the event loop does.
fn press(s: &mut State, key: KeyEvent) -> Vec<Effect> {
    match map_key(&s.config().keymap, s.mode(), key) {
        Some(action) => update(s, action),
        None => Vec::new(),
    }
}

fn typing(s: &mut State, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| press(s, ch(c))).collect()
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

const LETTERS: Mode = Mode::Pane(Pane::Letters);
const COMMENTS: Mode = Mode::Pane(Pane::Comments);
const DRAFT: Mode = Mode::Pane(Pane::Draft);

fn run(c: Command) -> Option<Action> {
    Some(Action::Run(c))
}

// ---- key → action ----

#[test]
fn movement_keys_in_lists() {
    for mode in [LETTERS, COMMENTS] {
        assert_eq!(map(mode, ch('j')), run(Command::Down));
        assert_eq!(
            map(mode, ev(KeyCode::Down, KeyModifiers::NONE)),
            run(Command::Down)
        );
        assert_eq!(map(mode, ch('k')), run(Command::Up));
        assert_eq!(
            map(mode, ev(KeyCode::Up, KeyModifiers::NONE)),
            run(Command::Up)
        );
        // `gg`: the first g waits for the second.
        assert!(matches!(map(mode, ch('g')), Some(Action::Pending(_))));
        assert_eq!(
            map(mode, ev(KeyCode::Home, KeyModifiers::NONE)),
            run(Command::First)
        );
        assert_eq!(
            map(mode, ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            run(Command::Last)
        );
        assert_eq!(
            map(mode, ev(KeyCode::End, KeyModifiers::NONE)),
            run(Command::Last)
        );
    }
}

#[test]
fn enter_opens_edits_or_types_by_pane() {
    let enter = ev(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(map(LETTERS, enter), run(Command::Open));
    assert_eq!(map(COMMENTS, enter), run(Command::Edit));
    assert_eq!(map(COMMENTS, ch('i')), run(Command::Edit));
    assert!(matches!(map(DRAFT, enter), Some(Action::Type(_))));
}

#[test]
fn pane_switching_works_outside_the_editor() {
    for mode in [LETTERS, COMMENTS] {
        assert_eq!(
            map(mode, ev(KeyCode::Tab, KeyModifiers::NONE)),
            run(Command::NextPane)
        );
        assert_eq!(
            map(mode, ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            run(Command::PrevPane)
        );
    }
    for mode in [LETTERS, COMMENTS, DRAFT] {
        assert_eq!(map(mode, ctrl('s')), run(Command::Save));
        assert_eq!(map(mode, ctrl('c')), run(Command::ForceQuit));
    }
}

#[test]
fn printable_global_keys_type_in_the_editor() {
    assert_eq!(map(LETTERS, ch('q')), run(Command::Quit));
    assert_eq!(map(COMMENTS, ch('?')), run(Command::Help));
    for c in ['q', '?', 'j', 'r', '/', 'n'] {
        assert!(matches!(map(DRAFT, ch(c)), Some(Action::Type(_))), "{c}");
    }
    assert_eq!(
        map(DRAFT, ev(KeyCode::Esc, KeyModifiers::NONE)),
        run(Command::Leave)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::F(1), KeyModifiers::NONE)),
        run(Command::Help)
    );
}

#[test]
fn comment_commands() {
    assert_eq!(map(COMMENTS, ch('r')), run(Command::ToggleResolved));
    assert_eq!(map(COMMENTS, ch(']')), run(Command::NextOpen));
    assert_eq!(map(COMMENTS, ch('[')), run(Command::PrevOpen));
    assert_eq!(map(COMMENTS, ch('f')), run(Command::Filter));
    assert_eq!(map(COMMENTS, ch('/')), run(Command::Search));
    assert_eq!(map(COMMENTS, ch('n')), run(Command::SearchNext));
    assert_eq!(
        map(COMMENTS, ev(KeyCode::Char('N'), KeyModifiers::SHIFT)),
        run(Command::SearchPrev)
    );
    assert_eq!(map(LETTERS, ch('r')), None);
}

#[test]
fn editor_commands() {
    assert_eq!(map(DRAFT, ctrl('z')), run(Command::Undo));
    assert_eq!(map(DRAFT, ctrl('y')), run(Command::Redo));
    assert_eq!(
        map(
            DRAFT,
            ev(
                KeyCode::Char('Z'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        ),
        run(Command::Redo)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Left, KeyModifiers::NONE)),
        run(Command::Left)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Right, KeyModifiers::CONTROL)),
        run(Command::WordRight)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Backspace, KeyModifiers::ALT)),
        run(Command::DeleteWord)
    );
    assert!(matches!(
        map(DRAFT, ev(KeyCode::Backspace, KeyModifiers::NONE)),
        Some(Action::Type(_))
    ));
    assert_eq!(map(DRAFT, ctrl('a')), run(Command::LineStart));
    assert_eq!(map(DRAFT, ctrl('e')), run(Command::LineEnd));
    assert_eq!(map(DRAFT, ctrl('k')), run(Command::DeleteToLineEnd));
    // Ctrl-d / Ctrl-u move half a page in the editor as in every pane; deleting to
    // the start of the line is Alt-u.
    assert_eq!(map(DRAFT, ctrl('u')), run(Command::HalfPageUp));
    assert_eq!(map(DRAFT, ctrl('d')), run(Command::HalfPageDown));
    assert_eq!(
        map(DRAFT, ev(KeyCode::Char('u'), KeyModifiers::ALT)),
        run(Command::DeleteToLineStart)
    );
    assert_eq!(
        map(DRAFT, ev(KeyCode::Char('d'), KeyModifiers::ALT)),
        run(Command::DeleteWordForward)
    );
}

#[test]
fn search_prompt_keys() {
    assert_eq!(map(Mode::Search, ch('q')), Some(Action::SearchInput('q')));
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::SearchSubmit)
    );
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        map(Mode::Search, ev(KeyCode::Backspace, KeyModifiers::NONE)),
        Some(Action::SearchBackspace)
    );
    assert_eq!(map(Mode::Search, ctrl('c')), run(Command::ForceQuit));
}

#[test]
fn help_keys_scroll_or_close() {
    assert_eq!(map(Mode::Help, ch('j')), run(Command::Down));
    assert_eq!(map(Mode::Help, ch('x')), run(Command::Help));
    assert_eq!(
        map(Mode::Help, ev(KeyCode::Esc, KeyModifiers::NONE)),
        run(Command::Help)
    );
    assert_eq!(map(Mode::Help, ctrl('c')), run(Command::ForceQuit));
}

#[test]
fn releases_and_unbound_keys_map_to_nothing() {
    let mut release = ch('j');
    release.kind = KeyEventKind::Release;
    assert_eq!(map(LETTERS, release), None);
    assert_eq!(map(LETTERS, ch('z')), None);
    assert_eq!(map(DRAFT, ev(KeyCode::Insert, KeyModifiers::NONE)), None);
}

#[test]
fn user_keymap_overrides() {
    let text = "[keymap]\nglobal = [{ on = [\"ctrl-q\"], run = \"quit\", desc = \"quit\" }]\nletters = [{ on = [\"j\"], run = \"open\", desc = \"open\" }]\n";
    let config = Config::with_user(text, std::path::Path::new("c.toml"), true).unwrap();
    assert_eq!(
        map_key(&config.keymap, LETTERS, ch('j')),
        run(Command::Open)
    );
    assert_eq!(
        map_key(&config.keymap, DRAFT, ctrl('q')),
        run(Command::Quit)
    );
    assert_eq!(
        map_key(&config.keymap, COMMENTS, ch('j')),
        run(Command::Down)
    );
}

// ---- update ----

#[test]
fn letters_are_listed_newest_first() {
    let s = state();
    let companies: Vec<_> = s
        .listings()
        .iter()
        .map(|l| l.unwrap().brief.company.clone().unwrap())
        .collect();
    assert_eq!(
        companies,
        [
            "Northwind Kettle Works, Inc.",
            "Harbor Lantern Co.",
            "Bramblewood Foods Corp."
        ]
    );
}

#[test]
fn letters_arriving_keep_the_cursor_where_the_user_put_it() {
    let mut s = State::new(Config::builtin(true), today(), None);
    update(&mut s, Action::Resize(180, 45));
    update(&mut s, Action::FilesFound { total: 3 });
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/a.txt".into(),
            listing: Box::new(Ok(Listing::of(&northwind(), Default::default()))),
        },
    );
    assert!(
        fx.is_empty(),
        "drafts are read when a letter is opened: {fx:?}"
    );
    let old = letter(
        "/l/b.txt",
        "Bramblewood Foods Corp.",
        Some("2020-01-01"),
        Kind::Comments,
        vec![],
    );
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/b.txt".into(),
            listing: Box::new(Ok(Listing::of(&old, Default::default()))),
        },
    );
    update(&mut s, Action::Run(Command::Down));
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Bramblewood Foods Corp.")
    );
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/c.txt".into(),
            listing: Box::new(Err("c.txt: binary".into())),
        },
    );
    assert!(fx.is_empty(), "no drafts for an unreadable file");
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Bramblewood Foods Corp.")
    );
    assert_eq!(s.listings().len(), 3);
    assert!(s.listings()[2].is_err(), "unreadable files go last");
}

#[test]
fn opening_a_letter_focuses_comments_on_the_first_comment_and_loads_drafts() {
    let mut s = state();
    let fx = update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.focus(), Pane::Comments);
    assert_eq!(s.selected_comment().unwrap().number, "1");
    assert!(matches!(&fx[..], [Effect::LoadDrafts { letter, .. }] if *letter == LetterId(1)));
}

#[test]
fn opening_an_unreadable_file_says_why() {
    let mut s = state();
    update(
        &mut s,
        Action::LetterIndexed {
            path: "/l/z.txt".into(),
            listing: Box::new(Err("z.txt: binary".into())),
        },
    );
    update(&mut s, Action::Run(Command::Last));
    update(&mut s, Action::Run(Command::Open));
    assert_eq!(s.focus(), Pane::Letters);
    assert!(s.message().unwrap().contains("z.txt: binary"));
}

#[test]
fn tab_cycles_panes_both_ways() {
    let mut s = state();
    for expected in [Pane::Comments, Pane::Draft, Pane::Letters] {
        update(&mut s, Action::Run(Command::NextPane));
        assert_eq!(s.focus(), expected);
    }
    update(&mut s, Action::Run(Command::PrevPane));
    assert_eq!(s.focus(), Pane::Draft);
}

#[test]
fn esc_steps_back_from_editor_to_comments_to_letters() {
    let mut s = opened();
    press(&mut s, ch('i'));
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Comments);
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Letters);
}

#[test]
fn moving_through_comments() {
    let mut s = opened();
    press(&mut s, ch('j'));
    press(&mut s, ch('j'));
    assert_eq!(s.selected_comment().unwrap().number, "3");
    press(&mut s, ch('k'));
    assert_eq!(s.selected_comment().unwrap().number, "2");
    press(&mut s, ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch('j'));
    assert_eq!(
        s.selected_comment().unwrap().number,
        "4",
        "stays on the last"
    );
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    assert_eq!(s.selected_comment().unwrap().number, "1");
}

#[test]
fn editing_a_draft_updates_text_and_status() {
    let mut s = opened();
    press(&mut s, ch('i'));
    assert_eq!(s.focus(), Pane::Draft);
    typing(&mut s, "We revised it.");
    assert_eq!(s.editor_text(), "We revised it.");
    let draft = s.draft("1").unwrap();
    assert_eq!(
        (draft.status, draft.response.as_str()),
        (Status::Drafted, "We revised it.")
    );
    assert_eq!(s.save_state(), SaveState::Unsaved);
}

#[test]
fn leaving_the_editor_saves_at_once() {
    let mut s = opened();
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    typing(&mut s, "Done.");
    let fx = press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Comments);
    match &fx[..] {
        [
            Effect::Save {
                letter,
                path,
                drafts,
                generation,
                ..
            },
        ] => {
            assert_eq!(*letter, LetterId(1));
            assert_eq!(path, &PathBuf::from("/letters/northwind.responses.toml"));
            assert_eq!(drafts.get("1").unwrap().response, "Done.");
            assert_eq!(*generation, 5);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.save_state(), SaveState::Saving);
    let w = written(&s);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 5,
            result: w,
        },
    );
    assert_eq!(s.save_state(), SaveState::Saved);
}

#[test]
fn autosave_after_a_pause_and_during_long_typing() {
    let mut s = opened();
    let t0 = Instant::now();
    update(&mut s, Action::Tick(t0));
    press(&mut s, ch('i'));
    typing(&mut s, "abc");
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(500))
        )),
        0
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(1100))
        )),
        1
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(5000))
        )),
        0,
        "one save at a time"
    );
    let w = written(&s);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 3,
            result: w,
        },
    );
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t0 + Duration::from_millis(6000))
        )),
        0,
        "nothing new"
    );
    // Steady typing: saved within 2 s of the first unsaved key even without a pause.
    let t1 = t0 + Duration::from_secs(10);
    for i in 0..7u64 {
        assert_eq!(
            saves(&update(
                &mut s,
                Action::Tick(t1 + Duration::from_millis(300 * i))
            )),
            0
        );
        press(&mut s, ch('x'));
    }
    assert_eq!(
        saves(&update(
            &mut s,
            Action::Tick(t1 + Duration::from_millis(2100))
        )),
        1
    );
}

#[test]
fn changing_comment_or_letter_saves() {
    let mut s = opened();
    press(&mut s, ch('r'));
    assert_eq!(saves(&press(&mut s, ch('j'))), 1, "changing comment");
    press(&mut s, ch('r'));
    press(&mut s, ev(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(s.focus(), Pane::Letters);
    press(&mut s, ch('j'));
    let fx = press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(
            &fx[..],
            [
                Effect::Save {
                    letter: LetterId(1),
                    ..
                },
                ..
            ]
        ),
        "{fx:?}"
    );
}

#[test]
fn resolving_toggles_and_counts() {
    let mut s = opened();
    press(&mut s, ch('r'));
    assert_eq!(s.draft("1").unwrap().status, Status::Resolved);
    assert_eq!(
        s.message(),
        Some(
            "Comment 1 resolved with no response: the export lists it as unanswered \
             ([Response to come])."
        )
    );
    press(&mut s, ch('r'));
    assert_eq!(s.draft("1").unwrap().status, Status::Open);
    assert_eq!(s.message(), Some("Comment 1 reopened."));
}

#[test]
fn brackets_skip_resolved_comments() {
    let mut s = opened();
    press(&mut s, ch('j'));
    press(&mut s, ch('r'));
    press(&mut s, ch('j'));
    press(&mut s, ch('r'));
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    press(&mut s, ch(']'));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch(']'));
    assert_eq!(s.message(), Some("No unresolved comment below."));
    press(&mut s, ch('['));
    assert_eq!(s.selected_comment().unwrap().number, "1");
}

#[test]
fn filter_cycles_and_moves_the_selection() {
    let mut s = opened();
    press(&mut s, ch('r'));
    press(&mut s, ch('j'));
    press(&mut s, ch('i'));
    typing(&mut s, "Draft.");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Open);
    assert_eq!(s.selected_comment().unwrap().number, "3");
    assert_eq!(s.visible_comments(), [2, 3]);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Drafted);
    assert_eq!(s.visible_comments(), [1]);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Resolved);
    assert_eq!(s.selected_comment().unwrap().number, "1");
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::All);
    assert_eq!(s.visible_comments(), [0, 1, 2, 3]);
}

#[test]
fn search_finds_comments_and_drafts() {
    let mut s = opened();
    press(&mut s, ch('/'));
    assert_eq!(s.mode(), Mode::Search);
    for c in "KETTLE".chars() {
        press(&mut s, ch(c));
    }
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    assert_eq!(s.message(), Some("“KETTLE”: match 1 of 1."));
    // `gg`: the first g waits in the state (as keys from the terminal do).
    update(&mut s, Action::Key(ch('g')));
    update(&mut s, Action::Key(ch('g')));
    press(&mut s, ch('i'));
    typing(&mut s, "kettles were sold");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('n'));
    assert_eq!(s.selected_comment().unwrap().number, "4");
    press(&mut s, ch('n'));
    assert_eq!(
        s.selected_comment().unwrap().number,
        "1",
        "wraps around to the draft hit"
    );
    press(&mut s, ev(KeyCode::Char('N'), KeyModifiers::SHIFT));
    assert_eq!(s.selected_comment().unwrap().number, "4");
}

#[test]
fn search_without_match_or_query() {
    let mut s = opened();
    press(&mut s, ch('n'));
    assert_eq!(s.message(), Some("No search yet: press / to search."));
    press(&mut s, ch('/'));
    press(&mut s, ch('z'));
    press(&mut s, ch('q'));
    press(&mut s, ev(KeyCode::Backspace, KeyModifiers::NONE));
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.message(), Some("No match for “z”."));
    press(&mut s, ch('/'));
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.mode(), COMMENTS);
}

#[test]
fn ctrl_s_saves_or_says_there_is_nothing() {
    let mut s = opened();
    assert_eq!(saves(&press(&mut s, ctrl('s'))), 0);
    assert_eq!(s.message(), Some("Nothing to save."));
    press(&mut s, ch('r'));
    assert_eq!(saves(&press(&mut s, ctrl('s'))), 1);
}

#[test]
fn quitting_saves_first() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let fx = press(&mut s, ch('q'));
    assert!(
        matches!(&fx[..], [Effect::Save { .. }, Effect::Quit]),
        "{fx:?}"
    );
    assert!(s.should_quit());
}

#[test]
fn ctrl_c_quits_from_the_editor_after_saving() {
    let mut s = opened();
    press(&mut s, ch('i'));
    typing(&mut s, "q");
    assert!(!s.should_quit(), "q types in the editor");
    let fx = press(&mut s, ctrl('c'));
    assert!(
        matches!(&fx[..], [Effect::Save { .. }, Effect::Quit]),
        "{fx:?}"
    );
}

#[test]
fn loaded_drafts_show_and_fill_the_editor() {
    let mut s = opened();
    let drafts = Drafts {
        comments: vec![
            CommentDraft {
                number: "1".into(),
                status: Status::Drafted,
                response: "We will revise.".into(),
                marks: Default::default(),
                owner: None,
            },
            CommentDraft {
                number: "2".into(),
                status: Status::Resolved,
                response: String::new(),
                marks: Default::default(),
                owner: None,
            },
        ],
    };
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    assert_eq!(s.editor_text(), "We will revise.");
    assert_eq!(s.draft("2").unwrap().status, Status::Resolved);
    assert_eq!(
        s.draft("4").unwrap().status,
        Status::Open,
        "merged with the letter"
    );
    assert_eq!(s.save_state(), SaveState::Saved);
}

#[test]
fn edits_made_while_loading_win() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let drafts = Drafts::for_comments(&["1".into()]);
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    assert_eq!(s.draft("1").unwrap().status, Status::Resolved);
}

#[test]
fn an_unreadable_drafts_file_is_never_written() {
    let mut s = opened();
    let error = "/letters/northwind.responses.toml:7: unresolved git conflict marker".to_string();
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Err(error.clone().into()),
        },
    );
    assert_eq!(s.save_state(), SaveState::Blocked(error.clone()));
    press(&mut s, ch('i'));
    let mut fx = typing(&mut s, "kept in memory");
    fx.extend(press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE)));
    fx.extend(press(&mut s, ctrl('s')));
    fx.extend(update(
        &mut s,
        Action::Tick(Instant::now() + Duration::from_secs(60)),
    ));
    assert_eq!(saves(&fx), 0);
    assert_eq!(s.draft("1").unwrap().response, "kept in memory");
    let fx = press(&mut s, ch('q'));
    assert!(saves(&fx) == 0 && !s.should_quit(), "first q warns");
    assert!(
        matches!(&fx[..], [Effect::Journal(t)] if t[0].text == "kept in memory"),
        "{fx:?}"
    );
    assert!(s.message().unwrap().contains("Press q again"));
    let fx = press(&mut s, ch('q'));
    assert_eq!(saves(&fx), 0);
    assert_eq!(fx.last(), Some(&Effect::Quit));
}

#[test]
fn a_failed_save_is_shown_and_retried_after_the_next_edit() {
    let mut s = opened();
    let t0 = Instant::now();
    update(&mut s, Action::Tick(t0));
    press(&mut s, ch('r'));
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_secs(3)));
    assert_eq!(saves(&fx), 1);
    update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 1,
            result: Err("disk full".into()),
        },
    );
    assert_eq!(s.save_state(), SaveState::Failed("disk full".into()));
    assert!(s.message().unwrap().starts_with("Save failed: disk full"));
    assert_eq!(
        saves(&update(&mut s, Action::Tick(t0 + Duration::from_secs(9)))),
        0
    );
    press(&mut s, ch('r'));
    assert_eq!(
        saves(&update(&mut s, Action::Tick(t0 + Duration::from_secs(12)))),
        1
    );
}

#[test]
fn undo_and_redo_in_the_editor() {
    let mut s = opened();
    press(&mut s, ch('i'));
    typing(&mut s, "ab cd");
    press(&mut s, ctrl('z'));
    assert_eq!(s.editor_text(), "ab ", "a word at a time");
    press(&mut s, ctrl('z'));
    assert_eq!(s.editor_text(), "");
    assert_eq!(s.draft("1").unwrap().status, Status::Open);
    press(&mut s, ctrl('y'));
    assert_eq!(s.draft("1").unwrap().response, "ab ");
}

#[test]
fn pasted_text_is_kept_exactly() {
    let mut s = opened();
    press(&mut s, ch('i'));
    update(
        &mut s,
        Action::Paste("line one\r\nline\u{1b}two\u{202e}\tthree\u{200b}".into()),
    );
    assert_eq!(
        s.draft("1").unwrap().response,
        "line one\nline\u{1b}two\u{202e}\tthree\u{200b}",
        "line endings become \\n, nothing else changes: placeholders are only drawn"
    );
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('/'));
    update(&mut s, Action::Paste("gross\nmargin".into()));
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.selected_comment().unwrap().number, "3");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = opened();
    update(&mut s, Action::Resize(100, 10));
    press(&mut s, ch('?'));
    assert_eq!(s.mode(), Mode::Help);
    press(&mut s, ch('j'));
    press(&mut s, ch('r'));
    assert_eq!(s.mode(), COMMENTS, "any other key closes");
    assert_eq!(
        s.draft("1").unwrap().status,
        Status::Open,
        "and does nothing else"
    );
}

#[test]
fn letters_without_comments_cannot_be_edited() {
    let mut s = state();
    press(&mut s, ch('j'));
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.open_letter().unwrap().kind, Kind::Completion);
    press(&mut s, ch('i'));
    assert_eq!(s.focus(), Pane::Comments);
    assert_eq!(s.message(), Some("This letter has no comments to answer."));
    press(&mut s, ch('r'));
    press(&mut s, ch('j'));
}

#[test]
fn empty_folder_says_so() {
    let mut s = State::new(Config::builtin(true), today(), None);
    update(&mut s, Action::FilesFound { total: 0 });
    update(&mut s, Action::IndexFinished);
    assert!(s.message().unwrap().starts_with("No letters found"));
    for c in ['j', 'k', 'g', 'G'] {
        press(&mut s, ch(c));
    }
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Letters);
}

#[test]
fn reopening_shows_drafts_as_left() {
    let mut s = opened();
    press(&mut s, ch('r'));
    press(&mut s, ch('j'));
    press(&mut s, ch('i'));
    typing(&mut s, "Answer two.");
    let mut fx = press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    fx.extend(press(&mut s, ch('q')));
    let saved = fx
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::Save { drafts, .. } => Some(drafts.clone()),
            _ => None,
        })
        .unwrap();
    let mut again = state();
    update(&mut again, Action::Run(Command::Open));
    update(
        &mut again,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(saved)),
        },
    );
    assert_eq!(again.draft("1").unwrap().status, Status::Resolved);
    assert_eq!(again.draft("2").unwrap().response, "Answer two.");
    assert_eq!(again.draft("2").unwrap().status, Status::Drafted);
}

// ---- issue #4: journal, merge with outside changes, conflicts, recovery ----

fn drafts_of(entries: &[(&str, Status, &str)]) -> Drafts {
    Drafts {
        comments: entries
            .iter()
            .map(|&(n, status, r)| CommentDraft {
                number: n.into(),
                status,
                response: r.into(),
                marks: Default::default(),
                owner: None,
            })
            .collect(),
    }
}

/// Northwind open with its drafts file read: comment 1 drafted "Saved one.".
fn loaded() -> State {
    let mut s = opened();
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts_of(&[("1", Status::Drafted, "Saved one.")]))),
        },
    );
    s
}

fn saved_drafts(fx: &[Effect]) -> Option<Drafts> {
    fx.iter().rev().find_map(|e| match e {
        Effect::Save { drafts, .. } => Some(drafts.clone()),
        _ => None,
    })
}

#[test]
fn typing_is_journalled_within_a_second_and_cleared_after_saving() {
    let mut s = loaded();
    let t0 = Instant::now();
    update(&mut s, Action::Tick(t0));
    press(&mut s, ch('i'));
    typing(&mut s, " More");
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(400)));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Journal(_))),
        "{fx:?}"
    );
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(800)));
    let journalled = fx.iter().find_map(|e| match e {
        Effect::Journal(typed) => Some(typed.clone()),
        _ => None,
    });
    let typed = journalled.expect("journalled after the delay");
    assert_eq!(typed[0].number, "1");
    assert_eq!(typed[0].text, "Saved one. More");
    assert_eq!(typed[0].letter, PathBuf::from("/letters/northwind.txt"));
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(1900)));
    let sent = saved_drafts(&fx).expect("autosave");
    let fx = update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 6,
            result: Ok(Box::new(sent.clone())),
        },
    );
    // The drafts worker clears the journal right after the save itself (before any
    // later job): nothing more to ask for.
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn an_outside_change_is_taken_in_and_shown() {
    let mut s = loaded();
    let fx = update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts_of(&[
                ("1", Status::Drafted, "Saved one."),
                ("3", Status::Drafted, "Theirs three."),
            ]))),
        },
    );
    assert!(fx.is_empty(), "nothing to write: {fx:?}");
    assert_eq!(s.draft("3").unwrap().response, "Theirs three.");
    assert_eq!(s.save_state(), SaveState::Saved);
    assert!(s.message().unwrap().contains("comment 3 changed on disk"));
}

#[test]
fn a_save_held_back_by_an_outside_change_merges_and_saves_again() {
    let mut s = loaded();
    press(&mut s, ch('i'));
    typing(&mut s, " Mine");
    let fx = press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(saves(&fx), 1);
    // The worker found the file changed: it hands the disk's version back.
    let fx = update(
        &mut s,
        Action::DiskChanged {
            letter: LetterId(1),
            generation: 6,
            result: Ok(Some(drafts_of(&[
                ("1", Status::Drafted, "Saved one."),
                ("3", Status::Drafted, "Theirs three."),
            ]))),
        },
    );
    let again = saved_drafts(&fx).expect("saved again after merging");
    assert_eq!(again.get("1").unwrap().response, "Saved one. Mine");
    assert_eq!(again.get("3").unwrap().response, "Theirs three.");
}

/// Comment 1 edited here ("Saved one. Mine") and on disk ("Theirs.").
fn conflicted() -> State {
    let mut s = loaded();
    press(&mut s, ch('i'));
    typing(&mut s, " Mine");
    let fx = update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts_of(&[("1", Status::Resolved, "Theirs.")]))),
        },
    );
    // Nothing of theirs is overwritten while the user has not chosen.
    if let Some(sent) = saved_drafts(&fx) {
        assert_eq!(sent.get("1").unwrap().response, "Theirs.");
    }
    assert_eq!(s.conflicts().len(), 1);
    assert!(matches!(s.save_state(), SaveState::Conflict(n) if n == ["1"]));
    assert!(s.message().unwrap().contains("changed here and on disk"));
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('c'));
    assert_eq!(s.mode(), Mode::Conflict);
    s
}

#[test]
fn a_two_sided_change_is_settled_each_way() {
    for (key, response, status) in [
        ('m', "Saved one. Mine", Status::Drafted),
        ('t', "Theirs.", Status::Resolved),
        ('b', "Saved one. Mine\n\nTheirs.", Status::Resolved),
    ] {
        let mut s = conflicted();
        press(&mut s, ch(key));
        assert!(s.conflicts().is_empty(), "{key}");
        assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
        assert_eq!(s.draft("1").unwrap().response, response, "{key}");
        assert_eq!(s.draft("1").unwrap().status, status, "{key}");
        let fx = press(&mut s, ctrl('s'));
        let sent = saved_drafts(&fx).unwrap();
        assert_eq!(sent.get("1").unwrap().response, response, "{key}");
    }
}

#[test]
fn deciding_later_keeps_the_conflict_and_theirs_on_disk() {
    let mut s = conflicted();
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
    assert_eq!(s.conflicts().len(), 1);
    // The file already holds theirs: nothing to write until the user chooses.
    let fx = press(&mut s, ctrl('s'));
    assert_eq!(saves(&fx), 0, "{fx:?}");
    assert_eq!(s.draft("1").unwrap().response, "Saved one. Mine");
    press(&mut s, ch('c'));
    assert_eq!(s.mode(), Mode::Conflict);
}

#[test]
fn a_failed_save_names_the_path_journals_and_asks_before_quitting() {
    let mut s = loaded();
    press(&mut s, ch('i'));
    typing(&mut s, " x");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    let fx = update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 3,
            result: Err("/letters/northwind.responses.toml: Permission denied".into()),
        },
    );
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Journal(t) if t[0].text == "Saved one. x")),
        "{fx:?}"
    );
    let message = s.message().unwrap();
    assert!(message.contains("/letters/northwind.responses.toml: Permission denied"));
    assert!(matches!(s.save_state(), SaveState::Failed(_)));
    let fx = press(&mut s, ch('q'));
    assert!(!s.should_quit(), "asks first: {fx:?}");
    assert!(s.message().unwrap().contains("Press q again"));
    let fx = press(&mut s, ch('q'));
    assert!(s.should_quit());
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn offers_of_letters_in_other_folders_wait_for_j() {
    use letterdesk::journal::{Entry, Offer};
    let mut s = loaded();
    let offer = Offer {
        entry: Entry {
            letter: PathBuf::from("/elsewhere/other.txt"),
            number: "1".into(),
            text: "Typed in another workspace.".into(),
            written: std::time::SystemTime::now(),
            file: PathBuf::from("/state/j/y.json"),
            session: None,
            base: None,
        },
        saved: None,
        newer_than_file: true,
    };
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![offer],
            here: 0,
        },
    );
    assert_ne!(s.mode(), Mode::Recovery);
    assert!(
        s.message()
            .unwrap()
            .contains("1 unsaved text(s) in the journal for letters in other folders: press J"),
        "{:?}",
        s.message()
    );
    update(&mut s, Action::Run(Command::Leave));
    update(&mut s, Action::Run(Command::ShowRecovery));
    assert_eq!(s.mode(), Mode::Recovery);
    assert_eq!(s.offers().len(), 1);
}

#[test]
fn journal_offers_are_recovered_discarded_or_kept() {
    use letterdesk::journal::{Entry, Offer};
    let offer = |number: &str, text: &str| Offer {
        entry: Entry {
            letter: PathBuf::from("/letters/northwind.txt"),
            number: number.into(),
            text: text.into(),
            written: std::time::SystemTime::now(),
            file: PathBuf::from("/state/j/x.json"),
            session: None,
            base: None,
        },
        saved: None,
        newer_than_file: true,
    };
    let mut s = loaded();
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![offer("2", "Lost two."), offer("4", "Lost four.")],
            here: 2,
        },
    );
    assert_eq!(s.mode(), Mode::Recovery);
    // Enter does not recover: the dialog opens by itself at start-up, where a quick
    // Enter was meant to open a letter.
    press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(s.offers().len(), 2);
    assert_eq!(s.mode(), Mode::Recovery);
    press(&mut s, ch('y'));
    assert_eq!(s.draft("2").unwrap().response, "Lost two.");
    assert_eq!(s.offers().len(), 1);
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
    assert_eq!(s.offers().len(), 1, "declining keeps it");
    press(&mut s, ch('J'));
    assert_eq!(s.mode(), Mode::Recovery);
    let fx = press(&mut s, ch('d'));
    assert!(matches!(&fx[..], [Effect::DiscardJournal(e)] if e.number == "4"));
    assert!(s.offers().is_empty());
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
}

#[test]
fn the_recovery_dialog_skips_to_the_next_offer_and_back() {
    use letterdesk::journal::{Entry, Offer};
    let offer = |letter: &str, number: &str| Offer {
        entry: Entry {
            letter: PathBuf::from(letter),
            number: number.into(),
            text: format!("Lost {number}."),
            written: std::time::SystemTime::now(),
            file: PathBuf::from(format!("/state/j/{number}.json")),
            session: None,
            base: None,
        },
        saved: None,
        newer_than_file: true,
    };
    let mut s = loaded();
    update(&mut s, Action::IndexFinished);
    // The first offer's letter is not in this workspace: it cannot be recovered here.
    let offers = vec![
        offer("/elsewhere/gone.txt", "1"),
        offer("/letters/northwind.txt", "3"),
    ];
    update(&mut s, Action::JournalOffers { offers, here: 2 });
    assert_eq!(s.mode(), Mode::Recovery);
    press(&mut s, ch('j'));
    assert_eq!(s.mode(), Mode::Recovery);
    assert_eq!(s.offers()[0].entry.number, "3", "skipped, kept");
    assert_eq!(s.offers().len(), 2);
    press(&mut s, ch('y'));
    assert_eq!(s.draft("3").unwrap().response, "Lost 3.");
    assert_eq!(s.offers().len(), 1);
    press(&mut s, ch('k'));
    assert_eq!(s.offers()[0].entry.number, "1");
}

#[test]
fn a_terminating_signal_saves_journals_and_quits() {
    let mut s = loaded();
    press(&mut s, ch('i'));
    typing(&mut s, " y");
    let fx = update(&mut s, Action::Terminate(15));
    assert!(fx.iter().any(|e| matches!(e, Effect::Journal(_))));
    assert_eq!(saves(&fx), 1);
    assert_eq!(fx.last(), Some(&Effect::Quit));
    assert_eq!(s.signal(), Some(15));
    assert!(s.should_quit());
}

#[test]
fn watched_changes_check_drafts_or_reparse_letters() {
    let mut s = loaded();
    let fx = update(
        &mut s,
        Action::FileChanged("/letters/northwind.responses.toml".into()),
    );
    assert_eq!(
        fx,
        [Effect::CheckDrafts {
            letter: LetterId(1),
            path: "/letters/northwind.responses.toml".into()
        }]
    );
    let fx = update(&mut s, Action::FileChanged("/letters/northwind.txt".into()));
    assert_eq!(fx, [Effect::Reparse("/letters/northwind.txt".into())]);
    let fx = update(&mut s, Action::FileChanged("/letters/.tmp123".into()));
    assert!(fx.is_empty());
}

#[test]
fn a_corrected_letter_keeps_the_drafts() {
    let mut s = loaded();
    let mut corrected = northwind();
    corrected.comments.truncate(2);
    // The indexer sums the changed file up again; the open letter is read again in full.
    let fx = update(
        &mut s,
        Action::LetterIndexed {
            path: "/letters/northwind.txt".into(),
            listing: Box::new(Ok(Listing::of(&corrected, Default::default()))),
        },
    );
    assert_eq!(fx, [Effect::ReadLetter("/letters/northwind.txt".into())]);
    assert_eq!(
        s.open_letter().unwrap().comments.len(),
        4,
        "the open letter stays on screen (and takes keys) until it is read again"
    );
    update(
        &mut s,
        Action::LetterRead {
            path: "/letters/northwind.txt".into(),
            letter: Box::new(Ok(corrected)),
        },
    );
    assert!(
        s.message()
            .unwrap()
            .contains("changed on disk and was read again")
    );
    assert_eq!(s.listings().len(), 3, "replaced, not added");
    assert_eq!(s.open_letter().unwrap().comments.len(), 2);
    assert_eq!(s.draft("1").unwrap().response, "Saved one.");
}

#[test]
fn a_large_letter_is_laid_out_off_the_ui_thread() {
    let mut big = northwind();
    big.comments[0].text = "word ".repeat(100_000);
    let mut s = State::from_letters(vec![big], today());
    update(&mut s, Action::Resize(180, 45));
    let fx = update(&mut s, Action::Run(Command::Open));
    let layout = fx
        .into_iter()
        .find(|e| matches!(e, Effect::LayOut { .. }))
        .expect("layout asked for");
    let action = letterdesk::tui::lay_out(layout).unwrap();
    update(&mut s, action);
    let fx = update(&mut s, Action::Resize(160, 45));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::LayOut { width, .. } if *width < 80))
    );
}

#[test]
fn a_fixed_drafts_file_is_merged_and_saving_resumes() {
    let mut s = opened();
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Err("northwind.responses.toml:3: unresolved git conflict marker".into()),
        },
    );
    press(&mut s, ch('i'));
    let fx = typing(&mut s, "Typed meanwhile.");
    assert_eq!(saves(&fx), 0);
    // Someone fixes the file: the watcher has it read again.
    let fx = update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts_of(&[("2", Status::Drafted, "Fixed two.")]))),
        },
    );
    let sent = saved_drafts(&fx).expect("saving resumes");
    assert_eq!(sent.get("1").unwrap().response, "Typed meanwhile.");
    assert_eq!(sent.get("2").unwrap().response, "Fixed two.");
    assert!(!matches!(s.save_state(), SaveState::Blocked(_)));
}

#[test]
fn comments_whose_letter_text_changed_are_flagged() {
    let mut s = loaded();
    update(
        &mut s,
        Action::CommentsChanged {
            letter: LetterId(1),
            numbers: vec!["1".into()],
        },
    );
    assert_eq!(s.changed_comments(), ["1"]);
    press(&mut s, ch('i'));
    typing(&mut s, "!");
    assert!(
        s.changed_comments().is_empty(),
        "drafted with the new text in view"
    );
}

// ---- export ----

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

#[test]
fn x_opens_the_export_prompt_in_letters_and_comments() {
    use letterdesk::export::Format;
    assert_eq!(map(LETTERS, ch('x')), run(Command::Export));
    assert_eq!(map(COMMENTS, ch('x')), run(Command::Export));
    assert!(matches!(map(DRAFT, ch('x')), Some(Action::Type(_))));
    assert_eq!(map(Mode::Export, ch('m')), run(Command::ExportMarkdown));
    assert_eq!(map(Mode::Export, ch('t')), run(Command::ExportText));
    assert_eq!(map(Mode::Export, ch('h')), run(Command::ExportHtml));
    assert_eq!(map(Mode::Export, ch('d')), run(Command::ExportDocx));
    assert_eq!(
        map(Mode::Export, ev(KeyCode::Enter, KeyModifiers::NONE)),
        run(Command::ExportChosen)
    );
    assert_eq!(
        map(Mode::Export, ev(KeyCode::Esc, KeyModifiers::NONE)),
        run(Command::Later)
    );
    // Pane keys do not reach through the prompt.
    assert_eq!(map(Mode::Export, ch('r')), None);

    let mut s = state();
    assert!(press(&mut s, ch('x')).is_empty());
    assert_eq!(s.mode(), Mode::Export);
    let fx = press(&mut s, ch('t'));
    let (letter, format, _) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Text);
    assert_eq!(s.mode(), LETTERS);
    // The letter under the cursor: Northwind, the newest.
    match fx.iter().find(|e| matches!(e, Effect::Export { .. })) {
        Some(Effect::Export { path, text, .. }) => {
            assert_eq!(path, &PathBuf::from("/letters/northwind.txt"));
            assert_eq!(text.as_ref().unwrap().comments.len(), 4);
        }
        _ => unreachable!(),
    }
    let mut o = opened();
    press(&mut o, ch('x'));
    assert_eq!(o.mode(), Mode::Export);
    let fx = press(&mut o, ch('h'));
    assert_eq!(
        export_effect(&fx).map(|e| (e.0, e.1)),
        Some((letter, Format::Html))
    );
    assert_eq!(o.mode(), COMMENTS);
}

#[test]
fn the_export_takes_unsaved_edits_and_arrows_choose_the_format() {
    use letterdesk::export::Format;
    let mut s = opened();
    press(&mut s, ch('i'));
    typing(&mut s, "We revised it.");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Comments);
    press(&mut s, ch('x'));
    let down = ev(KeyCode::Down, KeyModifiers::NONE);
    let up = ev(KeyCode::Up, KeyModifiers::NONE);
    for key in [down, down, down, down, up] {
        assert!(press(&mut s, key).is_empty());
    }
    assert_eq!(s.mode(), Mode::Export);
    let fx = press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    let (_, format, drafts) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Html);
    assert_eq!(drafts.get("1").unwrap().response, "We revised it.");
    // Enter right away: Markdown, the first format.
    press(&mut s, ch('x'));
    let fx = press(&mut s, ev(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(export_effect(&fx).unwrap().1, Format::Markdown);
}

#[test]
fn esc_cancels_the_export_prompt() {
    let mut s = opened();
    press(&mut s, ch('x'));
    let fx = press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert!(export_effect(&fx).is_none());
    assert_eq!(s.mode(), COMMENTS);
    assert_eq!(s.message(), Some("Export cancelled."));
    // Esc closed only the prompt: the pane's own Esc did not run.
    assert_eq!(s.focus(), Pane::Comments);
}

#[test]
fn the_exported_report_shows_the_path_and_notices() {
    let mut s = opened();
    update(
        &mut s,
        Action::Exported {
            result: Ok((
                PathBuf::from("/letters/northwind.response.md"),
                vec!["3 comments have no response: 2, 3, 4".into()],
            )),
        },
    );
    let message = s.message().unwrap();
    assert!(
        message.contains("/letters/northwind.response.md"),
        "{message}"
    );
    assert!(
        message.contains("3 comments have no response: 2, 3, 4"),
        "{message}"
    );
    update(
        &mut s,
        Action::Exported {
            result: Ok((PathBuf::from("/letters/evil\u{1b}[2J.md"), vec![])),
        },
    );
    assert!(!s.message().unwrap().contains('\u{1b}'));
    update(
        &mut s,
        Action::Exported {
            result: Err("/letters/x.md: permission denied".into()),
        },
    );
    assert!(s.message().unwrap().contains("permission denied"));
}

#[test]
fn an_edited_export_asks_and_nothing_is_overwritten_without_a_yes() {
    use letterdesk::export::WhenEdited;
    let when_edited = |effects: &[Effect]| {
        effects.iter().find_map(|e| match e {
            Effect::Export { when_edited, .. } => Some(*when_edited),
            _ => None,
        })
    };
    let mut s = opened();
    press(&mut s, ch('x'));
    let fx = press(&mut s, ch('d'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::Refuse), "first, refuse");
    let (letter, format, _) = export_effect(&fx).unwrap();
    let edited = || Action::ExportEdited {
        letter,
        format,
        path: PathBuf::from("/letters/northwind.response.docx"),
        beside: PathBuf::from("/letters/northwind.response (2).docx"),
    };
    let esc = ev(KeyCode::Esc, KeyModifiers::NONE);

    update(&mut s, edited());
    assert_eq!(s.mode(), Mode::Question);
    let message = s.message().unwrap();
    assert!(
        message.contains("northwind.response.docx was edited since"),
        "{message}"
    );
    // Other keys do not answer it.
    for key in [ch('x'), ch('d'), ev(KeyCode::Enter, KeyModifiers::NONE)] {
        assert_eq!(when_edited(&press(&mut s, key)), None);
    }
    // Esc: nothing written.
    assert_eq!(when_edited(&press(&mut s, esc)), None);
    assert_eq!(s.mode(), COMMENTS);
    // n: the new name beside it.
    update(&mut s, edited());
    let fx = press(&mut s, ch('n'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::NewName));
    assert_eq!(
        export_effect(&fx).map(|e| (e.0, e.1)),
        Some((letter, format))
    );
    // y: overwrite.
    update(&mut s, edited());
    let fx = press(&mut s, ch('y'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::Overwrite));
    assert_eq!(s.mode(), COMMENTS);
}

#[test]
fn a_written_export_is_not_taken_for_a_letter() {
    let mut s = state();
    for name in ["northwind.response.md", "northwind.response.txt"] {
        let fx = update(
            &mut s,
            Action::FileChanged(PathBuf::from("/letters").join(name)),
        );
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::Reparse(_))),
            "{name}"
        );
    }
    let fx = update(
        &mut s,
        Action::FileChanged(PathBuf::from("/letters/new.md")),
    );
    assert!(fx.iter().any(|e| matches!(e, Effect::Reparse(_))));
}

#[test]
fn a_config_with_an_export_table_is_accepted() {
    let text = "[export]\nsigner_name = \"A. Person\"\n\n[marks]\nopen = \"o\"\n";
    let config = Config::with_user(text, std::path::Path::new("config.toml"), true);
    assert!(config.is_ok(), "{config:?}");
}

// ---- the workspace tells the truth ----

/// Resolve every comment of the open letter from the Comments pane.
fn resolve_all(s: &mut State) {
    let count = s.open_letter().unwrap().comments.len();
    for _ in 0..count {
        press(s, ch('r'));
        press(s, ch('j'));
    }
}

#[test]
fn a_filter_lists_only_the_comments_it_names() {
    let mut s = opened();
    resolve_all(&mut s);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Open);
    assert_eq!(s.message(), Some("Filter: open (0 comments)."));
    assert_eq!(s.visible_comments(), Vec::<usize>::new(), "nothing is open");
    // Reopening one under the "resolved" filter takes it out of the list.
    press(&mut s, ch('f'));
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Resolved);
    assert_eq!(s.visible_comments(), [0, 1, 2, 3]);
    let reopened = s.selected_comment().unwrap().number.clone();
    press(&mut s, ch('r'));
    assert!(
        s.visible_comments().len() == 3 && s.selected_comment().unwrap().number != reopened,
        "the reopened comment leaves the resolved list and the selection moves on"
    );
}

#[test]
fn resolving_an_empty_response_says_so() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let message = s.message().unwrap_or_default().to_string();
    assert!(
        message.contains("no response"),
        "resolving comment 1 with nothing drafted is said: {message:?}"
    );
}

#[test]
fn saved_is_not_claimed_before_a_drafts_file_exists() {
    let mut s = opened();
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(None),
        },
    );
    assert_ne!(s.save_state(), SaveState::Saved, "no drafts file yet");
}

// ---- the editor keeps the text exactly ----

/// Comment 1 of the open letter with `response` loaded from its drafts file.
fn loaded_with(response: &str) -> State {
    let mut s = opened();
    let drafts = Drafts {
        comments: vec![CommentDraft {
            number: "1".into(),
            status: Status::Drafted,
            response: response.into(),
            marks: Default::default(),
            owner: None,
        }],
    };
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(drafts)),
        },
    );
    s
}

#[test]
fn one_edit_of_a_crlf_draft_keeps_every_other_character() {
    let mut s = loaded_with("First\r\nSecond\tcol\u{1b}[1m\u{202e}rlo\u{200b}zw\rcr");
    press(&mut s, ch('i'));
    typing(&mut s, "!");
    assert_eq!(
        s.draft("1").unwrap().response,
        "First\nSecond\tcol\u{1b}[1m\u{202e}rlo\u{200b}zw\rcr!"
    );
}

#[test]
fn tab_in_the_editor_indents_and_never_leaves_it() {
    assert!(
        !matches!(
            map(DRAFT, ev(KeyCode::Tab, KeyModifiers::NONE)),
            Some(Action::Run(Command::NextPane | Command::PrevPane))
        ),
        "Tab in the editor is not a pane switch"
    );
    let mut s = opened();
    press(&mut s, ch('i'));
    press(&mut s, ev(KeyCode::Tab, KeyModifiers::NONE));
    typing(&mut s, "q");
    assert_eq!(s.focus(), Pane::Draft);
    assert_eq!(s.draft("1").unwrap().response, "    q");
    press(&mut s, ev(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(s.focus(), Pane::Draft, "Shift-Tab does not leave either");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(s.focus(), Pane::Comments, "Esc leaves");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text loaded, edited once and saved keeps every character not edited (only
    /// CRLF line endings become LF).
    #[test]
    fn an_edit_keeps_every_character_not_edited(
        text in "[a \r\n\t\u{1b}\u{7f}\u{85}\u{202e}\u{2066}\u{200b}\u{feff}\u{2028}e\u{301}日]{0,40}",
        back in 0usize..45,
    ) {
        let mut s = loaded_with(&text);
        press(&mut s, ch('i'));
        for _ in 0..back {
            press(&mut s, ev(KeyCode::Left, KeyModifiers::NONE));
        }
        typing(&mut s, "X");
        let saved = &s.draft("1").unwrap().response;
        proptest::prop_assert_eq!(saved.matches('X').count(), 1);
        proptest::prop_assert_eq!(saved.replacen('X', "", 1), text.replace("\r\n", "\n"));
    }
}

/// The whole screen as text, one line per row.
fn shown(s: &State, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| letterdesk::tui::draw(f, s)).unwrap();
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn paragraphs(n: usize) -> String {
    (1..=n)
        .map(|i| format!("Paragraph {i} of the response."))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_newly_selected_draft_shows_from_its_start() {
    let mut s = loaded_with(&paragraphs(60));
    update(&mut s, Action::Resize(120, 30));
    assert!(shown(&s, 120, 30).contains("Paragraph 1 of"));
    press(&mut s, ch('j'));
    press(&mut s, ch('k'));
    assert!(shown(&s, 120, 30).contains("Paragraph 1 of"), "and again");
}

#[test]
fn a_resize_keeps_the_cursor_in_view_without_hiding_text_above() {
    let mut s = loaded_with(&paragraphs(40));
    update(&mut s, Action::Resize(120, 12));
    press(&mut s, ch('i'));
    press(&mut s, ev(KeyCode::Home, KeyModifiers::CONTROL));
    for _ in 0..20 {
        press(&mut s, ev(KeyCode::Down, KeyModifiers::NONE));
    }
    let small = shown(&s, 120, 12);
    assert!(small.contains("Paragraph 21 of") && !small.contains("Paragraph 1 of"));
    update(&mut s, Action::Resize(120, 60));
    let tall = shown(&s, 120, 60);
    assert!(
        tall.contains("Paragraph 1 of"),
        "everything fits: nothing hidden\n{tall}"
    );
    assert!(tall.contains("Paragraph 21 of"));
}

#[test]
fn undo_history_is_kept_per_comment() {
    let mut s = opened();
    press(&mut s, ch('i'));
    typing(&mut s, "The Company respectfully advises the Staff");
    press(&mut s, ctrl('z'));
    assert_eq!(
        s.draft("1").unwrap().response,
        "The Company respectfully advises the ",
        "one word undone"
    );
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('j'));
    press(&mut s, ch('i'));
    typing(&mut s, "Other");
    press(&mut s, ev(KeyCode::Esc, KeyModifiers::NONE));
    press(&mut s, ch('k'));
    press(&mut s, ch('i'));
    press(&mut s, ctrl('z'));
    assert_eq!(
        s.draft("1").unwrap().response,
        "The Company respectfully advises ",
        "the history came back with the comment"
    );
    press(&mut s, ctrl('y'));
    press(&mut s, ctrl('y'));
    assert_eq!(
        s.draft("1").unwrap().response,
        "The Company respectfully advises the Staff"
    );
    assert_eq!(s.draft("2").unwrap().response, "Other");
}

#[test]
fn a_key_bound_to_export_with_a_format_exports_at_once() {
    use letterdesk::export::Format;
    let text = "[keymap]\nletters = [{ on = [\"X\"], run = \"export  docx\", desc = \"Word now\" },\n { on = [\"M\"], run = \"export_markdown\", desc = \"old name\" }]\n";
    let config = Config::with_user(text, std::path::Path::new("c.toml"), true).unwrap();
    let mut s = state();
    s.set_config(config);
    let fx = press(&mut s, ch('X'));
    let (_, format, _) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Docx);
    assert_eq!(s.mode(), LETTERS, "no prompt in between");
    let fx = press(&mut s, ch('M'));
    assert_eq!(export_effect(&fx).unwrap().1, Format::Markdown);
}
