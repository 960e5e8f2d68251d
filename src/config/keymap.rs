//! Keys as data: bindings per context, the key hints, and what a key runs where.

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

/// Declares the contexts once, in the help's order: the [`Context`] enum, each one's
/// `[keymap]` section and help title, and the [`Keymap`] field holding its bindings. A new
/// dialog with keys of its own is one line here and its section in `config/default.toml`.
macro_rules! contexts {
    ($( $(#[doc = $doc:literal])* $context:ident => $section:ident, $title:literal; )*) => {
        /// Where a binding applies.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Context {
            $( $(#[doc = $doc])* $context, )*
        }

        impl Context {
            /// Every context, in the help's order.
            pub const ALL: [Context; [$(stringify!($context)),*].len()] =
                [$(Context::$context),*];

            /// The context's section of `[keymap]` in the config file.
            pub fn section(self) -> &'static str {
                match self {
                    $( Context::$context => stringify!($section), )*
                }
            }

            /// The name used in the help.
            pub fn title(self) -> &'static str {
                match self {
                    $( Context::$context => $title, )*
                }
            }
        }

        /// All bindings, per context. Earlier bindings win over later ones for the same key.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct Keymap {
            $(
                #[doc = concat!("Bindings of the `", stringify!($section), "` section: ", $title, ".")]
                pub $section: Vec<Binding>,
            )*
        }

        impl Keymap {
            /// The bindings of one context.
            pub fn bindings(&self, context: Context) -> &[Binding] {
                match context {
                    $( Context::$context => &self.$section, )*
                }
            }

            /// The bindings of one context, to change.
            pub fn bindings_mut(&mut self, context: Context) -> &mut Vec<Binding> {
                match context {
                    $( Context::$context => &mut self.$section, )*
                }
            }
        }
    };
}

contexts! {
    /// Everywhere (printable keys excepted in the editor, where they type).
    Global => global, "Global";
    /// The Letters pane.
    Letters => letters, "Letters";
    /// The Comments pane.
    Comments => comments, "Comments";
    /// The Draft pane (the editor).
    Draft => draft, "Draft";
    /// The dialog offering unsaved text found in the journal at start-up.
    Recovery => recovery, "Recovery (unsaved text from the journal)";
    /// The dialog showing a comment changed both here and on disk.
    Conflict => conflict, "Conflict (changed here and on disk)";
    /// The prompt choosing the format of an export.
    Export => export, "Export (write the response letter)";
    /// A question one key answers (yes or no, and the like).
    Question => question, "Questions (asked in a dialog)";
    /// The search prompt in the status bar (other keys type the query).
    Search => search, "Search prompt (other keys type)";
    /// The command line and the letter filter in the status bar (other keys type).
    Command => command, "Command line `:` and letter filter `/` (other keys type)";
    /// The help overlay (other keys close it).
    Help => help, "Help (other keys close it)";
    /// The precedent overlay: similar comments of other letters and their answers.
    Precedent => precedent, "Precedent (similar comments and their answers)";
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
}

impl Keymap {
    /// Put `other`'s bindings in front of ours, context by context, so they win.
    pub fn prepend(&mut self, mut other: Keymap) {
        for context in Context::ALL {
            let mut theirs = std::mem::take(other.bindings_mut(context));
            let mine = self.bindings_mut(context);
            theirs.append(mine);
            *mine = theirs;
        }
    }

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
            .or_else(|| find(&self.global, true))
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
            find(&self.global).filter(|c| matches!(c, Command::Help | Command::ForceQuit))
        })
    }

    /// The keys to name in a message about `command` in `context` (a pane's or the
    /// global one): the first keys that run it there, for the screen; `<unbound>` when
    /// none do.
    pub fn key_for(&self, context: Context, command: Command) -> String {
        self.bindings(context)
            .iter()
            .chain(&self.global)
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
        effective(self.bindings(context), &[], |_| true)
    }

    /// The key hints of a pane, most useful first: its first `LEAD_HINTS` entries, the
    /// global ones that reach it, then the rest of its own.
    pub fn pane_hints(&self, pane: impl Into<Context>) -> Vec<Hint> {
        let pane = pane.into();
        let own = self.bindings(pane);
        let mut hints = effective(own, &[], |_| true);
        let rest = hints.split_off(hints.len().min(LEAD_HINTS));
        let taken: Vec<KeySeq> = own.iter().flat_map(|b| b.on.iter().copied()).collect();
        hints.extend(effective(&self.global, &taken, |k| {
            pane != Context::Draft || !k.first().is_printable()
        }));
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
            });
        }
    }
    hints
}
