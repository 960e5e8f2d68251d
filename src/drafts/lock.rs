//! Advisory whole-file locks (`flock`), as cooperating tools take them with
//! `flock(1)`. Elsewhere than Unix they are not taken and never held.

use std::fs::File;
use std::io;

/// Which lock to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lock {
    /// Readers: any number at once.
    Shared,
    /// One writer, and no reader meanwhile.
    Exclusive,
}

/// Takes `lock` on `file`, waiting for it; it is released when the file is closed.
pub(crate) fn lock(file: &File, lock: Lock) -> io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        let operation = match lock {
            Lock::Shared => FlockOperation::LockShared,
            Lock::Exclusive => FlockOperation::LockExclusive,
        };
        flock(file, operation).map_err(io::Error::from)
    }
    #[cfg(not(unix))]
    {
        let _ = (file, lock);
        Ok(())
    }
}

/// Whether someone holds an exclusive lock on `file` (a shared lock cannot be taken
/// at once).
pub(crate) fn held_elsewhere(file: &File) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{FlockOperation, flock};
        matches!(
            flock(file, FlockOperation::NonBlockingLockShared),
            Err(e) if e == rustix::io::Errno::WOULDBLOCK
        )
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        false
    }
}
