//! Names of files as messages and titles show them.

use crate::text::sanitize;

/// A file's name, for messages.
pub(crate) fn file_name(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    sanitize(&name).into_owned()
}
