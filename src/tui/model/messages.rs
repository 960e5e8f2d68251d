//! The recent status messages, kept in full: the status bar cuts a long one to its
//! width, `:messages` shows them whole.

use std::collections::VecDeque;

use super::entry::Message;

/// How many messages are kept.
const KEPT: usize = 50;

/// The recent messages, oldest first, and the overlay showing them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageLog {
    /// The messages.
    pub recent: VecDeque<Message>,
    /// The overlay's scroll, while it is open.
    pub shown: Option<usize>,
}

impl MessageLog {
    /// Keep `message` (the same text twice in a row is kept once).
    pub fn keep(&mut self, message: &Message) {
        if self.recent.back() == Some(message) {
            return;
        }
        self.recent.push_back(message.clone());
        if self.recent.len() > KEPT {
            self.recent.pop_front();
        }
    }
}
