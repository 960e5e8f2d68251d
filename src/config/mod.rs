//! The config file and everything it declares: the built-in `config/default.toml`,
//! overridden by the user's file. Keys (`keymap`, `command`), colours and marks
//! (`theme`) and `limits`; the `[export]` table is read by the export itself. Shared
//! by the command line and the interface, and free of both.

mod command;
mod editing;
mod help;
mod key;
mod keymap;
mod limits;
mod precedent;
mod sequence;
mod theme;
mod workspace;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::index::MB;
pub use command::Command;
use editing::{ClipboardFile, SpellingFile};
pub use editing::{DEFAULT_DICTIONARY, Editing};
pub use help::{HelpRow, help_rows};
pub use key::KeyChord;
pub use keymap::{Binding, Context, Found, Hint, Keymap};
pub use limits::Limits;
pub use precedent::Precedent;
use precedent::PrecedentFile;
pub use sequence::KeySeq;
pub use theme::{Colors, Marks, Theme};
use workspace::WorkspaceFile;
pub use workspace::{LETTERS_WIDTH, Workspace};

/// The built-in configuration.
const DEFAULT: &str = include_str!("../../config/default.toml");

/// A config file as written: every part optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    keymap: RawKeymap,
    colors: Colors,
    marks: Marks,
    limits: LimitsFile,
    clipboard: ClipboardFile,
    spelling: SpellingFile,
    workspace: WorkspaceFile,
    precedent: PrecedentFile,
    /// The `[export]` table: read by the export itself (`ExportSettings`), accepted here.
    #[allow(dead_code)]
    export: toml::Table,
}

/// The `[keymap]` table as written: each binding with where it stands in the file, so
/// one that cannot be used is skipped and named (file and line) instead of the whole
/// file being ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
struct RawKeymap(std::collections::BTreeMap<String, Vec<toml::Spanned<toml::Value>>>);

impl RawKeymap {
    /// The bindings that can be used, section by section; each one that cannot is said
    /// in `problems` as `file:line: why`, and so is a section `known` does not accept.
    /// Ctrl-c is never bound to anything but saving and quitting, so a config binding
    /// every key still leaves a way out.
    fn bindings(
        self,
        text: &str,
        file: &Path,
        known: impl Fn(&str) -> bool,
        problems: &mut Vec<String>,
    ) -> Vec<(String, Vec<Binding>)> {
        let place = |at: usize| {
            let line = text[..at.min(text.len())].matches('\n').count() + 1;
            format!("{}:{line}", file.display())
        };
        let ctrl_c: KeyChord = "ctrl-c".parse().expect("a valid key");
        let mut sections = Vec::new();
        for (section, entries) in self.0 {
            if !known(&section) {
                let at = entries.first().map_or(0, |e| e.span().start);
                problems.push(format!(
                    "{}: unknown keymap section `{section}`; its keys are not used",
                    place(at)
                ));
                continue;
            }
            let mut bindings = Vec::new();
            for entry in entries {
                let at = entry.span().start;
                match entry.into_inner().try_into::<Binding>() {
                    Ok(mut binding) => {
                        if binding.run != Command::ForceQuit
                            && binding.on.iter().any(|k| k.first() == ctrl_c)
                        {
                            binding.on.retain(|k| k.first() != ctrl_c);
                            problems.push(format!(
                                "{}: ctrl-c always saves and quits; it is not bound to `{}`",
                                place(at),
                                binding.desc
                            ));
                        }
                        if !binding.on.is_empty() {
                            bindings.push(binding);
                        }
                    }
                    Err(e) => problems.push(format!(
                        "{}: {}; this binding is skipped",
                        place(at),
                        e.message().trim()
                    )),
                }
            }
            sections.push((section, bindings));
        }
        sections
    }
}

/// The `[limits]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LimitsFile {
    max_letter_mb: Option<u64>,
}

impl Limits {
    /// The limits a `[limits]` table sets.
    fn of(file: &LimitsFile) -> Limits {
        Limits {
            max_letter_bytes: file
                .max_letter_mb
                .map_or(crate::index::DEFAULT_MAX_LETTER_BYTES, |mb| {
                    mb.saturating_mul(MB)
                }),
        }
    }
}

/// Keys, colours and marks in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The key bindings.
    pub keymap: Keymap,
    /// The styles.
    pub theme: Theme,
    /// The status marks.
    pub marks: Marks,
    /// Size limits.
    pub limits: Limits,
    /// The clipboard and spelling.
    pub editing: Editing,
    /// The panes' widths, the mouse, who "me" is.
    pub workspace: Workspace,
    /// Precedent search: the research libraries.
    pub precedent: Precedent,
}

impl Config {
    /// The built-in configuration, with colours unless `no_color`.
    pub fn builtin(no_color: bool) -> Self {
        let mut file = builtin_file();
        let keymap = builtin_keymap(&mut file);
        Self::from_file(
            file,
            keymap,
            no_color,
            Default::default(),
            Default::default(),
            Default::default(),
        )
    }

    /// The `[limits]` in effect with the config file at `path` and what is wrong with
    /// the file, as [`Config::load`] finds them; without a file, the built-in ones are
    /// read from their own table alone (a command that needs only the limits, such as
    /// `status`, does not parse the whole built-in configuration at each run).
    pub fn load_limits(path: Option<&Path>) -> (Limits, Option<String>) {
        let absent = path.is_none_or(|path| {
            std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        });
        if absent && let Some(limits) = builtin_limits() {
            return (limits, None);
        }
        let (config, problem) = Self::load(path, true);
        (config.limits, problem)
    }

    /// The built-in configuration overridden by the text of a user file. The error names the
    /// file and line, e.g. `config.toml:3: unknown variant `foo``: of a file that does not
    /// parse, or of its first binding that cannot be used.
    pub fn with_user(text: &str, file: &Path, no_color: bool) -> Result<Self, String> {
        let (config, problems) = Self::with_user_skipping(text, file, no_color)?;
        match problems.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(config),
        }
    }

    /// [`Config::with_user`], but a binding that cannot be used (an unknown `run` name, a
    /// key that does not exist, Ctrl-c bound to something else) is skipped and named in
    /// the problems returned, and the rest of the file is kept. A file that does not
    /// parse, or whose other tables are wrong, is still an error as a whole.
    pub fn with_user_skipping(
        text: &str,
        file: &Path,
        no_color: bool,
    ) -> Result<(Self, Vec<String>), String> {
        let user: File = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let place = match line {
                Some(line) => format!("{}:{line}", file.display()),
                None => file.display().to_string(),
            };
            format!("{place}: {}", e.message().trim())
        })?;
        let mut problems = Vec::new();
        let mut builtin = builtin_file();
        let mut keymap = builtin_keymap(&mut builtin);
        let known = |section: &str| keymap.has(section);
        let user_keys = user.keymap.bindings(text, file, known, &mut problems);
        keymap.prepend(user_keys);
        builtin.colors = builtin.colors.overlay(user.colors);
        builtin.marks = builtin.marks.overlay(user.marks);
        if user.limits.max_letter_mb.is_some() {
            builtin.limits = user.limits;
        }
        let editing = (user.clipboard, user.spelling);
        Ok((
            Self::from_file(
                builtin,
                keymap,
                no_color,
                editing,
                user.workspace,
                user.precedent,
            ),
            problems,
        ))
    }

    /// Load the configuration: the user file at `path` if it exists, else the built-in one.
    /// When the user file cannot be read or parsed, the built-in configuration is returned
    /// with the error to show.
    pub fn load(path: Option<&Path>, no_color: bool) -> (Self, Option<String>) {
        let Some(path) = path else {
            return (Self::builtin(no_color), None);
        };
        match std::fs::read_to_string(path) {
            Ok(text) => match Self::with_user_skipping(&text, path, no_color) {
                Ok((config, problems)) if problems.is_empty() => (config, None),
                Ok((config, problems)) => {
                    (config, Some(format!("config: {}", problems.join("; "))))
                }
                Err(e) => (
                    Self::builtin(no_color),
                    Some(format!("config ignored: {e}")),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::builtin(no_color), None),
            Err(e) => (
                Self::builtin(no_color),
                Some(format!("config ignored: {}: {e}", path.display())),
            ),
        }
    }

    fn from_file(
        file: File,
        keymap: Keymap,
        no_color: bool,
        user_editing: (ClipboardFile, SpellingFile),
        user_workspace: WorkspaceFile,
        user_precedent: PrecedentFile,
    ) -> Self {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        Self {
            precedent: Precedent::new(file.precedent, user_precedent, home.as_deref()),
            editing: Editing::new((file.clipboard, file.spelling), user_editing),
            workspace: Workspace::new(file.workspace, user_workspace),
            keymap,
            theme: Theme::new(file.colors, no_color),
            marks: file.marks,
            limits: Limits::of(&file.limits),
        }
    }
}

/// The built-in `[limits]`, from that table of the built-in file alone.
fn builtin_limits() -> Option<Limits> {
    #[derive(Deserialize)]
    struct Only {
        limits: LimitsFile,
    }
    let start = DEFAULT.find("\n[limits]\n")? + 1;
    let table = &DEFAULT[start..];
    let end = table[1..].find("\n[").map_or(table.len(), |at| at + 2);
    let only: Only = toml::from_str(&table[..end]).ok()?;
    Some(Limits::of(&only.limits))
}

fn builtin_file() -> File {
    toml::from_str(DEFAULT).expect("config/default.toml is valid (tested)")
}

/// The built-in bindings, taken out of the built-in `file`: its `[keymap]` sections in
/// the file's order, which is the help's, each titled in the help by the comment above it.
fn builtin_keymap(file: &mut File) -> Keymap {
    let mut problems = Vec::new();
    let mut sections = std::mem::take(&mut file.keymap).bindings(
        DEFAULT,
        Path::new("default.toml"),
        |_| true,
        &mut problems,
    );
    debug_assert!(problems.is_empty(), "config/default.toml: {problems:?}");
    let document: toml_edit::DocumentMut = DEFAULT
        .parse()
        .expect("config/default.toml is valid (tested)");
    let table = document["keymap"]
        .as_table()
        .expect("config/default.toml has a [keymap] table (tested)");
    Keymap::new(table.iter().map(|(name, _)| {
        let title = table
            .key(name)
            .and_then(|key| key.leaf_decor().prefix())
            .and_then(|prefix| prefix.as_str())
            .and_then(|prefix| {
                prefix
                    .lines()
                    .rev()
                    .find_map(|l| l.trim().strip_prefix('#'))
            })
            .map_or_else(|| name.to_owned(), |title| title.trim().to_owned());
        let at = sections.iter().position(|(n, _)| n == name);
        let bindings = at.map(|at| sections.swap_remove(at).1).unwrap_or_default();
        (name.to_owned(), title, bindings)
    }))
}

/// The config file in effect: `given` (a `--config` option), else the user's
/// ([`user_config_path`], from the environment).
pub fn config_file(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_owned).or_else(|| {
        let xdg = std::env::var("XDG_CONFIG_HOME").ok();
        let home = std::env::var("HOME").ok();
        user_config_path(xdg.as_deref(), home.as_deref())
    })
}

/// Where the user's config file lives: `$XDG_CONFIG_HOME/letterdesk/config.toml`, else
/// `$HOME/.config/letterdesk/config.toml`. Values are passed in so this stays pure.
pub fn user_config_path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let base = match xdg_config_home.filter(|s| !s.is_empty()) {
        Some(xdg) => PathBuf::from(xdg),
        None => PathBuf::from(home.filter(|s| !s.is_empty())?).join(".config"),
    };
    Some(base.join("letterdesk").join("config.toml"))
}

#[cfg(test)]
mod tests;
