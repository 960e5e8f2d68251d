//! The command line (`:`) and the Letters pane's filter (`/`): typing, completing,
//! recalling, and running what was typed.

use crate::config::{Command, Context, LETTERS_WIDTH};
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::command_line::Purpose;
use crate::tui::model::ids::{Filter, Pane};
use crate::tui::model::order::Sort;
use crate::tui::model::overlay::Mode;
use crate::tui::model::state::State;

/// A key of the line's own: `command` is one of the command-line section's commands.
pub(super) fn key(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    match command {
        Command::CommandSubmit => submit(state, fx),
        Command::CommandCancel => cancel(state),
        Command::CommandBackspace => {
            if !state.dialogs.line.backspace() {
                cancel(state);
            }
            typed(state);
        }
        Command::DeleteWord => {
            state.dialogs.line.delete_word();
            typed(state);
        }
        Command::DeleteToLineStart => {
            state.dialogs.line.clear();
            typed(state);
        }
        Command::Complete => state.dialogs.line.complete(),
        Command::Up => state.dialogs.line.recall(true),
        Command::Down => state.dialogs.line.recall(false),
        _ => {}
    }
}

/// A character typed on the line.
pub(super) fn input(state: &mut State, c: char) {
    state.dialogs.line.push(c);
    typed(state);
}

/// Text pasted on the line (its first line only: the line is one line).
pub(super) fn paste(state: &mut State, text: &str) {
    text.chars().for_each(|c| state.dialogs.line.push(c));
    typed(state);
}

/// Open the line for `purpose`.
pub(super) fn open(state: &mut State, purpose: Purpose) {
    match purpose {
        Purpose::Command => state.dialogs.line.start(purpose, ""),
        Purpose::FindLetter => {
            state.focus = Pane::Letters;
            let query = state.view.query.clone();
            state.dialogs.line.start(purpose, &query);
        }
    }
}

/// The Letters pane's filter follows the typing.
fn typed(state: &mut State) {
    if let Some(p) = &state.dialogs.line.open
        && p.purpose == Purpose::FindLetter
        && p.text != state.view.query
    {
        state.view.query = p.text.clone();
        state.rebuild_order();
        state.cursor_moved = true;
    }
}

fn cancel(state: &mut State) {
    if state.dialogs.line.purpose() == Some(Purpose::FindLetter) && !state.view.query.is_empty() {
        state.view.query.clear();
        state.rebuild_order();
    }
    state.dialogs.line.open = None;
}

fn submit(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(prompt) = state.dialogs.line.finish() else {
        return;
    };
    match prompt.purpose {
        Purpose::FindLetter => {
            let n = state.order.len();
            let shown = sanitize(state.view.query.trim()).replace('\n', " ");
            if !shown.is_empty() {
                state.info(format!(
                    "{n} letter{} match “{shown}” ({} with nothing typed lists them all).",
                    if n == 1 { "" } else { "s" },
                    state.key_for(Context::Letters, Command::FindLetter)
                ));
            }
        }
        Purpose::Command => run_line(state, prompt.text.trim(), fx),
    }
}

/// Run a command typed on the line: a comment number, `owner NAME`, `set NAME=VALUE`,
/// or a name of the command table (`w`, `wq`, `export md`, `sort due`).
pub(super) fn run_line(state: &mut State, text: &str, fx: &mut Vec<Effect>) {
    let (word, rest) = text.split_once(' ').unwrap_or((text, ""));
    let rest = rest.trim();
    if text.is_empty() {
    } else if text.chars().all(|c| c.is_ascii_digit()) {
        go_to(state, text, fx);
    } else if word == "owner" {
        set_owner(state, (!rest.is_empty()).then(|| rest.to_owned()));
    } else if word == "set" {
        set(state, rest);
    } else {
        match Command::from_name(text).filter(|c| c.typed()) {
            Some(command) => super::run(state, command, fx),
            None => {
                let key = state.key_for(Mode::Command.context(), Command::Complete);
                state.error(format!(
                    "Not a command: {} ({key} completes a name).",
                    sanitize(text).replace('\n', " ")
                ))
            }
        }
    }
}

/// `NG` and `Ngg` in the Letters pane: the Nth letter listed (the last when there are
/// fewer).
pub(super) fn go_to_letter(state: &mut State, n: usize) {
    if n == 0 || state.order.is_empty() {
        return;
    }
    state.cursor = (n - 1).min(state.order.len() - 1);
    state.cursor_moved = true;
}

/// `:N`, and `NG` in the Comments pane: the comment numbered N of the open letter (else
/// its Nth comment); with no letter open, the Nth letter.
pub(super) fn go_to(state: &mut State, number: &str, fx: &mut Vec<Effect>) {
    let n: usize = number.parse().unwrap_or(0);
    if state.open.is_none() {
        return go_to_letter(state, n);
    }
    let Some(letter) = state.open_letter() else {
        return;
    };
    let target = letter
        .comments
        .iter()
        .position(|c| c.number == number)
        .or_else(|| (n >= 1 && n <= letter.comments.len()).then(|| n - 1));
    let Some(target) = target else {
        return state.info(format!("No comment {number} in this letter."));
    };
    if !state.visible_comments().contains(&target) {
        state.filter = Filter::All;
        state.info(format!("Filter: all (comment {number} was hidden)."));
    }
    if state.focus == Pane::Letters {
        state.focus = Pane::Comments;
    }
    state.select_comment(target, fx);
}

/// `:owner NAME` (nobody without a name): the selected comment's owner.
pub(super) fn set_owner(state: &mut State, owner: Option<String>) {
    let Some(open) = &state.open else {
        return state.info("Open a letter first.");
    };
    let Some(number) = state.selected_comment().map(|c| c.number.clone()) else {
        return;
    };
    let slot = &mut state.entries[open.id.0].slot;
    if !slot.loaded {
        return state.info("Drafts are still loading.");
    }
    let Some(draft) = slot.drafts.get_mut(&number) else {
        return;
    };
    if draft.owner == owner {
        return;
    }
    draft.owner.clone_from(&owner);
    state.mark_edit();
    let number = sanitize(&number).into_owned();
    state.info(match owner {
        Some(owner) => format!("Comment {number}: owner {}.", sanitize(&owner)),
        None => format!("Comment {number}: no owner."),
    });
}

/// The `own` key: the selected comment becomes mine, or nobody's when it is mine.
pub(super) fn own(state: &mut State) {
    let Some(me) = state.me.clone() else {
        return state.error(
            "Who are you? Set $LETTERDESK_USER, `user` under [workspace] in the config, or :set me=NAME.",
        );
    };
    let number = state.selected_comment().map(|c| c.number.clone());
    let current = number
        .and_then(|n| state.draft(&n))
        .and_then(|d| d.owner.clone());
    set_owner(state, (current.as_deref() != Some(&me)).then_some(me));
}

/// `:set NAME=VALUE` (or `NAME VALUE`); `:set` alone says the settings.
fn set(state: &mut State, text: &str) {
    let (name, value) = text
        .split_once('=')
        .or_else(|| text.split_once(' '))
        .map_or((text, ""), |(n, v)| (n.trim(), v.trim()));
    let on = |v: &str| matches!(v, "on" | "true" | "yes" | "1");
    match name {
        "" => {
            let w = &state.config.workspace;
            let settings = format!(
                "me={} letters_width={} mouse={} sort={} spelling={}",
                state.me.as_deref().map_or("(nobody)".into(), sanitize),
                w.letters_width,
                if w.mouse { "on" } else { "off" },
                state.view.sort().label(),
                if state.config.editing.spelling {
                    "on"
                } else {
                    "off"
                },
            );
            state.info(settings);
        }
        "me" | "user" if !value.is_empty() => {
            state.me = Some(value.to_owned());
            state.info(format!("You are {}.", sanitize(value)));
        }
        "letters_width" => match value.parse::<u16>() {
            Ok(width) if LETTERS_WIDTH.contains(&width) => {
                state.config.workspace.letters_width = width;
            }
            _ => state.error(format!(
                "letters_width takes a percentage from {} to {}.",
                LETTERS_WIDTH.start(),
                LETTERS_WIDTH.end()
            )),
        },
        "mouse" => state.config.workspace.mouse = on(value),
        "spelling" => state.config.editing.spelling = on(value),
        "sort" => match [Sort::Due, Sort::Date, Sort::Company]
            .into_iter()
            .find(|s| s.label() == value)
        {
            Some(sort) => sort_by(state, sort),
            None => state.error("sort takes due, date or company."),
        },
        _ => state.error(format!(
            "No setting {}: me, letters_width, mouse, sort, spelling.",
            sanitize(name)
        )),
    }
}

/// Sort the Letters pane by `sort`.
pub(super) fn sort_by(state: &mut State, sort: Sort) {
    state.view.chosen = Some(sort);
    state.rebuild_order();
    state.info(format!("Letters sorted by {}.", sort.label()));
}

/// A digit typed in the Letters or Comments pane, where no binding claims it and no
/// sequence is pending: part of a count for the next key (`12G`, `12gg`). Returns
/// whether the key was taken.
pub(super) fn counts(state: &mut State, key: crossterm::event::KeyEvent) -> bool {
    let crate::tui::model::overlay::Mode::Pane(pane @ (Pane::Letters | Pane::Comments)) =
        state.mode()
    else {
        return false;
    };
    let chord = crate::config::KeyChord::from_event(key);
    let crossterm::event::KeyCode::Char(c) = key.code else {
        return false;
    };
    let Some(digit) = c.to_digit(10) else {
        return false;
    };
    if !chord.plain()
        || key.kind == crossterm::event::KeyEventKind::Release
        || state.pending.is_some()
        || state.config.keymap.lookup_after(pane, None, chord) != crate::config::Found::Nothing
        || (digit == 0 && state.count.is_none())
    {
        return false;
    }
    let count = state.count.unwrap_or(0);
    state.count = Some(count.saturating_mul(10).saturating_add(digit as usize));
    true
}
