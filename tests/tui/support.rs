//! What every workspace test builds with: letters and comments in code, keys pressed
//! as the event loop maps them, and whole screens drawn on a `TestBackend` as text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::letter::{Comment, Kind, Letter, Subject};
use letterdesk::tui::{Action, Command, Config, Effect, State, draw, map_key, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// A comment under `headings`, with no page numbers.
pub fn comment(number: &str, headings: &[&str], text: &str) -> Comment {
    Comment {
        number: number.into(),
        headings: headings.iter().map(|h| h.to_string()).collect(),
        text: text.into(),
        pages: vec![],
    }
}

/// A letter of `company` about `form`, dated `date`, holding `comments`.
pub fn letter(
    file: &str,
    company: &str,
    date: Option<&str>,
    form: &str,
    kind: Kind,
    comments: Vec<Comment>,
) -> Letter {
    Letter {
        file: file.into(),
        kind,
        date: date.map(Into::into),
        company: Some(company.into()),
        subject: Subject {
            form: Some(form.into()),
            ..Subject::default()
        },
        comments,
        ..Letter::default()
    }
}

/// Northwind Kettle Works' 10-K comment letter of 2024-03-01, due 2024-03-15, at `file`.
pub fn northwind_letter(file: &str, comments: Vec<Comment>) -> Letter {
    let company = "Northwind Kettle Works, Inc.";
    let date = Some("2024-03-01");
    let mut l = letter(file, company, date, "10-K", Kind::Comments, comments);
    l.response_due = Some("2024-03-15".into());
    l
}

/// Drafts holding `(number, status, response)` for each entry, without marks or owner.
pub fn drafts_of(entries: &[(&str, Status, &str)]) -> Drafts {
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

/// `count` lines, the `n`th (from 1) made by `line(n)`, joined by line breaks.
pub fn lines(count: usize, line: impl Fn(usize) -> String) -> String {
    let lines: Vec<String> = (1..=count).map(line).collect();
    lines.join("\n")
}

/// `screen` (or a message) shows each of `texts`; a failure prints all of it.
pub fn assert_shows(screen: &str, texts: &[&str]) {
    for text in texts {
        assert!(screen.contains(text), "{text:?} not shown:\n{screen}");
    }
}

/// A key with modifiers.
pub fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// A key pressed without modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    ev(code, KeyModifiers::NONE)
}

/// A character key.
pub fn ch(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::NONE)
}

/// A character key with Alt.
pub fn alt(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::ALT)
}

/// A character key with Shift (an upper-case letter).
pub fn shift(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::SHIFT)
}

/// A character key with Ctrl.
pub fn ctrl(c: char) -> KeyEvent {
    ev(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// A key, mapped and applied like the event loop does.
pub fn press(s: &mut State, key: KeyEvent) -> Vec<Effect> {
    match map_key(&s.config().keymap, s.mode(), key) {
        Some(action) => update(s, action),
        None => Vec::new(),
    }
}

/// Each of `commands` run in turn, as their keys would.
pub fn run_all(s: &mut State, commands: &[Command]) {
    for &command in commands {
        update(s, Action::Run(command));
    }
}

/// `i` pressed to edit the selected comment's draft, then `text` typed into it.
pub fn drafting(s: &mut State, text: &str) -> Vec<Effect> {
    let mut effects = press(s, ch('i'));
    effects.extend(typing(s, text));
    effects
}

/// The response `s` holds for comment `number` (the test fails if it has no draft).
pub fn response_of<'a>(s: &'a State, number: &str) -> &'a str {
    &s.draft(number).expect("a draft of the comment").response
}

/// The built-in configuration with a user file `c.toml` holding `text`.
pub fn user_config(text: &str, no_color: bool) -> Config {
    Config::with_user(text, std::path::Path::new("c.toml"), no_color)
        .expect("the user file is read")
}

/// Puts `s` under the built-in configuration with a user file `c.toml` holding `text`.
pub fn set_user_config(s: &mut State, text: &str, no_color: bool) {
    s.set_config(user_config(text, no_color));
}

/// Each character of `text` pressed in turn.
pub fn typing(s: &mut State, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| press(s, ch(c))).collect()
}

/// The screen at this size as text, one line per row (a wide character once).
pub fn screen(s: &mut State, width: u16, height: u16) -> String {
    update(s, Action::Resize(width, height));
    text_of(&buffer(s, width, height))
}

/// The screen drawn at this size, cells and styles.
pub fn buffer(s: &State, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(frame, s)).unwrap();
    terminal.backend().buffer().clone()
}

/// A drawn buffer as text, one line per row, the cells a wide character covers skipped.
pub fn text_of(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// A journal offer of unsaved `text` for comment `number` of `letter`, journalled now in
/// `file`, newer than the drafts file, which holds nothing for the comment.
pub fn offer(letter: &str, number: &str, text: &str, file: &str) -> letterdesk::journal::Offer {
    letterdesk::journal::Offer {
        entry: letterdesk::journal::Entry {
            letter: std::path::PathBuf::from(letter),
            number: number.into(),
            text: text.into(),
            written: std::time::SystemTime::now(),
            file: std::path::PathBuf::from(file),
            session: None,
            base: None,
        },
        saved: None,
        newer_than_file: true,
    }
}
