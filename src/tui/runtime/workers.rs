//! The workers that do the disk work `update` asks for, without a terminal: the indexer
//! and reader (`loader`), the drafts worker (`saver`), the layout worker (`layouter`),
//! the folder watcher (`watcher`), exports, and the crash journal's offers at start-up.
//! Each reports back as an [`Action`] on one channel, which the [`Runtime`](super::Runtime)
//! takes actions from.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::exporter;
use super::layouter::Layouter;
use super::loader::{self, Loader};
use super::precedent::{Indexer, Precedent};
use super::saver::Saver;
use super::watcher;
use crate::config::Limits;
use crate::export::Records;
use crate::journal::{Journal, Offer};
use crate::problem::Problem;
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
    /// What letterdesk wrote at each export path (in the state folder), so an export
    /// never overwrites a file edited since; `None` when there is no state folder.
    exports: Option<Records>,
    /// Tells the folder watcher to end.
    stop: Arc<AtomicBool>,
    /// The precedent index, started on first use.
    precedent: Precedent,
}

impl Workers {
    /// Start the workers over `paths` (folders or letter files): indexing begins at once.
    /// `journal` is where unsaved text goes (none: nowhere); its entries holding text
    /// not in the drafts files are reported as [`Action::JournalOffers`]. Precedent is
    /// searched in `paths` and the research libraries of the config at `config_path`,
    /// from the first search on, once the program `indexer` (letterdesk) has indexed
    /// them.
    pub fn start(
        paths: Vec<PathBuf>,
        limits: Limits,
        journal: Option<Journal>,
        config_path: Option<PathBuf>,
        indexer: Option<PathBuf>,
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
                    Err(e) => Action::JournalFailed(Problem::in_file(journal.dir(), e.to_string())),
                };
                let _ = report.send(action);
            });
        }
        let indexer = Indexer {
            program: indexer,
            config: config_path.clone(),
            paths: paths.clone(),
        };
        let precedent = Precedent::new(indexer, report.clone());
        watcher::spawn(paths, report.clone(), stop.clone());
        Ok(Workers {
            precedent,
            saver: Some(saver),
            layouter,
            loader,
            report,
            reports,
            config_path,
            exports: Records::default_location(),
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
                Effect::Reparse(path) => {
                    self.loader.reindex(path);
                    self.precedent.changed();
                }
                Effect::FindPrecedent {
                    text,
                    heading,
                    path,
                    company,
                } => self.precedent.find(text, heading, path, company),
                Effect::BuildReviews(paths) => super::reviewer::spawn(paths, self.report.clone()),
                Effect::ReadLetter(path) => self.loader.read(path),
                effect @ Effect::Export { .. } => exporter::export(
                    &self.report,
                    self.config_path.clone(),
                    self.exports.clone(),
                    effect,
                ),
                other => {
                    if let Some(saver) = &self.saver {
                        saver.send(other);
                    }
                }
            }
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
                } => Some(error.to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
