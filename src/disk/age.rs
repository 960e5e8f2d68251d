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
