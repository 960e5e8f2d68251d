//! Keys as data: the sections of `[keymap]` (those of `config/default.toml`, in its
//! order), the key hints, and what a key runs where.

use serde::Deserialize;

use super::command::Command;
use super::key::KeyChord;
use super::sequence::KeySeq;
use crate::text::sanitize;

/// One keymap entry: `{ on = ["j", "down"], run = "down", desc = "next comment" }`; a
/// key typed after another is written after it: `on = ["g g"]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// The keys that run it.
    pub on: Vec<KeySeq>,
    /// What it runs.
    pub run: Command,
    /// What it does, for the key hints and the help.
    pub desc: String,
}

/// Where a binding applies: one of the panes' sections, the global one, or a dialog's.
/// Each is a section of `[keymap]` in `config/default.toml`; a dialog names its section
/// where it is declared (the interface's `overlays!` table), so a dialog with keys of its
/// own adds no line here.
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
    /// A dialog or prompt: its section's name.
    Dialog(&'static str),
}

impl Context {
    /// The context's section of `[keymap]` in the config file.
    pub fn section(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Letters => "letters",
            Context::Comments => "comments",
            Context::Draft => "draft",
            Context::Dialog(section) => section,
        }
    }
}

/// One section of the keymap: its name, its title in the help, its bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Section {
    name: String,
    title: String,
    bindings: Vec<Binding>,
}

/// All bindings, section by section in the built-in file's order (the help's). Earlier
/// bindings win over later ones for the same key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Keymap {
    sections: Vec<Section>,
}

impl Keymap {
    /// A keymap of `sections` (name, title in the help, bindings), in the help's order.
    pub(super) fn new(sections: impl IntoIterator<Item = (String, String, Vec<Binding>)>) -> Self {
        let sections = sections
            .into_iter()
            .map(|(name, title, bindings)| Section {
                name,
                title,
                bindings,
            })
            .collect();
        Self { sections }
    }

    /// Whether `section` is one of the keymap's.
    pub(super) fn has(&self, section: &str) -> bool {
        self.sections.iter().any(|s| s.name == section)
    }

    /// The sections in the help's order: each one's name and title.
    pub fn sections(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sections
            .iter()
            .map(|s| (s.name.as_str(), s.title.as_str()))
    }

    /// The bindings of one context (none when the keymap has no such section).
    pub fn bindings(&self, context: Context) -> &[Binding] {
        self.section(context.section())
    }

    /// The bindings of the section named `name`.
    pub fn section(&self, name: &str) -> &[Binding] {
        self.sections
            .iter()
            .find(|s| s.name == name)
            .map_or(&[], |s| &s.bindings)
    }

    /// Put `other`'s bindings, section by section, in front of ours, so they win.
    pub(super) fn prepend(&mut self, other: Vec<(String, Vec<Binding>)>) {
        for (name, mut theirs) in other {
            if let Some(section) = self.sections.iter_mut().find(|s| s.name == name) {
                theirs.append(&mut section.bindings);
                section.bindings = theirs;
            }
        }
    }
}

/// How many of a pane's own hints come before the global ones in the status bar.
pub const LEAD_HINTS: usize = 8;

/// A key-hint or help entry: the keys that run a command and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, in keymap order, shadowed keys left out.
    pub keys: Vec<KeySeq>,
    /// The binding's description.
    pub desc: String,
    /// What it runs.
    pub run: Command,
}

impl Keymap {
    /// What `key` runs in a pane's `context`, typed alone: the pane's bindings first,
    /// then the global ones (except printable keys in the editor).
    pub fn lookup(&self, context: impl Into<Context>, key: KeyChord) -> Option<Command> {
        match self.lookup_after(context, None, key) {
            Found::Run(command) => Some(command),
            Found::Pending | Found::Nothing => None,
        }
    }

    /// What `key` does in a pane's `context` after the first key of a sequence
    /// (`pending`) or alone: runs a command, starts a sequence, or nothing. The pane's
    /// bindings come first, then the global ones (except printable keys in the
    /// editor); among them the earliest binding of the key wins.
    pub fn lookup_after(
        &self,
        context: impl Into<Context>,
        pending: Option<KeyChord>,
        key: KeyChord,
    ) -> Found {
        let context = context.into();
        let find = |bindings: &[Binding], global: bool| {
            bindings.iter().find_map(|b| {
                b.on.iter().find_map(|seq| {
                    if global && context == Context::Draft && seq.first().is_printable() {
                        return None;
                    }
                    match pending {
                        None if seq.first() == key && seq.then().is_some() => Some(Found::Pending),
                        None if seq.first() == key => Some(Found::Run(b.run)),
                        Some(first) if seq.first() == first && seq.then() == Some(key) => {
                            Some(Found::Run(b.run))
                        }
                        _ => None,
                    }
                })
            })
        };
        find(self.bindings(context), false)
            .or_else(|| find(self.bindings(Context::Global), true))
            .unwrap_or(Found::Nothing)
    }

    /// What `keys` run in a pane's `context`, typed one after the other.
    fn runs(&self, context: Context, keys: KeySeq) -> Option<Command> {
        match keys.then() {
            None => self.lookup(context, keys.first()),
            Some(then) => match self.lookup_after(context, None, keys.first()) {
                Found::Pending => match self.lookup_after(context, Some(keys.first()), then) {
                    Found::Run(command) => Some(command),
                    Found::Pending | Found::Nothing => None,
                },
                Found::Run(_) | Found::Nothing => None,
            },
        }
    }

    /// What `key` runs in a dialog's `context` (its own bindings, then help and force
    /// quit; dialogs take single keys).
    pub fn lookup_dialog(&self, context: Context, key: KeyChord) -> Option<Command> {
        let single = KeySeq::from(key);
        let find = |bindings: &[Binding]| {
            bindings
                .iter()
                .find(|b| b.on.contains(&single))
                .map(|b| b.run)
        };
        find(self.bindings(context)).or_else(|| {
            find(self.bindings(Context::Global))
                .filter(|c| matches!(c, Command::Help | Command::ForceQuit))
        })
    }

    /// The keys to name in a message about `command` in `context` (a pane's or the
    /// global one): the first keys that run it there, for the screen; `<unbound>` when
    /// none do.
    pub fn key_for(&self, context: Context, command: Command) -> String {
        self.bindings(context)
            .iter()
            .chain(self.bindings(Context::Global))
            .filter(|b| b.run == command)
            .flat_map(|b| b.on.iter().copied())
            .find(|&keys| self.runs(context, keys) == Some(command))
            .map_or_else(
                || "<unbound>".to_owned(),
                |keys| sanitize(&keys.to_string()).into_owned(),
            )
    }

    /// A context's entries with the keys that actually reach them.
    pub fn hints(&self, context: Context) -> Vec<Hint> {
        self.section_hints(context.section())
    }

    /// A section's entries with the keys that actually reach them.
    pub fn section_hints(&self, section: &str) -> Vec<Hint> {
        effective(self.section(section), &[], |_| true)
    }

    /// The key hints of a pane, most useful first: its first `LEAD_HINTS` entries, the
    /// global ones that reach it, then the rest of its own; of those, the ones whose
    /// command `shown` keeps (those that do something now).
    pub fn pane_hints(
        &self,
        pane: impl Into<Context>,
        shown: impl Fn(Command) -> bool,
    ) -> Vec<Hint> {
        let pane = pane.into();
        let own = self.bindings(pane);
        let mut hints = effective(own, &[], |_| true);
        hints.retain(|h| shown(h.run));
        let rest = hints.split_off(hints.len().min(LEAD_HINTS));
        let taken: Vec<KeySeq> = own.iter().flat_map(|b| b.on.iter().copied()).collect();
        let global = effective(self.bindings(Context::Global), &taken, |k| {
            pane != Context::Draft || !k.first().is_printable()
        });
        hints.extend(global.into_iter().filter(|h| shown(h.run)));
        hints.extend(rest);
        hints
    }
}

/// What a key does where it is typed (see [`Keymap::lookup_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// It runs the command (alone, or ending a sequence).
    Run(Command),
    /// It starts a sequence: the next key says what runs.
    Pending,
    /// It is not bound there.
    Nothing,
}

/// Bindings with the keys that reach them: not shadowed by an earlier binding or by `taken`,
/// and accepted by `reaches`. Bindings left without keys are dropped.
fn effective(
    bindings: &[Binding],
    taken: &[KeySeq],
    reaches: impl Fn(KeySeq) -> bool,
) -> Vec<Hint> {
    let mut seen: Vec<KeySeq> = taken.to_vec();
    let mut hints = Vec::new();
    for binding in bindings {
        let keys: Vec<KeySeq> = binding
            .on
            .iter()
            .copied()
            .filter(|&k| !seen.iter().any(|s| s.shadows(k)) && reaches(k))
            .collect();
        seen.extend(binding.on.iter().copied());
        if !keys.is_empty() {
            hints.push(Hint {
                keys,
                desc: binding.desc.clone(),
                run: binding.run,
            });
        }
    }
    hints
}
