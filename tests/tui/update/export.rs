//! The export prompt, its formats and reports, and edited exports never overwritten.

use super::*;

#[test]
fn x_opens_the_export_prompt_in_letters_and_comments() {
    use letterdesk::export::Format;
    assert!(matches!(map(DRAFT, ch('x')), Some(Action::Type(_))));
    let export = Mode::Export;
    let export_as = |format| run(Command::ExportAs(format));
    assert_maps(&[
        (LETTERS, ch('x'), run(Command::Export)),
        (COMMENTS, ch('x'), run(Command::Export)),
        (export, ch('m'), export_as(Format::Markdown)),
        (export, ch('t'), export_as(Format::Text)),
        (export, ch('h'), export_as(Format::Html)),
        (export, ch('d'), export_as(Format::Docx)),
        (export, key(KeyCode::Enter), run(Command::ExportChosen)),
        (export, key(KeyCode::Esc), run(Command::Later)),
        // Pane keys do not reach through the prompt.
        (export, ch('r'), None),
    ]);

    let mut s = state();
    assert!(press(&mut s, ch('x')).is_empty());
    assert_eq!(s.mode(), Mode::Export);
    let fx = press(&mut s, ch('t'));
    let (letter, format, _) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Text);
    assert_eq!(s.mode(), LETTERS);
    // The letter under the cursor: Northwind, the newest.
    match fx.iter().find(|e| matches!(e, Effect::Export { .. })) {
        Some(Effect::Export { path, text, .. }) => {
            assert_eq!(path, &PathBuf::from("/letters/northwind.txt"));
            assert_eq!(text.as_ref().unwrap().comments.len(), 4);
        }
        _ => unreachable!(),
    }
    let mut o = opened();
    press(&mut o, ch('x'));
    assert_eq!(o.mode(), Mode::Export);
    let fx = press(&mut o, ch('h'));
    assert_eq!(
        export_effect(&fx).map(|e| (e.0, e.1)),
        Some((letter, Format::Html))
    );
    assert_eq!(o.mode(), COMMENTS);
}

#[test]
fn the_export_takes_unsaved_edits_and_arrows_choose_the_format() {
    use letterdesk::export::Format;
    let mut s = opened();
    drafting(&mut s, "We revised it.");
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.focus(), Pane::Comments);
    press(&mut s, ch('x'));
    let down = key(KeyCode::Down);
    let up = key(KeyCode::Up);
    for key in [down, down, down, down, up] {
        assert!(press(&mut s, key).is_empty());
    }
    assert_eq!(s.mode(), Mode::Export);
    let fx = press(&mut s, key(KeyCode::Enter));
    let (_, format, drafts) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Html);
    assert_eq!(drafts.get("1").unwrap().response, "We revised it.");
    // Enter right away: Markdown, the first format.
    press(&mut s, ch('x'));
    let fx = press(&mut s, key(KeyCode::Enter));
    assert_eq!(export_effect(&fx).unwrap().1, Format::Markdown);
}

#[test]
fn esc_cancels_the_export_prompt() {
    let mut s = opened();
    press(&mut s, ch('x'));
    let fx = press(&mut s, key(KeyCode::Esc));
    assert!(export_effect(&fx).is_none());
    assert_eq!(s.mode(), COMMENTS);
    assert_eq!(s.message(), Some("Export cancelled."));
    // Esc closed only the prompt: the pane's own Esc did not run.
    assert_eq!(s.focus(), Pane::Comments);
}

#[test]
fn the_exported_report_shows_the_path_and_notices() {
    let mut s = opened();
    update(
        &mut s,
        Action::Exported {
            result: Ok((
                PathBuf::from("/letters/northwind.response.md"),
                vec!["3 comments have no response: 2, 3, 4".into()],
            )),
        },
    );
    let message = s.message().unwrap();
    assert_shows(
        message,
        &[
            "/letters/northwind.response.md",
            "3 comments have no response: 2, 3, 4",
        ],
    );
    update(
        &mut s,
        Action::Exported {
            result: Ok((PathBuf::from("/letters/evil\u{1b}[2J.md"), vec![])),
        },
    );
    assert!(!s.message().unwrap().contains('\u{1b}'));
    update(
        &mut s,
        Action::Exported {
            result: Err("/letters/x.md: permission denied".into()),
        },
    );
    assert!(s.message().unwrap().contains("permission denied"));
}

#[test]
fn an_edited_export_asks_and_nothing_is_overwritten_without_a_yes() {
    use letterdesk::export::WhenEdited;
    let when_edited = |effects: &[Effect]| {
        effects.iter().find_map(|e| match e {
            Effect::Export { when_edited, .. } => Some(*when_edited),
            _ => None,
        })
    };
    let mut s = opened();
    press(&mut s, ch('x'));
    let fx = press(&mut s, ch('d'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::Refuse), "first, refuse");
    let (letter, format, _) = export_effect(&fx).unwrap();
    let edited = || Action::ExportEdited {
        letter,
        format,
        path: PathBuf::from("/letters/northwind.response.docx"),
        beside: PathBuf::from("/letters/northwind.response (2).docx"),
    };
    let esc = key(KeyCode::Esc);

    update(&mut s, edited());
    assert_eq!(s.mode(), Mode::Question);
    let message = s.message().unwrap();
    assert!(
        message.contains("northwind.response.docx was edited since"),
        "{message}"
    );
    // Other keys do not answer it.
    for key in [ch('x'), ch('d'), key(KeyCode::Enter)] {
        assert_eq!(when_edited(&press(&mut s, key)), None);
    }
    // Esc: nothing written.
    assert_eq!(when_edited(&press(&mut s, esc)), None);
    assert_eq!(s.mode(), COMMENTS);
    // n: the new name beside it.
    update(&mut s, edited());
    let fx = press(&mut s, ch('n'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::NewName));
    assert_eq!(
        export_effect(&fx).map(|e| (e.0, e.1)),
        Some((letter, format))
    );
    // y: overwrite.
    update(&mut s, edited());
    let fx = press(&mut s, ch('y'));
    assert_eq!(when_edited(&fx), Some(WhenEdited::Overwrite));
    assert_eq!(s.mode(), COMMENTS);
}

#[test]
fn a_written_export_is_not_taken_for_a_letter() {
    let mut s = state();
    for name in ["northwind.response.md", "northwind.response.txt"] {
        let fx = update(
            &mut s,
            Action::FileChanged(PathBuf::from("/letters").join(name)),
        );
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::Reparse(_))),
            "{name}"
        );
    }
    let fx = update(
        &mut s,
        Action::FileChanged(PathBuf::from("/letters/new.md")),
    );
    assert!(fx.iter().any(|e| matches!(e, Effect::Reparse(_))));
}

#[test]
fn a_config_with_an_export_table_is_accepted() {
    let text = "[export]\nsigner_name = \"A. Person\"\n\n[marks]\nopen = \"o\"\n";
    let config = Config::with_user(text, std::path::Path::new("config.toml"), true);
    assert!(config.is_ok(), "{config:?}");
}
