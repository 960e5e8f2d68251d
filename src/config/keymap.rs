//! Keys as data: chords, commands, bindings per context, and the pure key → action mapping.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::command::Command;
use crate::text::sanitize;

/// A key with its modifiers, as written in the keymap: `"j"`, `"G"`, `"down"`, `"ctrl-s"`,
/// `"shift-tab"`, `"alt-backspace"`. For characters the case carries the shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct KeyChord {
    code: KeyCode,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

impl KeyChord {
    /// The chord a terminal key event stands for.
    pub fn from_event(key: KeyEvent) -> Self {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char(c) if ctrl => Self::new(
                KeyCode::Char(c.to_ascii_lowercase()),
                ctrl,
                alt,
                shift || c.is_ascii_uppercase(),
            ),
            KeyCode::Char(_) | KeyCode::BackTab => Self::new(key.code, ctrl, alt, false),
            code => Self::new(code, ctrl, alt, shift),
        }
    }

    const fn new(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> Self {
        Self {
            code,
            ctrl,
            alt,
            shift,
        }
    }

    /// Neither Ctrl nor Alt is held.
    pub fn plain(self) -> bool {
        !self.ctrl && !self.alt
    }

    /// A key that types a character: in the editor it types rather than runs a global command.
    pub fn is_printable(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }
}

impl TryFrom<String> for KeyChord {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl FromStr for KeyChord {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                alt = true;
            } else if rest.len() > 1 && lower.starts_with("shift-") {
                shift = true;
            } else {
                break;
            }
            rest = &rest[rest.find('-').map_or(rest.len(), |i| i + 1)..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if ctrl => {
                shift |= c.is_ascii_uppercase();
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdown" | "pagedown" | "pgdn" => KeyCode::PageDown,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(format!("unknown key `{s}`")),
                },
            },
        };
        let shift = shift
            && !matches!(code, KeyCode::BackTab)
            && (ctrl || !matches!(code, KeyCode::Char(_)));
        Ok(Self::new(code, ctrl, alt, shift))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One keymap entry: `{ on = ["j", "down"], run = "down", desc = "next comment" }`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// The keys that run it.
    pub on: Vec<KeyChord>,
    /// What it runs.
    pub run: Command,
    /// What it does, for the key hints and the help.
    pub desc: String,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (printable keys excepted in the editor, where they type).
    Global,
    /// The Letters pane.
    Letters,
    /// The Comments pane.
    Comments,
    /// The Draft pane (the editor).
    Draft,
    /// The dialog offering unsaved text found in the journal at start-up.
    Recovery,
    /// The dialog showing a comment changed both here and on disk.
    Conflict,
    /// The prompt choosing the format of an export.
    Export,
}

impl Context {
    /// The name used in the config file and the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Global",
            Context::Letters => "Letters",
            Context::Comments => "Comments",
            Context::Draft => "Draft",
            Context::Recovery => "Recovery (unsaved text from the journal)",
            Context::Conflict => "Conflict (changed here and on disk)",
            Context::Export => "Export (write the response letter)",
        }
    }
}

/// How many of a pane's own hints come before the global ones in the status bar.
pub const LEAD_HINTS: usize = 8;

/// All bindings, per context. Earlier bindings win over later ones for the same key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Keymap {
    /// Bindings that apply in every pane.
    pub global: Vec<Binding>,
    /// Bindings of the Letters pane.
    pub letters: Vec<Binding>,
    /// Bindings of the Comments pane.
    pub comments: Vec<Binding>,
    /// Bindings of the Draft pane.
    pub draft: Vec<Binding>,
    /// Bindings of the recovery dialog.
    pub recovery: Vec<Binding>,
    /// Bindings of the conflict dialog.
    pub conflict: Vec<Binding>,
    /// Bindings of the export prompt.
    pub export: Vec<Binding>,
}

/// A key-hint or help entry: the keys that run a command and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, in keymap order, shadowed keys left out.
    pub keys: Vec<KeyChord>,
    /// The binding's description.
    pub desc: String,
}

impl Keymap {
    /// The bindings of one context.
    pub fn bindings(&self, context: Context) -> &[Binding] {
        match context {
            Context::Global => &self.global,
            Context::Letters => &self.letters,
            Context::Comments => &self.comments,
            Context::Draft => &self.draft,
            Context::Recovery => &self.recovery,
            Context::Conflict => &self.conflict,
            Context::Export => &self.export,
        }
    }

    /// Put `other`'s bindings in front of ours, context by context, so they win.
    pub fn prepend(&mut self, other: Keymap) {
        for (mine, mut theirs) in [
            (&mut self.global, other.global),
            (&mut self.letters, other.letters),
            (&mut self.comments, other.comments),
            (&mut self.draft, other.draft),
            (&mut self.recovery, other.recovery),
            (&mut self.conflict, other.conflict),
            (&mut self.export, other.export),
        ] {
            theirs.append(mine);
            *mine = theirs;
        }
    }

    /// What `key` runs in a pane's `context`: the pane's bindings first, then the global
    /// ones (except printable keys in the editor).
    pub fn lookup(&self, context: impl Into<Context>, key: KeyChord) -> Option<Command> {
        let context = context.into();
        let find =
            |bindings: &[Binding]| bindings.iter().find(|b| b.on.contains(&key)).map(|b| b.run);
        find(self.bindings(context)).or_else(|| {
            if context == Context::Draft && key.is_printable() {
                None
            } else {
                find(&self.global)
            }
        })
    }

    /// What `key` runs in a dialog's `context` (its own bindings, then help and force quit).
    pub fn lookup_dialog(&self, context: Context, key: KeyChord) -> Option<Command> {
        let find =
            |bindings: &[Binding]| bindings.iter().find(|b| b.on.contains(&key)).map(|b| b.run);
        find(self.bindings(context)).or_else(|| {
            find(&self.global).filter(|c| matches!(c, Command::Help | Command::ForceQuit))
        })
    }

    /// The key to name in a message about `command` in `context` (a pane's or the
    /// global one): the first key that runs it there, for the screen; `<unbound>` when
    /// none does.
    pub fn key_for(&self, context: Context, command: Command) -> String {
        self.bindings(context)
            .iter()
            .chain(&self.global)
            .filter(|b| b.run == command)
            .flat_map(|b| b.on.iter().copied())
            .find(|&key| self.lookup(context, key) == Some(command))
            .map_or_else(
                || "<unbound>".to_owned(),
                |key| sanitize(&key.to_string()).into_owned(),
            )
    }

    /// A context's entries with the keys that actually reach them.
    pub fn hints(&self, context: Context) -> Vec<Hint> {
        effective(self.bindings(context), &[], |_| true)
    }

    /// The key hints of a pane, most useful first: its first `LEAD_HINTS` entries, the
    /// global ones that reach it, then the rest of its own.
    pub fn pane_hints(&self, pane: impl Into<Context>) -> Vec<Hint> {
        let pane = pane.into();
        let own = self.bindings(pane);
        let mut hints = effective(own, &[], |_| true);
        let rest = hints.split_off(hints.len().min(LEAD_HINTS));
        let taken: Vec<KeyChord> = own.iter().flat_map(|b| b.on.iter().copied()).collect();
        hints.extend(effective(&self.global, &taken, |k| {
            pane != Context::Draft || !k.is_printable()
        }));
        hints.extend(rest);
        hints
    }
}

/// Bindings with the keys that reach them: not shadowed by an earlier binding or by `taken`,
/// and accepted by `reaches`. Bindings left without keys are dropped.
fn effective(
    bindings: &[Binding],
    taken: &[KeyChord],
    reaches: impl Fn(KeyChord) -> bool,
) -> Vec<Hint> {
    let mut seen: Vec<KeyChord> = taken.to_vec();
    let mut hints = Vec::new();
    for binding in bindings {
        let keys: Vec<KeyChord> = binding
            .on
            .iter()
            .copied()
            .filter(|k| !seen.contains(k) && reaches(*k))
            .collect();
        seen.extend(binding.on.iter().copied());
        if !keys.is_empty() {
            hints.push(Hint {
                keys,
                desc: binding.desc.clone(),
            });
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(s: &str) -> KeyChord {
        s.parse().unwrap()
    }

    #[test]
    fn parses_names_and_modifiers() {
        assert_eq!(
            chord("j"),
            KeyChord::new(KeyCode::Char('j'), false, false, false)
        );
        assert_eq!(
            chord("G"),
            KeyChord::new(KeyCode::Char('G'), false, false, false)
        );
        assert_eq!(
            chord("ctrl-s"),
            KeyChord::new(KeyCode::Char('s'), true, false, false)
        );
        assert_eq!(
            chord("shift-tab"),
            KeyChord::new(KeyCode::BackTab, false, false, false)
        );
        assert_eq!(
            chord("alt-backspace"),
            KeyChord::new(KeyCode::Backspace, false, true, false)
        );
        assert_eq!(
            chord("-"),
            KeyChord::new(KeyCode::Char('-'), false, false, false)
        );
        assert_eq!(
            chord("ctrl--"),
            KeyChord::new(KeyCode::Char('-'), true, false, false)
        );
        assert_eq!(
            chord("f1"),
            KeyChord::new(KeyCode::F(1), false, false, false)
        );
        assert_eq!(
            chord("space"),
            KeyChord::new(KeyCode::Char(' '), false, false, false)
        );
        assert!("nope".parse::<KeyChord>().is_err());
        assert!("ctrl-".parse::<KeyChord>().is_err());
    }

    #[test]
    fn events_normalise_like_the_keymap() {
        let ev = |code, mods| KeyChord::from_event(KeyEvent::new(code, mods));
        assert_eq!(ev(KeyCode::Char('G'), KeyModifiers::SHIFT), chord("G"));
        assert_eq!(
            ev(KeyCode::BackTab, KeyModifiers::SHIFT),
            chord("shift-tab")
        );
        assert_eq!(
            ev(KeyCode::Char('s'), KeyModifiers::CONTROL),
            chord("ctrl-s")
        );
        assert_eq!(
            ev(
                KeyCode::Char('Z'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            chord("ctrl-shift-z")
        );
        assert_eq!(chord("ctrl-Z"), chord("ctrl-shift-z"));
        assert_ne!(chord("ctrl-z"), chord("ctrl-shift-z"));
        assert_eq!(ev(KeyCode::Down, KeyModifiers::NONE), chord("down"));
    }

    #[test]
    fn displays_readably() {
        assert_eq!(chord("ctrl-s").to_string(), "Ctrl-s");
        assert_eq!(chord("down").to_string(), "↓");
        assert_eq!(chord("shift-tab").to_string(), "Shift-Tab");
        assert_eq!(chord("pgdown").to_string(), "PgDn");
    }
}
