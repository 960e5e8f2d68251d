//! Precedent search's settings in the config file: the `[precedent]` table.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The `[precedent]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct PrecedentFile {
    libraries: Option<Vec<PathBuf>>,
}

/// Precedent search's settings in effect.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Precedent {
    /// Research libraries: folders of letters and responses searched for precedent
    /// besides the folders opened (`~/` is the home folder).
    pub libraries: Vec<PathBuf>,
}

impl Precedent {
    /// The user's libraries if the file names any, else the built-in ones; `~/` is
    /// replaced by `home`.
    pub(super) fn new(builtin: PrecedentFile, user: PrecedentFile, home: Option<&Path>) -> Self {
        let libraries = user.libraries.or(builtin.libraries).unwrap_or_default();
        Self {
            libraries: libraries
                .into_iter()
                .map(|p| match (p.strip_prefix("~"), home) {
                    (Ok(rest), Some(home)) => home.join(rest),
                    _ => p,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_folder_is_put_for_a_tilde() {
        let user = PrecedentFile {
            libraries: Some(vec!["~/sec/corresp".into(), "/srv/letters".into()]),
        };
        let p = Precedent::new(PrecedentFile::default(), user, Some(Path::new("/home/u")));
        assert_eq!(
            p.libraries,
            [
                PathBuf::from("/home/u/sec/corresp"),
                PathBuf::from("/srv/letters")
            ]
        );
    }
}
