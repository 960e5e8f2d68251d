//! When the event loop draws: at once after a key, at most every [`FRAME`] for the
//! workers' reports alone (the list filling in at 10,000 letters does not redraw per
//! letter), and not at all when nothing changed; with nothing to draw it still wakes
//! every [`TICK`] for the clock (autosave, the journal).

use std::time::{Duration, Instant};

/// How often the clock ticks when nothing else happens.
pub const TICK: Duration = Duration::from_millis(100);

/// The shortest time between two frames drawn for the workers' reports alone.
pub const FRAME: Duration = Duration::from_millis(33);

/// Whether a frame is owed, and when the last one was drawn.
#[derive(Debug, Clone, Copy)]
pub struct Pacer {
    owed: bool,
    drawn: Instant,
}

impl Default for Pacer {
    fn default() -> Self {
        Self {
            owed: false,
            drawn: Instant::now(),
        }
    }
}

impl Pacer {
    /// Something changed (or not): a frame is owed from now on when it did.
    pub fn changed(&mut self, changed: bool) {
        self.owed |= changed;
    }

    /// How long to wait for the next key or report: until the owed frame is due, or a
    /// tick.
    pub fn wait(&self) -> Duration {
        if self.owed {
            FRAME.saturating_sub(self.drawn.elapsed())
        } else {
            TICK
        }
    }

    /// Whether to draw now: a frame is owed and a key asked for it (`now`), or the last
    /// frame is at least [`FRAME`] old.
    pub fn due(&self, now: bool) -> bool {
        self.owed && (now || self.drawn.elapsed() >= FRAME)
    }

    /// A frame was drawn.
    pub fn drawn(&mut self) {
        self.owed = false;
        self.drawn = Instant::now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_after_a_key_at_once_and_for_reports_at_most_every_frame() {
        let mut pacer = Pacer::default();
        assert_eq!(pacer.wait(), TICK);
        assert!(!pacer.due(true), "nothing changed: nothing to draw");
        pacer.changed(true);
        assert!(pacer.due(true));
        assert!(!pacer.due(false), "a report right after a frame waits");
        assert!(pacer.wait() <= FRAME);
        pacer.drawn();
        assert!(!pacer.due(true));
        assert_eq!(pacer.wait(), TICK);
    }
}
