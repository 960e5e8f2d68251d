//! The drafts store: responses and statuses per comment, kept as TOML next to each
//! letter (`NAME.txt` → `NAME.responses.toml`). No terminal code lives here.
//!
//! - [`Drafts`] / [`CommentDraft`] / [`Status`]: the in-memory model and its pure edits.
//! - [`load`] / [`save`] / [`save_loaded`]: read and atomically write the file, keeping
//!   hand edits (comments, key order, formatting) of an existing file.
//! - [`read_statuses`]: only the statuses, for lists of many letters.
//! - [`on_disk_changed`]: whether the file changed since it was read or written.
//! - [`find_renamed`] / [`reattach`]: the drafts file a renamed letter left behind.
//! - [`remove_stale_temp_files`]: clean up temp files a crashed save left behind.

mod atomic;
mod error;
mod fingerprint;
mod format;
pub(crate) mod lock;
mod markers;
mod merge;
mod model;
mod own_layout;
mod renamed;
mod statuses;
mod store;
mod text_fingerprint;

use std::path::{Path, PathBuf};

pub use atomic::{STALE_TEMP_AGE, remove_stale_temp_files, remove_temp_files_older_than};
pub use error::DraftsError;
pub use fingerprint::{Fingerprint, on_disk_changed};
pub use markers::find_conflict_marker;
pub use merge::{Conflict, Merged, Resolution, merge, resolve};
pub use model::{CommentDraft, Drafts, Marks, Status, UnknownStatus};
pub use renamed::{Renamed, SUFFIX, find_renamed, lone_drafts_among, lone_drafts_files, reattach};
pub use statuses::read_statuses;
pub use store::{Expect, Loaded, load, parse_bytes, save, save_expecting, save_loaded};
pub use text_fingerprint::{
    FINGERPRINT_KEY, TextFingerprints, changed_comments, comment_fingerprint, orphans,
    save_stamped, save_stamped_expecting, stored_fingerprints,
};

/// The drafts file that belongs to a letter file: `NAME.txt` → `NAME.responses.toml`.
pub fn drafts_path(letter: &Path) -> PathBuf {
    let stem = letter
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    letter.with_file_name(format!("{stem}{SUFFIX}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_path_replaces_extension() {
        assert_eq!(
            drafts_path(Path::new("/a/b/letter-2024.txt")),
            PathBuf::from("/a/b/letter-2024.responses.toml")
        );
        assert_eq!(
            drafts_path(Path::new("x")),
            PathBuf::from("x.responses.toml")
        );
    }
}
