//! Turning a file's bytes into text: UTF-8 when it is, Windows-1252 otherwise,
//! and a refusal for binary content.

/// How far into a file NUL bytes mark it as binary.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

use std::borrow::Cow;

/// The text of a file and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The decoded text (any BOM removed, any later NUL replaced by U+FFFD): borrowed
    /// from the bytes when they are UTF-8 and hold no NUL.
    pub text: Cow<'a, str>,
    /// Set when the bytes were not UTF-8 and were read as Windows-1252.
    pub windows_1252: bool,
}

/// Decode `bytes`. Returns `None` for binary content: a NUL byte in the first 8 KiB.
pub fn decode(bytes: &[u8]) -> Option<Decoded<'_>> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if memchr::memchr(0, sniff).is_some() {
        return None;
    }
    // A NUL byte decodes to NUL (and no other byte does): a file the sniff saw whole
    // holds none.
    let sniffed_whole = sniff.len() == bytes.len();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // (A vectorised check, answering as `std::str::from_utf8` does: every byte of every
    // letter is read here.)
    let (text, windows_1252) = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, true)
        }
    };
    // (A vectorised search: this looks at every byte of every longer letter.)
    let text = if !sniffed_whole && memchr::memchr(0, text.as_bytes()).is_some() {
        Cow::Owned(text.replace('\0', "\u{FFFD}"))
    } else {
        text
    };
    Some(Decoded { text, windows_1252 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let d = decode("\u{FEFF}Dear Mr. Chen:".as_bytes()).unwrap();
        assert_eq!(d.text, "Dear Mr. Chen:");
        assert!(!d.windows_1252);
    }

    #[test]
    fn windows_1252_is_decoded() {
        let d = decode(b"Company\x92s caf\xe9").unwrap();
        assert_eq!(d.text, "Company\u{2019}s caf\u{e9}");
        assert!(d.windows_1252);
    }

    #[test]
    fn nul_early_is_binary_and_late_is_replaced() {
        assert!(decode(b"PK\x03\x04\x00\x00").is_none());
        let mut late = vec![b'a'; BINARY_SNIFF_BYTES + 10];
        late.push(0);
        let d = decode(&late).unwrap();
        assert!(d.text.ends_with('\u{FFFD}'));
        // The first byte past the sniff, in a file read as UTF-8 and as Windows-1252.
        for first in [b'a', 0x92] {
            let mut just_past = vec![first; BINARY_SNIFF_BYTES];
            just_past.push(0);
            let d = decode(&just_past).unwrap();
            assert_eq!(d.text.chars().last(), Some('\u{FFFD}'), "{first}");
        }
        let whole = decode(&[b'a'; BINARY_SNIFF_BYTES]).unwrap();
        assert!(!whole.text.contains('\u{FFFD}'));
    }
}
