//! The crash journal: unsaved typing, kept per (letter, comment) in the user's state
//! folder (`$XDG_STATE_HOME/letterdesk/journal`, never the letters' folder), so a
//! crash or a killed terminal loses at most about a second of typing.
//!
//! - [`Debouncer`]: decides when typed text is due for the journal (pure, no I/O).
//! - [`Journal`]: writes one small file per (letter, comment) atomically, lists,
//!   clears and discards them.
//! - [`offer`] / [`Journal::offers`]: which entries to offer for recovery at start-up:
//!   never one whose text is saved, never one older than its drafts file (kept in the
//!   `history` folder instead), never a running instance's live typing.
//!
//! - [`write_rescue`] / [`write_rescue_file`]: the last resort when neither the drafts
//!   file nor the journal can be written.
//!
//! No terminal code lives here.

mod debounce;
mod entry;
mod location;
mod recovery;
mod rescue;
mod store;

pub use debounce::{Debouncer, JOURNAL_DELAY, Typed};
pub use entry::{Entry, text_hash};
pub use location::default_dir;
pub use recovery::{Offer, Verdict, offer};
pub use rescue::{write_rescue, write_rescue_file};
pub use store::Journal;
