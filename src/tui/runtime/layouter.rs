//! The layout worker: wraps the comments of large letters off the UI thread, so opening
//! a 50 MB letter or resizing the terminal never freezes the screen. Only the newest
//! request per letter is worked on.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use crate::tui::model::action::{Action, Effect};
use crate::tui::model::document::Document;

/// The worker thread's name.
pub(crate) const THREAD: &str = "letterdesk-layout";

/// Handle on the worker thread.
pub(crate) struct Layouter {
    jobs: Sender<Effect>,
}

impl Layouter {
    /// Start the worker; it reports [`Action::LaidOut`] on `report`.
    pub(crate) fn spawn(report: Sender<Action>) -> std::io::Result<(Self, JoinHandle<()>)> {
        let (jobs, queue) = channel::<Effect>();
        let thread = std::thread::Builder::new()
            .name(THREAD.into())
            .spawn(move || work(&queue, &report))?;
        Ok((Self { jobs }, thread))
    }

    /// Queue an [`Effect::LayOut`].
    pub(crate) fn send(&self, effect: Effect) {
        let _ = self.jobs.send(effect);
    }
}

fn work(queue: &Receiver<Effect>, report: &Sender<Action>) {
    while let Ok(first) = queue.recv() {
        // Newer requests replace older ones for the same letter.
        let mut jobs = vec![first];
        jobs.extend(queue.try_iter());
        let mut latest: Vec<Effect> = Vec::new();
        for job in jobs.into_iter().rev() {
            let Effect::LayOut { letter, .. } = &job else {
                continue;
            };
            let seen = latest
                .iter()
                .any(|j| matches!(j, Effect::LayOut { letter: l, .. } if l == letter));
            if !seen {
                latest.push(job);
            }
        }
        for job in latest.into_iter().rev() {
            if let Some(action) = lay_out(job)
                && report.send(action).is_err()
            {
                return;
            }
        }
    }
}

/// Run an [`Effect::LayOut`]: the document, as an [`Action::LaidOut`]. A panic while laying
/// out is caught (the pane then stays as it was).
pub fn lay_out(effect: Effect) -> Option<Action> {
    let Effect::LayOut {
        letter,
        text,
        width,
        mark_width,
    } = effect
    else {
        return None;
    };
    let doc = std::panic::catch_unwind(|| Document::build(&text, width, mark_width)).ok()?;
    Some(Action::LaidOut {
        letter,
        doc: Box::new(doc),
    })
}
