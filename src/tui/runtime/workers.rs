//! The workers that do the disk work `update` asks for, without a terminal: the indexer
//! and reader (`loader`), the drafts worker (`saver`), the layout worker (`layouter`),
//! the folder watcher (`watcher`), exports, and the crash journal's offers at start-up.
//! Each reports back as an [`Action`] on one channel, which the [`Runtime`](super::Runtime)
//! takes actions from.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::layouter::Layouter;
use super::loader::{self, Loader};
use super::saver::Saver;
use super::watcher;
use crate::config::Limits;
use crate::drafts::Drafts;
use crate::export::{self, ExportSettings, Format, Target};
use crate::journal::{Journal, Offer};
use crate::letter::Letter;
use crate::tui::model::action::{Action, Effect};

/// The journal's offers with those of letters under `roots` (the workspace's folders
/// and files) first, as [`Action::JournalOffers`].
fn here_first(offers: Vec<Offer>, roots: &[PathBuf]) -> Action {
    // The journal knows letters by their canonical paths.
    let roots: Vec<PathBuf> = roots
        .iter()
        .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
        .collect();
    let (mut offers, elsewhere): (Vec<Offer>, Vec<Offer>) = offers
        .into_iter()
        .partition(|o| roots.iter().any(|r| o.entry.letter.starts_with(r)));
    let here = offers.len();
    offers.extend(elsewhere);
    Action::JournalOffers { offers, here }
}

/// The running workers and the channel they report on.
pub struct Workers {
    saver: Option<Saver>,
    layouter: Layouter,
    loader: Loader,
    report: Sender<Action>,
    reports: Receiver<Action>,
    /// The user's config file, for the `[export]` settings.
    config_path: Option<PathBuf>,
    /// Tells the folder watcher to end.
    stop: Arc<AtomicBool>,
}

impl Workers {
    /// Start the workers over `paths` (folders or letter files): indexing begins at once.
    /// `journal` is where unsaved text goes (none: nowhere); its entries holding text
    /// not in the drafts files are reported as [`Action::JournalOffers`].
    pub fn start(
        paths: Vec<PathBuf>,
        limits: Limits,
        journal: Option<Journal>,
        config_path: Option<PathBuf>,
    ) -> std::io::Result<Workers> {
        let (report, reports) = channel();
        let saver = Saver::spawn(report.clone(), journal.clone())?;
        let (loader, _) = loader::spawn(paths.clone(), limits, report.clone())?;
        let (layouter, _) = Layouter::spawn(report.clone())?;
        let stop = Arc::new(AtomicBool::new(false));
        if let Some(journal) = journal {
            let report = report.clone();
            let roots = paths.clone();
            std::thread::spawn(move || {
                let action = match journal.offers() {
                    Ok(offers) => here_first(offers, &roots),
                    Err(e) => Action::JournalFailed(format!("{}: {e}", journal.dir().display())),
                };
                let _ = report.send(action);
            });
        }
        watcher::spawn(paths, report.clone(), stop.clone());
        Ok(Workers {
            saver: Some(saver),
            layouter,
            loader,
            report,
            reports,
            config_path,
            stop,
        })
    }

    /// Where the workers report; more reports can be put in here (the terminal's keys).
    pub fn sender(&self) -> Sender<Action> {
        self.report.clone()
    }

    /// The workers' reports, in the order they came.
    pub fn reports(&self) -> &Receiver<Action> {
        &self.reports
    }

    /// Send each effect to the worker that does it.
    pub(crate) fn dispatch(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                // The terminal's, written by the runtime (see `Runtime::apply`).
                Effect::Quit
                | Effect::Clipboard(_)
                | Effect::EditOutside { .. }
                | Effect::AddWord(_) => {}
                Effect::LayOut { .. } => self.layouter.send(effect),
                Effect::Reparse(path) => self.loader.reindex(path),
                Effect::ReadLetter(path) => self.loader.read(path),
                Effect::Export {
                    path,
                    text,
                    drafts,
                    format,
                    ..
                } => self.export(path, text, drafts, format),
                other => {
                    if let Some(saver) = &self.saver {
                        saver.send(other);
                    }
                }
            }
        }
    }

    /// Write a response letter on a thread of its own; it reports [`Action::Exported`].
    fn export(
        &self,
        path: PathBuf,
        text: Option<Arc<Letter>>,
        drafts: Option<Box<Drafts>>,
        format: Format,
    ) {
        let report = self.report.clone();
        let config_path = self.config_path.clone();
        let spawned = std::thread::Builder::new()
            .name("letterdesk-export".into())
            .spawn(move || {
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    export_letter(config_path.as_deref(), &path, text, drafts, format)
                }))
                .unwrap_or_else(|_| Err("the export failed (internal error)".into()));
                let _ = report.send(Action::Exported { result });
            });
        if spawned.is_err() {
            let result = Err("could not start the export".into());
            let _ = self.report.send(Action::Exported { result });
        }
    }

    /// The program is ending: let the drafts worker finish its queue within `limit`.
    /// Returns whether it did, and the errors of saves that failed meanwhile.
    pub(crate) fn finish(&mut self, limit: Duration) -> (bool, Vec<String>) {
        let finished = self.saver.take().is_none_or(|saver| saver.finish(limit));
        let errors = self
            .reports
            .try_iter()
            .filter_map(|action| match action {
                Action::Saved {
                    result: Err(error), ..
                } => Some(error),
                _ => None,
            })
            .collect();
        (finished, errors)
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Write the response letter to the letter at `path` next to it, with the `[export]`
/// settings of the user's config file; returns the file and the notices. The letter and
/// its drafts are read from disk when the workspace has not read them.
fn export_letter(
    config_path: Option<&Path>,
    path: &Path,
    letter: Option<Arc<Letter>>,
    drafts: Option<Box<Drafts>>,
    format: Format,
) -> Result<(PathBuf, Vec<String>), String> {
    let mut settings = match config_path {
        Some(config) => ExportSettings::from_config_file(config)?,
        None => ExportSettings::default(),
    };
    settings.date = Some(export::long_date(chrono::Local::now().date_naive()));
    settings.now = Some(chrono::Utc::now());
    settings.asked = export::Asked::in_file(path);
    let letter = match letter {
        Some(letter) => letter,
        None => Arc::new(crate::letter::parse_file(path).map_err(|e| e.to_string())?),
    };
    let target = Target::choose(path, None, format)?;
    let stored = crate::drafts::load(&crate::drafts::drafts_path(path));
    let drafts = match (drafts, &stored) {
        (Some(drafts), _) => *drafts,
        (None, Ok(loaded)) => loaded
            .as_ref()
            .map(|l| l.drafts.clone())
            .unwrap_or_default(),
        (None, Err(e)) => return Err(e.to_string()),
    };
    let mut out = export::export(&letter, Some(&drafts), &settings, format);
    if let Ok(Some(loaded)) = &stored {
        out.check_fingerprints(&letter, &drafts, loaded);
    }
    let written = target.path().unwrap_or(path).to_owned();
    let records = export::Records::default_location();
    if let Some(Err(edited)) = records.as_ref().map(|r| r.check(&written)) {
        return Err(format!(
            "{edited}: nothing written (letterdesk export --force overwrites it, --new-name writes beside it)"
        ));
    }
    target
        .write(&out.bytes, &mut std::io::sink())
        .map_err(|e| format!("{}: {e}", written.display()))?;
    let mut notices = out.notices();
    if let Some(Err(e)) = records.map(|r| r.remember(&written, &out.bytes)) {
        notices.push(format!(
            "cannot record what was written (an edit to it will not be noticed): {e}"
        ));
    }
    Ok((written, notices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Comment, Letter};

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
        let (path, notices) = export_letter(
            Some(&config),
            &letter_path,
            Some(letter.clone()),
            Some(Box::new(drafts.clone())),
            Format::Markdown,
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
        // A config that does not parse: nothing is written, the error says where.
        std::fs::write(&config, "[export]\nsigner_name = 3\n").unwrap();
        let error = export_letter(
            Some(&config),
            &letter_path,
            Some(letter),
            Some(Box::new(drafts)),
            Format::Text,
        )
        .unwrap_err();
        assert!(error.contains("config.toml"), "{error}");
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
        let (path, _) = export_letter(None, &letter_path, None, None, Format::Text).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("Please explain the growth."), "{text}");
        assert!(text.contains("Saved answer."), "{text}");
    }

    #[test]
    fn offers_of_the_workspaces_letters_come_first() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here");
        std::fs::create_dir(&here).unwrap();
        let real = here.canonicalize().unwrap();
        let offer = |letter: PathBuf| Offer {
            entry: crate::journal::Entry {
                letter,
                number: "1".into(),
                text: "x".into(),
                written: std::time::SystemTime::now(),
                file: PathBuf::from("/state/j/x.json"),
                session: None,
                base: None,
            },
            saved: None,
            newer_than_file: true,
        };
        let offers = vec![
            offer(PathBuf::from("/elsewhere/a.txt")),
            offer(real.join("b.txt")),
            offer(real.join("sub/c.txt")),
        ];
        let Action::JournalOffers { offers, here } = here_first(offers, &[here]) else {
            panic!("not offers");
        };
        assert_eq!(here, 2);
        let letters: Vec<_> = offers.iter().map(|o| o.entry.letter.clone()).collect();
        assert_eq!(
            letters,
            [
                real.join("b.txt"),
                real.join("sub/c.txt"),
                PathBuf::from("/elsewhere/a.txt")
            ]
        );
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
        let error = export_letter(
            None,
            &letter_path,
            Some(letter),
            Some(Box::new(drafts)),
            Format::Markdown,
        )
        .unwrap_err();
        assert!(
            error.contains("s.response.md: is a symbolic link to "),
            "{error}"
        );
        assert_eq!(std::fs::read(&drafts_file).unwrap(), saved);
    }
}
