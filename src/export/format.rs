//! The output formats of an export and the file names they get next to the letter.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

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
}
