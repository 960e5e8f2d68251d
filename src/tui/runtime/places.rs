//! The places workspaces were left at, one per set of folders, in
//! `$XDG_STATE_HOME/letterdesk/places.json` (never in the letters' folders).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::tui::model::place::Place;

/// The most places kept (the oldest written go first).
const KEPT: usize = 200;

/// The file: beside the journal's folder.
fn file() -> Option<PathBuf> {
    Some(crate::journal::default_dir()?.parent()?.join("places.json"))
}

/// The key of a workspace: its paths, made absolute, one per line.
fn key(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The places on disk (none when the file is missing or unreadable).
fn read(file: &Path) -> BTreeMap<String, (u64, Place)> {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Where the workspace over `paths` was left, if anywhere.
pub(super) fn load(paths: &[PathBuf]) -> Option<Place> {
    read(&file()?).remove(&key(paths)).map(|(_, place)| place)
}

/// Remember `place` for the workspace over `paths` (written atomically; a failure
/// only loses the place).
pub(super) fn save(paths: &[PathBuf], place: Option<Place>) -> std::io::Result<()> {
    let (Some(file), Some(place)) = (file(), place) else {
        return Ok(());
    };
    let mut places = read(&file);
    let newest = places.values().map(|(n, _)| *n).max().unwrap_or(0);
    places.insert(key(paths), (newest + 1, place));
    while places.len() > KEPT {
        let oldest = places
            .iter()
            .min_by_key(|(_, (n, _))| *n)
            .map(|(k, _)| k.clone());
        if let Some(oldest) = oldest {
            places.remove(&oldest);
        }
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let bytes = serde_json::to_vec_pretty(&places).map_err(std::io::Error::other)?;
    crate::disk::write_file(&file, &bytes, crate::disk::NonRegular::Refuse)
}
