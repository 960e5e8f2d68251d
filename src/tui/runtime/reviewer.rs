//! The review worker: reads the workspace's letters in full and groups them into
//! reviews ([`Effect::BuildReviews`](crate::tui::model::action::Effect::BuildReviews)),
//! on a thread of its own so the screen never waits for it.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::review::{build_read, sort};
use crate::tui::model::action::Action;

/// Read `paths` and group them into reviews, a review's letters at a time
/// ([`build_read`]), each kept in outline ([`Review::outline`](crate::review::Review::outline));
/// report [`Action::ReviewsBuilt`] (no reviews when the grouping failed: the tree then
/// says there are none).
pub(super) fn spawn(paths: Vec<PathBuf>, report: Sender<Action>) {
    let spawned = std::thread::Builder::new()
        .name("letterdesk-reviews".into())
        .spawn({
            let report = report.clone();
            move || {
                let reviews = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    let mut reviews = Vec::new();
                    build_read(&paths, |mut review| {
                        review.outline();
                        reviews.push(review);
                    });
                    sort(&mut reviews);
                    reviews
                }))
                .unwrap_or_default();
                let _ = report.send(Action::ReviewsBuilt(Arc::new(reviews)));
            }
        });
    if spawned.is_err() {
        let _ = report.send(Action::ReviewsBuilt(Arc::new(Vec::new())));
    }
}
