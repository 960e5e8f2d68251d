//! Extracted text of PDF and HTML letters in the cache folder, one file each
//! (`text/SOURCE-HASH.json`), keyed by the source and a hash of the file's bytes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Extracted text as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct Text {
    /// The text the parser reads.
    pub text: String,
    /// The source's warnings.
    pub warnings: Vec<String>,
    /// The kind the file declares.
    pub declared: Option<crate::letter::Kind>,
}

/// The text `source` extracted from bytes hashing to `hash`, if kept in the cache
/// folder `dir`.
pub(super) fn read(dir: &Path, source: &str, hash: u64) -> Option<Text> {
    let bytes = std::fs::read(text_path(dir, source, hash)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Keep the text `source` extracted from bytes hashing to `hash` in the cache folder
/// `dir`.
pub(super) fn write(dir: &Path, source: &str, hash: u64, text: &Text) {
    if let Ok(json) = serde_json::to_vec(text) {
        let _ = write_atomic(&text_path(dir, source, hash), &json);
    }
}

fn text_path(dir: &Path, source: &str, hash: u64) -> PathBuf {
    let source = source.to_ascii_lowercase();
    dir.join("text").join(format!("{source}-{hash:016x}.json"))
}

/// Write `bytes` to `path` through a temporary file renamed over it: a reader sees the
/// old file or the new one, never half of one. Not synced: the cache may lose what the
/// last moments wrote, never hold a torn file.
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut temp, bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Remove the oldest files of `dir` until they hold at most `max` bytes.
pub(super) fn trim_texts(dir: &Path, max: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    let mut total: u64 = files.iter().map(|f| f.1).sum();
    files.sort();
    for (_, len, path) in files {
        if total <= max {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        for (i, name) in ["a", "b", "c"].iter().enumerate() {
            std::fs::write(dir.path().join(name), vec![b'x'; 100]).unwrap();
            let when =
                std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + i as u64);
            std::fs::File::options()
                .write(true)
                .open(dir.path().join(name))
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        trim_texts(dir.path(), 200);
        assert!(!dir.path().join("a").exists());
        assert!(dir.path().join("b").exists() && dir.path().join("c").exists());
    }
}
