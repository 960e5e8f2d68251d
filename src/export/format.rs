//! The output formats of an export and the file names they get next to the letter.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::{Document, docx, html, markdown, text};

/// Declares [`Format`] from one table: each format's names, file extension and
/// renderer. A new format is a renderer module and one entry here.
macro_rules! formats {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            name: $name:literal,
            command: $command:literal,
            also: [$($also:literal),*],
            extension: $extension:literal,
            render: $render:expr $(,)?
        }
    )+) => {
        /// An output format.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Format {
            $($(#[$doc])* $variant,)+
        }

        impl Format {
            /// Every format, in the order `--format` and the export prompt list them.
            pub const ALL: [Format; [$(stringify!($variant)),+].len()] = [$(Format::$variant),+];

            /// The name used by `--format`: `md`, `txt`, `html`, `docx`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Format::$variant => $name,)+
                }
            }

            /// The command that exports in this format (`run = "export markdown"`); the
            /// format's other names after `export ` (`export md`), and `export_` with
            /// the word after `export ` (`export_markdown`), name it too.
            pub fn command(self) -> &'static str {
                match self {
                    $(Format::$variant => $command,)+
                }
            }

            /// Every name the format answers to: its name, the word of its command,
            /// and older or longer names.
            pub fn names(self) -> &'static [&'static str] {
                match self {
                    $(Format::$variant => &[$name, $($also),*],)+
                }
            }

            /// The file extension of [`default_output_path`]: `md`, `txt`, `htm`
            /// (EDGAR's extension for HTML), `docx`.
            pub fn extension(self) -> &'static str {
                match self {
                    $(Format::$variant => $extension,)+
                }
            }

            /// The response letter `document` written in this format.
            pub fn render(self, document: &Document) -> Vec<u8> {
                match self {
                    $(Format::$variant => ($render)(document),)+
                }
            }
        }
    };
}

formats! {
    /// Markdown (CommonMark).
    Markdown {
        name: "md",
        command: "export markdown",
        also: ["markdown"],
        extension: "md",
        render: |d| markdown::render(d).into_bytes(),
    }
    /// Plain text wrapped at 80 columns.
    Text {
        name: "txt",
        command: "export text",
        also: ["text"],
        extension: "txt",
        render: |d| text::render(d).into_bytes(),
    }
    /// HTML that EDGAR accepts.
    Html {
        name: "html",
        command: "export html",
        also: ["htm"],
        extension: "htm",
        render: |d| html::render(d).into_bytes(),
    }
    /// A Word document.
    Docx {
        name: "docx",
        command: "export docx",
        also: [],
        extension: "docx",
        render: docx::render,
    }
}

impl Default for Format {
    fn default() -> Self {
        Format::ALL[0]
    }
}

impl Format {
    /// The format a file name's extension stands for (`.md`, `.markdown`, `.txt`,
    /// `.text`, `.htm`, `.html`, `.docx`; any case), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }

    /// The format a command names (`export markdown`, `export md`, `export_markdown`).
    pub fn of_command(command: &str) -> Option<Format> {
        let word = command
            .strip_prefix("export ")
            .or_else(|| command.strip_prefix("export_"))?;
        Format::ALL
            .into_iter()
            .find(|f| f.command().strip_prefix("export ") == Some(word))
            .or_else(|| command.strip_prefix("export ")?.parse().ok())
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
        let s = s.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.names().contains(&s.as_str()))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                let (last, first) = names.split_last().expect("formats");
                format!(
                    "unknown format {s:?} (expected {} or {last})",
                    first.join(", ")
                )
            })
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
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_export_name)
}

/// [`is_export_file`] of a file's name.
pub fn is_export_name(name: &str) -> bool {
    // Compared in place, in any case: a folder of 10,000 letters asks this of each name.
    // No format's name has a dot, so the extension is what follows the last one, and
    // only a name whose stem ends in `.response` need be compared with the formats'.
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let end = ".response";
    stem.len() >= end.len()
        && stem.as_bytes()[stem.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
        && Format::ALL
            .iter()
            .flat_map(|f| f.names())
            .any(|name| ext.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_name() {
        crate::testing::assert_names_parse_back(&Format::ALL, Format::name);
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
        assert!(is_export_file(Path::new(".RESPONSE.Md")));
        assert!(!is_export_file(Path::new("x.response")));
        assert!(!is_export_file(Path::new("x.response.pdf")));
        assert!(!is_export_file(Path::new("xresponse.md")));
        // What `is_export_file` takes for the extension: the part after the last dot.
        let names = Format::ALL.iter().flat_map(|f| f.names());
        assert!(names.clone().all(|n| !n.contains('.')));
        for name in names {
            assert!(is_export_file(Path::new(&format!("d/a.b.Response.{name}"))));
        }
    }
}
