//! Exports in the workspace: the response letter written on a thread of its own with
//! the `[export]` settings of the user's config file, never over a file edited since
//! letterdesk wrote it unless the user said so.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::drafts::Drafts;
use crate::export::{self, ExportSettings, Format, Records, Target, WhenEdited};
use crate::letter::Letter;
use crate::problem::Problem;
use crate::review::Standing;
use crate::tui::model::action::{Action, Effect};

/// Write a response letter ([`Effect::Export`]) on a thread of its own, with the
/// settings of the config file at `config_path` and the `records` of what letterdesk
/// wrote; it reports [`Action::Exported`], or [`Action::ExportEdited`] when the file
/// there was edited since letterdesk wrote it and the effect says to refuse.
pub(super) fn export(
    report: &Sender<Action>,
    config_path: Option<PathBuf>,
    records: Option<Records>,
    effect: Effect,
) {
    let Effect::Export {
        letter,
        path,
        text,
        drafts,
        standing,
        format,
        when_edited,
    } = effect
    else {
        return;
    };
    let reporter = report.clone();
    let spawned = std::thread::Builder::new()
        .name("letterdesk-export".into())
        .spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let to = ExportTo {
                    records: records.as_ref(),
                    format,
                    when_edited,
                    standing,
                };
                export_letter(config_path.as_deref(), &to, &path, text, drafts)
            }))
            .unwrap_or_else(|_| Err("the export failed (internal error)".to_owned().into()));
            let action = match result {
                Ok(written) => Action::Exported {
                    result: Ok(written),
                },
                Err(NotWritten::Error(error)) => Action::Exported { result: Err(error) },
                Err(NotWritten::Edited(edited)) => Action::ExportEdited {
                    letter,
                    format,
                    beside: export::free_name(&edited),
                    path: edited,
                },
            };
            let _ = reporter.send(action);
        });
    if spawned.is_err() {
        let result = Err("could not start the export".into());
        let _ = report.send(Action::Exported { result });
    }
}

/// Where and how an export in the workspace is written.
struct ExportTo<'a> {
    /// What letterdesk wrote at each export path (`None`: nothing is checked).
    records: Option<&'a Records>,
    /// The format.
    format: Format,
    /// What to do with a file edited since letterdesk wrote it.
    when_edited: WhenEdited,
    /// What the letter's review says of the answer it awaits
    /// ([`ExportSettings::replied`], [`ExportSettings::extended`]).
    standing: Standing,
}

/// Why an export in the workspace wrote nothing.
#[derive(Debug)]
enum NotWritten {
    /// The file at this path was edited since letterdesk wrote it.
    Edited(PathBuf),
    /// Anything else.
    Error(Problem),
}

impl From<String> for NotWritten {
    fn from(error: String) -> Self {
        NotWritten::Error(Problem::new(error))
    }
}

/// Write the response letter to the letter at `path` next to it, with the `[export]`
/// settings of the user's config file, minding files edited since letterdesk wrote
/// them as `to` says; returns the file and the notices. The letter and its drafts are
/// read from disk when the workspace has not read them.
fn export_letter(
    config_path: Option<&Path>,
    to: &ExportTo,
    path: &Path,
    letter: Option<Arc<Letter>>,
    drafts: Option<Box<Drafts>>,
) -> Result<(PathBuf, Vec<String>), NotWritten> {
    let format = to.format;
    let mut settings = match config_path {
        Some(config) => ExportSettings::from_config_file(config)?,
        None => ExportSettings::default(),
    };
    settings.date = Some(export::long_date(chrono::Local::now().date_naive()));
    settings.now = Some(chrono::Utc::now());
    settings.replied = to.standing.replied;
    settings.extended = to.standing.extended.clone();
    settings.asked = export::Asked::in_file(path);
    let letter = match letter {
        Some(letter) => letter,
        None => Arc::new(crate::letter::parse_file(path).map_err(|e| e.to_string())?),
    };
    // The company's letters in the folder write its name, which the staff's letter may
    // give in capitals only, and the companies' letters there greet the staff the
    // response would greet by full name for want of a configured honorific (read here,
    // off the screen's thread).
    export::learn_from_letters(&letter, path, &mut settings, false);
    let target = Target::choose(path, None, format)?;
    let drafts_path = crate::drafts::drafts_path(path);
    let stored = crate::drafts::load(&drafts_path);
    let drafts = match (drafts, &stored) {
        (Some(drafts), _) => *drafts,
        (None, Ok(loaded)) => loaded
            .as_ref()
            .map(|l| l.drafts.clone())
            .unwrap_or_default(),
        (None, Err(e)) => return Err(NotWritten::Error(Problem::from(e))),
    };
    if let Ok(Some(loaded)) = &stored {
        (settings.asked.answer_from(loaded.document()))
            .map_err(|e| NotWritten::Error(Problem::in_file(&drafts_path, e.to_string())))?;
    }
    let mut out = export::export(&letter, Some(&drafts), &settings, format);
    if let Ok(Some(loaded)) = &stored {
        out.check_fingerprints(&letter, &drafts, loaded);
    }
    let saved = export::save(
        &target,
        &out.bytes,
        to.records,
        to.when_edited,
        &mut std::io::sink(),
    )
    .map_err(|e| match e {
        export::SaveError::Edited(edited) => NotWritten::Edited(edited.path),
        e => NotWritten::Error(Problem::new(e.to_string())),
    })?;
    let mut notices = out.notices();
    notices.extend(saved.warning);
    Ok((saved.path.unwrap_or_else(|| path.to_owned()), notices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Comment, Letter};

    fn to(records: Option<&Records>, format: Format, when_edited: WhenEdited) -> ExportTo<'_> {
        ExportTo {
            records,
            format,
            when_edited,
            standing: Standing::default(),
        }
    }

    /// The words of an export's error (not an edited file).
    fn error_of(result: Result<(PathBuf, Vec<String>), NotWritten>) -> String {
        match result {
            Err(NotWritten::Error(error)) => error.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn export_writes_next_to_the_letter_with_the_config_settings() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "[export]\nsigner_name = \"Jane Q. Doe\"\n").unwrap();
        let letter_path = dir.path().join("acme.txt");
        let comment = |number: &str| Comment {
            number: number.into(),
            headings: vec![],
            text: format!("Comment {number}."),
            pages: vec![],
        };
        let letter = Arc::new(Letter {
            file: letter_path.display().to_string(),
            comments: vec![comment("1"), comment("2")],
            ..Letter::default()
        });
        let mut drafts = Drafts::default();
        drafts.set_response("1", "Unsaved answer.");
        // The records go to a folder of the test's, never the user's state folder.
        let (state, records) = Records::in_temp_state();
        let (path, notices) = export_letter(
            Some(&config),
            &to(Some(&records), Format::Markdown, WhenEdited::Refuse),
            &letter_path,
            Some(letter.clone()),
            Some(Box::new(drafts.clone())),
        )
        .unwrap();
        assert_eq!(
            path,
            crate::export::default_output_path(&letter_path, Format::Markdown)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Unsaved answer."), "{text}");
        assert!(text.contains("Jane Q. Doe"), "{text}");
        assert!(
            notices.iter().any(|n| n == "1 comment has no response: 2"),
            "{notices:?}"
        );
        let recorded = std::fs::read_dir(state.path().join("exports")).unwrap();
        assert_eq!(recorded.count(), 1, "what was written is recorded");
        // A config that does not parse: nothing is written, the error says where.
        std::fs::write(&config, "[export]\nsigner_name = 3\n").unwrap();
        let error = error_of(export_letter(
            Some(&config),
            &to(Some(&records), Format::Text, WhenEdited::Refuse),
            &letter_path,
            Some(letter),
            Some(Box::new(drafts)),
        ));
        assert!(error.contains("config.toml"), "{error}");
    }

    #[test]
    fn an_edited_export_is_refused_until_the_user_says_overwrite_or_new_name() {
        let dir = tempfile::tempdir().unwrap();
        let (_state, records) = Records::in_temp_state();
        let letter_path = dir.path().join("acme.txt");
        let letter = Arc::new(Letter {
            comments: vec![Comment {
                number: "1".into(),
                text: "Comment 1.".into(),
                ..Comment::default()
            }],
            ..Letter::default()
        });
        let export = |when_edited| {
            let to = to(Some(&records), Format::Docx, when_edited);
            export_letter(None, &to, &letter_path, Some(letter.clone()), None)
        };
        let (written, _) = export(WhenEdited::Refuse).unwrap();
        std::fs::write(&written, b"REDLINED").unwrap();
        match export(WhenEdited::Refuse) {
            Err(NotWritten::Edited(path)) => assert_eq!(path, written),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read(&written).unwrap(), b"REDLINED");
        let (beside, _) = export(WhenEdited::NewName).unwrap();
        assert_eq!(beside, dir.path().join("acme.response (2).docx"));
        assert_eq!(std::fs::read(&written).unwrap(), b"REDLINED");
        let (over, _) = export(WhenEdited::Overwrite).unwrap();
        assert_eq!(over, written);
        assert_ne!(std::fs::read(&written).unwrap(), b"REDLINED");
    }

    #[test]
    fn export_of_a_letter_not_opened_reads_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let letter_path = dir.path().join("acme.txt");
        std::fs::write(
            &letter_path,
            "March 3, 2025\n\nDana Fenwick\nChief Financial Officer\nFenwick Orchards, Inc.\n\nRe: Fenwick Orchards, Inc.\nForm 10-K\nFile No. 001-55555\n\nDear Ms. Fenwick:\n\n1. Please explain the growth.\n\n2. Please tell us more.\n\nSincerely,\n\nDivision of Corporation Finance\n",
        )
        .unwrap();
        let mut drafts = Drafts::for_comments(&["1".into(), "2".into()]);
        drafts.set_response("1", "Saved answer.");
        crate::drafts::save(&crate::drafts::drafts_path(&letter_path), &drafts, None).unwrap();
        let to = to(None, Format::Text, WhenEdited::Refuse);
        let (path, _) = export_letter(None, &to, &letter_path, None, None).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("Please explain the growth."), "{text}");
        assert!(text.contains("Saved answer."), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn export_refuses_a_planted_symlink_and_keeps_the_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let letter_path = dir.path().join("s.txt");
        let letter = Arc::new(Letter {
            file: letter_path.display().to_string(),
            comments: vec![crate::letter::Comment {
                number: "1".into(),
                headings: vec![],
                text: "Comment 1.".into(),
                pages: vec![],
            }],
            ..Letter::default()
        });
        let drafts_file = crate::drafts::drafts_path(&letter_path);
        let mut drafts = Drafts::default();
        drafts.set_response("1", "Saved answer.");
        crate::drafts::save(&drafts_file, &drafts, None).unwrap();
        let saved = std::fs::read(&drafts_file).unwrap();
        std::os::unix::fs::symlink(&drafts_file, dir.path().join("s.response.md")).unwrap();
        let error = error_of(export_letter(
            None,
            &to(None, Format::Markdown, WhenEdited::Refuse),
            &letter_path,
            Some(letter),
            Some(Box::new(drafts)),
        ));
        assert!(
            error.contains("s.response.md: is a symbolic link to "),
            "{error}"
        );
        assert_eq!(std::fs::read(&drafts_file).unwrap(), saved);
    }
}
