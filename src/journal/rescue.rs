//! The last resort for unsaved text when neither the drafts file nor the journal can
//! be written: the texts as plain Markdown, to standard output or to a new file the
//! user names (never over an existing one).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `texts` (letter file, comment number, response) as Markdown: a heading per
/// letter, a subheading per comment, the response as typed.
pub fn write_rescue(out: &mut dyn Write, texts: &[(PathBuf, String, String)]) -> io::Result<()> {
    let mut letter: Option<&Path> = None;
    for (path, number, text) in texts {
        if letter != Some(path.as_path()) {
            writeln!(out, "# {}\n", path.display())?;
            letter = Some(path);
        }
        writeln!(out, "## Comment {number}\n\n{text}\n")?;
    }
    out.flush()
}

/// Writes `texts` as [`write_rescue`] does to a new file at `path`; an existing file
/// is never replaced (an error says so).
pub fn write_rescue_file(path: &Path, texts: &[(PathBuf, String, String)]) -> io::Result<()> {
    let mut file = fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?;
    write_rescue(&mut file, texts)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<(PathBuf, String, String)> {
        vec![
            ("/l/a.txt".into(), "1".into(), "One.".into()),
            ("/l/a.txt".into(), "2".into(), "Two.\nLines.".into()),
            ("/l/b.txt".into(), "1".into(), "B one.".into()),
        ]
    }

    #[test]
    fn every_text_under_its_letter_and_comment() {
        let mut out = Vec::new();
        write_rescue(&mut out, &texts()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# /l/a.txt\n\n## Comment 1\n\nOne.\n\n## Comment 2\n\nTwo.\nLines.\n\n\
             # /l/b.txt\n\n## Comment 1\n\nB one.\n\n"
        );
    }

    #[test]
    fn a_rescue_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rescued.md");
        write_rescue_file(&path, &texts()).unwrap();
        assert!(fs::read_to_string(&path).unwrap().contains("B one."));
        let error = write_rescue_file(&path, &texts()[..1]).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert!(fs::read_to_string(&path).unwrap().contains("B one."));
    }
}
