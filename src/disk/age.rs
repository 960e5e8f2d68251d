//! How old a file is, for clearing what a crashed run left (temp files, locks).

use std::fs::Metadata;
use std::time::{Duration, SystemTime};

/// Whether the file `meta` describes was last modified at least `age` before `now`,
/// or its age cannot be told (no modification time, or one after `now`): old enough
/// that no run still at work can own it.
pub fn is_stale(meta: &Metadata, now: SystemTime, age: Duration) -> bool {
    meta.modified()
        .ok()
        .and_then(|modified| now.duration_since(modified).ok())
        .is_none_or(|elapsed| elapsed >= age)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_stale_once_it_is_as_old_as_the_age() {
        let (_dir, path) = crate::testing::file("left.tmp", "x");
        let meta = std::fs::metadata(&path).unwrap();
        let written = meta.modified().unwrap();
        let minute = Duration::from_secs(60);
        assert!(!is_stale(&meta, written, minute));
        assert!(!is_stale(&meta, written + Duration::from_secs(59), minute));
        assert!(is_stale(&meta, written + minute, minute));
        assert!(is_stale(&meta, written, Duration::ZERO));
        // A modification time after `now` cannot be told apart from a stale one.
        assert!(is_stale(&meta, written - minute, minute));
    }
}
