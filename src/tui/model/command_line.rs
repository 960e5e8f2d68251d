//! The line typed in the status bar: the `:` command line, with completion of command
//! names (from the one command table) and a history, and the Letters pane's filter `/`,
//! applied as it is typed.

use crate::config::Command;

/// What the line being typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A command (`:w`, `:12`, `:sort due`).
    Command,
    /// The Letters pane's filter, applied as it is typed.
    FindLetter,
}

impl Purpose {
    /// The character shown before the text.
    pub fn sigil(self) -> char {
        match self {
            Purpose::Command => ':',
            Purpose::FindLetter => '/',
        }
    }
}

/// Words the command line takes besides the command table's names.
pub const WORDS: [&str; 2] = ["owner", "set"];

/// The line while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub purpose: Purpose,
    /// The text typed.
    pub text: String,
    /// The text the completion started from, and the candidate shown (Tab again: the next).
    pub completing: Option<(String, usize)>,
    /// The history entry shown (Up and Down), with the text typed before it.
    pub recalled: Option<(usize, String)>,
}

/// The command line: the line open, if any, and the commands run before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandLine {
    /// The line being typed.
    pub open: Option<Prompt>,
    /// Commands run, oldest first (no two alike in a row).
    pub history: Vec<String>,
}

/// The most commands the history keeps.
const HISTORY: usize = 100;

impl CommandLine {
    /// Open an empty line for `purpose`, starting from `text`.
    pub fn start(&mut self, purpose: Purpose, text: &str) {
        self.open = Some(Prompt {
            purpose,
            text: text.to_owned(),
            completing: None,
            recalled: None,
        });
    }

    /// The open line's purpose.
    pub fn purpose(&self) -> Option<Purpose> {
        self.open.as_ref().map(|p| p.purpose)
    }

    /// A character typed.
    pub fn push(&mut self, c: char) {
        if let Some(p) = &mut self.open {
            p.text.push(c);
            p.completing = None;
        }
    }

    /// Backspace; on an empty line, `false` (the line should close, as in vim).
    pub fn backspace(&mut self) -> bool {
        let Some(p) = &mut self.open else {
            return false;
        };
        p.completing = None;
        p.text.pop().is_some()
    }

    /// Ctrl-W: delete the word before the end, and the spaces after it (as in a shell).
    pub fn delete_word(&mut self) {
        if let Some(p) = &mut self.open {
            delete_word(&mut p.text);
            p.completing = None;
        }
    }

    /// Ctrl-U: delete all that was typed.
    pub fn clear(&mut self) {
        if let Some(p) = &mut self.open {
            p.text.clear();
            p.completing = None;
        }
    }

    /// Close the line, returning its text; a command goes into the history.
    pub fn finish(&mut self) -> Option<Prompt> {
        let prompt = self.open.take()?;
        let text = prompt.text.trim();
        if prompt.purpose == Purpose::Command
            && !text.is_empty()
            && self.history.last().is_none_or(|h| h != text)
        {
            self.history.push(text.to_owned());
            if self.history.len() > HISTORY {
                self.history.remove(0);
            }
        }
        Some(prompt)
    }

    /// Up (`back`) or Down through the history; Down past the newest gives back what
    /// was typed.
    pub fn recall(&mut self, back: bool) {
        let Some(p) = &mut self.open else { return };
        if p.purpose != Purpose::Command || self.history.is_empty() {
            return;
        }
        let newest = self.history.len() - 1;
        let (at, typed) = match (&p.recalled, back) {
            (None, true) => (Some(newest), p.text.clone()),
            (None, false) => return,
            (Some((i, typed)), true) => (Some(i.saturating_sub(1)), typed.clone()),
            (Some((i, typed)), false) if *i < newest => (Some(i + 1), typed.clone()),
            (Some((_, typed)), false) => (None, typed.clone()),
        };
        p.completing = None;
        match at {
            Some(i) => {
                p.text = self.history[i].clone();
                p.recalled = Some((i, typed));
            }
            None => {
                p.text = typed;
                p.recalled = None;
            }
        }
    }

    /// Tab: the next command name starting with what was typed.
    pub fn complete(&mut self) {
        let Some(p) = &mut self.open else { return };
        if p.purpose != Purpose::Command {
            return;
        }
        let (from, next) = match &p.completing {
            Some((from, i)) => (from.clone(), i + 1),
            None => (p.text.clone(), 0),
        };
        let found = candidates(&from);
        if let Some(name) = found.get(next % found.len().max(1)) {
            p.text = (*name).to_owned();
            p.completing = Some((from, next % found.len()));
        }
    }

    /// The names the open line could complete to, and which one is shown.
    pub fn completions(&self) -> (Vec<&'static str>, Option<usize>) {
        match &self.open {
            Some(p) if p.purpose == Purpose::Command => match &p.completing {
                Some((from, i)) => (candidates(from), Some(*i)),
                None if p.text.trim().is_empty() => (Vec::new(), None),
                None => (candidates(&p.text), None),
            },
            _ => (Vec::new(), None),
        }
    }
}

/// Delete the last word of `text` and the spaces after it: what Ctrl-W does on a line
/// typed in the status bar (the command line, the filter, the search).
pub fn delete_word(text: &mut String) {
    let kept = text.trim_end().len();
    let word = text[..kept].rfind(char::is_whitespace).map_or(0, |at| {
        at + text[at..].chars().next().map_or(1, char::len_utf8)
    });
    text.truncate(word);
}

/// The names that start with `typed` (spaces between words taken as one), in
/// alphabetical order: the command table's names that can be typed, and the line's own
/// words.
pub fn candidates(typed: &str) -> Vec<&'static str> {
    let ends_in_space = typed.ends_with(char::is_whitespace);
    let mut typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if ends_in_space && !typed.is_empty() {
        typed.push(' ');
    }
    let mut names: Vec<&'static str> = Command::names()
        .filter(|(command, _)| command.typed())
        .map(|(_, name)| name)
        .chain(WORDS)
        .filter(|name| name.starts_with(&typed))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(line: &mut CommandLine, text: &str) {
        line.start(Purpose::Command, "");
        text.chars().for_each(|c| line.push(c));
    }

    /// The text of the open line.
    fn text(line: &CommandLine) -> &str {
        &line.open.as_ref().unwrap().text
    }

    #[test]
    fn tab_cycles_through_the_names_of_the_command_table() {
        let mut line = CommandLine::default();
        typed(&mut line, "sort ");
        line.complete();
        assert_eq!(text(&line), "sort company");
        line.complete();
        assert_eq!(text(&line), "sort date");
        line.complete();
        line.complete();
        assert_eq!(text(&line), "sort company");
        assert!(
            candidates("yes").is_empty(),
            "a dialog's key is not offered"
        );
        assert_eq!(candidates("ow"), ["own", "owner"]);
    }

    #[test]
    fn up_and_down_walk_the_history_and_come_back_to_the_typing() {
        let mut line = CommandLine::default();
        for command in ["w", "sort due", "sort due", "12"] {
            typed(&mut line, command);
            line.finish();
        }
        assert_eq!(line.history, ["w", "sort due", "12"]);
        typed(&mut line, "fil");
        line.recall(true);
        assert_eq!(text(&line), "12");
        line.recall(true);
        line.recall(true);
        line.recall(true);
        assert_eq!(text(&line), "w");
        line.recall(false);
        line.recall(false);
        line.recall(false);
        assert_eq!(text(&line), "fil");
    }

    #[test]
    fn ctrl_w_deletes_the_last_word_and_ctrl_u_the_line() {
        let word: fn(&mut CommandLine) = CommandLine::delete_word;
        let all: fn(&mut CommandLine) = CommandLine::clear;
        let cases = [
            (
                "sort company  ",
                vec![(word, "sort "), (word, ""), (word, "")],
            ),
            ("owner Zoë Ærø", vec![(word, "owner Zoë "), (all, "")]),
        ];
        let mut line = CommandLine::default();
        for (typing, steps) in cases {
            typed(&mut line, typing);
            for (key, left) in steps {
                key(&mut line);
                assert_eq!(text(&line), left, "after {typing:?}");
            }
        }
    }
}
