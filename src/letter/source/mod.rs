//! Letter sources: the one way to read a letter file, whatever form it comes in.
//!
//! [`read`] opens a file under the [`Limits`] (regular files only, the size cap looked
//! at before reading), picks the [`Source`] its extension names, and hands back the text
//! the parser reads, which file and source it came from ([`Origin`]), and any warnings.
//! The sources are registered once, in [`SOURCES`]; their order is their rank: when one
//! name has several files (`NAME.pdf` and `NAME.txt`), the first source's file is read.
//! Adding a source is one new file here plus one line in the `sources!` list.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Kind;

pub use crate::disk::{MB, io_message};

/// The size cap on letter files when the user's config sets none.
pub const DEFAULT_MAX_BYTES: u64 = 64 * MB;

/// How long a source may take to turn one file into text.
pub const DEFAULT_TIME: Duration = Duration::from_secs(20);

/// What reading one letter file may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this many bytes are not read.
    pub max_bytes: u64,
    /// A source that takes longer than this on one file gives up (PDF, HTML).
    pub time: Duration,
}

impl Limits {
    /// The limits with a size cap of `max_bytes` and the default time.
    pub fn new(max_bytes: u64) -> Limits {
        Limits {
            max_bytes,
            time: DEFAULT_TIME,
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::new(DEFAULT_MAX_BYTES)
    }
}

/// One form a letter file comes in: turns the file's bytes into the text the parser
/// reads.
pub trait Source: Sync {
    /// Its name in messages and rows, e.g. "PDF".
    fn name(&self) -> &'static str;
    /// The file name extensions it reads, lower case, without the dot.
    fn extensions(&self) -> &'static [&'static str];
    /// The text of a file's bytes (UTF-8, or for plain text the file's own bytes, which
    /// the parser decodes), or why there is none, in words for the file's row.
    fn extract(&self, bytes: Vec<u8>, limits: &Limits) -> Result<Extracted, String>;
    /// Whether what it extracts is worth keeping in the extraction cache (not for plain
    /// text, which is its own text).
    fn worth_caching(&self) -> bool {
        true
    }
    /// The revision of what it extracts, raised whenever the same bytes would give
    /// another text: the extraction cache keeps texts by source and revision, so that
    /// a text an older build kept is not read as this one's.
    fn revision(&self) -> u32 {
        1
    }
    /// The name its texts are kept under in the extraction cache: its name and
    /// [`revision`](Source::revision).
    fn cache_name(&self) -> String {
        format!("{}-r{}", self.name(), self.revision())
    }
}

/// What a source makes of a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The text the parser reads.
    pub text: Vec<u8>,
    /// Things the reader should know (e.g. "page 3 has no text"), in words.
    pub warnings: Vec<String>,
    /// The kind of letter the file declares itself to be, where its format says so
    /// (EDGAR's form type CORRESP: a company's response). It overrides the kind the
    /// parser reads from the text.
    pub declared: Option<Kind>,
}

/// Which file a letter's text was read from, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file read.
    pub path: PathBuf,
    /// The source that read it ([`Source::name`]).
    pub source: &'static str,
}

/// A letter file read: its text, where it came from, and any warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The text the parser reads (see [`Extracted::text`]).
    pub text: Vec<u8>,
    /// The file and source.
    pub origin: Origin,
    /// Warnings from the source.
    pub warnings: Vec<String>,
    /// The kind the file declares ([`Extracted::declared`]).
    pub declared: Option<Kind>,
}

/// A reading of a letter that what its file says of itself applies to: the kind it
/// declares ([`Read::declared`]) and its source's warnings ([`Read::warnings`]).
pub trait Declared {
    /// Take the kind the file declares.
    fn declare(&mut self, kind: Kind);
    /// Take the source's warnings (before the parser's own).
    fn warn(&mut self, warnings: &[String]);
}

impl Declared for super::Letter {
    fn declare(&mut self, kind: Kind) {
        self.kind = kind;
    }

    fn warn(&mut self, warnings: &[String]) {
        self.warnings.splice(0..0, warnings.iter().cloned());
    }
}

impl Declared for super::Brief {
    fn declare(&mut self, kind: Kind) {
        self.kind = kind;
    }

    fn warn(&mut self, warnings: &[String]) {
        self.warnings += warnings.len();
    }
}

impl Read {
    /// Parse the text with `parse` (e.g. [`parse_bytes`](super::parse_bytes) or
    /// [`brief_bytes`](super::brief_bytes)), the declared kind and the source's
    /// warnings applied.
    pub fn parse<T: Declared>(
        &self,
        parse: impl FnOnce(&str, &[u8]) -> Result<T, super::LetterError>,
    ) -> Result<T, super::LetterError> {
        // The path as `display` shows it (invalid UTF-8 replaced), borrowed when valid.
        let mut parsed = parse(&self.origin.path.to_string_lossy(), &self.text)?;
        if let Some(kind) = self.declared {
            parsed.declare(kind);
        }
        if !self.warnings.is_empty() {
            parsed.warn(&self.warnings);
        }
        Ok(parsed)
    }
}

/// Registers the sources: each `module::Type` is a file of this folder and one entry of
/// [`SOURCES`], in rank order.
macro_rules! sources {
    ($($module:ident :: $source:ident),+ $(,)?) => {
        $(mod $module;)+
        /// Every source, in rank order (see the module's documentation).
        pub static SOURCES: &[&dyn Source] = &[$(&$module::$source),+];
    };
}

sources!(text::Text, pdf::Pdf, html::HtmlSource);

mod pdf_order;

/// The source that reads files named like `path` (by extension, any case); `None` for a
/// name no source claims.
pub fn source_for(path: &Path) -> Option<&'static dyn Source> {
    rank(path).map(|rank| SOURCES[rank])
}

/// The rank of the source that reads files named like `path` (its place in
/// [`SOURCES`]: lower is preferred), if any.
pub fn rank(path: &Path) -> Option<usize> {
    rank_of_extension(path.extension()?.to_str()?)
}

/// [`rank`] of files whose extension is `ext` (any case).
pub fn rank_of_extension(ext: &str) -> Option<usize> {
    SOURCES.iter().position(|s| {
        s.extensions()
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}

/// Whether a file name is one some source reads (`.txt`, `.md`, `.pdf`, `.htm`, …).
pub fn is_source_name(name: &str) -> bool {
    source_for(Path::new(name)).is_some()
}

/// The extensions the sources read, in rank order, as words for a message: ".txt, .md,
/// .pdf, .htm or .html".
pub fn extensions_in_words() -> String {
    let all: Vec<String> = SOURCES
        .iter()
        .flat_map(|s| s.extensions())
        .map(|e| format!(".{e}"))
        .collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => all.concat(),
    }
}

/// Read the letter file at `path`: a regular file no larger than `limits.max_bytes`
/// (looked at before reading, and never read past), turned into text by the source its
/// extension names; a file no source claims (a path given directly) is read as plain
/// text. Errors are in words for the file's row and do not repeat its path.
pub fn read(path: &Path, limits: &Limits) -> Result<Read, String> {
    let bytes = read_capped(path, limits.max_bytes)?;
    let source = source_for(path).unwrap_or(SOURCES[0]);
    let extracted = source.extract(bytes, limits)?;
    Ok(Read {
        text: extracted.text,
        origin: Origin {
            path: path.to_owned(),
            source: source.name(),
        },
        warnings: extracted.warnings,
        declared: extracted.declared,
    })
}

/// The bytes of a regular file no larger than `max_bytes`. A FIFO, device or folder is
/// refused before it is opened (opening a FIFO would wait for a writer).
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    crate::disk::read_regular_file(path, max_bytes).map_err(|e| e.to_string())
}

/// The message a panic carried.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// Run `work` on a worker thread of its own, inside `catch_unwind`, for at most `time`:
/// a panic or a run past the limit becomes an error naming `what` (a run past the limit
/// is left to finish on its own; its result is dropped).
pub fn guarded<T: Send + 'static>(
    what: &str,
    time: Duration,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (done, result) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("letterdesk-source".into())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            let _ = done.send(outcome.map_err(|p| panic_message(p.as_ref()).to_owned()));
        })
        .map_err(|e| format!("cannot start a {what} reader: {e}"))?;
    match result.recv_timeout(time) {
        Ok(Ok(outcome)) => {
            let _ = worker.join();
            outcome
        }
        Ok(Err(panic)) => Err(format!("the {what} reader failed on this file ({panic})")),
        Err(_) => Err(format!(
            "the {what} reader gave up: over {} s on this file",
            time.as_secs_f32()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_picked_by_extension_in_rank_order() {
        let name = |p: &str| source_for(Path::new(p)).map(|s| s.name());
        assert_eq!(name("a.TXT"), Some("text"));
        assert_eq!(name("a.md"), Some("text"));
        assert_eq!(name("a.Pdf"), Some("PDF"));
        assert_eq!(name("a.htm"), Some("HTML"));
        assert_eq!(name("a.html"), Some("HTML"));
        assert_eq!(name("a.HTML"), Some("HTML"));
        assert_eq!(name("a.pd\u{0301}f"), None);
        assert_eq!(name("a.docx"), None);
        assert_eq!(name("noext"), None);
        assert!(rank(Path::new("a.txt")) < rank(Path::new("a.pdf")));
        assert!(rank(Path::new("a.pdf")) < rank(Path::new("a.htm")));
        assert_eq!(extensions_in_words(), ".txt, .md, .pdf, .htm or .html");
    }

    #[test]
    fn too_large_and_odd_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.txt");
        std::fs::write(&file, vec![b'a'; 3 * 1024 * 1024 + 1]).unwrap();
        assert_eq!(
            read(&file, &Limits::new(2 * MB)).unwrap_err(),
            "too large to open (4 MB; limit 2 MB)"
        );
        assert_eq!(
            read(dir.path(), &Limits::default()).unwrap_err(),
            "not a regular file (a folder); not read"
        );
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe.txt");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert_eq!(
                    read(&fifo, &Limits::default()).unwrap_err(),
                    "not a regular file (a FIFO); not read"
                );
            }
        }
    }

    #[test]
    fn a_panic_or_a_hang_is_an_error() {
        let panicked = guarded("test", Duration::from_secs(5), || -> Result<(), _> {
            panic!("boom")
        });
        assert_eq!(
            panicked.unwrap_err(),
            "the test reader failed on this file (boom)"
        );
        let slow = guarded("test", Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_millis(500));
            Ok(())
        });
        assert_eq!(
            slow.unwrap_err(),
            "the test reader gave up: over 0.05 s on this file"
        );
    }
}
