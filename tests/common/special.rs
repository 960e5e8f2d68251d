//! Letter files that are not regular files: reading them must neither hang nor fill
//! memory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// In `dir`: `fifo.txt`, a FIFO no one writes to, and `zero.txt`, a link to
/// `/dev/zero`.
pub fn fifo_and_device(dir: &Path) -> [PathBuf; 2] {
    let fifo = dir.join("fifo.txt");
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
    )
    .expect("a FIFO");
    let zero = dir.join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("a link to /dev/zero");
    [fifo, zero]
}
