//! Reading letters through the extraction cache ([`crate::cache`]): a brief whose file
//! has not changed comes from the cache without reading the file, and the text of a PDF
//! or HTML letter read before comes from the cache without extracting it again.

use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use super::read::parse_guarded;
use crate::cache::{self, Stamp};
use crate::letter::source::Declared;
use crate::letter::source::{self, Limits, Origin, Read, SOURCES};
use crate::letter::{Brief, LetterError, brief_bytes};

/// [`source::read`], the extracted text of a PDF or HTML file taken from the cache when
/// the same bytes were extracted before.
pub fn read_cached(path: &Path, limits: &Limits) -> Result<Read, String> {
    let source = source::source_for(path).unwrap_or(SOURCES[0]);
    let cache = cache::global().filter(|_| source.worth_caching());
    let Some(cache) = cache else {
        return source::read(path, limits);
    };
    let bytes = source::read_capped(path, limits.max_bytes)?;
    let hash = xxh3_64(&bytes);
    let origin = Origin {
        path: path.to_owned(),
        source: source.name(),
    };
    if let Some(kept) = cache.text(source.name(), hash) {
        return Ok(Read {
            text: kept.text.into_bytes(),
            origin,
            warnings: kept.warnings,
            declared: kept.declared,
        });
    }
    let extracted = source.extract(bytes, limits)?;
    if let Ok(text) = std::str::from_utf8(&extracted.text) {
        let kept = cache::Text {
            text: text.to_owned(),
            warnings: extracted.warnings.clone(),
            declared: extracted.declared,
        };
        cache.put_text(source.name(), hash, &kept);
    }
    Ok(Read {
        text: extracted.text,
        origin,
        warnings: extracted.warnings,
        declared: extracted.declared,
    })
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
    let read = read_cached(path, &Limits::new(max_bytes))?;
    let brief = parse_guarded(&read, brief_bytes)?;
    if let (Some(cache), Some(stamp)) = (cache, stamp) {
        cache.put_brief(path, stamp, xxh3_64(&read.text), &brief);
    }
    Ok(brief)
}

/// The brief the cache keeps of the letter at `path` as `stamp`ed (no larger than
/// `max_bytes`), without reading the file; `None` when the cache is off or has none.
fn cached_brief(path: &Path, stamp: &Stamp, max_bytes: u64) -> Option<Brief> {
    (stamp.size() <= max_bytes).then(|| cache::global()?.brief(path, stamp))?
}

/// [`cached_brief`] and how many comments the letter has; with `numbers` false the
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
