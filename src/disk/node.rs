//! What a path names, looked at without following a symbolic link.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a path names, looked at without following a symbolic link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Nothing is there.
    Missing,
    /// A regular file.
    Regular,
    /// A symbolic link, with what it points to (as stored in the link).
    Symlink(PathBuf),
    /// A folder.
    Folder,
    /// Something else: a FIFO, a device or a socket, named in words ("a FIFO").
    Special(&'static str),
}

impl Node {
    /// What is at `path`, without following a link there.
    pub fn at(path: &Path) -> io::Result<Node> {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Node::Missing),
            Err(e) => return Err(e),
        };
        let kind = meta.file_type();
        Ok(if kind.is_symlink() {
            Node::Symlink(fs::read_link(path)?)
        } else if kind.is_file() {
            Node::Regular
        } else if kind.is_dir() {
            Node::Folder
        } else {
            Node::Special(special_name(&kind))
        })
    }
}

/// A file type that is neither a regular file, a folder nor a link, in words.
pub fn special_name(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}
