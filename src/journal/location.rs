//! Where the journal lives by default: the user's state folder.

use std::path::{Path, PathBuf};

/// The default journal folder: `$XDG_STATE_HOME/letterdesk/journal`, or
/// `~/.local/state/letterdesk/journal` when `XDG_STATE_HOME` is unset, empty or not
/// absolute (as the XDG spec says). `None` when neither variable gives a folder.
pub fn default_dir() -> Option<PathBuf> {
    dir_from(
        std::env::var_os("XDG_STATE_HOME").as_deref().map(Path::new),
        std::env::var_os("HOME").as_deref().map(Path::new),
    )
}

/// [`default_dir`] from the two variables' values.
fn dir_from(state_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    let state = match state_home {
        Some(dir) if dir.is_absolute() => dir.to_owned(),
        _ => home
            .filter(|h| h.is_absolute())?
            .join(".local")
            .join("state"),
    };
    Some(state.join("letterdesk").join("journal"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_state_home_first_then_home() {
        assert_eq!(
            dir_from(Some(Path::new("/s")), Some(Path::new("/h"))),
            Some(PathBuf::from("/s/letterdesk/journal"))
        );
        assert_eq!(
            dir_from(Some(Path::new("rel")), Some(Path::new("/h"))),
            Some(PathBuf::from("/h/.local/state/letterdesk/journal"))
        );
        assert_eq!(
            dir_from(None, Some(Path::new("/h"))),
            Some(PathBuf::from("/h/.local/state/letterdesk/journal"))
        );
        assert_eq!(dir_from(Some(Path::new("")), None), None);
    }
}
