use super::*;
use crate::testing::file;

/// The config `text` makes as a user file named `c.toml`, or the error naming its line.
fn from_user(text: &str) -> Result<Config, String> {
    Config::with_user(text, Path::new("c.toml"), false)
}

/// Under `config`, each row's key runs its command in its context.
fn assert_runs(config: &Config, rows: &[(Context, &str, Command)]) {
    for &(context, key, command) in rows {
        let found = config
            .keymap
            .lookup(context, key.parse::<KeyChord>().unwrap());
        assert_eq!(found, Some(command), "{key} in {context:?}");
    }
}

#[test]
fn builtin_parses_and_binds_every_context() {
    let config = Config::builtin(false);
    let sections: Vec<_> = config.keymap.sections().map(|(name, _)| name).collect();
    assert!(sections.len() >= 12, "{sections:?}");
    for name in sections {
        assert!(!config.keymap.section(name).is_empty(), "{name}");
    }
    assert_eq!(config.marks.of(crate::drafts::Status::Resolved), "✓");
}

#[test]
fn the_help_titles_each_section_by_the_comment_above_it_in_file_order() {
    let keymap = Config::builtin(true).keymap;
    let sections: Vec<_> = keymap.sections().collect();
    assert_eq!(sections[0], ("global", "Global"));
    assert!(sections.contains(&(
        "precedent",
        "Precedent (similar comments and their answers)"
    )));
    assert_eq!(sections[3], ("draft", "Draft"));
    assert_eq!(
        sections[4],
        ("recovery", "Recovery (unsaved text from the journal)")
    );
    assert_eq!(
        sections.last(),
        Some(&(
            "precedent_hit",
            "Precedent: one comment and its answer read in full"
        ))
    );
}

#[test]
fn a_section_the_builtin_keymap_lacks_is_named_and_its_keys_unused() {
    let text = "[keymap]\nlettres = [{ on = [\"o\"], run = \"open\", desc = \"open\" }]\n";
    let (config, problems) = Config::with_user_skipping(text, Path::new("c.toml"), false).unwrap();
    assert_eq!(
        problems,
        ["c.toml:2: unknown keymap section `lettres`; its keys are not used"]
    );
    assert_eq!(config.keymap, Config::builtin(false).keymap);
}

#[test]
fn user_bindings_win_and_defaults_remain() {
    let text = "[keymap]\ncomments = [{ on = [\"x\"], run = \"toggle_resolved\", desc = \"resolve\" },\n { on = [\"j\"], run = \"up\", desc = \"up\" }]\n";
    let config = from_user(text).unwrap();
    assert_runs(
        &config,
        &[
            (Context::Comments, "x", Command::ToggleResolved),
            (Context::Comments, "j", Command::Up),
            (Context::Comments, "r", Command::ToggleResolved),
        ],
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
    let user = from_user(text).unwrap().keymap;
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
    let config = from_user(text).unwrap();
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
    let err = from_user("[colors]\nfocus = \"mauve-ish\"").unwrap_err();
    assert!(err.starts_with("c.toml:2: unknown colour"), "{err}");
    let err = from_user("[keymap\n").unwrap_err();
    assert!(err.starts_with("c.toml:1:"), "{err}");
    let err = from_user("[keys]\n").unwrap_err();
    assert!(err.starts_with("c.toml:1: unknown field"), "{err}");
}

#[test]
fn a_bad_binding_is_skipped_and_named_and_the_rest_kept() {
    let text = "[marks]\nresolved = \"[x]\"\n\n[keymap]\nletters = [\n  { on = [\"o\"], run = \"open\", desc = \"open\" },\n  { on = [\"z\"], run = \"fly\", desc = \"x\" },\n]\nglobal = [{ on = [\"ctrl-c\", \"Q\"], run = \"quit\", desc = \"quit\" }]\n";
    let (_dir, path) = file("config.toml", text);
    let (config, problem) = Config::load(Some(&path), true);
    let problem = problem.expect("the bad binding is named");
    assert!(
        problem.contains("config.toml:7: unknown variant `fly`"),
        "{problem}"
    );
    assert!(problem.contains("config.toml:9: ctrl-c"), "{problem}");
    // The rest of the file is kept: the marks, the good binding, Q for quit.
    assert_eq!(config.marks.of(crate::drafts::Status::Resolved), "[x]");
    assert_runs(
        &config,
        &[
            (Context::Letters, "o", Command::Open),
            (Context::Letters, "Q", Command::Quit),
            // Ctrl-c still saves and quits, whatever the config binds.
            (Context::Draft, "ctrl-c", Command::ForceQuit),
        ],
    );
}

#[test]
fn load_falls_back_to_builtin_on_error() {
    let (dir, path) = file("config.toml", "oops = [");
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
    let user = from_user(text).unwrap().editing;
    assert!(!user.osc52 && user.spelling);
    assert_eq!(user.dictionary, PathBuf::from("/d/en_GB.dic"));
    let err = from_user("[clipboard]\nosc = 1\n");
    assert!(err.unwrap_err().starts_with("c.toml:2:"));
}

#[test]
fn size_cap_defaults_to_64_mb_and_can_be_changed() {
    assert_eq!(Config::builtin(false).limits.max_letter_bytes, 64 * MB);
    let config = from_user("[limits]\nmax_letter_mb = 2\n").unwrap();
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

#[test]
fn two_key_sequences_wait_for_the_second_and_a_key_alone_still_binds() {
    let builtin = Config::builtin(false).keymap;
    let key = |s: &str| s.parse::<KeyChord>().unwrap();
    let g = key("g");
    for context in [Context::Letters, Context::Comments] {
        assert_eq!(builtin.lookup_after(context, None, g), Found::Pending);
        assert_eq!(
            builtin.lookup_after(context, Some(g), g),
            Found::Run(Command::First)
        );
        assert_eq!(
            builtin.lookup_after(context, Some(g), key("j")),
            Found::Nothing
        );
    }
    assert_eq!(
        builtin.lookup_after(Context::Comments, Some(key("z")), key("z")),
        Found::Run(Command::Center)
    );
    assert_eq!(builtin.key_for(Context::Comments, Command::First), "gg");
    assert_eq!(
        builtin.lookup_after(Context::Draft, None, g),
        Found::Nothing
    );
    // A config written before sequences, binding g alone, keeps its meaning: the key
    // alone comes first, so the sequence it starts is not reached (nor listed).
    let text = "[keymap]\nletters = [{ on = [\"g\"], run = \"first\", desc = \"top\" }]\n";
    let config = from_user(text).unwrap();
    assert_eq!(
        config.keymap.lookup(Context::Letters, g),
        Some(Command::First)
    );
    let listed: Vec<String> = config
        .keymap
        .hints(Context::Letters)
        .iter()
        .flat_map(|h| h.keys.iter().map(ToString::to_string))
        .collect();
    assert!(listed.contains(&"g".to_string()) && !listed.contains(&"gg".to_string()));
    let bad = "[keymap]\nletters = [{ on = [\"g g g\"], run = \"first\", desc = \"top\" }]\n";
    assert!(from_user(bad).is_err());
}

#[test]
fn the_builtin_limits_are_read_alone_as_in_the_whole_file() {
    let builtin = Config::builtin(true).limits;
    assert_eq!(super::builtin_limits(), Some(builtin));
    let missing = std::path::Path::new("/nonexistent/letterdesk/config.toml");
    assert_eq!(Config::load_limits(Some(missing)), (builtin, None));
    assert_eq!(Config::load_limits(None), (builtin, None));
    let (_dir, path) = file("config.toml", "[limits]\nmax_letter_mb = 2\n");
    assert_eq!(Config::load_limits(Some(&path)).0.max_letter_mb(), 2);
}
