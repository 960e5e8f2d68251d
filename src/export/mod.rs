//! Exporting a response letter: the company's answer to a staff comment letter, in the
//! settled EDGAR form (opening paragraph, each comment's headings, the comment
//! restated in bold or italics, the response under a "Response:" label, closing,
//! signature, cc list). No terminal code lives here.
//!
//! - [`export`]: a [`Letter`] and its [`Drafts`] → the bytes of a Markdown, plain
//!   text, HTML or `.docx` file, with the comments that still lack a response.
//! - [`default_output_path`] / [`write_export`]: where the file goes (`NAME.response.md`
//!   next to `NAME.txt`) and an atomic write.
//! - [`ExportSettings`]: signer, cc list, restatement style, response label, read from
//!   the `[export]` table of the user's config file.
//!
//! Text from the letter and the drafts is sanitized (control characters become
//! U+FFFD) and escaped for each format so it reads back exactly.

mod addressees;
mod document;
mod docx;
pub mod escape;
mod flow;
mod html;
mod markdown;
mod opening;
mod record;
mod requests;
mod settings;
mod text;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use document::{
    Block, Document, MISSING_MARKER, NO_RESPONSE, Page, Properties, REDACTED_MARKER, Tally, build,
    long_date,
};
pub use flow::{Flow, Item, Marker};
pub use record::{Edited, Records, free_name};
pub use requests::{Asked, acknowledgment, asks_nothing};
pub use settings::{ExportSettings, HalfPoints, Inches, Paper, Restatement};

use crate::drafts::Drafts;
use crate::letter::Letter;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Markdown (CommonMark).
    #[default]
    Markdown,
    /// Plain text wrapped at 80 columns.
    Text,
    /// HTML that EDGAR accepts.
    Html,
    /// A Word document.
    Docx,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Text, Format::Html, Format::Docx];

    /// The name used by `--format`: `md`, `txt`, `html`, `docx`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The file extension of [`default_output_path`]: `md`, `txt`, `htm` (EDGAR's
    /// extension for HTML), `docx`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "htm",
            other => other.name(),
        }
    }

    /// The format a file name's extension stands for (`.md`, `.markdown`, `.txt`,
    /// `.text`, `.htm`, `.html`, `.docx`; any case), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "txt" | "text" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            other => Err(format!(
                "unknown format {other:?} (expected md, txt, html or docx)"
            )),
        }
    }
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// The file's bytes (UTF-8 text, or a zip for `.docx`).
    pub bytes: Vec<u8>,
    /// Numbers of the comments with no response text, in letter order; each is marked
    /// [`MISSING_MARKER`] in the output.
    pub missing: Vec<String>,
    /// Numbers of the comments that have a response but are not marked resolved.
    pub unresolved: Vec<String>,
    /// Other things worth telling: no signer configured, responses to comments the
    /// letter no longer has (left out), a letter without comments.
    pub warnings: Vec<String>,
}

impl Export {
    /// Whether every comment has a response and is resolved (what `--strict` asks).
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.unresolved.is_empty()
    }

    /// What stands between this export and filing, as messages: "3 comments have no
    /// response: 4, 7, 9", "2 comments are drafted but not resolved: 1, 2". Empty when
    /// [`Export::is_complete`].
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.missing.is_empty() {
            out.push(count_message(
                &self.missing,
                "comment has no response",
                "comments have no response",
            ));
        }
        if !self.unresolved.is_empty() {
            out.push(count_message(
                &self.unresolved,
                "comment is drafted but not resolved",
                "comments are drafted but not resolved",
            ));
        }
        out
    }

    /// Everything to tell the user: [`Export::problems`], then [`Export::warnings`].
    pub fn notices(&self) -> Vec<String> {
        let mut out = self.problems();
        out.extend(self.warnings.iter().cloned());
        out
    }
}

/// "1 comment has no response: 4" / "3 comments have no response: 4, 7, 9". The
/// numbers come from the letter, so they are made safe to print.
fn count_message(numbers: &[String], one: &str, many: &str) -> String {
    let what = if numbers.len() == 1 { one } else { many };
    let shown: Vec<String> = numbers
        .iter()
        .map(|n| escape::sanitize(n).replace(['\n', '\t'], " "))
        .collect();
    format!("{} {what}: {}", numbers.len(), shown.join(", "))
}

/// Renders the response letter to `letter` in `format`. `drafts` are looked up by
/// comment number (`None`: nothing drafted yet); drafts for numbers the letter does
/// not have are left out and named in [`Export::warnings`].
///
/// A comment counts as missing when its response has no text (whatever its status),
/// and as unresolved when it has text but is not [`Status::Resolved`](crate::drafts::Status).
pub fn export(
    letter: &Letter,
    drafts: Option<&Drafts>,
    settings: &ExportSettings,
    format: Format,
) -> Export {
    let (document, tally) = build(letter, drafts, settings);
    let bytes = render(&document, format);
    Export {
        bytes,
        missing: tally.missing,
        unresolved: tally.unresolved,
        warnings: tally.warnings,
    }
}

/// Renders a built [`Document`] in `format`.
pub fn render(document: &Document, format: Format) -> Vec<u8> {
    match format {
        Format::Markdown => markdown::render(document).into_bytes(),
        Format::Text => text::render(document).into_bytes(),
        Format::Html => html::render(document).into_bytes(),
        Format::Docx => docx::render(document),
    }
}

/// Where an export goes by default: next to the letter, `NAME.txt` →
/// `NAME.response.md` (`.txt`, `.htm`, `.docx`). Never the drafts file
/// (`NAME.responses.toml`).
pub fn default_output_path(letter_path: &Path, format: Format) -> PathBuf {
    let stem = letter_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "letter".to_owned());
    letter_path.with_file_name(format!("{stem}.response.{}", format.extension()))
}

/// Whether `path` is named like an export ([`default_output_path`]): a letter list
/// should skip `NAME.response.md` / `.txt` / `.htm` / `.html` / `.docx`.
pub fn is_export_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    ["md", "markdown", "txt", "text", "htm", "html", "docx"]
        .iter()
        .any(|ext| lower.ends_with(&format!(".response.{ext}")))
}

/// Writes `bytes` to `path` atomically: a temp file in the same folder, synced, then
/// renamed over `path` (through a symlink, to its target). An existing file's
/// permissions are kept; a new file gets the usual umask-based ones.
pub fn write_export(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_owned(),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_owned());
    let prefix = format!(".{name}.tmp");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_name() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert_eq!("HTM".parse::<Format>(), Ok(Format::Html));
        assert!("pdf".parse::<Format>().is_err());
        assert_eq!(
            Format::from_path(Path::new("a/b.Markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a/b.docx")), Some(Format::Docx));
        assert_eq!(Format::from_path(Path::new("a/b")), None);
    }

    #[test]
    fn output_paths_sit_next_to_the_letter() {
        let letter = Path::new("/l/upload_x_2014-11-17.txt");
        assert_eq!(
            default_output_path(letter, Format::Markdown),
            PathBuf::from("/l/upload_x_2014-11-17.response.md")
        );
        assert_eq!(
            default_output_path(letter, Format::Html),
            PathBuf::from("/l/upload_x_2014-11-17.response.htm")
        );
        for format in Format::ALL {
            let path = default_output_path(letter, format);
            assert!(is_export_file(&path), "{}", path.display());
            assert_ne!(path, crate::drafts::drafts_path(letter));
        }
        assert!(!is_export_file(letter));
        assert!(!is_export_file(Path::new("x.responses.toml")));
    }

    #[test]
    fn notices_count_and_list() {
        let export = Export {
            bytes: Vec::new(),
            missing: vec!["4".into(), "7".into(), "9".into()],
            unresolved: vec!["1\u{1b}".into()],
            warnings: vec!["w".into()],
        };
        assert_eq!(
            export.notices(),
            [
                "3 comments have no response: 4, 7, 9",
                "1 comment is drafted but not resolved: 1\u{fffd}",
                "w"
            ]
        );
        assert_eq!(export.problems().len(), 2);
        assert!(!export.is_complete());
    }

    #[test]
    fn write_export_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.response.md");
        write_export(&path, b"one").unwrap();
        write_export(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp file left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn write_export_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.response.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_export(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
