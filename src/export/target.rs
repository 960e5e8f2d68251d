//! Where an export goes, decided and checked before anything is written: standard
//! output, a file replaced atomically, or a device or FIFO the user named, written
//! straight into. Nothing else is ever written: not through a symbolic link at the
//! default path, not over the letter or its drafts file, not over a folder.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::format::{Format, default_output_path};
use crate::disk::{self, Node, NonRegular};

/// Where an export is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (`-o -`).
    Stdout,
    /// A regular file (or a new one), replaced atomically.
    File(PathBuf),
    /// A device or FIFO the user named with `-o`: written straight into it, no temp
    /// file and no rename (`-o /dev/null` with `--strict` is a check).
    Stream(PathBuf),
}

impl Target {
    /// Where the export of the letter at `letter` goes: `output` when the user named
    /// one (`-` is standard output), else [`default_output_path`].
    ///
    /// The default path is used only when it is a regular file or nothing: a
    /// symbolic link there is refused, naming the link and its target (someone may
    /// have planted it), as is anything that is not a regular file. A path the user
    /// names may be a link (followed, it was named on purpose), a device or a FIFO;
    /// it is refused when it is a folder, or when it is, or leads to, the letter or
    /// its drafts file. Errors name the path.
    pub fn choose(letter: &Path, output: Option<&Path>, format: Format) -> Result<Target, String> {
        match output {
            Some(path) if path == Path::new("-") => Ok(Target::Stdout),
            Some(path) => named(letter, path),
            None => beside(letter, format),
        }
    }

    /// The file written, unless standard output.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Target::Stdout => None,
            Target::File(path) | Target::Stream(path) => Some(path),
        }
    }

    /// Writes `bytes` there (`stdout` for [`Target::Stdout`]) with the one atomic
    /// writer, [`disk::write_file`], which looks again just before writing.
    pub fn write(&self, bytes: &[u8], stdout: &mut dyn Write) -> io::Result<()> {
        match self {
            Target::Stdout => {
                stdout.write_all(bytes)?;
                stdout.flush()
            }
            Target::File(path) => disk::write_file(path, bytes, NonRegular::Refuse),
            Target::Stream(path) => disk::write_file(path, bytes, NonRegular::WriteInto),
        }
    }
}

/// The default path next to the letter, if nothing is in the way.
fn beside(letter: &Path, format: Format) -> Result<Target, String> {
    let path = default_output_path(letter, format);
    match Node::at(&path).map_err(|e| format!("{}: {e}", path.display()))? {
        Node::Missing | Node::Regular => Ok(Target::File(path)),
        Node::Symlink(to) => Err(format!(
            "{}: is a symbolic link to {}; an export never follows a link at its default path \
             (name the file with -o to write there)",
            path.display(),
            to.display()
        )),
        Node::Folder => Err(format!("{}: is a folder, not a file", path.display())),
        Node::Special(what) => Err(format!(
            "{}: is {what}, not a regular file (name it with -o to write into it)",
            path.display()
        )),
    }
}

/// A path the user named with `-o`.
fn named(letter: &Path, path: &Path) -> Result<Target, String> {
    let at = |e: io::Error| format!("{}: {e}", path.display());
    let target = match Node::at(path).map_err(at)? {
        Node::Symlink(_) => path.canonicalize().map_err(|e| {
            format!(
                "{}: a symbolic link that cannot be followed ({e})",
                path.display()
            )
        })?,
        _ => path.to_owned(),
    };
    let drafts_file = crate::drafts::drafts_path(letter);
    if same_file(&target, letter) || same_file(&target, &drafts_file) {
        return Err(format!(
            "{}: refusing to overwrite the letter or its drafts file",
            path.display()
        ));
    }
    match Node::at(&target).map_err(at)? {
        Node::Missing | Node::Regular => Ok(Target::File(target)),
        Node::Special(_) => Ok(Target::Stream(target)),
        Node::Folder => Err(format!("{}: is a folder, not a file", path.display())),
        Node::Symlink(_) => Err(format!("{}: changed while being looked at", path.display())),
    }
}

/// Whether `a` and `b` name the same file: the same file on disk when both exist,
/// else the same path once their folders are resolved.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    let resolved = |p: &Path| {
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f,
            _ => Path::new("."),
        };
        folder
            .canonicalize()
            .map(|f| f.join(p.file_name().unwrap_or_default()))
            .unwrap_or_else(|_| p.to_owned())
    };
    resolved(a) == resolved(b)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn the_default_path_refuses_a_planted_link_naming_its_target() {
        let (dir, letter) = crate::testing::file("s.txt", "letter");
        let drafts_file = crate::drafts::drafts_path(&letter);
        symlink(&drafts_file, dir.path().join("s.response.md")).unwrap();
        let error = Target::choose(&letter, None, Format::Markdown).unwrap_err();
        assert!(
            error.contains("s.response.md: is a symbolic link to "),
            "{error}"
        );
        assert!(
            error.contains(&drafts_file.display().to_string()),
            "{error}"
        );
        assert_eq!(
            Target::choose(&letter, None, Format::Text),
            Ok(Target::File(dir.path().join("s.response.txt")))
        );
    }

    #[test]
    fn a_named_path_never_leads_to_the_letter_or_drafts() {
        let (dir, letter) = crate::testing::file("s.txt", "letter");
        let drafts_file = crate::drafts::drafts_path(&letter);
        // The drafts file need not exist yet.
        for named in [
            letter.clone(),
            drafts_file.clone(),
            dir.path().join("./s.txt"),
        ] {
            assert!(Target::choose(&letter, Some(&named), Format::Text).is_err());
        }
        let link = dir.path().join("out.md");
        symlink("s.txt", &link).unwrap();
        assert!(Target::choose(&letter, Some(&link), Format::Text).is_err());
        assert_eq!(
            Target::choose(&letter, Some(Path::new("/dev/null")), Format::Text),
            Ok(Target::Stream(PathBuf::from("/dev/null")))
        );
        assert_eq!(
            Target::choose(&letter, Some(Path::new("-")), Format::Text),
            Ok(Target::Stdout)
        );
    }
}
