//! Reading letters through the extraction cache ([`crate::cache`]): a brief whose file
//! has not changed comes from the cache without reading the file, and the text of a PDF
//! or HTML letter read before comes from the cache without extracting it again.

use std::ffi::OsStr;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use super::read::parse_guarded;
use crate::cache::{self, Folder, Stamp};
use crate::letter::source::Declared;
use crate::letter::source::{self, Limits, Origin, Read, SOURCES};
use crate::letter::{Brief, LetterError, brief_bytes};

/// [`source::read`], the extracted text of a PDF or HTML file taken from the cache when
/// the same bytes were extracted before.
pub fn read_cached(path: &Path, limits: &Limits) -> Result<Read, String> {
    read_cached_at(path, None, limits, Vec::new()).map(|(read, _)| read)
}

/// Where a letter file lies, for a read that need not resolve its path again: its
/// folder, opened, and its name there.
pub type At<'a> = Option<(&'a Folder, &'a OsStr)>;

/// [`read_cached`], the file opened in its folder (`at`, see [`Folder::read`]) when it
/// is a plain regular file there, else by its path as [`source::read`] does; its bytes
/// go into `buffer` (whose memory is reused). Also gives the file's stamp as opened,
/// when it was opened in its folder.
pub(super) fn read_cached_at(
    path: &Path,
    at: At,
    limits: &Limits,
    mut buffer: Vec<u8>,
) -> Result<(Read, Option<Stamp>), String> {
    let source = source::source_for(path).unwrap_or(SOURCES[0]);
    let opened = at.and_then(|(folder, name)| folder.read(name, limits.max_bytes, &mut buffer));
    let bytes = match opened {
        Some(_) => buffer,
        None => source::read_capped(path, limits.max_bytes)?,
    };
    let origin = Origin {
        path: path.to_owned(),
        source: source.name(),
    };
    // The bytes' hash, when the cache keeps this source's extracted text.
    let cache = cache::global()
        .filter(|_| source.worth_caching())
        .map(|cache| (cache, xxh3_64(&bytes)));
    if let Some((cache, hash)) = cache
        && let Some(kept) = cache.text(&source.cache_name(), hash)
    {
        let read = Read {
            text: kept.text.into_bytes(),
            origin,
            warnings: kept.warnings,
            declared: kept.declared,
        };
        return Ok((read, opened));
    }
    let extracted = source.extract(bytes, limits)?;
    if let Some((cache, hash)) = cache
        && let Ok(text) = std::str::from_utf8(&extracted.text)
    {
        let kept = cache::Text {
            text: text.to_owned(),
            warnings: extracted.warnings.clone(),
            declared: extracted.declared,
        };
        cache.put_text(&source.cache_name(), hash, &kept);
    }
    let read = Read {
        text: extracted.text,
        origin,
        warnings: extracted.warnings,
        declared: extracted.declared,
    };
    Ok((read, opened))
}

/// Read a letter file of any source ([`source::read`]: regular files only, nothing
/// larger than `max_bytes`) and run `parse` (e.g. [`parse_bytes`](crate::letter::parse_bytes)
/// or [`brief_bytes`](crate::letter::brief_bytes)) on its name and text; a parser panic
/// becomes an error for that file, not a crash. Errors do not repeat the file's path (a
/// list shows its name).
pub fn read_guarded<T: Declared>(
    path: &Path,
    max_bytes: u64,
    parse: fn(&str, &[u8]) -> Result<T, LetterError>,
) -> Result<T, String> {
    let read = read_cached(path, &Limits::new(max_bytes))?;
    parse_guarded(&read, parse)
}

/// The brief of the letter at `path` (no larger than `max_bytes`): from the cache when
/// the file is the very version it was read from, else read (and kept for next time).
pub fn read_brief(path: &Path, max_bytes: u64) -> Result<Brief, String> {
    read_brief_stamped(path, max_bytes, None)
}

/// [`read_brief`] of a letter whose stamp the caller read before anything read the file
/// (a folder search's [`Found::stamp`](super::Found::stamp)); `None`: it is read here.
pub fn read_brief_stamped(
    path: &Path,
    max_bytes: u64,
    stamp: Option<Stamp>,
) -> Result<Brief, String> {
    read_brief_at(path, max_bytes, stamp, None, &mut Vec::new())
}

/// [`read_brief_stamped`], the file opened in its folder when `at` says where
/// ([`read_cached_at`]), its bytes read into `buffer`'s memory (handed back there for the
/// next file when the text was the file's own bytes).
pub(super) fn read_brief_at(
    path: &Path,
    max_bytes: u64,
    stamp: Option<Stamp>,
    at: At,
    buffer: &mut Vec<u8>,
) -> Result<Brief, String> {
    let cache = cache::global();
    let stamp = match stamp {
        Some(stamp) => Some(stamp).filter(|s| s.size() <= max_bytes),
        None => cache
            .and_then(|_| std::fs::metadata(path).ok())
            .filter(|meta| meta.is_file() && meta.len() <= max_bytes)
            .map(|meta| Stamp::of(&meta)),
    };
    if let Some(stamp) = &stamp
        && let Some(brief) = cached_brief(path, stamp, max_bytes)
    {
        return Ok(brief);
    }
    let limits = Limits::new(max_bytes);
    let (read, opened) = read_cached_at(path, at, &limits, std::mem::take(buffer))?;
    let brief = parse_guarded(&read, brief_bytes);
    if let (Ok(brief), Some(cache), Some(stamp)) = (&brief, cache, opened.or(stamp)) {
        cache.put_brief(path, stamp, xxh3_64(&read.text), brief);
    }
    if read.text.capacity() <= KEPT_BUFFER {
        *buffer = read.text;
    }
    brief
}

/// The largest buffer [`read_brief_at`] hands back for the next file: a rare large
/// letter's memory is not held on to.
const KEPT_BUFFER: usize = 1 << 20;

/// The brief the cache keeps of the letter at `path` as `stamp`ed (no larger than
/// `max_bytes`), without reading the file; `None` when the cache is off or has none.
fn cached_brief(path: &Path, stamp: &Stamp, max_bytes: u64) -> Option<Brief> {
    (stamp.size() <= max_bytes).then(|| cache::global()?.brief(path, stamp))?
}

/// `cached_brief` and how many comments the letter has; with `numbers` false the
/// comment numbers are not kept ([`Brief::numbers`] is empty).
pub fn cached_brief_counted(
    path: &Path,
    stamp: &Stamp,
    max_bytes: u64,
    numbers: bool,
) -> Option<(Brief, usize)> {
    let cache = cache::global().filter(|_| stamp.size() <= max_bytes)?;
    cache.brief_counted(path, stamp, numbers)
}

/// Write what this run added to the cache (see [`cache::Cache::save`]).
pub fn save_cache() {
    if let Some(cache) = cache::global() {
        cache.save();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::MB;
    use crate::letter::parse_bytes;

    #[test]
    fn too_large_files_are_not_read() {
        let (dir, file) = crate::testing::file("big.txt", vec![b'a'; 3 * 1024 * 1024 + 1]);
        let limits = 2 * MB;
        assert_eq!(
            read_guarded(&file, limits, parse_bytes).unwrap_err(),
            "too large to open (4 MB; limit 2 MB)"
        );
        let binary = dir.path().join("bin.txt");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
        assert_eq!(
            read_guarded(&binary, limits, parse_bytes).unwrap_err(),
            "not a letter (binary content)"
        );
    }
}
