//! The config file and everything it declares: the built-in `config/default.toml`,
//! overridden by the user's file. Keys ([`keymap`], [`command`]), colours and marks
//! ([`theme`]) and [`limits`]; the `[export]` table is read by the export itself. Shared
//! by the command line and the interface, and free of both.

mod command;
mod editing;
mod help;
mod key;
mod keymap;
mod limits;
mod precedent;
mod theme;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::index::MB;
pub use command::Command;
use editing::{ClipboardFile, SpellingFile};
pub use editing::{DEFAULT_DICTIONARY, Editing};
pub use help::{HelpRow, help_height, help_rows};
pub use key::KeyChord;
pub use keymap::{Binding, Context, Hint, Keymap};
pub use limits::Limits;
pub use precedent::Precedent;
use precedent::PrecedentFile;
pub use theme::{Colors, Marks, Theme};

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
    /// The bindings that can be used; each one that cannot is said in `problems` as
    /// `file:line: why`. Ctrl-c is never bound to anything but saving and quitting, so
    /// a config binding every key still leaves a way out.
    fn bindings(self, text: &str, file: &Path, problems: &mut Vec<String>) -> Keymap {
        let place = |at: usize| {
            let line = text[..at.min(text.len())].matches('\n').count() + 1;
            format!("{}:{line}", file.display())
        };
        let ctrl_c: KeyChord = "ctrl-c".parse().expect("a valid key");
        let mut keymap = Keymap::default();
        for (section, entries) in self.0 {
            let bindings = match Context::ALL.into_iter().find(|c| c.section() == section) {
                Some(context) => keymap.bindings_mut(context),
                None => {
                    let at = entries.first().map_or(0, |e| e.span().start);
                    problems.push(format!(
                        "{}: unknown keymap section `{section}`; its keys are not used",
                        place(at)
                    ));
                    continue;
                }
            };
            for entry in entries {
                let at = entry.span().start;
                match entry.into_inner().try_into::<Binding>() {
                    Ok(mut binding) => {
                        if binding.run != Command::ForceQuit && binding.on.contains(&ctrl_c) {
                            binding.on.retain(|k| *k != ctrl_c);
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
        }
        keymap
    }
}

/// The `[limits]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LimitsFile {
    max_letter_mb: Option<u64>,
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
        )
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
        keymap.prepend(user.keymap.bindings(text, file, &mut problems));
        builtin.colors = builtin.colors.overlay(user.colors);
        builtin.marks = builtin.marks.overlay(user.marks);
        if user.limits.max_letter_mb.is_some() {
            builtin.limits = user.limits;
        }
        let editing = (user.clipboard, user.spelling);
        Ok((
            Self::from_file(builtin, keymap, no_color, editing, user.precedent),
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
        user_precedent: PrecedentFile,
    ) -> Self {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        Self {
            precedent: Precedent::new(file.precedent, user_precedent, home.as_deref()),
            editing: Editing::new((file.clipboard, file.spelling), user_editing),
            keymap,
            theme: Theme::new(file.colors, no_color),
            marks: file.marks,
            limits: Limits {
                max_letter_bytes: file
                    .limits
                    .max_letter_mb
                    .map_or(crate::index::DEFAULT_MAX_LETTER_BYTES, |mb| {
                        mb.saturating_mul(MB)
                    }),
            },
        }
    }
}

fn builtin_file() -> File {
    toml::from_str(DEFAULT).expect("config/default.toml is valid (tested)")
}

/// The built-in bindings, taken out of the built-in `file`.
fn builtin_keymap(file: &mut File) -> Keymap {
    let mut problems = Vec::new();
    let keymap = std::mem::take(&mut file.keymap).bindings(
        DEFAULT,
        Path::new("default.toml"),
        &mut problems,
    );
    debug_assert!(problems.is_empty(), "config/default.toml: {problems:?}");
    keymap
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
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_binds_every_context() {
        let config = Config::builtin(false);
        for context in Context::ALL {
            assert!(!config.keymap.bindings(context).is_empty(), "{context:?}");
        }
        assert_eq!(config.marks.of(crate::drafts::Status::Resolved), "✓");
    }

    #[test]
    fn user_bindings_win_and_defaults_remain() {
        let text = "[keymap]\ncomments = [{ on = [\"x\"], run = \"toggle_resolved\", desc = \"resolve\" },\n { on = [\"j\"], run = \"up\", desc = \"up\" }]\n";
        let config = Config::with_user(text, Path::new("c.toml"), false).unwrap();
        let key = |s: &str| s.parse().unwrap();
        assert_eq!(
            config.keymap.lookup(Context::Comments, key("x")),
            Some(Command::ToggleResolved)
        );
        assert_eq!(
            config.keymap.lookup(Context::Comments, key("j")),
            Some(Command::Up)
        );
        assert_eq!(
            config.keymap.lookup(Context::Comments, key("r")),
            Some(Command::ToggleResolved)
        );
    }

    #[test]
    fn messages_name_the_keys_in_effect() {
        let builtin = Config::builtin(false).keymap;
        assert_eq!(builtin.key_for(Context::Letters, Command::Open), "Enter");
        assert_eq!(
            builtin.key_for(Context::Letters, Command::ShowRecovery),
            "J"
        );
        assert_eq!(builtin.key_for(Context::Global, Command::Quit), "q");
        let text = "[keymap]\nletters = [{ on = [\"o\"], run = \"open\", desc = \"open\" }, { on = [\"enter\"], run = \"down\", desc = \"down\" }]\ncomments = [{ on = [\"c\"], run = \"edit\", desc = \"edit\" }]\n";
        let user = Config::with_user(text, Path::new("c.toml"), false)
            .unwrap()
            .keymap;
        assert_eq!(user.key_for(Context::Letters, Command::Open), "o");
        // `c` is taken by another command: the conflict has no key left in Comments.
        assert_eq!(
            user.key_for(Context::Comments, Command::ShowConflict),
            "<unbound>"
        );
    }

    #[test]
    fn user_colours_and_marks_override_one_by_one() {
        let text = "[marks]\nresolved = \"[x]\"\n[colors]\nfocus = \"red\"\n";
        let config = Config::with_user(text, Path::new("c.toml"), false).unwrap();
        assert_eq!(config.marks.of(crate::drafts::Status::Resolved), "[x]");
        assert_eq!(config.marks.of(crate::drafts::Status::Open), "○");
    }

    #[test]
    fn errors_name_file_and_line() {
        let text = "[keymap]\nletters = [\n  { on = [\"j\"], run = \"fly\", desc = \"x\" },\n]\n";
        let err = Config::with_user(text, Path::new("/home/u/c.toml"), false).unwrap_err();
        assert!(
            err.starts_with("/home/u/c.toml:3: unknown variant `fly`"),
            "{err}"
        );
        let err = Config::with_user(
            "[colors]\nfocus = \"mauve-ish\"",
            Path::new("c.toml"),
            false,
        )
        .unwrap_err();
        assert!(err.starts_with("c.toml:2: unknown colour"), "{err}");
        let err = Config::with_user("[keymap\n", Path::new("c.toml"), false).unwrap_err();
        assert!(err.starts_with("c.toml:1:"), "{err}");
        let err = Config::with_user("[keys]\n", Path::new("c.toml"), false).unwrap_err();
        assert!(err.starts_with("c.toml:1: unknown field"), "{err}");
    }

    #[test]
    fn a_bad_binding_is_skipped_and_named_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "[marks]\nresolved = \"[x]\"\n\n[keymap]\nletters = [\n  { on = [\"o\"], run = \"open\", desc = \"open\" },\n  { on = [\"z\"], run = \"fly\", desc = \"x\" },\n]\nglobal = [{ on = [\"ctrl-c\", \"Q\"], run = \"quit\", desc = \"quit\" }]\n";
        std::fs::write(&path, text).unwrap();
        let (config, problem) = Config::load(Some(&path), true);
        let problem = problem.expect("the bad binding is named");
        assert!(
            problem.contains("config.toml:7: unknown variant `fly`"),
            "{problem}"
        );
        assert!(problem.contains("config.toml:9: ctrl-c"), "{problem}");
        // The rest of the file is kept: the marks, the good binding, Q for quit.
        assert_eq!(config.marks.of(crate::drafts::Status::Resolved), "[x]");
        let key = |k: &str| k.parse::<KeyChord>().unwrap();
        assert_eq!(
            config.keymap.lookup(Context::Letters, key("o")),
            Some(Command::Open)
        );
        assert_eq!(
            config.keymap.lookup(Context::Letters, key("Q")),
            Some(Command::Quit)
        );
        // Ctrl-c still saves and quits, whatever the config binds.
        assert_eq!(
            config.keymap.lookup(Context::Draft, key("ctrl-c")),
            Some(Command::ForceQuit)
        );
    }

    #[test]
    fn load_falls_back_to_builtin_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "oops = [").unwrap();
        let (config, err) = Config::load(Some(&path), false);
        assert_eq!(config, Config::builtin(false));
        assert!(err.unwrap().contains("config.toml:1"));
        let (_, err) = Config::load(Some(&dir.path().join("missing.toml")), false);
        assert_eq!(err, None);
    }

    #[test]
    fn clipboard_and_spelling_can_be_set() {
        let builtin = Config::builtin(false).editing;
        assert!(builtin.osc52 && builtin.spelling);
        assert_eq!(builtin.dictionary, PathBuf::from(DEFAULT_DICTIONARY));
        let text = "[clipboard]\nosc52 = false\n[spelling]\ndictionary = \"/d/en_GB.dic\"\n";
        let user = Config::with_user(text, Path::new("c.toml"), false)
            .unwrap()
            .editing;
        assert!(!user.osc52 && user.spelling);
        assert_eq!(user.dictionary, PathBuf::from("/d/en_GB.dic"));
        let err = Config::with_user("[clipboard]\nosc = 1\n", Path::new("c.toml"), false);
        assert!(err.unwrap_err().starts_with("c.toml:2:"));
    }

    #[test]
    fn size_cap_defaults_to_64_mb_and_can_be_changed() {
        assert_eq!(Config::builtin(false).limits.max_letter_bytes, 64 * MB);
        let config =
            Config::with_user("[limits]\nmax_letter_mb = 2\n", Path::new("c.toml"), false).unwrap();
        assert_eq!(config.limits.max_letter_mb(), 2);
    }

    #[test]
    fn user_path_prefers_xdg() {
        assert_eq!(
            user_config_path(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/letterdesk/config.toml"))
        );
        assert_eq!(
            user_config_path(None, Some("/h")),
            Some(PathBuf::from("/h/.config/letterdesk/config.toml"))
        );
        assert_eq!(user_config_path(Some(""), None), None);
    }
}
