//! Keys as the keymap writes them: `"j"`, `"G"`, `"down"`, `"ctrl-s"`, and how they show.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn chord(s: &str) -> KeyChord {
        s.parse().unwrap()
    }

    #[test]
    fn parses_names_and_modifiers() {
        // (written, key, ctrl, alt, shift)
        let cases = [
            ("j", KeyCode::Char('j'), false, false, false),
            ("G", KeyCode::Char('G'), false, false, false),
            ("ctrl-s", KeyCode::Char('s'), true, false, false),
            ("shift-tab", KeyCode::BackTab, false, false, false),
            ("alt-backspace", KeyCode::Backspace, false, true, false),
            ("-", KeyCode::Char('-'), false, false, false),
            ("ctrl--", KeyCode::Char('-'), true, false, false),
            ("f1", KeyCode::F(1), false, false, false),
            ("space", KeyCode::Char(' '), false, false, false),
        ];
        for (written, code, ctrl, alt, shift) in cases {
            assert_eq!(
                chord(written),
                KeyChord::new(code, ctrl, alt, shift),
                "{written}"
            );
        }
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
