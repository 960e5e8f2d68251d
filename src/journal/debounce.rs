//! When typed text is due for the journal: at most [`JOURNAL_DELAY`] after the first
//! keystroke not yet journalled, with the latest text. Pure: the caller passes the
//! time and does the writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long typed text may wait before it is journalled (so the journal is at most
/// about a second behind the keyboard, including the write).
pub const JOURNAL_DELAY: Duration = Duration::from_millis(750);

/// Text due for the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The letter file.
    pub letter: PathBuf,
    /// The comment number.
    pub number: String,
    /// The latest text.
    pub text: String,
}

/// Collects keystrokes per (letter, comment) and hands out the latest text once it
/// has waited long enough.
#[derive(Debug, Clone)]
pub struct Debouncer {
    delay: Duration,
    /// Latest text and when its first not-yet-journalled change came.
    waiting: BTreeMap<(PathBuf, String), (String, Instant)>,
}

impl Default for Debouncer {
    fn default() -> Self {
        Debouncer::new(JOURNAL_DELAY)
    }
}

impl Debouncer {
    /// A debouncer that holds text at most `delay`.
    pub fn new(delay: Duration) -> Self {
        Debouncer {
            delay,
            waiting: BTreeMap::new(),
        }
    }

    /// Notes that the response to comment `number` of `letter` is now `text`.
    pub fn typed(&mut self, letter: &Path, number: &str, text: &str, now: Instant) {
        let slot = self
            .waiting
            .entry((letter.to_owned(), number.to_owned()))
            .or_insert_with(|| (String::new(), now));
        slot.0 = text.to_owned();
    }

    /// Forgets waiting text of comment `number` of `letter` (it was just saved).
    pub fn forget(&mut self, letter: &Path, number: &str) {
        self.waiting.remove(&(letter.to_owned(), number.to_owned()));
    }

    /// Takes the text that has waited `delay` or longer, to journal now.
    pub fn due(&mut self, now: Instant) -> Vec<Typed> {
        let delay = self.delay;
        let due: Vec<_> = self
            .waiting
            .iter()
            .filter(|(_, (_, since))| now.saturating_duration_since(*since) >= delay)
            .map(|(key, _)| key.clone())
            .collect();
        due.into_iter().filter_map(|key| self.take(key)).collect()
    }

    /// Takes all waiting text (at quit, or before a crash-prone step).
    pub fn flush(&mut self) -> Vec<Typed> {
        let keys: Vec<_> = self.waiting.keys().cloned().collect();
        keys.into_iter().filter_map(|key| self.take(key)).collect()
    }

    /// When the next text falls due, to time the next wake-up; `None` when nothing
    /// is waiting.
    pub fn next_due(&self) -> Option<Instant> {
        self.waiting
            .values()
            .map(|(_, since)| *since + self.delay)
            .min()
    }

    fn take(&mut self, key: (PathBuf, String)) -> Option<Typed> {
        let (text, _) = self.waiting.remove(&key)?;
        Some(Typed {
            letter: key.0,
            number: key.1,
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_text_after_the_delay_from_the_first_keystroke() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut d = Debouncer::new(ms(1000));
        let letter = Path::new("/l/a.txt");
        d.typed(letter, "1", "a", t0);
        d.typed(letter, "1", "ab", t0 + ms(600));
        assert_eq!(d.next_due(), Some(t0 + ms(1000)));
        assert!(d.due(t0 + ms(900)).is_empty());
        let due = d.due(t0 + ms(1000));
        assert_eq!(
            due,
            [Typed {
                letter: letter.to_owned(),
                number: "1".into(),
                text: "ab".into()
            }]
        );
        assert_eq!(d.next_due(), None);
        d.typed(letter, "2", "x", t0 + ms(1100));
        d.typed(letter, "3", "y", t0 + ms(1200));
        d.forget(letter, "3");
        assert_eq!(d.flush().len(), 1);
        assert!(d.flush().is_empty());
    }
}
