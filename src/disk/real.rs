//! The one name a file is known by, whichever path named it.

use std::path::{Path, PathBuf};

/// `path` made absolute with its symbolic links resolved when it exists (else made
/// absolute as it stands, else left as it is): the key under which the journal keeps
/// a letter's text and the workspace lists it, so both find the same letter.
pub fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}
