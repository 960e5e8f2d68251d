//! Files on disk without destroying anything or waiting forever: the one atomic writer
//! that drafts and exports share ([`write_file`]) and the one guarded read. No terminal
//! code and no knowledge of letters lives here.
//!
//! - [`write_file`]: replace a regular file (or create one) atomically, keeping its
//!   permissions; never through a symbolic link, never over a folder, device or FIFO
//!   unless the caller lets it write straight into one ([`NonRegular::WriteInto`]).
//! - [`read_regular_file`]: read a file only if it is a regular one, under a size cap
//!   (every letter is read this way).
//! - [`Node`]: what a path names, looked at without following a link.
//! - [`is_stale`]: whether a file left behind is old enough to clear.
//! - [`real_path`]: the one name a file is known by.

mod age;
mod atomic;
mod node;
mod read;
mod real;

pub use age::is_stale;
pub use atomic::{NonRegular, TEMP_RANDOM_LEN, write_file, write_file_checked};
pub use node::{Node, special_name};
pub use read::{MB, ReadError, io_message, read_regular_file};
pub use real::real_path;
