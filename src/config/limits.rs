//! Limits that keep the program responsive on odd folders (the `[limits]` table).

use crate::index::MB;

/// Limits that keep the program responsive on odd folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Letter files larger than this many bytes are listed, not opened.
    pub max_letter_bytes: u64,
}

impl Limits {
    /// The size cap in whole MB, for messages.
    pub fn max_letter_mb(&self) -> u64 {
        self.max_letter_bytes / MB
    }
}
